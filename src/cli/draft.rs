//! `letters draft`: one letter per recipient, from flags; on a terminal, the guided flow
//! asks for whatever the flags leave open.

use std::path::PathBuf;

use clap::Args;

use super::letter_args::{DataArgs, EmailArgs, LetterArgs, PdfArgs, SenderArgs};
use crate::render::Format;

const AFTER_HELP: &str = "Examples:
  letters draft
      (on a terminal: asks for the campaign, recipients, language, demands and signer)
  letters draft -t detention-urgent-action --to ve-attorney-general --lang es --sender-name \"Ana Pérez\"
  letters draft -t election-integrity --sender-name \"Ana Pérez\" --own-words @why.txt -o letter.txt
  letters draft -t detention-urgent-action --format pdf --signature firma.png -o out/
  letters draft -t detention-urgent-action --format email --sender-email ana@example.org -o out/
  letters draft -t accountability-2025 --sender-name Ana --format json | jq .subject

Letters go to standard output (separated by form feeds) unless -o names a file (one
letter), a directory (one file per letter, named TEMPLATE--RECIPIENT--LANG.EXT), or -.
Without a terminal, nothing is asked: a missing choice is an error that lists the flags.";

#[derive(Debug, Default, Args)]
#[command(after_help = AFTER_HELP)]
pub struct DraftArgs {
    #[command(flatten)]
    pub letter: LetterArgs,

    /// Output format [default: text].
    #[arg(long, short = 'f', value_enum, help_heading = "Output")]
    pub format: Option<Format>,

    /// Write to this file (one letter), directory (one file per letter), or - for
    /// standard output (the default).
    #[arg(long, short = 'o', value_name = "PATH|-", help_heading = "Output")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub sender: SenderArgs,

    #[command(flatten)]
    pub email: EmailArgs,

    #[command(flatten)]
    pub pdf: PdfArgs,

    #[command(flatten)]
    pub prompts: PromptArgs,

    #[command(flatten)]
    pub data: DataArgs,
}

/// How `letters draft` behaves on a terminal when choices are missing.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Guided flow")]
pub struct PromptArgs {
    /// Skip the final confirmation of the guided flow.
    #[arg(long, short = 'y')]
    pub yes: bool,

    /// Do not offer to remember who signs.
    #[arg(long)]
    pub no_remember: bool,

    /// The global `--ui-lang`, for the prompts and warnings.
    #[arg(skip)]
    pub ui_lang: Option<String>,
}
