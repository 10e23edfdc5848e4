//! The report as text for a terminal: one line per campaign with the totals below, then
//! each campaign's letters by recipient, language and day, and its emails by day.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{campaign_name, Campaign, Report};
use crate::messages;

/// Columns of text, the first left-aligned and the others (numbers) right-aligned.
fn columns(rows: &[Vec<String>]) -> String {
    let count = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..count)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(line, "{cell:<width$}", width = widths[i]);
            } else {
                let _ = write!(line, "  {cell:>width$}", width = widths[i]);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn summary_row(name: &str, c: &Campaign) -> Vec<String> {
    let e = &c.emails;
    [
        name.to_string(),
        c.letters.written.to_string(),
        c.signers.to_string(),
        c.failed_rows.to_string(),
        e.messages.to_string(),
        (e.accepted + e.partial).to_string(),
        e.rejected.to_string(),
        e.deferred.to_string(),
        e.uncertain.to_string(),
        e.tests.to_string(),
    ]
    .to_vec()
}

fn breakdown(out: &mut String, title: &str, map: &BTreeMap<String, usize>) {
    if map.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = map
        .iter()
        .map(|(k, v)| vec![format!("    {k}"), v.to_string()])
        .collect();
    let _ = writeln!(out, "  {title}");
    out.push_str(&columns(&rows));
}

/// The report as text, its headings in `language` (an interface language's code).
pub fn to_table(report: &Report, language: &str) -> String {
    let t = |id: &str| messages::format(language, id, &[]);
    let mut rows = vec![[
        "report-campaign",
        "report-letters",
        "report-signers",
        "report-failed-rows",
        "report-emails",
        "report-accepted",
        "report-rejected",
        "report-deferred",
        "report-uncertain",
        "report-tests",
    ]
    .map(t)
    .to_vec()];
    for campaign in &report.campaigns {
        rows.push(summary_row(campaign_name(campaign), campaign));
    }
    if report.campaigns.len() > 1 {
        rows.push(summary_row(&t("report-total"), &report.totals));
    }
    let mut out = columns(&rows);
    for campaign in &report.campaigns {
        let _ = writeln!(out, "\n{}", campaign_name(campaign));
        let letters = &campaign.letters;
        breakdown(&mut out, &t("report-by-recipient"), &letters.by_recipient);
        breakdown(&mut out, &t("report-by-language"), &letters.by_language);
        breakdown(&mut out, &t("report-by-day"), &letters.by_day);
        if campaign.cosigners > 0 {
            let _ = writeln!(out, "  {}: {}", t("report-cosigners"), campaign.cosigners);
        }
        if campaign.emails.partial > 0 {
            let _ = writeln!(
                out,
                "  {}: {}",
                t("report-partial"),
                campaign.emails.partial
            );
        }
        let emails = &campaign.emails;
        breakdown(
            &mut out,
            &t("report-accepted-by-recipient"),
            &emails.accepted_by_recipient,
        );
        breakdown(
            &mut out,
            &t("report-accepted-by-day"),
            &emails.accepted_by_day,
        );
    }
    out
}
