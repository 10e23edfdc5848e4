//! Dates written out in a letter's language with CLDR's patterns (ICU4X and its
//! compiled data): "25 July 2024", "July 25, 2024", "25 de julio de 2024",
//! "25 juillet 2024", "25 de julho de 2024"; a day of a month and a month alone too.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use chrono::{Datelike, NaiveDate};
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::{MD, YM, YMD};
use icu_datetime::options::Length;
use icu_datetime::pattern::FixedCalendarDateTimeNames;
use icu_datetime::{DateTimeFormatterPreferences, FixedCalendarDateTimeFormatter};
use icu_locale_core::Locale as CldrLocale;
use serde::Deserialize;
use writeable::TryWriteable;

/// `date` written with the CLDR pattern of the field set `$fset` in `$locale`, or `None`.
/// The pattern is formatted with the decimal formatter always loaded: ICU4X 2.4 leaves it
/// out for some patterns that write the year as a number (Portuguese "agosto de 2024").
macro_rules! written {
    ($fset:ty, $fieldset:expr, $locale:expr, $date:expr) => {{
        let prefs: DateTimeFormatterPreferences = $locale.into();
        FixedCalendarDateTimeFormatter::<Gregorian, $fset>::try_new(prefs.clone(), $fieldset)
            .ok()
            .and_then(|formatter| {
                let pattern = formatter.format($date).pattern();
                let mut names = FixedCalendarDateTimeNames::from_formatter(prefs, formatter);
                names.include_decimal_formatter().ok()?;
                let formatter = names.with_pattern_unchecked(&pattern);
                let formatted = formatter.format($date);
                let text = formatted.try_write_to_string().ok()?.into_owned();
                Some(text)
            })
    }};
}

/// How long a written date is, as CLDR names its lengths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateLength {
    /// The month spelled out: "25 July 2024".
    Long,
    /// The month abbreviated: "25 Jul 2024".
    Medium,
}

impl DateLength {
    fn cldr(self) -> Length {
        match self {
            DateLength::Long => Length::Long,
            DateLength::Medium => Length::Medium,
        }
    }
}

/// How one convention writes dates: a CLDR locale (`en-GB`, `es`, `fr`) and a length.
/// What it wrote is kept (the letters of a batch share their dates), up to
/// [`KEPT_DATES`] texts.
#[derive(Debug)]
pub struct DateWriter {
    locale: CldrLocale,
    length: DateLength,
    kept: Mutex<HashMap<(Field, NaiveDate), String>>,
}

/// How many written dates a writer keeps before it starts again.
const KEPT_DATES: usize = 4096;

/// Which fields a date is written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Date,
    DayOfMonth,
    Month,
}

/// What can stop a convention's dates from being written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateWriterError {
    /// The code is not a language tag.
    NotATag(String),
    /// CLDR, as compiled into the program, has no dates for the language.
    NoData(String),
}

impl DateWriter {
    /// The dates of the CLDR locale `code`, checked: a tag CLDR has dates for.
    pub fn new(code: &str, length: DateLength) -> Result<DateWriter, DateWriterError> {
        let locale = CldrLocale::try_from_str(code).map_err(|e| {
            DateWriterError::NotATag(format!("`{code}` is not a language tag ({e})"))
        })?;
        let writer = DateWriter {
            locale,
            length,
            kept: Mutex::default(),
        };
        // A language CLDR has no data for falls back to the root locale, which writes
        // a date as "2024 M07 25"; a language's own patterns never do.
        let root = DateWriter {
            locale: CldrLocale::UNKNOWN,
            length,
            kept: Mutex::default(),
        };
        let probe = NaiveDate::from_ymd_opt(2024, 7, 25).unwrap_or_default();
        if writer.locale.id.language != root.locale.id.language
            && writer.date(probe) == root.date(probe)
        {
            return Err(DateWriterError::NoData(format!(
                "CLDR has no dates for `{code}` in this program: use a language CLDR covers"
            )));
        }
        Ok(writer)
    }

