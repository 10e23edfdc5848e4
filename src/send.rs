//! SMTP delivery of message files (`.eml`, mbox), with a ledger so that a run can be
//! killed at any moment and started again without sending a message twice.
//!
//! The ledger is a JSON Lines file, one record per event. For each message, in order:
//!
//! 1. MAIL FROM, RCPT TO and DATA are sent. Nothing is delivered yet: a server that
//!    loses the connection now drops the message.
//! 2. An `attempting` record is written (one `write`, no fsync).
//! 3. The body and its final `.` are sent in one `write`; the server answers 250 (it has
//!    taken responsibility for the message) or an error.
//! 4. As soon as the answer is read, the outcome (`accepted`, `rejected`, `deferred`) is
//!    written and the file flushed to disk (fsync), with the `attempting` record before
//!    it. A failure that will be retried is written too (`deferred`, with the answer),
//!    before the run waits to retry or for the pace (`--rate`), and before it resets or
//!    closes the connection.
//!
//! A run killed before 2 left no record: the message is sent on the next run. A run
//! killed between 2 and 4 cannot know whether the server took the message: the message
//! is `uncertain`, and the next run does not send it again unless asked to
//! (`--resend-uncertain`): at most once. That window holds nothing but the body's
//! `write` and the wait for the server's answer; a run killed while it waits for anything
//! else leaves the message `deferred` (sent again by the next run) or done. Between the
//! two `write`s of 2 and 3 there is nothing (no fsync, no formatting), so a kill that
//! leaves `attempting` without having sent the body needs to land in those microseconds;
//! a kill after 3 leaves the body with the server, which takes it unless it answers an
//! error. No client can close that window: SMTP has no way to ask a server afterwards
//! whether it took a message.
//!
//! A written record survives the death of the process (it is in the system's cache); only
//! a crash of the whole machine can lose an `attempting` record that was not yet flushed,
//! and then the message is sent again on the next run: at least once, for that case.
//! Flushing before the body instead would make every kill during the flush (milliseconds)
//! leave an undelivered message marked uncertain, which a test of random kills showed.
//!
//! A server that closes the connection or answers 4xx after the body has *not* taken the
//! message (RFC 5321 §4.1.1.4, §6.1): the message is retried, as SMTP expects.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::{Duration, Instant};

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Quit, Rcpt, Rset};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
use lettre::Address;
use mail_parser::MessageParser;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::sink::{Journal, Replay};

/// The ledger's file name when it sits beside the messages.
pub const LEDGER_FILE: &str = "letters-ledger.jsonl";
/// The environment variable holding the SMTP password.
pub const PASSWORD_VAR: &str = "LETTERS_SMTP_PASSWORD";

// ---------------------------------------------------------------------------------------
// Messages to send

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
    /// The message as sent: CRLF line endings, no Bcc header.
    pub bytes: Vec<u8>,
}

/// Reads `.eml` and mbox files, and the `.eml` and `.mbox` files of directories.
pub fn load(paths: &[PathBuf]) -> Result<Vec<Outgoing>> {
    let mut messages: Vec<Outgoing> = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
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
        let raw = std::fs::read(&file).map_err(|e| Error::read(&file, e))?;
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

/// Splits an mbox (mboxrd) into messages: each starts at a `From ` line; `>From `
/// lines lose one `>`; the blank line that ends each message is dropped.
pub fn split_mbox(raw: &[u8]) -> Vec<Vec<u8>> {
    let mut messages: Vec<Vec<u8>> = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    for line in raw.split_inclusive(|b| *b == b'\n') {
        if line.starts_with(b"From ") {
            if let Some(done) = current.take() {
                messages.push(done);
            }
            current = Some(Vec::new());
            continue;
        }
        let Some(message) = current.as_mut() else {
            continue;
        };
        let quoted = line.iter().take_while(|b| **b == b'>').count();
        if quoted > 0 && line[quoted..].starts_with(b"From ") {
            message.extend_from_slice(&line[1..]);
        } else {
            message.extend_from_slice(line);
        }
    }
    messages.extend(current);
    for message in &mut messages {
        // The separator: one empty line after the message.
        if message.ends_with(b"\n\n") {
            message.pop();
        } else if message.ends_with(b"\r\n\r\n") {
            message.truncate(message.len() - 2);
        }
    }
    messages
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

// ---------------------------------------------------------------------------------------
// The ledger

/// What happened to a message, as the ledger records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// About to send the body: if nothing follows, the run stopped not knowing.
    Attempting,
    /// The server took the message (250 after the body).
    Accepted,
    /// A permanent failure (5xx): sending again will not help until something changes.
    Rejected,
    /// A transient failure (4xx, connection lost) that outlasted the retries.
    Deferred,
}

/// One line of the ledger.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    pub time: String,
    pub message_id: String,
    pub recipients: Vec<String>,
    pub outcome: Outcome,
    /// The server's answer, or what went wrong.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub response: String,
    /// Recipients the server refused while taking the message for the others.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refused: Vec<String>,
    pub source: String,
}

/// Where a message stands, from the ledger's last record about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    New,
    Accepted,
    /// Accepted for some recipients, refused for others.
    Partial,
    Rejected,
    Deferred,
    Uncertain,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Accepted => "accepted",
            Status::Partial => "partial",
            Status::Rejected => "rejected",
            Status::Deferred => "deferred",
            Status::Uncertain => "uncertain",
        }
    }

    /// Whether the message has reached every recipient.
    pub fn is_done(self) -> bool {
        self == Status::Accepted
    }
}

