//! The command line, as clap definitions only. Commands turn these into plain requests.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use clap_complete::Shell;

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
#[command(name = "letters", version, about, after_help = AFTER_HELP, after_long_help = format!("{AFTER_HELP}\n\n{}", crate::exit::HELP))]
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
    /// Draft letters, one per recipient; on a terminal, asks for what the flags do not say.
    Draft(Box<DraftArgs>),
    /// Mail-merge: one signed letter per signer row and recipient, from CSV or JSON Lines.
    Batch(Box<BatchArgs>),
    /// List or show recipient records.
    #[command(subcommand)]
    Recipients(RecipientsCommand),
    /// List or show letter templates (campaigns) and their demands.
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Send .eml or mbox files through SMTP (a dry run unless --send), with a ledger.
    Send(Box<SendArgs>),
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

    /// `all` (the default), or a comma-separated list of demand ids.
    #[arg(long, value_name = "all|ID,ID")]
    pub demands: Option<String>,

    /// A paragraph in your own words: TEXT, @FILE, or - for standard input.
    #[arg(long, value_name = "TEXT|@FILE|-", allow_hyphen_values = true)]
    pub own_words: Option<String>,

    /// The letter's date (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// Output format [default: text].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,

    /// Write to this file (one letter) or directory (one file per letter) instead of stdout.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Text line width.
    #[arg(long, value_name = "N", default_value_t = crate::render::text::DEFAULT_WIDTH)]
    pub width: usize,

    #[command(flatten)]
    pub sender: SenderArgs,

    #[command(flatten)]
    pub email: EmailArgs,

    /// An extra field for the template (`{{fields.KEY}}`); repeatable.
    #[arg(long = "field", value_name = "KEY=VALUE")]
    pub fields: Vec<String>,

    /// Repair text that looks mis-decoded (mojibake) instead of only warning.
    #[arg(long)]
    pub fix_mojibake: bool,

    #[command(flatten)]
    pub prompts: PromptArgs,

    #[command(flatten)]
    pub pdf: PdfArgs,
}

/// How `letters draft` behaves on a terminal when choices are missing.
#[derive(Debug, Args, Default)]
pub struct PromptArgs {
    /// Skip the final confirmation of the guided flow.
    #[arg(long, short = 'y')]
    pub yes: bool,

    /// Do not offer to remember who signs.
    #[arg(long)]
    pub no_remember: bool,

    /// Language of the prompts [default: from the locale, else en].
    #[arg(long, value_name = "LANG")]
    pub ui_lang: Option<Language>,
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

#[derive(Debug, Args)]
#[command(
    after_help = "Columns: name (required), title, organization, email, address, phone, web, \
signature (an image path, relative to the signers file), lang, to (office ids), own_words; any \
other column is a template field ({{fields.column}}). Exit code 1 when some rows failed \
(see failed.csv in the output directory)."
)]
pub struct BatchArgs {
    /// The signers: a CSV or JSON Lines file, or - for standard input.
    #[arg(long, value_name = "FILE|-")]
    pub signers: PathBuf,

    /// The folder the rows' `signature` images are in (and must stay in). Default: the
    /// signers file's folder (the current one for standard input).
    #[arg(long, value_name = "DIR")]
    pub signatures_dir: Option<PathBuf>,

    /// The template (campaign) id.
    #[arg(long, short = 't', value_name = "ID")]
    pub template: String,

    /// Recipient office ids (default: the template's); a row's `to` column overrides them.
    #[arg(long = "to", value_name = "ID", value_delimiter = ',')]
    pub to: Vec<String>,

    /// Letter language for rows without a `lang` column (default: the recipient's).
    #[arg(long, value_name = "LANG")]
    pub lang: Option<Language>,

    /// `all` (the default), or a comma-separated list of demand ids.
    #[arg(long, value_name = "all|ID,ID")]
    pub demands: Option<String>,

    /// A paragraph for rows without an `own_words` column: TEXT or @FILE.
    #[arg(long, value_name = "TEXT|@FILE")]
    pub own_words: Option<String>,

    /// The letters' date (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: Format,

    /// The directory to write letters, manifest.jsonl and failed.csv in.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out_dir: PathBuf,

    /// Write every letter into one file (text: form-feed separated; json: JSON Lines;
    /// email: one mbox; pdf: one PDF for printing, each letter with its own pages,
    /// held in memory until the end).
    #[arg(long)]
    pub combine: bool,

    /// One letter from the whole list: every row becomes a co-signer.
    #[arg(long)]
    pub sign_on: bool,

    /// Finish an interrupted batch: skip letters already written intact.
    #[arg(long)]
    pub resume: bool,

