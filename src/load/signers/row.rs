//! One row of a signers file as read: its number as a spreadsheet shows it, its cells by
//! column, and the column names normalized for matching; or a row that could not be read.

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
