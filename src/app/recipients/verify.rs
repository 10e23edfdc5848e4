//! `letters recipients verify ID [--date D]`: records, in the user's own copy of the
//! records, that the office and its holder were checked on a day (today by default).

use chrono::NaiveDate;

use super::document::{date_value, Document};
use super::flag_date;
use super::own_copy::OwnCopy;
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::load::DataOptions;
use crate::model::Language;

use super::super::Diagnostics;

pub fn run(
    id: &str,
    date: Option<&str>,
    data: &DataOptions,
    today: NaiveDate,
    diagnostics: Diagnostics,
) -> Result<Exit> {
    let date = match date {
        Some(text) => flag_date("--date", text)?,
        None => today,
    };
    if date > today {
        return Err(Error::flag(
            "--date",
            format!(
                "{date} is after today ({today}): a record can only have been checked by today"
            ),
        ));
    }
    let copy = OwnCopy::open(data)?;
    let record = copy.records.get(id)?;
    if date < record.verified {
        return Err(Error::flag(
            "--date",
            format!(
                "`{id}` was verified later, on {}: nothing was changed",
                record.verified
            ),
        ));
    }
    let mut doc = Document::parse(&copy.name(), &copy.text)?;
    doc.set(id, "verified", date_value(date))?;
    copy.write(&doc.to_string(), diagnostics)?;
    let holder = record
        .holder_on(date)
        .map(|h| format!(" (holder: {})", h.name_in(Language::EN)))
        .unwrap_or_default();
    diagnostics.info(&format!(
        "recorded that `{id}`{holder} was verified on {date}, in {}",
        copy.name()
    ));
    Ok(Exit::Success)
}
