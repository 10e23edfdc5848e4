//! Names and subjects in headers, encoded so that every decoder gives back exactly the
//! characters written, words whole.
//!
//! A subject or name holding `=?` (which a mail program would take for the start of an
//! encoded word, and decode) is encoded whole. In an address header, a name with
//! characters beyond ASCII is written as plain words where it can be (`O'Brien`), and its
//! other words, with the spaces between them, as RFC 2047 encoded words that end only
//! between two words: decoders differ on the space between two encoded words (RFC 2047
//! drops it, Python's `email` keeps it), so a word is never split across two (lettre
//! splits names wherever its line fills up: "Ros ales" once Python decodes it), and two
//! encoded words meet only when a run of such words is longer than one encoded word
//! holds (some forty characters), where the space ends the first one.

use std::fmt::Write as _;

use email_encoding::headers::rfc2047;
use email_encoding::headers::writer::EmailWriter;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, Mailboxes};
use lettre::Message;

use super::message::Envelope;

/// Whether a mail program would take part of `text` for an RFC 2047 encoded word
/// (`=?charset?q?…?=`) and decode it. lettre writes ASCII words as they are.
fn looks_encoded(text: &str) -> bool {
    text.contains("=?")
}

/// Whether a name is written by us rather than by lettre: it has characters beyond
/// ASCII, or text a decoder would decode.
fn needs_words(name: &str) -> bool {
    !name.is_ascii() || looks_encoded(name)
}

/// The most bytes of text one encoded word carries (as base64, within 75 characters).
const WORD_BYTES: usize = 45;
/// The longest header line written, as RFC 5322 recommends.
const LINE: usize = 78;

/// Whether `word` can stand in a phrase as it is: atext only, nothing a decoder decodes.
fn is_plain(word: &str) -> bool {
    !word.is_empty()
        && !looks_encoded(word)
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&b))
}

/// `text` as encoded words of at most [`WORD_BYTES`] bytes each, split after a space
/// where one comes in time, else at a character boundary.
fn encoded_words(text: &str) -> Result<Vec<String>, std::fmt::Error> {
    let mut words = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut end = rest.len().min(WORD_BYTES);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        if end < rest.len() {
            if let Some(space) = rest[..end].rfind(' ') {
                end = space + 1;
            }
        }
        let mut word = String::new();
        rfc2047::encode(&rest[..end], &mut EmailWriter::new(&mut word, 0, 0, false))?;
        words.push(word);
        rest = &rest[end..];
    }
    Ok(words)
}

/// The tokens of a display name: plain words as they are, runs of other words encoded.
fn name_tokens(name: &str) -> Result<Vec<String>, std::fmt::Error> {
    let mut tokens = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for word in name.split(' ').filter(|w| !w.is_empty()) {
        if is_plain(word) {
            if !run.is_empty() {
                tokens.extend(encoded_words(&run.join(" "))?);
                run.clear();
            }
            tokens.push(word.to_string());
        } else {
            run.push(word);
        }
    }
    if !run.is_empty() {
        tokens.extend(encoded_words(&run.join(" "))?);
    }
    Ok(tokens)
}

/// An ASCII name as a quoted string (as lettre writes one).
fn quoted(name: &str) -> String {
    let mut out = String::from("\"");
    for c in name.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// Tokens joined by spaces, folded before a token that would pass [`LINE`].
fn folded(start: usize, tokens: &[String]) -> String {
    let mut out = String::new();
    let mut line = start;
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            if line + 1 + token.len() > LINE {
                out.push_str("\r\n ");
                line = 1;
            } else {
                out.push(' ');
                line += 1;
            }
        }
        out.push_str(token);
        line += token.len();
    }
    out
}

