//! Where a batch's composed rows go, chunk by chunk and in input order: each letter is
//! written to its file and then recorded in the manifest, or appended to the combined
//! file (a PDF's objects numbered on from the letters before it); failed rows and
//! warnings are reported.

use std::collections::HashSet;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::chunks::{Chunk, Event};
use super::engine::{LetterOutcome, RowOutcome};
use super::{failures, manifest, record_failure, stopped, Observer, Summary};
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::model::Language;
use crate::render::pdf::Combined;
use crate::render::Format;
use crate::sink;

pub struct Outputs<'a> {
    /// The output directory, absolute.
    pub dir: &'a Path,
    pub observer: &'a dyn Observer,
    /// The signers file, for messages.
    pub source: &'a str,
    pub format: Format,
    /// Whether every letter goes into one combined file (which --resume cannot finish).
    pub combine: bool,
    pub seen_warnings: HashSet<String>,
    pub summary: Summary,
    pub failures: failures::FailureFile,
    /// The manifest, unless the letters are combined.
    pub manifest: Option<manifest::Writer>,
    /// The combined file being written (all formats but PDF), and where it goes.
    pub combined: Option<BufWriter<sink::Staged>>,
    pub combined_path: PathBuf,
    /// The combined PDF being written.
    pub pdf: Option<Combined<sink::Staged>>,
    pub first_language: Option<Language>,
    /// Write nothing: count what would be written.
    pub dry_run: bool,
}

/// The bytes between letters in a combined file.
fn combined_separator(format: Format) -> &'static [u8] {
    match format {
        Format::Json | Format::Mbox | Format::Mailto => b"",
        _ => b"\x0c\n",
    }
}

