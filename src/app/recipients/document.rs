//! A recipients file as a document to change in place: comments, order and layout kept
//! (`toml_edit`), only the values asked for changed. A record in the older form (one
//! `name` and `honorific`) is rewritten with `[[id.holders]]` when its holders change.

use chrono::{Datelike, NaiveDate};
use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use super::incoming::RECORD_KEYS;
use crate::error::{Error, Result};
use crate::model::{Holder, Localized};

/// The text of a recipients file, parsed for editing.
pub struct Document {
    doc: DocumentMut,
    path: String,
}

/// A date as a TOML date (`2025-01-21`), not a string.
pub fn date_value(date: NaiveDate) -> Value {
    let datetime = toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: u16::try_from(date.year()).unwrap_or_default(),
            month: u8::try_from(date.month()).unwrap_or_default(),
            day: u8::try_from(date.day()).unwrap_or_default(),
        }),
        time: None,
        offset: None,
    };
    Value::from(datetime)
}

/// A text field: a string, or an inline table per language.
pub fn localized_value(text: &Localized) -> Value {
    match text {
        Localized::Same(text) => Value::from(text.as_str()),
        Localized::PerLanguage(texts) => {
            let mut table = InlineTable::new();
            for (language, text) in texts {
                table.insert(language.code(), Value::from(text.as_str()));
            }
            Value::InlineTable(table)
        }
    }
}

/// A value of a `toml` table as `toml_edit` writes it: dates as dates, tables inline.
pub fn edit_value(value: &toml::Value) -> Result<Value> {
    if let toml::Value::Datetime(datetime) = value {
        let day = datetime.date.and_then(|d| {
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
        });
        if let (Some(day), None) = (day, datetime.time) {
            return Ok(date_value(day));
        }
    }
    value
        .to_string()
        .parse::<Value>()
        .map_err(|e| Error::data("recipients", e.to_string().replace('\n', " ")))
}

/// The text of record `id` as `recipients.toml` holds it: `[id]`, its values one a line
/// (texts per language inline), then its `[[id.holders]]`.
pub fn record_text(id: &str, record: &toml::Table) -> Result<String> {
    // A record's own keys in their order, then its holders, then anything else.
    let rank = |key: &str| {
        RECORD_KEYS
            .iter()
            .position(|k| *k == key)
            .unwrap_or(RECORD_KEYS.len() + usize::from(key != "holders"))
    };
    let mut entries: Vec<(&String, &toml::Value)> = record.iter().collect();
    entries.sort_by_key(|(key, _)| rank(key));
    let mut table = Table::new();
    for (key, value) in entries {
        match (key.as_str(), value) {
            ("holders", toml::Value::Array(holders)) => {
                let mut tables = ArrayOfTables::new();
                for holder in holders {
                    let mut out = Table::new();
                    if let toml::Value::Table(holder) = holder {
                        for (key, value) in holder {
                            out.insert(key, Item::Value(edit_value(value)?));
                        }
                    }
                    tables.push(out);
                }
                table.insert("holders", Item::ArrayOfTables(tables));
            }
            _ => {
                table.insert(key, Item::Value(edit_value(value)?));
            }
        }
    }
    let mut doc = DocumentMut::new();
    doc.insert(id, Item::Table(table));
    Ok(doc.to_string())
}

/// A holder as a `[[id.holders]]` table.
fn holder_table(holder: &Holder) -> Table {
    let mut table = Table::new();
    table.insert("name", Item::Value(localized_value(&holder.name)));
    if let Some(honorific) = &holder.honorific {
        table.insert("honorific", Item::Value(localized_value(honorific)));
    }
    if let Some(salutation) = &holder.salutation {
        table.insert("salutation", Item::Value(localized_value(salutation)));
    }
    if let Some(since) = holder.since {
        table.insert("since", Item::Value(date_value(since)));
    }
    if let Some(until) = holder.until {
        table.insert("until", Item::Value(date_value(until)));
    }
    table
}

