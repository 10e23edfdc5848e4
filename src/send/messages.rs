//! The messages to send: `.eml` files, mbox files and folders of them, read back as
//! they were written (so what is sent is exactly what was reviewed), each with its
//! envelope (the From address, every To, Cc and Bcc address once) taken from its headers.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use lettre::Address;
use mail_parser::MessageParser;

use super::mbox::split_mbox;
use crate::error::{Error, Result};

/// One message read from a file, ready for SMTP.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// Where it came from: `path`, or `path:N` for the Nth message of an mbox.
    pub source: String,
    /// The Message-ID, without angle brackets: the key of the ledger.
    pub message_id: String,
    /// The envelope sender (the `From` address).
    pub from: Address,
    /// Every To, Cc and Bcc address, each once.
    pub recipients: Vec<Address>,
    /// The decoded subject, for listings.
    pub subject: String,
    /// The campaign, recipient office and language of the letter, as its
    /// `X-Letters-Campaign`, `X-Letters-Recipient` and `Content-Language` headers say
    /// (empty when a header is missing), for the ledger.
    pub campaign: String,
    pub recipient: String,
    pub language: String,
    /// The message as sent: CRLF line endings, no Bcc header.
    pub bytes: Vec<u8>,
}

/// The name standard input goes by among the paths: `-`.
pub const STDIN: &str = "-";

/// Reads all of standard input, bounded like a file.
fn read_stdin() -> Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|e| Error::read(Path::new("<stdin>"), e))?;
    Ok(bytes)
}

/// Reads `.eml` and mbox files, the `.eml` and `.mbox` files of directories, and a
/// message or mbox on standard input (`-`).
pub fn load(paths: &[PathBuf]) -> Result<Vec<Outgoing>> {
    let mut messages: Vec<Outgoing> = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        if path == Path::new(STDIN) {
            files.push(path.clone());
        } else if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| Error::read(path, e))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && matches!(p.extension().and_then(|e| e.to_str()), Some("eml" | "mbox"))
                })
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(Error::Mail {
                    location: path.display().to_string(),
                    message: "this directory holds no .eml or .mbox file".to_string(),
                });
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    for file in files {
        let raw = if file == Path::new(STDIN) {
            read_stdin()?
        } else {
            std::fs::read(&file).map_err(|e| Error::read(&file, e))?
        };
        let file = if file == Path::new(STDIN) {
            PathBuf::from("<stdin>")
        } else {
            file
        };
        let is_mbox =
            file.extension().and_then(|e| e.to_str()) == Some("mbox") || raw.starts_with(b"From ");
        if is_mbox {
            let found = split_mbox(&raw);
            if found.is_empty() {
                return Err(Error::Mail {
                    location: file.display().to_string(),
                    message: "this mbox holds no message (a message starts at a line \
                              beginning with `From `)"
                        .to_string(),
                });
            }
            for (i, message) in found.into_iter().enumerate() {
                let source = format!("{}:{}", file.display(), i + 1);
                messages.push(parse(&source, &message)?);
            }
        } else {
            messages.push(parse(&file.display().to_string(), &raw)?);
        }
    }
    dedupe(messages)
}

/// Drops a message given twice; two different messages with one Message-ID are an error.
fn dedupe(messages: Vec<Outgoing>) -> Result<Vec<Outgoing>> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<Outgoing> = Vec::with_capacity(messages.len());
    for message in messages {
        match seen.get(&message.message_id) {
            Some(&i) if out[i].bytes == message.bytes => {}
            Some(&i) => {
                return Err(Error::Mail {
                    location: message.source.clone(),
                    message: format!(
                        "has the same Message-ID as {} but a different content: \
                         the ledger tracks messages by Message-ID, so each must be unique",
                        out[i].source
                    ),
                })
            }
            None => {
                seen.insert(message.message_id.clone(), out.len());
                out.push(message);
            }
        }
    }
    Ok(out)
}

