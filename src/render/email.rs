//! Email: a letter as an RFC 5322 message (`.eml`), several as one mbox, or a `mailto:`
//! URI, built with lettre's message builder.
//!
//! Every header value goes through lettre's encoder (RFC 2047 for non-ASCII names and
//! subjects); before that, every text that becomes a header has its control characters
//! (CR, LF, tab, …) turned into spaces, and every address is parsed strictly, so nothing
//! a user, a data file or a template writes can start a header of its own. A subject or
//! name that holds `=?` (which a mail program would take for the start of an encoded
//! word, and decode) is encoded whole, so a decoder gives back the characters as written.
//! The Message-ID is a hash of the content, so rendering the same letter again gives the
//! same message, and `letters send` can tell what it already sent.

use std::fmt::Write as _;
use std::str::FromStr;
use std::time::{Duration, SystemTime};

use email_encoding::headers::writer::EmailWriter;
use email_encoding::headers::{quoted_string, rfc2047};
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment as MimeAttachment, Mailbox, Mailboxes, MultiPart, SinglePart};
use lettre::{Address, Message};

use crate::error::{Error, Result};
use crate::letter::Letter;

use super::text;

/// The domain of Message-IDs when the sender's address has none we can use.
const FALLBACK_ID_DOMAIN: &str = "letters.invalid";

/// A file attached to a message (for example the PDF rendering of the same letter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub filename: String,
    /// A MIME type, such as `application/pdf`.
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// Who else a message goes to, and who it comes from when not the letter's signer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmailOptions {
    /// `--from`: `Name <address>` or `address`. Default: the signer's name and email.
    pub from: Option<String>,
    /// `--cc` addresses.
    pub cc: Vec<String>,
    /// `--bcc` addresses: kept in the `.eml` (as `sendmail -t` expects), removed by
    /// `letters send` before the message leaves.
    pub bcc: Vec<String>,
    /// `--reply-to` addresses.
    pub reply_to: Vec<String>,
    /// `--attach-pdf`: attach the PDF rendering of the same letter.
    pub attach_pdf: bool,
}

/// Replaces every control character (CR, LF, tab, NEL, line and paragraph separators)
/// with a space and collapses runs of white space: the result is one line.
pub fn one_line(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                ' '
            } else {
                c
            }
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses `Name <address>` or `address`, naming `field` when it is not an address.
/// Stricter than lettre's parser: nothing may follow the `>`, and no control character
/// may appear anywhere (they would otherwise be silently dropped or start a header).
pub fn parse_mailbox(field: &str, value: &str) -> Result<Mailbox> {
    let bad = |message: &str| Error::Address {
        field: field.to_string(),
        value: value.to_string(),
        message: message.to_string(),
    };
    if value.chars().any(char::is_control) {
        return Err(bad("it contains a line break or another control character"));
    }
    let value_trimmed = value.trim();
    let (name, address) = match value_trimmed.find('<') {
        Some(open) => {
            let Some(rest) = value_trimmed[open + 1..].strip_suffix('>') else {
                return Err(bad(
                    "write it as `Name <user@example.org>` or `user@example.org`",
                ));
            };
            let name = value_trimmed[..open].trim();
            let name = name
                .strip_prefix('"')
                .and_then(|n| n.strip_suffix('"'))
                .unwrap_or(name)
                .replace("\\\"", "\"");
            (Some(name).filter(|n| !n.is_empty()), rest.trim())
        }
        None => (None, value_trimmed),
    };
    if address.is_empty() {
        return Err(bad("the address is empty"));
    }
    if address.contains(|c: char| c.is_whitespace() || c == '<' || c == '>') {
        return Err(bad("an address has no spaces or angle brackets"));
    }
    let address = Address::from_str(address).map_err(|e| bad(&e.to_string()))?;
    Ok(Mailbox::new(name.map(|n| one_line(&n)), address))
}

fn parse_mailboxes(field: &str, values: &[String]) -> Result<Vec<Mailbox>> {
    values.iter().map(|v| parse_mailbox(field, v)).collect()
}

