//! What one signers row asks for: its signer, and its own language, recipients, own
//! words and extra fields. Unknown columns become template fields (`{{fields.city}}`).

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use crate::load::columns::{
    ADDRESS, EMAIL, KNOWN, LANGUAGE, NAME, ORGANIZATION, OWN_WORDS, PHONE, RECIPIENTS, SIGNATURE,
    TITLE, WEB,
};
use crate::load::signers::SignerRow;
use crate::model::{Language, Sender};
use crate::text::control_chars;
use crate::text::looks_like_email;

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

/// Whether some part of `relative`, followed from `base`, is a symbolic link.
fn passes_through_link(base: &Path, relative: &Path) -> bool {
    let mut path = base.to_path_buf();
    for component in relative.components() {
        path.push(component);
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => return true,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
    false
}

/// The image a row's `signature` cell names, confined to `base` (the signers file's
/// folder, or `--signatures-dir`): a spreadsheet cell must not be able to pick any
/// image the user can read. An absolute path, one that climbs out with `..`, or one
/// through a link that leads out are refused alike, with one message that does not
/// tell whether such a file exists.
fn confined_signature(base: &Path, cell: &str) -> Result<PathBuf, String> {
    let refused = || {
        let folder = if base == Path::new(".") || base.as_os_str().is_empty() {
            "the current folder".to_string()
        } else {
            base.display().to_string()
        };
        format!(
            "signature `{cell}` is refused: a signers file may only name images inside {folder} \
             (a relative path such as signatures/ana.png); give --signatures-dir DIR to use another folder"
        )
    };
    let relative = Path::new(cell);
    let mut depth = 0usize;
    for component in relative.components() {
        match component {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir if depth > 0 => depth -= 1,
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => {
                return Err(refused())
            }
        }
    }
    let root = base
        .canonicalize()
        .map_err(|e| format!("cannot read the signatures folder {}: {e}", base.display()))?;
    let joined = if base == Path::new(".") {
        relative.to_path_buf()
    } else {
        base.join(relative)
    };
    match joined.canonicalize() {
        Ok(real) if real.starts_with(&root) => Ok(joined),
        Ok(_) => Err(refused()),
        Err(_) if passes_through_link(base, relative) => Err(refused()),
        Err(e) => Err(format!(
            "cannot read signature image {}: {e}",
            joined.display()
        )),
    }
}

/// Reads a row. `base` is the folder signature paths are relative to (and confined to):
/// the signers file's, or `--signatures-dir`. Fails with the reason a person can act on.
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
        cell => {
            let path = confined_signature(base, cell)?;
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

    #[test]
    fn signatures_stay_inside_their_folder() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join("signers");
        std::fs::create_dir_all(base.join("sig")).unwrap();
        let png = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/signature.png"
        ))
        .unwrap();
        std::fs::write(base.join("sig/ana.png"), &png).unwrap();
        std::fs::write(dir.path().join("secret.png"), &png).unwrap();
        let d = Sender::default();
        let signed = |cell: &str| interpret(&row(&[("name", "A"), ("signature", cell)]), &d, &base);
        assert!(signed("sig/ana.png").is_ok());
        assert!(signed("./sig/../sig/ana.png").is_ok());
        let outside = dir.path().join("secret.png");
        let missing = dir.path().join("missing.png");
        let cases = [
            outside.display().to_string(),
            missing.display().to_string(),
            "../secret.png".to_string(),
            "../missing.png".to_string(),
            "sig/../../secret.png".to_string(),
        ];
        let messages: Vec<String> = cases
            .iter()
            .map(|cell| signed(cell).unwrap_err().replace(cell.as_str(), "CELL"))
            .collect();
        assert!(messages[0].contains("is refused"), "{}", messages[0]);
        // The same words whether or not the file exists.
        assert!(messages.iter().all(|m| *m == messages[0]), "{messages:?}");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.png"), base.join("link.png"))
                .unwrap();
            std::os::unix::fs::symlink(dir.path().join("missing.png"), base.join("dangling.png"))
                .unwrap();
            std::os::unix::fs::symlink(dir.path(), base.join("up")).unwrap();
            for cell in [
                "link.png",
                "dangling.png",
                "up/secret.png",
                "up/missing.png",
            ] {
                let message = signed(cell).unwrap_err().replace(cell, "CELL");
                assert_eq!(message, messages[0], "{cell}");
            }
        }
    }
}
