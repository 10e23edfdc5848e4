//! A `mailto:` URI (RFC 6068) that opens the letter in the user's own mail program.

use std::fmt::Write as _;

use lettre::message::Mailbox;

use super::address::{one_line, recipient_mailbox};
use super::EmailOptions;
use crate::error::Result;
use crate::letter::Letter;
use crate::render::text;

/// What a `mailto:` URI carries: no sender, no date.
struct Envelope {
    to: Mailbox,
    cc: Vec<Mailbox>,
    bcc: Vec<Mailbox>,
    subject: String,
    body: String,
}

/// Percent-encodes for a `mailto:` URI (RFC 6068): everything but unreserved characters.
fn percent_encode(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) || keep.contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// A `mailto:` URI with To, Cc, Bcc, Subject and body percent-encoded, the body's lines
/// ending in CRLF as RFC 6068 asks. It names no sender: the mail program that opens it
/// sends from its own account.
pub fn mailto(letter: &Letter, options: &EmailOptions, width: usize) -> Result<String> {
    let envelope = Envelope {
        to: recipient_mailbox(letter)?,
        cc: options.cc.clone(),
        bcc: options.bcc.clone(),
        subject: one_line(&letter.subject),
        body: text::render(letter, width),
    };
    let addresses = |list: &[Mailbox]| {
        list.iter()
            .map(|m| percent_encode(m.email.as_ref(), b"@"))
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut uri = format!(
        "mailto:{}",
        percent_encode(envelope.to.email.as_ref(), b"@")
    );
    let mut fields = Vec::new();
    if !envelope.cc.is_empty() {
        fields.push(format!("cc={}", addresses(&envelope.cc)));
    }
    if !envelope.bcc.is_empty() {
        fields.push(format!("bcc={}", addresses(&envelope.bcc)));
    }
    fields.push(format!(
        "subject={}",
        percent_encode(&envelope.subject, b"")
    ));
    let body = envelope.body.trim_end().replace('\n', "\r\n");
    fields.push(format!("body={}", percent_encode(&body, b"")));
    uri.push('?');
    uri.push_str(&fields.join("&"));
    Ok(uri)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::render::email::fixture::*;
    use crate::render::email::*;
    use crate::render::text;

    fn percent_decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn mailto_needs_no_sender() {
        let mut letter = letter();
        letter.sender_email = None;
        let uri = mailto(&letter, &EmailOptions::default(), 72).unwrap();
        assert!(
            uri.starts_with("mailto:ministeriopublico@mp.gob.ve?subject="),
            "{uri}"
        );
    }

    #[test]
    fn mailto_encodes_every_field() {
        let letter = letter();
        let options = EmailOptions {
            cc: mailboxes(&["a+b@example.org"]),
            ..Default::default()
        };
        let uri = mailto(&letter, &options, 72).unwrap();
        assert!(uri.is_ascii());
        assert!(!uri.contains(' ') && !uri.contains('\n'));
        let (to, query) = uri
            .strip_prefix("mailto:")
            .unwrap()
            .split_once('?')
            .unwrap();
        assert_eq!(to, "ministeriopublico@mp.gob.ve");
        let fields: Vec<(&str, String)> = query
            .split('&')
            .map(|f| {
                let (k, v) = f.split_once('=').unwrap();
                (k, percent_decode(v))
            })
            .collect();
        assert_eq!(fields[0], ("cc", "a+b@example.org".to_string()));
        assert_eq!(fields[1], ("subject", letter.subject.clone()));
        assert_eq!(fields[2].0, "body");
        assert_eq!(
            fields[2].1,
            text::render(&letter, 72).trim_end().replace('\n', "\r\n")
        );
    }
}
