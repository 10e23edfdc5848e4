//! The Letter itself as JSON, for pipelines: a pretty-printed object in a file of its
//! own, one line each (JSON Lines) on standard output and in a combined file.

use crate::letter::Letter;

/// One letter as a pretty-printed JSON object.
pub fn render(letter: &Letter) -> String {
    let mut text = serde_json::to_string_pretty(letter).unwrap_or_default();
    text.push('\n');
    text
}

/// One letter as a single line of JSON (for JSON Lines).
pub fn render_line(letter: &Letter) -> String {
    let mut text = serde_json::to_string(letter).unwrap_or_default();
    text.push('\n');
    text
}
