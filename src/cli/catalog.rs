//! The commands that look after data: `recipients`, `templates`, `check` and `init`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::completion;
use super::letter_args::DataArgs;

const RECIPIENTS_HELP: &str = "Examples:
  letters recipients list
  letters recipients show ve-un-mission
  letters recipients list --json | jq '.[].id'";

const TEMPLATES_HELP: &str = "Examples:
  letters templates list
  letters templates list --lang es
  letters templates show detention-urgent-action";

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
    /// Show one recipient record.
    Show {
        #[arg(add = completion::recipients())]
        id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
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
    /// Show one template with its demands.
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
