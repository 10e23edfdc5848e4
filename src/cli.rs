//! The command line, as clap definitions only. Commands turn these into plain requests.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use clap_complete::Shell;

use crate::exit_code;
use crate::model::Language;
use crate::render::pdf::Layout;
use crate::render::Format;

const AFTER_HELP: &str = "Examples:
  letters draft --template detention-urgent-action --to ve-attorney-general --lang es --sender-name \"Ana Pérez\"
  letters templates list
  letters recipients show ve-un-mission
  letters check

Data lookup: --recipients/--templates, then ./letters.toml (a workspace made by `letters init`), \
then the user config directory ($LETTERS_CONFIG_DIR or ~/.config/letters), then the bundled data.";

/// Draft advocacy letters in English and Spanish.
#[derive(Debug, Parser)]
#[command(name = "letters", version, about, after_help = AFTER_HELP, after_long_help = format!("{AFTER_HELP}\n\n{}", exit_code::HELP))]
pub struct Cli {
    #[command(flatten)]
    pub data: DataArgs,

    /// Print no warnings or progress on stderr (errors are still printed).
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// Where data comes from.
#[derive(Debug, Args)]
pub struct DataArgs {
    /// Recipient records to use instead of the workspace's or the bundled ones.
    #[arg(long, global = true, value_name = "FILE")]
    pub recipients: Option<PathBuf>,

    /// Letter templates directory to use instead of the workspace's or the bundled ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Draft letters: one per recipient.
    Draft(Box<DraftArgs>),
    /// List or show recipient records.
    #[command(subcommand)]
    Recipients(RecipientsCommand),
    /// List or show letter templates (campaigns) and their demands.
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Validate recipients, templates and demand lists.
    Check(CheckArgs),
    /// Write a starter workspace: the bundled data and a letters.toml to edit.
    Init(InitArgs),
    /// Print shell completions.
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the man page (roff).
    Man,
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// The template (campaign) id; see `letters templates list`.
    #[arg(long, short = 't', value_name = "ID")]
    pub template: Option<String>,

    /// A recipient office id; repeat for several (one letter each). Default: the template's.
    #[arg(long = "to", value_name = "ID", value_delimiter = ',')]
    pub to: Vec<String>,

    /// Letter language. Default: the recipient's preferred language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<Language>,

    /// `all`, or a comma-separated list of demand ids.
    #[arg(long, value_name = "all|ID,ID", default_value = "all")]
    pub demands: String,

    /// A paragraph in your own words: TEXT, @FILE, or - for standard input.
    #[arg(long, value_name = "TEXT|@FILE|-", allow_hyphen_values = true)]
    pub own_words: Option<String>,

    /// The letter's date (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: Format,

    /// Write to this file (one letter) or directory (one file per letter) instead of stdout.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Text line width.
    #[arg(long, value_name = "N", default_value_t = crate::render::text::DEFAULT_WIDTH)]
    pub width: usize,

    #[command(flatten)]
    pub sender: SenderArgs,

    /// An extra field for the template (`{{fields.KEY}}`); repeatable.
    #[arg(long = "field", value_name = "KEY=VALUE")]
    pub fields: Vec<String>,

    /// Repair text that looks mis-decoded (mojibake) instead of only warning.
    #[arg(long)]
    pub fix_mojibake: bool,

    #[command(flatten)]
    pub pdf: PdfArgs,
}

/// Who signs. Defaults come from letters.toml `[sender]`.
#[derive(Debug, Args, Default)]
pub struct SenderArgs {
    /// The signer's name.
    #[arg(long, value_name = "NAME")]
    pub sender_name: Option<String>,
    /// The signer's title.
    #[arg(long, value_name = "TITLE")]
    pub sender_title: Option<String>,
    /// The signer's organization (also the letterhead).
    #[arg(long, value_name = "ORG")]
    pub sender_org: Option<String>,
    /// The signer's email address.
    #[arg(long, value_name = "EMAIL")]
    pub sender_email: Option<String>,
    /// A line of the sender's postal address; repeat for each line.
    #[arg(long, value_name = "LINE")]
    pub sender_address: Vec<String>,
    /// The sender's phone number.
    #[arg(long, value_name = "PHONE")]
    pub sender_phone: Option<String>,
    /// The sender's web site.
    #[arg(long, value_name = "URL")]
    pub sender_web: Option<String>,
    /// A handwritten signature image (PNG or JPEG), printed above the name in PDFs.
    #[arg(long, value_name = "FILE")]
    pub signature: Option<PathBuf>,
}

/// PDF output. Defaults come from letters.toml `[pdf]`.
#[derive(Debug, Args, Default)]
#[command(next_help_heading = "PDF output")]
pub struct PdfArgs {
    /// Page layout. Default: us-letter for US recipients, din5008-b elsewhere.
    #[arg(long, value_enum, value_name = "LAYOUT")]
    pub layout: Option<Layout>,
    /// A TrueType font for regular text. Default: the bundled Liberation Serif.
    #[arg(long, value_name = "TTF")]
    pub font_regular: Option<PathBuf>,
    /// A TrueType font for bold text (the subject, headings).
    #[arg(long, value_name = "TTF")]
    pub font_bold: Option<PathBuf>,
    /// A TrueType font for italic text.
    #[arg(long, value_name = "TTF")]
    pub font_italic: Option<PathBuf>,
    /// A TrueType font for bold italic text.
    #[arg(long, value_name = "TTF")]
    pub font_bold_italic: Option<PathBuf>,
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
        id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// List templates.
    List {
        /// Language of names and descriptions.
        #[arg(long, default_value = "en")]
        lang: Language,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one template with its demands.
    Show {
        id: String,
        /// Language of the texts shown.
        #[arg(long, default_value = "en")]
        lang: Language,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A workspace directory to check. Default: the data in use.
    pub dir: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The directory to create (or fill).
    pub dir: PathBuf,
    /// Overwrite files that already exist.
    #[arg(long)]
    pub force: bool,
}
