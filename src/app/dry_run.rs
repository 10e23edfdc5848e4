//! What `letters batch --dry-run` shows: how the signers file is read (which column
//! became what), its first rows as read, and how many letters would be written and how
//! many rows would fail and why, from a run that did everything but write.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::batch::summary::Document;

fn counts(map: &BTreeMap<String, usize>) -> String {
    map.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A failure's reason with the values it quotes left out, so that rows failing for the
/// same reason are counted together.
fn kind_of(reason: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    let mut column = false;
    for (i, part) in reason.split('`').enumerate() {
        if i % 2 == 0 {
            column = part.ends_with("column ");
            out.push_str(part);
        } else if column {
            // The column's name stays: it says where to look.
            let _ = write!(out, "`{part}`");
        } else {
            out.push_str("`…`");
            quoted = true;
        }
    }
    let _ = quoted;
    out
}

/// The dry run's description, for standard output.
pub fn describe(document: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} rows{}{}",
        document.signers_file,
        document.rows,
        if document.blank_rows > 0 {
            format!(", {} blank", document.blank_rows)
        } else {
            String::new()
        },
        if document.duplicate_rows > 0 {
            format!(", {} repeated", document.duplicate_rows)
        } else {
            String::new()
        }
    );
    if !document.columns.is_empty() {
        out.push_str("\ncolumns:\n");
        let width = document
            .columns
            .iter()
            .map(|c| c.column.chars().count())
            .max()
            .unwrap_or(0);
        for column in &document.columns {
            let _ = writeln!(
                out,
                "  {:<width$}  → {}",
                column.column,
                column.used_as,
                width = width
            );
        }
    }
    if !document.preview.is_empty() {
        out.push_str("\nfirst rows, as read:\n");
        for row in &document.preview {
            let _ = write!(out, "  row {}:", row.row);
            for (key, value) in &row.values {
                let _ = write!(out, "\n      {key}: {value}");
            }
            match &row.error {
                Some(error) => {
                    let _ = writeln!(out, "\n      fails: {error}");
                }
                None => {
                    let _ = writeln!(out, "\n      → {}", row.recipients.join(", "));
                }
            }
        }
    }
    let letters = &document.letters;
    let _ = write!(
        out,
        "\nwould write {} letters",
        letters.written + letters.skipped
    );
    if letters.skipped > 0 {
        let _ = write!(out, " ({} already written)", letters.skipped);
    }
    if !letters.by_recipient.is_empty() {
        let _ = write!(
            out,
            ": by recipient {}; by language {}",
            counts(&letters.by_recipient),
            counts(&letters.by_language)
        );
    }
    out.push('\n');
    if document.failed_rows > 0 {
        let _ = writeln!(out, "{} rows would fail:", document.failed_rows);
        let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
        for failure in &document.failures {
            *kinds.entry(kind_of(&failure.error)).or_default() += 1;
        }
        if document.failures.len() < document.failed_rows {
            let _ = writeln!(out, "  (the first {} are listed)", document.failures.len());
        }
        let mut kinds: Vec<(String, usize)> = kinds.into_iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (kind, n) in kinds {
            let _ = writeln!(out, "  {n} × {kind}");
        }
        for failure in &document.failures {
            let _ = writeln!(out, "  row {}: {}", failure.row, failure.error);
        }
    } else {
        out.push_str("no row would fail\n");
    }
    out
}

/// The line that ends a dry run, on standard error.
pub fn closing(document: &Document) -> String {
    let mut text = String::from(
        "dry run: nothing was written; run the same command without --dry-run to write the letters",
    );
    if matches!(document.format.as_str(), "email" | "mbox") {
        text.push_str(
            "\nnote: each message's Date header is set when `letters send` sends it; the letter keeps its own date in its text",
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_grouped_without_their_values() {
        assert_eq!(
            kind_of("column `Email`: `ana@example` is not a valid email address"),
            "column `Email`: `…` is not a valid email address"
        );
        assert_eq!(
            kind_of("unknown recipient `nobody`; did you mean `x`?"),
            "unknown recipient `…`; did you mean `…`?"
        );
    }
}
