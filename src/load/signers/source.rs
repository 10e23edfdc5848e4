//! Where signers come from (a file, standard input, bytes in memory), and how far
//! reading has got, for a progress bar.

use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::error::{Error, Result};

/// Where signers come from.
#[derive(Debug, Clone)]
pub enum SignersSource {
    File(PathBuf),
    Stdin,
    /// Bytes already in memory, named `name` in messages.
    Bytes {
        name: String,
        bytes: Vec<u8>,
    },
}

impl SignersSource {
    pub fn parse(value: &Path) -> SignersSource {
        if value == Path::new("-") {
            SignersSource::Stdin
        } else {
            SignersSource::File(value.to_path_buf())
        }
    }

    /// How the source is named in messages.
    pub fn name(&self) -> String {
        match self {
            SignersSource::File(path) => path.display().to_string(),
            SignersSource::Stdin => "<stdin>".to_string(),
            SignersSource::Bytes { name, .. } => name.clone(),
        }
    }

    /// How many bytes there are to read, when that is known.
    pub(super) fn size(&self) -> Option<u64> {
        match self {
            SignersSource::File(path) => std::fs::metadata(path).ok().map(|m| m.len()),
            SignersSource::Stdin => None,
            SignersSource::Bytes { bytes, .. } => Some(bytes.len() as u64),
        }
    }

    pub(super) fn open(&self) -> Result<Box<dyn Read + Send>> {
        Ok(match self {
            SignersSource::File(path) => {
                Box::new(File::open(path).map_err(|e| Error::read(path, e))?)
            }
            SignersSource::Stdin => Box::new(io::stdin()),
            SignersSource::Bytes { bytes, .. } => Box::new(io::Cursor::new(bytes.clone())),
        })
    }

    pub(super) fn looks_like_json_lines(&self, start: &str) -> bool {
        if let SignersSource::File(path) = self {
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if ext == "jsonl" || ext == "ndjson" {
                return true;
            }
            if ext == "csv" || ext == "tsv" || ext == "txt" {
                return false;
            }
        }
        start
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{')
    }
}

/// How much of a signers file has been read, and how much there is (unknown for
/// standard input); `rows`, how many rows read so far are to be written (the reader
/// runs ahead of the letters, so a bar places itself by the share of these rows done).
#[derive(Debug, Clone, Default)]
pub struct ReadProgress {
    pub read: Arc<AtomicU64>,
    pub total: Option<u64>,
    pub rows: Arc<AtomicU64>,
    /// `total` counts rows, not bytes (a spreadsheet, read whole before its first row):
    /// the bar stands at the rows done.
    pub in_rows: bool,
}

/// A reader that counts the bytes read through it.
pub(super) struct Counted<R> {
    pub inner: R,
    pub read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A buffered reader that counts the bytes taken from it (parsed, not merely buffered).
pub(super) struct Consumed<B> {
    pub inner: B,
    pub taken: Arc<AtomicU64>,
}

impl<B: BufRead> Read for Consumed<B> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.taken.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<B: BufRead> BufRead for Consumed<B> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.inner.consume(amount);
        self.taken.fetch_add(amount as u64, Ordering::Relaxed);
    }
}
