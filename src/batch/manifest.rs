//! `manifest.jsonl`: one line per letter on disk (row, signer, recipient, language, file,
//! bytes, sha256), appended only after the file was renamed into place. It is what
//! `--resume` trusts.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::model::Language;

/// The manifest's file name inside the output directory.
pub const FILE: &str = "manifest.jsonl";

/// One letter written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub row: usize,
    pub signer: String,
    pub recipient: String,
    pub language: Language,
    pub file: String,
    pub bytes: u64,
    pub sha256: String,
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

/// Reads the entries of an existing manifest, by file name. A last line cut short by a
/// crash is ignored (its letter is simply written again).
pub fn read(path: &Path) -> Result<HashMap<String, Entry>> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashMap::new()),
        Err(e) => return Err(Error::read(path, e)),
    };
    let mut entries = HashMap::new();
    for line in BufReader::new(file).lines() {
        let line = line.map_err(|e| Error::read(path, e))?;
        if let Ok(entry) = serde_json::from_str::<Entry>(&line) {
            entries.insert(entry.file.clone(), entry);
        }
    }
    Ok(entries)
}

/// Whether `file` is on disk with exactly the bytes the manifest recorded.
pub fn is_intact(dir: &Path, entry: &Entry) -> bool {
    match std::fs::read(dir.join(&entry.file)) {
        Ok(bytes) => bytes.len() as u64 == entry.bytes && sha256(&bytes) == entry.sha256,
        Err(_) => false,
    }
}

/// An open manifest, appended to line by line.
pub struct Writer {
    path: PathBuf,
    file: std::io::BufWriter<File>,
}

impl Writer {
    pub fn open(path: &Path) -> Result<Writer> {
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| Error::write(path, e))?;
        // A line cut short by a crash must not swallow the next one.
        let len = file.metadata().map_err(|e| Error::read(path, e))?.len();
        if len > 0 {
            let text = std::fs::read(path).map_err(|e| Error::read(path, e))?;
            if text.last() != Some(&b'\n') {
                file.write_all(b"\n").map_err(|e| Error::write(path, e))?;
            }
        }
        Ok(Writer {
            path: path.to_path_buf(),
            file: std::io::BufWriter::new(file),
        })
    }

    /// Appends one entry (buffered: call `flush` once the entries' files are in place).
    pub fn append(&mut self, entry: &Entry) -> Result<()> {
        let mut line = serde_json::to_vec(entry).map_err(|e| Error::write(&self.path, e.into()))?;
        line.push(b'\n');
        self.file
            .write_all(&line)
            .map_err(|e| Error::write(&self.path, e))
    }

    /// Hands the buffered entries to the operating system.
    pub fn flush(&mut self) -> Result<()> {
        self.file.flush().map_err(|e| Error::write(&self.path, e))
    }

    /// Makes the manifest durable.
    pub fn sync(&mut self) -> Result<()> {
        self.flush()?;
        self.file
            .get_ref()
            .sync_all()
            .map_err(|e| Error::write(&self.path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_is_lowercase_hex() {
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
