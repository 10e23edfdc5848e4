//! Building an email from arbitrary signer texts and addresses: whatever goes in, the
//! message parses, and no text can add a header or a second sender or recipient list.
//!
//! Input: a selector byte (campaign, office, language), then NUL-separated texts: the
//! signer's name, the signer's email, `--from`, `--cc`, `--reply-to`, own words, and an
//! attachment's file name.
#![no_main]

use letters::compose::compose;
use letters::model::Sender;
use letters::render::email::{self, Attachment, EmailOptions};
use letters_fuzz::{bundled, split};
use libfuzzer_sys::fuzz_target;
use mail_parser::MessageParser;

/// Headers a letter's message may have at its top level.
const ALLOWED: [&str; 15] = [
    "From",
    "To",
    "Cc",
    "Bcc",
    "Reply-To",
    "Subject",
    "Date",
    "Message-ID",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Content-Disposition",
    "Content-Language",
    "X-Letters-Campaign",
    "X-Letters-Recipient",
];

/// An address as the flag would give it, parsed as the application parses it; one that
/// does not parse is left out (its error is a normal outcome).
fn mailbox(field: &str, text: &str) -> Option<email::Mailbox> {
    (!text.is_empty())
        .then(|| email::parse_mailbox(field, text).ok())
        .flatten()
}

fuzz_target!(|input: &[u8]| {
    let (selector, [name, address, from, cc, reply_to, own_words, filename]) = split::<7>(input);
    let mut request = letters_fuzz::pick(selector);
    request.sender = Sender {
        name,
        email: address,
        ..Sender::default()
    };
    request.own_words = Some(own_words);
    let options = EmailOptions {
        from: mailbox("--from", &from),
        cc: mailbox("--cc", &cc).into_iter().collect(),
        bcc: Vec::new(),
        reply_to: mailbox("--reply-to", &reply_to).into_iter().collect(),
        attach_pdf: false,
    };
    let attachments = if filename.is_empty() {
        Vec::new()
    } else {
        vec![Attachment {
            filename,
            content_type: "application/pdf".into(),
            bytes: b"%PDF-1.7 fuzz".to_vec(),
        }]
    };
    for draft in letters_fuzz::drafts(bundled(), request) {
        let Ok(letter) = compose(&draft) else {
            continue;
        };
        let Ok(bytes) = email::render(&letter, &options, 72, &attachments) else {
            continue;
        };
        let message = MessageParser::default()
            .parse(&bytes)
            .unwrap_or_else(|| panic!("the message does not parse"));
        let mut counts = std::collections::BTreeMap::<String, usize>::new();
        for header in message.headers() {
            let name = header.name.as_str();
            assert!(
                ALLOWED.iter().any(|a| a.eq_ignore_ascii_case(name)),
                "unexpected header {name:?} in:\n{}",
                String::from_utf8_lossy(&bytes)
            );
            *counts.entry(name.to_ascii_lowercase()).or_default() += 1;
        }
        for (name, count) in counts {
            assert_eq!(count, 1, "header {name} appears {count} times");
        }
        assert!(message.from().is_some(), "no From");
        assert!(message.to().is_some(), "no To");
    }
});
