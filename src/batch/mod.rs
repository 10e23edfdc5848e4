//! Batch mail-merge: one letter per signer row and recipient (or one sign-on letter
//! carrying every row as a co-signer). Rows stream in chunks rendered in parallel; each
//! file is written atomically and then recorded in `manifest.jsonl`, so a killed batch
//! resumes where it stopped, with nothing half-written and nothing twice.

mod chunks;
mod columns;
mod engine;
pub mod failures;
pub mod manifest;
mod out_dir;
mod outputs;
pub mod preview;
pub mod row;
pub mod shard;
mod sign_on;
pub mod summary;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::compose::Composer;
use crate::draft::{LetterRequest, Planner};
use crate::error::{Error, Result};
use crate::letter::naming;
use crate::load::signers::mapping::{Columns, Field};
use crate::load::signers::SignersReader;
use crate::load::DataSet;
use crate::model::Language;
use crate::render::{self, Format, RenderOptions};
use crate::sink;

use chunks::{Chunk, Chunks};
use engine::{Engine, RowOutcome};
use outputs::Outputs;

pub use failures::Failure;
pub use out_dir::stopped;
pub use shard::Shard;

/// Rows rendered together; bounds memory whatever the number of rows.
const CHUNK: usize = 512;
/// Rows rendered together as PDF: a PDF letter is some 35 KB (for `--combine`, less
/// before its font programs are written out), a text letter 3 KB, and two chunks are in
/// memory at once (one being written while the next is composed).
const PDF_CHUNK: usize = 128;

/// What a batch is asked to do.
#[derive(Debug, Clone)]
pub struct BatchRequest {
    /// The letter every row starts from, checked: template, recipients, language,
    /// demands, own words, date, default signer (the signer of a sign-on letter), fields.
    pub letter: LetterRequest,
    pub render: RenderOptions,
    pub out_dir: PathBuf,
    pub resume: bool,
    pub shard: Option<Shard>,
    pub combine: bool,
    pub sign_on: bool,
    /// The folder signature images named in rows must be in.
    pub signatures_dir: PathBuf,
    /// Read and check every row, compose and render every letter, write nothing.
    pub dry_run: bool,
    /// Columns named explicitly for signer fields (`--column`, a mapping file), as
    /// written; the others are recognised by their headers.
    pub columns: Vec<(Field, Vec<String>)>,
}

/// What happened, for the summary line, the JSON summary and the exit code.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub rows: usize,
    pub written: usize,
    pub skipped: usize,
    pub failed_rows: usize,
    pub blank: usize,
    pub duplicates: usize,
    pub other_shards: usize,
    pub elapsed: Duration,
    pub failures_file: Option<PathBuf>,
    /// Rows that have their letters (written now or found intact).
    pub signers: usize,
    /// Letters written by this run, by recipient office and by language.
    pub by_recipient: BTreeMap<String, usize>,
    pub by_language: BTreeMap<String, usize>,
    /// The first [`summary::LISTED_FAILURES`] failed rows: row number and reason.
    pub failures: Vec<(usize, String)>,
    /// The manifest and the combined file, when the batch has them.
    pub manifest_file: Option<PathBuf>,
    pub combined_file: Option<PathBuf>,
    /// A dry run's first rows, as read.
    pub preview: Vec<preview::RowPreview>,
    /// Each column of the header and what it is used as.
    pub columns: Vec<(String, String)>,
}

impl Summary {
    /// Counts a failed row (the first few are listed).
    pub fn fail(&mut self, row: usize, error: &str) {
        self.failed_rows += 1;
        if self.failures.len() < summary::LISTED_FAILURES {
            self.failures.push((row, error.to_string()));
        }
    }

    /// Counts a letter written to `recipient` in `language`.
    pub fn wrote(&mut self, recipient: &str, language: Language) {
        self.written += 1;
        *self.by_recipient.entry(recipient.to_string()).or_default() += 1;
        *self.by_language.entry(language.to_string()).or_default() += 1;
    }
}

impl Summary {
    /// Letters per second written or skipped.
    pub fn rate(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            (self.written + self.skipped) as f64 / secs
        } else {
            0.0
        }
    }
}

/// Where a batch reports as it goes.
pub trait Observer: Sync {
    fn warn(&self, message: &str);
    /// `letters` more letters are written, for `rows` more signer rows (a row that
    /// failed counts with no letter; a sign-on letter carries no count of rows).
    fn letters_done(&self, letters: usize, rows: usize);
}

/// Reports a failed row and keeps it for failed.csv.
fn record_failure(
    summary: &mut Summary,
    failures: &mut failures::FailureFile,
    observer: &dyn Observer,
    source: &str,
    failure: Failure,
) -> Result<()> {
    observer.warn(&failure.warning(source));
    observer.letters_done(0, 1);
    summary.fail(failure.row, &failure.error);
    failures.add(&failure)
}

