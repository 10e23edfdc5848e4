//! The Draft: everything one letter needs, resolved and validated. Flags, the wizard and
//! batch rows all produce Drafts; nothing downstream knows which one did.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::i18n;
use crate::load::DataSet;
use crate::model::{Demand, Language, Recipient, Sender, Template};
use crate::text::control_chars;
use crate::text::mojibake;

/// Which demands of the campaign's list to include.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum DemandSelection {
    #[default]
    All,
    /// These ids, in this order.
    Ids(Vec<String>),
}

impl DemandSelection {
    /// Parses `all` or a comma-separated list of ids.
    pub fn parse(text: &str) -> DemandSelection {
        if text.trim().eq_ignore_ascii_case("all") {
            return DemandSelection::All;
        }
        let mut ids: Vec<String> = Vec::new();
        for id in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if !ids.iter().any(|seen| seen == id) {
                ids.push(id.to_string());
            }
        }
        DemandSelection::Ids(ids)
    }
}

/// What was asked for: ids and texts, not yet checked against the data.
#[derive(Debug, Clone, Default)]
pub struct DraftRequest {
    pub template: String,
    /// Office ids; empty means the template's default recipients.
    pub recipients: Vec<String>,
    pub language: Option<Language>,
    pub demands: DemandSelection,
    pub own_words: Option<String>,
    pub date: NaiveDate,
    pub sender: Sender,
    /// Extra fields for templates (`{{fields.key}}`).
    pub fields: BTreeMap<String, String>,
    /// Repair mojibake instead of only warning about it.
    pub fix_mojibake: bool,
}

/// One letter, resolved: every choice made and checked.
#[derive(Debug, Clone)]
pub struct Draft {
    pub template: Arc<Template>,
    pub language: Language,
    pub recipient: Arc<Recipient>,
    pub sender: Sender,
    pub demands: Vec<Demand>,
    pub own_words: Option<String>,
    pub date: NaiveDate,
    pub fields: BTreeMap<String, String>,
    pub cosigners: Vec<String>,
}

/// Drafts and the warnings found while making them.
#[derive(Debug)]
pub struct Plan {
    pub drafts: Vec<Draft>,
    pub warnings: Vec<String>,
}

fn choose_language(
    requested: Option<Language>,
    template: &Template,
    recipient: &Recipient,
    warnings: &mut Vec<String>,
) -> Result<Language> {
    if let Some(language) = requested {
        if !template.offers(language) {
            return Err(Error::flag(
                "--lang",
                format!(
                    "template `{}` is not offered in `{language}`; it offers: {}",
                    template.id,
                    join_codes(&template.meta.languages)
                ),
            ));
        }
        return Ok(language);
    }
    if let Some(language) = recipient.languages.iter().find(|l| template.offers(**l)) {
        return Ok(*language);
    }
    let fallback = template.meta.languages[0];
    warnings.push(format!(
        "template `{}` is not offered in any language recipient `{}` prefers ({}); writing in `{fallback}`",
        template.id,
        recipient.id,
        join_codes(&recipient.languages)
    ));
    Ok(fallback)
}

fn join_codes(languages: &[Language]) -> String {
    languages
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(", ")
}

fn select_demands(
    template: &Template,
    selection: &DemandSelection,
    language: Language,
) -> Result<Vec<Demand>> {
    let demands: Vec<Demand> = match selection {
        DemandSelection::All => template.meta.demands.clone(),
        DemandSelection::Ids(ids) => {
            if ids.is_empty() {
                return Err(Error::flag(
                    "--demands",
                    "no demand given: use `all` or a comma-separated list of demand ids",
                ));
            }
            ids.iter()
                .map(|id| {
                    template
                        .demand(id)
                        .cloned()
                        .ok_or_else(|| Error::UnknownId {
                            kind: "demand",
                            id: id.clone(),
                            suggestion: crate::text::suggest::closest(
                                id,
                                template.meta.demands.iter().map(|d| d.id.as_str()),
                            ),
                            see: format!("letters templates show {}", template.id),
                        })
                })
                .collect::<Result<_>>()?
        }
    };
    for demand in &demands {
        if demand.text.get(language).is_none() {
            return Err(Error::data(
                &template.path,
                format!(
                    "demand `{}` has no text in `{language}`: add `{language} = \"...\"` to its `text`",
                    demand.id
                ),
            ));
        }
    }
    Ok(demands)
}

