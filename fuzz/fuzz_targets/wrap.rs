//! Wrapping text for plain-text letters: every word kept, in order, and no line wider
//! than asked unless it holds one word too long to fit.
//!
//! Input: a width byte, then the text. Tabs and carriage returns count as spaces.
#![no_main]

use letters::render::text::wrap;
use libfuzzer_sys::fuzz_target;
use unicode_width::UnicodeWidthStr;

/// The words of `text`: lines break only at spaces (and at line breaks), never at a
/// no-break space; white space at the end of a line may go.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split([' ', '\n', '\t', '\r'])
        .map(str::trim_end)
        .filter(|w| !w.is_empty())
}

fn check(text: &str, width: usize, first: &str, rest: &str) {
    let lines = wrap(text, width, first, rest);
    let expected: Vec<&str> = words(text).collect();
    let mut kept: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let indent = if i == 0 { first } else { rest };
        // White space at the end of a line goes, even when it is all the line holds.
        assert!(
            line.starts_with(indent) || indent.starts_with(line.as_str()),
            "line {i} lost its indent {indent:?}: {line:?}"
        );
        let content = line.get(indent.len()..).unwrap_or("");
        let fits = UnicodeWidthStr::width(line.as_str()) <= width;
        assert!(
            fits || words(content).count() <= 1,
            "line {i} wider than {width} with more than one word: {line:?}"
        );
        kept.extend(words(content));
    }
    assert_eq!(expected, kept, "words lost or reordered at width {width}");
}

fuzz_target!(|input: &[u8]| {
    let Some((&width, rest)) = input.split_first() else {
        return;
    };
    let width = usize::from(width % 120) + 1;
    let text = String::from_utf8_lossy(rest);
    // Control characters never reach a letter: they are refused where text comes in
    // (see letters::text::control_chars).
    if letters::text::control_chars::find(&text).is_some() {
        return;
    }
    check(&text, width, "", "");
    if width > 4 {
        check(&text, width, "1. ", "   ");
    }
});