/// The ledger file, locked for the run.
#[derive(Debug)]
pub struct Ledger {
    path: PathBuf,
    /// None for a dry run's read.
    journal: Option<Journal>,
    last: HashMap<String, Record>,
    /// What damage was found and repaired (a record cut short by a full disk or a
    /// crash, lines that are not records), to warn about once.
    pub damage: Option<String>,
}

/// What the damage found in a ledger means for its messages.
const DAMAGE_CONSEQUENCE: &str =
    "the message it was about keeps the state of its last whole record";

impl Ledger {
    /// Opens (or creates) the ledger and reads what it says; takes an exclusive lock so
    /// that two runs cannot send from the same ledger at once. A record cut short is
    /// cut off; a symbolic link in the ledger's place is refused.
    pub fn open(path: &Path) -> Result<Ledger> {
        let existed = std::fs::symlink_metadata(path).is_ok();
        let (journal, replay) = Journal::open::<Record>(path)?;
        if !existed {
            // Make the new file's name durable too.
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                if let Ok(dir) = File::open(dir) {
                    let _ = dir.sync_all();
                }
            }
        }
        Ok(Ledger::from_replay(path, Some(journal), replay))
    }

    /// Reads the ledger for a dry run: nothing is created or changed.
    pub fn read(path: &Path) -> Result<Ledger> {
        let replay = Journal::read::<Record>(path)?;
        Ok(Ledger::from_replay(path, None, replay))
    }

    fn from_replay(path: &Path, journal: Option<Journal>, replay: Replay<Record>) -> Ledger {
        let damage = replay.warning(path, DAMAGE_CONSEQUENCE);
        let mut last: HashMap<String, Record> = HashMap::new();
        for record in replay.records {
            last.insert(record.message_id.clone(), record);
        }
        Ledger {
            path: path.to_path_buf(),
            journal,
            last,
            damage,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the message stands.
    pub fn status(&self, message_id: &str) -> Status {
        match self.last.get(message_id) {
            None => Status::New,
            Some(record) => match record.outcome {
                Outcome::Attempting => Status::Uncertain,
                Outcome::Accepted if record.refused.is_empty() => Status::Accepted,
                Outcome::Accepted => Status::Partial,
                Outcome::Rejected => Status::Rejected,
                Outcome::Deferred => Status::Deferred,
            },
        }
    }

    /// The last record about a message.
    pub fn last(&self, message_id: &str) -> Option<&Record> {
        self.last.get(message_id)
    }

    /// Appends a record and flushes it to disk (fsync) before returning.
    pub fn append(&mut self, record: Record) -> Result<()> {
        self.write(record, true)
    }

    /// Appends a record with one `write`, without waiting for the disk: the record is
    /// visible to the next run even if this process is killed the next instant, and it
    /// reaches the disk with the next `append` (or when the system flushes it).
    pub fn append_unsynced(&mut self, record: Record) -> Result<()> {
        self.write(record, false)
    }

    fn write(&mut self, record: Record, sync: bool) -> Result<()> {
        let Some(journal) = self.journal.as_mut() else {
            return Err(Error::write(
                &self.path,
                std::io::Error::other("the ledger was opened read-only"),
            ));
        };
        journal.push(&record)?;
        if sync {
            journal.sync()?;
        } else {
            journal.flush()?;
        }
        self.last.insert(record.message_id.clone(), record);
        Ok(())
    }
}

/// The current time for the ledger (UTC, to the second).
fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

// ---------------------------------------------------------------------------------------
// SMTP

/// A secret that never shows in `Debug` output or error messages.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: String) -> Secret {
        Secret(value)
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[redacted]")
    }
}

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// `smtp://`: no encryption (a local relay or test server).
    Plain,
    /// `starttls://` (or `smtp://…?tls=starttls`): STARTTLS required.
    StartTls,
    /// `smtps://`: TLS from the start.
    Tls,
}

/// Where and how to send.
#[derive(Debug, Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub user: Option<String>,
    pub password: Option<Secret>,
    pub timeout: Duration,
}

