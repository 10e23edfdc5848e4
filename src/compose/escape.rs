//! Escaping values for the Markdown a template body produces, so that a value comes
//! out exactly as written (never as emphasis, a list, a footnote or HTML).

/// Escapes every ASCII punctuation character with a backslash, as CommonMark allows.
pub fn markdown_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + value.len() / 4);
    for c in value.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
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
