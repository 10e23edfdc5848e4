//! Loading `recipients.toml` and `template.toml` (with a body) from arbitrary text, then
//! drafting and composing with whatever loaded.
//!
//! Input: a selector byte (even: recipients file, odd: template), then the TOML text,
//! a NUL, and (for a template) the English body.
#![no_main]

use letters::draft::LetterRequest;
use letters::load::{DataSet, Recipients, TemplateSource, Templates};
use letters::model::Language;
use letters::render::text;
use letters_fuzz::split;
use libfuzzer_sys::fuzz_target;

fn compose_all(data: &DataSet, requests: Vec<LetterRequest>) {
    for request in requests {
        for draft in letters_fuzz::drafts(data, request) {
            if let Ok(letter) = letters::compose::compose(&draft) {
                let _ = text::render(&letter, 72);
            }
        }
    }
}

fn sender() -> letters::model::Sender {
    letters::model::Sender {
        name: "Ana Pérez".into(),
        ..Default::default()
    }
}

fuzz_target!(|input: &[u8]| {
    let (selector, [toml, body]) = split::<2>(input);
    if selector % 2 == 0 {
        let Ok(recipients) = Recipients::parse("fuzz/recipients.toml", &toml) else {
            return;
        };
        let ids: Vec<String> = recipients.records.keys().take(8).cloned().collect();
        let data = DataSet {
            recipients,
            templates: Templates::from_bundled(
                &letters::load::bundled::TEMPLATES,
                letters::load::bundled::PREFIX,
            ),
            senders: Vec::new(),
            pdf: Default::default(),
            workspace: None,
        };
        let requests = ids
            .into_iter()
            .map(|id| LetterRequest {
                template: "detention-urgent-action".into(),
                recipients: vec![id],
                language: letters_fuzz::language(selector / 2),
                sender: sender(),
                ..LetterRequest::empty(letters_fuzz::today())
            })
            .collect();
        compose_all(&data, requests);
    } else {
        let templates = Templates::from_sources(
            "fuzz".into(),
            vec![TemplateSource {
                id: "fuzz".into(),
                dir: "fuzz/fuzz".into(),
                meta: Some(toml),
                bodies: vec![(Language::EN, body.clone()), (Language::ES, body)],
            }],
        );
        if templates.templates.is_empty() {
            return;
        }
        let data = DataSet {
            recipients: Recipients::parse(
                "fuzz/recipients.toml",
                letters::load::bundled::RECIPIENTS,
            )
            .unwrap_or_else(|e| panic!("bundled recipients: {e}")),
            templates,
            senders: Vec::new(),
            pdf: Default::default(),
            workspace: None,
        };
        // The template's own default recipients, then each bundled office.
        let mut request = LetterRequest {
            template: "fuzz".into(),
            language: letters_fuzz::language(selector / 2),
            sender: sender(),
            ..LetterRequest::empty(letters_fuzz::today())
        };
        let mut requests = vec![request.clone()];
        for id in letters_fuzz::RECIPIENTS {
            request.recipients = vec![id.to_string()];
            requests.push(request.clone());
        }
        compose_all(&data, requests);
    }
});
