//! Control characters in the texts a letter is made of. They do not print, no font has
//! a glyph for them, and some (ESC) drive a terminal, so letters refuse them wherever
//! text comes in: flags, signers cells, data files. Line breaks and tabs are allowed.
//!
//! What is refused may still be quoted back (a file name, an unknown id, a cell kept in
//! `failed.csv`), so every message and every failed row is written through [`escape`].

use std::borrow::Cow;

/// The first control character of `text` other than a line break or tab: its position
/// (counted in characters from 1) and the character.
pub fn find(text: &str) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .map(|(i, c)| (i + 1, c))
}

/// What to tell the user about the control character `c` at `position`.
pub fn describe(position: usize, c: char) -> String {
    format!(
        "contains the control character U+{:04X} at character {position}, which would not print (or would garble a terminal): delete it and try again",
        u32::from(c)
    )
}

/// Where the first control character of a file's `text` is, as `line:column` (from 1),
/// and what to tell the user about it.
pub fn locate(text: &str) -> Option<(String, String)> {
    let (position, c) = find(text)?;
    let before: String = text.chars().take(position - 1).collect();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let message = describe(position, c).replacen(&format!(" at character {position}"), "", 1);
    Some((format!("{line}:{column}"), message))
}

/// The complaint about the first control character of `text`, if it has one.
pub fn check(text: &str) -> Result<(), String> {
    match find(text) {
        Some((position, c)) => Err(describe(position, c)),
        None => Ok(()),
    }
}

/// `text` with every control character other than a line break or tab written as an
/// escape (`\u{1b}` for ESC, `\r` for a carriage return not followed by a line feed),
/// so that it can be shown on a terminal or kept in a file without acting on either.
pub fn escape(text: &str) -> Cow<'_, str> {
    let shown_raw = |c: char, next: Option<char>| {
        !c.is_control() || c == '\n' || c == '\t' || (c == '\r' && next == Some('\n'))
    };
    let mut chars = text.chars().peekable();
    let mut clean = true;
    while let Some(c) = chars.next() {
        if !shown_raw(c, chars.peek().copied()) {
            clean = false;
            break;
        }
    }
    if clean {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if shown_raw(c, chars.peek().copied()) {
            escaped.push(c);
        } else {
            escaped.extend(c.escape_debug());
        }
    }
    Cow::Owned(escaped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_escape_and_bell_but_not_line_breaks() {
        assert_eq!(find("Ana\tPérez\r\nsegunda línea"), None);
        assert_eq!(find("Ana\u{1b}[31m"), Some((4, '\u{1b}')));
        assert_eq!(find("é\u{7}"), Some((2, '\u{7}')));
        assert_eq!(find("x\u{85}"), Some((2, '\u{85}')));
    }

    #[test]
    fn locates_by_line_and_column() {
        let (at, message) = locate("one\ntwo \u{7}\n").unwrap_or_default();
        assert_eq!(at, "2:5");
        assert!(
            message.starts_with("contains the control character U+0007,"),
            "{message}"
        );
    }

    #[test]
    fn escapes_what_would_act_on_a_terminal() {
        assert_eq!(escape("Ana\u{1b}[31m"), "Ana\\u{1b}[31m");
        assert_eq!(escape("a\u{7}b\u{9b}c\u{0}"), "a\\u{7}b\\u{9b}c\\0");
        assert_eq!(escape("one\r\ntwo\rthree"), "one\r\ntwo\\rthree");
        assert!(matches!(escape("Ana\tPérez\nCaracas"), Cow::Borrowed(_)));
    }

    #[test]
    fn describes_the_character_by_code_point() {
        let message = describe(4, '\u{1b}');
        assert!(message.contains("U+001B at character 4"), "{message}");
    }
}
