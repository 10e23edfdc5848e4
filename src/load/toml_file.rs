//! Parsing a TOML data file into a typed value, with errors that say `file:line:column`.

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// Line and column (both from 1) of a byte offset in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Parses `text` (read from `path`) as TOML into `T`.
pub fn parse<T: DeserializeOwned>(path: &str, text: &str) -> Result<T> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    toml::from_str(text).map_err(|err| {
        let location = match err.span() {
            Some(span) => {
                let (line, column) = line_column(text, span.start);
                format!("{path}:{line}:{column}")
            }
            None => path.to_string(),
        };
        let mut message = err.message().trim().replace('\n', " ");
        if message == "duplicate key" {
            if let Some(key) = err.span().and_then(|span| text.get(span)) {
                message = format!(
                    "duplicate key `{}`: a key may appear only once in a table; keep one of them",
                    key.trim()
                );
            }
        }
        Error::data(location, message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_errors() {
        let err = parse::<toml::Table>("x.toml", "a = 1\nb = \"unterminated\n").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("x.toml:2:"), "{text}");
    }

    #[test]
    fn names_a_duplicate_key() {
        let err = parse::<toml::Table>("x.toml", "[a]\nname = 1\nname = 2\n").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("x.toml:3:1: duplicate key `name`"), "{text}");
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ñañ\nab", 5), (1, 4));
        assert_eq!(line_column("ab\ncd", 4), (2, 2));
    }
}
