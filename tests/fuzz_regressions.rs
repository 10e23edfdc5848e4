//! Inputs that once made a fuzz target fail (fuzz/regressions/<target>/), checked as
//! ordinary tests: each is decoded the way its target decodes it and must now pass the
//! same checks. `scripts/fuzz.sh` also replays them through the fuzz targets.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use letters::render::text::wrap;
use unicode_width::UnicodeWidthStr;

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut found: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no inputs in {}", dir.display());
    found
}

/// Words as wrapping sees them: lines break at spaces, tabs, carriage returns and line breaks only.
fn words(text: &str) -> Vec<&str> {
    text.split([' ', '\n', '\t', '\r'])
        .map(str::trim_end)
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn wrapping_keeps_words_and_width() {
    for (path, bytes) in inputs("wrap") {
        let (&width, rest) = bytes.split_first().unwrap();
        let width = usize::from(width % 120) + 1;
        let text = String::from_utf8_lossy(rest);
        for (first, rest) in [("", ""), ("1. ", "   ")] {
            let lines = wrap(&text, width, first, rest);
            let mut kept = Vec::new();
            for (i, line) in lines.iter().enumerate() {
                let indent = if i == 0 { first } else { rest };
                assert!(
                    line.starts_with(indent) || indent.starts_with(line.as_str()),
                    "{}: line {i} lost its indent: {line:?}",
                    path.display()
                );
                let content = line.get(indent.len()..).unwrap_or("");
                assert!(
                    line.width() <= width || words(content).len() <= 1,
                    "{}: line {i} is wider than {width}: {line:?}",
                    path.display()
                );
                kept.extend(words(content));
            }
            assert_eq!(kept, words(&text), "{}", path.display());
        }
    }
}
