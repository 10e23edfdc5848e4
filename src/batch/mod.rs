//! Batch mail-merge: one letter per signer row and recipient (or one sign-on letter
//! carrying every row as a co-signer). Rows stream in chunks rendered in parallel; each
//! file is written atomically and then recorded in `manifest.jsonl`, so a killed batch
//! resumes where it stopped, with nothing half-written and nothing twice.

mod chunks;
pub mod failures;
pub mod manifest;
mod outputs;
pub mod row;
pub mod shard;
pub mod slug;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::compose::Composer;
use crate::draft::{mojibake_warning, DraftRequest, Planner};
use crate::error::{Error, Result};
use crate::letter::Letter;
use crate::load::signers::{SignerRow, SignersReader};
use crate::load::DataSet;
use crate::model::{Language, Sender};
use crate::render::{self, Format, RenderOptions};
use crate::sink;
use crate::text::mojibake;

use chunks::{Chunk, Chunks};
use outputs::Outputs;

pub use failures::Failure;
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
    /// The letter every row starts from: template, recipients, language, demands, own
    /// words, date, default signer (the signer of a sign-on letter), fields.
    pub letter: DraftRequest,
    pub render: RenderOptions,
    pub out_dir: PathBuf,
    pub resume: bool,
    pub shard: Option<Shard>,
    pub combine: bool,
    pub sign_on: bool,
    /// Directory signature paths in rows are relative to.
    pub base_dir: PathBuf,
}

/// What happened, for the summary line and the exit code.
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
    fn letters_done(&self, count: usize);
}

/// A row and what became of it.
enum RowOutcome {
    Done {
        letters: Vec<LetterOutcome>,
        warnings: Vec<String>,
    },
    Failed(Failure, Vec<String>),
}

enum LetterOutcome {
    /// A letter to write to its own file, then record in the manifest.
    Composed(manifest::Entry, Vec<u8>),
    Skipped,
    /// A letter for the combined file, and its language.
    Combined(Vec<u8>, Language),
    /// A letter for the combined PDF, typeset (its objects are numbered as it is
    /// written), and its language.
    CombinedPdf(Box<render::pdf::Typeset>, Language),
}

/// Reports a failed row and keeps it for failed.csv.
fn record_failure(
    failures: &mut failures::FailureFile,
    observer: &dyn Observer,
    source: &str,
    failure: Failure,
) -> Result<()> {
    observer.warn(&format!("{source} row {}: {}", failure.row, failure.error));
    failures.add(&failure)
}

impl From<crate::load::signers::BadRow> for Failure {
    fn from(bad: crate::load::signers::BadRow) -> Failure {
        Failure {
            row: bad.row,
            line: bad.line,
            cells: bad.cells,
            error: bad.reason,
        }
    }
}

/// The error of a batch stopped by an output `error` (a full disk, a refused path): it
/// says what was kept and how to finish. Other errors are returned as they are.
pub(crate) fn stopped(error: Error, recorded: Option<usize>, resumable: bool) -> Error {
    if error.exit_code() != crate::exit::Exit::Output || matches!(error, Error::BatchStopped { .. })
    {
        return error;
    }
    Error::BatchStopped {
        source: Box::new(error),
        recorded: recorded.filter(|_| resumable),
        resumable,
    }
}

/// Removes temporary files a killed run left behind.
fn remove_leftovers(dir: &Path) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::read(dir, e))?;
    for entry in entries.flatten() {
        if sink::is_temp_name(&entry.file_name().to_string_lossy()) {
            std::fs::remove_file(entry.path()).map_err(|e| Error::write(&entry.path(), e))?;
        }
    }
    Ok(())
}

struct Engine<'a> {
    request: &'a BatchRequest,
    /// The output directory, absolute.
    dir: PathBuf,
    planner: Planner<'a>,
    composer: Composer,
    previous: HashMap<String, manifest::Entry>,
    source: String,
}

