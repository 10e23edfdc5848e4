//! `letters check`: lints recipients, templates and demand lists, collecting every
//! problem instead of stopping at the first. It renders every body against sample data,
//! and warns about a figure (a number or a date) in a body that none of the campaign's
//! sources states, and about a campaign with no date to tell its age by.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::compose::Composer;
use crate::draft::{warnings, Draft};
use crate::error::Error;
use crate::letter::{Block, Inline, Letter};
use crate::load::{body_file, Recipients, Templates};
use crate::messages;
use crate::model::locale::Convention;
use crate::model::{Holder, Language, Localized, Recipient, Sender, Template, Voice};
use crate::text::figures::{self, Figure, Supported};
use crate::text::looks_like_email;

/// What `letters check` found.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    pub recipients: usize,
    pub templates: usize,
    pub demands: usize,
}

impl Report {
    fn error(&mut self, message: impl Into<String>) {
        self.errors.push(message.into());
    }

    fn warn(&mut self, message: impl Into<String>) {
        self.warnings.push(message.into());
    }

    /// An error that stopped a file from loading; said in the interface's language
    /// where the report is shown (`messages::detail_in`).
    fn error_of(&mut self, err: &Error) {
        let english = err.to_string();
        messages::remember(&english, |language| err.message_in(language));
        self.error(english);
    }
}

/// Checks loaded (or failed) data as of `today`, after the locale files that failed to
/// load (`locales`, each error naming its file and line).
pub fn check(
    locales: Vec<Error>,
    recipients: Result<Recipients, Error>,
    templates: Result<Templates, Error>,
    today: NaiveDate,
) -> Report {
    let mut report = Report::default();
    for err in locales {
        report.error_of(&err);
    }
    let recipients = match recipients {
        Ok(recipients) => {
            check_recipients(&recipients, today, &mut report);
            Some(recipients)
        }
        Err(err) => {
            report.error_of(&err);
            None
        }
    };
    match templates {
        Ok(templates) => check_templates(&templates, recipients.as_ref(), today, &mut report),
        Err(err) => report.error_of(&err),
    }
    report
}

fn missing_languages(text: &Localized, languages: &[Language]) -> Vec<Language> {
    languages
        .iter()
        .copied()
        .filter(|l| text.get(*l).is_none())
        .collect()
}

fn check_recipients(recipients: &Recipients, today: NaiveDate, report: &mut Report) {
    let path = &recipients.path;
    report.recipients = recipients.records.len();
    for (id, record) in &recipients.records {
        let dated = warnings::Dated::Today(today);
        if let Some(warning) = warnings::stale_record(record, dated, Language::EN) {
            messages::remember(&warning, |code| {
                let language = code.parse().unwrap_or(Language::EN);
                warnings::stale_record(record, dated, language).unwrap_or_default()
            });
            report.warn(warning);
        }
        for language in missing_languages(&record.office, &record.languages) {
            report.error(messages::detail(
                "check-office-no-text",
                &[("path", path), ("id", id), ("language", language.code())],
            ));
        }
        match &record.salutation {
            None => report.warn(messages::detail(
                "check-no-salutation",
                &[("path", path), ("id", id)],
            )),
            Some(salutation) => {
                for language in missing_languages(salutation, &record.languages) {
                    report.warn(messages::detail(
                        "check-no-salutation-in",
                        &[("path", path), ("id", id), ("language", language.code())],
                    ));
                }
            }
        }
        let salutations = record
            .salutation
            .iter()
            .chain(record.holders.iter().filter_map(|h| h.salutation.as_ref()));
        for salutation in salutations {
            for language in Language::all() {
                let Some(text) = salutation.get(language) else {
                    continue;
                };
                let convention = Convention::for_letter(language, &record.country);
                let end = convention.salutation_end();
                // A bare salutation is given the convention's ending; another mark is
                // a mistake the letter would silently correct.
                let text = text.trim_end();
                let ends_otherwise = text.ends_with([':', ',', ';', '.']) && !text.ends_with(end);
                if ends_otherwise {
                    let message = match end {
                        ":" => "check-salutation-end-colon",
                        "," => "check-salutation-end-comma",
                        _ => "check-salutation-end",
                    };
                    report.error(messages::detail(
                        message,
                        &[
                            ("path", path),
                            ("id", id),
                            ("text", text),
                            ("language", language.code()),
                            ("end", end),
                            ("convention", convention.code()),
                        ],
                    ));
                }
            }
        }
        let email = record.email.trim();
        if !email.is_empty() && !looks_like_email(email) {
            report.error(messages::detail(
                "check-not-an-email",
                &[("path", path), ("id", id), ("email", email)],
            ));
        }
    }
    for finding in &recipients.findings {
        report.warn(finding.message());
    }
}

