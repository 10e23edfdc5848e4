//! The one conversion from what was asked to a letter request. Flags, `letters.toml`,
//! the answers of the guided flow and the cells of a signers row all say what they ask
//! as a [`RawRequest`], every value with its [`Source`]; [`validate`] checks each value
//! once (control characters, mojibake, email shape, language, demands, date range, text
//! width, voice, signature image) and blames a bad one on its source. What comes out, a
//! [`LetterRequest`], is plain data: nothing after it knows where a value came from.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::checks::Checker;
use super::demands::DemandSelection;
use crate::error::{Result, Source};
use crate::model::{Language, Sender, Voice};

/// The text width letters are wrapped to unless asked otherwise.
pub const DEFAULT_WIDTH: usize = 72;
/// The narrowest text width accepted.
pub const MIN_WIDTH: usize = 20;
/// The widest text width accepted: wider than any page, far from overflowing anything.
pub const MAX_WIDTH: usize = 1000;

/// The earliest letter date accepted: an email's Date cannot be earlier.
pub const EARLIEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(date) => date,
    None => NaiveDate::MIN,
};
/// The latest letter date accepted.
pub const LATEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(date) => date,
    None => NaiveDate::MAX,
};

/// A value as given, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Given<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Given<T> {
    pub fn new(value: T, source: Source) -> Given<T> {
        Given { value, source }
    }
}

/// Who signs, as given.
#[derive(Debug, Clone, Default)]
pub struct RawSender {
    pub name: Option<Given<String>>,
    pub title: Option<Given<String>>,
    pub organization: Option<Given<String>>,
    pub email: Option<Given<String>>,
    /// Postal address lines.
    pub address: Option<Given<Vec<String>>>,
    pub phone: Option<Given<String>>,
    pub web: Option<Given<String>>,
    pub signature: Option<Given<PathBuf>>,
}

impl RawSender {
    /// Values missing here taken from `lower`.
    pub fn or(self, lower: RawSender) -> RawSender {
        RawSender {
            name: self.name.or(lower.name),
            title: self.title.or(lower.title),
            organization: self.organization.or(lower.organization),
            email: self.email.or(lower.email),
            address: self.address.or(lower.address),
            phone: self.phone.or(lower.phone),
            web: self.web.or(lower.web),
            signature: self.signature.or(lower.signature),
        }
    }

    /// Whether a name is given (and not blank).
    pub fn has_name(&self) -> bool {
        self.name
            .as_ref()
            .is_some_and(|name| !name.value.trim().is_empty())
    }
}

/// What a letter request says before it is checked: every value as given, with its
/// source. A value left out is taken from the request it is laid over.
#[derive(Debug, Clone, Default)]
pub struct RawRequest {
    pub template: Option<Given<String>>,
    /// Office ids.
    pub recipients: Option<Given<Vec<String>>>,
    pub language: Option<Given<String>>,
    /// `all`, or demand ids separated by commas.
    pub demands: Option<Given<String>>,
    pub own_words: Option<Given<String>>,
    /// `YYYY-MM-DD`.
    pub date: Option<Given<String>>,
    pub width: Option<Given<usize>>,
    /// Who the letter speaks for: `individual`, `organization` or `sign-on`.
    pub voice: Option<Given<String>>,
    pub sender: RawSender,
    /// Extra values for templates (`{{fields.KEY}}`), by key.
    pub fields: Vec<(String, Given<String>)>,
    /// Repair mojibake instead of only warning about it.
    pub fix_mojibake: bool,
}

impl RawRequest {
    /// Values missing here taken from `lower`: flags over `letters.toml`, answers over
    /// flags. Fields are merged, this request's winning.
    pub fn or(self, lower: RawRequest) -> RawRequest {
        let mut fields = lower.fields;
        for (key, value) in self.fields {
            fields.retain(|(k, _)| *k != key);
            fields.push((key, value));
        }
        RawRequest {
            template: self.template.or(lower.template),
            recipients: self.recipients.or(lower.recipients),
            language: self.language.or(lower.language),
            demands: self.demands.or(lower.demands),
            own_words: self.own_words.or(lower.own_words),
            date: self.date.or(lower.date),
            width: self.width.or(lower.width),
            voice: self.voice.or(lower.voice),
            sender: self.sender.or(lower.sender),
            fields,
            fix_mojibake: self.fix_mojibake || lower.fix_mojibake,
        }
    }
}

