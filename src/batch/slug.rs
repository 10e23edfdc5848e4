//! Safe, deterministic output file names: no path separators, no `..`, no reserved
//! names, only ASCII letters, digits and hyphens.

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
pub fn letter_file_name(row: usize, signer: &str, recipient: &str, extension: &str) -> String {
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
            letter_file_name(42, "José Núñez", "ve-attorney-general", "pdf"),
            "0042-jose-nunez--ve-attorney-general.pdf"
        );
        assert_ne!(
            letter_file_name(1, "Ana", "x", "txt"),
            letter_file_name(2, "Ana", "x", "txt")
        );
    }
}
