//! Warnings and notes on stderr, silenced by `--quiet`; a control character in them is
//! shown escaped, never sent to the terminal.

use crate::text::control_chars;

/// Diagnostics on stderr, silenced by `--quiet`.
#[derive(Debug, Clone, Copy)]
pub struct Diagnostics {
    pub quiet: bool,
}

impl Diagnostics {
    pub fn warn(&self, message: &str) {
        if !self.quiet {
            eprintln!("warning: {}", control_chars::escape(message));
        }
    }

    pub fn info(&self, message: &str) {
        if !self.quiet {
            eprintln!("{}", control_chars::escape(message));
        }
    }
}

/// Reports an error once, on stderr: what went wrong, then what to do about it.
pub fn report(error: &crate::error::Error) {
    eprintln!("error: {}", control_chars::escape(&error.to_string()));
    if let Some(hint) = error.hint() {
        eprintln!("hint: {}", control_chars::escape(&hint));
    }
}
