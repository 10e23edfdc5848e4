//! `letters batch`: mail-merge, one signed letter per signer row and recipient.

use std::path::PathBuf;

use clap::Args;

use super::letter_args::{DataArgs, EmailArgs, LetterArgs, PdfArgs, SenderArgs};
use crate::batch::Shard;
use crate::load::signers::SignersEncoding;
use crate::render::Format;

const AFTER_HELP: &str = "Columns: name (required), title, organization, email, address, phone, web, \
signature (an image path inside the signers file's folder, or --signatures-dir), lang, to \
(office ids), own_words; any other column is a template field ({{fields.column}}). The \
--sender-* flags fill in what a row leaves empty. Exit code 1 when some rows failed (see \
failed.csv in the output directory).

Examples:
  letters batch --signers signers.csv -t detention-urgent-action --to ve-attorney-general -o out/
  letters batch --signers contacts.xlsx --column name=\"First Name\"+\"Last Name\" -t detention-urgent-action -o out/ --dry-run
  letters batch --signers signers.csv -t detention-urgent-action --format pdf --combine -o print/
  letters batch --signers - -t election-integrity --format json -o out/ < signers.jsonl
  letters batch --signers orgs.csv -t accountability-2025 --sign-on --sender-name \"María López\" -o out/
  letters batch --signers signers.csv -t detention-urgent-action -o out/ --resume
  letters batch --signers signers.csv -t detention-urgent-action -o out-2 --shard 2/8";

#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct BatchArgs {
    /// The signers: a CSV, JSON Lines or spreadsheet (.xlsx, .xls, .ods) file, or - for
    /// standard input.
    #[arg(long, value_name = "FILE|-", help_heading = "Signers")]
    pub signers: PathBuf,

    /// The folder the rows' `signature` images are in (and must stay in). Default: the
    /// signers file's folder (the current one for standard input).
    #[arg(long, value_name = "DIR", help_heading = "Signers")]
    pub signatures_dir: Option<PathBuf>,

    /// The signers file's encoding.
    #[arg(long, value_enum, default_value = "auto", help_heading = "Signers")]
    pub encoding: SignersEncoding,

    /// The CSV delimiter [default: detected among , ; tab].
    #[arg(long, value_name = "CHAR", help_heading = "Signers")]
    pub delimiter: Option<char>,

    /// The sheet of a spreadsheet (.xlsx, .xls, .ods) to read [default: the first].
    #[arg(long, value_name = "NAME", help_heading = "Signers")]
    pub sheet: Option<String>,

    /// Which column(s) a signer field comes from: FIELD=COLUMN, or FIELD="First Name"+"Last
    /// Name" to join several; repeatable. Fields: name, title, organization, email,
    /// address, phone, web, signature, lang, to, own_words.
    #[arg(long = "column", value_name = "FIELD=COLUMN", help_heading = "Signers")]
    pub columns: Vec<String>,

    /// A TOML file of column mappings (`name = ["First Name", "Last Name"]`, `email =
    /// "E-mail"`), as --column gives them.
    #[arg(long, value_name = "FILE", help_heading = "Signers")]
    pub column_map: Option<PathBuf>,

    #[command(flatten)]
    pub letter: LetterArgs,

    /// Output format.
    #[arg(
        long,
        short = 'f',
        value_enum,
        default_value = "text",
        help_heading = "Output"
    )]
    pub format: Format,

    /// The directory to write letters, manifest.jsonl and failed.csv in (with --combine,
    /// - writes the combined letters to standard output).
    #[arg(
        long,
        short = 'o',
        alias = "out-dir",
        value_name = "DIR",
        help_heading = "Output"
    )]
    pub output: PathBuf,

    /// Write every letter into one file (text: form-feed separated; json: JSON Lines;
    /// email: one mbox; pdf: one PDF for printing, each letter with its own pages).
    #[arg(long, help_heading = "Output")]
    pub combine: bool,

    /// For printing on both sides: in a combined PDF, a letter of an odd number of pages
    /// is followed by a blank page, so that every letter starts on a new sheet.
    #[arg(long, requires = "combine", help_heading = "Output")]
    pub duplex: bool,

    /// One letter from the whole list: every row becomes a co-signer.
    #[arg(long, help_heading = "Batch")]
    pub sign_on: bool,

    /// Finish an interrupted batch: skip letters already written intact.
    #[arg(long, help_heading = "Batch")]
    pub resume: bool,

    /// Process only shard I of N (by row number), such as 2/8.
    #[arg(long, value_name = "I/N", help_heading = "Batch")]
    pub shard: Option<Shard>,

    /// Parallel jobs [default: all cores].
    #[arg(long, short = 'j', value_name = "N", help_heading = "Batch")]
    pub jobs: Option<usize>,

    /// Show how the rows will be read (which column became what, the first rows, how
    /// many rows would fail and why), checking every row as the real run does, and write
    /// nothing.
    #[arg(long, help_heading = "Batch")]
    pub dry_run: bool,

    /// Print one JSON summary on standard output at the end (see README.md,
    /// "Machine-readable summaries").
    #[arg(long, help_heading = "Output")]
    pub json: bool,

    /// Defaults for rows that leave them empty (and the signer of a sign-on letter).
    #[command(flatten)]
    pub sender: SenderArgs,

    #[command(flatten)]
    pub email: EmailArgs,

    #[command(flatten)]
    pub pdf: PdfArgs,

    #[command(flatten)]
    pub data: DataArgs,
}