impl SmtpConfig {
    /// Parses `smtp://[user@]host[:port]`, `starttls://…` or `smtps://…`. A password in
    /// the URL is refused (and not repeated in the error).
    pub fn parse(text: &str) -> Result<SmtpConfig> {
        let flag = |message: String| Error::flag("--smtp", message);
        let url = url::Url::parse(text.trim()).map_err(|e| {
            flag(format!(
                "not a URL ({e}): write smtp://host:port, starttls://host:587 or smtps://host:465"
            ))
        })?;
        if url.password().is_some() {
            return Err(flag(format!(
                "the URL holds a password: passwords are never taken from the command line, \
                 where other users and the shell history can see them; set {PASSWORD_VAR} \
                 or use --password-command"
            )));
        }
        let scheme = url.scheme();
        let by_scheme = match scheme {
            "smtp" => Security::Plain,
            "starttls" => Security::StartTls,
            "smtps" => Security::Tls,
            _ => {
                return Err(flag(format!(
                "unknown scheme `{scheme}`: use smtp:// (no encryption), starttls:// or smtps://"
            )))
            }
        };
        let mut tls_query: Option<String> = None;
        for (key, value) in url.query_pairs() {
            if key != "tls" {
                return Err(flag(format!(
                    "unknown setting `{}` in the URL: the only one is `?tls=` \
                     (none, starttls or required)",
                    key.escape_debug()
                )));
            }
            if tls_query.is_some() {
                return Err(flag("`?tls=` is given twice in the URL".to_string()));
            }
            tls_query = Some(value.to_string());
        }
        let security = match tls_query.as_deref() {
            None => by_scheme,
            Some(value) => {
                let asked = match value.to_ascii_lowercase().as_str() {
                    "none" => Security::Plain,
                    "starttls" | "required" => Security::StartTls,
                    _ => {
                        return Err(flag(format!(
                            "unknown `tls` value `{}`: write ?tls=none (no encryption), \
                             ?tls=starttls or ?tls=required (both: STARTTLS required), or use \
                             starttls://host:587 or smtps://host:465",
                            value.escape_debug()
                        )))
                    }
                };
                if scheme != "smtp" && asked != by_scheme {
                    return Err(flag(format!(
                        "`?tls={}` contradicts {scheme}://: leave out `?tls=`",
                        value.escape_debug()
                    )));
                }
                asked
            }
        };
        let default_port = match security {
            Security::Plain => 25,
            Security::StartTls => 587,
            Security::Tls => 465,
        };
        if has_empty_port(text.trim()) {
            return Err(flag(format!(
                "the URL has a `:` after the host but no port: write the port after it \
                 ({scheme}://host:PORT), or leave out the `:` for the default port, {default_port}"
            )));
        }
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| flag("the URL names no host".to_string()))?
            .trim_matches(['[', ']'])
            .to_string();
        let user = percent_encoding::percent_decode_str(url.username())
            .decode_utf8_lossy()
            .to_string();
        Ok(SmtpConfig {
            host,
            port: url.port().unwrap_or(default_port),
            security,
            user: Some(user).filter(|u| !u.is_empty()),
            password: None,
            timeout: Duration::from_secs(60),
        })
    }

    /// Whether the host is this machine (where an unencrypted login is harmless).
    fn is_loopback(&self) -> bool {
        self.host == "localhost"
            || self
                .host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }

    /// Checks that a login can happen safely.
    pub fn validate(&self) -> Result<()> {
        match (&self.user, &self.password) {
            (Some(_), None) => {
                return Err(Error::flag(
                    "--smtp-user",
                    format!(
                        "a user needs a password: set {PASSWORD_VAR} or use --password-command"
                    ),
                ))
            }
            (None, Some(_)) => {
                return Err(Error::flag(
                    "--smtp-user",
                    "a password was given but no user: add --smtp-user or smtp://user@host",
                ))
            }
            _ => {}
        }
        if self.password.is_some() && self.security == Security::Plain && !self.is_loopback() {
            return Err(Error::flag(
                "--smtp",
                format!(
                    "refusing to send a password unencrypted to {}: use starttls://{}:587 or smtps://{}:465",
                    self.host, self.host, self.host
                ),
            ));
        }
        Ok(())
    }

    pub fn display(&self) -> String {
        let scheme = match self.security {
            Security::Plain => "smtp",
            Security::StartTls => "starttls",
            Security::Tls => "smtps",
        };
        format!("{scheme}://{}:{}", self.host, self.port)
    }
}

/// Whether the authority of `url` ends with a `:` and no port (`smtp://host:`), which the
/// URL parser takes for the default port.
fn has_empty_port(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    host_port.ends_with(':')
}

/// Why one attempt failed.
#[derive(Debug, Clone)]
enum Failure {
    /// Could not connect or log in; `permanent` when retrying cannot help (a refused
    /// login); `login` when the connection worked and the login did not.
    Connect {
        message: String,
        permanent: bool,
        login: bool,
    },
    /// A 4xx answer or a lost connection during a transaction: try again later.
    Transient(String),
    /// A 5xx answer (or a message the server cannot take): do not retry.
    Permanent(String),
}

impl Failure {
    /// What went wrong, for the ledger and the listing.
    fn text(&self) -> &str {
        match self {
            Failure::Connect { message, .. } => message,
            Failure::Transient(text) | Failure::Permanent(text) => text,
        }
    }
}

fn describe(error: &lettre::transport::smtp::Error) -> String {
    error.to_string().replace(['\r', '\n'], " ")
}

fn classify(error: &lettre::transport::smtp::Error) -> Failure {
    if error.is_permanent() || error.is_client() {
        Failure::Permanent(describe(error))
    } else {
        Failure::Transient(describe(error))
    }
}

/// An SMTP connection, opened when first needed and reopened after a failure.
struct Session<'a> {
    config: &'a SmtpConfig,
    hello: ClientId,
    connection: Option<SmtpConnection>,
}

