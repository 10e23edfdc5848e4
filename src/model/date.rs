//! Dates in data files: TOML dates (`2024-07-25`) or strings of the same form.

use chrono::NaiveDate;
use serde::de::{self, Deserializer};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(untagged)]
enum RawDate {
    Toml(toml::value::Datetime),
    Text(String),
}

fn parse(raw: RawDate) -> Result<NaiveDate, String> {
    match raw {
        RawDate::Toml(datetime) => match (datetime.date, datetime.time) {
            (Some(date), None) => NaiveDate::from_ymd_opt(
                i32::from(date.year),
                u32::from(date.month),
                u32::from(date.day),
            )
            .ok_or_else(|| format!("{datetime} is not a valid date")),
            _ => Err(format!(
                "expected a date such as 2024-07-25, found `{datetime}`"
            )),
        },
        RawDate::Text(text) => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map_err(|_| format!("expected a date such as 2024-07-25, found `{text}`")),
    }
}

/// Deserializes a required date.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    parse(RawDate::deserialize(deserializer)?).map_err(de::Error::custom)
}

/// Deserializes an optional date (use with `#[serde(default)]`).
pub fn deserialize_option<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error> {
    parse(RawDate::deserialize(deserializer)?)
        .map(Some)
        .map_err(de::Error::custom)
}
