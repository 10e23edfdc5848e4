//! Printing generated reference material (completions, the man page) to stdout.

use crate::error::Result;
use crate::exit::Exit;
use crate::sink;

pub fn print(bytes: &[u8]) -> Result<Exit> {
    sink::write_stdout(bytes)?;
    super::ok()
}
