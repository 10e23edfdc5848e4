//! First-fit word wrapping for plain text. Words are runs of characters between ASCII
//! spaces and are never split: a line takes words while they fit, and a word longer
//! than a line stands alone on its line. Widths are display columns (wide characters
//! count two, emoji sequences as shown, ANSI escape sequences none); tabs and carriage
//! returns count as spaces.
//!
//! The text is split at `\n` first and each piece is wrapped on its own; every line
//! after the very first starts with the continuation indent.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wraps `text` to `width` columns and hands each line to `emit` as (indent, content),
/// content without trailing white space. The first line's indent is `first`, the
/// others' `rest`; an empty line comes with its indent trimmed too.
pub fn wrap_with(
    text: &str,
    width: usize,
    first: &str,
    rest: &str,
    mut emit: impl FnMut(&str, &str),
) {
    // Much text is printable ASCII: every byte one column, nothing to measure.
    let plain = printable_ascii(text.as_bytes());
    // Tabs and carriage returns inside a line are spaces: letters have no tab stops.
    let text: &str = &if !plain && memchr::memchr2(b'\t', b'\r', text.as_bytes()).is_some() {
        std::borrow::Cow::Owned(text.replace(['\t', '\r'], " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let widths = [
        width.saturating_sub(display_width(first)),
        width.saturating_sub(display_width(rest)),
    ];
    let mut emitted = false;
    // `bare`: without the indent.
    let mut line = |content: &str, bare: bool| {
        let indent = match (bare, emitted) {
            (true, _) => "",
            (false, false) => first,
            (false, true) => rest,
        };
        emitted = true;
        let content = content.trim_end();
        if content.is_empty() {
            emit(indent.trim_end(), "");
        } else {
            emit(indent, content);
        }
    };
    for (n, piece) in text.split('\n').enumerate() {
        // A piece shorter in bytes than the width fits, whatever its characters.
        if piece.len() < width && (if n == 0 { first } else { rest }).is_empty() {
            line(piece, false);
            continue;
        }
        // An empty piece gives an empty line, without even its indent.
        if piece.is_empty() {
            line("", true);
            continue;
        }
        // Lines made from this piece so far: the first has the first line's width.
        let mut made = 0;
        // Byte offsets: where the line being filled starts, where its last word ends.
        let mut start = 0;
        let mut end = 0;
        let mut used = 0;
        for (i, word) in Words::new(piece, plain).enumerate() {
            let budget = widths[made.min(1)];
            if i > 0 && used + word.width > budget {
                line(&piece[start..end], false);
                made += 1;
                start = word.start;
                used = 0;
            }
            used += word.width + word.spaces;
            end = word.end;
        }
        line(&piece[start..end], false);
    }
}

/// Whether every byte is printable ASCII or a line feed.
fn printable_ascii(bytes: &[u8]) -> bool {
    // Without an early exit, so that the loop is vectorized.
    bytes.iter().fold(true, |ok, &b| {
        ok & ((0x20..0x7f).contains(&b) | (b == b'\n'))
    })
}

/// The display width of `text` in columns, by Unicode's rules for whole strings (an emoji
/// with its variation selector, a ZWJ sequence or a ligature counts as it is shown, not
/// as the sum of its characters); ANSI escape sequences count none.
pub fn display_width(text: &str) -> usize {
    // Below U+0300 (Latin, no combining marks, no selectors) nothing joins: each
    // character counts on its own, which is quicker to add up.
    if text.chars().all(|c| c < '\u{300}' && !c.is_control()) {
        return text.chars().map(|c| c.width().unwrap_or(0)).sum();
    }
    let mut width = 0;
    let mut rest = text;
    while let Some(at) = rest.find('\x1b') {
        width += rest[..at].width();
        let mut chars = rest[at + 1..].chars();
        skip_escape_sequence(&mut chars);
        rest = chars.as_str();
    }
    width + rest.width()
}

/// Skips what follows an ESC: a CSI sequence (`ESC [` … final byte) or an operating
/// system command (`ESC ]` … BEL or `ESC \`); any other character after ESC is skipped
/// alone.
fn skip_escape_sequence(chars: &mut std::str::Chars<'_>) {
    match chars.next() {
        Some('[') => {
            for c in chars.by_ref() {
                if ('\x40'..='\x7e').contains(&c) {
                    break;
                }
            }
        }
        Some(']') => {
            let mut last = ']';
            for c in chars.by_ref() {
                if c == '\x07' || (c == '\\' && last == '\x1b') {
                    break;
                }
                last = c;
            }
        }
        _ => {}
    }
}

/// A word of a line: its byte range (without the spaces after it), its width, and the
/// number of spaces after it.
struct Word {
    start: usize,
    end: usize,
    width: usize,
    spaces: usize,
}

/// The words of a line, split at runs of ASCII spaces. A line starting with spaces
/// starts with an empty word.
struct Words<'a> {
    line: &'a str,
    /// Whether the line is known to be printable ASCII.
    plain: bool,
    at: usize,
}

impl<'a> Words<'a> {
    fn new(line: &'a str, plain: bool) -> Words<'a> {
        Words { line, plain, at: 0 }
    }
}

impl Iterator for Words<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        let bytes = self.line.as_bytes();
        let start = self.at;
        if start >= bytes.len() {
            return None;
        }
        let end = memchr::memchr(b' ', &bytes[start..]).map_or(bytes.len(), |n| start + n);
        let mut next = end;
        while next < bytes.len() && bytes[next] == b' ' {
            next += 1;
        }
        self.at = next;
        // Printable ASCII is one column a byte; anything else is measured properly.
        let word = &bytes[start..end];
        let width = if self.plain || printable_ascii(word) {
            end - start
        } else {
            display_width(&self.line[start..end])
        };
        Some(Word {
            start,
            end,
            width,
            spaces: next - end,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
        let mut out = Vec::new();
        wrap_with(text, width, first, rest, |indent, content| {
            out.push(format!("{indent}{content}"));
        });
        out
    }

    #[test]
    fn fills_lines_first_fit() {
        assert_eq!(
            lines("To be, or not to be, that is the question.", 10, "", ""),
            ["To be, or", "not to be,", "that is", "the", "question."]
        );
    }

    #[test]
    fn indents_and_hangs() {
        assert_eq!(
            lines("one two three four", 10, "1. ", "   "),
            ["1. one two", "   three", "   four"]
        );
    }

    #[test]
    fn keeps_pieces_and_empty_lines() {
        assert_eq!(lines("a\n\nb", 20, "", "  "), ["a", "", "  b"]);
        assert_eq!(lines("", 20, "- ", "  "), [""]);
        assert_eq!(lines("   ", 2, "", ""), [""]);
    }

    #[test]
    fn counts_display_columns() {
        assert_eq!(display_width("Peña"), 4);
        assert_eq!(display_width("日本"), 4);
        assert_eq!(display_width("\x1b[1mbold\x1b[0m"), 4);
        // An emoji presentation sequence is two columns, not the one of its base.
        assert_eq!(display_width("*\u{fe0f}"), 2);
        assert_eq!(display_width("\u{1f469}\u{200d}\u{1f52c}"), 2);
    }

    /// Characters below U+0300 add up alone and in pairs as the string rules say.
    #[test]
    fn latin_text_adds_up_character_by_character() {
        let latin = || ('\u{20}'..'\u{300}').filter(|c| !c.is_control());
        for a in latin() {
            for b in latin() {
                let pair: String = [a, b].iter().collect();
                assert_eq!(display_width(&pair), pair.width(), "{pair:?}");
            }
        }
    }

    /// Found by fuzzing: a keycap base with its variation selector made a line one
    /// column too wide.
    #[test]
    fn emoji_sequences_are_measured_whole() {
        for line in lines("aaa *\u{fe0f} bb", 5, "", "") {
            assert!(display_width(&line) <= 5, "{line:?}");
        }
    }
}
