//! How much of a signers file is read at most: a cell, a row, the columns of a row. A
//! wrong file or a quote never closed fails at once instead of filling memory.

pub(super) const SNIFF_BYTES: usize = 64 * 1024;

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
