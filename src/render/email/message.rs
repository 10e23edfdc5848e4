//! One letter as one MIME message: the envelope (addresses, subject, date, body), a
//! Message-ID hashed from the content, the text body and any attachments.

use std::fmt::Write as _;
use std::time::{Duration, SystemTime};

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment as MimeAttachment, Mailbox, MultiPart, SinglePart};
use lettre::Message;
use sha2::{Digest, Sha256};

use super::address::{one_line, recipient_mailbox, sender_mailbox};
use super::encoded_words::encode_literal_encoded_words;
use super::{Attachment, EmailOptions};
use crate::error::{Error, Result};
use crate::letter::Letter;
use crate::render::text;

/// The domain of Message-IDs when the sender's address has none we can use.
const FALLBACK_ID_DOMAIN: &str = "letters.invalid";

/// Everything that goes into one message, resolved and checked.
#[derive(Debug, Clone)]
pub struct Envelope {
    pub from: Mailbox,
    pub to: Mailbox,
    pub cc: Vec<Mailbox>,
    pub bcc: Vec<Mailbox>,
    pub reply_to: Vec<Mailbox>,
    pub subject: String,
    pub date: SystemTime,
    pub body: String,
}

impl Envelope {
    /// Resolves the addresses, subject, date and body of `letter`.
    pub fn of(letter: &Letter, options: &EmailOptions, width: usize) -> Result<Envelope> {
        let to = recipient_mailbox(letter)?;
        let from = sender_mailbox(letter, options)?;
        Ok(Envelope {
            from,
            to,
            cc: options.cc.clone(),
            bcc: options.bcc.clone(),
            reply_to: options.reply_to.clone(),
            subject: one_line(&letter.subject),
            date: date_of(letter)?,
            body: text::render(letter, width),
        })
    }

    /// A Message-ID that depends only on the content: the same letter to the same people
    /// gives the same id, a different one a different id.
    pub fn message_id(&self, attachments: &[Attachment]) -> String {
        let mut content = Vec::new();
        let mut field = |bytes: &[u8]| {
            content.extend_from_slice(&(bytes.len() as u64).to_be_bytes());
            content.extend_from_slice(bytes);
        };
        field(self.from.to_string().as_bytes());
        field(self.to.to_string().as_bytes());
        for list in [&self.cc, &self.bcc, &self.reply_to] {
            field(&(list.len() as u64).to_be_bytes());
            for mailbox in list {
                field(mailbox.to_string().as_bytes());
            }
        }
        field(self.subject.as_bytes());
        field(httpdate_secs(self.date).as_bytes());
        field(self.body.as_bytes());
        for attachment in attachments {
            field(attachment.filename.as_bytes());
            field(attachment.content_type.as_bytes());
            field(&attachment.bytes);
        }
        let digest = Sha256::digest(&content);
        let mut hex = String::with_capacity(32);
        for byte in &digest[..16] {
            let _ = write!(hex, "{byte:02x}");
        }
        let domain = self.from.email.domain();
        let domain = if domain.starts_with('[') || domain.is_empty() {
            FALLBACK_ID_DOMAIN
        } else {
            domain
        };
        format!("<{hex}.letters@{domain}>")
    }
}

fn httpdate_secs(time: SystemTime) -> String {
    time.duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs().to_string())
        .unwrap_or_default()
}

/// The letter's date at noon UTC (noon, so that no time zone shows the day before).
pub(super) fn date_of(letter: &Letter) -> Result<SystemTime> {
    let seconds = letter
        .date
        .and_hms_opt(12, 0, 0)
        .map(|t| t.and_utc().timestamp())
        .and_then(|s| u64::try_from(s).ok())
        .ok_or_else(|| Error::render(format!("{} cannot be an email's date", letter.date)))?;
    Ok(SystemTime::UNIX_EPOCH + Duration::from_secs(seconds))
}

