//! Parsing a signers file (CSV with any delimiter and encoding, or JSON Lines) and
//! reading each row as a signer's request, its columns mapped as a batch maps them.
//!
//! Input: the file's bytes.
#![no_main]

use std::path::Path;

use letters::batch::row::raw_request;
use letters::draft::{validate, Context, LetterRequest};
use letters::load::signers::mapping::Columns;
use letters::load::signers::{SignersEncoding, SignersReader, SignersSource};
use letters::model::Language;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let source = SignersSource::Bytes {
        name: "fuzz.csv".into(),
        bytes: input.to_vec(),
    };
    let Ok(reader) = SignersReader::open(&source, SignersEncoding::Auto, None) else {
        return;
    };
    let columns = Columns::new(&reader.header, &[]);
    let base = LetterRequest::empty(letters_fuzz::today());
    let mut last_row = 0;
    for row in reader.take(10_000) {
        // Every row, good or bad, has its own number, increasing through the file.
        let number = row.as_ref().map_or_else(|bad| bad.row, |good| good.row);
        assert!(number > last_row, "row {number} after {last_row}");
        last_row = number;
        let Ok(row) = row else {
            continue;
        };
        let map = columns.map_for(&row.keys);
        let Ok(raw) = raw_request(&row, "fuzz.csv", &map) else {
            continue;
        };
        let context = Context {
            signatures_dir: Some(Path::new("/nonexistent")),
            messages: Language::EN,
        };
        if let Ok(checked) = validate(raw, &base, context) {
            assert!(!checked.request.sender.name.trim().is_empty());
        }
    }
});
