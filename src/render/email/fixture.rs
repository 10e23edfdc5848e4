//! What the email tests share: a letter with every awkward part, and a MIME parser
//! to read messages back.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use mail_parser::MessageParser;

use crate::letter::{Block, Inline, Letter, RecipientBlock, Signature};
use crate::model::Language;

pub fn letter() -> Letter {
    let long = "Las detenciones arbitrarias afectan a familias enteras, y la ausencia de información sobre el paradero de cada persona agrava el sufrimiento. ".repeat(8);
    assert!(long.chars().count() >= 1000);
    Letter {
        language: Language::ES,
        template: "detention-urgent-action".to_string(),
        letterhead: Default::default(),
        date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        date_text: "23 de noviembre de 2026".to_string(),
        recipient: RecipientBlock {
            id: "ve-attorney-general".to_string(),
            addressee: "Señor Tarek William Saab".to_string(),
            title: "Fiscal General de la República".to_string(),
            organization: String::new(),
            address: Vec::new(),
            email: Some("ministeriopublico@mp.gob.ve".to_string()),
            country: "VE".to_string(),
        },
        subject: "Acción urgente: liberación de las personas detenidas; ¿dónde están?".to_string(),
        salutation: "Señor Fiscal General:".to_string(),
        body: vec![
            Block::Paragraph {
                lang: None,
                content: vec![Inline::plain(long.trim_end())],
            },
            Block::Paragraph {
                lang: None,
                content: vec![Inline::plain("From now on, a line that starts with From.")],
            },
        ],
        footnotes: vec![],
        closing: "Atentamente,".to_string(),
        signature: Signature {
            name: "Ana María \"La Flaca\" Pérez O'Brien".to_string(),
            ..Default::default()
        },
        cosigners: vec![],
        enclosures: vec![],
        cc: vec![],
        sender_email: Some("ana@example.org".to_string()),
        act_before: None,
        people: vec![],
    }
}

pub fn parse(bytes: &[u8]) -> mail_parser::Message<'_> {
    MessageParser::default()
        .parse(bytes)
        .expect("a MIME message")
}

/// The names of the message's own headers, as a parser sees them.
pub fn header_names(bytes: &[u8]) -> Vec<String> {
    parse(bytes)
        .headers()
        .iter()
        .map(|h| h.name().to_ascii_lowercase())
        .collect()
}

pub const INJECTION: &str = "x\r\nBcc: victim@example.net\r\nX-Injected: yes\r\n\r\nbody";

/// Addresses as a user types them, parsed.
pub fn mailboxes(list: &[&str]) -> Vec<lettre::message::Mailbox> {
    list.iter()
        .map(|text| crate::render::email::parse_mailbox("test", text).unwrap())
        .collect()
}
