//! `letters report`: what each campaign produced and delivered, read from the batches'
//! manifests and summaries and the send ledgers (see [`counts`] for what counts once),
//! shown as a table, JSON, CSV, or a self-contained HTML page with charts.

mod chart;
pub mod counts;
mod csv;
mod html;
pub mod sources;
mod table;

use std::path::PathBuf;

use serde::Serialize;

use crate::error::Result;

pub use counts::{Campaign, Emails, Letters};
pub use csv::to_csv;
pub use html::to_html;
pub use table::to_table;

/// The version of the report's JSON shape.
pub const VERSION: u32 = 1;

/// The files a report read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Read {
    pub manifests: Vec<String>,
    pub summaries: Vec<String>,
    pub ledgers: Vec<String>,
}

/// A report over some batches and sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub version: u32,
    /// When the report was made (RFC 3339).
    pub generated: String,
    pub read: Read,
    /// One per campaign, by id; records that name no campaign last.
    pub campaigns: Vec<Campaign>,
    /// Over every campaign (signers each once over all of them).
    pub totals: Campaign,
    /// What could not be read, or was read in part.
    pub warnings: Vec<String>,
}

fn shown(paths: &std::collections::BTreeSet<PathBuf>) -> Vec<String> {
    paths.iter().map(|p| p.display().to_string()).collect()
}

/// The report over the batches and sends under `paths` (see [`sources::find`] for the
/// paths that hold nothing to report).
pub fn gather(paths: &[PathBuf]) -> std::result::Result<Report, sources::FindError> {
    let sources = sources::find(paths)?;
    report(&sources).map_err(sources::FindError::Io)
}

fn report(sources: &sources::Sources) -> Result<Report> {
    let (campaigns, totals, warnings) = counts::count(sources)?;
    Ok(Report {
        version: VERSION,
        generated: crate::sink::timestamp(),
        read: Read {
            manifests: shown(&sources.manifests),
            summaries: shown(&sources.summaries),
            ledgers: shown(&sources.ledgers),
        },
        campaigns,
        totals,
        warnings,
    })
}

impl Report {
    /// The report as pretty-printed JSON, ending with a line break.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// A campaign's name as shown.
pub fn campaign_name(campaign: &Campaign) -> &str {
    campaign
        .campaign
        .as_deref()
        .unwrap_or("(campaign not recorded)")
}
