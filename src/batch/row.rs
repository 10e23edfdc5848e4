//! What one signers row asks for: its signer, and its own language, recipients, own
//! words and extra fields. Unknown columns become template fields (`{{fields.city}}`).

use std::collections::BTreeMap;
use std::path::Path;

use crate::control_chars;
use crate::load::columns::{
    ADDRESS, EMAIL, KNOWN, LANGUAGE, NAME, ORGANIZATION, OWN_WORDS, PHONE, RECIPIENTS, SIGNATURE,
    TITLE, WEB,
};
use crate::load::signers::SignerRow;
use crate::model::{looks_like_email, Language, Sender};

/// The row's choices, over the batch's defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowRequest {
    pub sender: Sender,
    pub language: Option<Language>,
    pub recipients: Vec<String>,
    pub own_words: Option<String>,
    pub fields: BTreeMap<String, String>,
}

fn cell<'a>(row: &'a SignerRow, names: &[&str]) -> &'a str {
    names
        .iter()
        .find_map(|n| row.get(n))
        .map(str::trim)
        .unwrap_or("")
}

/// A one-line cell: line breaks typed inside a spreadsheet cell become single spaces.
fn line(row: &SignerRow, names: &[&str]) -> String {
    cell(row, names)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The row's signature image, read far enough to know it is a PNG or JPEG.
fn check_signature(path: &Path) -> Result<(), String> {
    use std::io::Read;
    let mut magic = [0u8; 8];
    let mut file = std::fs::File::open(path)
        .map_err(|e| format!("cannot read signature image {}: {e}", path.display()))?;
    let n = file
        .read(&mut magic)
        .map_err(|e| format!("cannot read signature image {}: {e}", path.display()))?;
    let png = n >= 8 && magic == [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    let jpeg = n >= 3 && magic[..3] == [0xFF, 0xD8, 0xFF];
    if png || jpeg {
        Ok(())
    } else {
        Err(format!(
            "signature {} is not a PNG or JPEG image",
            path.display()
        ))
    }
}

/// Reads a row. `base` is the signers file's directory (signature paths are relative
/// to it). Fails with the reason a person can act on.
pub fn interpret(row: &SignerRow, defaults: &Sender, base: &Path) -> Result<RowRequest, String> {
    for (column, value) in &row.cells {
        control_chars::check(value).map_err(|m| format!("the `{column}` cell {m}"))?;
    }
    let name = line(row, NAME);
    if name.is_empty() {
        return Err("no name: fill in the `name` column".to_string());
    }
    let email = line(row, EMAIL);
    if !email.is_empty() && !looks_like_email(&email) {
        return Err(format!("`{email}` is not a valid email address"));
    }
    let language = match cell(row, LANGUAGE) {
        "" => None,
        code => Some(code.parse::<Language>().map_err(|e| e.to_string())?),
    };
    let signature = match cell(row, SIGNATURE) {
        "" => None,
        path => {
            let path = base.join(path);
            check_signature(&path)?;
            Some(path)
        }
    };
    let address = cell(row, ADDRESS)
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let sender = Sender {
        name,
        title: line(row, TITLE),
        organization: line(row, ORGANIZATION),
        address,
        email,
        phone: line(row, PHONE),
        web: line(row, WEB),
        signature,
    }
    .or(defaults);
    let recipients = cell(row, RECIPIENTS)
        .split([',', ';', ' ', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let own_words = Some(cell(row, OWN_WORDS).to_string()).filter(|s| !s.is_empty());
    let fields = row
        .keys
        .iter()
        .zip(&row.cells)
        .map(|(column, (_, value))| (column.clone(), value.clone()))
        .filter(|(column, _)| {
            !column.is_empty() && !KNOWN.iter().any(|names| names.contains(&column.as_str()))
        })
        .collect();
    Ok(RowRequest {
        sender,
        language,
        recipients,
        own_words,
        fields,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[(&str, &str)]) -> SignerRow {
        SignerRow::new(
            1,
            2,
            cells
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        )
    }

    #[test]
    fn columns_map_to_the_signer_and_the_rest_to_fields() {
        let defaults = Sender {
            organization: "Default Org".into(),
            ..Sender::default()
        };
        let r = interpret(
            &row(&[
                ("Name", "Ana"),
                ("Lang", "es"),
                ("To", "a; b"),
                ("City", "Mérida"),
            ]),
            &defaults,
            Path::new("."),
        )
        .unwrap();
        assert_eq!(r.sender.name, "Ana");
        assert_eq!(r.sender.organization, "Default Org");
        assert_eq!(r.language, Some(Language::Es));
        assert_eq!(r.recipients, ["a", "b"]);
        assert_eq!(r.fields.get("city").map(String::as_str), Some("Mérida"));
        assert!(!r.fields.contains_key("name"));
    }

    #[test]
    fn bad_rows_say_why() {
        let d = Sender::default();
        let base = Path::new(".");
        assert!(interpret(&row(&[("name", " ")]), &d, base)
            .unwrap_err()
            .contains("no name"));
        assert!(
            interpret(&row(&[("name", "A"), ("email", "a@b")]), &d, base)
                .unwrap_err()
                .contains("not a valid email")
        );
        assert!(interpret(&row(&[("name", "A"), ("lang", "fr")]), &d, base)
            .unwrap_err()
            .contains("unknown language"));
        assert!(
            interpret(&row(&[("name", "A"), ("signature", "nope.png")]), &d, base)
                .unwrap_err()
                .contains("cannot read signature")
        );
    }
}