/// Scans (and with `fix`, repairs) the values given on the command line.
pub fn check_request_text(request: &mut DraftRequest, warnings: &mut Vec<String>) {
    let fix = request.fix_mojibake;
    let mut values: Vec<(String, &mut String)> = request
        .sender
        .texts_mut()
        .into_iter()
        .map(|(flag, text)| (flag.to_string(), text))
        .collect();
    if let Some(own) = &mut request.own_words {
        values.push(("--own-words".to_string(), own));
    }
    for (key, value) in &mut request.fields {
        values.push((format!("--field {key}"), value));
    }
    for (location, value) in values {
        if let Some(finding) = mojibake::scan_value(|| location, value) {
            warnings.push(mojibake_warning(&finding, fix));
            if fix {
                mojibake::repair_in_place(value);
            }
        }
    }
}

/// The warning for mis-decoded text, saying whether it was repaired.
pub fn mojibake_warning(finding: &mojibake::Finding, fixed: bool) -> String {
    if fixed {
        format!("{}; repaired (--fix-mojibake)", finding.message())
    } else {
        format!(
            "{}; check the text, or pass --fix-mojibake to repair it",
            finding.message()
        )
    }
}

/// Warnings about a template: past its deadline, damaged text.
fn check_template(
    template: &mut Template,
    data: &DataSet,
    today: NaiveDate,
    fix: bool,
    warnings: &mut Vec<String>,
) {
    if let Some(deadline) = template
        .meta
        .act_before
        .filter(|_| template.is_past_deadline(today))
    {
        warnings.push(format!(
            "campaign `{}` asked for action before {}; that date has passed, so check whether the campaign has been updated before sending",
            template.id,
            i18n::format_date(deadline, Language::En, i18n::DateStyle::DayMonthYear)
        ));
    }
    let dir = template.path.trim_end_matches(crate::load::META_FILE);
    for finding in data
        .templates
        .findings
        .iter()
        .filter(|f| f.location.starts_with(dir))
    {
        warnings.push(mojibake_warning(finding, fix));
    }
    if fix {
        for text in template.texts_mut() {
            mojibake::repair_in_place(text);
        }
    }
}

/// Warnings about a recipient record: stale, damaged text.
fn check_recipient(
    recipient: &mut Recipient,
    path: &str,
    today: NaiveDate,
    fix: bool,
    warnings: &mut Vec<String>,
) {
    if recipient.is_stale(today) {
        let where_to_edit = if path.starts_with(crate::load::bundled::PREFIX) {
            "in your own copy (`letters init DIR` writes an editable one)".to_string()
        } else {
            format!("in {path}")
        };
        let mut warning = format!(
            "recipient `{}` was last verified on {}, more than 12 months ago: the officeholder may have changed; check it and update the record and its `verified` date {where_to_edit}",
            recipient.id, recipient.verified
        );
        let note = recipient.note_in(Language::En);
        if !note.is_empty() {
            warning.push_str(&format!(" (note: {note})"));
        }
        warnings.push(warning);
    }
    let location = format!("{path} [{}]", recipient.id);
    for text in recipient.texts_mut() {
        if let Some(finding) = mojibake::scan_value(|| location.clone(), text) {
            warnings.push(mojibake_warning(&finding, fix));
            if fix {
                mojibake::repair_in_place(text);
            }
        }
    }
}

/// Resolves requests for one template: the template is checked (and warned about) once,
/// then any number of Drafts are made from it, one per recipient.
pub struct Planner<'a> {
    data: &'a DataSet,
    template: Arc<Template>,
    /// Recipient records checked (and repaired) once, with their warnings, given out
    /// the first time the record is used.
    recipients: std::collections::HashMap<String, PreparedRecipient>,
}

struct PreparedRecipient {
    recipient: Arc<Recipient>,
    warnings: Vec<String>,
    warned: std::sync::atomic::AtomicBool,
}

