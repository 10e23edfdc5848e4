//! Reading `recipients.toml`: office records keyed by office id.

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::model::{country, Recipient};
use crate::text::control_chars;
use crate::text::mojibake::{self, Finding};

use super::toml_file;

/// The recipient records of one file.
#[derive(Debug, Clone)]
pub struct Recipients {
    /// Where they came from, for messages.
    pub path: String,
    pub records: BTreeMap<String, Recipient>,
    /// Mojibake found in the file.
    pub findings: Vec<Finding>,
}

/// Whether `id` is a usable id: lowercase letters, digits and single hyphens.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

/// The record's `country` as a code in capitals, or the error that names the value.
fn check_country(path: &str, id: &str, value: &str) -> Result<&'static str> {
    if let Some(code) = country::alpha2(value) {
        return Ok(code);
    }
    let suggestion = match country::suggest(value) {
        Some((code, name)) => format!("; did you mean `{code}` ({name})?"),
        None => String::new(),
    };
    Err(Error::data(
        path,
        format!(
            "[{id}] `country = \"{}\"` is not an ISO 3166-1 two-letter country code, such as `VE` or `US`{suggestion}",
            value.escape_debug()
        ),
    ))
}

impl Recipients {
    /// Parses the text of a recipients file read from `path`.
    pub fn parse(path: &str, text: &str) -> Result<Recipients> {
        let mut records: BTreeMap<String, Recipient> = toml_file::parse(path, text)?;
        for (id, record) in &mut records {
            if !is_valid_id(id) {
                return Err(Error::data(
                    path,
                    format!("`{id}` is not a valid office id: use lowercase letters, digits and hyphens, such as `ve-attorney-general`"),
                ));
            }
            if record.languages.is_empty() {
                return Err(Error::data(
                    path,
                    format!("[{id}] has no `languages`: list the office's preferred languages, such as languages = [\"es\", \"en\"]"),
                ));
            }
            record.id.clone_from(id);
            if let Some(at) = record.address.iter().position(|l| l.trim().is_empty()) {
                return Err(Error::data(
                    path,
                    format!("[{id}] `address` line {} is blank: remove it (each line of `address` is one printed line)", at + 1),
                ));
            }
            record.country = check_country(path, id, &record.country)?.to_string();
            for text in record.texts_mut() {
                control_chars::check(text).map_err(|m| Error::data(path, format!("[{id}] {m}")))?;
            }
        }
        Ok(Recipients {
            path: path.to_string(),
            records,
            findings: mojibake::scan_lines(path, text),
        })
    }

    /// The record for `id`, or an error suggesting the closest id.
    pub fn get(&self, id: &str) -> Result<&Recipient> {
        self.records.get(id).ok_or_else(|| Error::UnknownId {
            kind: "recipient",
            id: id.to_string(),
            suggestion: crate::text::suggest::closest(id, self.records.keys().map(String::as_str)),
            see: "letters recipients list".to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_records_parse() {
        let r = Recipients::parse("recipients.toml", super::super::bundled::RECIPIENTS).unwrap();
        for id in [
            "us-secretary-of-state",
            "ve-attorney-general",
            "ve-un-mission",
        ] {
            assert_eq!(r.get(id).unwrap().id, id);
        }
    }

    #[test]
    fn unknown_id_suggests() {
        let r = Recipients::parse("recipients.toml", super::super::bundled::RECIPIENTS).unwrap();
        let err = r.get("ve-attorney-genral").unwrap_err().to_string();
        assert!(err.contains("did you mean `ve-attorney-general`"), "{err}");
    }

    #[test]
    fn ids_are_checked() {
        assert!(is_valid_id("ve-un-mission"));
        assert!(!is_valid_id("VE mission"));
        assert!(!is_valid_id("../x"));
    }

    fn parse_error(record: &str) -> String {
        let text = format!(
            "[ve-x]\noffice = \"O\"\nlanguages = [\"es\"]\nverified = 2026-01-01\n{record}"
        );
        Recipients::parse("r.toml", &text).unwrap_err().to_string()
    }

    #[test]
    fn countries_are_codes() {
        let message = parse_error("country = \"Venezuela\"\n");
        assert!(
            message.starts_with("r.toml: [ve-x] `country = \"Venezuela\"`"),
            "{message}"
        );
        assert!(message.contains("did you mean `VE`"), "{message}");
        assert!(!parse_error("country = \"XX\"\n").contains("did you mean"));
        let text = "[ve-x]\noffice = \"O\"\ncountry = \"ve\"\nlanguages = [\"es\"]\nverified = 2026-01-01\n";
        let r = Recipients::parse("r.toml", text).unwrap();
        assert_eq!(r.get("ve-x").unwrap().country, "VE");
    }

    #[test]
    fn address_lines_are_not_blank() {
        let message = parse_error("country = \"VE\"\naddress = [\"Av. Urdaneta\", \" \"]\n");
        assert!(
            message.contains("[ve-x] `address` line 2 is blank"),
            "{message}"
        );
    }
}
