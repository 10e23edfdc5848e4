//! Where rendered bytes go: standard output, files written whole (a temporary file
//! beside the target, then a rename), and append-only JSON Lines records. Nothing is
//! ever written through a symbolic link at the last component of a path.

mod journal;
mod staged;
mod stdout;
pub mod target;

pub use journal::{timestamp, Journal, Replay};
pub use staged::{write_atomic, write_atomic_unsynced, Staged};
pub use stdout::{write_stdout, Stdout};
