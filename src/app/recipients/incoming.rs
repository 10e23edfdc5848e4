//! The offices a file to import gives, each as the table it would be in
//! `recipients.toml`, with where it came from (`offices.csv row 3`, `offices.jsonl line
//! 2`, `offices.toml [ve-x]`):
//!
//! - TOML: the same form as `recipients.toml`, a table per office id;
//! - JSON Lines: one object per line, its `id` and the same keys;
//! - CSV (UTF-8, or Windows-1252 as Excel saves it; `,`, `;` or tab between cells): a
//!   header row naming the same keys, a text per language as `office.es` (or
//!   `office_es`), the lines of `address` on lines of their own or between `|`, and
//!   `languages` separated by commas or spaces.
//!
//! An office's holder may be given flat, as `name`, `honorific`, `since` and `until`.

use std::path::Path;

use toml::{Table, Value};

use crate::error::{Error, Result};
use crate::model::Language;

/// A record's own keys, in the order `recipients.toml` writes them (its `holders` after).
pub const RECORD_KEYS: [&str; 10] = [
    "office",
    "title",
    "organization",
    "address",
    "email",
    "country",
    "languages",
    "salutation",
    "verified",
    "note",
];

/// The keys a record may have (with the flat holder's).
pub const KEYS: [&str; 16] = [
    "office",
    "title",
    "organization",
    "address",
    "email",
    "country",
    "languages",
    "salutation",
    "verified",
    "note",
    "holders",
    "name",
    "honorific",
    "since",
    "until",
    "id",
];

/// Keys whose value may be given per language.
const LOCALIZED: [&str; 7] = [
    "office",
    "title",
    "organization",
    "salutation",
    "note",
    "name",
    "honorific",
];

/// Keys whose value is a date.
const DATES: [&str; 3] = ["verified", "since", "until"];

/// One office as given.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    pub id: String,
    /// Where it was given, for messages.
    pub origin: String,
    pub table: Table,
}

/// The formats a file to import may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    JsonLines,
    Toml,
}

impl Format {
    /// The format `--input-format` names, or the one the file's extension says.
    pub fn of(path: &Path, given: Option<&str>) -> Result<Format> {
        let named = |name: &str| match name.to_ascii_lowercase().as_str() {
            "csv" | "tsv" | "txt" => Some(Format::Csv),
            "jsonl" | "ndjson" | "json" => Some(Format::JsonLines),
            "toml" => Some(Format::Toml),
            _ => None,
        };
        if let Some(name) = given {
            return named(name).ok_or_else(|| {
                Error::flag(
                    "--input-format",
                    format!("`{name}` is not a format to import: use csv, jsonl or toml"),
                )
            });
        }
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(named)
            .ok_or_else(|| {
                Error::flag(
                    "FILE",
                    format!(
                        "{} does not say its format by its name: name it .csv, .jsonl or .toml, or pass --input-format csv|jsonl|toml",
                        path.display()
                    ),
                )
            })
    }
}

/// The text of a file to import: UTF-8 (a BOM dropped), or Windows-1252 when it is not
/// UTF-8 (as Excel saves CSV), for CSV only.
pub fn decode(name: &str, bytes: Vec<u8>, format: Format) -> Result<String> {
    let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) if format == Format::Csv => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(err.as_bytes());
            Ok(text.into_owned())
        }
        Err(_) => Err(Error::data(
            name,
            "the file is not UTF-8: save it as UTF-8 and try again",
        )),
    }
}

/// The offices `text` (the file `name`) gives.
pub fn read(name: &str, text: &str, format: Format) -> Result<Vec<Incoming>> {
    let incoming = match format {
        Format::Toml => toml_records(name, text)?,
        Format::JsonLines => json_lines(name, text)?,
        Format::Csv => csv_rows(name, text)?,
    };
    let mut seen: std::collections::BTreeMap<&str, &str> = std::collections::BTreeMap::new();
    for record in &incoming {
        if let Some(first) = seen.insert(&record.id, &record.origin) {
            return Err(Error::data(
                &record.origin,
                format!(
                    "office `{}` is given twice (also at {first}): keep one",
                    record.id
                ),
            ));
        }
    }
    if incoming.is_empty() {
        return Err(Error::data(name, "the file gives no office"));
    }
    Ok(incoming)
}

