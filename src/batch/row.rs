//! What one signers row asks for, as a raw letter request: its signer, and its own
//! language, recipients, own words and extra fields, each value named by its cell. Any
//! other column is a template field (`{{fields.city}}`). The values are checked by the
//! one conversion ([`crate::draft::validate`]), like flags and settings.

use std::path::PathBuf;

use crate::draft::{Given, RawRequest, RawSender};
use crate::error::{Error, Result, Source};
use crate::load::signers::columns::{
    ADDRESS, EMAIL, KNOWN, LANGUAGE, NAME, ORGANIZATION, OWN_WORDS, PHONE, RECIPIENTS, SIGNATURE,
    TITLE, WEB,
};
use crate::load::signers::SignerRow;

/// Reads the cells of one row.
struct Cells<'a> {
    row: &'a SignerRow,
    file: &'a str,
}

impl Cells<'_> {
    fn source(&self, column: &str) -> Source {
        Source::Cell {
            file: self.file.to_string(),
            row: self.row.row,
            column: column.to_string(),
        }
    }

    /// The first non-blank cell of the columns `names`, with the column's header.
    fn find(&self, names: &[&str]) -> Option<(&str, &str)> {
        names.iter().find_map(|name| {
            let index = self.row.keys.iter().position(|key| key == name)?;
            let (column, value) = self.row.cells.get(index)?;
            (!value.trim().is_empty()).then_some((column.as_str(), value.as_str()))
        })
    }

    fn text(&self, names: &[&str]) -> Option<Given<String>> {
        self.find(names)
            .map(|(column, value)| Given::new(value.to_string(), self.source(column)))
    }

    fn split(&self, names: &[&str], separators: &[char]) -> Option<Given<Vec<String>>> {
        self.find(names).map(|(column, value)| {
            let parts = value
                .split(separators)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            Given::new(parts, self.source(column))
        })
    }
}

/// The row's request. A row without a name fails: every letter of a batch is signed by
/// the signer of its row.
pub fn raw_request(row: &SignerRow, file: &str) -> Result<RawRequest> {
    let cells = Cells { row, file };
    let Some(name) = cells.text(NAME) else {
        let column = cells
            .row
            .keys
            .iter()
            .zip(&row.cells)
            .find(|(key, _)| NAME.contains(&key.as_str()))
            .map_or("name", |(_, (column, _))| column.as_str());
        return Err(Error::invalid(
            &cells.source(column),
            "no name: fill in the `name` column",
        ));
    };
    let sender = RawSender {
        name: Some(name),
        title: cells.text(TITLE),
        organization: cells.text(ORGANIZATION),
        email: cells.text(EMAIL),
        address: cells.split(ADDRESS, &['\n']),
        phone: cells.text(PHONE),
        web: cells.text(WEB),
        signature: cells
            .find(SIGNATURE)
            .map(|(column, value)| Given::new(PathBuf::from(value.trim()), cells.source(column))),
    };
    let fields = row
        .keys
        .iter()
        .zip(&row.cells)
        .filter(|(key, _)| {
            !key.is_empty() && !KNOWN.iter().any(|names| names.contains(&key.as_str()))
        })
        .map(|(key, (column, value))| {
            (key.clone(), Given::new(value.clone(), cells.source(column)))
        })
        .collect();
    Ok(RawRequest {
        recipients: cells.split(RECIPIENTS, &[',', ';', ' ', '\n']),
        language: cells.text(LANGUAGE),
        own_words: cells.text(OWN_WORDS),
        sender,
        fields,
        ..RawRequest::default()
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use chrono::NaiveDate;

    use super::*;
    use crate::draft::{validate, Context, LetterRequest};
    use crate::model::{Language, Sender};

    fn row(cells: &[(&str, &str)]) -> SignerRow {
        SignerRow::new(
            3,
            4,
            cells
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        )
    }

    fn base() -> LetterRequest {
        let mut base = LetterRequest::empty(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        base.sender = Sender {
            organization: "Default Org".into(),
            ..Sender::default()
        };
        base
    }

    fn check(cells: &[(&str, &str)]) -> Result<LetterRequest> {
        let raw = raw_request(&row(cells), "s.csv")?;
        let context = Context {
            signatures_dir: Some(std::path::Path::new(".")),
            messages: crate::model::Language::En,
        };
        Ok(validate(raw, &base(), context)?.request)
    }

    #[test]
    fn columns_map_to_the_signer_and_the_rest_to_fields() {
        let r = check(&[
            ("Name", "Ana"),
            ("Lang", "es"),
            ("To", "a; b"),
            ("City", "Mérida"),
        ])
        .unwrap();
        assert_eq!(r.sender.name, "Ana");
        assert_eq!(r.sender.organization, "Default Org");
        assert_eq!(r.language, Some(Language::Es));
        assert_eq!(r.recipients, ["a", "b"]);
        assert_eq!(r.fields.get("city").map(String::as_str), Some("Mérida"));
        assert!(!r.fields.contains_key("name"));
    }

    #[test]
    fn bad_rows_say_why_and_where() {
        let err = |cells: &[(&str, &str)]| check(cells).unwrap_err().to_string();
        assert_eq!(
            err(&[("Nombre", " ")]),
            "s.csv row 3, column `Nombre`: no name: fill in the `name` column"
        );
        assert!(err(&[("name", "A"), ("email", "a@b")])
            .starts_with("s.csv row 3, column `email`: `a@b` is not a valid email address"));
        assert!(err(&[("name", "A"), ("lang", "fr")]).contains("unknown language"));
        assert!(err(&[("name", "A"), ("signature", "nope.png")]).contains("cannot read signature"));
        assert!(err(&[("name", "A\u{1b}[2J")]).contains("U+001B"));
    }
}
