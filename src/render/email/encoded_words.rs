//! Text that a mail program would take for RFC 2047 encoded words (`=?utf-8?q?…?=`)
//! and decode: a subject or name holding `=?` is encoded whole, so that a decoder gives
//! back exactly the characters written.

use std::fmt::Write as _;

use email_encoding::headers::writer::EmailWriter;
use email_encoding::headers::{quoted_string, rfc2047};
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, Mailboxes};
use lettre::Message;

use super::message::Envelope;

/// Whether a mail program would take part of `text` for an RFC 2047 encoded word
/// (`=?charset?q?…?=`) and decode it. lettre writes ASCII words as they are.
fn looks_encoded(text: &str) -> bool {
    text.contains("=?")
}

/// Rewrites the Subject, and each address header with a name, that holds `=?`: such text
/// is encoded whole as RFC 2047 words, which decode to exactly the characters written.
/// Everything else stays as lettre wrote it.
pub(super) fn encode_literal_encoded_words(
    message: &mut Message,
    envelope: &Envelope,
) -> std::result::Result<(), std::fmt::Error> {
    if looks_encoded(&envelope.subject) {
        let name = HeaderName::new_from_ascii_str("Subject");
        let mut encoded = String::new();
        rfc2047::encode(
            &envelope.subject,
            &mut EmailWriter::new(&mut encoded, name.len() + 2, 0, false),
        )?;
        message
            .headers_mut()
            .insert_raw(HeaderValue::dangerous_new_pre_encoded(
                name,
                envelope.subject.clone(),
                encoded,
            ));
    }
    let lists: [(&'static str, &[Mailbox]); 5] = [
        ("From", std::slice::from_ref(&envelope.from)),
        ("To", std::slice::from_ref(&envelope.to)),
        ("Cc", &envelope.cc),
        ("Bcc", &envelope.bcc),
        ("Reply-To", &envelope.reply_to),
    ];
    for (name, list) in lists {
        if list
            .iter()
            .any(|m| m.name.as_deref().is_some_and(looks_encoded))
        {
            let value = mailboxes_header(HeaderName::new_from_ascii_str(name), list)?;
            message.headers_mut().insert_raw(value);
        }
    }
    Ok(())
}

/// An address header as lettre writes it (each name as a plain word, a quoted string or
/// RFC 2047 words), except that a name holding `=?` is always RFC 2047 words.
fn mailboxes_header(
    name: HeaderName,
    list: &[Mailbox],
) -> std::result::Result<HeaderValue, std::fmt::Error> {
    let mut encoded = String::new();
    {
        let mut w = EmailWriter::new(&mut encoded, name.len() + 2, 0, false);
        for (i, mailbox) in list.iter().enumerate() {
            if i > 0 {
                w.write_char(',')?;
                w.space();
            }
            match mailbox.name.as_deref() {
                Some(text) => {
                    if looks_encoded(text) {
                        rfc2047::encode(text, &mut w)?;
                    } else {
                        quoted_string::encode(text, &mut w)?;
                    }
                    w.space();
                    w.write_char('<')?;
                    w.write_str(mailbox.email.as_ref())?;
                    w.write_char('>')?;
                }
                None => w.write_str(mailbox.email.as_ref())?,
            }
        }
    }
    let raw = list.iter().cloned().collect::<Mailboxes>().to_string();
    Ok(HeaderValue::dangerous_new_pre_encoded(name, raw, encoded))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::render::email::fixture::*;
    use crate::render::email::*;
    use lettre::message::SinglePart;

    /// Texts that a mail program would decode, were they written as they are.
    const ENCODED_WORDS: [&str; 5] = [
        "=?utf-8?q?Urgente=0ABcc:_victim@example.net?=",
        "Asunto =?utf-8?b?wr9kw7NuZGU/?= y más",
        "=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=",
        "=?",
        "Ana =?utf-8?q?=22P=C3=A9rez=22?=, \"=?x?=\" (=?utf-8?b?eA==?=)",
    ];

    #[test]
    fn a_literal_encoded_word_in_the_subject_decodes_to_what_was_written() {
        for subject in ENCODED_WORDS {
            let mut letter = letter();
            letter.subject = subject.to_string();
            let bytes = render(&letter, &EmailOptions::default(), 72, &[]).unwrap();
            let parsed = parse(&bytes);
            assert_eq!(parsed.subject(), Some(subject), "{subject}");
            let head = String::from_utf8_lossy(&bytes);
            let head = head.split("\r\n\r\n").next().unwrap();
            // Encoded words only, folded as lettre folds: lines of 78 at most.
            let lines: Vec<&str> = head.split("\r\n").collect();
            let start = lines
                .iter()
                .position(|l| l.starts_with("Subject: "))
                .unwrap();
            let folded = lines[start + 1..]
                .iter()
                .take_while(|l| l.starts_with(' '))
                .count();
            for line in &lines[start..=start + folded] {
                assert!(line.len() <= 78, "{head}");
                let words = line.trim_start_matches("Subject: ").split_whitespace();
                for word in words {
                    assert!(
                        word.starts_with("=?utf-8?b?") && word.ends_with("?="),
                        "{head}"
                    );
                }
            }
            assert_eq!(
                header_names(&bytes)
                    .iter()
                    .filter(|n| *n == "subject")
                    .count(),
                1
            );
        }
    }

    #[test]
    fn a_literal_encoded_word_in_a_name_decodes_to_what_was_written() {
        for name in ENCODED_WORDS {
            let mut letter = letter();
            letter.signature.name = name.to_string();
            letter.recipient.addressee = format!("Fiscal {name}");
            let quoted = name.replace('"', "\\\"");
            let options = EmailOptions {
                cc: mailboxes(&[
                    "plain@example.org",
                    &format!("\"{quoted}\" <cc@example.org>"),
                ]),
                bcc: mailboxes(&[&format!("\"{quoted}\" <bcc@example.org>")]),
                reply_to: mailboxes(&[&format!("\"{quoted}\" <reply@example.org>")]),
                ..Default::default()
            };
            let bytes = render(&letter, &options, 72, &[]).unwrap();
            // Encoded words, not a quoted string (inside which many mail programs decode
            // them all the same).
            let head = String::from_utf8_lossy(&bytes).replace("\r\n ", " ");
            for header in ["From", "To", "Bcc", "Reply-To"] {
                let line = head
                    .lines()
                    .find(|l| l.starts_with(&format!("{header}: ")))
                    .unwrap();
                assert!(line.starts_with(&format!("{header}: =?utf-8?b?")), "{line}");
            }
            let parsed = parse(&bytes);
            let first = |list: Option<&mail_parser::Address<'_>>, i: usize| {
                let addr = list.unwrap().iter().nth(i).unwrap();
                (
                    addr.name().map(str::to_string),
                    addr.address().map(str::to_string),
                )
            };
            assert_eq!(
                first(parsed.from(), 0),
                (Some(name.to_string()), Some("ana@example.org".to_string()))
            );
            assert_eq!(
                first(parsed.to(), 0),
                (
                    Some(format!("Fiscal {name}")),
                    Some("ministeriopublico@mp.gob.ve".to_string())
                )
            );
            assert_eq!(
                first(parsed.cc(), 0),
                (None, Some("plain@example.org".to_string()))
            );
            assert_eq!(
                first(parsed.cc(), 1),
                (Some(name.to_string()), Some("cc@example.org".to_string()))
            );
            assert_eq!(
                first(parsed.bcc(), 0),
                (Some(name.to_string()), Some("bcc@example.org".to_string()))
            );
            assert_eq!(
                first(parsed.reply_to(), 0),
                (
                    Some(name.to_string()),
                    Some("reply@example.org".to_string())
                )
            );
            // The envelope lettre made from the headers is unchanged.
            let message = message(&letter, &options, 72, &[]).unwrap();
            let to: Vec<String> = message
                .envelope()
                .to()
                .iter()
                .map(ToString::to_string)
                .collect();
            assert_eq!(
                to,
                [
                    "ministeriopublico@mp.gob.ve",
                    "plain@example.org",
                    "cc@example.org",
                    "bcc@example.org"
                ]
            );
        }
    }

    #[test]
    fn text_without_encoded_words_is_written_as_lettre_writes_it() {
        let letter = letter();
        let options = EmailOptions {
            cc: mailboxes(&["José Gómez <jose@example.org>"]),
            ..Default::default()
        };
        let envelope = Envelope::of(&letter, &options, 72).unwrap();
        let ours = message(&letter, &options, 72, &[]).unwrap().formatted();
        let lettre = Message::builder()
            .from(envelope.from.clone())
            .to(envelope.to.clone())
            .subject(envelope.subject.clone())
            .date(envelope.date)
            .message_id(Some(envelope.message_id(&[])))
            .keep_bcc()
            .cc(envelope.cc[0].clone())
            .singlepart(SinglePart::plain(envelope.body.clone()))
            .unwrap()
            .formatted();
        assert_eq!(String::from_utf8(ours), String::from_utf8(lettre));
    }
}
