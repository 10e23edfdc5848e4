//! The frame of a letter, from the data and the language rather than the template: the
//! letterhead, the date, the recipient block, the subject, the salutation, the closing
//! and the signature block.

use super::markdown::Parsed;
use crate::draft::Draft;
use crate::letter::{Letter, Letterhead, PersonConcerned, RecipientBlock, Signature};

fn trimmed(text: &str) -> String {
    text.trim().to_string()
}

fn non_empty(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn letterhead(draft: &Draft) -> Letterhead {
    let sender = &draft.sender;
    let mut head = Letterhead {
        name: String::new(),
        address: non_empty(&sender.address),
        email: trimmed(&sender.email),
        phone: trimmed(&sender.phone),
        web: trimmed(&sender.web),
    };
    head.name = if !sender.organization.trim().is_empty() {
        trimmed(&sender.organization)
    } else if !head.contact_lines().is_empty() {
        trimmed(&sender.name)
    } else {
        String::new()
    };
    head
}

fn recipient_block(draft: &Draft) -> RecipientBlock {
    let lang = draft.language;
    let recipient = &draft.recipient;
    let holder = draft.holder();
    let name_known = holder.is_some_and(|h| !h.name_in(lang).trim().is_empty());
    RecipientBlock {
        id: recipient.id.clone(),
        addressee: trimmed(
            &draft
                .convention
                .address_form(&recipient.addressee_line(lang, holder)),
        ),
        title: if name_known {
            trimmed(recipient.title_in(lang))
        } else {
            String::new()
        },
        organization: trimmed(recipient.organization_in(lang)),
        address: non_empty(&recipient.address),
        email: Some(trimmed(&recipient.email)).filter(|e| !e.is_empty()),
        country: recipient.country.clone(),
    }
}

/// The whole letter: the frame around the body the template gave, in the letter's
/// conventions (its date, salutation and closing).
pub fn frame(draft: &Draft, parsed: Parsed) -> Letter {
    let lang = draft.language;
    let recipient = &draft.recipient;
    let convention = draft.convention;
    let salutation = recipient.salutation_in(lang, draft.holder());
    let salutation_text = convention.salutation(salutation);
    let we = draft.voice != crate::model::Voice::Individual;
    Letter {
        language: lang,
        template: draft.template.id.clone(),
        letterhead: letterhead(draft),
        date: draft.date,
        date_text: convention.date(draft.date),
        recipient: recipient_block(draft),
        subject: draft
            .template
            .meta
            .subject
            .get_or_empty(lang)
            .trim()
            .to_string(),
        salutation: salutation_text.clone(),
        body: parsed.blocks,
        footnotes: parsed.footnotes,
        closing: convention.closing(salutation.is_some(), we, &salutation_text),
        signature: Signature {
            image: draft.signature.clone(),
            name: draft.sender.name.trim().to_string(),
            title: draft.sender.title.trim().to_string(),
            organization: draft.sender.organization.trim().to_string(),
        },
        cosigners: draft.cosigners.clone(),
        enclosures: Vec::new(),
        cc: Vec::new(),
        sender_email: Some(draft.sender.email.trim().to_string()).filter(|e| !e.is_empty()),
        act_before: draft.template.meta.act_before,
        people: draft
            .template
            .meta
            .people
            .iter()
            .map(|p| PersonConcerned {
                name: p.name.get_or_empty(lang).to_string(),
                pronouns: p
                    .pronouns
                    .as_ref()
                    .map_or("", |x| x.get_or_empty(lang))
                    .to_string(),
            })
            .collect(),
    }
}
