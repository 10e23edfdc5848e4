//! The errors `letters` reports: each names what went wrong, where, and what to do next.

use std::path::{Path, PathBuf};

use crate::exit::Exit;

mod source;
mod words;

pub use words::row_reason_in;

pub use source::Source;

/// What was being done with the file of an I/O error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoAction {
    Read,
    /// Writing output: a failure is exit code 4.
    Write,
    /// Using a device (the terminal).
    Use,
}

impl std::fmt::Display for IoAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            IoAction::Read => "cannot read",
            IoAction::Write => "cannot write",
            IoAction::Use => "cannot use",
        })
    }
}

/// A failure the user can act on. `Display` is one paragraph; `hint` adds what to do.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bad combination of flags or a bad flag value.
    #[error("{flag}: {message}")]
    Flag { flag: String, message: String },

    /// A value of a letter request that does not pass its checks, blamed on its source
    /// (a flag, a settings key, a prompt, a signers cell).
    #[error("{origin}: {message}")]
    Invalid { origin: Source, message: String },

    /// Choices `letters draft` needs and was not given.
    #[error("missing {}", .missing.join(", "))]
    MissingChoices { missing: Vec<String>, hint: String },

    /// A data file that cannot be parsed or does not validate.
    #[error("{location}: {message}")]
    Data { location: String, message: String },

    /// A signers file that cannot be read as one, found before its first row.
    #[error("{location}: {message}")]
    Signers { location: String, message: String },

    /// A template body that does not compile or render.
    #[error("{location}: {message}")]
    Template { location: String, message: String },

    /// A template names a value the letter does not provide.
    #[error(
        "{location}: the template uses `{name}`, which is not available; available: {available}"
    )]
    MissingVariable {
        location: String,
        name: String,
        available: &'static str,
    },

    /// An id that names nothing.
    #[error("unknown {kind} `{id}`{}", suggestion_text(.suggestion))]
    UnknownId {
        kind: &'static str,
        id: String,
        suggestion: Option<String>,
        see: String,
    },

    /// A letter that must become an email, to a recipient without an email address.
    #[error("recipient `{recipient}` has no email address, so this letter cannot be an email")]
    NoEmail { recipient: String },

    /// A letter to print and post, to a recipient whose record has no postal address.
    #[error("recipient `{recipient}` in {path} has no postal address, so this letter cannot be printed and posted")]
    NoAddress { recipient: String, path: String },

    /// An email address that cannot be used; `field` names the flag or data field.
    #[error("{field}: `{}` is not a usable email address: {message}", .value.escape_debug())]
    Address {
        field: String,
        value: String,
        message: String,
    },

    /// A message file (`.eml`, mbox) that `letters send` cannot use.
    #[error("{location}: {message}")]
    Mail { location: String, message: String },

    /// Mail delivery failed (the SMTP server cannot be reached, refused the login, ...).
    #[error("{message}")]
    Delivery {
        message: String,
        hint: Option<String>,
    },

    /// A signature image that is not a PNG or JPEG we can read.
    #[error("signature image {}: {message}", .path.display())]
    Signature { path: PathBuf, message: String },

    /// A letter that cannot be made in the format asked for (a font that does not parse,
    /// a message that cannot be built).
    #[error("{message}")]
    Render {
        message: String,
        hint: Option<String>,
    },

    /// Characters no font in use can draw (a PDF would show boxes or `?`); or what is
    /// left of mis-decoded text, which is said as such.
    #[error("{}", missing_glyphs(.chars, .context))]
    MissingGlyphs {
        chars: String,
        context: String,
        bundled: bool,
    },

    /// A file that cannot be read or written.
    #[error("{action} {}: {source}", .path.display())]
    Io {
        action: IoAction,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// An output path `letters` will not write through: a symbolic link, a directory.
    #[error("refusing to write {}: {reason}", .path.display())]
    Refused { path: PathBuf, reason: String },

    /// A manifest or ledger another run has open.
    #[error("{} is in use by another `letters` run", .path.display())]
    InUse { path: PathBuf },

    /// A batch stopped because a file could not be written; what is on disk is kept.
    #[error("{source}; the batch stopped there")]
    BatchStopped {
        source: Box<Error>,
        /// How many letters are on disk and in the manifest, when it could be written.
        recorded: Option<usize>,
        /// Whether `--resume` can finish it (a combined file is written in one piece).
        resumable: bool,
    },
}

/// Whether the characters a font lacks are what is left of mis-decoded punctuation
/// (mojibake), not text in a script the font does not cover.
fn is_mojibake_remnant(chars: &str) -> bool {
    chars.chars().any(crate::text::mojibake::is_remnant_char)
}

fn missing_glyphs(chars: &str, context: &str) -> String {
    if is_mojibake_remnant(chars) {
        format!("the text {context} holds {chars}, which is not Chinese but what is left of a quotation mark or dash whose last byte was lost when the text was copied (mojibake); it cannot be recovered")
    } else {
        format!("the PDF fonts cannot draw {chars} (in {context})")
    }
}