/// Converts bare LF (and bare CR) line endings to CRLF, as SMTP requires.
pub fn crlf(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 40);
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'\r' if raw.get(i + 1) == Some(&b'\n') => {
                out.extend_from_slice(b"\r\n");
                i += 1;
            }
            b'\r' | b'\n' => out.extend_from_slice(b"\r\n"),
            b => out.push(b),
        }
        i += 1;
    }
    out
}

/// The message without the header `name` (and its folded continuation lines).
pub fn without_header(raw: &[u8], name: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut in_header = true;
    let mut dropping = false;
    let mut lines = raw.split_inclusive(|b| *b == b'\n');
    for line in lines.by_ref() {
        if line == b"\r\n" || line == b"\n" {
            out.extend_from_slice(line);
            in_header = false;
            break;
        }
        let continuation = line.starts_with(b" ") || line.starts_with(b"\t");
        if !continuation {
            dropping = line.iter().position(|b| *b == b':').is_some_and(|colon| {
                line[..colon]
                    .trim_ascii()
                    .eq_ignore_ascii_case(name.as_bytes())
            });
        }
        if !dropping {
            out.extend_from_slice(line);
        }
    }
    if !in_header {
        for line in lines {
            out.extend_from_slice(line);
        }
    }
    out
}

/// The message with the header `name` set to `value` (a one-line ASCII value): in the
/// place of the first such header, or first when there is none; any other such header
/// (and the continuation lines of each) removed.
pub fn with_header(raw: &[u8], name: &str, value: &str) -> Vec<u8> {
    let without = without_header(raw, name);
    let header = format!("{name}: {value}\r\n");
    // Where the first one was: the length of the header lines before it, the same in
    // `raw` and in `without`.
    let mut at = 0;
    for line in raw.split_inclusive(|b| *b == b'\n') {
        if line == b"\r\n" || line == b"\n" {
            break;
        }
        let continuation = line.starts_with(b" ") || line.starts_with(b"\t");
        let named = line.iter().position(|b| *b == b':').is_some_and(|colon| {
            line[..colon]
                .trim_ascii()
                .eq_ignore_ascii_case(name.as_bytes())
        });
        if named && !continuation {
            let mut out = without[..at].to_vec();
            out.extend_from_slice(header.as_bytes());
            out.extend_from_slice(&without[at..]);
            return out;
        }
        at += line.len();
    }
    let mut out = header.into_bytes();
    out.extend_from_slice(&without);
    out
}

fn mail_error(source: &str, message: impl Into<String>) -> Error {
    Error::Mail {
        location: source.to_string(),
        message: message.into(),
    }
}

/// The value of the header `name` as written in the file (the one mail-parser reads, the
/// last), unfolded and trimmed.
fn raw_header(raw: &[u8], parsed: &mail_parser::Message<'_>, name: &str) -> String {
    let Some(header) = parsed
        .headers()
        .iter()
        .rev()
        .find(|h| h.name.as_str().eq_ignore_ascii_case(name))
    else {
        return String::new();
    };
    let bytes = raw
        .get(header.offset_start as usize..header.offset_end as usize)
        .unwrap_or_default();
    String::from_utf8_lossy(bytes)
        .replace(['\r', '\n'], "")
        .trim()
        .to_string()
}

