//! Exit codes, in one place: what a script can rely on.

use std::process::ExitCode;

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything went as asked.
    Success,
    /// A batch finished but some letters failed (the rest were written, the failures listed).
    PartialFailure,
    /// A bad flag, a bad data file, an unknown recipient or template: nothing was written.
    UsageOrData,
    /// Mail delivery failed.
    Delivery,
    /// Output could not be written (disk full, no permission); what was written is kept.
    Output,
    /// Interrupted by the user (Ctrl-C, or Esc at the guided flow's first question).
    Interrupted,
}

impl Exit {
    /// Every exit, in the order of their codes.
    pub const ALL: [Exit; 6] = [
        Exit::Success,
        Exit::PartialFailure,
        Exit::UsageOrData,
        Exit::Delivery,
        Exit::Output,
        Exit::Interrupted,
    ];

    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::PartialFailure => 1,
            Exit::UsageOrData => 2,
            Exit::Delivery => 3,
            Exit::Output => 4,
            Exit::Interrupted => 130,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit.code())
    }
}

/// The text `--help` shows about exit codes.
pub const HELP: &str = "Exit codes: 0 success; 1 some letters of a batch failed (the rest were written); \
2 usage or data error (bad flag, bad file, unknown recipient or template); 3 delivery error (SMTP); \
4 output could not be written (disk full, no permission; a batch keeps what it wrote: finish it with --resume); \
130 interrupted.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_documented() {
        for (i, a) in Exit::ALL.iter().enumerate() {
            assert!(HELP.contains(&format!("{} ", a.code())), "{a:?}");
            for b in &Exit::ALL[i + 1..] {
                assert_ne!(a.code(), b.code());
            }
        }
    }
}
