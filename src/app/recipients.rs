//! `letters recipients list|show`: the recipient records in use, and how fresh they are.

use super::clock;
use crate::cli::RecipientsCommand;
use crate::draft::warnings;
use crate::error::Result;
use crate::exit::Exit;
use crate::load::{DataOptions, DataSet};
use crate::model::{Language, Recipient};
use crate::sink;

use super::Diagnostics;

fn describe(record: &Recipient, stale: bool) -> String {
    let lang = Language::En;
    let mut lines = vec![
        format!("{}  {}", record.id, record.office_in(lang)),
        format!("  addressee:  {}", record.addressee_line(lang)),
    ];
    let title = record.title_in(lang);
    if !title.is_empty() {
        lines.push(format!("  title:      {title}"));
    }
    let organization = record.organization_in(lang);
    if !organization.is_empty() {
        lines.push(format!("  organization: {organization}"));
    }
    if !record.address.is_empty() {
        lines.push(format!("  address:    {}", record.address.join(", ")));
    }
    lines.push(format!(
        "  email:      {}",
        if record.email.is_empty() {
            "(none)"
        } else {
            &record.email
        }
    ));
    lines.push(format!(
        "  languages:  {}",
        record
            .languages
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(", ")
    ));
    for language in Language::ALL {
        if let Some(salutation) = record.salutation_in(language) {
            lines.push(format!("  salutation ({language}): {salutation}"));
        }
    }
    lines.push(format!(
        "  verified:   {}{}",
        record.verified,
        if stale {
            "  (STALE: more than 12 months ago; check and update)"
        } else {
            ""
        }
    ));
    let note = record.note_in(lang);
    if !note.is_empty() {
        lines.push(format!("  note:       {note}"));
    }
    lines.join("\n")
}

pub fn run(
    command: RecipientsCommand,
    data: &DataOptions,
    diagnostics: Diagnostics,
) -> Result<Exit> {
    let data = DataSet::load(data)?;
    let today = clock::today()?;
    let text = match command {
        RecipientsCommand::List { json: true } => {
            let records: Vec<&Recipient> = data.recipients.records.values().collect();
            serde_json::to_string_pretty(&records).unwrap_or_default() + "\n"
        }
        RecipientsCommand::List { json: false } => {
            let rows: Vec<[String; 4]> = data
                .recipients
                .records
                .values()
                .map(|r| {
                    let verified = if r.is_stale(today) {
                        format!("{} (stale)", r.verified)
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
                        r.addressee_line(Language::En),
                        languages,
                        verified,
                    ]
                })
                .collect();
            table(&["ID", "ADDRESSEE", "LANG", "VERIFIED"], &rows)
        }
        RecipientsCommand::Show { id, json } => {
            let record = data.recipients.get(&id)?;
            if json {
                serde_json::to_string_pretty(record).unwrap_or_default() + "\n"
            } else {
                let stale = warnings::stale_record(record, &data.recipients.path, today);
                if let Some(warning) = &stale {
                    diagnostics.warn(warning);
                }
                describe(record, stale.is_some()) + "\n"
            }
        }
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