impl Outputs<'_> {
    /// Shows a warning unless it was shown already.
    pub fn warn_once(&mut self, warning: String) {
        if !self.seen_warnings.contains(&warning) {
            self.observer.warn(&warning);
            self.seen_warnings.insert(warning);
        }
    }

    /// Takes a chunk: what was found reading its rows, then its rows' letters. A file
    /// that cannot be written (a letter, the manifest, failed rows, the combined file)
    /// stops the batch, keeping what was written.
    pub fn take(&mut self, chunk: Chunk, outcomes: Vec<RowOutcome>) -> Result<()> {
        self.take_all(chunk, outcomes)
            .map_err(|error| self.stop(error))
    }

    fn take_all(&mut self, chunk: Chunk, outcomes: Vec<RowOutcome>) -> Result<()> {
        for event in chunk.events {
            match event {
                Event::Warning(warning) => self.observer.warn(&warning),
                Event::Unreadable(failure) => {
                    record_failure(
                        &mut self.summary,
                        &mut self.failures,
                        self.observer,
                        self.source,
                        failure,
                    )?;
                }
            }
        }
        for outcome in outcomes {
            let outcome = self.write_files(outcome)?;
            self.take_row(outcome)?;
        }
        // The chunk's files are in place: now the manifest may say so.
        if let Some(manifest) = &mut self.manifest {
            manifest.flush()?;
        }
        Ok(())
    }

    /// Writes the files of a row's letters. A file that cannot be written (a full disk,
    /// a read-only directory) stops the batch: no later row could be written either.
    /// The row's files written before it stay, unrecorded, for --resume to write again.
    fn write_files(&self, outcome: RowOutcome) -> Result<RowOutcome> {
        if self.dry_run {
            return Ok(outcome);
        }
        if let RowOutcome::Done { letters, .. } = &outcome {
            for letter in letters {
                if let LetterOutcome::Composed(entry, bytes) = letter {
                    sink::write_atomic_unsynced(self.dir, &entry.file, bytes)?;
                }
            }
        }
        Ok(outcome)
    }

    /// Stops the batch after an output `error`, keeping what was written: the manifest
    /// lines of the letters on disk and the rows failed so far, as far as there is room
    /// for them (what cannot be recorded, --resume simply writes again).
    pub fn stop(&mut self, error: Error) -> Error {
        if error.exit_code() != Exit::Output || matches!(error, Error::BatchStopped { .. }) {
            return error;
        }
        let recorded = self.manifest.as_mut().is_none_or(|m| m.sync().is_ok());
        // Failed rows are kept unless their own file is what could not be written (a
        // half-written file is worse than none: --resume finds those rows again).
        let failures_broke =
            matches!(&error, Error::Io { path, .. } if path == self.failures.path());
        if !failures_broke {
            let _ = self.failures.keep_so_far();
        }
        stopped(
            error,
            recorded.then_some(self.summary.written),
            !self.combine,
        )
    }

    fn take_row(&mut self, outcome: RowOutcome) -> Result<()> {
        let (letters, row_warnings) = match outcome {
            RowOutcome::Done {
                letters, warnings, ..
            } => (letters, warnings),
            RowOutcome::Failed(failure, row_warnings) => {
                for warning in row_warnings {
                    self.warn_once(warning);
                }
                self.summary.fail(failure.row, &failure.error);
                self.observer.warn(&failure.warning(self.source));
                self.observer.letters_done(0, 1);
                return self.failures.add(&failure);
            }
        };
        for warning in row_warnings {
            self.warn_once(warning);
        }
        let mut done = 0;
        for letter in letters {
            match letter {
                LetterOutcome::Composed(mut entry, _) => {
                    if let Some(manifest) = &mut self.manifest {
                        entry.time = sink::timestamp();
                        manifest.append(&entry)?;
                    }
                    self.summary.wrote(&entry.recipient, entry.language);
                }
                LetterOutcome::Skipped => self.summary.skipped += 1,
                LetterOutcome::Combined(bytes, recipient, language) => {
                    self.first_language.get_or_insert(language);
                    if let Some(file) = &mut self.combined {
                        if self.summary.written > 0 {
                            file.write_all(combined_separator(self.format))
                                .map_err(|e| Error::write(&self.combined_path, e))?;
                        }
                        file.write_all(&bytes)
                            .map_err(|e| Error::write(&self.combined_path, e))?;
                    }
                    self.summary.wrote(&recipient, language);
                }
                LetterOutcome::CombinedPdf(typeset, recipient, language) => {
                    self.first_language.get_or_insert(language);
                    if let Some(pdf) = &mut self.pdf {
                        pdf.add(&typeset)
                            .map_err(|e| Error::write(&self.combined_path, e))?;
                    }
                    self.summary.wrote(&recipient, language);
                }
            }
            done += 1;
        }
        if done > 0 {
            self.summary.signers += 1;
        }
        self.observer.letters_done(done, 1);
        Ok(())
    }

    /// Puts the batch's files in place once every letter is done: the manifest on disk,
    /// the combined file (a PDF titled `title`, the campaign's name) renamed into place,
    /// the failed rows' file.
    pub fn finish(&mut self, title: Option<&str>) -> Result<()> {
        if let Some(manifest) = &mut self.manifest {
            manifest.sync()?;
        }
        let path = self.combined_path.clone();
        // The combined file, complete, when it has letters.
        let complete = match (self.pdf.take(), self.combined.take()) {
            (Some(pdf), _) => match title {
                Some(title) => Some(pdf.finish(title).map_err(|e| Error::write(&path, e))?),
                None => None,
            },
            (None, Some(file)) => {
                let staged = file
                    .into_inner()
                    .map_err(|e| Error::write(&path, e.into_error()))?;
                (self.summary.written > 0).then_some(staged)
            }
            (None, None) => None,
        };
        if let Some(staged) = complete {
            staged.commit(true)?;
            self.summary.combined_file = Some(path);
        }
        if self.failures.count() > 0 {
            self.summary.failures_file = Some(self.failures.path().to_path_buf());
        }
        self.failures.finish()
    }
}
