//! Append-only JSON Lines records: a batch's `manifest.jsonl` and the send ledger.
//!
//! A journal is opened without following a symbolic link and locked for the run, so two
//! runs never write one file at once. Reading it back tolerates damage: a last line cut
//! short (the disk filled up, the machine stopped) is recognised and cut off, leaving a
//! file that ends with a whole line; a whole line that is not a record is skipped. Both
//! are reported once, never an error, so no damaged record can stop a resume or a send.
//! A write that fails half way (a full disk) is taken back at once.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::staged::open_error;
use super::target;
use crate::error::{Error, Result};

/// The time a record is stamped with: now, as RFC 3339 in local time with its offset
/// (`2026-11-23T18:05:09-04:00`), so that the day it names is the day where it was made.
pub fn timestamp() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// What an existing journal held.
#[derive(Debug)]
pub struct Replay<T> {
    /// The records of its whole, readable lines, in order.
    pub records: Vec<T>,
    /// Bytes of a last line cut short, dropped (0 when the file ended with a whole line).
    pub torn: usize,
    /// The numbers (from 1) of whole lines that are not records.
    pub unreadable: Vec<usize>,
}

impl<T> Replay<T> {
    fn empty() -> Replay<T> {
        Replay {
            records: Vec::new(),
            torn: 0,
            unreadable: Vec::new(),
        }
    }

    /// One warning about the damage found in `path`, if any; `consequence` says what it
    /// means for the user ("the letter it described is written again").
    pub fn warning(&self, path: &Path, consequence: &str) -> Option<String> {
        let mut parts = Vec::new();
        if self.torn > 0 {
            parts.push(format!(
                "its last line was cut short ({} bytes: the disk was full, or the machine stopped while it was written) and has been removed; {consequence}",
                self.torn
            ));
        }
        match self.unreadable.as_slice() {
            [] => {}
            [line] => parts.push(format!("line {line} is not a record and was skipped")),
            lines => parts.push(format!(
                "{} lines ({}) are not records and were skipped",
                lines.len(),
                lines
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
        (!parts.is_empty()).then(|| format!("{}: {}", path.display(), parts.join("; ")))
    }
}

/// Splits `bytes` into records; returns them and the length of the whole lines.
fn parse<T: DeserializeOwned>(bytes: &[u8]) -> (Replay<T>, usize) {
    let mut replay = Replay::empty();
    let whole = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    replay.torn = bytes.len() - whole;
    for (index, line) in bytes[..whole].split(|b| *b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<T>(line) {
            Ok(record) => replay.records.push(record),
            Err(_) => replay.unreadable.push(index + 1),
        }
    }
    (replay, whole)
}

/// An open journal, appended to record by record.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
    /// The length of the file's whole lines: what a failed write is cut back to.
    len: u64,
    /// Records not yet written (see [`Journal::flush`]).
    pending: Vec<u8>,
}

impl Journal {
    /// Opens (or creates) the journal at `path` for this run: locked against other runs,
    /// read back, and a torn last line cut off.
    pub fn open<T: DeserializeOwned>(path: &Path) -> Result<(Journal, Replay<T>)> {
        let mut options = OpenOptions::new();
        options.read(true).append(true).create(true);
        let mut file = target::no_follow(&mut options)
            .open(path)
            .map_err(|e| open_error(path, e))?;
        if file.try_lock().is_err() {
            return Err(Error::InUse {
                path: path.to_path_buf(),
            });
        }
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(|e| Error::read(path, e))?;
        let (replay, whole) = parse(&bytes);
        let len = whole as u64;
        if replay.torn > 0 {
            file.set_len(len).map_err(|e| Error::write(path, e))?;
        }
        let journal = Journal {
            path: path.to_path_buf(),
            file,
            len,
            pending: Vec::new(),
        };
        Ok((journal, replay))
    }

    /// Reads the journal at `path` without creating, locking or changing it (for a dry
    /// run); a missing file holds nothing.
    pub fn read<T: DeserializeOwned>(path: &Path) -> Result<Replay<T>> {
        let mut options = OpenOptions::new();
        options.read(true);
        let mut file = match target::no_follow(&mut options).open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Replay::empty()),
            Err(e) if target::is_symlink_error(&e) => return Err(target::symlink_refused(path)),
            Err(e) => return Err(Error::read(path, e)),
        };
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(|e| Error::read(path, e))?;
        Ok(parse(&bytes).0)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Adds a record, held until [`Journal::flush`].
    pub fn push<R: Serialize>(&mut self, record: &R) -> Result<()> {
        serde_json::to_writer(&mut self.pending, record)
            .map_err(|e| Error::write(&self.path, std::io::Error::other(e)))?;
        self.pending.push(b'\n');
        Ok(())
    }

    /// Writes the records held, in one `write` when the system allows. When it fails
    /// (a full disk), whatever part of them reached the file is cut off again, and the
    /// records are still held for the next try.
    pub fn flush(&mut self) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let result = self.file.write_all(&self.pending);
        match result {
            Ok(()) => {
                self.len += self.pending.len() as u64;
                self.pending.clear();
                Ok(())
            }
            Err(e) => {
                let _ = self.file.set_len(self.len);
                Err(Error::write(&self.path, e))
            }
        }
    }

    /// Writes the records held and waits until they are on disk.
    pub fn sync(&mut self) -> Result<()> {
        self.flush()?;
        self.file
            .sync_data()
            .map_err(|e| Error::write(&self.path, e))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_torn_last_line_is_cut_off_even_inside_a_character() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.jsonl");
        let mut bytes = b"{\"a\":1}\n\n{\"a\":2}\nnot json\n{\"a\":\"\xc3".to_vec();
        std::fs::write(&path, &bytes).unwrap();
        let (mut journal, replay) = Journal::open::<serde_json::Value>(&path).unwrap();
        assert_eq!(replay.records.len(), 2);
        assert_eq!(replay.torn, 7);
        assert_eq!(replay.unreadable, [4]);
        let warning = replay.warning(&path, "it is written again").unwrap();
        assert!(warning.contains("cut short (7 bytes"), "{warning}");
        assert!(warning.contains("line 4 is not a record"), "{warning}");
        journal.push(&serde_json::json!({"a": 3})).unwrap();
        journal.sync().unwrap();
        bytes.truncate(bytes.len() - 7);
        bytes.extend_from_slice(b"{\"a\":3}\n");
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn one_run_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.jsonl");
        let _first = Journal::open::<serde_json::Value>(&path).unwrap();
        let err = Journal::open::<serde_json::Value>(&path).unwrap_err();
        assert!(matches!(err, Error::InUse { .. }), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join(".bashrc");
        std::fs::write(&victim, "keep\n").unwrap();
        let path = dir.path().join("manifest.jsonl");
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        let err = Journal::open::<serde_json::Value>(&path).unwrap_err();
        assert!(matches!(err, Error::Refused { .. }), "{err}");
        let err = Journal::read::<serde_json::Value>(&path).unwrap_err();
        assert!(matches!(err, Error::Refused { .. }), "{err}");
        // A dangling link would otherwise create the file it points to.
        std::fs::remove_file(&victim).unwrap();
        assert!(Journal::open::<serde_json::Value>(&path).is_err());
        assert!(!victim.exists());
    }
}
