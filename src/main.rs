//! The `letters` binary: parse the command line, run it, report an error once, exit.
//! An error and its hint are printed with control characters escaped, as every message is.

use std::process::ExitCode;

use clap::Parser;
use letters::text::control_chars::escape;

/// Letters are composed from many short-lived strings, on every core at once.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = letters::cli::Cli::parse();
    match letters::run(cli) {
        Ok(exit) => exit.into(),
        Err(err) => {
            eprintln!("error: {}", escape(&err.to_string()));
            if let Some(hint) = err.hint() {
                eprintln!("hint: {}", escape(&hint));
            }
            err.exit_code().into()
        }
    }
}
