//! The `letters` binary: answer a shell's request for completions, or parse the command
//! line, run it, report an error once, and exit.

use std::process::ExitCode;

use clap::Parser;
use clap_complete::CompleteEnv;

/// Letters are composed from many short-lived strings, on every core at once.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    CompleteEnv::with_factory(letters::cli::command)
        .var(letters::app::COMPLETE_VAR)
        .complete();
    let cli = letters::cli::Cli::parse();
    match letters::run(cli) {
        Ok(exit) => exit.into(),
        Err(err) => {
            letters::app::report(&err);
            err.exit_code().into()
        }
    }
}
