//! Today's date: the system clock, or `LETTERS_TODAY` for reproducible runs and tests.

use chrono::NaiveDate;

use crate::error::{Error, Result};

/// The environment variable that fixes "today" (YYYY-MM-DD).
pub const TODAY_VAR: &str = "LETTERS_TODAY";

pub fn today() -> Result<NaiveDate> {
    match std::env::var(TODAY_VAR) {
        Ok(text) if !text.trim().is_empty() => parse_date(&text).ok_or_else(|| {
            Error::flag(
                TODAY_VAR,
                format!("`{text}` is not a date in the form YYYY-MM-DD"),
            )
        }),
        _ => Ok(chrono::Local::now().date_naive()),
    }
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}