impl Document {
    /// Parses the text of the recipients file `path` (already read and validated).
    pub fn parse(path: &str, text: &str) -> Result<Document> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let doc = text
            .parse::<DocumentMut>()
            .map_err(|e| Error::data(path, e.to_string().replace('\n', " ")))?;
        Ok(Document {
            doc,
            path: path.to_string(),
        })
    }

    fn record(&mut self, id: &str) -> Result<&mut Table> {
        let path = self.path.clone();
        self.doc
            .get_mut(id)
            .and_then(Item::as_table_mut)
            .ok_or_else(|| Error::data(path, format!("[{id}] is not a table of this file")))
    }

    /// Sets `key` of record `id` to `value`, keeping the line's comment.
    pub fn set(&mut self, id: &str, key: &str, value: Value) -> Result<()> {
        let record = self.record(id)?;
        match record.get_mut(key).and_then(Item::as_value_mut) {
            Some(old) => {
                let decor = old.decor().clone();
                *old = value;
                *old.decor_mut() = decor;
            }
            None => {
                record.insert(key, Item::Value(value));
            }
        }
        Ok(())
    }

    /// Replaces the holders of record `id` with `holders`: a record in the older form
    /// loses its `name` and `honorific`, which the first holder carries.
    pub fn set_holders(&mut self, id: &str, holders: &[Holder]) -> Result<()> {
        let record = self.record(id)?;
        record.remove("name");
        record.remove("honorific");
        let mut tables = ArrayOfTables::new();
        for holder in holders {
            tables.push(holder_table(holder));
        }
        match record.get_mut("holders") {
            Some(Item::ArrayOfTables(existing)) => {
                // Keep the tables already written (and their comments) where they agree.
                for (index, table) in tables.iter_mut().enumerate() {
                    if let Some(old) = existing.get(index) {
                        table.set_position(old.position());
                        *table.decor_mut() = old.decor().clone();
                    }
                }
                *existing = tables;
            }
            _ => {
                record.insert("holders", Item::ArrayOfTables(tables));
            }
        }
        Ok(())
    }

    /// Appends the record `id` given as the text of a TOML table (`[id]` and its
    /// `[[id.holders]]`), after the records already there.
    pub fn append(&mut self, record_text: &str) -> Result<()> {
        let mut text = self.doc.to_string();
        if !text.ends_with('\n') && !text.is_empty() {
            text.push('\n');
        }
        text.push('\n');
        text.push_str(record_text);
        self.doc = text
            .parse::<DocumentMut>()
            .map_err(|e| Error::data(&self.path, e.to_string().replace('\n', " ")))?;
        Ok(())
    }
}

impl std::fmt::Display for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.doc)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    const FILE: &str = "# My offices.\n\n[ve-x]\noffice = \"Fiscal\" # the office\nname = \"Ana\"\nhonorific = \"Sra.\"\ncountry = \"VE\"\nlanguages = [\"es\"]\nverified = 2024-01-01\n\n[ve-y]\noffice = \"Otra\"\ncountry = \"VE\"\nlanguages = [\"es\"]\nverified = 2024-01-01\n";

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn holders_replace_the_old_name_in_place_keeping_comments() {
        let mut doc = Document::parse("r.toml", FILE).unwrap();
        let holders = [
            Holder {
                name: Localized::Same("Ana".into()),
                honorific: Some(Localized::Same("Sra.".into())),
                salutation: None,
                since: None,
                until: Some(day("2025-01-20")),
            },
            Holder {
                name: Localized::Same("Bea".into()),
                honorific: None,
                salutation: None,
                since: Some(day("2025-01-21")),
                until: None,
            },
        ];
        doc.set_holders("ve-x", &holders).unwrap();
        doc.set("ve-x", "verified", date_value(day("2026-11-23")))
            .unwrap();
        let text = doc.to_string();
        assert!(text.starts_with("# My offices.\n"), "{text}");
        assert!(text.contains("office = \"Fiscal\" # the office"), "{text}");
        let record = &text[..text.find("[[ve-x.holders]]").unwrap()];
        assert!(!record.contains("name"), "{text}");
        assert!(text.contains("verified = 2026-11-23"), "{text}");
        let x = text.find("[[ve-x.holders]]").unwrap();
        let y = text.find("[ve-y]").unwrap();
        assert!(x < y, "the holders stay with their record:\n{text}");
        assert!(text.contains("until = 2025-01-20"), "{text}");
        assert!(text.contains("since = 2025-01-21"), "{text}");
        let records: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(records["ve-x"]["holders"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn a_record_is_appended() {
        let mut doc = Document::parse("r.toml", FILE).unwrap();
        doc.append("[ve-z]\noffice = \"Z\"\n").unwrap();
        assert!(doc.to_string().ends_with("\n\n[ve-z]\noffice = \"Z\"\n"));
    }
}
