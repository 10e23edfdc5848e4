//! What the fuzz targets share: the bundled data loaded once, one input split into
//! several texts, and letters drafted from arbitrary texts through the real pipeline.

use std::sync::OnceLock;

use chrono::NaiveDate;
use letters::draft::{plan, Draft, DraftRequest};
use letters::load::DataSet;
use letters::model::Language;

/// The bundled campaigns, in a fixed order a selector byte can index.
pub const TEMPLATES: [&str; 4] = [
    "election-integrity",
    "post-election-audit",
    "detention-urgent-action",
    "accountability-2025",
];

/// The bundled offices, in a fixed order a selector byte can index.
pub const RECIPIENTS: [&str; 3] = [
    "us-secretary-of-state",
    "ve-attorney-general",
    "ve-un-mission",
];

/// A fixed "today", so that deadlines and stale records warn the same way every run.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 8, 20).unwrap_or_default()
}

/// The bundled recipients and templates, loaded once per process.
pub fn bundled() -> &'static DataSet {
    static DATA: OnceLock<DataSet> = OnceLock::new();
    DATA.get_or_init(|| match DataSet::bundled() {
        Ok(data) => data,
        Err(err) => panic!("the bundled data does not load: {err}"),
    })
}

/// Splits `data` into `N` texts at NUL bytes (missing texts are empty, invalid UTF-8 is
/// replaced), after taking its first byte as a selector.
pub fn split<const N: usize>(data: &[u8]) -> (u8, [String; N]) {
    let (selector, rest) = data.split_first().map_or((0, &[][..]), |(s, r)| (*s, r));
    let mut texts: [String; N] = std::array::from_fn(|_| String::new());
    for (slot, part) in texts.iter_mut().zip(rest.splitn(N, |b| *b == 0)) {
        *slot = String::from_utf8_lossy(part).into_owned();
    }
    (selector, texts)
}

/// The language a selector picks: the recipient's (None), English or Spanish.
pub fn language(selector: u8) -> Option<Language> {
    match selector % 3 {
        0 => None,
        1 => Some(Language::En),
        _ => Some(Language::Es),
    }
}

/// A request for a letter from a bundled campaign to a bundled office, as a selector
/// byte picks them.
pub fn pick(selector: u8) -> DraftRequest {
    DraftRequest {
        template: TEMPLATES[usize::from(selector) % TEMPLATES.len()].to_string(),
        recipients: vec![RECIPIENTS[usize::from(selector / 4) % RECIPIENTS.len()].to_string()],
        language: language(selector / 16),
        ..DraftRequest::default()
    }
}

/// Plans the letters `request` asks for against `data`, dated [`today`]; a refusal (bad
/// name, unknown language, …) is a normal outcome and gives no drafts.
pub fn drafts(data: &DataSet, request: DraftRequest) -> Vec<Draft> {
    let request = DraftRequest {
        date: today(),
        ..request
    };
    plan(request, data, today()).map_or_else(|_| Vec::new(), |p| p.drafts)
}
