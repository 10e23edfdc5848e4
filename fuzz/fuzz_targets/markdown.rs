//! Parsing a rendered body: the Markdown subset letters use (paragraphs, headings,
//! lists, emphasis, footnotes).
//!
//! Input: the Markdown text.
#![no_main]

use letters::compose::parse_markdown;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let text = String::from_utf8_lossy(input);
    let _ = parse_markdown(&text);
});
