//! `letters recipients import FILE [--write]`: many offices at once (a parliament, a
//! list of embassies) from CSV, JSON Lines or TOML, into the user's own copy of the
//! records. A new office is added; a known one has the values given changed, and a new
//! holder (a `name` other than the current holder's, with its `since`) added to its
//! history. Every office is checked as any recipients file is, and the first problem
//! stops the import before anything is written. Without `--write`, it only says what
//! would change.

use std::io::Read as _;

use chrono::NaiveDate;
use serde::Serialize;
use toml::{Table, Value};

use super::document::{edit_value, record_text, Document};
use super::incoming::{self, Format, Incoming};
use super::own_copy::OwnCopy;
use super::update::with_new_holder;
use crate::cli::ImportArgs;
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::load::{is_valid_id, DataOptions, Recipients};
use crate::model::{Holder, Language, Recipient};
use crate::sink;

use super::super::Diagnostics;

/// The most bytes a file to import may hold: far more than every parliament's seats.
const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// What the import does, or would do.
#[derive(Debug, Default, Serialize)]
struct Summary {
    file: String,
    target: String,
    written: bool,
    added: Vec<String>,
    changed: Vec<Changed>,
    unchanged: Vec<String>,
}

#[derive(Debug, Serialize)]
struct Changed {
    id: String,
    changes: Vec<String>,
}

/// One office checked: the record it makes, as text to append or changes to apply.
enum Plan {
    Add {
        id: String,
        text: String,
    },
    Change {
        id: String,
        values: Vec<(String, Value)>,
        holders: Option<Vec<Holder>>,
        changes: Vec<String>,
    },
    Same(String),
}

/// The record `id` of `table` checked as a recipients file is, its messages located at
/// `origin`; and its text.
fn checked(origin: &str, id: &str, table: &Table) -> Result<(String, Recipient)> {
    let text = record_text(id, table)?;
    let records = Recipients::parse(origin, &text).map_err(|error| match error {
        // The line and column are in the text made from the row, which the user never
        // sees: the row is the place.
        Error::Data { location, message } if location.starts_with(&format!("{origin}:")) => {
            Error::data(origin, message)
        }
        error => error,
    })?;
    let record = records.get(id)?.clone();
    Ok((text, record))
}

/// The flat holder keys (`name`, `honorific`, `since`, `until`) of `table` taken out, as
/// a holder.
fn flat_holder(origin: &str, table: &mut Table) -> Result<Option<Holder>> {
    let mut holder = Table::new();
    for key in ["name", "honorific", "since", "until"] {
        if let Some(value) = table.remove(key) {
            holder.insert(key.to_string(), value);
        }
    }
    if holder.is_empty() {
        return Ok(None);
    }
    if !holder.contains_key("name") {
        return Err(Error::data(
            origin,
            "`honorific`, `since` or `until` is given without `name`: give the holder's name",
        ));
    }
    if table.contains_key("holders") {
        return Err(Error::data(
            origin,
            "give the holder either as `name` (with `since`) or as `holders`, not both",
        ));
    }
    Value::Table(holder)
        .try_into::<Holder>()
        .map(Some)
        .map_err(|e| Error::data(origin, e.message().to_string()))
}

fn plan_new(incoming: Incoming) -> Result<Plan> {
    let Incoming {
        id,
        origin,
        mut table,
    } = incoming;
    if let Some(holder) = flat_holder(&origin, &mut table)? {
        let holder = Value::try_from(&holder).map_err(|e| Error::data(&origin, e.to_string()))?;
        table.insert("holders".into(), Value::Array(vec![holder]));
        incoming::dates_as_toml(&origin, &mut table)?;
    }
    let (text, _) = checked(&origin, &id, &table)?;
    Ok(Plan::Add { id, text })
}

fn plan_change(incoming: Incoming, current: &Recipient, current_table: &Table) -> Result<Plan> {
    let Incoming {
        id,
        origin,
        mut table,
    } = incoming;
    let flat = flat_holder(&origin, &mut table)?;
    let mut merged = current_table.clone();
    let mut values = Vec::new();
    let mut changes = Vec::new();
    for key in incoming::RECORD_KEYS {
        if let Some(value) = table.remove(key) {
            if merged.get(key) != Some(&value) {
                merged.insert(key.to_string(), value.clone());
                values.push((key.to_string(), value));
                changes.push(key.to_string());
            }
        }
    }
    let holders = match (flat, table.remove("holders")) {
        (_, Some(given)) => {
            let holders: Vec<Holder> = given
                .try_into()
                .map_err(|e: toml::de::Error| Error::data(&origin, e.message().to_string()))?;
            (holders != current.holders).then(|| {
                changes.push("holders".to_string());
                holders
            })
        }
        (Some(holder), None) => match current.current_holder() {
            Some(now) if now.name == holder.name => {
                let mut holders = current.holders.clone();
                let last = holders.len() - 1;
                let updated = Holder {
                    honorific: holder.honorific.or(now.honorific.clone()),
                    since: holder.since.or(now.since),
                    until: holder.until.or(now.until),
                    ..now.clone()
                };
                (updated != *now).then(|| {
                    changes.push(format!("holder {}", now.name_in(Language::EN)));
                    holders[last] = updated;
                    holders
                })
            }
            _ => {
                let name = holder.name_in(Language::EN).to_string();
                let since = holder.since.ok_or_else(|| {
                    Error::data(
                        &origin,
                        format!(
                            "`name` = \"{name}\" is not the holder the record gives ({}): give `since`, the day {name} took office",
                            current
                                .current_holder()
                                .map_or("none", |h| h.name_in(Language::EN))
                        ),
                    )
                })?;
                let holders = with_new_holder(&current.holders, holder).map_err(|e| {
                    Error::data(
                        &origin,
                        e.to_string()
                            .replace("--since: ", "")
                            .replace("--name: ", ""),
                    )
                })?;
                changes.push(format!("new holder {name} since {since}"));
                Some(holders)
            }
        },
        (None, None) => None,
    };
    if let Some(holders) = &holders {
        merged.remove("name");
        merged.remove("honorific");
        let value = Value::try_from(holders).map_err(|e| Error::data(&origin, e.to_string()))?;
        merged.insert("holders".into(), value);
        incoming::dates_as_toml(&origin, &mut merged)?;
    }
    if changes.is_empty() {
        return Ok(Plan::Same(id));
    }
    checked(&origin, &id, &merged)?;
    Ok(Plan::Change {
        id,
        values,
        holders,
        changes,
    })
}

