//! Reading signers for a batch: CSV (delimiter and encoding detected, BOM, quoted cells
//! with separators, quotes and line breaks), JSON Lines, or a spreadsheet (.xlsx, .xls,
//! .ods: the first sheet or the one named), from a file or stdin, one row
//! at a time so memory does not grow with the number of rows, and no row holds more than
//! [`MAX_COLUMNS`] cells of [`MAX_CELL_BYTES`], [`MAX_ROW_BYTES`] in all.

pub mod columns;
mod csv;
mod csv_records;
mod delimiter;
mod encoding;
mod json_lines;
mod limits;
pub mod mapping;
mod row;
mod sheet;
mod source;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use encoding_rs_io::DecodeReaderBytesBuilder;

use crate::error::{Error, Result};

pub use columns::{kind, ColumnKind};
pub use delimiter::detect_delimiter;
pub use encoding::SignersEncoding;
pub use limits::{MAX_CELL_BYTES, MAX_COLUMNS, MAX_ROW_BYTES};
pub use row::{normalize_column, BadRow, SignerRow};
pub use source::{ReadProgress, SignersSource};

use csv::{csv_rows, read_header};
use csv_records::CsvRecords;
use encoding::is_utf8_prefix;
use limits::SNIFF_BYTES;
use source::{Consumed, Counted};

/// The shape of a signers file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignersFormat {
    Csv {
        delimiter: u8,
    },
    JsonLines,
    /// A spreadsheet (.xlsx, .xls, .ods).
    Sheet,
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

impl SignersReader {
    /// Opens `source`, detecting its format, encoding and delimiter (unless given).
    pub fn open(
        source: &SignersSource,
        encoding: SignersEncoding,
        delimiter: Option<u8>,
    ) -> Result<SignersReader> {
        SignersReader::open_with_sheet(source, encoding, delimiter, None)
    }

    /// Opens `source` as [`open`](Self::open) does; a spreadsheet at its sheet `sheet`
    /// (the first when `None`).
    pub fn open_with_sheet(
        source: &SignersSource,
        encoding: SignersEncoding,
        delimiter: Option<u8>,
        sheet: Option<&str>,
    ) -> Result<SignersReader> {
        let name = source.name();
        let raw_read = Arc::<AtomicU64>::default();
        let counted = Counted {
            inner: source.open()?,
            read: Arc::clone(&raw_read),
        };
        let mut reader = BufReader::with_capacity(SNIFF_BYTES, counted);
        let start = reader
            .fill_buf()
            .map_err(|e| Error::read(Path::new(&name), e))?
            .to_vec();
        if sheet::is_sheet_name(&name) || sheet::looks_like_sheet(&start) {
            let sheet = sheet::open(&name, reader, sheet)?;
            let progress = ReadProgress {
                read: Arc::default(),
                total: Some(sheet.count),
                rows: Arc::default(),
                in_rows: true,
            };
            return Ok(SignersReader {
                progress,
                source: name,
                format: SignersFormat::Sheet,
                encoding: UTF_8,
                rows: sheet.rows,
                header: sheet.header,
            });
        }
        if sheet.is_some() {
            return Err(Error::signers(
                &name,
                "is not a spreadsheet (.xlsx, .xls, .ods), so it has no sheets to choose from: leave out --sheet",
            ));
        }
        // The encoding a byte order mark names (UTF-8, UTF-16LE or UTF-16BE), and its length.
        let bom = Encoding::for_bom(&start);
        let encoding: &'static Encoding = match (encoding, bom) {
            (SignersEncoding::Utf8, _) => UTF_8,
            (SignersEncoding::Windows1252, _) => WINDOWS_1252,
            (SignersEncoding::Utf16, Some((found, _))) if found != UTF_8 => found,
            (SignersEncoding::Utf16, _) => utf16_without_bom(&start).unwrap_or(UTF_16LE),
            (SignersEncoding::Auto, Some((found, _))) => found,
            (SignersEncoding::Auto, None) if start.contains(&0) => {
                utf16_without_bom(&start).ok_or_else(|| not_text(&name))?
            }
            (SignersEncoding::Auto, None) if is_utf8_prefix(&start) => UTF_8,
            (SignersEncoding::Auto, None) => WINDOWS_1252,
        };
        let sniffed = encoding.decode_with_bom_removal(&start).0.into_owned();
        // UTF-8 is parsed as read, and progress counts the bytes parsed; decoded text
        // counts the bytes read, a buffer ahead of the rows.
        let (text, read): (Box<dyn BufRead + Send>, _) = if encoding == UTF_8 {
            if let Some((_, len)) = bom.filter(|(found, _)| *found == UTF_8) {
                reader.consume(len);
            }
            let parsed = Arc::<AtomicU64>::default();
            let text = Consumed {
                inner: reader,
                taken: Arc::clone(&parsed),
            };
            (Box::new(text), parsed)
        } else {
            // A BOM, if any, is read and dropped by the decoder.
            let text = BufReader::new(
                DecodeReaderBytesBuilder::new()
                    .encoding(Some(encoding))
                    .build(reader),
            );
            (Box::new(text), raw_read)
        };
        let progress = ReadProgress {
            read,
            total: source.size(),
            rows: Arc::default(),
            in_rows: false,
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
            .map_err(|e| Error::signers(&name, format!("cannot read the header row: {e}")))?
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

/// UTF-16 text without a byte order mark: most of its ASCII characters' high bytes are
/// zero, at odd offsets (little-endian) or even ones (big-endian).
fn utf16_without_bom(start: &[u8]) -> Option<&'static Encoding> {
    let sample = &start[..start.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs == 0 {
        return None;
    }
    let odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    let even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    if odd * 2 > pairs && even * 10 < pairs {
        Some(UTF_16LE)
    } else if even * 2 > pairs && odd * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The error for a file that is not text (nor a spreadsheet we read).
fn not_text(name: &str) -> Error {
    Error::signers(
        name,
        "is not a text file: signers are read from CSV (UTF-8, UTF-16 or Windows-1252), JSON Lines, or .xlsx, .xls and .ods spreadsheets",
    )
}

impl Iterator for SignersReader {
    type Item = std::result::Result<SignerRow, BadRow>;

    fn next(&mut self) -> Option<Self::Item> {
        self.rows.next()
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
