//! What the fuzz targets share: the bundled data loaded once, one input split into
//! several texts, and letters drafted from arbitrary texts through the real pipeline.

use std::sync::OnceLock;

use chrono::NaiveDate;
use letters::draft::{plan, validate, Context, Draft, Given, LetterRequest, RawRequest, RawSender};
use letters::error::Source;
use letters::load::DataSet;
use letters::model::{Language, Sender};

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
        1 => Some(Language::EN),
        _ => Some(Language::ES),
    }
}

/// A request for a letter from a bundled campaign to a bundled office, as a selector
/// byte picks them.
pub fn pick(selector: u8) -> LetterRequest {
    let mut request = LetterRequest::empty(today());
    request.template = TEMPLATES[usize::from(selector) % TEMPLATES.len()].to_string();
    request.recipients = vec![RECIPIENTS[usize::from(selector / 4) % RECIPIENTS.len()].to_string()];
    request.language = language(selector / 16);
    request
}

/// The texts of `request` as the flags would give them, so that they go through the
/// same checks (control characters, mojibake, email shape).
fn as_flags(request: &LetterRequest) -> RawRequest {
    let flag = |value: &str, name: &'static str| {
        (!value.is_empty()).then(|| Given::new(value.to_string(), Source::Flag(name)))
    };
    let sender = &request.sender;
    RawRequest {
        own_words: request
            .own_words
            .as_deref()
            .and_then(|t| flag(t, "--own-words")),
        sender: RawSender {
            name: flag(&sender.name, "--sender-name"),
            title: flag(&sender.title, "--sender-title"),
            organization: flag(&sender.organization, "--sender-org"),
            email: flag(&sender.email, "--sender-email"),
            address: (!sender.address.is_empty())
                .then(|| Given::new(sender.address.clone(), Source::Flag("--sender-address"))),
            phone: flag(&sender.phone, "--sender-phone"),
            web: flag(&sender.web, "--sender-web"),
            signature: None,
        },
        fields: request
            .fields
            .iter()
            .map(|(k, v)| (k.clone(), Given::new(v.clone(), Source::Flag("--field"))))
            .collect(),
        ..RawRequest::default()
    }
}

/// Plans the letters `request` asks for against `data`, dated [`today`], its texts
/// checked through the one conversion first; a refusal (bad name, unknown language, …)
/// is a normal outcome and gives no drafts.
pub fn drafts(data: &DataSet, request: LetterRequest) -> Vec<Draft> {
    let raw = as_flags(&request);
    let base = LetterRequest {
        sender: Sender::default(),
        own_words: None,
        fields: Default::default(),
        date: today(),
        ..request
    };
    let Ok(checked) = validate(
        raw,
        &base,
        Context {
            signatures_dir: None,
            messages: letters::model::Language::EN,
        },
    ) else {
        return Vec::new();
    };
    plan(&checked.request, data, today()).map_or_else(|_| Vec::new(), |p| p.drafts)
}
