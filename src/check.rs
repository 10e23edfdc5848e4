//! `letters check`: lints recipients, templates and demand lists, collecting every
//! problem instead of stopping at the first.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::compose::Composer;
use crate::draft::{warnings, Draft};
use crate::error::Error;
use crate::load::{body_file, Recipients, Templates};
use crate::model::{Language, Localized, Recipient, Sender, Template};
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
}

/// Checks loaded (or failed) data as of `today`.
pub fn check(
    recipients: Result<Recipients, Error>,
    templates: Result<Templates, Error>,
    today: NaiveDate,
) -> Report {
    let mut report = Report::default();
    let recipients = match recipients {
        Ok(recipients) => {
            check_recipients(&recipients, today, &mut report);
            Some(recipients)
        }
        Err(err) => {
            report.error(err.to_string());
            None
        }
    };
    match templates {
        Ok(templates) => check_templates(&templates, recipients.as_ref(), today, &mut report),
        Err(err) => report.error(err.to_string()),
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
        if let Some(warning) = warnings::stale_record(record, path, today) {
            report.warn(warning);
        }
        for language in missing_languages(&record.office, &record.languages) {
            report.error(format!(
                "{path} [{id}]: `office` has no text in `{language}`"
            ));
        }
        match &record.salutation {
            None => report.warn(format!(
                "{path} [{id}]: no `salutation`: letters will use a generic one"
            )),
            Some(salutation) => {
                for language in missing_languages(salutation, &record.languages) {
                    report.warn(format!(
                        "{path} [{id}]: no salutation in `{language}`, a preferred language of the office"
                    ));
                }
                if let Some(es) = salutation.get(Language::Es) {
                    if !es.trim_end().ends_with(':') {
                        report.error(format!(
                            "{path} [{id}]: the Spanish salutation \"{es}\" must end with a colon"
                        ));
                    }
                }
            }
        }
        let email = record.email.trim();
        if !email.is_empty() && !looks_like_email(email) {
            report.error(format!(
                "{path} [{id}]: `email` \"{email}\" is not an email address"
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
        report.error(err.to_string());
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
        report.error(format!("{path}: `name` has no text in `{language}`"));
    }
    for language in missing_languages(&meta.subject, languages) {
        report.error(format!("{path}: `subject` has no text in `{language}`"));
    }
    for demand in &meta.demands {
        for language in missing_languages(&demand.text, languages) {
            report.error(format!(
                "{path}: demand `{}` has no text in `{language}`",
                demand.id
            ));
        }
    }
    for language in languages {
        if !template.bodies.contains_key(language) {
            report.error(format!(
                "{path}: the template offers `{language}` but has no {} beside it",
                body_file(*language)
            ));
        }
    }
    for (language, body) in &template.bodies {
        if !languages.contains(language) {
            report.warn(format!(
                "{}: `{language}` is not in the template's `languages`, so this body is never used",
                body.path
            ));
        }
    }
    if let Some(deadline) = meta.act_before.filter(|_| template.is_past_deadline(today)) {
        report.warn(format!(
            "{path}: the campaign's deadline (act_before = {deadline}) has passed"
        ));
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
            report.error(err.to_string());
            return;
        }
    };
    let recipient = sample_recipient
        .cloned()
        .unwrap_or_else(|| sample_recipient_record(languages));
    for language in languages.iter().filter(|l| template.bodies.contains_key(l)) {
        for full in [true, false] {
            let draft = sample_draft(template, &recipient, *language, full);
            if let Err(message) = render_sample(&composer, draft) {
                report.error(message);
                break;
            }
        }
    }
}

fn sample_recipient_record(languages: &[Language]) -> Recipient {
    Recipient {
        id: "sample-office".into(),
        office: Localized::Same("Sample Office".into()),
        honorific: None,
        name: Some(Localized::Same("Sample Name".into())),
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
    Draft {
        template: std::sync::Arc::new(template.clone()),
        language,
        recipient: std::sync::Arc::new(recipient.clone()),
        sender,
        demands,
        own_words: full.then(|| "A sample paragraph in the writer's own words.".to_string()),
        date: NaiveDate::from_ymd_opt(2024, 7, 25).unwrap_or_default(),
        fields: BTreeMap::new(),
        cosigners: Vec::new(),
        signature: None,
    }
}

/// How many fields `render_sample` finds only by rendering, one render each, at most.
const FIELD_GUESSES: usize = 16;

/// Renders a sample letter. Fields come from `--field` or signers columns, so any name
/// is fine: those the template names are filled in first, and any found only while
/// rendering are added as they are found.
fn render_sample(composer: &Composer, mut draft: Draft) -> Result<(), String> {
    for name in composer.field_names() {
        draft.fields.entry(name).or_insert_with(|| "sample".into());
    }
    for _ in 0..FIELD_GUESSES {
        match composer.compose(&draft) {
            Ok(_) => return Ok(()),
            Err(Error::MissingVariable { name, .. })
                if name.starts_with("fields.") && !draft.fields.contains_key(&name[7..]) =>
            {
                draft.fields.insert(name[7..].to_string(), "sample".into());
            }
            Err(err) => return Err(err.to_string()),
        }
    }
    composer
        .compose(&draft)
        .map(drop)
        .map_err(|err| err.to_string())
}
