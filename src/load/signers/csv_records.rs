//! CSV records read cell by cell with csv-core, within bounds: a cell is kept up to
//! [`MAX_CELL_BYTES`], a row up to [`MAX_COLUMNS`] cells and [`MAX_ROW_BYTES`] bytes.
//! What is past a bound is counted, not kept, so a malformed file (a quote never closed,
//! a million separators on one line) costs no more memory than a sound one, and the
//! row can still say how big it was.

use std::io::{self, BufRead};

use csv_core::ReadFieldResult;

use super::limits::{MAX_CELL_BYTES, MAX_COLUMNS, MAX_ROW_BYTES};

/// One cell: its bytes, or its first [`MAX_CELL_BYTES`] when it is longer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawCell {
    pub bytes: Vec<u8>,
    /// The cell's whole length in bytes.
    pub len: usize,
}

impl RawCell {
    /// Whether every byte of the cell was kept.
    pub fn is_whole(&self) -> bool {
        self.bytes.len() == self.len
    }
}

/// One record as read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawRecord {
    /// The line the record starts on (from 1).
    pub line: u64,
    /// The cells kept, in order: at most [`MAX_COLUMNS`]; once the row passes
    /// [`MAX_ROW_BYTES`], the cells after are kept empty.
    pub cells: Vec<RawCell>,
    /// How many cells the record has, kept or not.
    pub columns: usize,
    /// The record's size in bytes (its cells' lengths added up).
    pub bytes: usize,
}

/// Reads records from CSV text.
pub struct CsvRecords<R> {
    input: R,
    core: csv_core::Reader,
    /// Line feeds of blank lines consumed here rather than by `core`, which counts lines.
    skipped_lines: u64,
    done: bool,
}

/// Where cell bytes past a bound go.
const SCRATCH: usize = 8 * 1024;

impl<R: BufRead> CsvRecords<R> {
    pub fn new(input: R, delimiter: u8) -> CsvRecords<R> {
        CsvRecords {
            input,
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            skipped_lines: 0,
            done: false,
        }
    }

    /// Consumes the line ends before a record (blank lines, the line feed of a CRLF), as
    /// `core` would, so that the record's line is the one its first cell is on.
    fn skip_line_ends(&mut self) -> io::Result<()> {
        loop {
            let input = self.input.fill_buf()?;
            let ends = input
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            if ends == 0 {
                return Ok(());
            }
            self.skipped_lines += input[..ends].iter().filter(|b| **b == b'\n').count() as u64;
            self.input.consume(ends);
        }
    }

    /// The next record, or `None` at the end of the input.
    pub fn next_record(&mut self) -> io::Result<Option<RawRecord>> {
        if self.done {
            return Ok(None);
        }
        if let Err(e) = self.skip_line_ends() {
            self.done = true;
            return Err(e);
        }
        let mut record = RawRecord {
            line: self.core.line() + self.skipped_lines,
            ..RawRecord::default()
        };
        let mut kept = 0usize;
        let mut cell = RawCell::default();
        let mut scratch = [0u8; SCRATCH];
        loop {
            let input = match self.input.fill_buf() {
                Ok(input) => input,
                Err(e) => {
                    self.done = true;
                    return Err(e);
                }
            };
            let keep = record.cells.len() < MAX_COLUMNS
                && cell.bytes.len() < MAX_CELL_BYTES
                && kept + cell.bytes.len() < MAX_ROW_BYTES;
            let (result, read, written) = if keep {
                let start = cell.bytes.len();
                let room = (MAX_CELL_BYTES - start).min(start.max(64));
                cell.bytes.resize(start + room, 0);
                let (result, read, written) = self.core.read_field(input, &mut cell.bytes[start..]);
                cell.bytes.truncate(start + written);
                (result, read, written)
            } else {
                self.core.read_field(input, &mut scratch)
            };
            self.input.consume(read);
            cell.len += written;
            match result {
                ReadFieldResult::InputEmpty | ReadFieldResult::OutputFull => {}
                ReadFieldResult::Field { record_end } => {
                    let cell = std::mem::take(&mut cell);
                    record.columns += 1;
                    record.bytes += cell.len;
                    if record.cells.len() < MAX_COLUMNS {
                        kept += cell.bytes.len();
                        record.cells.push(cell);
                    }
                    if record_end {
                        return Ok(Some(record));
                    }
                }
                ReadFieldResult::End => {
                    self.done = true;
                    return Ok((record.columns > 0).then_some(record));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &[u8]) -> Vec<RawRecord> {
        let mut reader = CsvRecords::new(text, b',');
        std::iter::from_fn(|| reader.next_record().unwrap()).collect()
    }

    fn cells(record: &RawRecord) -> Vec<&str> {
        record
            .cells
            .iter()
            .map(|c| std::str::from_utf8(&c.bytes).unwrap())
            .collect()
    }

    #[test]
    fn quoted_cells_and_lines() {
        let all = records(
            b"name,address\r\n\"O'Brien, Ana\",\"Calle 1\nCaracas\"\n\nLuis,\"\"\"x\"\"\"\n",
        );
        assert_eq!(cells(&all[0]), ["name", "address"]);
        assert_eq!(cells(&all[1]), ["O'Brien, Ana", "Calle 1\nCaracas"]);
        assert_eq!(cells(&all[2]), ["Luis", "\"x\""]);
        assert_eq!(all.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 2, 5]);
    }

    #[test]
    fn a_long_cell_is_measured_not_kept() {
        let mut text = b"a,".to_vec();
        text.extend(std::iter::repeat_n(b'x', 3 * MAX_CELL_BYTES));
        text.extend_from_slice(b",b\n");
        let all = records(&text);
        let cell = &all[0].cells[1];
        assert_eq!(
            (cell.bytes.len(), cell.len),
            (MAX_CELL_BYTES, 3 * MAX_CELL_BYTES)
        );
        assert!(!cell.is_whole());
        assert_eq!(cells(&all[0])[2], "b");
    }

    #[test]
    fn columns_past_the_bound_are_counted_not_kept() {
        let text = ",".repeat(MAX_COLUMNS * 3) + "\nnext\n";
        let all = records(text.as_bytes());
        assert_eq!(all[0].columns, MAX_COLUMNS * 3 + 1);
        assert_eq!(all[0].cells.len(), MAX_COLUMNS);
        assert_eq!(cells(&all[1]), ["next"]);
    }

    #[test]
    fn a_row_past_its_bound_keeps_its_later_cells_empty() {
        let big = "x".repeat(MAX_CELL_BYTES - 1);
        let text = [big.as_str(); 6].join(",") + "\n";
        let all = records(text.as_bytes());
        let record = &all[0];
        assert_eq!(record.columns, 6);
        assert_eq!(record.bytes, 6 * (MAX_CELL_BYTES - 1));
        let kept: usize = record.cells.iter().map(|c| c.bytes.len()).sum();
        assert!(kept <= MAX_ROW_BYTES + MAX_CELL_BYTES, "{kept}");
        assert!(!record.cells[5].is_whole());
    }
}
