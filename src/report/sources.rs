//! Where a report's numbers come from: the `manifest.jsonl`, `summary.json` and
//! `letters-ledger.jsonl` files under the directories given (symbolic links and hidden
//! folders are not followed), or files named one by one. Each file is read once, however
//! many of the paths given lead to it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

use crate::letter::naming;

/// How deep under a directory given files are looked for.
const MAX_DEPTH: usize = 16;

/// The files a report reads, each once, in a stable order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Sources {
    pub manifests: BTreeSet<PathBuf>,
    pub summaries: BTreeSet<PathBuf>,
    pub ledgers: BTreeSet<PathBuf>,
}

impl Sources {
    fn is_empty(&self) -> bool {
        self.manifests.is_empty() && self.summaries.is_empty() && self.ledgers.is_empty()
    }

    /// Files by their name: a manifest, a batch summary, or a ledger; whether it is one.
    fn add_file(&mut self, path: PathBuf, named: bool) -> bool {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        if name == naming::MANIFEST {
            self.manifests.insert(path);
        } else if name == naming::SUMMARY {
            self.summaries.insert(path);
        } else if name == naming::LEDGER || (named && name.ends_with(".jsonl")) {
            self.ledgers.insert(path);
        } else {
            return false;
        }
        true
    }

    fn walk(&mut self, dir: &Path, depth: usize) -> Result<()> {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::read(dir, e))?;
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            if kind.is_dir() && depth < MAX_DEPTH && !name.to_string_lossy().starts_with('.') {
                self.walk(&entry.path(), depth + 1)?;
            } else if kind.is_file() {
                let _ = self.add_file(entry.path(), false);
            }
        }
        Ok(())
    }
}

/// Why a path given cannot be reported on.
#[derive(Debug)]
pub enum FindError {
    /// The path cannot be read.
    Io(Error),
    /// The path (as given) holds nothing a report reads, and why.
    Nothing(String, String),
}

/// The files under `paths` (directories walked, files taken as named).
pub fn find(paths: &[PathBuf]) -> std::result::Result<Sources, FindError> {
    let mut sources = Sources::default();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| FindError::Io(Error::read(path, e)))?;
        if meta.is_dir() {
            sources.walk(path, 0).map_err(FindError::Io)?;
        } else if !sources.add_file(path.clone(), true) {
            return Err(FindError::Nothing(
                path.display().to_string(),
                format!(
                    "not a file `letters report` reads: name a batch's directory, its {} or {}, or a send ledger (.jsonl)",
                    naming::MANIFEST,
                    naming::SUMMARY
                ),
            ));
        }
    }
    if sources.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(FindError::Nothing(
            shown.join(", "),
            format!(
                "found no {}, {} or {} here: name the directories `letters batch -o` wrote and `letters send` kept its ledger in",
                naming::MANIFEST,
                naming::SUMMARY,
                naming::LEDGER
            ),
        ));
    }
    Ok(sources)
}
