//! Reading signers for a batch: CSV (delimiter and encoding detected, BOM, quoted cells
//! with separators, quotes and line breaks) or JSON Lines, from a file or stdin, one row
//! at a time so memory does not grow with the number of rows.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use encoding_rs_io::DecodeReaderBytesBuilder;

use crate::error::{Error, Result};

/// The text encoding of a signers file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SignersEncoding {
    /// UTF-8 when the start of the file is valid UTF-8 (or has a BOM), else Windows-1252.
    Auto,
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// Windows-1252 (also accepts latin1 / iso-8859-1), as Excel exports in Western locales.
    #[value(
        name = "windows-1252",
        alias = "cp1252",
        alias = "latin1",
        alias = "iso-8859-1"
    )]
    Windows1252,
}

/// The shape of a signers file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignersFormat {
    Csv { delimiter: u8 },
    JsonLines,
}

/// One data row: its number as a spreadsheet shows it (the header is row 1, so the first
/// data row of a CSV is row 2; in JSON Lines, the line number) and its cells by column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignerRow {
    pub row: usize,
    /// The line of the file the row starts on.
    pub line: u64,
    /// Cells in column order, with the header's names.
    pub cells: Vec<(String, String)>,
    /// The column names, normalized (see [`normalize_column`]), in the same order.
    pub keys: std::sync::Arc<Vec<String>>,
}

impl SignerRow {
    /// The cell of a column, matched by its normalized name.
    pub fn get(&self, column: &str) -> Option<&str> {
        self.keys
            .iter()
            .position(|key| key == column)
            .and_then(|i| self.cells.get(i))
            .map(|(_, value)| value.as_str())
    }

    /// A row from cells, normalizing the column names.
    pub fn new(row: usize, line: u64, cells: Vec<(String, String)>) -> SignerRow {
        let keys = std::sync::Arc::new(cells.iter().map(|(k, _)| normalize_column(k)).collect());
        SignerRow {
            row,
            line,
            cells,
            keys,
        }
    }

    /// Whether every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|(_, v)| v.trim().is_empty())
    }
}

/// A row that could not be read, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub row: usize,
    pub line: u64,
    pub cells: Vec<(String, String)>,
    pub reason: String,
}

/// A column name as matched: lowercase, trimmed, spaces and hyphens as underscores.
pub fn normalize_column(name: &str) -> String {
    name.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

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

    fn open(&self) -> Result<Box<dyn Read + Send>> {
        Ok(match self {
            SignersSource::File(path) => {
                Box::new(File::open(path).map_err(|e| Error::read(path, e))?)
            }
            SignersSource::Stdin => Box::new(io::stdin()),
            SignersSource::Bytes { bytes, .. } => Box::new(io::Cursor::new(bytes.clone())),
        })
    }

    fn looks_like_json_lines(&self, start: &[u8]) -> bool {
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
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'{')
    }
}

const SNIFF_BYTES: usize = 64 * 1024;

/// The largest cell accepted: far more than any name, address or paragraph, far less
/// than a runaway quote swallowing the rest of a file.
pub const MAX_CELL_BYTES: usize = 64 * 1024;

fn oversized(column: &str, len: usize) -> String {
    let size = if len >= 1024 * 1024 {
        format!("{} MB", len / (1024 * 1024))
    } else {
        format!("{} KB", len / 1024)
    };
    format!(
        "the `{column}` cell holds {size}; cells over {} KB are refused (look for a quote that is opened and never closed)",
        MAX_CELL_BYTES / 1024
    )
}

/// Whether `bytes` is UTF-8, allowing a character cut at the end.
fn is_utf8_prefix(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4,
    }
}

/// The delimiter used most in the first line, outside quotes.
pub fn detect_delimiter(start: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in start.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        candidates[best]
    }
}

/// An open signers file: its detected shape, and its rows one at a time.
pub struct SignersReader {
    pub source: String,
    pub format: SignersFormat,
    pub encoding: &'static Encoding,
    rows: Box<dyn Iterator<Item = std::result::Result<SignerRow, BadRow>> + Send>,
    /// The header, for writing failed rows back (CSV only).
    pub header: Vec<String>,
}

