//! The report as CSV, one count a row (`campaign,measure,key,count`), so that a
//! spreadsheet can pivot it any way; the totals are the rows whose campaign is `total`.

use std::collections::BTreeMap;

use super::{campaign_name, Campaign, Report};

/// The rows of one campaign, named `name`.
fn rows(name: &str, c: &Campaign, out: &mut Vec<[String; 4]>) {
    let mut one = |measure: &str, key: &str, count: usize| {
        out.push([
            name.to_string(),
            measure.to_string(),
            key.to_string(),
            count.to_string(),
        ]);
    };
    let e = &c.emails;
    for (measure, count) in [
        ("letters", c.letters.written),
        ("signers", c.signers),
        ("cosigners", c.cosigners),
        ("failed_rows", c.failed_rows),
        ("emails", e.messages),
        ("emails_accepted", e.accepted),
        ("emails_partial", e.partial),
        ("emails_rejected", e.rejected),
        ("emails_deferred", e.deferred),
        ("emails_uncertain", e.uncertain),
        ("emails_tests", e.tests),
    ] {
        one(measure, "", count);
    }
    let maps: [(&str, &BTreeMap<String, usize>); 5] = [
        ("letters_by_recipient", &c.letters.by_recipient),
        ("letters_by_language", &c.letters.by_language),
        ("letters_by_day", &c.letters.by_day),
        ("emails_accepted_by_recipient", &e.accepted_by_recipient),
        ("emails_accepted_by_day", &e.accepted_by_day),
    ];
    for (measure, map) in maps {
        for (key, count) in map {
            one(measure, key, *count);
        }
    }
}

/// The report as CSV text.
pub fn to_csv(report: &Report) -> String {
    let mut records = Vec::new();
    for campaign in &report.campaigns {
        rows(campaign_name(campaign), campaign, &mut records);
    }
    rows("total", &report.totals, &mut records);
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(["campaign", "measure", "key", "count"]);
    for record in &records {
        let _ = writer.write_record(record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
