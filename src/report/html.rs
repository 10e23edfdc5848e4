//! The report as one self-contained HTML page for a campaign team to share: a summary
//! table, and for each campaign charts of letters per day and per recipient (SVG, inline)
//! and its counts. No script, no style sheet, font or image from anywhere else.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{campaign_name, chart, Campaign, Report};

/// Text made safe inside HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}\
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin-top:2.5rem;border-bottom:2px solid #1f5f8b;padding-bottom:.3rem}\
h3{font-size:1rem;margin:1.2rem 0 .4rem}p.note{color:#555;margin-top:0}\
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{padding:.3rem .7rem;border-bottom:1px solid #ddd;text-align:right}\
th:first-child,td:first-child{text-align:left}th{background:#f0f4f7}tr.total td{font-weight:bold}\
td:first-child{white-space:nowrap}.charts{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end}.charts svg{max-width:100%;height:auto;display:block;margin:.5rem 0}.cols{display:flex;flex-wrap:wrap;gap:2rem}";

fn summary_table(out: &mut String, report: &Report) {
    out.push_str("<table><thead><tr><th>Campaign</th><th>Letters</th><th>Signers</th><th>Failed rows</th><th>Emails</th><th>Accepted</th><th>Rejected</th><th>Deferred</th><th>Uncertain</th></tr></thead><tbody>");
    let mut row = |name: &str, c: &Campaign, class: &str| {
        let e = &c.emails;
        let _ = write!(
            out,
            "<tr{class}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(name),
            c.letters.written,
            c.signers,
            c.failed_rows,
            e.messages,
            e.accepted + e.partial,
            e.rejected,
            e.deferred,
            e.uncertain
        );
    };
    for campaign in &report.campaigns {
        row(campaign_name(campaign), campaign, "");
    }
    if report.campaigns.len() > 1 {
        row("Total", &report.totals, " class=\"total\"");
    }
    out.push_str("</tbody></table>");
}

fn count_table(out: &mut String, title: &str, heading: &str, map: &BTreeMap<String, usize>) {
    if map.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<div><h3>{}</h3><table><thead><tr><th>{}</th><th>Count</th></tr></thead><tbody>",
        escape(title),
        escape(heading)
    );
    for (key, count) in map {
        let _ = write!(out, "<tr><td>{}</td><td>{count}</td></tr>", escape(key));
    }
    out.push_str("</tbody></table></div>");
}

fn campaign_section(out: &mut String, campaign: &Campaign) -> Result<(), String> {
    let name = campaign_name(campaign);
    let _ = write!(out, "<section><h2>{}</h2>", escape(name));
    let e = &campaign.emails;
    let _ = write!(
        out,
        "<p>{} letters from {} signers",
        campaign.letters.written, campaign.signers
    );
    if campaign.failed_rows > 0 {
        let rows = if campaign.failed_rows == 1 {
            "row"
        } else {
            "rows"
        };
        let _ = write!(out, "; {} {rows} failed", campaign.failed_rows);
    }
    if e.messages > 0 {
        let _ = write!(
            out,
            "; {} emails: {} accepted, {} rejected, {} deferred, {} uncertain",
            e.messages,
            e.accepted + e.partial,
            e.rejected,
            e.deferred,
            e.uncertain
        );
    }
    out.push_str(".</p><div class=\"charts\">");
    let per_day: Vec<(String, usize)> = campaign
        .letters
        .by_day
        .iter()
        .map(|(k, v)| (k.clone(), *v))
        .collect();
    let per_recipient: Vec<(String, usize)> = campaign
        .letters
        .by_recipient
        .iter()
        .map(|(k, v)| (k.clone(), *v))
        .collect();
    if !per_day.is_empty() {
        out.push_str(&chart::bars("Letters per day", &per_day)?);
        out.push_str(&chart::bars("Letters per recipient", &per_recipient)?);
    }
    out.push_str("</div><div class=\"cols\">");
    count_table(
        out,
        "Letters by recipient",
        "Recipient",
        &campaign.letters.by_recipient,
    );
    count_table(
        out,
        "Letters by language",
        "Language",
        &campaign.letters.by_language,
    );
    count_table(out, "Letters by day", "Day", &campaign.letters.by_day);
    count_table(
        out,
        "Emails accepted by recipient",
        "Recipient",
        &e.accepted_by_recipient,
    );
    count_table(out, "Emails accepted by day", "Day", &e.accepted_by_day);
    out.push_str("</div></section>");
    Ok(())
}

/// The report as a self-contained HTML page.
pub fn to_html(report: &Report) -> Result<String, String> {
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.push_str("<title>Letters report</title><style>");
    out.push_str(STYLE);
    out.push_str("</style></head><body><h1>Letters report</h1>");
    let _ = write!(
        out,
        "<p class=\"note\">Made {} from {} manifests, {} batch summaries and {} send ledgers. Each letter and each signer is counted once.</p>",
        escape(&report.generated),
        report.read.manifests.len(),
        report.read.summaries.len(),
        report.read.ledgers.len()
    );
    summary_table(&mut out, report);
    for campaign in &report.campaigns {
        campaign_section(&mut out, campaign)?;
    }
    out.push_str("</body></html>\n");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<b>\"O'Brien\" & co"),
            "&lt;b&gt;&quot;O&#39;Brien&quot; &amp; co"
        );
    }
}
