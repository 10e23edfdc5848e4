//! Signers from a spreadsheet: `.xlsx`, `.xlsm`, `.xlsb`, `.xls` (Excel) or `.ods`
//! (LibreOffice, OpenOffice), read with calamine. The first sheet, or the one named; its
//! first row that is not blank names the columns; rows are numbered as the spreadsheet
//! numbers them. Numbers come out as written (`1010`, not `1010.0`), dates as
//! `YYYY-MM-DD`; a cell holding an error (`#N/A`) fails its row. The same limits hold
//! as for CSV: a cell, a row, the columns of a row.

use std::io::{Cursor, Read};
use std::sync::Arc;

use calamine::{open_workbook_auto_from_rs, Cell, Data, DataRef, Range, Reader, Sheets};

use super::csv::read_header_names;
use super::limits::{oversized, size_text, MAX_CELL_BYTES, MAX_COLUMNS, MAX_ROW_BYTES};
use super::row::{normalize_column, BadRow, SignerRow};
use crate::error::{Error, Result};

/// The largest spreadsheet file read: far more than a sheet of a hundred thousand
/// signers (some 10 MB), far less than memory.
pub const MAX_SHEET_BYTES: u64 = 200 * 1024 * 1024;
/// The most cells an `.xlsx` or `.xlsb` sheet may span, blank ones included (it is held
/// whole): a hundred thousand signers of a hundred columns, some 320 MB for the cells
/// alone.
pub const MAX_SHEET_CELLS: u64 = 10_000_000;

/// Whether `start`, the first bytes of a file, is a spreadsheet's: a ZIP archive
/// (`.xlsx`, `.ods`) or an OLE compound file (`.xls`).
pub fn looks_like_sheet(start: &[u8]) -> bool {
    start.starts_with(b"PK\x03\x04")
        || start.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// Whether a file name says spreadsheet.
pub fn is_sheet_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// A cell as text; an error value (`#N/A`) as `Err`.
fn cell_text(cell: &Data) -> std::result::Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(true) => "TRUE".to_string(),
        Data::Bool(false) => "FALSE".to_string(),
        Data::DateTime(value) => match value.as_datetime() {
            Some(time) if time.time() == chrono::NaiveTime::MIN => time.date().to_string(),
            Some(time) => time.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => value.as_f64().to_string(),
        },
        Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Error(error) => return Err(error.to_string()),
    })
}

/// The cell at row `r`, column `c` of `range` (from its top left corner) as text.
fn cell_at(range: &Range<Data>, r: usize, c: usize) -> std::result::Result<String, String> {
    range.get((r, c)).map_or(Ok(String::new()), cell_text)
}

/// An open sheet: its header, and its rows to come.
pub struct Sheet {
    pub header: Vec<String>,
    /// How many rows there are below the header (blank ones included).
    pub count: u64,
    pub rows: Box<dyn Iterator<Item = std::result::Result<SignerRow, BadRow>> + Send>,
}

