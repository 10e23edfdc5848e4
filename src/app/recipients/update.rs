//! `letters recipients update ID --name NAME [--honorific ...] --since DATE`: a new
//! holder of an office, recorded in the user's own copy of the records. The holder
//! before leaves office the day before; the history is kept; the record counts as
//! verified today.

use chrono::NaiveDate;

use super::document::{date_value, Document};
use super::own_copy::OwnCopy;
use super::{flag_date, flag_localized};
use crate::cli::UpdateArgs;
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::load::DataOptions;
use crate::model::{check_holders, Holder, Language, Localized};

use super::super::Diagnostics;

/// The history of `holders` with `new` taking office on `new.since`: the holder before
/// leaves the day before, unless the record says they left earlier.
pub(super) fn with_new_holder(holders: &[Holder], new: Holder) -> Result<Vec<Holder>> {
    let Some(since) = new.since else {
        return Err(Error::flag(
            "--since",
            "give the day the holder took office",
        ));
    };
    let mut holders = holders.to_vec();
    if let Some(last) = holders.last_mut() {
        let last_name = last.name_in(Language::EN).to_string();
        match last.until {
            Some(until) if until >= since => {
                return Err(Error::flag(
                    "--since",
                    format!(
                        "{since} is not after the last day of the holder before, {last_name} (until {until}): give the day the new holder took office"
                    ),
                ))
            }
            Some(_) => {}
            None => {
                if last.since.is_some_and(|s| s >= since) {
                    return Err(Error::flag(
                        "--since",
                        format!(
                            "{since} is not after the day {last_name} took office ({}): give the day the new holder took office",
                            last.since.map(|d| d.to_string()).unwrap_or_default()
                        ),
                    ));
                }
                if last.name == new.name {
                    return Err(Error::flag(
                        "--name",
                        format!("{last_name} already holds the office: to record that the record was checked, run `letters recipients verify`"),
                    ));
                }
                last.until = since.pred_opt();
            }
        }
    }
    holders.push(new);
    check_holders(&holders).map_err(|m| Error::flag("--since", m))?;
    Ok(holders)
}

pub fn run(
    args: &UpdateArgs,
    data: &DataOptions,
    today: NaiveDate,
    diagnostics: Diagnostics,
) -> Result<Exit> {
    let since = flag_date("--since", &args.since)?;
    let name = args.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(Error::flag("--name", "give the new holder's name"));
    }
    crate::text::control_chars::check(&name).map_err(|m| Error::flag("--name", m))?;
    let copy = OwnCopy::open(data)?;
    let record = copy.records.get(&args.id)?;
    let new = Holder {
        name: Localized::Same(name.clone()),
        honorific: flag_localized("--honorific", &args.honorific)?,
        salutation: flag_localized("--salutation", &args.salutation)?,
        since: Some(since),
        until: None,
    };
    let holders = with_new_holder(&record.holders, new)?;
    let mut doc = Document::parse(&copy.name(), &copy.text)?;
    doc.set_holders(&args.id, &holders)?;
    if today > record.verified {
        doc.set(&args.id, "verified", date_value(today))?;
    }
    copy.write(&doc.to_string(), diagnostics)?;
    let before = holders
        .iter()
        .rev()
        .nth(1)
        .map(|h| {
            format!(
                " after {} (until {})",
                h.name_in(Language::EN),
                h.until.map(|d| d.to_string()).unwrap_or_default()
            )
        })
        .unwrap_or_default();
    diagnostics.info(&format!(
        "recorded {name} as holder of `{}` since {since}{before}, verified {}, in {}",
        args.id,
        today.max(record.verified),
        copy.name()
    ));
    Ok(Exit::Success)
}
