//! Signers as JSON Lines: one object a line, each line read up to [`MAX_ROW_BYTES`], each
//! object read key by key. A key given twice (or twice after normalizing, as `Name` and
//! `name`), more than [`MAX_COLUMNS`] keys, or a number, true/false, list or object where
//! text belongs fails the row with the reason: serde_json's own map would keep the last
//! of two equal keys without a word, and turn any value into text.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, BufRead};

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::columns::{self, ColumnKind};
use super::limits::{oversized, size_text, MAX_CELL_BYTES, MAX_COLUMNS, MAX_ROW_BYTES};
use super::row::{normalize_column, BadRow, SignerRow};

/// The rows of JSON Lines `text`, blank lines skipped; `source` names it in messages.
pub fn rows<R: BufRead + Send + 'static>(
    source: String,
    mut input: R,
) -> impl Iterator<Item = Result<SignerRow, BadRow>> + Send {
    let mut line_number = 0u64;
    let mut line = Vec::new();
    let mut done = false;
    std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        line_number += 1;
        let row = line_number as usize;
        let bad = |cells: Vec<(String, String)>, reason: String| {
            Some(Err(BadRow {
                row,
                line: line_number,
                cells,
                reason,
            }))
        };
        let len = match read_line(&mut input, &mut line) {
            Ok(Some(len)) => len,
            Ok(None) => return None,
            Err(e) => {
                done = true;
                return bad(Vec::new(), format!("{source}: cannot read: {e}"));
            }
        };
        if len > MAX_ROW_BYTES {
            return bad(
                Vec::new(),
                format!(
                    "this line holds {}; lines over {} KB are refused (is this a JSON Lines file, one object a line?)",
                    size_text(len),
                    MAX_ROW_BYTES / 1024
                ),
            );
        }
        let Ok(text) = std::str::from_utf8(&line) else {
            return bad(
                Vec::new(),
                "this line is not UTF-8: save the file as UTF-8 and run again".to_string(),
            );
        };
        let text = text.trim_start_matches('\u{feff}').trim();
        if text.is_empty() {
            continue;
        }
        let whole = || vec![("line".to_string(), text.to_string())];
        return match serde_json::from_str::<JsonRow>(text) {
            Ok(JsonRow {
                problem: Some(problem),
                ..
            }) => bad(whole(), problem),
            Ok(JsonRow { cells, .. }) => Some(Ok(SignerRow::new(row, line_number, cells))),
            Err(e) => bad(whole(), format!("not a JSON object: {e}")),
        };
    })
}

/// Reads one line (without its line break) into `line`, keeping at most
/// [`MAX_ROW_BYTES`] + 1 bytes of it; returns the whole line's length, or `None` at the
/// end of the input.
fn read_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<Option<usize>> {
    line.clear();
    let mut len = 0usize;
    let mut any = false;
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(any.then_some(len));
        }
        any = true;
        let (part, used, end) = match memchr::memchr(b'\n', buffer) {
            Some(at) => (&buffer[..at], at + 1, true),
            None => (buffer, buffer.len(), false),
        };
        let room = (MAX_ROW_BYTES + 1).saturating_sub(line.len());
        line.extend_from_slice(&part[..part.len().min(room)]);
        len += part.len();
        input.consume(used);
        if end {
            return Ok(Some(len));
        }
    }
}

/// One object's cells, or the first thing wrong with it.
#[derive(Debug, Default)]
struct JsonRow {
    cells: Vec<(String, String)>,
    problem: Option<String>,
}

impl<'de> Deserialize<'de> for JsonRow {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<JsonRow, D::Error> {
        deserializer.deserialize_map(RowVisitor)
    }
}

struct RowVisitor;

