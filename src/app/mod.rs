//! The application: one file per subcommand, each turning parsed flags into plain
//! requests (through [`inputs`] and the one conversion, [`crate::draft::validate`]),
//! running them, and reporting what happened. `run` dispatches a parsed command line.

mod batch;
mod check;
pub mod clock;
mod diagnostics;
mod draft;
mod dry_run;
mod init;
mod inputs;
mod letters;
mod output;
mod progress;
mod prompt;
mod recipients;
mod reference;
mod report;
mod send;
mod templates;

pub use diagnostics::{report, Diagnostics};
pub use reference::COMPLETE_VAR;

use crate::cli::{Cli, Command, DataArgs, HiddenDataArgs};
use crate::error::Result;
use crate::exit::Exit;
use crate::load::DataOptions;

/// Where data comes from: the command's own `--recipients`/`--templates`, else the ones
/// given before the command.
fn data_options(args: &DataArgs, before: &HiddenDataArgs) -> DataOptions {
    DataOptions {
        recipients: args.recipients.clone().or(before.recipients.clone()),
        templates: args.templates.clone().or(before.templates.clone()),
        workspace: None,
    }
}

/// Runs a parsed command line; how it ended, or the error to report.
pub fn run(cli: Cli) -> Result<Exit> {
    // Errors are reported in the language LETTERS_UI_LANG names (a bad value is said
    // where it is used: `draft`).
    if let Some(language) = std::env::var("LETTERS_UI_LANG")
        .ok()
        .and_then(|code| code.parse::<crate::model::Language>().ok())
        .filter(|l| {
            crate::messages::CATALOGUES
                .iter()
                .any(|(c, _)| *c == l.code())
        })
    {
        crate::messages::set_language(language.code());
    }
    // `--ui-lang`, given to any command, says them in its language.
    if let Some(code) = cli.ui_lang.as_deref() {
        crate::messages::set_language(prompt::ui::language(Some(code))?.code());
    }
    let diagnostics = Diagnostics {
        quiet: cli.quiet,
        language: crate::messages::language()
            .parse()
            .unwrap_or(crate::model::Language::EN),
    };
    let before = &cli.data;
    match cli.command {
        Command::Draft(mut args) => {
            let data = data_options(&args.data, before);
            args.prompts.ui_lang = cli.ui_lang.clone();
            draft::run(*args, &data, diagnostics)
        }
        Command::Batch(args) => {
            let data = data_options(&args.data, before);
            batch::run(*args, &data, diagnostics)
        }
        Command::Send(args) => send::run(*args, diagnostics),
        Command::Report(args) => report::run(args, diagnostics),
        Command::Recipients(args) => {
            let data = data_options(&args.data, before);
            recipients::run(args.command, &data, diagnostics)
        }
        Command::Templates(args) => {
            let data = data_options(&args.data, before);
            templates::run(args.command, &data)
        }
        Command::Check(args) => {
            let data = data_options(&args.data, before);
            check::run(args, &data, diagnostics)
        }
        Command::Init(args) => init::run(args, diagnostics),
        Command::Completions { shell } => reference::completions(shell),
        Command::Man { command, dir } => reference::man(command.as_deref(), dir.as_deref()),
    }
}
