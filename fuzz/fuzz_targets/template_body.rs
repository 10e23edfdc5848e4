//! Compiling and rendering a template body (Handlebars producing the Markdown subset)
//! with arbitrary field values, sender texts and own words.
//!
//! Input: a selector byte (campaign, office, language), then NUL-separated texts: the
//! body, `fields.city`, `fields.note`, the signer's name, and the writer's own words.
#![no_main]

use letters::compose::Composer;
use letters::model::Sender;
use letters::render::{json, text};
use letters_fuzz::{bundled, split};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let (selector, [body, city, note, name, own_words]) = split::<5>(input);
    let mut request = letters_fuzz::pick(selector);
    request.sender = Sender {
        name,
        ..Sender::default()
    };
    request.own_words = Some(own_words);
    request.fields.insert("city".into(), city);
    request.fields.insert("note".into(), note);
    for mut draft in letters_fuzz::drafts(bundled(), request) {
        let mut template = (*draft.template).clone();
        for source in template.bodies.values_mut() {
            source.source = body.clone();
        }
        let Ok(composer) = Composer::new(&template) else {
            return;
        };
        draft.template = std::sync::Arc::new(template);
        if let Ok(letter) = composer.compose(&draft) {
            let rendered = text::render(&letter, 72);
            assert!(!rendered.is_empty());
            let json = json::render(&letter);
            assert!(
                serde_json::from_str::<serde_json::Value>(&json).is_ok(),
                "{json}"
            );
        }
    }
});
