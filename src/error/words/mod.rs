//! Errors and their hints in an interface language, from the catalogues of
//! `crate::messages`. `Display` and `hint` stay the English the tests and scripts read;
//! the tests here hold the English catalogue to exactly that wording, so the two never
//! drift apart. Details a value's check wrote (a flag's message, a data file's) are given
//! as they were written.

use super::{is_mojibake_remnant, Error, IoAction, Source};
use crate::messages;

/// `--ui-lang`'s code and a message.
fn msg(language: &str, id: &str, args: &[(&str, &str)]) -> String {
    messages::format(language, id, args)
}

/// Where a value came from, in `language`.
fn source_in(source: &Source, language: &str) -> String {
    match source {
        Source::Prompt(question) => msg(language, "source-prompt", &[("question", question)]),
        Source::Cell { file, row, column } => msg(
            language,
            "source-cell",
            &[
                ("file", file),
                ("row", &row.to_string()),
                ("column", column),
            ],
        ),
        other => other.to_string(),
    }
}

/// What the system said of a file, in `language`: the common kinds from the
/// catalogues, any other as the system says it (English keeps the system's words).
fn io_error_in(error: &std::io::Error, language: &str) -> String {
    if language == "en" {
        return error.to_string();
    }
    let id = match error.kind() {
        std::io::ErrorKind::NotFound => "io-not-found",
        std::io::ErrorKind::PermissionDenied => "io-permission-denied",
        std::io::ErrorKind::IsADirectory => "io-is-a-directory",
        std::io::ErrorKind::NotADirectory => "io-not-a-directory",
        _ => return error.to_string(),
    };
    msg(language, id, &[])
}

/// What went wrong with a batch's row in `language`, without the file and row every
/// report of a failed row names (as `batch`'s failures file says it, in English).
pub fn row_reason_in(error: &Error, language: &str) -> String {
    match error {
        Error::Invalid {
            origin: Source::Cell { column, .. },
            message,
        } => msg(
            language,
            "detail-column",
            &[
                ("column", column),
                ("message", &messages::detail_in(language, message)),
            ],
        ),
        other => other.message_in(language),
    }
}

impl Error {
    /// The error's paragraph in `language` (`en`, `es`).
    pub fn message_in(&self, language: &str) -> String {
        let l = language;
        match self {
            Error::Flag { flag, message } => msg(
                l,
                "error-at",
                &[("at", flag), ("message", &messages::detail_in(l, message))],
            ),
            Error::Invalid { origin, message } => msg(
                l,
                "error-at",
                &[
                    ("at", &source_in(origin, l)),
                    ("message", &messages::detail_in(l, message)),
                ],
            ),
            Error::MissingChoices { missing, .. } => {
                let missing: Vec<String> =
                    missing.iter().map(|m| messages::detail_in(l, m)).collect();
                msg(
                    l,
                    "error-missing-choices",
                    &[("missing", &missing.join(", "))],
                )
            }
            Error::Data { location, message }
            | Error::Signers { location, message }
            | Error::Template { location, message }
            | Error::Mail { location, message } => msg(
                l,
                "error-at",
                &[
                    ("at", location),
                    ("message", &messages::detail_in(l, message)),
                ],
            ),
            Error::MissingVariable {
                location,
                name,
                available,
            } => msg(
                l,
                "error-missing-variable",
                &[
                    ("location", location),
                    ("name", name),
                    ("available", available),
                ],
            ),
            Error::UnknownId {
                kind,
                id,
                suggestion,
                ..
            } => {
                let suggestion = suggestion
                    .as_ref()
                    .map(|s| msg(l, "error-did-you-mean", &[("suggestion", s)]))
                    .unwrap_or_default();
                let kind = msg(l, &format!("kind-{kind}"), &[]);
                msg(
                    l,
                    "error-unknown-id",
                    &[("kind", &kind), ("id", id), ("suggestion", &suggestion)],
                )
            }
            Error::NoEmail { recipient } => msg(l, "error-no-email", &[("recipient", recipient)]),
            Error::NoAddress { recipient, path } => msg(
                l,
                "error-no-address",
                &[("recipient", recipient), ("path", path)],
            ),
            Error::Address {
                field,
                value,
                message,
            } => msg(
                l,
                "error-address",
                &[
                    ("field", field),
                    ("value", &value.escape_debug().to_string()),
                    ("message", message),
                ],
            ),
            Error::Delivery { message, .. } | Error::Render { message, .. } => message.clone(),
            Error::Signature { path, message } => msg(
                l,
                "error-signature",
                &[("path", &path.display().to_string()), ("message", message)],
            ),
            Error::MissingGlyphs { chars, context, .. } => {
                let id = if is_mojibake_remnant(chars) {
                    "error-glyphs-mojibake"
                } else {
                    "error-glyphs"
                };
                msg(l, id, &[("chars", chars), ("context", context)])
            }
            Error::Io {
                action,
                path,
                source,
            } => {
                let id = match action {
                    IoAction::Read => "error-io-read",
                    IoAction::Write => "error-io-write",
                    IoAction::Use => "error-io-use",
                };
                msg(
                    l,
                    id,
                    &[
                        ("path", &path.display().to_string()),
                        ("error", &io_error_in(source, l)),
                    ],
                )
            }
            Error::Refused { path, reason } => msg(
                l,
                "error-refused",
                &[("path", &path.display().to_string()), ("reason", reason)],
            ),
            Error::InUse { path } => {
                msg(l, "error-in-use", &[("path", &path.display().to_string())])
            }
            Error::BatchStopped { source, .. } => msg(
                l,
                "error-batch-stopped",
                &[("error", &source.message_in(l))],
            ),
        }
    }

