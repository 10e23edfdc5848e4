//! Every name `letters` gives a file, in one place: a letter's (`TEMPLATE--RECIPIENT--LANG.EXT`
//! for `draft`, `0042-signer--recipient.EXT` in a batch), a combined file's, the
//! manifest, failed rows and ledger, and temporary files. Names made from data are safe
//! and deterministic: no path separators, no `..`, no reserved names, only ASCII
//! letters, digits and hyphens.

use crate::model::Language;

/// A batch's manifest, inside its output directory.
pub const MANIFEST: &str = "manifest.jsonl";
/// A batch's failed rows, for a CSV signers file.
pub const FAILED_CSV: &str = "failed.csv";
/// A batch's failed rows, for a JSON Lines signers file.
pub const FAILED_JSONL: &str = "failed.jsonl";
/// A batch's summary of its last whole run (`letters batch --json` prints the same).
pub const SUMMARY: &str = "summary.json";
/// The send ledger's name when it sits beside the messages.
pub const LEDGER: &str = "letters-ledger.jsonl";
/// How temporary files start and end, so that leftovers can be recognised.
pub const TEMP_PREFIX: &str = ".letters-";
pub const TEMP_SUFFIX: &str = ".tmp";

/// Whether `name` is one of our temporary files (left behind by a killed run).
pub fn is_temp(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

/// A letter drafted on its own: campaign, recipient office and language.
pub fn letter(template: &str, recipient: &str, language: Language, extension: &str) -> String {
    format!("{template}--{recipient}--{language}.{extension}")
}

/// Every letter of a campaign in one file (`--combine`, an mbox); JSON becomes JSON Lines.
pub fn combined(template: &str, extension: &str) -> String {
    match extension {
        "json" => format!("{template}.jsonl"),
        _ => format!("{template}.{extension}"),
    }
}

/// The folder several letters of a campaign go to when none is named.
pub fn letters_folder(template: &str) -> String {
    format!("{template}-letters")
}

/// The longest slug of a name.
const MAX_LEN: usize = 40;

/// `José Núñez` → `jose-nunez`; empty or symbol-only names give `signer`.
pub fn slug(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let ascii = deunicode::deunicode(&spaced);
    let mut out = String::with_capacity(ascii.len().min(MAX_LEN));
    let mut dash = false;
    for c in ascii.chars() {
        if !c.is_ascii_alphanumeric() {
            dash = true;
            continue;
        }
        let needed = if dash && !out.is_empty() { 2 } else { 1 };
        if out.len() + needed > MAX_LEN {
            break;
        }
        if needed == 2 {
            out.push('-');
        }
        dash = false;
        out.push(c.to_ascii_lowercase());
    }
    if out.is_empty() {
        "signer".to_string()
    } else {
        out
    }
}

/// The file name of one letter of a batch: row number, signer, recipient.
pub fn batch_letter(row: usize, signer: &str, recipient: &str, extension: &str) -> String {
    format!("{row:04}-{}--{}.{extension}", slug(signer), slug(recipient))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe() {
        assert_eq!(slug("José Núñez"), "jose-nunez");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("CON"), "con");
        assert_eq!(slug("***"), "signer");
        assert_eq!(slug("María\r\nde los Ángeles"), "maria-de-los-angeles");
        assert_eq!(slug("Ana *\"La Flaca\"* O'Brien"), "ana-la-flaca-o-brien");
        assert!(slug(&"a".repeat(500)).len() <= MAX_LEN);
    }

    #[test]
    fn file_names_are_unique_by_row() {
        assert_eq!(
            batch_letter(42, "José Núñez", "ve-attorney-general", "pdf"),
            "0042-jose-nunez--ve-attorney-general.pdf"
        );
        assert_ne!(
            batch_letter(1, "Ana", "x", "txt"),
            batch_letter(2, "Ana", "x", "txt")
        );
    }
}