impl<'a> Session<'a> {
    fn new(config: &'a SmtpConfig) -> Session<'a> {
        Session {
            config,
            hello: ClientId::default(),
            connection: None,
        }
    }

    fn tls(&self) -> std::result::Result<TlsParameters, Failure> {
        TlsParameters::builder(self.config.host.clone())
            .build_rustls()
            .map_err(|e| Failure::Connect {
                message: describe(&e),
                permanent: true,
                login: false,
            })
    }

    fn connect(&mut self) -> std::result::Result<&mut SmtpConnection, Failure> {
        if self
            .connection
            .as_ref()
            .is_some_and(SmtpConnection::has_broken)
        {
            self.drop_connection();
        }
        if self.connection.is_none() {
            let config = self.config;
            let connect_failure = |e: lettre::transport::smtp::Error| Failure::Connect {
                permanent: e.is_permanent(),
                message: describe(&e),
                login: false,
            };
            let wrapper = match config.security {
                Security::Tls => Some(self.tls()?),
                _ => None,
            };
            let mut connection = SmtpConnection::connect(
                (config.host.as_str(), config.port),
                Some(config.timeout),
                &self.hello,
                wrapper.as_ref(),
                None,
            )
            .map_err(connect_failure)?;
            if config.security == Security::StartTls {
                let tls = self.tls()?;
                connection
                    .starttls(&tls, &self.hello)
                    .map_err(connect_failure)?;
            }
            if let (Some(user), Some(password)) = (&config.user, &config.password) {
                let credentials = Credentials::new(user.clone(), password.0.clone());
                connection
                    .auth(&[Mechanism::Plain, Mechanism::Login], &credentials)
                    .map_err(|e| Failure::Connect {
                        permanent: e.is_permanent() || e.is_client(),
                        message: format!("login as {user} failed: {}", describe(&e)),
                        login: true,
                    })?;
            }
            self.connection = Some(connection);
        }
        self.connection.as_mut().ok_or_else(|| Failure::Connect {
            message: "no connection".to_string(),
            permanent: false,
            login: false,
        })
    }

    fn drop_connection(&mut self) {
        if let Some(mut connection) = self.connection.take() {
            connection.abort();
        }
    }

    /// Gets ready for the next transaction after `failure`: a permanent refusal leaves the
    /// connection good (the transaction is reset); anything else closes it.
    fn recover(&mut self, failure: &Failure) {
        match failure {
            Failure::Permanent(_) => self.reset(),
            Failure::Transient(_) | Failure::Connect { .. } => self.drop_connection(),
        }
    }

    /// After a permanent refusal the connection is still good: reset the transaction.
    fn reset(&mut self) {
        if let Some(connection) = self.connection.as_mut() {
            if connection.command(Rset).is_err() {
                self.drop_connection();
            }
        }
    }

    fn quit(&mut self) {
        if let Some(mut connection) = self.connection.take() {
            let _ = connection.command(Quit);
        }
    }
}

/// What one transaction achieved.
struct Delivered {
    response: String,
    accepted: Vec<String>,
    refused: Vec<String>,
}

/// A message body with its dots doubled (RFC 5321 §4.5.2) and the final CRLF . CRLF,
/// written as one piece. lettre's `message()` writes the final dot separately, and that
/// small second write waits for the server's delayed acknowledgement of the first
/// (Nagle's algorithm): about 40 ms a message, measured on 127.0.0.1.
struct DataBody(String);

impl DataBody {
    fn new(text: &str) -> DataBody {
        let mut body = String::with_capacity(text.len() + 64);
        if text.starts_with('.') {
            body.push('.');
        }
        body.push_str(&text.replace("\r\n.", "\r\n.."));
        body.push_str("\r\n.\r\n");
        DataBody(body)
    }
}

impl std::fmt::Display for DataBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One SMTP transaction; writes the `attempting` record just before the body goes out.
fn transaction(
    session: &mut Session<'_>,
    message: &Outgoing,
    ledger: &mut Ledger,
) -> Result<std::result::Result<Delivered, Failure>> {
    let connection = match session.connect() {
        Ok(c) => c,
        Err(failure) => return Ok(Err(failure)),
    };
    let mut parameters = Vec::new();
    if !message.bytes.is_ascii() {
        if !connection
            .server_info()
            .supports_feature(Extension::EightBitMime)
        {
            return Ok(Err(Failure::Permanent(
                "the message has 8-bit content and the server does not accept 8BITMIME".to_string(),
            )));
        }
        parameters.push(MailParameter::Body(MailBodyParameter::EightBitMime));
    }
    if let Err(e) = connection.command(Mail::new(Some(message.from.clone()), parameters)) {
        return Ok(Err(classify(&e)));
    }
    let mut accepted = Vec::new();
    let mut refused = Vec::new();
    for recipient in &message.recipients {
        match connection.command(Rcpt::new(recipient.clone(), vec![])) {
            Ok(_) => accepted.push(recipient.to_string()),
            Err(e) => match classify(&e) {
                Failure::Permanent(text) => refused.push(format!("{recipient}: {text}")),
                other => return Ok(Err(other)),
            },
        }
    }
    if accepted.is_empty() {
        return Ok(Err(Failure::Permanent(format!(
            "every recipient was refused: {}",
            refused.join("; ")
        ))));
    }
    if let Err(e) = connection.command(Data) {
        return Ok(Err(classify(&e)));
    }
    // Everything is ready before the record, so that nothing but one write separates it
    // from the body's.
    let body = std::str::from_utf8(&message.bytes).ok().map(DataBody::new);
    ledger.append_unsynced(Record {
        time: now(),
        message_id: message.message_id.clone(),
        recipients: accepted.clone(),
        outcome: Outcome::Attempting,
        response: String::new(),
        refused: Vec::new(),
        source: message.source.clone(),
    })?;
    let answer = match &body {
        Some(body) => connection.command(body),
        None => connection.message(&message.bytes),
    };
    Ok(match answer {
        Ok(response) => Ok(Delivered {
            response: format!(
                "{} {}",
                response.code(),
                response.message().collect::<Vec<_>>().join(" ")
            )
            .trim()
            .to_string(),
            accepted,
            refused,
        }),
        Err(e) => Err(classify(&e)),
    })
}

/// A limit on the pace: at most `per_minute` messages a minute, evenly spaced.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    pub per_minute: f64,
}

