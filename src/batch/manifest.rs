//! `manifest.jsonl`: one line per letter on disk (campaign, row, signer, recipient,
//! language, file, bytes, sha256, time), appended only after the file was renamed into
//! place. It is what `--resume` trusts, and what `letters report` counts. A last line cut
//! short by a full disk or a crash is cut off when the manifest is opened again, and its
//! letter written again. Lines written before the campaign, the signer's address and the
//! time were recorded are still read: those fields are then empty.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::model::Language;
use crate::sink::Journal;

/// The manifest's file name inside the output directory.
pub const FILE: &str = crate::letter::naming::MANIFEST;

/// One letter written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The campaign (template id); empty in manifests written before it was recorded.
    #[serde(default)]
    pub campaign: String,
    /// The signers row (0 for a sign-on letter).
    pub row: usize,
    pub signer: String,
    /// The signer's email address, when the row gives one: with the name, what tells
    /// one signer from another when signers are counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_email: Option<String>,
    /// The recipient office id.
    pub recipient: String,
    pub language: Language,
    pub file: String,
    pub bytes: u64,
    pub sha256: String,
    /// How many co-signers a sign-on letter carries (absent for other letters).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub cosigners: usize,
    /// When the letter was recorded (RFC 3339, local time with its offset); empty in
    /// manifests written before it was recorded.
    #[serde(default)]
    pub time: String,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The hex SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(2 * digest.len());
    for byte in digest {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    hex
}

/// What `--resume` consults: the entries of an existing manifest, by file name.
pub type Previous = HashMap<String, Entry>;

/// Whether `file` is on disk with exactly the bytes the manifest recorded (a link in
/// its place is not the letter).
pub fn is_intact(dir: &Path, entry: &Entry) -> bool {
    let path = dir.join(&entry.file);
    let regular = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
    regular
        && match std::fs::read(&path) {
            Ok(bytes) => bytes.len() as u64 == entry.bytes && sha256(&bytes) == entry.sha256,
            Err(_) => false,
        }
}

/// An open manifest, appended to line by line.
pub struct Writer {
    journal: Journal,
}

impl Writer {
    /// Opens (or creates) the manifest at `path`; returns it with the entries it holds
    /// and, when it was damaged, the warning to show (a torn last line is cut off and
    /// the letter it described written again).
    pub fn open(path: &Path) -> Result<(Writer, Previous, Option<String>)> {
        let (journal, replay) = Journal::open::<Entry>(path)?;
        let warning = replay.warning(path, "the letter it described is written again");
        let previous = replay
            .records
            .into_iter()
            .map(|entry| (entry.file.clone(), entry))
            .collect();
        Ok((Writer { journal }, previous, warning))
    }

    /// Appends one entry (held: call `flush` once the entries' files are in place).
    pub fn append(&mut self, entry: &Entry) -> Result<()> {
        self.journal.push(entry)
    }

    /// Hands the entries held to the operating system.
    pub fn flush(&mut self) -> Result<()> {
        self.journal.flush()
    }

    /// Makes the manifest durable.
    pub fn sync(&mut self) -> Result<()> {
        self.journal.sync()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_line_from_before_campaigns_were_recorded_is_read() {
        let old = r#"{"row":2,"signer":"Ana","recipient":"ve-un-mission","language":"es","file":"0002-ana--ve-un-mission.txt","bytes":10,"sha256":"ab"}"#;
        let entry: Entry = serde_json::from_str(old).unwrap();
        assert_eq!(entry.campaign, "");
        assert_eq!(entry.time, "");
        assert_eq!(entry.signer_email, None);
        assert_eq!(entry.recipient, "ve-un-mission");
    }

    #[test]
    fn sha256_is_lowercase_hex() {
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
