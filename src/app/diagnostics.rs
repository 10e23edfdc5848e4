//! Warnings and notes on stderr, silenced by `--quiet`; a control character in them is
//! shown escaped, never sent to the terminal. The guided flow says its warnings in the
//! prompts' language.

use crate::messages;
use crate::model::Language;
use crate::text::control_chars;

/// Diagnostics on stderr, silenced by `--quiet`.
#[derive(Debug, Clone, Copy)]
pub struct Diagnostics {
    pub quiet: bool,
    /// The language warnings are worded in (and their "warning:" / "aviso:").
    pub language: Language,
}

impl Diagnostics {
    pub fn warn(&self, message: &str) {
        if !self.quiet {
            let label = messages::text(self.language.code(), "warning-label");
            eprintln!("{label}: {}", control_chars::escape(message));
        }
    }

    pub fn info(&self, message: &str) {
        if !self.quiet {
            eprintln!("{}", control_chars::escape(message));
        }
    }
}

/// Reports an error once, on stderr: what went wrong, then what to do about it, in the
/// language the interface was asked to speak (English unless it was).
pub fn report(error: &crate::error::Error) {
    let language = messages::language();
    let label = |id| messages::text(language, id);
    eprintln!(
        "{}: {}",
        label("error-label"),
        control_chars::escape(&error.message_in(language))
    );
    if let Some(hint) = error.hint_in(language) {
        eprintln!("{}: {}", label("hint-label"), control_chars::escape(&hint));
    }
}