impl Rate {
    /// The slowest rate: one message a day. Slower is almost surely a slip of the unit,
    /// and would hold the ledger locked for days a message.
    pub const MIN_PER_MINUTE: f64 = 1.0 / 1440.0;
    /// The fastest rate: a thousand messages a second, more than one SMTP connection can
    /// carry (each message takes several round trips), so a faster limit would never apply.
    pub const MAX_PER_MINUTE: f64 = 60_000.0;

    /// Parses `N/min`, `N/s`, `N/h`, `N/day`, or `N` (per minute).
    pub fn parse(text: &str) -> Result<Rate> {
        let flag = |message: String| Error::flag("--rate", message);
        let bad = || {
            flag(format!(
                "`{}` is not a rate: write it as N/min (for example 30/min), N/s, N/h or N/day",
                text.escape_debug()
            ))
        };
        let (number, unit) = text.trim().split_once('/').unwrap_or((text.trim(), "min"));
        let number: f64 = number.trim().parse().map_err(|_| bad())?;
        let per_minute = match unit.trim() {
            "s" | "sec" | "second" => number * 60.0,
            "min" | "m" | "minute" => number,
            "h" | "hour" => number / 60.0,
            "d" | "day" => number / 1440.0,
            _ => return Err(bad()),
        };
        if !(per_minute.is_finite() && per_minute > 0.0) {
            return Err(bad());
        }
        if per_minute < Rate::MIN_PER_MINUTE {
            return Err(flag(format!(
                "`{}` is slower than one message a day, the slowest rate: write at least 1/day",
                text.escape_debug()
            )));
        }
        if per_minute > Rate::MAX_PER_MINUTE {
            return Err(flag(format!(
                "`{}` is faster than 1000 messages a second, the fastest rate (more than one \
                 SMTP connection can carry): write at most 1000/s, or leave out --rate for no limit",
                text.escape_debug()
            )));
        }
        Ok(Rate { per_minute })
    }

    /// The time between two transactions (a day at most, whatever `per_minute` holds).
    pub fn interval(self) -> Duration {
        let day = Duration::from_secs(86_400);
        Duration::try_from_secs_f64(60.0 / self.per_minute).map_or(day, |d| d.min(day))
    }
}

/// The longest wait before a retry, however many retries came before: a server that
/// fails for longer is better tried again by a later run (the messages stay `deferred`).
pub const MAX_RETRY_DELAY: Duration = Duration::from_secs(3600);

/// Reads `--retry-delay`: seconds from 0 to [`MAX_RETRY_DELAY`].
pub fn retry_delay(seconds: f64) -> Result<Duration> {
    let flag = |message: String| Error::flag("--retry-delay", message);
    // 1e300, not three hundred digits.
    let shown = if seconds.abs() >= 1e6 {
        format!("{seconds:e}")
    } else {
        seconds.to_string()
    };
    if !(seconds.is_finite() && seconds >= 0.0) {
        return Err(flag(format!(
            "{shown} is not a number of seconds: write 0 or more, for example 2 or 0.5"
        )));
    }
    if seconds > MAX_RETRY_DELAY.as_secs_f64() {
        return Err(flag(format!(
            "{shown} seconds is longer than an hour, the longest wait before a retry: \
             write at most 3600; for a server that is down longer, let the run end (the \
             messages are recorded as deferred) and run the same command again later"
        )));
    }
    Duration::try_from_secs_f64(seconds)
        .map_err(|_| flag(format!("{shown} is not a number of seconds")))
}

/// The wait before retry number `attempt + 1`: the first delay, doubled for each retry
/// before it, never more than [`MAX_RETRY_DELAY`].
fn backoff(first: Duration, attempt: u32) -> Duration {
    first
        .saturating_mul(1 << attempt.min(16))
        .min(MAX_RETRY_DELAY)
}

/// Spaces out SMTP transactions.
struct Pacer {
    interval: Option<Duration>,
    next: Option<Instant>,
}

impl Pacer {
    fn wait(&mut self) {
        let Some(interval) = self.interval else {
            return;
        };
        if let Some(next) = self.next {
            let now = Instant::now();
            if next > now {
                std::thread::sleep(next - now);
            }
        }
        self.next = Instant::now().checked_add(interval);
    }
}

// ---------------------------------------------------------------------------------------
// A run

/// Which messages a run sends.
#[derive(Debug, Clone, Copy, Default)]
pub struct Selection {
    /// Only messages that failed before (rejected or deferred), none that are new.
    pub retry_failed: bool,
    /// Also messages whose last attempt was cut short (may reach someone twice).
    pub resend_uncertain: bool,
}

impl Selection {
    /// Whether a message in this state is sent.
    pub fn sends(self, status: Status) -> bool {
        match status {
            Status::New => !self.retry_failed,
            Status::Deferred => true,
            Status::Rejected => self.retry_failed,
            Status::Uncertain => self.resend_uncertain,
            Status::Accepted | Status::Partial => false,
        }
    }
}

/// How to send.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub smtp: SmtpConfig,
    pub rate: Option<Rate>,
    /// Retries of a transient failure, after the first attempt.
    pub retries: u32,
    /// The wait before the first retry; each next one waits twice as long, up to
    /// [`MAX_RETRY_DELAY`].
    pub retry_delay: Duration,
}