/// The recipient's address, or the error that says the letter cannot be an email.
fn recipient_mailbox(letter: &Letter) -> Result<Mailbox> {
    let Some(email) = letter
        .recipient
        .email
        .as_deref()
        .filter(|e| !e.trim().is_empty())
    else {
        return Err(Error::NoEmail {
            recipient: letter.recipient.id.clone(),
        });
    };
    let field = format!("email of recipient `{}`", letter.recipient.id);
    let address = parse_mailbox(&field, email)?.email;
    let name = letter.recipient.lines.first().map(|l| one_line(l));
    Ok(Mailbox::new(name.filter(|n| !n.is_empty()), address))
}

/// The sender: `--from`, else the signer's name and email address.
fn sender_mailbox(letter: &Letter, options: &EmailOptions) -> Result<Mailbox> {
    if let Some(from) = &options.from {
        return parse_mailbox("--from", from);
    }
    let Some(email) = letter.sender_email.as_deref() else {
        return Err(Error::flag(
            "--from",
            "an email needs a sender address: give --from \"Name <you@example.org>\", \
             --sender-email, or `email` under [sender] in letters.toml",
        ));
    };
    let address = parse_mailbox("--sender-email", email)?.email;
    let name = one_line(&letter.signature.name);
    Ok(Mailbox::new(Some(name).filter(|n| !n.is_empty()), address))
}

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
            cc: parse_mailboxes("--cc", &options.cc)?,
            bcc: parse_mailboxes("--bcc", &options.bcc)?,
            reply_to: parse_mailboxes("--reply-to", &options.reply_to)?,
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
        let digest = ring::digest::digest(&ring::digest::SHA256, &content);
        let mut hex = String::with_capacity(32);
        for byte in &digest.as_ref()[..16] {
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
fn date_of(letter: &Letter) -> Result<SystemTime> {
    let seconds = letter
        .date
        .and_hms_opt(12, 0, 0)
        .map(|t| t.and_utc().timestamp())
        .and_then(|s| u64::try_from(s).ok())
        .ok_or_else(|| {
            Error::flag(
                "--date",
                format!("{} cannot be an email's date", letter.date),
            )
        })?;
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
                Error::flag(
                    "attachment",
                    format!(
                        "`{}` is not a MIME type ({e})",
                        attachment.content_type.escape_debug()
                    ),
                )
            })?;
            multipart = multipart.singlepart(
                MimeAttachment::new(one_line(&attachment.filename))
                    .body(attachment.bytes.clone(), content_type),
            );
        }
        builder.multipart(multipart)
    };
    let build_error = |e: &dyn std::fmt::Display| {
        Error::flag("--format email", format!("cannot build the message: {e}"))
    };
    let mut built = built.map_err(|e| build_error(&e))?;
    encode_literal_encoded_words(&mut built, &envelope).map_err(|e| build_error(&e))?;
    Ok(built)
}

/// Whether a mail program would take part of `text` for an RFC 2047 encoded word
/// (`=?charset?q?…?=`) and decode it. lettre writes ASCII words as they are.
fn looks_encoded(text: &str) -> bool {
    text.contains("=?")
}

/// Rewrites the Subject, and each address header with a name, that holds `=?`: such text
/// is encoded whole as RFC 2047 words, which decode to exactly the characters written.
/// Everything else stays as lettre wrote it.
fn encode_literal_encoded_words(
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

/// The `.eml` bytes of `letter` (CRLF line endings, as sent).
pub fn render(
    letter: &Letter,
    options: &EmailOptions,
    width: usize,
    attachments: &[Attachment],
) -> Result<Vec<u8>> {
    Ok(message(letter, options, width, attachments)?.formatted())
}

/// Several letters as one mbox (mboxrd: a `From ` line before each message, LF line
/// endings, and body lines that start with `From ` or `>From ` get one more `>`).
/// `attachments` gives each letter's attachments (none, or for example its PDF).
pub fn render_mbox(
    letters: &[Letter],
    options: &EmailOptions,
    width: usize,
    attachments: &dyn Fn(&Letter) -> Result<Vec<Attachment>>,
) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for letter in letters {
        let message = message(letter, options, width, &attachments(letter)?)?;
        let sender = message
            .envelope()
            .from()
            .map(ToString::to_string)
            .unwrap_or_else(|| "MAILER-DAEMON".to_string());
        let date = chrono::DateTime::<chrono::Utc>::from(date_of(letter)?);
        append_mbox(&mut out, &sender, &date, &message.formatted());
    }
    Ok(out)
}

