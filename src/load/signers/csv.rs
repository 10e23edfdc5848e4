//! CSV signers: the header (every column named once, within the limits), then the rows
//! one at a time, each with its cells checked against the limits and the header.

use std::io::BufRead;

use super::csv_records::{CsvRecords, RawRecord};
use super::limits::{oversized, size_text, MAX_CELL_BYTES, MAX_COLUMNS, MAX_ROW_BYTES};
use super::row::{normalize_column, BadRow, SignerRow};
use crate::error::{Error, Result};

/// The column names of a header row, each named once.
pub(super) fn read_header(name: &str, record: &RawRecord) -> Result<Vec<String>> {
    if record.columns > MAX_COLUMNS {
        return Err(Error::signers(
            name,
            format!(
                "the header row has {} cells, more than the {MAX_COLUMNS} a signers file may have: check that the delimiter is right (--delimiter) and that the first row names the columns",
                record.columns
            ),
        ));
    }
    if let Some(at) = record.cells.iter().position(|c| !c.is_whole()) {
        return Err(Error::signers(
            name,
            format!(
                "column {} of the header row holds {}; a column name is a word or two (is the first row the header?)",
                at + 1,
                size_text(record.cells[at].len)
            ),
        ));
    }
    let written: Vec<String> = record
        .cells
        .iter()
        .map(|h| String::from_utf8_lossy(&h.bytes).into_owned())
        .collect();
    read_header_names(name, &written)?;
    Ok(written.iter().map(|h| h.trim().to_string()).collect())
}

/// Checks the column names of a header row, as written: some column is named, and no two
/// name the same column once normalized.
pub(super) fn read_header_names(name: &str, written: &[String]) -> Result<()> {
    if written.iter().all(|h| h.trim().is_empty()) {
        return Err(Error::signers(
            name,
            "the first row must name the columns (name, title, organization, email, …)",
        ));
    }
    let mut seen: Vec<(String, usize)> = Vec::with_capacity(written.len());
    for (i, column) in written.iter().enumerate() {
        let key = normalize_column(column);
        if key.is_empty() {
            continue;
        }
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            // As written, spaces and case included: they are what tells the two apart.
            return Err(Error::signers(
                name,
                format!(
                    "the header names the column `{key}` twice: column {} (`{}`) and column {} (`{}`); rename or remove one",
                    first + 1,
                    written[*first],
                    i + 1,
                    written[i],
                ),
            ));
        }
        seen.push((key, i));
    }
    Ok(())
}

pub(super) fn csv_rows<R: BufRead + Send + 'static>(
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
