//! Today's date: the system clock, or `LETTERS_TODAY` for reproducible runs and tests.

use chrono::NaiveDate;

use crate::draft::{EARLIEST_DATE, LATEST_DATE};
use crate::error::{Error, Result};

/// The environment variable that fixes "today" (YYYY-MM-DD).
pub const TODAY_VAR: &str = "LETTERS_TODAY";

/// Today, from `LETTERS_TODAY` when set, in the years a letter may be dated.
pub fn today() -> Result<NaiveDate> {
    match std::env::var(TODAY_VAR) {
        Ok(text) if !text.trim().is_empty() => {
            let date = parse_date(&text).ok_or_else(|| {
                Error::flag(
                    TODAY_VAR,
                    crate::messages::detail("detail-not-a-date", &[("value", &text)]),
                )
            })?;
            if !(EARLIEST_DATE..=LATEST_DATE).contains(&date) {
                return Err(Error::flag(
                    TODAY_VAR,
                    format!(
                        "`{}` is outside the years a letter may be dated ({} to {}); \
                         set a date in that range, or unset it to use the system clock",
                        text.trim(),
                        EARLIEST_DATE.format("%Y"),
                        LATEST_DATE.format("%Y")
                    ),
                ));
            }
            Ok(date)
        }
        _ => Ok(chrono::Local::now().date_naive()),
    }
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}