/// Date strings (`"2025-01-21"`) of date keys, here and in `holders`, as TOML dates.
pub fn dates_as_toml(origin: &str, table: &mut Table) -> Result<()> {
    for key in DATES {
        if let Some(Value::String(text)) = table.get(key) {
            let date = text
                .trim()
                .parse::<toml::value::Datetime>()
                .ok()
                .filter(|d| d.date.is_some() && d.time.is_none());
            let Some(date) = date else {
                return Err(Error::data(
                    origin,
                    format!("`{key}` = \"{text}\" is not a date such as 2025-01-21"),
                ));
            };
            table.insert(key.to_string(), Value::Datetime(date));
        }
    }
    if let Some(Value::Array(holders)) = table.get_mut("holders") {
        for holder in holders {
            if let Value::Table(holder) = holder {
                dates_as_toml(origin, holder)?;
            }
        }
    }
    Ok(())
}

fn check_keys(origin: &str, table: &Table) -> Result<()> {
    if let Some(key) = table.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(Error::data(
            origin,
            format!(
                "unknown key `{key}`: an office has {}",
                KEYS[..KEYS.len() - 1].join(", ")
            ),
        ));
    }
    Ok(())
}

fn toml_records(name: &str, text: &str) -> Result<Vec<Incoming>> {
    let table: Table = crate::load::parse_toml(name, text)?;
    let mut out = Vec::new();
    for (id, value) in table {
        let origin = format!("{name} [{id}]");
        let Value::Table(mut table) = value else {
            return Err(Error::data(
                origin,
                "is not a table: give each office as [office-id] and its keys",
            ));
        };
        check_keys(&origin, &table)?;
        dates_as_toml(&origin, &mut table)?;
        out.push(Incoming { id, origin, table });
    }
    Ok(out)
}

fn json_to_toml(value: serde_json::Value) -> Option<Value> {
    Some(match value {
        serde_json::Value::Null => return None,
        serde_json::Value::Bool(b) => Value::Boolean(b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Float(n.as_f64()?),
        },
        serde_json::Value::String(s) => Value::String(s),
        serde_json::Value::Array(items) => {
            Value::Array(items.into_iter().filter_map(json_to_toml).collect())
        }
        serde_json::Value::Object(map) => Value::Table(
            map.into_iter()
                .filter_map(|(k, v)| json_to_toml(v).map(|v| (k, v)))
                .collect(),
        ),
    })
}

/// Takes the record's `id` out of its table.
fn take_id(origin: &str, table: &mut Table) -> Result<String> {
    match table.remove("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => Ok(id.trim().to_string()),
        _ => Err(Error::data(
            origin,
            "no `id`: give each office its id, such as `ve-attorney-general`",
        )),
    }
}

fn json_lines(name: &str, text: &str) -> Result<Vec<Incoming>> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let origin = format!("{name} line {}", index + 1);
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| {
            // The line is the row: say only the column within it.
            let reason = e.to_string().replace(" at line 1 column ", " at column ");
            Error::data(&origin, format!("not a JSON object: {reason}"))
        })?;
        let Some(Value::Table(mut table)) = json_to_toml(value) else {
            return Err(Error::data(
                origin,
                "not a JSON object: give each office as one object on one line",
            ));
        };
        let id = take_id(&origin, &mut table)?;
        check_keys(&origin, &table)?;
        dates_as_toml(&origin, &mut table)?;
        out.push(Incoming { id, origin, table });
    }
    Ok(out)
}

/// The cell separator of a CSV file: the one of `,`, `;` and tab its header row has
/// most of.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| header.bytes().filter(|b| b == d).count())
        .unwrap_or(b',')
}

/// A column's key and language: `office`, `office.es`, `office_es`, `Office (ES)`.
fn column(header: &str) -> Option<(String, Option<Language>)> {
    let header = header.trim().to_ascii_lowercase();
    let header = header.trim_end_matches(')').replace(" (", ".");
    if KEYS.contains(&header.as_str()) {
        return Some((header, None));
    }
    let (key, code) = header.rsplit_once(['.', '_'])?;
    let language = code.parse::<Language>().ok()?;
    LOCALIZED
        .contains(&key)
        .then(|| (key.to_string(), Some(language)))
}