fn check_templates(
    templates: &Templates,
    recipients: Option<&Recipients>,
    today: NaiveDate,
    report: &mut Report,
) {
    report.templates = templates.templates.len() + templates.broken.len();
    for err in templates.broken.values() {
        report.error_of(err);
    }
    for template in templates.templates.values() {
        report.demands += template.meta.demands.len();
        check_template(template, recipients, today, report);
    }
    for finding in &templates.findings {
        report.warn(finding.message());
    }
}

fn check_template(
    template: &Template,
    recipients: Option<&Recipients>,
    today: NaiveDate,
    report: &mut Report,
) {
    let path = &template.path;
    let meta = &template.meta;
    let languages = &meta.languages;
    for language in missing_languages(&meta.name, languages) {
        report.error(messages::detail(
            "check-field-no-text",
            &[
                ("path", path),
                ("field", "name"),
                ("language", language.code()),
            ],
        ));
    }
    for language in missing_languages(&meta.subject, languages) {
        report.error(messages::detail(
            "check-field-no-text",
            &[
                ("path", path),
                ("field", "subject"),
                ("language", language.code()),
            ],
        ));
    }
    // A subject is not written anew per letter: a day in an English one would be in
    // one convention in letters of the other.
    let subject = meta.subject.get_or_empty(Language::EN);
    if let Some(day) = figures::figures(subject)
        .into_iter()
        .find(|f| matches!(f, Figure::Day { .. } | Figure::DayOfMonth { .. }))
    {
        report.warn(format!(
            "{path}: the English subject names a day (\"{}\"), which US-style and British-style letters write differently: name the month (\"July 2024\"), or leave the day to the body, where {{{{date \"YYYY-MM-DD\"}}}} writes it in each letter's style",
            shown(&day)
        ));
    }
    for demand in &meta.demands {
        for language in missing_languages(&demand.text, languages) {
            report.error(messages::detail(
                "check-demand-no-text",
                &[
                    ("path", path),
                    ("demand", &demand.id),
                    ("language", language.code()),
                ],
            ));
        }
    }
    for language in languages {
        if !template.bodies.contains_key(language) {
            report.error(messages::detail(
                "check-no-body",
                &[
                    ("path", path),
                    ("language", language.code()),
                    ("file", &body_file(*language)),
                ],
            ));
        }
    }
    for (language, body) in &template.bodies {
        if !languages.contains(language) {
            report.warn(messages::detail(
                "check-body-unused",
                &[("path", &body.path), ("language", language.code())],
            ));
        }
    }
    if let Some(deadline) = meta.act_before.filter(|_| template.is_past_deadline(today)) {
        report.warn(messages::detail(
            "check-deadline-passed",
            &[("path", path), ("deadline", &deadline.to_string())],
        ));
    }
    if meta.act_before.is_none() && meta.as_of.is_none() {
        report.warn(messages::detail("check-no-date", &[("path", path)]));
    }
    let mut sample_recipient = None;
    if let Some(recipients) = recipients {
        for id in &meta.recipients {
            match recipients.records.get(id) {
                Some(record) => {
                    sample_recipient.get_or_insert(record);
                }
                None => report.error(format!(
                    "{path}: default recipient `{id}` is not in {}{}",
                    recipients.path,
                    crate::text::suggest::closest(
                        id,
                        recipients.records.keys().map(String::as_str)
                    )
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default()
                )),
            }
        }
    }
    let composer = match Composer::new(template) {
        Ok(composer) => composer,
        Err(err) => {
            report.error_of(&err);
            return;
        }
    };
    let recipient = sample_recipient
        .cloned()
        .unwrap_or_else(|| sample_recipient_record(languages));
    let supported = supported_figures(template);
    for language in languages.iter().filter(|l| template.bodies.contains_key(l)) {
        for full in [true, false] {
            let draft = sample_draft(template, &recipient, *language, full);
            match render_sample(&composer, draft) {
                Ok(letter) if full => {
                    let body = template
                        .bodies
                        .get(language)
                        .map_or(path.as_str(), |b| b.path.as_str());
                    warn_unsupported(body, &letter, &supported, report);
                }
                Ok(_) => {}
                Err(message) => {
                    report.error(message);
                    break;
                }
            }
        }
    }
}

/// The date sample letters bear.
fn sample_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 7, 25).unwrap_or_default()
}

/// The figures a campaign's sources state (in what they support, their titles and
/// dates), and its own dates (deadline, `as_of`, the sample letter's date).
fn supported_figures(template: &Template) -> Supported {
    let mut supported = Supported::default();
    for source in &template.meta.sources {
        for language in Language::all() {
            supported.add_text(source.supports.get_or_empty(language));
            if let Some(headline) = &source.headline {
                supported.add_text(headline.get_or_empty(language));
            }
        }
        supported.add_text(source.title.as_deref().unwrap_or_default());
        supported.add_text(&source.date.to_string());
    }
    let meta = &template.meta;
    for date in meta.act_before.into_iter().chain([sample_date()]) {
        supported.add_text(&date.format("%Y-%m-%d").to_string());
    }
    if let Some(as_of) = meta.as_of {
        supported.add_text(&as_of.to_string());
    }
    supported
}