/// Text from a message file as an error shows it: control characters (and those that
/// reorder text on a terminal) escaped as `\u{1b}`, and cut short when long.
fn shown(text: &str) -> String {
    const SHOWN: usize = 200;
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == SHOWN {
            out.push('…');
            break;
        }
        if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// The address of one entry of the header `name`, or an error that shows the header as
/// written.
fn usable_address(
    source: &str,
    raw: &[u8],
    parsed: &mail_parser::Message<'_>,
    name: &str,
    entry: &mail_parser::Addr<'_>,
) -> Result<Address> {
    let written = raw_header(raw, parsed, name);
    let text = entry.address().map(str::trim).unwrap_or_default();
    if text.is_empty() {
        let what = match entry.name().map(str::trim) {
            Some(n) if !n.is_empty() && n != written => {
                format!("has an entry without an address (`{}`)", shown(n))
            }
            _ => "holds no address".to_string(),
        };
        return Err(mail_error(
            source,
            format!(
                "{name}: `{}` {what}: write each recipient as \
                 `Name <user@example.org>` or `user@example.org`",
                shown(&written)
            ),
        ));
    }
    Address::from_str(text).map_err(|e| {
        mail_error(
            source,
            format!(
                "{name}: `{}` is not a usable address list: `{}` is not an address ({e})",
                shown(&written),
                shown(text)
            ),
        )
    })
}

/// The headers that say which letter a message carries (written by
/// `letters draft --format email` and `letters batch`).
pub const CAMPAIGN_HEADER: &str = "X-Letters-Campaign";
pub const RECIPIENT_HEADER: &str = "X-Letters-Recipient";
pub const LANGUAGE_HEADER: &str = "Content-Language";

/// The value of a header that names a campaign, an office or a language: an id, kept
/// only when it is one (a short word of letters, digits, `-`, `_` and `.`).
fn tag(parsed: &mail_parser::Message<'_>, name: &str) -> String {
    let value = parsed.header_raw(name).map(str::trim).unwrap_or_default();
    let is_id = !value.is_empty()
        && value.len() <= 100
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if is_id {
        value.to_string()
    } else {
        String::new()
    }
}

/// Reads one message's envelope from its headers.
pub fn parse(source: &str, raw: &[u8]) -> Result<Outgoing> {
    let parsed = MessageParser::default()
        .parse_headers(raw)
        .ok_or_else(|| mail_error(source, "is not an email message"))?;
    let message_id = parsed
        .message_id()
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .ok_or_else(|| {
            mail_error(
                source,
                "has no Message-ID, which the ledger needs to track it; \
                 write it again with `letters draft --format email`",
            )
        })?
        .to_string();
    let from = parsed
        .from()
        .and_then(|list| list.first())
        .ok_or_else(|| mail_error(source, "has no From address"))?;
    let from = usable_address(source, raw, &parsed, "From", from)?;
    let mut recipients: Vec<Address> = Vec::new();
    for (header, list) in [
        ("To", parsed.to()),
        ("Cc", parsed.cc()),
        ("Bcc", parsed.bcc()),
    ] {
        for addr in list.into_iter().flat_map(|l| l.iter()) {
            let addr = usable_address(source, raw, &parsed, header, addr)?;
            if !recipients.contains(&addr) {
                recipients.push(addr);
            }
        }
    }
    if recipients.is_empty() {
        for name in ["To", "Cc", "Bcc"] {
            let written = raw_header(raw, &parsed, name);
            if !written.is_empty() {
                return Err(mail_error(
                    source,
                    format!(
                        "{name}: `{}` holds no address, and no other header names a \
                         recipient: write each recipient as `Name <user@example.org>` or \
                         `user@example.org`",
                        shown(&written)
                    ),
                ));
            }
        }
        return Err(mail_error(source, "has no To, Cc or Bcc address"));
    }
    Ok(Outgoing {
        source: source.to_string(),
        message_id,
        from,
        recipients,
        subject: parsed.subject().unwrap_or_default().to_string(),
        campaign: tag(&parsed, CAMPAIGN_HEADER),
        recipient: tag(&parsed, RECIPIENT_HEADER),
        language: tag(&parsed, LANGUAGE_HEADER),
        bytes: {
            // The SMTP client ends the data with CRLF . CRLF, whose first CRLF ends the
            // last line: one more would add an empty line to the body.
            let mut bytes = crlf(&without_header(raw, "bcc"));
            if bytes.ends_with(b"\r\n") {
                bytes.truncate(bytes.len() - 2);
            }
            bytes
        },
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn bcc_is_removed_with_its_continuation_lines() {
        let raw = b"From: a@x.org\r\nBcc: one@x.org,\r\n two@x.org\r\nTo: b@x.org\r\n\r\nBcc: stays in the body\r\n";
        assert_eq!(
            without_header(raw, "bcc"),
            b"From: a@x.org\r\nTo: b@x.org\r\n\r\nBcc: stays in the body\r\n".to_vec()
        );
    }

    #[test]
    fn parse_reads_every_recipient_once_and_drops_bcc() {
        let raw = b"Message-ID: <id@x>\r\nFrom: Ana <a@x.org>\r\nTo: \"Fiscal, El\" <b@x.org>\r\nCc: c@x.org, b@x.org\r\nBcc: d@x.org\r\nSubject: =?utf-8?b?wr9kw7NuZGU/?=\r\n\r\nbody\n";
        let message = parse("m.eml", raw).unwrap();
        assert_eq!(message.message_id, "id@x");
        assert_eq!(message.from.to_string(), "a@x.org");
        let recipients: Vec<String> = message.recipients.iter().map(ToString::to_string).collect();
        assert_eq!(recipients, ["b@x.org", "c@x.org", "d@x.org"]);
        assert_eq!(message.subject, "¿dónde?");
        assert!(!String::from_utf8_lossy(&message.bytes).contains("Bcc"));
        assert!(message.bytes.ends_with(b"\r\n\r\nbody"));
    }

    #[test]
    fn a_header_is_set_in_its_place() {
        let raw = b"From: a@x.org\r\nDate: Thu, 25 Jul 2024 12:00:00 +0000\r\nTo: b@x.org\r\n\r\nDate: body\r\n";
        assert_eq!(
            with_header(raw, "Date", "Mon, 30 Nov 2026 10:00:00 +0000"),
            b"From: a@x.org\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\nTo: b@x.org\r\n\r\nDate: body\r\n".to_vec()
        );
        assert_eq!(
            with_header(b"To: b@x.org\r\n\r\nbody", "Date", "X"),
            b"Date: X\r\nTo: b@x.org\r\n\r\nbody".to_vec()
        );
    }

    #[test]
    fn a_message_without_id_is_refused() {
        let err = parse("m.eml", b"From: a@x.org\r\nTo: b@x.org\r\n\r\nbody\r\n").unwrap_err();
        assert!(err.to_string().contains("Message-ID"), "{err}");
    }

    #[test]
    fn an_unusable_address_shows_the_header_as_written() {
        let eml =
            |to: &str| format!("Message-ID: <id@x>\r\nFrom: a@x.org\r\nTo: {to}\r\n\r\nbody\r\n");
        for (to, shown) in [
            ("Fiscal General", "`Fiscal General` holds no address"),
            (
                "<fiscal@>",
                "`<fiscal@>` is not a usable address list: `fiscal@`",
            ),
            (
                "a@x.org, Fiscal",
                "`a@x.org, Fiscal` has an entry without an address (`Fiscal`)",
            ),
            ("<>", "`<>` holds no address"),
            ("Fiscal\u{1b}[31m", "`Fiscal\\u{1b}[31m` holds no address"),
            (
                "\"Fiscal\" <f@>",
                "`\"Fiscal\" <f@>` is not a usable address list: `f@`",
            ),
            (
                "Fiscal \u{202e}lareneG",
                "`Fiscal \\u{202e}lareneG` holds no address",
            ),
            ("Fiscal\r\n General", "`Fiscal General` holds no address"),
        ] {
            let err = parse("m.eml", eml(to).as_bytes()).unwrap_err().to_string();
            assert!(err.starts_with("m.eml: To: "), "{to:?}: {err}");
            assert!(err.contains(shown), "{to:?}: {err}");
        }
        let long = format!("Fiscal {}", "x".repeat(500));
        let err = parse("m.eml", eml(&long).as_bytes())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("xxx…` holds no address") && err.len() < 400,
            "{err}"
        );
        // A group with no member is fine when another header names a recipient.
        let raw = "Message-ID: <id@x>\r\nFrom: a@x.org\r\nTo: undisclosed-recipients:;\r\n\
                   Bcc: b@x.org\r\n\r\nbody\r\n";
        assert_eq!(parse("m.eml", raw.as_bytes()).unwrap().recipients.len(), 1);
    }

    #[test]
    fn an_mbox_without_messages_is_refused_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            ("empty.mbox", ""),
            ("prose.mbox", "no message here\n\njust text\n"),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            let err = load(std::slice::from_ref(&path)).unwrap_err().to_string();
            assert!(
                err.starts_with(&format!("{}: ", path.display())) && err.contains("no message"),
                "{err}"
            );
        }
    }
}