/// Rewrites the Subject when it holds `=?` (encoded whole), and each address header
/// with a name beyond ASCII or holding `=?` (see the module documentation). Everything
/// else stays as lettre wrote it.
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
            .any(|m| m.name.as_deref().is_some_and(needs_words))
        {
            let value = mailboxes_header(HeaderName::new_from_ascii_str(name), list)?;
            message.headers_mut().insert_raw(value);
        }
    }
    Ok(())
}

/// An address header: each name as plain words, a quoted string or encoded words.
fn mailboxes_header(
    name: HeaderName,
    list: &[Mailbox],
) -> std::result::Result<HeaderValue, std::fmt::Error> {
    let mut tokens: Vec<String> = Vec::new();
    for (i, mailbox) in list.iter().enumerate() {
        if i > 0 {
            if let Some(last) = tokens.last_mut() {
                last.push(',');
            }
        }
        match mailbox.name.as_deref().filter(|n| !n.trim().is_empty()) {
            Some(text) if needs_words(text) => {
                tokens.extend(name_tokens(text)?);
                let mut address = String::new();
                write!(address, "<{}>", mailbox.email)?;
                tokens.push(address);
            }
            Some(text) => {
                tokens.push(quoted(text));
                tokens.push(format!("<{}>", mailbox.email));
            }
            None => tokens.push(mailbox.email.to_string()),
        }
    }
    let encoded = folded(name.len() + 2, &tokens);
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
    fn long_names_are_never_split_inside_a_word() {
        for name in [
            "His Excellency Mr. Héctor Constant Rosales",
            "Señor Héctor Constant Rosales",
            "María José Álvarez de la Peña y Fernández-Sánchez Ñúñez",
            "Ana María \"La Flaca\" Pérez O'Brien",
            "Ñandú Ñandú Ñandú Ñandú Ñandú Ñandú Ñandú Ñandú Ñandú Ñandú Ñandú",
        ] {
            let words = name_tokens(name).unwrap();
            for token in &words {
                assert!(token.len() <= 75, "{token}");
            }
            // Encoded words end between words of the name: each decodes to whole words.
            let mut letter = letter();
            letter.recipient.addressee = name.to_string();
            let bytes = render(&letter, &EmailOptions::default(), 72, &[]).unwrap();
            let parsed = parse(&bytes);
            let to = parsed.to().unwrap().first().unwrap();
            assert_eq!(to.name(), Some(name), "{}", String::from_utf8_lossy(&bytes));
            let head = String::from_utf8_lossy(&bytes);
            let head = head.split("\r\n\r\n").next().unwrap();
            assert!(head.lines().all(|l| l.len() <= 78), "{head}");
        }
        // Plain words stay plain; only the others are encoded.
        assert_eq!(
            name_tokens("Mr. Héctor Constant Rosales").unwrap(),
            ["=?utf-8?b?TXIuIEjDqWN0b3I=?=", "Constant", "Rosales"]
        );
    }

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
                // Every word holding `=?` is an encoded word (never a quoted string,
                // inside which many mail programs decode them all the same).
                for word in line.split_whitespace().skip(1) {
                    if word.contains("=?") {
                        let word = word.trim_end_matches(',');
                        assert!(
                            word.starts_with("=?utf-8?b?") && word.ends_with("?="),
                            "{line}"
                        );
                    }
                }
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
    fn ascii_text_without_encoded_words_is_written_as_lettre_writes_it() {
        let mut letter = letter();
        letter.signature.name = "Ana Perez".to_string();
        letter.recipient.addressee = "Senor Tarek William Saab".to_string();
        let options = EmailOptions {
            cc: mailboxes(&["Jose Gomez <jose@example.org>"]),
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
        // Apart from the headers that say which letter it carries.
        let ours: String = String::from_utf8(ours)
            .unwrap()
            .split_inclusive("\r\n")
            .filter(|l| !l.starts_with("Content-Language:") && !l.starts_with("X-Letters-"))
            .collect();
        assert_eq!(ours, String::from_utf8(lettre).unwrap());
    }
}
