//! One file per subcommand; `run` dispatches a parsed command line to them.

mod batch;
mod check;
pub(crate) mod draft;
mod init;
mod recipients;
mod reference;
mod send;
mod templates;

use clap::CommandFactory;

use crate::cli::{Cli, Command, DataArgs};
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::load::DataOptions;
use crate::text::control_chars::escape;

/// Diagnostics on stderr, silenced by `--quiet`; control characters in them are escaped.
#[derive(Debug, Clone, Copy)]
pub struct Diagnostics {
    pub quiet: bool,
}

impl Diagnostics {
    pub fn warn(&self, message: &str) {
        if !self.quiet {
            eprintln!("warning: {}", escape(message));
        }
    }

    pub fn info(&self, message: &str) {
        if !self.quiet {
            eprintln!("{}", escape(message));
        }
    }
}

fn data_options(args: &DataArgs) -> DataOptions {
    DataOptions {
        recipients: args.recipients.clone(),
        templates: args.templates.clone(),
        workspace: None,
    }
}

/// Runs a parsed command line; the exit code on success, or the error to report.
pub fn run(cli: Cli) -> Result<Exit> {
    let diagnostics = Diagnostics { quiet: cli.quiet };
    let data = data_options(&cli.data);
    match cli.command {
        Command::Draft(args) => draft::run(*args, &data, diagnostics),
        Command::Batch(args) => batch::run(*args, &data, diagnostics),
        Command::Recipients(command) => recipients::run(command, &data, diagnostics),
        Command::Templates(command) => templates::run(command, &data),
        Command::Send(args) => send::run(*args, diagnostics),
        Command::Check(args) => check::run(args, &data, diagnostics),
        Command::Init(args) => init::run(args, diagnostics),
        Command::Completions { shell } => {
            let mut command = Cli::command();
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut command, "letters", &mut out);
            reference::print(&out)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(|e| Error::write(std::path::Path::new("<stdout>"), e))?;
            reference::print(&out)
        }
    }
}

/// The success exit code.
pub(crate) fn ok() -> Result<Exit> {
    Ok(Exit::Success)
}
