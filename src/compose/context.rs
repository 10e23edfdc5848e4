//! The data a template body sees: the Draft flattened to strings in the letter's language.
//! Every key always exists (strict mode turns a misspelled key into an error, not a blank).

use serde_json::{json, Value};

use crate::draft::Draft;
use crate::i18n;

/// The names a template may use, for error messages.
pub const AVAILABLE: &str = "language, date, act_before, campaign.id, campaign.name, \
recipient.id, recipient.office, recipient.honorific, recipient.name, recipient.title, \
recipient.organization, recipient.country, recipient.email, sender.name, sender.title, \
sender.organization, sender.email, demands (each: id, text), own_words, people (each: \
name, pronouns), fields.<column>";

/// Builds the template context for `draft`.
pub fn build(draft: &Draft) -> Value {
    let lang = draft.language;
    let recipient = &draft.recipient;
    let style = i18n::DateStyle::for_letter(lang, recipient.is_in_us());
    let act_before = draft
        .template
        .meta
        .act_before
        .map(|d| i18n::format_date(d, lang, style))
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
        "date": i18n::format_date(draft.date, lang, style),
        "act_before": act_before,
        "campaign": { "id": draft.template.id, "name": draft.template.name_in(lang) },
        "recipient": {
            "id": recipient.id,
            "office": recipient.office_in(lang),
            "honorific": recipient.honorific_in(lang),
            "name": recipient.name_in(lang),
            "title": recipient.title_in(lang),
            "organization": recipient.organization_in(lang),
            "country": recipient.country,
            "email": recipient.email,
        },
        "sender": {
            "name": draft.sender.name,
            "title": draft.sender.title,
            "organization": draft.sender.organization,
            "email": draft.sender.email,
        },
        "demands": demands,
        "own_words": draft.own_words.clone().unwrap_or_default(),
        "people": people,
        "fields": draft.fields,
    })
}
