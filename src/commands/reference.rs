//! Printing generated reference material (completions, the man page) to stdout.

use crate::error::Result;
use crate::sink;

pub fn print(bytes: &[u8]) -> Result<u8> {
    sink::write_stdout(bytes)?;
    super::ok()
}