/// Runs a batch over `rows`.
pub fn run(
    request: &BatchRequest,
    rows: SignersReader,
    data: &DataSet,
    today: NaiveDate,
    observer: &dyn Observer,
) -> Result<Summary> {
    let started = Instant::now();
    let mut warnings = Vec::new();
    let messages = crate::messages::language()
        .parse()
        .unwrap_or(crate::model::Language::EN);
    let planner = Planner::new_in(
        &request.letter.template,
        data,
        (today, messages),
        request.letter.fix_mojibake,
        &mut warnings,
    )?;
    let composer = Composer::new(planner.template())?;
    // Unknown default recipients, or ones a postal letter cannot reach, are a mistake in
    // the command, not in a row.
    for id in planner.recipients(&request.letter.recipients)? {
        let recipient = data.recipients.get(&id)?;
        if request.render.format.is_postal() {
            planner.check_postal_address(recipient)?;
        }
        // Found once, before the first row, rather than in every row.
        if request.render.format.is_email() && recipient.email.trim().is_empty() {
            return Err(Error::NoEmail { recipient: id });
        }
    }
    let mut seen_warnings: HashSet<String> = HashSet::new();
    for warning in warnings {
        if seen_warnings.insert(warning.clone()) {
            observer.warn(&warning);
        }
    }
    // How the columns are read is said once, and a header without names stops the
    // batch before anything is written.
    let columns = Columns::new(&rows.header, &request.columns);
    let uses = columns::uses(&rows.header, &columns, &composer, request.sign_on);
    columns::check(&rows.source, &rows.header, &columns)?;
    if let Some(unused) = columns::unused_note(&rows.source, &uses) {
        observer.warn(&unused);
    }
    out_dir::prepare(request)?;
    let (manifest, previous) = if request.combine {
        (None, HashMap::new())
    } else if request.dry_run {
        (None, out_dir::read_manifest(request, observer)?)
    } else {
        let (writer, previous) = out_dir::open_manifest(request, observer)?;
        (Some(writer), previous)
    };
    let dir = if request.dry_run {
        request.out_dir.clone()
    } else {
        std::fs::canonicalize(&request.out_dir).map_err(|e| Error::write(&request.out_dir, e))?
    };
    let source = rows.source.clone();
    let failures =
        failures::FailureFile::new(&request.out_dir, rows.header.clone(), request.dry_run);
    let engine = Engine {
        request,
        dir,
        planner,
        composer,
        previous,
        source,
        columns,
    };
    if request.sign_on {
        if request.combine {
            return Err(Error::data(
                request.out_dir.display().to_string(),
                "a sign-on letter is one letter per recipient, never combined",
            ));
        }
        return sign_on::sign_on(&engine, rows, failures, manifest, observer, started)
            .map(|mut summary| {
                summary.columns = uses;
                summary
            })
            .map_err(|error| stopped(error, None, true));
    }

    // Letters are appended to the combined file as they come, a PDF's through
    // `render::pdf::Combined`, which numbers each letter's objects as it writes them.
    let combined_path = request.out_dir.join(naming::combined(
        &request.letter.template,
        request.render.format.extension(),
    ));
    let (combined, pdf) = if request.combine && !request.dry_run {
        let staged = sink::Staged::new(&request.out_dir, combined_path.clone())?;
        if request.render.format == Format::Pdf {
            let pdf = render::pdf::Combined::new(staged, &request.render.pdf)
                .map_err(|e| Error::write(&combined_path, e))?;
            (None, Some(pdf))
        } else {
            // Buffered: letters are a few kilobytes each, written one after another.
            (
                Some(std::io::BufWriter::with_capacity(1 << 16, staged)),
                None,
            )
        }
    } else {
        (None, None)
    };
    let mut outputs = Outputs {
        dir: &engine.dir,
        observer,
        source: &engine.source,
        format: request.render.format,
        combine: request.combine,
        seen_warnings,
        summary: Summary::default(),
        failures,
        manifest,
        combined,
        combined_path,
        pdf,
        first_language: None,
        dry_run: request.dry_run,
    };
    let chunk_rows = match request.render.format {
        Format::Pdf => PDF_CHUNK,
        _ => CHUNK,
    };
    let mut chunks = Chunks::new(rows, chunk_rows, request.shard);
    // While one chunk's letters are composed on every core, the chunk before it is
    // written (files, then their manifest lines) and the next one read. Files are
    // created from one thread: creating files in one directory from several threads
    // at once is slower than from one.
    let mut chunk = chunks.next_chunk();
    outputs.summary.columns.clone_from(&uses);
    if request.dry_run {
        outputs.summary.preview = preview::preview(&engine, &chunk.rows);
    }
    let mut composed: Option<(Chunk, Vec<RowOutcome>)> = None;
    while !chunk.rows.is_empty() {
        let (outcomes, next) = rayon::join(
            || -> Vec<RowOutcome> {
                chunk
                    .rows
                    .par_iter()
                    .map(|row| engine.process(row))
                    .collect()
            },
            || -> Result<Chunk> {
                if let Some((chunk, outcomes)) = composed.take() {
                    outputs.take(chunk, outcomes)?;
                }
                Ok(chunks.next_chunk())
            },
        );
        composed = Some((chunk, outcomes));
        chunk = next?;
    }
    if let Some((chunk, outcomes)) = composed.take() {
        outputs.take(chunk, outcomes)?;
    }
    outputs.take(chunk, Vec::new())?;
    let counts = chunks.counts;
    outputs.summary.rows = counts.rows;
    outputs.summary.blank = counts.blank;
    outputs.summary.duplicates = counts.duplicates;
    outputs.summary.other_shards = counts.other_shards;
    let title = outputs
        .first_language
        .map(|language| engine.planner.template().name_in(language).to_string());
    let has_manifest = outputs.manifest.is_some();
    let mut summary = match outputs.finish(title.as_deref()) {
        Ok(()) => std::mem::take(&mut outputs.summary),
        Err(error) => return Err(outputs.stop(error)),
    };
    if has_manifest {
        summary.manifest_file = Some(request.out_dir.join(manifest::FILE));
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}
