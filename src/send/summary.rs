//! The summary of a send as one JSON object: what `letters send --json` prints. Its
//! fields are documented in README.md ("Machine-readable summaries") and in
//! `docs/schemas/send-summary.schema.json`; new fields may be added, none is renamed or
//! removed without raising `version`.

use serde::Serialize;

use super::ledger::Status;
use super::run::Report;

/// The version of the summary's shape.
pub const VERSION: u32 = 1;

/// One message and where it stands after the run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Result {
    pub source: String,
    pub to: String,
    pub subject: String,
    /// `new`, `accepted`, `partial`, `rejected`, `deferred` or `uncertain`.
    pub status: String,
    /// Whether this run sent it (or, in a dry run, would).
    pub sent: bool,
    /// The server's last answer about it, if any.
    pub response: String,
}

/// The summary of one send run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub version: u32,
    pub command: String,
    pub dry_run: bool,
    /// The test address of a `--test-to` run.
    pub test_to: Option<String>,
    pub ledger: String,
    pub messages: usize,
    /// What this run sent (or would send), by outcome.
    pub sent: usize,
    pub accepted: usize,
    pub partial: usize,
    pub rejected: usize,
    pub deferred: usize,
    /// Left alone: already accepted or rejected, or uncertain.
    pub skipped: usize,
    /// Not reached: the run stopped first.
    pub not_attempted: usize,
    /// Cut short by an earlier stop, and left alone.
    pub uncertain: usize,
    pub results: Vec<Result>,
    pub started: String,
    pub finished: String,
    pub elapsed_seconds: f64,
    pub exit_code: i32,
}

impl Document {
    /// The summary of `report`.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        report: &Report,
        dry_run: bool,
        test_to: Option<String>,
        ledger: String,
        started: String,
        elapsed: std::time::Duration,
        exit_code: i32,
    ) -> Document {
        let sent = |status: Status| {
            report
                .lines
                .iter()
                .filter(|l| l.attempted && l.status == status)
                .count()
        };
        Document {
            version: VERSION,
            command: "send".to_string(),
            dry_run,
            test_to,
            ledger,
            messages: report.lines.len(),
            sent: report
                .lines
                .iter()
                .filter(|l| l.attempted || (dry_run && l.pending))
                .count(),
            accepted: sent(Status::Accepted),
            partial: sent(Status::Partial),
            rejected: sent(Status::Rejected),
            deferred: sent(Status::Deferred),
            skipped: report
                .lines
                .iter()
                .filter(|l| !l.attempted && !l.pending)
                .count(),
            not_attempted: if dry_run { 0 } else { report.pending() },
            uncertain: report
                .lines
                .iter()
                .filter(|l| !l.attempted && !l.pending && l.status == Status::Uncertain)
                .count(),
            results: report
                .lines
                .iter()
                .map(|l| Result {
                    source: l.source.clone(),
                    to: l.to.clone(),
                    subject: l.subject.clone(),
                    status: l.status.label().to_string(),
                    sent: l.attempted || (dry_run && l.pending),
                    response: l.message.clone(),
                })
                .collect(),
            started,
            finished: crate::sink::timestamp(),
            elapsed_seconds: (elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
            exit_code,
        }
    }

    /// The summary as pretty-printed JSON, ending with a line break.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}
