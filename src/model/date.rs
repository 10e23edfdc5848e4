//! Dates in data files: TOML dates (`2024-07-25`) or strings of the same form; and the
//! dates of sources, which may be known only to the month (`"2024-08"`) or the year.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

use super::locale::Convention;

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

/// A date known to the day, the month or the year (a source dated "August 2024").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartialDate {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
    Year(i32),
}

impl PartialDate {
    /// Parses `2024-07-19`, `2024-08` or `2024`.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let text = text.trim();
        if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Some(PartialDate::Day(day));
        }
        let mut parts = text.split('-');
        let year = parts.next()?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        match (parts.next(), parts.next()) {
            (None, _) => Some(PartialDate::Year(year)),
            (Some(month), None) if month.len() == 2 => {
                let month: u32 = month.parse().ok()?;
                (1..=12)
                    .contains(&month)
                    .then_some(PartialDate::Month { year, month })
            }
            _ => None,
        }
    }

    pub fn year(self) -> i32 {
        match self {
            PartialDate::Day(day) => day.year(),
            PartialDate::Month { year, .. } | PartialDate::Year(year) => year,
        }
    }

    /// The month, when it is known.
    pub fn month(self) -> Option<u32> {
        match self {
            PartialDate::Day(day) => Some(day.month()),
            PartialDate::Month { month, .. } => Some(month),
            PartialDate::Year(_) => None,
        }
    }

    /// The last day the date covers: the day itself, the month's last day, 31 December.
    pub fn last_day(self) -> Option<NaiveDate> {
        match self {
            PartialDate::Day(day) => Some(day),
            PartialDate::Month { year, month } => {
                let (next_year, next_month) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                NaiveDate::from_ymd_opt(next_year, next_month, 1).and_then(|d| d.pred_opt())
            }
            PartialDate::Year(year) => NaiveDate::from_ymd_opt(year, 12, 31),
        }
    }

    /// The date written as a letter in `convention` writes dates.
    pub fn written(self, convention: Convention) -> String {
        match self {
            PartialDate::Day(day) => convention.date(day),
            PartialDate::Month { year, month } => convention.month(year, month),
            PartialDate::Year(year) => year.to_string(),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Day(day) => write!(f, "{}", day.format("%Y-%m-%d")),
            PartialDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            PartialDate::Year(year) => write!(f, "{year:04}"),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let expected = |found: &dyn fmt::Display| {
            format!(
                "expected a date such as 2024-07-19, or a month such as \"2024-08\", found `{found}`"
            )
        };
        match RawDate::deserialize(d)? {
            RawDate::Toml(datetime) => match parse(RawDate::Toml(datetime)) {
                Ok(day) => Ok(PartialDate::Day(day)),
                Err(_) => Err(de::Error::custom(expected(&datetime))),
            },
            RawDate::Text(text) => {
                PartialDate::parse(&text).ok_or_else(|| de::Error::custom(expected(&text)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates() {
        assert_eq!(
            PartialDate::parse("2024-08"),
            Some(PartialDate::Month {
                year: 2024,
                month: 8
            })
        );
        assert_eq!(PartialDate::parse("2025"), Some(PartialDate::Year(2025)));
        assert!(PartialDate::parse("2024-13").is_none());
        assert_eq!(
            PartialDate::parse("2024-02").unwrap().last_day(),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        assert!(PartialDate::parse("24-08").is_none());
        let day = PartialDate::parse("2024-07-19").unwrap();
        assert_eq!(
            day.written(Convention::for_letter(crate::model::Language::ES, "")),
            "19 de julio de 2024"
        );
        assert_eq!(
            day.written(Convention::for_letter(crate::model::Language::EN, "US")),
            "July 19, 2024"
        );
        assert_eq!(day.to_string(), "2024-07-19");
        assert_eq!(
            PartialDate::parse("2024-08")
                .unwrap()
                .written(Convention::for_letter(crate::model::Language::ES, "")),
            "agosto de 2024"
        );
    }
}
