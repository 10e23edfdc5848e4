//! `failed.csv` (or `failed.jsonl` for JSON Lines input): every row that failed, with its
//! original columns and an `error` column, ready to fix and run again. Control characters
//! in names, cells and errors are written escaped (`\u{1b}`), so the file is safe to show
//! on a terminal; such a cell is what made its row fail, and is for the user to fix.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result, Source};
use crate::letter::naming;
use crate::load::signers::{BadRow, SignerRow};
use crate::sink::Staged;
use crate::text::control_chars;

/// One failed row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub row: usize,
    pub line: u64,
    pub cells: Vec<(String, String)>,
    /// The reason, in English: the failures file's `error` column.
    pub error: String,
    /// The reason in the interface's language, for the warning on standard error.
    pub said: String,
}

impl Failure {
    /// The warning that says it failed: "s.csv row 3: …", in the interface's language.
    pub fn warning(&self, source: &str) -> String {
        crate::messages::format(
            crate::messages::language(),
            "row-failed",
            &[
                ("source", source),
                ("row", &self.row.to_string()),
                ("reason", &self.said),
            ],
        )
    }

    /// A row that failed with `error`: its cells as read, and the reason.
    pub fn of(row: &SignerRow, error: &Error) -> Failure {
        Failure {
            row: row.row,
            line: row.line,
            cells: row.cells.clone(),
            error: reason(error),
            said: crate::error::row_reason_in(error, crate::messages::language()),
        }
    }
}

impl From<BadRow> for Failure {
    fn from(bad: BadRow) -> Failure {
        Failure {
            row: bad.row,
            line: bad.line,
            cells: bad.cells,
            said: bad.reason.clone(),
            error: bad.reason,
        }
    }
}

/// What went wrong with a row, without the file and row that every report of a failed
/// row names anyway.
pub fn reason(error: &Error) -> String {
    match error {
        Error::Invalid {
            origin: Source::Cell { column, .. },
            message,
        } => format!("column `{column}`: {message}"),
        other => other.to_string(),
    }
}

/// Collects failures into a temporary file, put in place by `finish`.
pub struct FailureFile {
    path: PathBuf,
    header: Vec<String>,
    json: bool,
    temp: Option<Staged>,
    count: usize,
    /// A dry run counts failures and writes nothing.
    dry_run: bool,
}

impl FailureFile {
    /// Failures for a CSV with `header`, or for JSON Lines when `header` is empty.
    pub fn new(dir: &Path, header: Vec<String>, dry_run: bool) -> FailureFile {
        let json = header.is_empty();
        let name = if json {
            naming::FAILED_JSONL
        } else {
            naming::FAILED_CSV
        };
        FailureFile {
            path: dir.join(name),
            header: header.iter().map(|h| text(h)).collect(),
            json,
            temp: None,
            count: 0,
            dry_run,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn count(&self) -> usize {
        self.count
    }

    fn create(&self) -> Result<Staged> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let mut temp = Staged::new(dir, self.path.clone())?;
        if !self.json {
            let mut writer = csv::Writer::from_writer(temp.file());
            let mut header = self.header.clone();
            header.push("error".to_string());
            writer
                .write_record(&header)
                .map_err(|e| csv_error(&self.path, e))?;
            writer.flush().map_err(|e| Error::write(&self.path, e))?;
        }
        Ok(temp)
    }

    fn temp(&mut self) -> Result<&mut Staged> {
        let temp = match self.temp.take() {
            Some(temp) => temp,
            None => self.create()?,
        };
        Ok(self.temp.insert(temp))
    }

    pub fn add(&mut self, failure: &Failure) -> Result<()> {
        self.count += 1;
        if self.dry_run {
            return Ok(());
        }
        let path = self.path.clone();
        let json = self.json;
        let header = self.header.clone();
        let temp = self.temp()?;
        if json {
            let mut object = serde_json::Map::new();
            for (k, v) in &failure.cells {
                object.insert(text(k), serde_json::Value::String(text(v)));
            }
            object.insert(
                "error".into(),
                serde_json::Value::String(text(&failure.error)),
            );
            let mut line =
                serde_json::to_vec(&object).map_err(|e| Error::write(&path, e.into()))?;
            line.push(b'\n');
            use std::io::Write;
            temp.file()
                .write_all(&line)
                .map_err(|e| Error::write(&path, e))?;
        } else {
            let mut record: Vec<String> = header
                .iter()
                .enumerate()
                .map(|(i, _)| {
                    failure
                        .cells
                        .get(i)
                        .map(|(_, v)| text(v))
                        .unwrap_or_default()
                })
                .collect();
            record.extend(
                failure
                    .cells
                    .iter()
                    .skip(header.len())
                    .map(|(_, v)| text(v)),
            );
            record.push(text(&failure.error));
            let mut writer = csv::WriterBuilder::new()
                .flexible(true)
                .from_writer(temp.file());
            writer
                .write_record(&record)
                .map_err(|e| csv_error(&path, e))?;
            writer.flush().map_err(|e| Error::write(&path, e))?;
        }
        Ok(())
    }

    /// Puts the rows failed so far in place, for a batch that stops early.
    pub fn keep_so_far(&mut self) -> Result<()> {
        match self.temp.take() {
            Some(temp) => temp.commit(false),
            None => Ok(()),
        }
    }

    /// Puts the file in place, or removes an old one when nothing failed.
    pub fn finish(&mut self) -> Result<()> {
        if self.dry_run {
            return Ok(());
        }
        match self.temp.take() {
            Some(temp) => temp.commit(false),
            None if self.count > 0 => Ok(()),
            None => match std::fs::remove_file(&self.path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    Err(Error::write(&self.path, e))
                }
                _ => Ok(()),
            },
        }
    }
}

/// A name, cell or error as written: control characters escaped.
fn text(value: &str) -> String {
    control_chars::escape(value).into_owned()
}

fn csv_error(path: &Path, e: csv::Error) -> Error {
    Error::write(path, std::io::Error::other(e.to_string()))
}