impl<'de> Visitor<'de> for RowVisitor {
    type Value = JsonRow;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of columns and their values, such as {\"name\": \"Ana\"}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonRow, A::Error> {
        let mut row = JsonRow::default();
        // Normalized key → the key as written, for the message about a repeated key.
        let mut seen: HashMap<String, String> = HashMap::new();
        while let Some(key) = map.next_key::<String>()? {
            if row.problem.is_some() {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            if row.cells.len() == MAX_COLUMNS {
                row.problem = Some(format!(
                    "this row has more than {MAX_COLUMNS} keys, more than a row may have: is each line one signer?"
                ));
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let normalized = normalize_column(&key);
            if let Some(first) = seen.get(&normalized) {
                row.problem = Some(if *first == key {
                    format!("the key `{key}` appears twice in this row: keep one")
                } else {
                    format!(
                        "the keys `{first}` and `{key}` name the same column, `{normalized}`: keep one"
                    )
                });
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let value: Value = map.next_value()?;
            match cell(&key, columns::kind(&normalized), value) {
                Ok(text) if text.len() > MAX_CELL_BYTES => {
                    row.problem = Some(oversized(&key, text.len()));
                }
                Ok(text) => {
                    seen.insert(normalized, key.clone());
                    row.cells.push((key, text));
                }
                Err(problem) => row.problem = Some(problem),
            }
        }
        Ok(row)
    }
}

/// What a value is, in a message.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The text of `key`'s value, if its column takes that kind of value.
fn cell(key: &str, kind: ColumnKind, value: Value) -> Result<String, String> {
    match (kind, value) {
        (_, Value::Null) => Ok(String::new()),
        (_, Value::String(text)) => Ok(text),
        (ColumnKind::List, Value::Array(items)) => {
            let mut ids = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Value::String(id) => ids.push(id),
                    other => {
                        return Err(format!(
                            "`{key}` lists {}, where office ids belong: write them as text, such as \"{key}\": [\"ve-un-mission\"]",
                            kind_of(&other)
                        ))
                    }
                }
            }
            Ok(ids.join(","))
        }
        (ColumnKind::List, other) => Err(format!(
            "`{key}` is {}: give office ids as text or a list of texts, such as \"{key}\": [\"ve-un-mission\"]",
            kind_of(&other)
        )),
        (ColumnKind::Text, other) => Err(format!(
            "`{key}` is {}, where text belongs: write it in quotes, such as \"{key}\": \"{}\"",
            kind_of(&other),
            match &other {
                Value::Number(number) => number.to_string(),
                _ => "…".to_string(),
            }
        )),
        (ColumnKind::Field, Value::Array(items)) => Ok(items
            .into_iter()
            .map(|item| match item {
                Value::String(text) => text,
                Value::Null => String::new(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join(",")),
        (ColumnKind::Field, other) => Ok(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Result<SignerRow, BadRow>> {
        rows("s.jsonl".into(), io::Cursor::new(text.as_bytes().to_vec())).collect()
    }

    fn reason(text: &str) -> String {
        match read(text).remove(0) {
            Err(bad) => bad.reason,
            Ok(row) => panic!("accepted: {row:?}"),
        }
    }

    #[test]
    fn text_lists_and_fields() {
        let rows = read(
            "{\"name\": \"Ana\", \"to\": [\"a\", \"b\"], \"zip\": 1010, \"lang\": null}\n\n{bad\n",
        );
        let row = rows[0].as_ref().unwrap();
        assert_eq!(row.get("to"), Some("a,b"));
        assert_eq!(row.get("zip"), Some("1010"));
        assert_eq!(row.get("lang"), Some(""));
        let bad = rows[1].as_ref().unwrap_err();
        assert_eq!((bad.row, bad.line), (3, 3));
        assert!(
            bad.reason.starts_with("not a JSON object"),
            "{}",
            bad.reason
        );
    }

    #[test]
    fn a_repeated_key_fails_the_row() {
        let same = reason("{\"name\": \"Ana\", \"name\": \"Eva\"}");
        assert_eq!(same, "the key `name` appears twice in this row: keep one");
        let normalized = reason("{\"Name\": \"Ana\", \"name \": \"Eva\"}");
        assert!(normalized.contains("`Name` and `name `"), "{normalized}");
    }

    #[test]
    fn values_where_text_belongs() {
        assert!(reason("{\"name\": 7}").contains("`name` is a number"));
        assert!(reason("{\"name\": \"A\", \"email\": {\"a\": 1}}").contains("`email` is an object"));
        assert!(reason("{\"name\": \"A\", \"own_words\": true}").contains("true/false"));
        assert!(reason("{\"name\": \"A\", \"to\": [1]}").contains("`to` lists a number"));
        assert!(reason("{\"name\": \"A\", \"to\": 1}").contains("`to` is a number"));
    }

    #[test]
    fn too_many_keys_or_bytes() {
        let keys: Vec<String> = (0..=MAX_COLUMNS)
            .map(|i| format!("\"k{i}\": \"\""))
            .collect();
        let many = format!("{{{}}}", keys.join(","));
        assert!(reason(&many).contains("more than 1000 keys"));
        let long = format!("{{\"name\": \"{}\"}}", "x".repeat(MAX_ROW_BYTES));
        let rows = read(&format!("{long}\n{{\"name\": \"Eva\"}}\n"));
        assert!(rows[0]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("lines over 256 KB"));
        assert_eq!(rows[1].as_ref().unwrap().get("name"), Some("Eva"));
    }
}