    /// Process only shard I of N (by row number), such as 2/8.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<crate::batch::Shard>,

    /// Parallel jobs [default: all cores].
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,

    /// The signers file's encoding.
    #[arg(long, value_enum, default_value = "auto")]
    pub encoding: crate::load::signers::SignersEncoding,

    /// The CSV delimiter [default: detected among , ; tab].
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<char>,

    /// Text line width.
    #[arg(long, value_name = "N", default_value_t = crate::render::text::DEFAULT_WIDTH)]
    pub width: usize,

    /// Defaults for rows that leave them empty (and the signer of a sign-on letter).
    #[command(flatten)]
    pub sender: SenderArgs,

    /// An extra field for every letter (`{{fields.KEY}}`); repeatable.
    #[arg(long = "field", value_name = "KEY=VALUE")]
    pub fields: Vec<String>,

    /// Repair mis-decoded text (mojibake) in the rows instead of only warning.
    #[arg(long)]
    pub fix_mojibake: bool,

    #[command(flatten)]
    pub email: EmailArgs,

    #[command(flatten)]
    pub pdf: PdfArgs,
}

/// Email output (`--format email|mbox|mailto`).
#[derive(Debug, Args, Default)]
pub struct EmailArgs {
    /// The sender of an email: "Name <address>" or an address. Default: the signer's name
    /// and --sender-email (or [sender] in letters.toml).
    #[arg(long, value_name = "MAILBOX")]
    pub from: Option<String>,
    /// Send a copy to this address; repeatable.
    #[arg(long, value_name = "MAILBOX")]
    pub cc: Vec<String>,
    /// Send a blind copy to this address; repeatable.
    #[arg(long, value_name = "MAILBOX")]
    pub bcc: Vec<String>,
    /// Ask for replies at this address; repeatable.
    #[arg(long, value_name = "MAILBOX")]
    pub reply_to: Vec<String>,
    /// Attach the PDF rendering of the same letter (see the PDF options).
    #[arg(long)]
    pub attach_pdf: bool,
}

const SEND_AFTER_HELP: &str = "The password comes from $LETTERS_SMTP_PASSWORD or --password-command, never from a flag.

The ledger (JSON Lines: Message-ID, recipients, time, outcome) is flushed to disk before and \
after each message. Running the same command again sends only what was not accepted; a message \
cut short by a kill is reported as uncertain and not sent again unless --resend-uncertain.

Examples:
  letters draft -t detention-urgent-action --format email -o out/
  letters send out/
  LETTERS_SMTP_PASSWORD=... letters send out/ --send --smtp starttls://mail.example.org:587 --smtp-user ana --rate 30/min";

#[derive(Debug, Args)]
#[command(after_help = SEND_AFTER_HELP)]
pub struct SendArgs {
    /// .eml files, mbox files, or directories of them (as `letters draft --format email -o DIR` writes).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Send for real. Without it, list what would be sent to whom (a dry run).
    #[arg(long)]
    pub send: bool,

    /// The SMTP server: smtp://host:port (no encryption), starttls://host:587, smtps://host:465.
    #[arg(long, value_name = "URL", env = "LETTERS_SMTP", hide_env_values = true)]
    pub smtp: Option<String>,

    /// The SMTP user (or smtp://user@host).
    #[arg(
        long,
        value_name = "USER",
        env = "LETTERS_SMTP_USER",
        hide_env_values = true
    )]
    pub smtp_user: Option<String>,

    /// A command that prints the SMTP password, such as `pass show smtp`. Default: $LETTERS_SMTP_PASSWORD.
    #[arg(long, value_name = "CMD")]
    pub password_command: Option<String>,

    /// At most this many messages: N/min, N/s, N/h or N/day (from 1/day to 1000/s).
    #[arg(long, value_name = "N/min")]
    pub rate: Option<String>,

    /// How many times to retry a transient failure (4xx, lost connection).
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub retries: u32,

    /// Seconds before the first retry (0 to 3600); each next retry waits twice as long, an hour at most.
    #[arg(long, value_name = "SECONDS", default_value_t = 2.0)]
    pub retry_delay: f64,

    /// Seconds to wait for the server before giving up on a connection.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub timeout: u64,

    /// The ledger file. Default: letters-ledger.jsonl beside the (first) messages.
    #[arg(long, value_name = "FILE")]
    pub ledger: Option<PathBuf>,

    /// Send only the messages that failed before (rejected or deferred).
    #[arg(long)]
    pub retry_failed: bool,

    /// Also send messages whose last attempt was cut short: they may reach someone twice.
    #[arg(long)]
    pub resend_uncertain: bool,
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
