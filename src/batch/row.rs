//! What one signers row asks for, as a raw letter request: its signer, and its own
//! language, recipients, own words and extra fields, each value named by its cell, the
//! columns read as the batch's [`ColumnMap`] says (a name from its parts, an address from
//! its lines or parts). Any other column is a template field (`{{fields.city}}`). The
//! values are checked by the one conversion ([`crate::draft::validate`]), like flags and
//! settings.

use std::path::PathBuf;

use crate::draft::{Given, RawRequest, RawSender};
use crate::error::{Error, Result, Source};
use crate::load::signers::mapping::{joins_city_line, ColumnMap, Field};
use crate::load::signers::SignerRow;

/// Reads the cells of one row.
struct Cells<'a> {
    row: &'a SignerRow,
    file: &'a str,
    map: &'a ColumnMap,
}

impl Cells<'_> {
    fn source(&self, column: &str) -> Source {
        Source::Cell {
            file: self.file.to_string(),
            row: self.row.row,
            column: column.to_string(),
        }
    }

    /// The cell of the column `key` (normalized), with the column's header.
    fn cell(&self, key: &str) -> Option<(&str, &str)> {
        let index = self.row.keys.iter().position(|k| k == key)?;
        let (column, value) = self.row.cells.get(index)?;
        Some((column.as_str(), value.as_str()))
    }

    /// The non-blank cells of the columns `field` comes from, in the map's order.
    fn values(&self, field: Field) -> Vec<(&str, &str, &str)> {
        self.map
            .columns(field)
            .unwrap_or_default()
            .iter()
            .filter_map(|key| {
                self.cell(key)
                    .map(|(column, value)| (key.as_str(), column, value))
            })
            .filter(|(_, _, value)| !value.trim().is_empty())
            .collect()
    }

    /// The first non-blank cell of the columns of `field`.
    fn text(&self, field: Field) -> Option<Given<String>> {
        self.values(field)
            .first()
            .map(|(_, column, value)| Given::new(value.to_string(), self.source(column)))
    }

    /// The name: its parts joined with spaces, blamed on the column(s) it came from.
    fn name(&self) -> Option<Given<String>> {
        let parts = self.values(Field::Name);
        if parts.is_empty() {
            return None;
        }
        let columns: Vec<&str> = parts.iter().map(|(_, column, _)| *column).collect();
        let name = parts
            .iter()
            .map(|(_, _, value)| value.trim())
            .collect::<Vec<_>>()
            .join(" ");
        Some(Given::new(name, self.source(&columns.join(" + "))))
    }

    /// The address lines: one column's lines, or its parts, the city's line holding the
    /// region and postal code too.
    fn address(&self) -> Option<Given<Vec<String>>> {
        let parts = self.values(Field::Address);
        let (_, first_column, _) = *parts.first()?;
        let mut lines: Vec<String> = Vec::new();
        let mut city_line: Option<usize> = None;
        for (key, _, value) in &parts {
            if parts.len() > 1 && joins_city_line(key) {
                match city_line {
                    Some(at) => {
                        lines[at].push_str(", ");
                        lines[at].push_str(value.trim());
                    }
                    None => {
                        city_line = Some(lines.len());
                        lines.push(value.trim().to_string());
                    }
                }
                continue;
            }
            lines.extend(
                value
                    .split('\n')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            );
        }
        Some(Given::new(lines, self.source(first_column)))
    }

    fn split(&self, field: Field, separators: &[char]) -> Option<Given<Vec<String>>> {
        self.text(field).map(|given| {
            let parts = given
                .value
                .split(separators)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            Given::new(parts, given.source)
        })
    }
}

/// The row's request, its columns read as `map` says. A row without a name fails: every
/// letter of a batch is signed by the signer of its row.
pub fn raw_request(row: &SignerRow, file: &str, map: &ColumnMap) -> Result<RawRequest> {
    let cells = Cells { row, file, map };
    let Some(name) = cells.name() else {
        let column = map
            .columns(Field::Name)
            .unwrap_or_default()
            .iter()
            .filter_map(|key| cells.cell(key).map(|(column, _)| column))
            .collect::<Vec<_>>()
            .join(" + ");
        let column = if column.is_empty() { "name" } else { &column };
        return Err(Error::invalid(
            &cells.source(column),
            crate::messages::detail("detail-row-no-name", &[("column", column)]),
        ));
    };
    let sender = RawSender {
        name: Some(name),
        title: cells.text(Field::Title),
        organization: cells.text(Field::Organization),
        email: cells.text(Field::Email),
        address: cells.address(),
        phone: cells.text(Field::Phone),
        web: cells.text(Field::Web),
        signature: cells
            .text(Field::Signature)
            .map(|given| Given::new(PathBuf::from(given.value.trim()), given.source)),
    };
    let fields = row
        .keys
        .iter()
        .zip(&row.cells)
        .filter(|(key, _)| !key.is_empty() && map.field_of(key).is_none())
        .map(|(key, (column, value))| {
            (key.clone(), Given::new(value.clone(), cells.source(column)))
        })
        .collect();
    Ok(RawRequest {
        recipients: cells.split(Field::Recipients, &[',', ';', ' ', '\n']),
        language: cells.text(Field::Language),
        own_words: cells.text(Field::OwnWords),
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
        let row = row(cells);
        let map = ColumnMap::new(&row.keys, &[]);
        let raw = raw_request(&row, "s.csv", &map)?;
        let context = Context {
            signatures_dir: Some(std::path::Path::new(".")),
            messages: crate::model::Language::EN,
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
        assert_eq!(r.language, Some(Language::ES));
        assert_eq!(r.recipients, ["a", "b"]);
        assert_eq!(r.fields.get("city").map(String::as_str), Some("Mérida"));
        assert!(!r.fields.contains_key("name"));
    }

    #[test]
    fn bad_rows_say_why_and_where() {
        let err = |cells: &[(&str, &str)]| check(cells).unwrap_err().to_string();
        assert_eq!(
            err(&[("Nombre", " ")]),
            "s.csv row 3, column `Nombre`: no name: fill in the `Nombre` column"
        );
        assert!(err(&[("name", "A"), ("email", "a@b")])
            .starts_with("s.csv row 3, column `email`: `a@b` is not a valid email address"));
        assert!(err(&[("name", "A"), ("lang", "xx")]).contains("unknown language"));
        assert!(err(&[("name", "A"), ("signature", "nope.png")]).contains("cannot read signature"));
        assert!(err(&[("name", "A\u{1b}[2J")]).contains("U+001B"));
    }
}