/// Builds the message for `letter`, with `attachments` (none, or for example its PDF).
pub fn message(
    letter: &Letter,
    options: &EmailOptions,
    width: usize,
    attachments: &[Attachment],
) -> Result<Message> {
    let envelope = Envelope::of(letter, options, width)?;
    let message_id = envelope.message_id(attachments);
    let mut builder = Message::builder()
        .from(envelope.from.clone())
        .to(envelope.to.clone())
        .subject(envelope.subject.clone())
        .date(envelope.date)
        .message_id(Some(message_id.clone()))
        .keep_bcc();
    for mailbox in &envelope.cc {
        builder = builder.cc(mailbox.clone());
    }
    for mailbox in &envelope.bcc {
        builder = builder.bcc(mailbox.clone());
    }
    for mailbox in &envelope.reply_to {
        builder = builder.reply_to(mailbox.clone());
    }
    let body = SinglePart::plain(envelope.body.clone());
    let built = if attachments.is_empty() {
        builder.singlepart(body)
    } else {
        // A fixed boundary keeps the output reproducible; the id makes it unique.
        let boundary = format!(
            "letters-{}",
            message_id.trim_matches(['<', '>']).replace(['@', '.'], "-")
        );
        let mut multipart = MultiPart::mixed().boundary(boundary).singlepart(body);
        for attachment in attachments {
            let content_type = ContentType::parse(&attachment.content_type).map_err(|e| {
                Error::render(format!(
                    "an attachment's type `{}` is not a MIME type ({e})",
                    attachment.content_type.escape_debug()
                ))
            })?;
            multipart = multipart.singlepart(
                MimeAttachment::new(one_line(&attachment.filename))
                    .body(attachment.bytes.clone(), content_type),
            );
        }
        builder.multipart(multipart)
    };
    let build_error =
        |e: &dyn std::fmt::Display| Error::render(format!("cannot build the email message: {e}"));
    let mut built = built.map_err(|e| build_error(&e))?;
    encode_literal_encoded_words(&mut built, &envelope).map_err(|e| build_error(&e))?;
    for (name, value) in letter_tags(letter) {
        built.headers_mut().insert_raw(HeaderValue::new(
            HeaderName::new_from_ascii_str(name),
            value,
        ));
    }
    Ok(built)
}

