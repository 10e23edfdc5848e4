//! The summary of a batch as one JSON object: what `letters batch --json` prints at the
//! end, and what the batch keeps in its output directory as `summary.json` (the last
//! whole run's), for `letters report`. Its fields are documented in README.md
//! ("Machine-readable summaries") and in `docs/schemas/batch-summary.schema.json`; new
//! fields may be added, none is renamed or removed without raising `version`.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::preview::RowPreview;
use super::{BatchRequest, Summary};
use crate::error::Result;
use crate::letter::naming;
use crate::sink;

/// The version of the summary's shape.
pub const VERSION: u32 = 1;
/// How many failed rows the summary lists (all of them are in the failed rows' file).
pub const LISTED_FAILURES: usize = 100;
/// The summary's file name inside the output directory.
pub const FILE: &str = naming::SUMMARY;

/// Letters written or found intact.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Letters {
    pub written: usize,
    pub skipped: usize,
    #[serde(default)]
    pub by_recipient: BTreeMap<String, usize>,
    #[serde(default)]
    pub by_language: BTreeMap<String, usize>,
}

/// The files a batch wrote (or would write).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Files {
    pub manifest: Option<String>,
    pub failed: Option<String>,
    pub combined: Option<String>,
    pub summary: Option<String>,
}

/// One failed row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FailedRow {
    pub row: usize,
    pub error: String,
}

/// What one column of the signers file became.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnUse {
    /// The column as the header names it.
    pub column: String,
    /// `name`, `email`, … (a signer field), `fields.KEY` (a template field), or
    /// `unused`.
    #[serde(rename = "use")]
    pub used_as: String,
}

/// The summary of one batch run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub version: u32,
    pub command: String,
    pub dry_run: bool,
    pub campaign: String,
    pub format: String,
    pub combined: bool,
    pub sign_on: bool,
    pub signers_file: String,
    pub output_dir: String,
    /// Rows read, blank ones aside.
    pub rows: usize,
    pub blank_rows: usize,
    pub duplicate_rows: usize,
    pub other_shard_rows: usize,
    pub failed_rows: usize,
    /// Rows that have their letters.
    pub signers: usize,
    pub letters: Letters,
    pub files: Files,
    #[serde(default)]
    pub columns: Vec<ColumnUse>,
    pub failures: Vec<FailedRow>,
    /// A dry run's first rows, as read (absent from a real run's summary).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preview: Vec<RowPreview>,
    pub started: String,
    pub finished: String,
    pub elapsed_seconds: f64,
    pub letters_per_second: f64,
    pub exit_code: i32,
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

impl Document {
    /// The summary of `summary`, a run of `request` over `signers_file` begun at
    /// `started` (see [`sink::timestamp`]).
    pub fn new(
        request: &BatchRequest,
        summary: &Summary,
        signers_file: &str,
        started: String,
    ) -> Document {
        let summary_file =
            (!request.dry_run).then(|| shown(&request.out_dir.join(naming::SUMMARY)));
        Document {
            version: VERSION,
            command: "batch".to_string(),
            dry_run: request.dry_run,
            campaign: request.letter.template.clone(),
            format: request.render.format.name().to_string(),
            combined: request.combine,
            sign_on: request.sign_on,
            signers_file: signers_file.to_string(),
            output_dir: shown(&request.out_dir),
            rows: summary.rows,
            blank_rows: summary.blank,
            duplicate_rows: summary.duplicates,
            other_shard_rows: summary.other_shards,
            failed_rows: summary.failed_rows,
            signers: summary.signers,
            letters: Letters {
                written: summary.written,
                skipped: summary.skipped,
                by_recipient: summary.by_recipient.clone(),
                by_language: summary.by_language.clone(),
            },
            files: Files {
                manifest: summary.manifest_file.as_deref().map(shown),
                // A dry run writes no file.
                failed: summary
                    .failures_file
                    .as_deref()
                    .filter(|_| !request.dry_run)
                    .map(shown),
                combined: summary.combined_file.as_deref().map(shown),
                summary: summary_file,
            },
            columns: summary
                .columns
                .iter()
                .map(|(column, used_as)| ColumnUse {
                    column: column.clone(),
                    used_as: used_as.clone(),
                })
                .collect(),
            failures: summary
                .failures
                .iter()
                .map(|(row, error)| FailedRow {
                    row: *row,
                    error: error.clone(),
                })
                .collect(),
            preview: summary.preview.clone(),
            started,
            finished: sink::timestamp(),
            elapsed_seconds: (summary.elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
            letters_per_second: summary.rate().round(),
            exit_code: if summary.failed_rows > 0 { 1 } else { 0 },
        }
    }

    /// The summary as pretty-printed JSON, ending with a line break.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Keeps the summary in the output directory, as `summary.json`.
    pub fn keep(&self, dir: &Path) -> Result<()> {
        sink::write_atomic(&dir.join(FILE), self.to_json().as_bytes())
    }
}

/// Reads a batch's `summary.json`; `None` when it cannot be read as one.
pub fn read(path: &Path) -> Option<Document> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}
