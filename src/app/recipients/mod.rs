//! `letters recipients`: the records in use and how fresh they are (`list`, `show`, with
//! each office's history of holders), and the commands that change the user's own copy
//! of them: `update` (a new holder), `verify` (the record was checked) and `import`
//! (many offices at once).

mod document;
mod import;
mod incoming;
mod own_copy;
mod update;
mod verify;

use chrono::NaiveDate;

use super::clock;
use crate::cli::RecipientsCommand;
use crate::draft::warnings::{self, Dated};
use crate::draft::{EARLIEST_DATE, LATEST_DATE};
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::load::{DataOptions, DataSet};
use crate::messages;
use crate::model::{Holder, Language, Localized, Recipient};
use crate::sink;

use super::Diagnostics;

/// A holder's term, as `show` prints it: "2025-01-21 – …", "… – 2025-01-20".
fn term(holder: &Holder) -> String {
    let day = |d: Option<NaiveDate>| d.map_or_else(|| "…".to_string(), |d| d.to_string());
    format!("{} – {}", day(holder.since), day(holder.until))
}

/// A label of `show`, in the interface's language, followed by its padding.
fn label(ui: &str, id: &str, args: &[(&str, &str)]) -> String {
    let label = format!("{}:", messages::format(ui, id, args));
    if label.chars().count() < LABEL_WIDTH {
        format!("{label:<LABEL_WIDTH$}")
    } else {
        format!("{label} ")
    }
}

/// How wide `show`'s labels are, with their colon and padding.
const LABEL_WIDTH: usize = 12;

/// The record's texts in the interface's language where it has them, else in English.
fn text_language(record: &Recipient, ui: &str) -> Language {
    ui.parse::<Language>()
        .ok()
        .filter(|l| !record.office_in(*l).is_empty())
        .unwrap_or(Language::EN)
}

fn describe(record: &Recipient, today: NaiveDate, stale: bool, ui: &str) -> String {
    let lang = text_language(record, ui);
    let current = record.holder_on(today);
    let line = |id: &str, value: &str| {
        format!("  {}{value}", label(ui, id, &[]))
            .trim_end()
            .to_string()
    };
    let mut lines = vec![
        format!("{}  {}", record.id, record.office_in(lang)),
        line("show-addressee", &record.addressee_line(lang, current)),
    ];
    let title = record.title_in(lang);
    if !title.is_empty() {
        lines.push(line("show-title", title));
    }
    let organization = record.organization_in(lang);
    if !organization.is_empty() {
        lines.push(line("show-organization", organization));
    }
    if !record.address.is_empty() {
        lines.push(line("show-address", &record.address.join(", ")));
    }
    let none = messages::format(ui, "show-none", &[]);
    lines.push(line(
        "show-email",
        if record.email.is_empty() {
            &none
        } else {
            &record.email
        },
    ));
    lines.push(line(
        "show-languages",
        &record
            .languages
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(", "),
    ));
    let salutations: Vec<(Language, &str)> = Language::all()
        .into_iter()
        .filter_map(|l| record.salutation_in(l, current).map(|s| (l, s)))
        .collect();
    match salutations.as_slice() {
        // One text for every language: said once, not as if it were translated.
        [(_, first), rest @ ..] if !rest.is_empty() && rest.iter().all(|(_, s)| s == first) => {
            let same = messages::format(ui, "show-same-in-every-language", &[]);
            lines.push(line("show-salutation", &format!("{first} {same}")));
        }
        _ => {
            for (language, salutation) in salutations {
                lines.push(format!(
                    "  {}{salutation}",
                    label(ui, "show-salutation-in", &[("language", language.code())])
                ));
            }
        }
    }
    if record.holders.is_empty() {
        lines.push(line(
            "show-holders",
            &messages::format(ui, "show-no-holders", &[]),
        ));
    } else {
        lines.push(line("show-holders", ""));
        let terms: Vec<String> = record.holders.iter().map(term).collect();
        let width = terms.iter().map(|t| t.chars().count()).max().unwrap_or(0);
        let today_mark = format!("  {}", messages::format(ui, "show-in-office-today", &[]));
        for (holder, term) in record.holders.iter().zip(&terms) {
            let now = if current.is_some_and(|c| std::ptr::eq(c, holder)) {
                today_mark.as_str()
            } else {
                ""
            };
            let pad = width - term.chars().count();
            lines.push(format!(
                "    {term}{}  {}{now}",
                " ".repeat(pad),
                holder.addressee_in(lang)
            ));
        }
    }
    let stale = if stale {
        format!("  {}", messages::format(ui, "show-stale", &[]))
    } else {
        String::new()
    };
    lines.push(line(
        "show-verified",
        &format!("{}{stale}", record.verified),
    ));
    let note = record.note_in(lang);
    if !note.is_empty() {
        lines.push(line("show-note", note));
    }
    lines.join("\n")
}

