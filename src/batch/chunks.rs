//! Reading signer rows a chunk at a time: blank rows, rows of other shards and repeated
//! rows are counted and left out, and what is to be reported about the chunk (rows that
//! could not be read, repeats) is kept with it, so that it is reported in input order
//! when the chunk's letters are.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::sync::atomic::Ordering;

use super::{Failure, Shard};
use crate::load::signers::{SignerRow, SignersReader};

/// Something to report about the rows of a chunk, in input order.
pub enum Event {
    /// A warning to show.
    Warning(String),
    /// A row that could not be read.
    Unreadable(Failure),
}

/// Rows to write letters for, and what was found reading them.
#[derive(Default)]
pub struct Chunk {
    pub rows: Vec<SignerRow>,
    pub events: Vec<Event>,
}

/// How many rows were read and why some were left out.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    /// Rows read, blank ones aside.
    pub rows: usize,
    pub blank: usize,
    pub duplicates: usize,
    pub other_shards: usize,
}

/// Reads chunks of rows from a signers file.
pub struct Chunks {
    rows: SignersReader,
    size: usize,
    shard: Option<Shard>,
    fingerprints: HashSet<u64>,
    pub counts: Counts,
}

/// A fingerprint of a row's cells, for spotting duplicates.
fn fingerprint(row: &SignerRow) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for (column, value) in &row.cells {
        column.trim().to_lowercase().hash(&mut hasher);
        value.trim().hash(&mut hasher);
    }
    hasher.finish()
}

impl Chunks {
    /// Chunks of at most `size` rows of `rows`, only those of `shard` if given.
    pub fn new(rows: SignersReader, size: usize, shard: Option<Shard>) -> Chunks {
        Chunks {
            rows,
            size,
            shard,
            fingerprints: HashSet::new(),
            counts: Counts::default(),
        }
    }

    /// The next chunk; its rows are empty at the end of the file.
    pub fn next_chunk(&mut self) -> Chunk {
        let mut chunk = Chunk {
            rows: Vec::with_capacity(self.size),
            events: Vec::new(),
        };
        while chunk.rows.len() < self.size {
            let Some(item) = self.rows.next() else { break };
            match item {
                Ok(row) => {
                    if row.is_blank() {
                        self.counts.blank += 1;
                        continue;
                    }
                    self.counts.rows += 1;
                    if self.shard.is_some_and(|shard| !shard.contains(row.row)) {
                        self.counts.other_shards += 1;
                        continue;
                    }
                    if !self.fingerprints.insert(fingerprint(&row)) {
                        self.counts.duplicates += 1;
                        chunk.events.push(Event::Warning(format!(
                            "{} row {} repeats an earlier row; skipped",
                            self.rows.source, row.row
                        )));
                        continue;
                    }
                    chunk.rows.push(row);
                    self.rows.progress.rows.fetch_add(1, Ordering::Relaxed);
                }
                Err(bad) => {
                    self.counts.rows += 1;
                    if self.shard.is_some_and(|shard| !shard.contains(bad.row)) {
                        self.counts.other_shards += 1;
                        continue;
                    }
                    chunk.events.push(Event::Unreadable(bad.into()));
                    self.rows.progress.rows.fetch_add(1, Ordering::Relaxed);
                }
            }
        }
        chunk
    }
}