impl SignersReader {
    /// Opens `source`, detecting its format, encoding and delimiter (unless given).
    pub fn open(
        source: &SignersSource,
        encoding: SignersEncoding,
        delimiter: Option<u8>,
    ) -> Result<SignersReader> {
        let name = source.name();
        let mut reader = BufReader::with_capacity(SNIFF_BYTES, source.open()?);
        let start = reader
            .fill_buf()
            .map_err(|e| Error::read(Path::new(&name), e))?
            .to_vec();
        let bom = start.starts_with(&[0xEF, 0xBB, 0xBF]);
        let encoding: &'static Encoding = match encoding {
            SignersEncoding::Utf8 => UTF_8,
            SignersEncoding::Windows1252 => WINDOWS_1252,
            SignersEncoding::Auto if bom || is_utf8_prefix(&start) => UTF_8,
            SignersEncoding::Auto => WINDOWS_1252,
        };
        if bom {
            reader.consume(3);
        }
        let sniffed = encoding.decode_without_bom_handling(&start).0.into_owned();
        let text: Box<dyn Read + Send> = if encoding == UTF_8 {
            Box::new(reader)
        } else {
            Box::new(
                DecodeReaderBytesBuilder::new()
                    .encoding(Some(encoding))
                    .build(reader),
            )
        };
        if source.looks_like_json_lines(&start) {
            return Ok(SignersReader {
                source: name.clone(),
                format: SignersFormat::JsonLines,
                encoding,
                rows: Box::new(json_lines(name, text)),
                header: Vec::new(),
            });
        }
        let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(&sniffed));
        let mut csv = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(text);
        let header_record = csv
            .byte_headers()
            .map_err(|e| Error::data(&name, format!("cannot read the header row: {e}")))?;
        let header: Vec<String> = header_record
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim().to_string())
            .collect();
        if header.iter().all(|h| h.is_empty()) {
            return Err(Error::data(
                &name,
                "the first row must name the columns (name, title, organization, email, …)",
            ));
        }
        let rows = csv_rows(name.clone(), csv, header.clone(), delimiter);
        Ok(SignersReader {
            source: name,
            format: SignersFormat::Csv { delimiter },
            encoding,
            rows: Box::new(rows),
            header,
        })
    }
}

impl Iterator for SignersReader {
    type Item = std::result::Result<SignerRow, BadRow>;

    fn next(&mut self) -> Option<Self::Item> {
        self.rows.next()
    }
}

fn csv_rows<R: Read + Send + 'static>(
    source: String,
    mut csv: csv::Reader<R>,
    header: Vec<String>,
    delimiter: u8,
) -> impl Iterator<Item = std::result::Result<SignerRow, BadRow>> + Send {
    // The header is row 1, as in a spreadsheet.
    let mut row = 1usize;
    let header_keys: Vec<String> = header.iter().map(|h| normalize_column(h)).collect();
    let shared_keys = std::sync::Arc::new(header_keys.clone());
    let mut record = csv::ByteRecord::new();
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        row += 1;
        match csv.read_byte_record(&mut record) {
            Ok(false) => {
                done = true;
                None
            }
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line());
                let mut cells = Vec::with_capacity(header.len());
                let mut reason = None;
                for (i, field) in record.iter().enumerate() {
                    let value = match std::str::from_utf8(field) {
                        Ok(v) => v.to_string(),
                        Err(_) => {
                            reason.get_or_insert_with(|| {
                                "this row is not valid UTF-8 although the file's start is: pass --encoding windows-1252 if the file was exported that way".to_string()
                            });
                            String::from_utf8_lossy(field).into_owned()
                        }
                    };
                    let name = header
                        .get(i)
                        .cloned()
                        .unwrap_or_else(|| format!("column {}", i + 1));
                    if value.len() > MAX_CELL_BYTES {
                        reason.get_or_insert_with(|| oversized(&name, value.len()));
                        cells.push((name, String::new()));
                        continue;
                    }
                    cells.push((name, value));
                }
                if record.len() > header.len()
                    && cells[header.len()..]
                        .iter()
                        .any(|(_, v)| !v.trim().is_empty())
                {
                    reason.get_or_insert_with(|| format!(
                        "this row has {} cells but the header names {} columns: check for an unquoted separator",
                        record.len(),
                        header.len()
                    ));
                }
                // A quote never closed swallows the rest of the file into one cell: the
                // row comes out short, its last cell holding line breaks.
                let swallowed = record.len() < header.len()
                    && cells
                        .last()
                        .is_some_and(|(_, v)| v.contains('\n') && v.contains(delimiter as char));
                if swallowed {
                    reason.get_or_insert_with(|| {
                        "this row opens a quote that is never closed, so it swallowed the rows after it: close the quote (\"…\") and run again".to_string()
                    });
                }
                Some(match reason {
                    Some(reason) => Err(BadRow {
                        row,
                        line,
                        cells,
                        reason,
                    }),
                    None if cells.len() == shared_keys.len() => Ok(SignerRow {
                        row,
                        line,
                        cells,
                        keys: std::sync::Arc::clone(&shared_keys),
                    }),
                    None => Ok(SignerRow::new(row, line, cells)),
                })
            }
            Err(e) => {
                done = !matches!(e.kind(), csv::ErrorKind::Utf8 { .. });
                let line = e.position().map_or(0, |p| p.line());
                Some(Err(BadRow {
                    row,
                    line,
                    cells: Vec::new(),
                    reason: format!("{source}: cannot read this row: {e}"),
                }))
            }
        }
    })
}