/// A letter request, checked: ids and texts, not yet resolved against the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterRequest {
    pub template: String,
    /// Office ids; empty means the template's default recipients.
    pub recipients: Vec<String>,
    pub language: Option<Language>,
    pub demands: DemandSelection,
    pub own_words: Option<String>,
    /// The language the own words read as, when that is clear, and where they came from
    /// (a flag, a signers cell, an answer), to name in a warning.
    pub own_words_language: Option<(Language, String)>,
    pub date: NaiveDate,
    /// The text width.
    pub width: usize,
    /// The voice asked for; `None` lets the signer decide ("we" with an organization).
    pub voice: Option<Voice>,
    pub sender: Sender,
    /// Extra fields for templates (`{{fields.key}}`).
    pub fields: BTreeMap<String, String>,
    /// Mojibake was repaired, and is to be repaired in the data too.
    pub fix_mojibake: bool,
}

impl LetterRequest {
    /// The request nothing was asked of yet: dated `today`, every choice left open.
    pub fn empty(today: NaiveDate) -> LetterRequest {
        LetterRequest {
            template: String::new(),
            recipients: Vec::new(),
            language: None,
            demands: DemandSelection::All,
            own_words: None,
            own_words_language: None,
            date: today,
            width: DEFAULT_WIDTH,
            voice: None,
            sender: Sender::default(),
            fields: BTreeMap::new(),
            fix_mojibake: false,
        }
    }
}

/// What checking a request needs besides its values.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The folder a signers file's signature images must stay in.
    pub signatures_dir: Option<&'a Path>,
    /// The language of the warnings.
    pub messages: Language,
}

/// A checked request and the warnings found on the way (text that looks mis-decoded).
#[derive(Debug, Clone)]
pub struct Checked {
    pub request: LetterRequest,
    pub warnings: Vec<String>,
}