/// Reads a spreadsheet from `input` (its whole bytes, at most [`MAX_SHEET_BYTES`]):
/// the sheet `wanted`, or the first.
pub fn open(name: &str, input: impl Read, wanted: Option<&str>) -> Result<Sheet> {
    let mut bytes = Vec::new();
    input
        .take(MAX_SHEET_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::read(std::path::Path::new(name), e))?;
    if bytes.len() as u64 > MAX_SHEET_BYTES {
        return Err(Error::signers(
            name,
            format!(
                "this spreadsheet is larger than {} MB: save the sheet of signers alone, or as CSV",
                MAX_SHEET_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes: Arc<[u8]> = bytes.into();
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Error::signers(
            name,
            format!(
                "is not a spreadsheet that can be read ({e}): signers are read from .xlsx, .xls and .ods spreadsheets, CSV and JSON Lines"
            ),
        )
    })?;
    let sheets = workbook.sheet_names();
    let sheet = match wanted {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.as_str() == wanted)
            .or_else(|| {
                sheets
                    .iter()
                    .find(|s| s.trim().eq_ignore_ascii_case(wanted.trim()))
            })
            .cloned()
            .ok_or_else(|| {
                Error::signers(
                    name,
                    format!(
                        "has no sheet `{wanted}`; its sheets are: {}",
                        sheets
                            .iter()
                            .map(|s| format!("`{s}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            })?,
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| Error::signers(name, "this spreadsheet has no sheet"))?,
    };
    let source = format!("{name} (sheet `{sheet}`)");
    let cannot = |e: &dyn std::fmt::Display| {
        Error::signers(name, format!("cannot read the sheet `{sheet}`: {e}"))
    };
    let range = match &mut workbook {
        Sheets::Xlsx(xlsx) => {
            let mut reader = xlsx
                .worksheet_cells_reader(&sheet)
                .map_err(|e| cannot(&e))?;
            bounded(&source, || reader.next_cell().map_err(|e| cannot(&e)))?
        }
        Sheets::Xlsb(xlsb) => {
            let mut reader = xlsb
                .worksheet_cells_reader(&sheet)
                .map_err(|e| cannot(&e))?;
            bounded(&source, || reader.next_cell().map_err(|e| cannot(&e)))?
        }
        // An .xls sheet spans at most 65,536 rows of 256 columns; an .ods sheet's
        // repeated cells are bounded by calamine.
        other => other.worksheet_range(&sheet).map_err(|e| cannot(&e))?,
    };
    rows(source, range)
}

/// The cells `next` gives, as a range, refused as soon as they span more columns or
/// cells than a signers file may: a sheet is held whole, blank cells included, so one
/// cell far off (`XFD1048576`) would otherwise ask for billions of them.
fn bounded<'a>(
    source: &str,
    mut next: impl FnMut() -> Result<Option<Cell<DataRef<'a>>>>,
) -> Result<Range<Data>> {
    let mut cells: Vec<Cell<Data>> = Vec::new();
    let (mut top, mut bottom, mut left, mut right) = (u32::MAX, 0u32, u32::MAX, 0u32);
    while let Some(cell) = next()? {
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        let (row, column) = cell.get_position();
        (top, bottom) = (top.min(row), bottom.max(row));
        (left, right) = (left.min(column), right.max(column));
        let width = u64::from(right - left) + 1;
        let span = (u64::from(bottom - top) + 1) * width;
        if width > MAX_COLUMNS as u64 {
            return Err(Error::signers(
                source,
                format!(
                    "the sheet is at least {width} columns wide, more than the {MAX_COLUMNS} a signers file may have: save only the signers' columns"
                ),
            ));
        }
        if span > MAX_SHEET_CELLS || cells.len() as u64 >= MAX_SHEET_CELLS {
            return Err(Error::signers(
                source,
                format!(
                    "the sheet spans more than {} million cells (row {} is used): save only the signers' rows and columns, or save the sheet as CSV, which has no such limit",
                    MAX_SHEET_CELLS / 1_000_000,
                    bottom + 1
                ),
            ));
        }
        cells.push(Cell::new(
            (row, column),
            Data::from(cell.get_value().clone()),
        ));
    }
    Ok(Range::from_sparse(cells))
}

/// The first row that is not blank, as the header, and the rows below it.
fn rows(source: String, range: Range<Data>) -> Result<Sheet> {
    let (top, _) = range.start().unwrap_or((0, 0));
    let (height, width) = range.get_size();
    let text_of = |r: usize, c: usize| cell_at(&range, r, c);
    let header_at = (0..height)
        .find(|&r| (0..width).any(|c| text_of(r, c).is_ok_and(|t| !t.trim().is_empty())));
    let Some(header_at) = header_at else {
        return Err(Error::signers(
            &source,
            "the sheet is empty: its first row must name the columns (name, title, organization, email, …)",
        ));
    };
    if width > MAX_COLUMNS {
        return Err(Error::signers(
            &source,
            format!(
                "the sheet is {width} columns wide, more than the {MAX_COLUMNS} a signers file may have: save only the signers' columns"
            ),
        ));
    }
    let mut header: Vec<String> = (0..width)
        .map(|c| text_of(header_at, c).unwrap_or_default().trim().to_string())
        .collect();
    // Blank columns at the end of the header name nothing.
    while header.last().is_some_and(String::is_empty) {
        header.pop();
    }
    read_header_names(&source, &header)?;
    let keys = Arc::new(
        header
            .iter()
            .map(|h| normalize_column(h))
            .collect::<Vec<_>>(),
    );
    let columns = header.clone();
    let mut next = header_at + 1;
    let iter = std::iter::from_fn(move || {
        if next >= height {
            return None;
        }
        let r = next;
        next += 1;
        // As the spreadsheet numbers it.
        let row = top as usize + r + 1;
        let mut reason = None;
        let mut cells = Vec::with_capacity(columns.len());
        let mut bytes = 0usize;
        for c in 0..width {
            let name = columns
                .get(c)
                .filter(|n| !n.is_empty())
                .cloned()
                .unwrap_or_else(|| format!("column {}", c + 1));
            let value = match cell_at(&range, r, c) {
                Ok(value) => value,
                Err(error) => {
                    reason.get_or_insert_with(|| {
                        format!("the `{name}` cell holds the spreadsheet error {error}: fix the formula, or type the value")
                    });
                    String::new()
                }
            };
            if value.len() > MAX_CELL_BYTES {
                reason.get_or_insert_with(|| oversized(&name, value.len()));
                bytes += value.len();
                cells.push((name, String::new()));
                continue;
            }
            bytes += value.len();
            if c >= columns.len() {
                if !value.trim().is_empty() {
                    reason.get_or_insert_with(|| {
                        format!(
                            "this row has a value in column {} but the header names {} columns: give the column a name in the first row",
                            c + 1,
                            columns.len()
                        )
                    });
                }
                continue;
            }
            cells.push((name, value));
        }
        if bytes > MAX_ROW_BYTES {
            reason.get_or_insert_with(|| {
                format!(
                    "this row holds {}; rows over {} KB are refused",
                    size_text(bytes),
                    MAX_ROW_BYTES / 1024
                )
            });
        }
        Some(match reason {
            Some(reason) => Err(BadRow {
                row,
                line: row as u64,
                cells,
                reason,
            }),
            None => Ok(SignerRow {
                row,
                line: row as u64,
                cells,
                keys: Arc::clone(&keys),
            }),
        })
    });
    Ok(Sheet {
        header,
        count: (height - header_at - 1) as u64,
        rows: Box::new(iter),
    })
}