impl Engine<'_> {
    /// Reads a row, warning about (and with --fix-mojibake repairing) mis-decoded cells.
    /// The row is copied only when a cell is repaired.
    fn row_request<'r>(
        &self,
        row: &'r SignerRow,
        defaults: &Sender,
        warnings: &mut Vec<String>,
    ) -> std::result::Result<(row::RowRequest, Cow<'r, SignerRow>), String> {
        let fix = self.request.letter.fix_mojibake;
        let mut row = Cow::Borrowed(row);
        for i in 0..row.cells.len() {
            let (column, value) = &row.cells[i];
            let location = || format!("{} row {} column `{column}`", self.source, row.row);
            if let Some(finding) = mojibake::scan_value(location, value) {
                warnings.push(mojibake_warning(&finding, fix));
                if fix {
                    mojibake::repair_in_place(&mut row.to_mut().cells[i].1);
                }
            }
        }
        let parsed = row::interpret(&row, defaults, &self.request.base_dir)?;
        Ok((parsed, row))
    }

    /// The batch's request with the row's choices over it.
    fn draft_request(&self, parsed: row::RowRequest) -> DraftRequest {
        let letter = &self.request.letter;
        let mut fields = letter.fields.clone();
        fields.extend(parsed.fields);
        DraftRequest {
            template: letter.template.clone(),
            recipients: if parsed.recipients.is_empty() {
                letter.recipients.clone()
            } else {
                parsed.recipients
            },
            language: parsed.language.or(letter.language),
            demands: letter.demands.clone(),
            own_words: parsed.own_words.or_else(|| letter.own_words.clone()),
            date: letter.date,
            sender: parsed.sender,
            fields,
            fix_mojibake: letter.fix_mojibake,
        }
    }

    fn letter(
        &self,
        draft_request: &DraftRequest,
        recipient: &str,
        warnings: &mut Vec<String>,
    ) -> Result<Letter> {
        let draft = self.planner.draft(recipient, draft_request, warnings)?;
        if self.request.render.format.is_postal() {
            self.planner.check_postal_address(&draft.recipient)?;
        }
        self.composer.compose(&draft)
    }

    fn process(&self, row: &SignerRow) -> RowOutcome {
        let mut warnings = Vec::new();
        let fail = |row: &SignerRow, error: String, warnings: Vec<String>| {
            RowOutcome::Failed(
                Failure {
                    row: row.row,
                    line: row.line,
                    cells: row.cells.clone(),
                    error,
                },
                warnings,
            )
        };
        let (parsed, clean_row) =
            match self.row_request(row, &self.request.letter.sender, &mut warnings) {
                Ok(parsed) => parsed,
                Err(reason) => return fail(row, reason, warnings),
            };
        let draft_request = self.draft_request(parsed);
        let recipients = match self.planner.recipients(&draft_request.recipients) {
            Ok(ids) => ids,
            Err(e) => return fail(&clean_row, e.to_string(), warnings),
        };
        let options = &self.request.render;
        let mut letters = Vec::with_capacity(recipients.len());
        for recipient in &recipients {
            // A combined batch writes no file of its own per letter.
            let file = if self.request.combine {
                String::new()
            } else {
                slug::letter_file_name(
                    row.row,
                    &draft_request.sender.name,
                    recipient,
                    options.format.extension(),
                )
            };
            if self.request.resume {
                if let Some(entry) = self.previous.get(&file) {
                    if manifest::is_intact(&self.dir, entry) {
                        letters.push(LetterOutcome::Skipped);
                        continue;
                    }
                }
            }
            let letter = match self.letter(&draft_request, recipient, &mut warnings) {
                Ok(letter) => letter,
                Err(e) => return fail(&clean_row, e.to_string(), warnings),
            };
            if self.request.combine && options.format == Format::Pdf {
                match render::pdf::typeset(&letter, &options.pdf) {
                    Ok(typeset) => {
                        letters.push(LetterOutcome::CombinedPdf(
                            Box::new(typeset),
                            letter.language,
                        ));
                        continue;
                    }
                    Err(e) => return fail(&clean_row, e.to_string(), warnings),
                }
            }
            let rendered = if self.request.combine && options.format == Format::Json {
                Ok(render::json::render_line(&letter).into_bytes())
            } else {
                render::render(&letter, options)
            };
            let bytes = match rendered {
                Ok(bytes) => bytes,
                Err(e) => return fail(&clean_row, e.to_string(), warnings),
            };
            if self.request.combine {
                letters.push(LetterOutcome::Combined(bytes, letter.language));
                continue;
            }
            let entry = manifest::Entry {
                row: row.row,
                signer: draft_request.sender.name.clone(),
                recipient: recipient.clone(),
                language: letter.language,
                file,
                bytes: bytes.len() as u64,
                sha256: manifest::sha256(&bytes),
            };
            letters.push(LetterOutcome::Composed(entry, bytes));
        }
        RowOutcome::Done { letters, warnings }
    }
}