/// The one conversion: `raw` checked and laid over `base` (a request already checked:
/// [`LetterRequest::empty`] for the command line, the batch's own request for a row).
/// Every value given is checked, and a bad one is an error naming its source; the
/// warnings say what looks mis-decoded.
pub fn validate(raw: RawRequest, base: &LetterRequest, context: Context<'_>) -> Result<Checked> {
    let fix = raw.fix_mojibake || base.fix_mojibake;
    let mut checker = Checker::new(fix, context);
    let mut request = base.clone();
    request.fix_mojibake = fix;
    if let Some(template) = raw.template {
        request.template = checker.line(template)?;
    }
    if let Some(recipients) = raw.recipients {
        let ids = checker.recipients(recipients)?;
        if !ids.is_empty() {
            request.recipients = ids;
        }
    }
    if let Some(language) = raw.language {
        if let Some(language) = checker.language(language)? {
            request.language = Some(language);
        }
    }
    if let Some(demands) = raw.demands {
        request.demands = checker.demands(demands)?;
    }
    if let Some(own_words) = raw.own_words {
        let from = own_words.source.to_string();
        if let Some(text) = checker.own_words(own_words)? {
            request.own_words_language = super::checks::language_of(&text).map(|l| (l, from));
            request.own_words = Some(text);
        }
    }
    if let Some(date) = raw.date {
        request.date = checker.date(date)?;
    }
    if let Some(width) = raw.width {
        request.width = checker.width(width)?;
    }
    if let Some(voice) = raw.voice {
        if let Some(voice) = checker.voice(voice)? {
            request.voice = Some(voice);
        }
    }
    request.sender = checker.sender(raw.sender)?.or(&base.sender);
    for (key, value) in raw.fields {
        let (key, value) = checker.field(key, value)?;
        request.fields.insert(key, value);
    }
    Ok(Checked {
        request,
        warnings: checker.warnings,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn flag(value: &str, name: &'static str) -> Option<Given<String>> {
        Some(Given::new(value.to_string(), Source::Flag(name)))
    }

    fn cell(value: &str, column: &str) -> Option<Given<String>> {
        Some(Given::new(
            value.to_string(),
            Source::Cell {
                file: "s.csv".into(),
                row: 3,
                column: column.into(),
            },
        ))
    }

    fn check(raw: RawRequest) -> Result<Checked> {
        validate(
            raw,
            &LetterRequest::empty(today()),
            Context {
                signatures_dir: None,
                messages: crate::model::Language::EN,
            },
        )
    }

    #[test]
    fn every_source_is_checked_alike_and_named() {
        for (given, named) in [
            (flag("x\u{1b}[31my", "--own-words"), "--own-words: "),
            (
                cell("x\u{1b}[31my", "own_words"),
                "s.csv row 3, column `own_words`: ",
            ),
        ] {
            let raw = RawRequest {
                own_words: given,
                ..RawRequest::default()
            };
            let err = check(raw).unwrap_err().to_string();
            assert!(err.starts_with(named), "{err}");
            assert!(err.contains("U+001B"), "{err}");
        }
        let setting = Given::new(
            "Ana\u{7}".to_string(),
            Source::Setting {
                file: "letters.toml".into(),
                key: "[sender] name".into(),
            },
        );
        let raw = RawRequest {
            sender: RawSender {
                name: Some(setting),
                ..RawSender::default()
            },
            ..RawRequest::default()
        };
        let err = check(raw).unwrap_err().to_string();
        assert!(err.starts_with("letters.toml [sender] name: "), "{err}");
    }

    #[test]
    fn widths_dates_languages_demands_and_emails() {
        let bad = [
            RawRequest {
                width: Some(Given::new(5, Source::Flag("--width"))),
                ..RawRequest::default()
            },
            RawRequest {
                date: flag("0000-01-01", "--date"),
                ..RawRequest::default()
            },
            RawRequest {
                language: cell("xx", "lang"),
                ..RawRequest::default()
            },
            RawRequest {
                demands: flag(" , ", "--demands"),
                ..RawRequest::default()
            },
            RawRequest {
                sender: RawSender {
                    email: cell("a@b", "email"),
                    ..RawSender::default()
                },
                ..RawRequest::default()
            },
        ];
        for raw in bad {
            assert!(check(raw).is_err());
        }
    }

    #[test]
    fn a_row_is_laid_over_the_batch_request() {
        let mut base = LetterRequest::empty(today());
        base.sender.organization = "Red".into();
        base.own_words = Some("Batch words.".into());
        base.fields.insert("city".into(), "Caracas".into());
        let raw = RawRequest {
            sender: RawSender {
                name: cell("  José\nNúñez ", "name"),
                ..RawSender::default()
            },
            fields: vec![("town".into(), cell("Coro", "town").unwrap())],
            ..RawRequest::default()
        };
        let checked = validate(
            raw,
            &base,
            Context {
                signatures_dir: None,
                messages: crate::model::Language::EN,
            },
        )
        .unwrap();
        let request = checked.request;
        assert_eq!(request.sender.name, "José Núñez");
        assert_eq!(request.sender.organization, "Red");
        assert_eq!(request.own_words.as_deref(), Some("Batch words."));
        assert_eq!(request.fields.len(), 2);
    }

    #[test]
    fn mojibake_is_warned_about_where_it_was_found() {
        let raw = RawRequest {
            sender: RawSender {
                title: flag("Coordinadora de CampaÃ±a", "--sender-title"),
                ..RawSender::default()
            },
            fix_mojibake: true,
            ..RawRequest::default()
        };
        let checked = check(raw).unwrap();
        assert!(checked.warnings[0].starts_with("--sender-title: "));
        assert_eq!(checked.request.sender.title, "Coordinadora de Campaña");
    }
}
