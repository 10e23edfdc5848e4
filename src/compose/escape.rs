//! Escaping values for the Markdown a template body produces, so that a value comes
//! out exactly as written (never as emphasis, a list, a footnote or HTML).

/// Escapes every ASCII punctuation character with a backslash, as CommonMark allows.
pub fn markdown_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + value.len() / 4);
    // ASCII punctuation is never part of a longer UTF-8 sequence, so the text between
    // two such bytes is whole characters.
    let mut start = 0;
    for (i, byte) in value.bytes().enumerate() {
        if byte.is_ascii_punctuation() {
            out.push_str(&value[start..i]);
            out.push('\\');
            start = i;
        }
    }
    out.push_str(&value[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_syntax() {
        assert_eq!(markdown_escape("*a*"), "\\*a\\*");
        assert_eq!(markdown_escape("1. x"), "1\\. x");
        assert_eq!(markdown_escape("Peña"), "Peña");
    }
}
