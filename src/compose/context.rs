//! The data a template body sees: the Draft flattened to strings in the letter's language.
//! Every key always exists (strict mode turns a misspelled key into an error, not a blank).

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::draft::Draft;
use crate::model::Voice;

/// The names a template may use, for error messages.
pub const AVAILABLE: &str = "language, convention (en-US, en-GB, es), date, act_before, \
as_of, campaign.id, campaign.name, recipient.id, recipient.office, recipient.honorific, \
recipient.name, recipient.title, recipient.organization, recipient.country, \
recipient.email, sender.name, sender.title, sender.organization, sender.email, \
voice.name (individual, organization, sign-on), voice.we, voice.sign_on, \
voice.cosigners, voice.signers, demands (each: id, text), own_words, people (each: name, pronouns), \
fields.<column>; and the helper {{date \"YYYY-MM-DD\"}} (or \"YYYY-MM\", \"--MM-DD\")";

/// The context with every key, its values filled in from what a batch shares between
/// letters (language, conventions, date, campaign, recipient and its holder, demands,
/// people); the signer's values (sender, voice, own words, fields) are left for
/// `set_signer`.
pub fn build_fixed(draft: &Draft) -> Value {
    let lang = draft.language;
    let recipient = &draft.recipient;
    let holder = draft.holder();
    let convention = draft.convention;
    let meta = &draft.template.meta;
    let act_before = meta
        .act_before
        .map(|d| convention.date(d))
        .unwrap_or_default();
    let as_of = meta
        .as_of
        .map(|d| d.written(convention))
        .unwrap_or_default();
    let demands: Vec<Value> = draft
        .demands
        .iter()
        .map(|d| json!({ "id": d.id, "text": d.text.get_or_empty(lang) }))
        .collect();
    let people: Vec<Value> = draft
        .template
        .meta
        .people
        .iter()
        .map(|p| {
            json!({
                "name": p.name.get_or_empty(lang),
                "pronouns": p.pronouns.as_ref().map_or("", |x| x.get_or_empty(lang)),
            })
        })
        .collect();
    json!({
        "language": lang.code(),
        "convention": convention.code(),
        "date": convention.date(draft.date),
        "act_before": act_before,
        "as_of": as_of,
        "campaign": { "id": draft.template.id, "name": draft.template.name_in(lang) },
        "recipient": {
            "id": recipient.id,
            "office": recipient.office_in(lang),
            "honorific": holder.map_or("", |h| h.honorific_in(lang)),
            "name": holder.map_or("", |h| h.name_in(lang)),
            "title": recipient.title_in(lang),
            "organization": recipient.organization_in(lang),
            "country": recipient.country,
            "email": recipient.email,
        },
        "sender": {
            "name": "",
            "title": "",
            "organization": "",
            "email": "",
        },
        "voice": {
            "name": "",
            "we": false,
            "sign_on": false,
            "cosigners": 0,
            "signers": 1,
        },
        "demands": demands,
        "own_words": "",
        "people": people,
        "fields": {},
    })
}

/// Writes the signer's values of `draft` (sender, voice and co-signers, own words,
/// fields) into a context made by `build_fixed`, reusing the strings already there.
pub fn set_signer(context: &mut Value, draft: &Draft) {
    let Value::Object(context) = context else {
        return;
    };
    if let Some(Value::Object(sender)) = context.get_mut("sender") {
        let values = [
            ("name", &draft.sender.name),
            ("title", &draft.sender.title),
            ("organization", &draft.sender.organization),
            ("email", &draft.sender.email),
        ];
        for (key, value) in values {
            if let Some(slot) = sender.get_mut(key) {
                set_string(slot, value);
            }
        }
    }
    if let Some(Value::Object(voice)) = context.get_mut("voice") {
        let values = [
            ("name", Value::from(draft.voice.name())),
            ("we", Value::from(draft.voice.is_plural())),
            ("sign_on", Value::from(draft.voice == Voice::SignOn)),
            ("cosigners", Value::from(draft.cosigners.len())),
            ("signers", Value::from(draft.cosigners.len() + 1)),
        ];
        for (key, value) in values {
            voice.insert(key.to_string(), value);
        }
    }
    if let Some(slot) = context.get_mut("own_words") {
        set_string(slot, draft.own_words.as_deref().unwrap_or_default());
    }
    if let Some(slot) = context.get_mut("fields") {
        set_fields(slot, &draft.fields);
    }
}

/// Sets a string value, in place when it already is one.
fn set_string(slot: &mut Value, text: &str) {
    match slot {
        Value::String(current) => {
            current.clear();
            current.push_str(text);
        }
        _ => *slot = Value::String(text.to_string()),
    }
}

/// Sets the fields object: in place when it has the same keys, else anew.
fn set_fields(slot: &mut Value, fields: &BTreeMap<String, String>) {
    if let Value::Object(current) = slot {
        if current.len() == fields.len() && current.keys().eq(fields.keys()) {
            for (value, text) in current.values_mut().zip(fields.values()) {
                set_string(value, text);
            }
            return;
        }
    }
    *slot = json!(fields);
}