/// The end state of one message after a run.
#[derive(Debug, Clone)]
pub struct Line {
    pub status: Status,
    /// Whether this run tried to send it.
    pub attempted: bool,
    /// Whether it would be (dry run) or was not reached (the run stopped).
    pub pending: bool,
    pub message: String,
    pub to: String,
    pub source: String,
    pub subject: String,
}

/// Why a run stopped before the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// The server could not be reached (or dropped every attempt to connect).
    Unreachable(String),
    /// The server did not take the user name and password.
    LoginRefused(String),
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Report {
    pub lines: Vec<Line>,
    /// Set when the run stopped early (the server cannot be reached, or refused the login).
    pub stopped: Option<Stop>,
}

impl Report {
    pub fn count(&self, status: Status) -> usize {
        self.lines
            .iter()
            .filter(|l| l.status == status && !l.pending)
            .count()
    }

    pub fn pending(&self) -> usize {
        self.lines.iter().filter(|l| l.pending).count()
    }

    /// Whether every message has reached every recipient.
    pub fn all_done(&self) -> bool {
        self.lines.iter().all(|l| l.status.is_done() && !l.pending)
    }
}

fn line(message: &Outgoing, status: Status, attempted: bool, pending: bool, note: String) -> Line {
    Line {
        status,
        attempted,
        pending,
        message: note,
        to: message
            .recipients
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        source: message.source.clone(),
        subject: message.subject.clone(),
    }
}

/// Lists what a run would do, sending nothing.
pub fn plan(messages: &[Outgoing], ledger: &Ledger, selection: Selection) -> Report {
    let lines = messages
        .iter()
        .map(|m| {
            let status = ledger.status(&m.message_id);
            let pending = selection.sends(status);
            let note = ledger
                .last(&m.message_id)
                .map(|r| r.response.clone())
                .unwrap_or_default();
            line(m, status, false, pending, note)
        })
        .collect();
    Report {
        lines,
        stopped: None,
    }
}

/// A record about `message`, stamped now.
fn record(
    message: &Outgoing,
    outcome: Outcome,
    response: String,
    recipients: Vec<String>,
    refused: Vec<String>,
) -> Record {
    let recipients = if recipients.is_empty() {
        message.recipients.iter().map(ToString::to_string).collect()
    } else {
        recipients
    };
    Record {
        time: now(),
        message_id: message.message_id.clone(),
        recipients,
        outcome,
        response,
        refused,
        source: message.source.clone(),
    }
}

