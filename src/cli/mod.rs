//! The command line, as clap definitions only: every flag, its help and its examples.
//! `app` turns what is parsed here into plain requests; nothing below it sees clap.

mod batch;
mod catalog;
mod completion;
mod draft;
mod letter_args;
mod report;
mod send;
mod values;

use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand};
use clap_complete::Shell;

pub use batch::BatchArgs;
pub use catalog::{
    CheckArgs, ImportArgs, InitArgs, RecipientsArgs, RecipientsCommand, TemplatesArgs,
    TemplatesCommand, UpdateArgs,
};
pub use draft::{DraftArgs, PromptArgs};
pub use letter_args::{DataArgs, EmailArgs, LetterArgs, PdfArgs, SenderArgs};
pub use report::ReportArgs;
pub use send::SendArgs;

const AFTER_HELP: &str = "Examples:
  letters draft
  letters draft --template detention-urgent-action --to ve-attorney-general --lang es --sender-name \"Ana Pérez\"
  letters batch --signers signers.csv -t detention-urgent-action -o out/
  letters send out/ --send --smtp starttls://mail.example.org:587 --smtp-user ana
  letters report out/ --html report.html
  letters templates list
  letters recipients show ve-un-mission
  letters check

Data lookup: --recipients/--templates, then ./letters.toml (a workspace made by `letters init`), \
then the user config directory ($LETTERS_CONFIG_DIR or ~/.config/letters), then the bundled data.";

/// Draft advocacy letters in English and Spanish.
#[derive(Debug, Parser)]
#[command(
    name = "letters",
    version,
    about,
    after_help = AFTER_HELP,
    after_long_help = format!("{AFTER_HELP}\n\n{}", crate::exit::HELP)
)]
pub struct Cli {
    /// Print no warnings or progress on stderr (errors are still printed).
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,

    /// Language of messages, warnings and errors (en, es) [default: LETTERS_UI_LANG, else
    /// the locale when prompting, else en].
    #[arg(long, global = true, value_name = "LANG")]
    pub ui_lang: Option<String>,

    /// Where data comes from, given before the command (as older versions took it).
    #[command(flatten)]
    pub data: HiddenDataArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// `--recipients` and `--templates` before the command: still accepted, not shown.
#[derive(Debug, Clone, Default, Args)]
pub struct HiddenDataArgs {
    #[arg(long, value_name = "FILE", hide = true)]
    pub recipients: Option<PathBuf>,
    #[arg(long, value_name = "DIR", hide = true)]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Draft letters, one per recipient; on a terminal, asks for what the flags do not say.
    Draft(Box<DraftArgs>),
    /// Mail-merge: one signed letter per signer row and recipient, from CSV or JSON Lines.
    Batch(Box<BatchArgs>),
    /// Send .eml or mbox files through SMTP (a dry run unless --send), with a ledger.
    Send(Box<SendArgs>),
    /// How many letters each campaign produced and delivered, from manifests and ledgers.
    Report(ReportArgs),
    /// List or show recipient records; record a new holder, a check, or many offices.
    Recipients(RecipientsArgs),
    /// List or show letter templates (campaigns) and their demands.
    Templates(TemplatesArgs),
    /// Validate recipients, templates and demand lists.
    Check(CheckArgs),
    /// Write a starter workspace: the bundled data and a letters.toml to edit.
    Init(InitArgs),
    /// Print the shell code that completes commands, flags, campaigns and recipients.
    #[command(after_help = "Examples:
  echo 'source <(letters completions bash)' >> ~/.bashrc
  echo 'source <(letters completions zsh)' >> ~/.zshrc
  letters completions fish > ~/.config/fish/completions/letters.fish")]
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print a man page (roff), or write every page into a directory.
    #[command(after_help = "Examples:
  letters man | man -l -
  letters man draft | man -l -
  letters man --dir /usr/local/share/man/man1")]
    Man {
        /// The command whose page to print (draft, batch, send, ...). Default: letters.
        command: Option<String>,
        /// Write letters.1 and a page for every command (letters-draft.1, ...) here.
        #[arg(long, value_name = "DIR", conflicts_with = "command")]
        dir: Option<PathBuf>,
    },
}

/// The clap command, for completions and man pages.
pub fn command() -> clap::Command {
    Cli::command()
}
