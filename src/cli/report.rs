//! `letters report`: what a campaign produced and delivered, from batches' manifests and
//! send ledgers.

use std::path::PathBuf;

use clap::Args;

const AFTER_HELP: &str =
    "Reads every manifest.jsonl, summary.json and letters-ledger.jsonl under the \
directories given (a ledger kept elsewhere with --ledger: name its file), and counts, per \
campaign: letters written (each once, however often a batch was resumed), by recipient, \
language and day; signers, each once; failed rows; emails accepted, rejected, deferred and \
uncertain (test messages apart).

Examples:
  letters report
  letters report out-1 out-2 out-3
  letters report campaigns/ --json | jq '.campaigns[].letters.written'
  letters report campaigns/ --csv > report.csv
  letters report campaigns/ --html report.html";

#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct ReportArgs {
    /// Batch output directories, folders of them, or manifest, summary or ledger files
    /// [default: the current directory].
    #[arg(value_name = "DIR|FILE")]
    pub paths: Vec<PathBuf>,

    /// Print the report as one JSON object.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,

    /// Print the report as CSV: campaign, measure, key, count.
    #[arg(long)]
    pub csv: bool,

    /// Also write a self-contained HTML page with charts of letters per day and per
    /// recipient, to share.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
}