/// Sends what `selection` picks, recording every step in `ledger`; `progress` is told
/// about each message as it is done.
///
/// What a failed attempt taught is in the ledger (and on disk) before anything that can
/// take time: the retry's wait, the pacer's, even the RSET or the closing of the
/// connection. So a run killed while it waits leaves the message `deferred` (sent again
/// by the next run), never `attempting`: only a kill between the `attempting` record and
/// the server's answer to the body leaves a message uncertain.
pub fn send(
    messages: &[Outgoing],
    ledger: &mut Ledger,
    selection: Selection,
    delivery: &Delivery,
    progress: &mut dyn FnMut(&Line),
) -> Result<Report> {
    let mut report = plan(messages, ledger, selection);
    let mut session = Session::new(&delivery.smtp);
    let mut pacer = Pacer {
        interval: delivery.rate.map(Rate::interval),
        next: None,
    };
    for (message, entry) in messages.iter().zip(report.lines.iter_mut()) {
        if !entry.pending || report.stopped.is_some() {
            continue;
        }
        let mut attempt: u32 = 0;
        let outcome = loop {
            pacer.wait();
            let failure = match transaction(&mut session, message, ledger)? {
                Ok(delivered) => break Ok(delivered),
                Err(failure) => failure,
            };
            let give_up = match &failure {
                Failure::Permanent(_) => true,
                Failure::Connect { permanent, .. } => *permanent || attempt >= delivery.retries,
                Failure::Transient(_) => attempt >= delivery.retries,
            };
            if give_up {
                break Err(failure);
            }
            ledger.append(record(
                message,
                Outcome::Deferred,
                failure.text().to_string(),
                vec![],
                vec![],
            ))?;
            session.recover(&failure);
            std::thread::sleep(backoff(delivery.retry_delay, attempt));
            attempt += 1;
        };
        let mut failed = None;
        let (record_outcome, status, response, refused, accepted) = match outcome {
            Ok(delivered) => {
                let status = if delivered.refused.is_empty() {
                    Status::Accepted
                } else {
                    Status::Partial
                };
                let Delivered {
                    response,
                    accepted,
                    refused,
                } = delivered;
                (Outcome::Accepted, status, response, refused, accepted)
            }
            Err(failure) => {
                let (record_outcome, status) = match &failure {
                    Failure::Permanent(_) => (Outcome::Rejected, Status::Rejected),
                    Failure::Transient(_) => (Outcome::Deferred, Status::Deferred),
                    Failure::Connect { message, login, .. } => {
                        let stopped =
                            format!("cannot send through {}: {message}", delivery.smtp.display());
                        report.stopped = Some(if *login {
                            Stop::LoginRefused(stopped)
                        } else {
                            Stop::Unreachable(stopped)
                        });
                        (Outcome::Deferred, Status::Deferred)
                    }
                };
                let text = failure.text().to_string();
                failed = Some(failure);
                (record_outcome, status, text, vec![], vec![])
            }
        };
        ledger.append(record(
            message,
            record_outcome,
            response.clone(),
            accepted,
            refused.clone(),
        ))?;
        if let Some(failure) = &failed {
            session.recover(failure);
        }
        entry.status = status;
        entry.attempted = true;
        entry.pending = false;
        entry.message = if refused.is_empty() {
            response
        } else {
            format!("refused: {}", refused.join("; "))
        };
        progress(entry);
    }
    session.quit();
    Ok(report)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn mbox_round_trip_unquotes_from_lines() {
        let mut mbox = Vec::new();
        let date = chrono::DateTime::<chrono::Utc>::from_timestamp(0, 0).unwrap();
        let a = b"Message-ID: <a@x>\r\nFrom: a@x.org\r\nTo: b@x.org\r\n\r\nFrom here\r\n>From there\r\n";
        let b = b"Message-ID: <b@x>\r\nFrom: a@x.org\r\nTo: c@x.org\r\n\r\nbody\r\n";
        crate::render::email::append_mbox(&mut mbox, "a@x.org", &date, a);
        crate::render::email::append_mbox(&mut mbox, "a@x.org", &date, b);
        let messages = split_mbox(&mbox);
        assert_eq!(messages.len(), 2);
        assert_eq!(crlf(&messages[0]), a.to_vec());
        assert_eq!(crlf(&messages[1]), b.to_vec());
        assert!(parse("m", &messages[0])
            .unwrap()
            .bytes
            .ends_with(b"\r\n>From there"));
    }

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
    fn a_message_without_id_is_refused() {
        let err = parse("m.eml", b"From: a@x.org\r\nTo: b@x.org\r\n\r\nbody\r\n").unwrap_err();
        assert!(err.to_string().contains("Message-ID"), "{err}");
    }

    #[test]
    fn data_body_doubles_leading_dots_and_ends_with_a_dot_line() {
        assert_eq!(
            DataBody::new(".a\r\nb\r\n.\r\n..c").to_string(),
            "..a\r\nb\r\n..\r\n...c\r\n.\r\n"
        );
    }

    #[test]
    fn rates() {
        assert_eq!(
            Rate::parse("30/min").unwrap().interval(),
            Duration::from_secs(2)
        );
        assert_eq!(
            Rate::parse("2/s").unwrap().interval(),
            Duration::from_millis(500)
        );
        assert_eq!(
            Rate::parse("60").unwrap().interval(),
            Duration::from_secs(1)
        );
        assert_eq!(
            Rate::parse("6/h").unwrap().interval(),
            Duration::from_secs(600)
        );
        assert_eq!(
            Rate::parse("3/day").unwrap().interval(),
            Duration::from_secs(8 * 3600)
        );
        for bad in [
            "0/min", "-1/min", "x/min", "3/week", "", "inf/min", "NaN/min",
        ] {
            assert!(Rate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn rates_stay_between_one_a_day_and_a_thousand_a_second() {
        assert_eq!(
            Rate::parse("1/day").unwrap().interval(),
            Duration::from_secs(86_400)
        );
        assert_eq!(
            Rate::parse("1000/s").unwrap().interval(),
            Duration::from_millis(1)
        );
        for (slow, fast) in [("1e-300/min", "1e300/min"), ("0.9/day", "1001/s")] {
            let err = Rate::parse(slow).unwrap_err().to_string();
            assert!(
                err.starts_with("--rate: ") && err.contains("1/day"),
                "{err}"
            );
            let err = Rate::parse(fast).unwrap_err().to_string();
            assert!(
                err.starts_with("--rate: ") && err.contains("1000/s"),
                "{err}"
            );
        }
        // A rate made in code, not parsed, still gives a usable interval.
        for per_minute in [0.0, -1.0, f64::NAN, 1e-300] {
            assert_eq!(
                Rate { per_minute }.interval(),
                Duration::from_secs(86_400),
                "{per_minute}"
            );
        }
    }

    #[test]
    fn retry_delays_stay_within_an_hour() {
        assert_eq!(retry_delay(0.0).unwrap(), Duration::ZERO);
        assert_eq!(retry_delay(0.05).unwrap(), Duration::from_millis(50));
        assert_eq!(retry_delay(3600.0).unwrap(), MAX_RETRY_DELAY);
        for bad in [3600.5, 1e300, f64::INFINITY, -1.0, f64::NAN] {
            let err = retry_delay(bad).unwrap_err().to_string();
            assert!(err.starts_with("--retry-delay: "), "{err}");
        }
        let err = retry_delay(1e300).unwrap_err().to_string();
        assert!(err.contains("1e300 seconds"), "{err}");
        // Each retry waits twice as long as the one before, an hour at most.
        let two = Duration::from_secs(2);
        assert_eq!(backoff(two, 0), two);
        assert_eq!(backoff(two, 3), Duration::from_secs(16));
        assert_eq!(backoff(two, 11), MAX_RETRY_DELAY);
        assert_eq!(backoff(MAX_RETRY_DELAY, u32::MAX), MAX_RETRY_DELAY);
        assert_eq!(backoff(Duration::ZERO, 9), Duration::ZERO);
    }

    #[test]
    fn smtp_urls() {
        let c = SmtpConfig::parse("smtp://127.0.0.1:2525").unwrap();
        assert_eq!(
            (c.host.as_str(), c.port, c.security),
            ("127.0.0.1", 2525, Security::Plain)
        );
        let c = SmtpConfig::parse("starttls://ana%40example.org@mail.example.org").unwrap();
        assert_eq!(c.port, 587);
        assert_eq!(c.security, Security::StartTls);
        assert_eq!(c.user.as_deref(), Some("ana@example.org"));
        let c = SmtpConfig::parse("smtps://mail.example.org").unwrap();
        assert_eq!((c.port, c.security), (465, Security::Tls));
        let c = SmtpConfig::parse("smtp://mail.example.org?tls=starttls").unwrap();
        assert_eq!(c.security, Security::StartTls);
        let err = SmtpConfig::parse("smtp://ana:hunter2@mail.example.org").unwrap_err();
        assert!(!err.to_string().contains("hunter2"), "{err}");
        assert!(SmtpConfig::parse("http://x").is_err());
    }

    #[test]
    fn smtp_urls_name_what_is_wrong() {
        let message = |url: &str| SmtpConfig::parse(url).unwrap_err().to_string();
        for url in [
            "smtp://mail.example.org:",
            "smtp://ana@mail.example.org:/",
            "starttls://mail.example.org:?tls=starttls",
            "smtp://[::1]:",
        ] {
            assert!(message(url).contains("no port"), "{url}: {}", message(url));
        }
        let err = message("smtp://mail.example.org?tls=bogus");
        assert!(err.contains("unknown `tls` value `bogus`"), "{err}");
        for accepted in ["?tls=none", "?tls=starttls", "?tls=required"] {
            assert!(err.contains(accepted), "{err}");
        }
        assert!(!err.contains("scheme"), "{err}");
        let c = SmtpConfig::parse("smtp://mail.example.org?tls=STARTTLS").unwrap();
        assert_eq!((c.security, c.port), (Security::StartTls, 587));
        let c = SmtpConfig::parse("starttls://mail.example.org?tls=required").unwrap();
        assert_eq!(c.security, Security::StartTls);
        for contradiction in [
            "starttls://mail.example.org?tls=none",
            "smtps://mail.example.org?tls=starttls",
        ] {
            assert!(
                message(contradiction).contains("contradicts"),
                "{contradiction}"
            );
        }
        assert!(message("smtp://mail.example.org?TLS=starttls").contains("unknown setting `TLS`"));
        assert!(message("smtp://h?tls=none&tls=starttls").contains("twice"));
        // A port is still optional.
        assert_eq!(
            SmtpConfig::parse("smtp://mail.example.org").unwrap().port,
            25
        );
        assert_eq!(
            SmtpConfig::parse("smtp://mail.example.org:2525/")
                .unwrap()
                .port,
            2525
        );
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
    fn no_password_in_the_clear_to_another_host() {
        let mut c = SmtpConfig::parse("smtp://ana@mail.example.org").unwrap();
        c.password = Some(Secret::new("hunter2".to_string()));
        let err = c.validate().unwrap_err();
        assert!(err.to_string().contains("starttls://"), "{err}");
        assert!(!format!("{c:?}").contains("hunter2"));
        let mut local = SmtpConfig::parse("smtp://ana@127.0.0.1:2525").unwrap();
        local.password = Some(Secret::new("x".to_string()));
        assert!(local.validate().is_ok());
    }

    #[test]
    fn selection() {
        let default = Selection::default();
        assert!(default.sends(Status::New) && default.sends(Status::Deferred));
        assert!(!default.sends(Status::Accepted) && !default.sends(Status::Rejected));
        assert!(!default.sends(Status::Uncertain) && !default.sends(Status::Partial));
        let retry = Selection {
            retry_failed: true,
            resend_uncertain: false,
        };
        assert!(!retry.sends(Status::New) && retry.sends(Status::Rejected));
    }

    #[test]
    fn ledger_survives_a_record_cut_short() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.jsonl");
        {
            let mut ledger = Ledger::open(&path).unwrap();
            ledger
                .append(Record {
                    time: now(),
                    message_id: "a@x".to_string(),
                    recipients: vec!["b@x.org".to_string()],
                    outcome: Outcome::Accepted,
                    response: "250 OK".to_string(),
                    refused: vec![],
                    source: "a.eml".to_string(),
                })
                .unwrap();
        }
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        std::io::Write::write_all(&mut file, b"{\"time\":\"2026-\xc3").unwrap();
        drop(file);
        let mut ledger = Ledger::open(&path).unwrap();
        let damage = ledger.damage.clone().unwrap();
        assert!(damage.contains("cut short"), "{damage}");
        assert_eq!(ledger.status("a@x"), Status::Accepted);
        assert_eq!(ledger.status("b@x"), Status::New);
        ledger
            .append(Record {
                time: now(),
                message_id: "b@x".to_string(),
                recipients: vec![],
                outcome: Outcome::Attempting,
                response: String::new(),
                refused: vec![],
                source: "b.eml".to_string(),
            })
            .unwrap();
        drop(ledger);
        let ledger = Ledger::open(&path).unwrap();
        assert_eq!(ledger.status("b@x"), Status::Uncertain);
        assert_eq!(ledger.damage, None, "the torn record was cut off");
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 2, "{text}");
    }

    #[test]
    fn a_ledger_is_used_by_one_run_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.jsonl");
        let _first = Ledger::open(&path).unwrap();
        let err = Ledger::open(&path).unwrap_err();
        assert!(err.to_string().contains("in use"), "{err}");
    }
}
