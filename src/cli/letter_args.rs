//! The flags `draft` and `batch` share: what letter (campaign, recipients, language,
//! demands, own words, date, fields), who signs, the email and PDF settings, and where
//! data comes from. Each group has its own heading in `--help`.

use std::path::PathBuf;

use clap::Args;

use super::completion;
use crate::model::{Layout, PdfStandard};

/// Where data comes from: these files instead of the workspace's or the bundled ones.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Data")]
pub struct DataArgs {
    /// Recipient records to use instead of the workspace's or the bundled ones.
    #[arg(long, value_name = "FILE")]
    pub recipients: Option<PathBuf>,

    /// Letter templates directory to use instead of the workspace's or the bundled ones.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// What the letter says.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Letter")]
pub struct LetterArgs {
    /// The template (campaign) id; see `letters templates list`.
    #[arg(long, short = 't', value_name = "ID", add = completion::templates())]
    pub template: Option<String>,

    /// A recipient office id; repeat (or separate with commas) for several, one letter
    /// each. Default: the template's.
    #[arg(long = "to", value_name = "ID", value_delimiter = ',', add = completion::recipients())]
    pub to: Vec<String>,

    /// Letter language (en, es, fr, pt, or one a locale file adds). Default: the recipient's preferred language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,

    /// `all` (the default), or a comma-separated list of demand ids.
    #[arg(long, value_name = "all|ID,ID")]
    pub demands: Option<String>,

    /// A paragraph in your own words: TEXT, @FILE, or - for standard input.
    #[arg(long, value_name = "TEXT|@FILE|-", allow_hyphen_values = true)]
    pub own_words: Option<String>,

    /// The letter's date (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// An extra field for the template (`{{fields.KEY}}`); repeatable.
    #[arg(long = "field", value_name = "KEY=VALUE")]
    pub fields: Vec<String>,

    /// Who the letter speaks for: individual ("I"), organization ("we", for
    /// --sender-org) or sign-on ("we", with the co-signers). Default: organization when
    /// the signer gives one, individual otherwise; sign-on for `batch --sign-on`.
    #[arg(long, value_name = "individual|organization|sign-on")]
    pub voice: Option<String>,

    /// Repair text that looks mis-decoded (mojibake) instead of only warning.
    #[arg(long)]
    pub fix_mojibake: bool,

    /// Text line width [default: 72].
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
}

/// Who signs. Defaults come from letters.toml `[sender]`.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Sender")]
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

/// Email output (`--format email|mbox|mailto`).
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Email")]
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

/// PDF output. Defaults come from letters.toml `[pdf]`.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "PDF")]
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
    /// The standards a PDF is written to: tagged for screen readers (PDF/UA-1) and
    /// archival (PDF/A-2b), or none, for the smallest files (else pdf-standard in [pdf]
    /// of letters.toml)
    #[arg(long, value_enum, value_name = "STANDARD")]
    pub pdf_standard: Option<PdfStandard>,
}