fn json_lines<R: Read + Send + 'static>(
    source: String,
    text: R,
) -> impl Iterator<Item = std::result::Result<SignerRow, BadRow>> + Send {
    let mut lines = BufReader::new(text).lines();
    let mut line_number = 0u64;
    std::iter::from_fn(move || loop {
        let line = match lines.next()? {
            Ok(line) => line,
            Err(e) => {
                return Some(Err(BadRow {
                    row: line_number as usize + 1,
                    line: line_number + 1,
                    cells: Vec::new(),
                    reason: format!("{source}: cannot read: {e}"),
                }));
            }
        };
        line_number += 1;
        if line.trim().is_empty() {
            continue;
        }
        let row = line_number as usize;
        let parsed: std::result::Result<serde_json::Map<String, serde_json::Value>, _> =
            serde_json::from_str(line.trim_start_matches('\u{feff}'));
        if let Ok(object) = &parsed {
            if let Some((column, value)) = object
                .iter()
                .find(|(_, v)| v.to_string().len() > MAX_CELL_BYTES)
            {
                return Some(Err(BadRow {
                    row,
                    line: line_number,
                    cells: Vec::new(),
                    reason: oversized(column, value.to_string().len()),
                }));
            }
        }
        return Some(match parsed {
            Ok(object) => Ok(SignerRow::new(
                row,
                line_number,
                object.into_iter().map(|(k, v)| (k, json_cell(v))).collect(),
            )),
            Err(e) => Err(BadRow {
                row,
                line: line_number,
                cells: vec![("line".to_string(), line)],
                reason: format!("not a JSON object: {e}"),
            }),
        });
    })
}

fn json_cell(value: serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s,
        serde_json::Value::Array(items) => items
            .into_iter()
            .map(json_cell)
            .collect::<Vec<_>>()
            .join(","),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], name: &str) -> Vec<std::result::Result<SignerRow, BadRow>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        SignersReader::open(&SignersSource::File(path), SignersEncoding::Auto, None)
            .unwrap()
            .collect()
    }

    #[test]
    fn delimiters_are_detected() {
        assert_eq!(detect_delimiter("name;email;\"a,b\"\n1,2,3,4"), b';');
        assert_eq!(detect_delimiter("name\temail\n"), b'\t');
        assert_eq!(detect_delimiter("name,email\n"), b',');
        assert_eq!(detect_delimiter("name\n"), b',');
    }

    #[test]
    fn excel_export_in_windows_1252_with_semicolons() {
        let bytes = b"Name;Organization;City\r\nJos\xe9 N\xfa\xf1ez;\"Red \"\"Uno\"\"; Caracas\";M\xe9rida\r\n";
        let rows = read(bytes, "s.csv");
        let row = rows[0].as_ref().unwrap();
        assert_eq!(row.get("name"), Some("José Núñez"));
        assert_eq!(row.get("organization"), Some("Red \"Uno\"; Caracas"));
        assert_eq!(row.get("city"), Some("Mérida"));
    }

    #[test]
    fn utf8_with_bom_and_line_breaks_in_cells() {
        let bytes = "\u{feff}name,address\n\"O'Brien, Ana\",\"Calle 1\nCaracas\"\n".as_bytes();
        let rows = read(bytes, "s.csv");
        let row = rows[0].as_ref().unwrap();
        assert_eq!(row.get("name"), Some("O'Brien, Ana"));
        assert_eq!(row.get("address"), Some("Calle 1\nCaracas"));
        assert_eq!(row.row, 2);
    }

    #[test]
    fn json_lines_rows() {
        let rows = read(
            b"{\"name\": \"Ana\", \"to\": [\"a\", \"b\"]}\n\n{bad\n",
            "s.jsonl",
        );
        assert_eq!(rows[0].as_ref().unwrap().get("to"), Some("a,b"));
        let bad = rows[1].as_ref().unwrap_err();
        assert_eq!((bad.row, bad.line), (3, 3));
    }
}