fn suggestion_text(suggestion: &Option<String>) -> String {
    match suggestion {
        Some(s) => format!("; did you mean `{s}`?"),
        None => String::new(),
    }
}

impl Error {
    pub fn flag(flag: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Flag {
            flag: flag.into(),
            message: message.into(),
        }
    }

    pub fn invalid(origin: &Source, message: impl Into<String>) -> Error {
        Error::Invalid {
            origin: origin.clone(),
            message: message.into(),
        }
    }

    /// A letter that cannot be rendered, with no more to say.
    pub fn render(message: impl Into<String>) -> Error {
        Error::Render {
            message: message.into(),
            hint: None,
        }
    }

    pub fn data(location: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Data {
            location: location.into(),
            message: message.into(),
        }
    }

    pub fn signers(location: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Signers {
            location: location.into(),
            message: message.into(),
        }
    }

    pub fn read(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            action: IoAction::Read,
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn write(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            action: IoAction::Write,
            path: path.to_path_buf(),
            source,
        }
    }

    /// What the user can do about it, if there is more to say.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::MissingChoices { hint, .. } => Some(hint.clone()),
            Error::UnknownId { see, .. } => Some(format!("see: {see}")),
            Error::Data { .. } | Error::Template { .. } | Error::MissingVariable { .. } => {
                Some("fix the file, then run `letters check` to validate all data".to_string())
            }
            Error::Signers { .. } => Some(
                "fix the signers file, or say how to read it (--sheet, --column, --encoding, --delimiter); \
                 add --dry-run to see how its columns and first rows are read"
                    .to_string(),
            ),
            Error::NoEmail { recipient } => Some(format!(
                "use --format pdf or --format text to print it and send it by post, \
                 or add `email = \"...\"` to `[{recipient}]` in your recipients.toml"
            )),
            Error::NoAddress { recipient, path } => Some(format!(
                "add `address = [\"...\", \"...\"]` (the lines of the postal address) to `[{recipient}]` in {path}, \
                 or use --format email to send it by email"
            )),
            Error::Address { .. } => {
                Some("write an address as `user@example.org` or `Name <user@example.org>`".to_string())
            }
            Error::Mail { .. } => Some(
                "letters send reads .eml and mbox files, such as `letters draft --format email -o DIR` writes"
                    .to_string(),
            ),
            Error::Delivery { hint, .. } | Error::Render { hint, .. } => hint.clone(),
            Error::Signature { .. } => Some(
                "give --signature a PNG (transparency is kept) or JPEG file, or set [sender] signature in letters.toml"
                    .to_string(),
            ),
            Error::MissingGlyphs { chars, .. } if is_mojibake_remnant(chars) => Some(
                "copy that paragraph again from the original document (or type the quotation mark or dash yourself), then draft the letter again".to_string(),
            ),
            Error::MissingGlyphs { bundled, .. } => Some(if *bundled {
                "the bundled font (Liberation Serif) covers Latin, Greek and Cyrillic; give a TrueType font that has these characters with --font-regular FILE (and --font-bold, --font-italic), or font-regular in the [pdf] table of letters.toml".to_string()
            } else {
                "give a TrueType font that has these characters with --font-regular FILE (and --font-bold, --font-italic), or font-regular in the [pdf] table of letters.toml".to_string()
            }),
            Error::Io { source, .. } => io_hint(source).map(str::to_string),
            Error::BatchStopped {
                source,
                recorded,
                resumable,
            } => {
                let first = source.hint().map_or(String::new(), |h| format!("{h}; "));
                if !resumable {
                    return Some(format!(
                        "{first}a combined file is written in one piece: then run the same command again"
                    ));
                }
                let kept = match recorded {
                    Some(n) => format!("{n} letters are on disk and listed in manifest.jsonl"),
                    None => "the letters written so far are kept".to_string(),
                };
                Some(format!(
                    "{first}{kept}: then run the same command again with --resume to write the rest without repeating any"
                ))
            }
            Error::Refused { .. } => Some(
                "remove it or choose another output path, then run the command again".to_string(),
            ),
            Error::InUse { .. } => Some(
                "wait for the other run to finish (or write somewhere else), then run the command again"
                    .to_string(),
            ),
            Error::Flag { .. } | Error::Invalid { .. } => None,
        }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> Exit {
        match self {
            Error::Delivery { .. } => Exit::Delivery,
            Error::Io {
                action: IoAction::Write,
                ..
            }
            | Error::BatchStopped { .. }
            | Error::Refused { .. } => Exit::Output,
            _ => Exit::UsageOrData,
        }
    }

    pub fn delivery(message: impl Into<String>, hint: Option<String>) -> Error {
        Error::Delivery {
            message: message.into(),
            hint,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What to do about an I/O error that has a usual cause.
fn io_hint(error: &std::io::Error) -> Option<&'static str> {
    match error.kind() {
        std::io::ErrorKind::StorageFull => {
            Some("the disk is full: free some space, or write somewhere else")
        }
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            Some("check the permissions of the directory, or write somewhere else")
        }
        _ => None,
    }
}