/// The combined output file of `--combine`.
pub fn combined_file_name(template: &str, format: Format) -> String {
    match format {
        Format::Json => format!("{template}.jsonl"),
        _ => format!("{template}.{}", format.extension()),
    }
}

/// The bytes between letters in a combined file.
fn combined_separator(format: Format) -> &'static [u8] {
    match format {
        Format::Json | Format::Mbox | Format::Mailto => b"",
        _ => b"\x0c\n",
    }
}

/// Prepares the output directory: refuses to mix with an earlier batch unless resuming.
fn prepare_out_dir(request: &BatchRequest) -> Result<()> {
    let dir = &request.out_dir;
    std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    let manifest_path = dir.join(manifest::FILE);
    let exists = sink::target::inspect(&manifest_path)? != sink::target::Existing::Nothing;
    if exists && !request.resume {
        return Err(Error::flag(
            "--out-dir",
            format!(
                "{} already holds a batch ({}): pass --resume to finish it without writing anything twice, or choose another directory",
                dir.display(),
                manifest::FILE
            ),
        ));
    }
    remove_leftovers(dir)
}

/// Opens the manifest, with the letters an earlier run recorded when resuming.
fn open_manifest(
    request: &BatchRequest,
    observer: &dyn Observer,
) -> Result<(manifest::Writer, manifest::Previous)> {
    let path = request.out_dir.join(manifest::FILE);
    let (writer, previous, warning) = manifest::Writer::open(&path)?;
    if let Some(warning) = warning {
        observer.warn(&warning);
    }
    Ok((writer, previous))
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
    if request.combine && request.resume {
        return Err(Error::flag(
            "--resume",
            "a combined file is written in one piece: run the batch again without --resume",
        ));
    }
    let mut warnings = Vec::new();
    let planner = Planner::new(
        &request.letter.template,
        data,
        today,
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
    }
    let mut seen_warnings: HashSet<String> = HashSet::new();
    for warning in warnings {
        if seen_warnings.insert(warning.clone()) {
            observer.warn(&warning);
        }
    }
    prepare_out_dir(request)?;
    let (manifest, previous) = if request.combine {
        (None, HashMap::new())
    } else {
        let (writer, previous) = open_manifest(request, observer)?;
        (Some(writer), previous)
    };
    let dir =
        std::fs::canonicalize(&request.out_dir).map_err(|e| Error::write(&request.out_dir, e))?;
    let source = rows.source.clone();
    let failures = failures::FailureFile::new(&request.out_dir, rows.header.clone());
    let engine = Engine {
        request,
        dir,
        planner,
        composer,
        previous,
        source,
    };
    if request.sign_on {
        let manifest = manifest.ok_or_else(|| {
            Error::flag(
                "--combine",
                "a sign-on letter is one letter: leave out --combine",
            )
        })?;
        return sign_on(&engine, rows, failures, manifest, observer, started)
            .map_err(|error| stopped(error, None, true));
    }

    // Letters are appended to the combined file as they come, a PDF's through
    // `render::pdf::Combined`, which numbers each letter's objects as it writes them.
    let combined_path = request.out_dir.join(combined_file_name(
        &request.letter.template,
        request.render.format,
    ));
    let (combined, pdf) = if request.combine {
        let staged = sink::Staged::new(&request.out_dir, combined_path.clone())?;
        if request.render.format == Format::Pdf {
            let pdf =
                render::pdf::Combined::new(staged).map_err(|e| Error::write(&combined_path, e))?;
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
    let mut summary = match finish(&mut outputs, &engine) {
        Ok(()) => std::mem::take(&mut outputs.summary),
        Err(error) => return Err(outputs.stop(error)),
    };
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Puts the batch's files in place once every letter is done: the manifest on disk, the
/// combined file renamed into place, the failed rows' file.
fn finish(outputs: &mut Outputs<'_>, engine: &Engine<'_>) -> Result<()> {
    if let Some(manifest) = &mut outputs.manifest {
        manifest.sync()?;
    }
    let path = outputs.combined_path.clone();
    // The combined file, complete, when it has letters.
    let complete = match (outputs.pdf.take(), outputs.combined.take()) {
        (Some(pdf), _) => match outputs.first_language {
            // Titled with the campaign's name in the first letter's language.
            Some(language) => Some(
                pdf.finish(engine.planner.template().name_in(language))
                    .map_err(|e| Error::write(&path, e))?,
            ),
            None => None,
        },
        (None, Some(file)) => {
            let staged = file
                .into_inner()
                .map_err(|e| Error::write(&path, e.into_error()))?;
            (outputs.summary.written > 0).then_some(staged)
        }
        (None, None) => None,
    };
    if let Some(staged) = complete {
        staged.commit(true)?;
    }
    if outputs.failures.count() > 0 {
        outputs.summary.failures_file = Some(outputs.failures.path().to_path_buf());
    }
    outputs.failures.finish()
}

/// One letter per recipient from the whole list: every row a co-signer, in input order,
/// without repeats.
fn sign_on(
    engine: &Engine<'_>,
    rows: SignersReader,
    mut failures: failures::FailureFile,
    mut manifest: manifest::Writer,
    observer: &dyn Observer,
    started: Instant,
) -> Result<Summary> {
    let request = engine.request;
    if request.letter.sender.name.trim().is_empty() {
        return Err(Error::MissingChoices {
            missing: vec!["--sender-name <NAME> (who signs the sign-on letter)".to_string()],
            hint: "the co-signers come from the rows; the letter itself is signed by --sender-name (or [sender] in letters.toml)".to_string(),
        });
    }
    let mut summary = Summary::default();
    let mut cosigners: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for item in rows {
        let row = match item {
            Ok(row) if row.is_blank() => {
                summary.blank += 1;
                continue;
            }
            Ok(row) => row,
            Err(bad) => {
                summary.rows += 1;
                summary.failed_rows += 1;
                record_failure(&mut failures, observer, &engine.source, bad.into())?;
                continue;
            }
        };
        summary.rows += 1;
        let mut warnings = Vec::new();
        // Co-signers speak for themselves: no defaults are filled in.
        match engine.row_request(&row, &Sender::default(), &mut warnings) {
            Ok((parsed, _)) => {
                for warning in warnings {
                    observer.warn(&warning);
                }
                let own = &parsed.sender;
                let line = [
                    own.name.as_str(),
                    own.title.as_str(),
                    own.organization.as_str(),
                ]
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
                let key = line.to_lowercase();
                if seen.insert(key) {
                    cosigners.push(line);
                } else {
                    summary.duplicates += 1;
                }
            }
            Err(reason) => {
                summary.failed_rows += 1;
                observer.warn(&format!("{} row {}: {reason}", engine.source, row.row));
                failures.add(&Failure {
                    row: row.row,
                    line: row.line,
                    cells: row.cells.clone(),
                    error: reason,
                })?;
            }
        }
    }
    let draft_request = request.letter.clone();
    for recipient in engine.planner.recipients(&request.letter.recipients)? {
        let mut warnings = Vec::new();
        let mut draft = engine
            .planner
            .draft(&recipient, &draft_request, &mut warnings)?;
        for warning in warnings {
            observer.warn(&warning);
        }
        draft.cosigners.clone_from(&cosigners);
        let letter = engine.composer.compose(&draft)?;
        let bytes = render::render(&letter, &request.render)?;
        let file = format!(
            "{}--{}--{}.{}",
            request.letter.template,
            recipient,
            letter.language,
            request.render.format.extension()
        );
        sink::write_atomic(&request.out_dir.join(&file), &bytes)?;
        manifest.append(&manifest::Entry {
            row: 0,
            signer: request.letter.sender.name.clone(),
            recipient,
            language: letter.language,
            file,
            bytes: bytes.len() as u64,
            sha256: manifest::sha256(&bytes),
        })?;
        summary.written += 1;
        observer.letters_done(1);
    }
    manifest.sync()?;
    if failures.count() > 0 {
        summary.failures_file = Some(failures.path().to_path_buf());
    }
    failures.finish()?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}