impl<'a> Planner<'a> {
    /// Looks up the template and collects its warnings (deadline passed, mojibake).
    pub fn new(
        template_id: &str,
        data: &'a DataSet,
        today: NaiveDate,
        fix_mojibake: bool,
        warnings: &mut Vec<String>,
    ) -> Result<Planner<'a>> {
        let mut template = data.templates.get(template_id)?.clone();
        check_template(&mut template, data, today, fix_mojibake, warnings);
        let recipients = data
            .recipients
            .records
            .iter()
            .map(|(id, record)| {
                let mut recipient = record.clone();
                let mut warnings = Vec::new();
                check_recipient(
                    &mut recipient,
                    &data.recipients.path,
                    today,
                    fix_mojibake,
                    &mut warnings,
                );
                let prepared = PreparedRecipient {
                    recipient: Arc::new(recipient),
                    warnings,
                    warned: std::sync::atomic::AtomicBool::new(false),
                };
                (id.clone(), prepared)
            })
            .collect();
        Ok(Planner {
            data,
            template: Arc::new(template),
            recipients,
        })
    }

    /// Refuses a letter to be printed and posted to a recipient without an address.
    pub fn check_postal_address(&self, recipient: &Recipient) -> Result<()> {
        check_postal_address(recipient, &self.data.recipients.path)
    }

    pub fn template(&self) -> &Arc<Template> {
        &self.template
    }

    /// The recipients given, or the template's default ones; duplicates removed.
    pub fn recipients(&self, given: &[String]) -> Result<Vec<String>> {
        let ids = if given.is_empty() {
            if self.template.meta.recipients.is_empty() {
                return Err(Error::flag(
                    "--to",
                    format!(
                        "template `{}` names no default recipients: choose one with --to (see: letters recipients list)",
                        self.template.id
                    ),
                ));
            }
            self.template.meta.recipients.clone()
        } else {
            given.to_vec()
        };
        let mut unique: Vec<String> = Vec::with_capacity(ids.len());
        for id in ids {
            if !unique.contains(&id) {
                unique.push(id);
            }
        }
        Ok(unique)
    }

    /// The Draft of `request` for one recipient, with the warnings about that recipient.
    pub fn draft(
        &self,
        recipient_id: &str,
        request: &DraftRequest,
        warnings: &mut Vec<String>,
    ) -> Result<Draft> {
        let template = &self.template;
        let Some(prepared) = self.recipients.get(recipient_id) else {
            return Err(self
                .data
                .recipients
                .get(recipient_id)
                .err()
                .unwrap_or_else(|| Error::data(&self.data.recipients.path, recipient_id)));
        };
        if !prepared
            .warned
            .swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            warnings.extend(prepared.warnings.iter().cloned());
        }
        let recipient = Arc::clone(&prepared.recipient);
        let language = choose_language(request.language, template, &recipient, warnings)?;
        if !template.bodies.contains_key(&language) {
            return Err(Error::data(
                &template.path,
                format!(
                    "template `{}` offers `{language}` but has no {} body",
                    template.id,
                    crate::load::body_file(language)
                ),
            ));
        }
        if template.meta.subject.get(language).is_none() {
            return Err(Error::data(
                &template.path,
                format!("template `{}` has no subject in `{language}`", template.id),
            ));
        }
        if recipient.salutation_in(language).is_none() {
            warnings.push(format!(
                "recipient `{}` has no salutation in `{language}`; using \"{}\"",
                recipient.id,
                i18n::fallback_salutation(language)
            ));
        }
        let demands = select_demands(template, &request.demands, language)?;
        Ok(Draft {
            template: Arc::clone(template),
            language,
            recipient,
            sender: request.sender.clone(),
            demands,
            own_words: request.own_words.clone().filter(|t| !t.trim().is_empty()),
            date: request.date,
            fields: request.fields.clone(),
            cosigners: Vec::new(),
        })
    }
}

/// Refuses a letter to be printed and posted to a recipient whose record (in the
/// recipients file `path`) has no postal address.
pub fn check_postal_address(recipient: &Recipient, path: &str) -> Result<()> {
    if recipient.address.is_empty() {
        return Err(Error::NoAddress {
            recipient: recipient.id.clone(),
            path: path.to_string(),
        });
    }
    Ok(())
}

/// Refuses control characters in the values given on the command line (or settings).
pub fn check_request_controls(request: &DraftRequest) -> Result<()> {
    let mut sender = request.sender.clone();
    for (flag, text) in sender.texts_mut() {
        control_chars::check(text).map_err(|m| Error::flag(flag, m))?;
    }
    if let Some(own) = &request.own_words {
        control_chars::check(own).map_err(|m| Error::flag("--own-words", m))?;
    }
    for (key, value) in &request.fields {
        control_chars::check(value).map_err(|m| Error::flag(format!("--field {key}"), m))?;
    }
    Ok(())
}

/// Resolves a request against the data: one Draft per recipient.
pub fn plan(mut request: DraftRequest, data: &DataSet, today: NaiveDate) -> Result<Plan> {
    let mut warnings = Vec::new();
    check_request_text(&mut request, &mut warnings);
    check_request_controls(&request)?;
    let planner = Planner::new(
        &request.template,
        data,
        today,
        request.fix_mojibake,
        &mut warnings,
    )?;
    let mut drafts = Vec::new();
    for id in planner.recipients(&request.recipients)? {
        drafts.push(planner.draft(&id, &request, &mut warnings)?);
    }
    Ok(Plan { drafts, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demand_selection_parses() {
        assert_eq!(DemandSelection::parse("ALL"), DemandSelection::All);
        assert_eq!(
            DemandSelection::parse("a, b,a,,c"),
            DemandSelection::Ids(vec!["a".into(), "b".into(), "c".into()])
        );
    }
}