fn read_input(args: &ImportArgs) -> Result<(String, Vec<u8>)> {
    let path = &args.file;
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::flag("FILE", format!("cannot read standard input: {e}")))?;
        return Ok(("standard input".to_string(), bytes));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::read(path, e))?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::read(path, e))?;
    Ok((path.display().to_string(), bytes))
}

fn describe(summary: &Summary) -> String {
    let offices = |n: usize| format!("{n} office{}", if n == 1 { "" } else { "s" });
    let (added, changed) = (summary.added.len(), summary.changed.len());
    let unchanged = summary.unchanged.len();
    let mut lines = vec![if added + changed == 0 {
        format!(
            "{}: nothing to change ({} already as given)",
            summary.file,
            offices(unchanged)
        )
    } else {
        let ids = if added == 0 {
            String::new()
        } else {
            format!(" ({})", summary.added.join(", "))
        };
        let (add, change, leave) = if summary.written {
            ("added", "changed", "left")
        } else {
            ("would add", "change", "leave")
        };
        format!(
            "{}: {add} {}{ids}, {change} {} and {leave} {} unchanged",
            summary.file,
            offices(added),
            offices(changed),
            offices(unchanged)
        )
    }];
    for changed in &summary.changed {
        lines.push(format!("  {}: {}", changed.id, changed.changes.join(", ")));
    }
    lines.join("\n") + "\n"
}

pub fn run(
    args: &ImportArgs,
    data: &DataOptions,
    _today: NaiveDate,
    diagnostics: Diagnostics,
) -> Result<Exit> {
    let format = Format::of(&args.file, args.input_format.as_deref())?;
    let (name, bytes) = read_input(args)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Error::data(
            &name,
            format!(
                "holds more than {} MiB: is it the right file?",
                MAX_BYTES / 1024 / 1024
            ),
        ));
    }
    let text = incoming::decode(&name, bytes, format)?;
    let offices = incoming::read(&name, &text, format)?;
    let copy = OwnCopy::open(data)?;
    let current: Table = crate::load::parse_toml(&copy.name(), &copy.text)?;
    let mut plans = Vec::with_capacity(offices.len());
    for office in offices {
        if !is_valid_id(&office.id) {
            return Err(Error::data(
                &office.origin,
                format!("`{}` is not a valid office id: use lowercase letters, digits and hyphens, such as `ve-attorney-general`", office.id),
            ));
        }
        let plan = match (
            copy.records.records.get(&office.id),
            current.get(&office.id),
        ) {
            (Some(record), Some(Value::Table(table))) => plan_change(office, record, table)?,
            _ => plan_new(office)?,
        };
        plans.push(plan);
    }
    let mut summary = Summary {
        file: name,
        target: copy.name(),
        written: args.write,
        ..Summary::default()
    };
    let mut doc = Document::parse(&copy.name(), &copy.text)?;
    for plan in plans {
        match plan {
            Plan::Add { id, text } => {
                doc.append(&text)?;
                summary.added.push(id);
            }
            Plan::Change {
                id,
                values,
                holders,
                changes,
            } => {
                for (key, value) in &values {
                    doc.set(&id, key, edit_value(value)?)?;
                }
                if let Some(holders) = &holders {
                    doc.set_holders(&id, holders)?;
                }
                summary.changed.push(Changed { id, changes });
            }
            Plan::Same(id) => summary.unchanged.push(id),
        }
    }
    let text = doc.to_string();
    // The whole file as it would be, checked as any recipients file is.
    Recipients::parse(&copy.name(), &text)?;
    let nothing = summary.added.is_empty() && summary.changed.is_empty();
    if args.write && !nothing {
        copy.write(&text, diagnostics)?;
    }
    summary.written = args.write && !nothing;
    let out = if args.json {
        serde_json::to_string_pretty(&summary).unwrap_or_default() + "\n"
    } else {
        describe(&summary)
    };
    sink::write_stdout(out.as_bytes())?;
    if !args.write && !nothing {
        diagnostics.info(&format!(
            "dry run: nothing was written; run again with --write to apply this to {}",
            copy.name()
        ));
    }
    Ok(Exit::Success)
}