/// The text of inlines, footnote markers left out.
fn inline_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        if let Inline::Text { text, .. } = inline {
            out.push_str(text);
        }
        out.push(' ');
    }
}

fn block_text(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Paragraph { content, .. } | Block::Heading { content, .. } => {
                inline_text(content, out)
            }
            Block::OrderedList { items, .. } | Block::BulletList { items } => {
                for item in items {
                    block_text(item, out);
                }
            }
        }
        out.push('\n');
    }
}

/// A figure as a message shows it.
fn shown(figure: &Figure) -> String {
    let en = Convention::default_of(Language::EN);
    match *figure {
        Figure::Number(ref n) => n.clone(),
        Figure::Day { year, month, day } => NaiveDate::from_ymd_opt(year, month, day)
            .map_or_else(|| figure.to_string(), |d| en.date(d)),
        Figure::Month { year, month } => en.month(year, month),
        Figure::DayOfMonth { month, day } => {
            let month = en.month(2000, month);
            format!("{day} {}", month.trim_end_matches(" 2000"))
        }
        Figure::Year(year) => year.to_string(),
    }
}

/// Warns about each figure of `letter`'s body (the body file `body`) that no source of
/// its campaign states.
fn warn_unsupported(body: &str, letter: &Letter, supported: &Supported, report: &mut Report) {
    let mut text = String::new();
    block_text(&letter.body, &mut text);
    for note in &letter.footnotes {
        inline_text(&note.content, &mut text);
    }
    let mut warned = std::collections::BTreeSet::new();
    for figure in figures::figures(&text) {
        if !supported.supports(&figure) && warned.insert(figure.clone()) {
            report.warn(messages::detail(
                "check-figure-unsupported",
                &[("path", body), ("figure", &shown(&figure))],
            ));
        }
    }
}

fn sample_recipient_record(languages: &[Language]) -> Recipient {
    Recipient {
        id: "sample-office".into(),
        office: Localized::Same("Sample Office".into()),
        holders: vec![Holder {
            name: Localized::Same("Sample Name".into()),
            honorific: None,
            salutation: None,
            since: None,
            until: None,
        }],
        title: None,
        organization: None,
        address: vec!["1 Sample Street".into()],
        email: String::new(),
        country: "VE".into(),
        languages: languages.to_vec(),
        salutation: None,
        verified: NaiveDate::MIN,
        note: None,
    }
}

fn sample_draft(
    template: &Template,
    recipient: &Recipient,
    language: Language,
    full: bool,
) -> Draft {
    let sender = if full {
        Sender {
            name: "Ana *\"La Flaca\"* O'Brien & Hijos <ana@x.org>".into(),
            title: "Coordinator".into(),
            organization: "Sample Organization".into(),
            address: vec!["Sample Street 1".into()],
            email: "ana@example.org".into(),
            ..Sender::default()
        }
    } else {
        Sender {
            name: "Ana".into(),
            ..Sender::default()
        }
    };
    let demands = if full {
        template.meta.demands.clone()
    } else {
        template.meta.demands.iter().take(1).cloned().collect()
    };
    let date = sample_date();
    Draft {
        template: std::sync::Arc::new(template.clone()),
        language,
        recipient: std::sync::Arc::new(recipient.clone()),
        voice: Voice::of_signer(&sender.organization),
        sender,
        demands,
        own_words: full.then(|| "A sample paragraph in the writer's own words.".to_string()),
        own_words_language: None,
        date,
        fields: BTreeMap::new(),
        cosigners: Vec::new(),
        signature: None,
        convention: Convention::for_letter(language, &recipient.country),
        holder: recipient.holder_index_on(date),
    }
}

/// How many fields `render_sample` finds only by rendering, one render each, at most.
const FIELD_GUESSES: usize = 16;

/// Renders a sample letter. Fields come from `--field` or signers columns, so any name
/// is fine: those the template names are filled in first, and any found only while
/// rendering are added as they are found.
fn render_sample(composer: &Composer, mut draft: Draft) -> Result<Letter, String> {
    for name in composer.field_names() {
        draft.fields.entry(name).or_insert_with(|| "sample".into());
    }
    for _ in 0..FIELD_GUESSES {
        match composer.compose(&draft) {
            Ok(letter) => return Ok(letter),
            Err(Error::MissingVariable { name, .. })
                if name.starts_with("fields.") && !draft.fields.contains_key(&name[7..]) =>
            {
                draft.fields.insert(name[7..].to_string(), "sample".into());
            }
            Err(err) => return Err(err.to_string()),
        }
    }
    composer.compose(&draft).map_err(|err| err.to_string())
}