    fn gregorian(date: NaiveDate) -> Option<Date<Gregorian>> {
        let month = u8::try_from(date.month()).ok()?;
        let day = u8::try_from(date.day()).ok()?;
        Date::try_new_gregorian(date.year(), month, day).ok()
    }

    /// `write`'s text for `date`, kept for the next time.
    fn kept(&self, field: Field, date: NaiveDate, write: impl FnOnce() -> String) -> String {
        let key = (field, date);
        if let Some(text) = self.lock().get(&key) {
            return text.clone();
        }
        let text = write();
        let mut kept = self.lock();
        if kept.len() >= KEPT_DATES {
            kept.clear();
        }
        kept.insert(key, text.clone());
        text
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(Field, NaiveDate), String>> {
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A whole date: "25 July 2024".
    pub fn date(&self, date: NaiveDate) -> String {
        self.kept(Field::Date, date, || self.write_date(date))
    }

    fn write_date(&self, date: NaiveDate) -> String {
        Self::gregorian(date)
            .and_then(|d| written!(YMD, YMD::for_length(self.length.cldr()), &self.locale, &d))
            .unwrap_or_else(|| date.format("%Y-%m-%d").to_string())
    }

    /// A day of a month, the year left to what follows: "July 29", "29 July",
    /// "29 de julio".
    pub fn day_of_month(&self, month: u32, day: u32) -> String {
        let month = month.clamp(1, 12);
        // A leap year, so that 29 February is a day.
        let Some(date) = NaiveDate::from_ymd_opt(2024, month, day.max(1)) else {
            return format!("{month:02}-{day:02}");
        };
        self.kept(Field::DayOfMonth, date, || self.write_day_of_month(date))
    }

    fn write_day_of_month(&self, date: NaiveDate) -> String {
        let (month, day) = (date.month(), date.day());
        Self::gregorian(date)
            .and_then(|d| written!(MD, MD::for_length(self.length.cldr()), &self.locale, &d))
            .unwrap_or_else(|| format!("{month:02}-{day:02}"))
    }

    /// A month: "July 2024", "julio de 2024".
    pub fn month(&self, year: i32, month: u32) -> String {
        let month = month.clamp(1, 12);
        let Some(date) = NaiveDate::from_ymd_opt(year, month, 1) else {
            return format!("{year}-{month:02}");
        };
        self.kept(Field::Month, date, || self.write_month(date))
    }

    fn write_month(&self, date: NaiveDate) -> String {
        let (year, month) = (date.year(), date.month());
        Self::gregorian(date)
            .and_then(|d| written!(YM, YM::for_length(self.length.cldr()), &self.locale, &d))
            .unwrap_or_else(|| format!("{year}-{month:02}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn writer(code: &str) -> DateWriter {
        DateWriter::new(code, DateLength::Long).unwrap()
    }

    #[test]
    fn dates_from_cldr() {
        let day = NaiveDate::from_ymd_opt(2024, 7, 25).unwrap();
        assert_eq!(writer("en-GB").date(day), "25 July 2024");
        assert_eq!(writer("en-US").date(day), "July 25, 2024");
        assert_eq!(writer("es").date(day), "25 de julio de 2024");
        assert_eq!(writer("fr").date(day), "25 juillet 2024");
        assert_eq!(writer("pt").date(day), "25 de julho de 2024");
        assert_eq!(writer("fr").day_of_month(7, 29), "29 juillet");
        assert_eq!(writer("pt").month(2024, 8), "agosto de 2024");
        assert_eq!(writer("pt").day_of_month(2, 29), "29 de fevereiro");
        assert_eq!(writer("fr").month(2024, 8), "août 2024");
    }

    #[test]
    fn a_language_without_cldr_data_is_refused() {
        assert!(matches!(
            DateWriter::new("qaa", DateLength::Long),
            Err(DateWriterError::NoData(_))
        ));
        assert!(matches!(
            DateWriter::new("not a tag", DateLength::Long),
            Err(DateWriterError::NotATag(_))
        ));
    }
}
