//! Laying out a PDF letter with arbitrary texts: the signer's name, title, organization
//! and address in the letterhead, the writer's own words and a field in the body.
//!
//! Input: a selector byte (campaign, office, language, page layout), then NUL-separated
//! texts: name, title, organization, address (lines split at `|`), own words.
#![no_main]

use std::sync::{Arc, OnceLock};

use letters::compose::compose;
use letters::model::Sender;
use letters::render::pdf::{self, Fonts, Layout, PdfOptions};
use letters_fuzz::{bundled, split};
use libfuzzer_sys::fuzz_target;

const LAYOUTS: [Layout; 5] = [
    Layout::Din5008B,
    Layout::Din5008A,
    Layout::UsLetter,
    Layout::A4,
    Layout::Letter,
];

fn fonts() -> Arc<Fonts> {
    static FONTS: OnceLock<Arc<Fonts>> = OnceLock::new();
    Arc::clone(FONTS.get_or_init(|| match Fonts::bundled() {
        Ok(fonts) => Arc::new(fonts),
        Err(err) => panic!("bundled fonts: {err}"),
    }))
}

fuzz_target!(|input: &[u8]| {
    let (selector, [name, title, organization, address, own_words]) = split::<5>(input);
    let mut request = letters_fuzz::pick(selector);
    request.sender = Sender {
        name,
        title,
        organization,
        address: address.split('|').map(str::to_string).collect(),
        ..Sender::default()
    };
    request.own_words = Some(own_words);
    let options = PdfOptions {
        layout: Some(LAYOUTS[usize::from(selector) % LAYOUTS.len()]),
        fonts: Some(fonts()),
        ..PdfOptions::default()
    };
    for draft in letters_fuzz::drafts(bundled(), request) {
        let Ok(letter) = compose(&draft) else {
            continue;
        };
        let Ok(bytes) = pdf::render(&letter, &options) else {
            continue;
        };
        let document = lopdf::Document::load_mem(&bytes)
            .unwrap_or_else(|e| panic!("the PDF does not load: {e}"));
        assert!(!document.get_pages().is_empty(), "a PDF without pages");
    }
});
