//! The text encoding of a signers file: chosen with `--encoding`, or detected (a byte
//! order mark, else valid UTF-8, else Windows-1252 as Excel exports in Western locales).

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

/// Whether `bytes` is UTF-8, allowing a character cut at the end.
pub(super) fn is_utf8_prefix(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4,
    }
}
