//! Exit codes, in one place: what a script can rely on.

use std::process::ExitCode;

/// Everything went as asked.
pub const SUCCESS: u8 = 0;
/// A batch finished but some letters failed (the rest were written, the failures listed).
pub const PARTIAL_FAILURE: u8 = 1;
/// A bad flag, a bad data file, an unknown recipient or template: nothing was written.
pub const USAGE_OR_DATA: u8 = 2;
/// Mail delivery failed.
pub const DELIVERY: u8 = 3;
/// Output could not be written (disk full, no permission); what was written is kept.
pub const OUTPUT: u8 = 4;
/// Interrupted by the user (Ctrl-C).
pub const INTERRUPTED: u8 = 130;

/// The text `--help` shows about exit codes.
pub const HELP: &str = "Exit codes: 0 success; 1 some letters of a batch failed (the rest were written); \
2 usage or data error (bad flag, bad file, unknown recipient or template); 3 delivery error (SMTP); \
4 output could not be written (disk full, no permission; a batch keeps what it wrote: finish it with --resume).";

pub fn to_exit_code(code: u8) -> ExitCode {
    ExitCode::from(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_documented() {
        let codes = [SUCCESS, PARTIAL_FAILURE, USAGE_OR_DATA, DELIVERY, OUTPUT];
        for (i, a) in codes.iter().enumerate() {
            assert!(HELP.contains(&format!("{a} ")));
            for b in &codes[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