/// Appends one message to an mbox in mboxrd form.
pub fn append_mbox(
    out: &mut Vec<u8>,
    sender: &str,
    date: &chrono::DateTime<chrono::Utc>,
    message: &[u8],
) {
    out.extend_from_slice(
        format!("From {sender} {}\n", date.format("%a %b %e %H:%M:%S %Y")).as_bytes(),
    );
    let text = message.strip_suffix(b"\r\n").unwrap_or(message);
    for line in text.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().skip_while(|b| **b == b'>').take(5).eq(b"From ") {
            out.push(b'>');
        }
        out.extend_from_slice(line);
        out.push(b'\n');
    }
    out.push(b'\n');
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
/// ending in CRLF as RFC 6068 asks.
pub fn mailto(letter: &Letter, options: &EmailOptions, width: usize) -> Result<String> {
    let envelope = Envelope::of(letter, options, width)?;
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

    use chrono::NaiveDate;
    use mail_parser::{MessageParser, MimeHeaders};

    use super::*;
    use crate::letter::{Block, Inline, RecipientBlock, Signature};
    use crate::model::Language;

    fn letter() -> Letter {
        let long = "Las detenciones arbitrarias afectan a familias enteras, y la ausencia de información sobre el paradero de cada persona agrava el sufrimiento. ".repeat(8);
        assert!(long.chars().count() >= 1000);
        Letter {
            language: Language::Es,
            template: "detention-urgent-action".to_string(),
            letterhead: Default::default(),
            date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            date_text: "23 de noviembre de 2026".to_string(),
            recipient: RecipientBlock {
                id: "ve-attorney-general".to_string(),
                lines: vec![
                    "Señor Tarek William Saab".to_string(),
                    "Fiscal General de la República".to_string(),
                ],
                email: Some("ministeriopublico@mp.gob.ve".to_string()),
                country: "VE".to_string(),
            },
            subject: "Acción urgente: liberación de las personas detenidas; ¿dónde están?"
                .to_string(),
            salutation: "Señor Fiscal General:".to_string(),
            body: vec![
                Block::Paragraph {
                    content: vec![Inline::plain(long.trim_end())],
                },
                Block::Paragraph {
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

    fn parse(bytes: &[u8]) -> mail_parser::Message<'_> {
        MessageParser::default()
            .parse(bytes)
            .expect("a MIME message")
    }

    /// The names of the message's own headers, as a parser sees them.
    fn header_names(bytes: &[u8]) -> Vec<String> {
        parse(bytes)
            .headers()
            .iter()
            .map(|h| h.name().to_ascii_lowercase())
            .collect()
    }

    #[test]
    fn message_parses_back_with_every_header_and_the_body() {
        let letter = letter();
        let options = EmailOptions {
            from: None,
            cc: vec!["José Gómez <jose@example.org>".to_string()],
            bcc: vec!["archivo@example.org".to_string()],
            reply_to: vec!["\"Pérez, Ana\" <respuestas@example.org>".to_string()],
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

    const INJECTION: &str = "x\r\nBcc: victim@example.net\r\nX-Injected: yes\r\n\r\nbody";

    #[test]
    fn line_breaks_in_text_fields_never_make_a_header() {
        let mut letter = letter();
        letter.subject = format!("Asunto {INJECTION}");
        letter.signature.name = format!("Ana {INJECTION}");
        letter.recipient.lines[0] = format!("Fiscal {INJECTION}");
        for sep in ["\n", "\r", "\u{85}", "\u{2028}"] {
            letter.subject.push_str(&format!("{sep}X-Injected: {sep}"));
        }
        let options = EmailOptions {
            reply_to: vec![format!(
                "\"Ana {}\" <ana@example.org>",
                "\u{2028}X-Injected: yes"
            )],
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
            letter.recipient.lines[0] = format!("Fiscal {name}");
            let options = EmailOptions {
                cc: vec![
                    "plain@example.org".to_string(),
                    format!("\"{}\" <cc@example.org>", name.replace('"', "\\\"")),
                ],
                bcc: vec![format!(
                    "\"{}\" <bcc@example.org>",
                    name.replace('"', "\\\"")
                )],
                reply_to: vec![format!(
                    "\"{}\" <reply@example.org>",
                    name.replace('"', "\\\"")
                )],
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
            cc: vec!["José Gómez <jose@example.org>".to_string()],
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

    #[test]
    fn line_breaks_in_addresses_are_rejected_naming_the_field() {
        let cases: Vec<(&str, EmailOptions)> = vec![
            (
                "--from",
                EmailOptions {
                    from: Some(format!("Ana <ana@example.org>{INJECTION}")),
                    ..Default::default()
                },
            ),
            (
                "--cc",
                EmailOptions {
                    cc: vec![format!("cc@example.org{INJECTION}")],
                    ..Default::default()
                },
            ),
            (
                "--bcc",
                EmailOptions {
                    bcc: vec![format!("bcc@example.org\nTo: x@example.net")],
                    ..Default::default()
                },
            ),
            (
                "--reply-to",
                EmailOptions {
                    reply_to: vec!["r@example.org\r".to_string()],
                    ..Default::default()
                },
            ),
        ];
        for (field, options) in cases {
            let err = render(&letter(), &options, 72, &[]).unwrap_err();
            assert!(
                matches!(&err, Error::Address { field: f, .. } if f == field),
                "{field}: {err}"
            );
            assert!(!err.to_string().contains('\n'), "{err}");
        }
        let mut letter = letter();
        letter.sender_email = Some(format!("ana@example.org{INJECTION}"));
        let err = render(&letter, &EmailOptions::default(), 72, &[]).unwrap_err();
        assert!(err.to_string().starts_with("--sender-email: "), "{err}");
        letter.sender_email = Some("ana@example.org".to_string());
        letter.recipient.email = Some("fiscal@mp.gob.ve\r\nBcc: victim@example.net".to_string());
        let err = render(&letter, &EmailOptions::default(), 72, &[]).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("email of recipient `ve-attorney-general`: "),
            "{err}"
        );
    }

    #[test]
    fn invalid_addresses_are_rejected_naming_the_field() {
        for (value, ok) in [
            ("ana@example.org", true),
            ("Ana Pérez <ana@example.org>", true),
            ("\"Pérez, Ana\" <ana@example.org>", true),
            ("not-an-address", false),
            ("ana@", false),
            ("Ana <ana@example.org> extra", false),
            ("Ana <ana@example.org", false),
            ("ana @example.org", false),
            ("", false),
        ] {
            let result = parse_mailbox("--cc", value);
            assert_eq!(result.is_ok(), ok, "{value}: {result:?}");
            if let Err(err) = result {
                assert!(err.to_string().starts_with("--cc: "), "{err}");
            }
        }
    }

    #[test]
    fn a_recipient_without_email_suggests_print_formats() {
        let mut letter = letter();
        letter.recipient.email = None;
        let err = render(&letter, &EmailOptions::default(), 72, &[]).unwrap_err();
        assert!(matches!(err, Error::NoEmail { .. }));
        assert!(err.hint().unwrap().contains("--format pdf"));
        let err = mailto(&letter, &EmailOptions::default(), 72).unwrap_err();
        assert!(matches!(err, Error::NoEmail { .. }));
    }

    #[test]
    fn a_sender_without_address_is_an_error_that_says_how_to_give_one() {
        let mut letter = letter();
        letter.sender_email = None;
        let err = render(&letter, &EmailOptions::default(), 72, &[]).unwrap_err();
        assert!(err.to_string().contains("--from"), "{err}");
        let options = EmailOptions {
            from: Some("Red de Ejemplo <red@example.org>".to_string()),
            ..Default::default()
        };
        let parsed_bytes = render(&letter, &options, 72, &[]).unwrap();
        let parsed = parse(&parsed_bytes);
        assert_eq!(
            parsed.from().unwrap().first().unwrap().address(),
            Some("red@example.org")
        );
    }

    #[test]
    fn mbox_quotes_from_lines_and_holds_every_message() {
        let a = letter();
        let mut b = letter();
        b.recipient.email = Some("misionvene@venezuelaonu.gob.ve".to_string());
        let mbox = render_mbox(&[a, b], &EmailOptions::default(), 72, &|_| Ok(vec![])).unwrap();
        let text = String::from_utf8(mbox).unwrap();
        let separators: Vec<_> = text.lines().filter(|l| l.starts_with("From ")).collect();
        assert_eq!(
            separators,
            vec!["From ana@example.org Mon Nov 23 12:00:00 2026"; 2]
        );
        assert!(!text.contains('\r'));
        assert!(text.contains("\n>From now on"), "{text}");
    }

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
    fn mailto_encodes_every_field() {
        let letter = letter();
        let options = EmailOptions {
            cc: vec!["a+b@example.org".to_string()],
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