/// A date given to `flag` (`--since`, `--date`): YYYY-MM-DD, within the dates letters
/// can bear.
pub(super) fn flag_date(flag: &str, text: &str) -> Result<NaiveDate> {
    let date = clock::parse_date(text).ok_or_else(|| {
        Error::flag(
            flag,
            format!("`{text}` is not a day of the calendar: give a date as YYYY-MM-DD, such as 2025-01-21"),
        )
    })?;
    if !(EARLIEST_DATE..=LATEST_DATE).contains(&date) {
        return Err(Error::flag(
            flag,
            format!("{date} is not a date a record can bear: give one from {EARLIEST_DATE} to {LATEST_DATE}"),
        ));
    }
    Ok(date)
}

/// Values of a repeatable `[LANG=]TEXT` flag (`--honorific "Mr."`, `--honorific
/// es=Señor`) as one text field: the same in every language, or one per language.
pub(super) fn flag_localized(flag: &str, values: &[String]) -> Result<Option<Localized>> {
    let mut same = None;
    let mut per_language = std::collections::BTreeMap::new();
    for value in values {
        crate::text::control_chars::check(value).map_err(|m| Error::flag(flag, m))?;
        let split = value
            .split_once('=')
            .and_then(|(code, text)| code.parse::<Language>().ok().map(|l| (l, text)));
        match split {
            Some((language, text)) => {
                per_language.insert(language, text.trim().to_string());
            }
            None => same = Some(value.trim().to_string()),
        }
    }
    Ok(match (same, per_language.is_empty()) {
        (None, true) => None,
        (Some(text), true) => Some(Localized::Same(text)),
        (same, false) => {
            if let Some(text) = same {
                for language in Language::all() {
                    per_language.entry(language).or_insert_with(|| text.clone());
                }
            }
            Some(Localized::PerLanguage(per_language))
        }
    })
}

pub fn run(
    command: RecipientsCommand,
    data: &DataOptions,
    diagnostics: Diagnostics,
) -> Result<Exit> {
    let today = clock::today()?;
    match command {
        RecipientsCommand::List { json } => list(&DataSet::load(data)?, json, today),
        RecipientsCommand::Show { id, json } => {
            show(&DataSet::load(data)?, &id, json, today, diagnostics)
        }
        RecipientsCommand::Update(args) => update::run(&args, data, today, diagnostics),
        RecipientsCommand::Verify { id, date } => {
            verify::run(&id, date.as_deref(), data, today, diagnostics)
        }
        RecipientsCommand::Import(args) => import::run(&args, data, today, diagnostics),
    }
}

/// `letters recipients list`: one line per office, its holder today.
fn list(data: &DataSet, json: bool, today: NaiveDate) -> Result<Exit> {
    let ui = messages::language();
    let text = if json {
        let records: Vec<&Recipient> = data.recipients.records.values().collect();
        serde_json::to_string_pretty(&records).unwrap_or_default() + "\n"
    } else {
        let rows: Vec<[String; 4]> = data
            .recipients
            .records
            .values()
            .map(|r| {
                let verified = if r.is_stale(today) {
                    let date = r.verified.to_string();
                    messages::format(ui, "list-stale", &[("date", &date)])
                } else {
                    r.verified.to_string()
                };
                let languages = r
                    .languages
                    .iter()
                    .map(|l| l.code())
                    .collect::<Vec<_>>()
                    .join(",");
                [
                    r.id.clone(),
                    r.addressee_line(text_language(r, ui), r.holder_on(today)),
                    languages,
                    verified,
                ]
            })
            .collect();
        let heading = |id| messages::format(ui, id, &[]);
        let header = [
            heading("list-id"),
            heading("list-addressee"),
            heading("list-languages"),
            heading("list-verified"),
        ];
        table(&header.each_ref().map(String::as_str), &rows)
    };
    sink::write_stdout(text.as_bytes())?;
    Ok(Exit::Success)
}

/// `letters recipients show ID`: one record, its history of holders, and whether it is
/// stale.
fn show(
    data: &DataSet,
    id: &str,
    json: bool,
    today: NaiveDate,
    diagnostics: Diagnostics,
) -> Result<Exit> {
    let record = data.recipients.get(id)?;
    let text = if json {
        serde_json::to_string_pretty(record).unwrap_or_default() + "\n"
    } else {
        let stale = warnings::stale_record(record, Dated::Today(today), diagnostics.language);
        if let Some(warning) = &stale {
            diagnostics.warn(warning);
        }
        describe(record, today, stale.is_some(), messages::language()) + "\n"
    };
    sink::write_stdout(text.as_bytes())?;
    Ok(Exit::Success)
}

/// A plain left-aligned table with a header row.
pub fn table<const N: usize>(header: &[&str; N], rows: &[[String; N]]) -> String {
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut text = String::new();
        for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
            if i + 1 == N {
                text.push_str(cell);
            } else {
                text.push_str(&format!("{cell:<width$}  "));
            }
        }
        text.trim_end().to_string() + "\n"
    };
    let mut out = line(header.to_vec());
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}
