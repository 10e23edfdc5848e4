//! The commands that look after data: `recipients`, `templates`, `check` and `init`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::completion;
use super::letter_args::DataArgs;

const RECIPIENTS_HELP: &str = "Examples:
  letters recipients list
  letters recipients show us-secretary-of-state
  letters recipients list --json | jq '.[].id'
  letters recipients update ve-attorney-general --name \"Ana Díaz\" --honorific en=Ms. --honorific es=Señora --since 2026-11-02
  letters recipients verify ve-un-mission
  letters recipients import embassies.csv
  letters recipients import embassies.csv --write

update, verify and import change your own copy of the records (--recipients FILE, the \
workspace's, or the user config directory's); while the bundled records are in use, \
they make that copy first. Bundled data is never changed.";

const UPDATE_HELP: &str = "Examples:
  letters recipients update us-secretary-of-state --name \"Marco Rubio\" --honorific en=\"The Honorable\" --honorific es=\"Excelentísimo señor\" --since 2025-01-21
  letters recipients update ve-attorney-general --name \"Ana Díaz\" --honorific Sra. --salutation es=\"Señora Fiscal General:\" --since 2026-11-02

The holder before leaves office the day before --since; the history is kept, and the \
record counts as verified today. Letters dated before --since still go to the holder \
of that day.";

const VERIFY_HELP: &str = "Examples:
  letters recipients verify ve-un-mission
  letters recipients verify ve-attorney-general --date 2026-11-20";

const IMPORT_HELP: &str = "Examples:
  letters recipients import parliament.csv
  letters recipients import parliament.csv --write
  letters recipients import embassies.jsonl --write --json
  some-export | letters recipients import - --input-format csv

A file gives each office's id and the keys of a record in recipients.toml: office, \
title, organization, address, email, country, languages, salutation, verified, note, \
and its holder as name, honorific and since (or a full `holders` list). In CSV, a \
text per language is a column of its own (office.es, title.en) and address lines are \
separated by `|`. A known office has only the values given changed; a holder other \
than its current one (with since) is added to its history. Nothing is written without \
--write, nor when any office does not pass the checks every recipients file passes.";

const TEMPLATES_HELP: &str = "Examples:
  letters templates list
  letters templates list --lang es
  letters templates show detention-urgent-action
  letters templates show election-integrity --lang es";

#[derive(Debug, Args)]
#[command(after_help = RECIPIENTS_HELP)]
pub struct RecipientsArgs {
    #[command(subcommand)]
    pub command: RecipientsCommand,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Subcommand)]
pub enum RecipientsCommand {
    /// List recipient records.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one recipient record and its history of holders.
    Show {
        #[arg(add = completion::recipients())]
        id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Record a new holder of an office, keeping the history (in your own copy).
    #[command(after_help = UPDATE_HELP)]
    Update(UpdateArgs),
    /// Record that an office's record (and its holder) was checked (in your own copy).
    #[command(after_help = VERIFY_HELP)]
    Verify {
        #[arg(add = completion::recipients())]
        id: String,
        /// The day it was checked (YYYY-MM-DD). Default: today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    /// Add or update many offices from CSV, JSON Lines or TOML (a dry run unless --write).
    #[command(after_help = IMPORT_HELP)]
    Import(ImportArgs),
}

/// `letters recipients update`.
#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The office whose holder changed.
    #[arg(add = completion::recipients())]
    pub id: String,
    /// The new holder's name.
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// The new holder's honorific, for every language or one (es=Señora); repeatable.
    #[arg(long, value_name = "[LANG=]TEXT")]
    pub honorific: Vec<String>,
    /// A salutation for the new holder instead of the office's (es="Señora Ministra:");
    /// repeatable.
    #[arg(long, value_name = "[LANG=]TEXT")]
    pub salutation: Vec<String>,
    /// The day the new holder took office (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: String,
}

/// `letters recipients import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A CSV, JSON Lines or TOML file of offices, or - for standard input.
    #[arg(value_name = "FILE", allow_hyphen_values = true)]
    pub file: PathBuf,
    /// Apply the changes. Without it, only say what would change.
    #[arg(long)]
    pub write: bool,
    /// The file's format, when its name does not say: csv, jsonl or toml.
    #[arg(long, value_name = "csv|jsonl|toml")]
    pub input_format: Option<String>,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(after_help = TEMPLATES_HELP)]
pub struct TemplatesArgs {
    #[command(subcommand)]
    pub command: TemplatesCommand,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// List templates.
    List {
        /// Language of names and descriptions (en, es).
        #[arg(long, default_value = "en")]
        lang: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one template with its demands and sources.
    Show {
        #[arg(add = completion::templates())]
        id: String,
        /// Language of the texts shown (en, es).
        #[arg(long, default_value = "en")]
        lang: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  letters check
  letters check my-workspace/
  letters check --json | jq .errors")]
pub struct CheckArgs {
    /// A workspace directory to check. Default: the data in use.
    pub dir: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  letters init my-campaigns
  cd my-campaigns && letters check")]
pub struct InitArgs {
    /// The directory to create (or fill).
    pub dir: PathBuf,
    /// Overwrite files that already exist.
    #[arg(long)]
    pub force: bool,
}
