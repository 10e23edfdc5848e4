//! Reading signers for a batch: CSV (delimiter and encoding detected, BOM, quoted cells
//! with separators, quotes and line breaks) or JSON Lines, from a file or stdin, one row
//! at a time so memory does not grow with the number of rows, and no row holds more than
//! [`MAX_COLUMNS`] cells of [`MAX_CELL_BYTES`], [`MAX_ROW_BYTES`] in all.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use encoding_rs::{Encoding, UTF_16LE, UTF_8, WINDOWS_1252};
use encoding_rs_io::DecodeReaderBytesBuilder;

use crate::error::{Error, Result};

use super::csv_records::{CsvRecords, RawRecord};
use super::json_lines;

/// The text encoding of a signers file (`--encoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignersEncoding {
    /// UTF-8 or UTF-16 when the file starts with their BOM; else UTF-8 when the start of
    /// the file is valid UTF-8, else Windows-1252.
    Auto,
    Utf8,
    /// Windows-1252 (also latin1 / iso-8859-1), as Excel exports in Western locales.
    Windows1252,
    /// UTF-16 (Excel's "Unicode text"): as its BOM says, little-endian without one.
    Utf16,
}

impl SignersEncoding {
    /// Every encoding, in the order they are offered.
    pub const ALL: [SignersEncoding; 4] = [
        SignersEncoding::Auto,
        SignersEncoding::Utf8,
        SignersEncoding::Windows1252,
        SignersEncoding::Utf16,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            SignersEncoding::Auto => "auto",
            SignersEncoding::Utf8 => "utf-8",
            SignersEncoding::Windows1252 => "windows-1252",
            SignersEncoding::Utf16 => "utf-16",
        }
    }

    /// Other names it is known by.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            SignersEncoding::Auto => &[],
            SignersEncoding::Utf8 => &["utf8"],
            SignersEncoding::Windows1252 => &["cp1252", "latin1", "iso-8859-1"],
            SignersEncoding::Utf16 => &["utf16", "utf-16le", "utf-16be"],
        }
    }

    /// What it means, in a few words.
    pub fn description(self) -> &'static str {
        match self {
            SignersEncoding::Auto => "UTF-8 or UTF-16 by their BOM, else UTF-8 when the start is valid UTF-8, else Windows-1252",
            SignersEncoding::Utf8 => "UTF-8",
            SignersEncoding::Windows1252 => "Windows-1252 (latin1), as Excel exports in Western locales",
            SignersEncoding::Utf16 => "UTF-16 (Excel's \"Unicode text\"): as its BOM says, little-endian without one",
        }
    }
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

    /// How many bytes there are to read, when that is known.
    fn size(&self) -> Option<u64> {
        match self {
            SignersSource::File(path) => std::fs::metadata(path).ok().map(|m| m.len()),
            SignersSource::Stdin => None,
            SignersSource::Bytes { bytes, .. } => Some(bytes.len() as u64),
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

    fn looks_like_json_lines(&self, start: &str) -> bool {
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

const SNIFF_BYTES: usize = 64 * 1024;

/// The largest cell accepted: far more than any name, address or paragraph, far less
/// than a runaway quote swallowing the rest of a file.
pub const MAX_CELL_BYTES: usize = 64 * 1024;

/// The most cells a row (or the header) may have: far more columns than any signers
/// sheet, far fewer than a wrong delimiter or a runaway line makes.
pub const MAX_COLUMNS: usize = 1000;

/// The largest row accepted: room for four full cells. With the cell and column bounds,
/// it bounds what a chunk of rows in memory can cost, whatever the file holds.
pub const MAX_ROW_BYTES: usize = 4 * MAX_CELL_BYTES;

/// A size in a message: whole MB, or whole KB below a megabyte.
pub(super) fn size_text(len: usize) -> String {
    if len >= 1024 * 1024 {
        format!("{} MB", len / (1024 * 1024))
    } else {
        format!("{} KB", len / 1024)
    }
}

/// Why a cell of `len` bytes is refused.
pub(super) fn oversized(column: &str, len: usize) -> String {
    format!(
        "the `{column}` cell holds {}; cells over {} KB are refused (look for a quote that is opened and never closed)",
        size_text(len),
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
    /// How far reading has got, for a progress bar.
    pub progress: ReadProgress,
    pub format: SignersFormat,
    pub encoding: &'static Encoding,
    rows: Box<dyn Iterator<Item = std::result::Result<SignerRow, BadRow>> + Send>,
    /// The header, for writing failed rows back (CSV only).
    pub header: Vec<String>,
}

/// How much of a signers file has been read, and how much there is (unknown for
/// standard input).
#[derive(Debug, Clone, Default)]
pub struct ReadProgress {
    pub read: Arc<AtomicU64>,
    pub total: Option<u64>,
}

/// A reader that counts the bytes read through it.
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl SignersReader {
    /// Opens `source`, detecting its format, encoding and delimiter (unless given).
    pub fn open(
        source: &SignersSource,
        encoding: SignersEncoding,
        delimiter: Option<u8>,
    ) -> Result<SignersReader> {
        let name = source.name();
        let progress = ReadProgress {
            read: Arc::default(),
            total: source.size(),
        };
        let counted = Counted {
            inner: source.open()?,
            read: Arc::clone(&progress.read),
        };
        let mut reader = BufReader::with_capacity(SNIFF_BYTES, counted);
        let start = reader
            .fill_buf()
            .map_err(|e| Error::read(Path::new(&name), e))?
            .to_vec();
        // The encoding a byte order mark names (UTF-8, UTF-16LE or UTF-16BE), and its length.
        let bom = Encoding::for_bom(&start);
        let encoding: &'static Encoding = match (encoding, bom) {
            (SignersEncoding::Utf8, _) => UTF_8,
            (SignersEncoding::Windows1252, _) => WINDOWS_1252,
            (SignersEncoding::Utf16, Some((found, _))) if found != UTF_8 => found,
            (SignersEncoding::Utf16, _) => UTF_16LE,
            (SignersEncoding::Auto, Some((found, _))) => found,
            (SignersEncoding::Auto, None) if is_utf8_prefix(&start) => UTF_8,
            (SignersEncoding::Auto, None) => WINDOWS_1252,
        };
        let sniffed = encoding.decode_with_bom_removal(&start).0.into_owned();
        let text: Box<dyn BufRead + Send> = if encoding == UTF_8 {
            if let Some((_, len)) = bom.filter(|(found, _)| *found == UTF_8) {
                reader.consume(len);
            }
            Box::new(reader)
        } else {
            // A BOM, if any, is read and dropped by the decoder.
            Box::new(BufReader::new(
                DecodeReaderBytesBuilder::new()
                    .encoding(Some(encoding))
                    .build(reader),
            ))
        };
        if source.looks_like_json_lines(&sniffed) {
            return Ok(SignersReader {
                progress,
                source: name.clone(),
                format: SignersFormat::JsonLines,
                encoding,
                rows: Box::new(json_lines::rows(name, text)),
                header: Vec::new(),
            });
        }
        let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(&sniffed));
        let mut csv = CsvRecords::new(text, delimiter);
        let header_record = csv
            .next_record()
            .map_err(|e| Error::data(&name, format!("cannot read the header row: {e}")))?
            .unwrap_or_default();
        let header = read_header(&name, &header_record)?;
        let rows = csv_rows(name.clone(), csv, header.clone(), delimiter);
        Ok(SignersReader {
            progress,
            source: name,
            format: SignersFormat::Csv { delimiter },
            encoding,
            rows: Box::new(rows),
            header,
        })
    }
}

/// The column names of a header row, each named once.
fn read_header(name: &str, record: &RawRecord) -> Result<Vec<String>> {
    if record.columns > MAX_COLUMNS {
        return Err(Error::data(
            name,
            format!(
                "the header row has {} cells, more than the {MAX_COLUMNS} a signers file may have: check that the delimiter is right (--delimiter) and that the first row names the columns",
                record.columns
            ),
        ));
    }
    if let Some(at) = record.cells.iter().position(|c| !c.is_whole()) {
        return Err(Error::data(
            name,
            format!(
                "column {} of the header row holds {}; a column name is a word or two (is the first row the header?)",
                at + 1,
                size_text(record.cells[at].len)
            ),
        ));
    }
    let header: Vec<String> = record
        .cells
        .iter()
        .map(|h| String::from_utf8_lossy(&h.bytes).trim().to_string())
        .collect();
    if header.iter().all(|h| h.is_empty()) {
        return Err(Error::data(
            name,
            "the first row must name the columns (name, title, organization, email, …)",
        ));
    }
    let mut seen: Vec<(String, usize)> = Vec::with_capacity(header.len());
    for (i, column) in header.iter().enumerate() {
        let key = normalize_column(column);
        if key.is_empty() {
            continue;
        }
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            // As written, spaces and case included: they are what tells the two apart.
            let written = |at: usize| String::from_utf8_lossy(&record.cells[at].bytes).into_owned();
            return Err(Error::data(
                name,
                format!(
                    "the header names the column `{key}` twice: column {} (`{}`) and column {} (`{}`); rename or remove one",
                    first + 1,
                    written(*first),
                    i + 1,
                    written(i),
                ),
            ));
        }
        seen.push((key, i));
    }
    Ok(header)
}

impl Iterator for SignersReader {
    type Item = std::result::Result<SignerRow, BadRow>;

    fn next(&mut self) -> Option<Self::Item> {
        self.rows.next()
    }
}

fn csv_rows<R: BufRead + Send + 'static>(
    source: String,
    mut csv: CsvRecords<R>,
    header: Vec<String>,
    delimiter: u8,
) -> impl Iterator<Item = std::result::Result<SignerRow, BadRow>> + Send {
    // The header is row 1, as in a spreadsheet.
    let mut row = 1usize;
    let header_keys: Vec<String> = header.iter().map(|h| normalize_column(h)).collect();
    let shared_keys = std::sync::Arc::new(header_keys);
    std::iter::from_fn(move || {
        row += 1;
        let record = match csv.next_record() {
            Ok(Some(record)) => record,
            Ok(None) => return None,
            Err(e) => {
                return Some(Err(BadRow {
                    row,
                    line: 0,
                    cells: Vec::new(),
                    reason: format!("{source}: cannot read this row: {e}"),
                }))
            }
        };
        let line = record.line;
        let mut reason = None;
        if record.columns > MAX_COLUMNS {
            reason = Some(format!(
                "this row has {} cells, more than the {MAX_COLUMNS} a row may have: check for unquoted separators, or pass the right --delimiter",
                record.columns
            ));
        }
        let mut cells = Vec::with_capacity(record.cells.len());
        for (i, cell) in record.cells.into_iter().enumerate() {
            let name = header
                .get(i)
                .cloned()
                .unwrap_or_else(|| format!("column {}", i + 1));
            if cell.len > MAX_CELL_BYTES {
                reason.get_or_insert_with(|| oversized(&name, cell.len));
            }
            if !cell.is_whole() {
                // Too long itself, or past the row's bound (said below).
                cells.push((name, String::new()));
                continue;
            }
            let value = match String::from_utf8(cell.bytes) {
                Ok(v) => v,
                Err(e) => {
                    reason.get_or_insert_with(|| {
                        "this row is not valid UTF-8 although the file's start is: pass --encoding windows-1252 if the file was exported that way".to_string()
                    });
                    String::from_utf8_lossy(e.as_bytes()).into_owned()
                }
            };
            cells.push((name, value));
        }
        if record.bytes > MAX_ROW_BYTES {
            reason.get_or_insert_with(|| {
                format!(
                    "this row holds {}; rows over {} KB are refused (look for a quote that is opened and never closed)",
                    size_text(record.bytes),
                    MAX_ROW_BYTES / 1024
                )
            });
        }
        if record.columns > header.len()
            && cells[header.len().min(cells.len())..]
                .iter()
                .any(|(_, v)| !v.trim().is_empty())
        {
            reason.get_or_insert_with(|| {
                format!(
                    "this row has {} cells but the header names {} columns: check for an unquoted separator",
                    record.columns,
                    header.len()
                )
            });
        }
        // A quote never closed swallows the rest of the file into one cell: the
        // row comes out short, its last cell holding line breaks.
        let swallowed = record.columns < header.len()
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
    })
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

    fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
        let mut bytes = if little_endian {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        bytes
    }

    #[test]
    fn utf16_with_a_bom_either_way_round() {
        for little_endian in [true, false] {
            let bytes = utf16("Name\tCity\r\nJosé Núñez\tMérida\r\n", little_endian);
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("s.txt");
            std::fs::write(&path, bytes).unwrap();
            let reader =
                SignersReader::open(&SignersSource::File(path), SignersEncoding::Auto, None)
                    .unwrap();
            assert_eq!(reader.format, SignersFormat::Csv { delimiter: b'\t' });
            let rows: Vec<_> = reader.collect();
            let row = rows[0].as_ref().unwrap();
            assert_eq!(row.get("name"), Some("José Núñez"));
            assert_eq!(row.get("city"), Some("Mérida"));
        }
    }

    fn open_error(bytes: &[u8]) -> String {
        let source = SignersSource::Bytes {
            name: "s.csv".into(),
            bytes: bytes.to_vec(),
        };
        match SignersReader::open(&source, SignersEncoding::Auto, None) {
            Ok(_) => panic!("accepted"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn a_column_named_twice_is_refused() {
        let message = open_error(b"Name,email,name \nAna,a@example.org,Eva\n");
        assert!(
            message.contains("column 1 (`Name`) and column 3 (`name `)"),
            "{message}"
        );
        // Columns without a name are not named twice.
        let source = SignersSource::Bytes {
            name: "s.csv".into(),
            bytes: b"name,,\nAna,,\n".to_vec(),
        };
        assert!(SignersReader::open(&source, SignersEncoding::Auto, None).is_ok());
    }

    #[test]
    fn too_many_columns() {
        let header = format!("name{}\n", ",x".repeat(MAX_COLUMNS));
        assert!(open_error(header.as_bytes()).contains("the header row has 1001 cells"));
        let text = format!("name\n{}\nLuis\n", ",".repeat(1_000_000));
        let rows = read(text.as_bytes(), "s.csv");
        let bad = rows[0].as_ref().unwrap_err();
        assert!(bad.reason.contains("1000001 cells"), "{}", bad.reason);
        assert!(bad.cells.len() <= MAX_COLUMNS);
        assert_eq!(rows[1].as_ref().unwrap().get("name"), Some("Luis"));
    }
}