fn csv_rows(name: &str, text: &str) -> Result<Vec<Incoming>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| Error::data(name, format!("cannot read the header row: {e}")))?
        .clone();
    let mut columns = Vec::with_capacity(headers.len());
    for header in &headers {
        match column(header) {
            Some(col) => columns.push(col),
            None if header.trim().is_empty() => columns.push((String::new(), None)),
            None => {
                return Err(Error::data(
                    format!("{name} row 1"),
                    format!(
                        "unknown column `{header}`: the columns are {} (and a text per language as office.es, title.en, …)",
                        KEYS.join(", ")
                    ),
                ))
            }
        }
    }
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let row = e.position().map_or(0, |p| p.line());
            Error::data(format!("{name} row {row}"), e.to_string())
        })?;
        let row = record.position().map_or(0, |p| p.line());
        let origin = format!("{name} row {row}");
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let mut table = Table::new();
        let mut per_language: std::collections::BTreeMap<String, Table> = Default::default();
        for ((key, language), cell) in columns.iter().zip(record.iter()) {
            let cell = cell.trim();
            if key.is_empty() || cell.is_empty() {
                continue;
            }
            let value = match key.as_str() {
                "address" => Value::Array(
                    cell.split(['\n', '|'])
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(|l| Value::String(l.to_string()))
                        .collect(),
                ),
                "languages" => Value::Array(
                    cell.split([',', ';', ' '])
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(|l| Value::String(l.to_ascii_lowercase()))
                        .collect(),
                ),
                _ => Value::String(cell.split_whitespace().collect::<Vec<_>>().join(" ")),
            };
            match language {
                Some(language) => {
                    per_language
                        .entry(key.clone())
                        .or_default()
                        .insert(language.code().to_string(), value);
                }
                None => {
                    table.insert(key.clone(), value);
                }
            }
        }
        for (key, mut texts) in per_language {
            // A plain column fills in the languages not given on their own.
            if let Some(Value::String(same)) = table.get(&key) {
                for language in Language::all() {
                    texts
                        .entry(language.code())
                        .or_insert_with(|| Value::String(same.clone()));
                }
            }
            table.insert(key, Value::Table(texts));
        }
        let id = take_id(&origin, &mut table)?;
        dates_as_toml(&origin, &mut table)?;
        out.push(Incoming { id, origin, table });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn csv_from_excel() {
        let text = "id;office;office.es;name;since;address;languages\nve-x;Attorney General;Fiscal General;Ana Díaz;2026-01-05;Av. México | Caracas;es, en\n;;;;;;\n";
        let records = read("o.csv", text, Format::Csv).unwrap();
        assert_eq!(records.len(), 1);
        let r = &records[0];
        assert_eq!(r.id, "ve-x");
        assert_eq!(r.origin, "o.csv row 2");
        assert_eq!(r.table["office"]["es"].as_str(), Some("Fiscal General"));
        assert_eq!(r.table["office"]["en"].as_str(), Some("Attorney General"));
        assert_eq!(r.table["address"].as_array().unwrap().len(), 2);
        assert!(r.table["since"].is_datetime());
        let bad = read("o.csv", "id,ofice\nx,y\n", Format::Csv).unwrap_err();
        assert!(bad.to_string().contains("unknown column `ofice`"), "{bad}");
    }

    #[test]
    fn windows_1252_csv_is_read() {
        let text = decode(
            "o.csv",
            b"id,office\nve-x,Fiscal\xeda\n".to_vec(),
            Format::Csv,
        )
        .unwrap();
        assert!(text.contains("Fiscalía"));
        assert!(decode("o.toml", b"x = \"\xed\"".to_vec(), Format::Toml).is_err());
    }

    #[test]
    fn json_lines_and_toml() {
        let jsonl = "{\"id\": \"ve-x\", \"office\": {\"en\": \"A\", \"es\": \"B\"}, \"verified\": \"2026-01-01\"}\n\n{\"office\": \"C\"}\n";
        let err = read("o.jsonl", jsonl, Format::JsonLines).unwrap_err();
        assert!(
            err.to_string().starts_with("o.jsonl line 3: no `id`"),
            "{err}"
        );
        let one = read("o.jsonl", jsonl.lines().next().unwrap(), Format::JsonLines).unwrap();
        assert!(one[0].table["verified"].is_datetime());
        let toml = "[ve-x]\noffice = \"A\"\n[ve-y]\noffice = \"B\"\nemial = \"x\"\n";
        let err = read("o.toml", toml, Format::Toml).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("o.toml [ve-y]: unknown key `emial`"),
            "{err}"
        );
    }

    #[test]
    fn an_office_given_twice_is_refused() {
        let err = read("o.csv", "id,office\nve-x,A\nve-x,B\n", Format::Csv).unwrap_err();
        assert!(
            err.to_string()
                .contains("given twice (also at o.csv row 2)"),
            "{err}"
        );
    }
}