    /// What the user can do about it, in `language`, if there is more to say.
    pub fn hint_in(&self, language: &str) -> Option<String> {
        let l = language;
        let id = match self {
            Error::MissingChoices { hint, .. } => return Some(messages::detail_in(l, hint)),
            Error::UnknownId { see, .. } => return Some(msg(l, "hint-see", &[("see", see)])),
            Error::Data { .. } | Error::Template { .. } | Error::MissingVariable { .. } => {
                "hint-fix-the-file"
            }
            Error::Signers { .. } => "hint-signers",
            Error::NoEmail { recipient } => {
                return Some(msg(l, "hint-no-email", &[("recipient", recipient)]))
            }
            Error::NoAddress { recipient, path } => {
                return Some(msg(
                    l,
                    "hint-no-address",
                    &[("recipient", recipient), ("path", path)],
                ))
            }
            Error::Address { .. } => "hint-address",
            Error::Mail { .. } => "hint-mail",
            Error::Delivery { hint, .. } | Error::Render { hint, .. } => return hint.clone(),
            Error::Signature { .. } => "hint-signature",
            Error::MissingGlyphs { chars, .. } if is_mojibake_remnant(chars) => {
                "hint-glyphs-mojibake"
            }
            Error::MissingGlyphs { bundled: true, .. } => "hint-glyphs-bundled",
            Error::MissingGlyphs { .. } => "hint-glyphs",
            Error::Io { source, .. } => match source.kind() {
                std::io::ErrorKind::StorageFull => "hint-disk-full",
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                    "hint-permissions"
                }
                _ => return None,
            },
            Error::BatchStopped {
                source,
                recorded,
                resumable,
            } => {
                let first = source
                    .hint_in(l)
                    .map_or(String::new(), |h| format!("{h}; "));
                if !resumable {
                    return Some(msg(l, "hint-batch-combined", &[("first", &first)]));
                }
                let kept = match recorded {
                    Some(n) => msg(l, "hint-batch-recorded", &[("count", &n.to_string())]),
                    None => msg(l, "hint-batch-kept", &[]),
                };
                return Some(msg(
                    l,
                    "hint-batch-resume",
                    &[("first", &first), ("kept", &kept)],
                ));
            }
            Error::Refused { .. } => "hint-refused",
            Error::InUse { .. } => "hint-in-use",
            Error::Flag { .. } | Error::Invalid { .. } => return None,
        };
        Some(msg(l, id, &[]))
    }
}

#[cfg(test)]
mod tests;