/// The headers that say which letter a message carries, for `letters send`'s ledger and
/// `letters report`: the campaign, the recipient office and the language (RFC 3282).
fn letter_tags(letter: &Letter) -> [(&'static str, String); 3] {
    [
        ("Content-Language", letter.language.to_string()),
        ("X-Letters-Campaign", one_line(&letter.template)),
        ("X-Letters-Recipient", one_line(&letter.recipient.id)),
    ]
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use crate::render::email::fixture::*;
    use crate::render::email::*;
    use crate::render::text;
    use mail_parser::MimeHeaders;

    #[test]
    fn message_parses_back_with_every_header_and_the_body() {
        let letter = letter();
        let options = EmailOptions {
            from: None,
            cc: mailboxes(&["José Gómez <jose@example.org>"]),
            bcc: mailboxes(&["archivo@example.org"]),
            reply_to: mailboxes(&["\"Pérez, Ana\" <respuestas@example.org>"]),
            attach_pdf: false,
        };
        let bytes = render(&letter, &options, 72, &[]).unwrap();
        assert!(bytes.is_ascii(), "headers and body are 7-bit encoded");
        let parsed = parse(&bytes);
        let from = parsed.from().unwrap().first().unwrap();
        assert_eq!(from.name(), Some("Ana María \"La Flaca\" Pérez O'Brien"));
        assert_eq!(from.address(), Some("ana@example.org"));
        let to = parsed.to().unwrap().first().unwrap();
        assert_eq!(to.name(), Some("Señor Tarek William Saab"));
        assert_eq!(to.address(), Some("ministeriopublico@mp.gob.ve"));
        let cc = parsed.cc().unwrap().first().unwrap();
        assert_eq!(cc.name(), Some("José Gómez"));
        assert_eq!(cc.address(), Some("jose@example.org"));
        assert_eq!(
            parsed.bcc().unwrap().first().unwrap().address(),
            Some("archivo@example.org")
        );
        let reply = parsed.reply_to().unwrap().first().unwrap();
        assert_eq!(reply.name(), Some("Pérez, Ana"));
        assert_eq!(reply.address(), Some("respuestas@example.org"));
        assert_eq!(parsed.subject(), Some(letter.subject.as_str()));
        assert_eq!(parsed.date().unwrap().to_rfc3339(), "2026-11-23T12:00:00Z");
        let id = parsed.message_id().unwrap();
        assert!(id.ends_with(".letters@example.org"), "{id}");
        let body = parsed.body_text(0).unwrap().replace("\r\n", "\n");
        assert_eq!(body.trim_end(), text::render(&letter, 72).trim_end());
        assert!(body.contains("Ana María \"La Flaca\" Pérez O'Brien"));
        // No header line is longer than RFC 5322's limit of 998 characters (lettre folds
        // subjects at 78; encoded names stay on one line).
        let head = String::from_utf8_lossy(&bytes);
        let head = head.split("\r\n\r\n").next().unwrap();
        assert!(head.lines().all(|l| l.len() <= 998), "{head}");
    }

    #[test]
    fn rendering_again_gives_the_same_bytes_and_id() {
        let letter = letter();
        let options = EmailOptions::default();
        let a = render(&letter, &options, 72, &[]).unwrap();
        let b = render(&letter, &options, 72, &[]).unwrap();
        assert_eq!(a, b);
        let mut other = letter.clone();
        other.recipient.email = Some("misionvene@venezuelaonu.gob.ve".to_string());
        let c = render(&other, &options, 72, &[]).unwrap();
        assert_ne!(parse(&a).message_id(), parse(&c).message_id());
    }

    #[test]
    fn attachment_parses_back_byte_for_byte() {
        let letter = letter();
        let bytes: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
        let attachment = Attachment {
            filename: "carta-fiscalía.pdf".to_string(),
            content_type: "application/pdf".to_string(),
            bytes: bytes.clone(),
        };
        let options = EmailOptions::default();
        let message = render(&letter, &options, 72, std::slice::from_ref(&attachment)).unwrap();
        assert_eq!(
            message,
            render(&letter, &options, 72, std::slice::from_ref(&attachment)).unwrap(),
            "a fixed boundary keeps the output reproducible"
        );
        let parsed = parse(&message);
        let body = parsed.body_text(0).unwrap().replace("\r\n", "\n");
        assert_eq!(body.trim_end(), text::render(&letter, 72).trim_end());
        let attachments: Vec<_> = parsed.attachments().collect();
        assert_eq!(attachments.len(), 1);
        assert_eq!(attachments[0].attachment_name(), Some("carta-fiscalía.pdf"));
        let content_type = attachments[0].content_type().unwrap();
        assert_eq!(content_type.ctype(), "application");
        assert_eq!(content_type.subtype(), Some("pdf"));
        assert_eq!(attachments[0].contents(), bytes.as_slice());
        // The attachment is part of the content the id is made from.
        let without = render(&letter, &options, 72, &[]).unwrap();
        assert_ne!(parse(&without).message_id(), parsed.message_id());
    }

    #[test]
    fn line_breaks_in_text_fields_never_make_a_header() {
        let mut letter = letter();
        letter.subject = format!("Asunto {INJECTION}");
        letter.signature.name = format!("Ana {INJECTION}");
        letter.recipient.addressee = format!("Fiscal {INJECTION}");
        for sep in ["\n", "\r", "\u{85}", "\u{2028}"] {
            letter.subject.push_str(&format!("{sep}X-Injected: {sep}"));
        }
        let options = EmailOptions {
            reply_to: mailboxes(&["\"Ana \u{2028}X-Injected: yes\" <ana@example.org>"]),
            ..Default::default()
        };
        let attachment = Attachment {
            filename: format!("a{INJECTION}.pdf"),
            content_type: "application/pdf".to_string(),
            bytes: b"%PDF".to_vec(),
        };
        let bytes = render(&letter, &options, 72, &[attachment]).unwrap();
        let names = header_names(&bytes);
        assert!(
            !names.iter().any(|n| n == "bcc" || n == "x-injected"),
            "{names:?}"
        );
        let parsed = parse(&bytes);
        assert!(parsed
            .subject()
            .unwrap()
            .contains("Bcc: victim@example.net"));
        for part in parsed.parts.iter() {
            let names: Vec<_> = part.headers.iter().map(|h| h.name().to_string()).collect();
            assert!(
                !names.iter().any(|n| n.eq_ignore_ascii_case("x-injected")),
                "{names:?}"
            );
        }
    }
}
