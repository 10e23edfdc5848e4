//! Standard output: a reader that closes the pipe (`letters … | head`) has all it
//! wanted, which is not an error.

use std::io::{self, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// Whether standard output was closed by the reader (`letters … | head`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stdout {
    Open,
    Closed,
}

/// Writes to standard output; a closed pipe is not an error, it just ends the output.
pub fn write_stdout(bytes: &[u8]) -> Result<Stdout> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(Stdout::Open),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Stdout::Closed),
        Err(e) => Err(Error::write(Path::new("<stdout>"), e)),
    }
}
