//! The ledger: a JSON Lines file, one record per event, that says where each message
//! stands (see the module documentation of `send` for what each record guarantees). It
//! is locked for a run, never written through a symbolic link, and a record cut short
//! by a full disk or a crash is cut off, reported once, and never stops a send.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::messages::Outgoing;
use crate::error::{Error, Result};
use crate::sink::{self, Journal, Replay};

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
    /// The campaign, the recipient office and the language of the letter the message
    /// carries (its `X-Letters-Campaign`, `X-Letters-Recipient` and `Content-Language`
    /// headers): empty for a message that does not say, and in ledgers written before
    /// they were recorded.
    #[serde(default)]
    pub campaign: String,
    #[serde(default)]
    pub recipient: String,
    #[serde(default)]
    pub language: String,
    /// A test (`--test-to`): the message went to the test address only, and says
    /// nothing about where the message stands for its real recipients.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub test: bool,
}

impl Record {
    /// A record about `message`, stamped now, with nothing yet to say about the outcome.
    pub fn about(message: &Outgoing, outcome: Outcome) -> Record {
        Record {
            time: now(),
            message_id: message.message_id.clone(),
            recipients: message.recipients.iter().map(ToString::to_string).collect(),
            outcome,
            response: String::new(),
            refused: Vec::new(),
            source: message.source.clone(),
            campaign: message.campaign.clone(),
            recipient: message.recipient.clone(),
            language: message.language.clone(),
            test: false,
        }
    }
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
        // A test went to the test address only: it says nothing about the message.
        for record in replay.records.into_iter().filter(|r| !r.test) {
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
        if !record.test {
            self.last.insert(record.message_id.clone(), record);
        }
        Ok(())
    }
}

/// The current time for the ledger (to the second, local time with its offset).
pub(super) fn now() -> String {
    sink::timestamp()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

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
                    campaign: String::new(),
                    recipient: String::new(),
                    language: String::new(),
                    test: false,
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
                campaign: String::new(),
                recipient: String::new(),
                language: String::new(),
                test: false,
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
