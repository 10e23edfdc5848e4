//! A checked request resolved against the data: the template (checked and warned about
//! once), the recipients (the request's, or the template's), for each the language, the
//! conventions the letter follows, the officeholder on the letter's date, the voice and
//! the demands, and so one Draft per letter. The warnings about the data (deadline
//! passed, aged figures, a holder who may have changed, mis-decoded text, own words in
//! another language) are found here, in one place.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::NaiveDate;

use super::request::LetterRequest;
use super::warnings;
use crate::error::{Error, Result};
use crate::load::{self, DataSet};
use crate::model::locale::Convention;
use crate::model::{Demand, Holder, ImageFile, Language, Recipient, Sender, Template, Voice};
use crate::text::mojibake;

/// One letter, resolved: every choice made and checked.
#[derive(Debug, Clone)]
pub struct Draft {
    pub template: Arc<Template>,
    pub language: Language,
    pub recipient: Arc<Recipient>,
    pub sender: Sender,
    pub demands: Vec<Demand>,
    pub own_words: Option<String>,
    /// The language the own words are written in, when it is clearly not the letter's.
    pub own_words_language: Option<Language>,
    pub date: NaiveDate,
    pub fields: BTreeMap<String, String>,
    pub cosigners: Vec<crate::model::Cosigner>,
    /// The signer's signature image, read.
    pub signature: Option<Arc<ImageFile>>,
    /// Who the letter speaks for.
    pub voice: Voice,
    /// The conventions the letter follows: dates, salutation, closing, quotation marks.
    pub convention: Convention,
    /// Which of `recipient.holders` held the office on the letter's date.
    pub holder: Option<usize>,
}

impl Draft {
    /// The officeholder the letter is addressed to, if one is recorded for its date.
    pub fn holder(&self) -> Option<&Holder> {
        self.holder.and_then(|i| self.recipient.holders.get(i))
    }
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
            return Err(Error::data(
                &template.path,
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

/// Warnings about a template: past its deadline, damaged text.
fn prepare_template(
    template: &mut Template,
    data: &DataSet,
    (today, messages): (NaiveDate, Language),
    fix: bool,
    warnings: &mut Vec<String>,
) {
    warnings.extend(warnings::past_deadline(template, today, messages));
    warnings.extend(warnings::aged_facts(template, today, messages));
    let dir = template.path.trim_end_matches(crate::load::META_FILE);
    for finding in data
        .templates
        .findings
        .iter()
        .filter(|f| f.location.starts_with(dir))
    {
        warnings.push(warnings::mojibake(finding, fix, messages));
    }
    if fix {
        for text in template.texts_mut() {
            mojibake::repair_in_place(text);
        }
    }
}

/// Warnings about a recipient record: damaged text. (Whether the officeholder may have
/// changed depends on each letter's date: see `Planner::draft`.)
fn prepare_recipient(
    recipient: &mut Recipient,
    path: &str,
    (fix, messages): (bool, Language),
    warnings: &mut Vec<String>,
) {
    let location = format!("{path} [{}]", recipient.id);
    for text in recipient.texts_mut() {
        if let Some(finding) = mojibake::scan_value(|| location.clone(), text) {
            warnings.push(warnings::mojibake(&finding, fix, messages));
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
    /// Signature images read so far, by path (a batch signs many letters with few).
    images: Mutex<HashMap<PathBuf, Arc<ImageFile>>>,
    /// The recipients and letter dates already warned about (holder may have changed).
    dated: Mutex<HashSet<(String, NaiveDate)>>,
    /// The language of the warnings.
    messages: Language,
}

/// The most signature images kept read at once.
const KEPT_IMAGES: usize = 64;

struct PreparedRecipient {
    recipient: Arc<Recipient>,
    warnings: Vec<String>,
    warned: std::sync::atomic::AtomicBool,
}

impl<'a> Planner<'a> {
    /// Looks up the template and collects its warnings (deadline passed, mojibake), in
    /// English.
    pub fn new(
        template_id: &str,
        data: &'a DataSet,
        today: NaiveDate,
        fix_mojibake: bool,
        warnings: &mut Vec<String>,
    ) -> Result<Planner<'a>> {
        Planner::new_in(
            template_id,
            data,
            (today, Language::EN),
            fix_mojibake,
            warnings,
        )
    }

    /// As `new`, with the warnings in the language `messages`.
    pub fn new_in(
        template_id: &str,
        data: &'a DataSet,
        (today, messages): (NaiveDate, Language),
        fix_mojibake: bool,
        warnings: &mut Vec<String>,
    ) -> Result<Planner<'a>> {
        let mut template = data.templates.get(template_id)?.clone();
        prepare_template(
            &mut template,
            data,
            (today, messages),
            fix_mojibake,
            warnings,
        );
        let recipients = data
            .recipients
            .records
            .iter()
            .map(|(id, record)| {
                let mut recipient = record.clone();
                let mut warnings = Vec::new();
                prepare_recipient(
                    &mut recipient,
                    &data.recipients.path,
                    (fix_mojibake, messages),
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
            images: Mutex::default(),
            dated: Mutex::default(),
            messages,
        })
    }

    /// Refuses a letter to be printed and posted to a recipient without an address.
    pub fn check_postal_address(&self, recipient: &Recipient) -> Result<()> {
        check_postal_address(recipient, &self.data.recipients.path)
    }

    /// The signature image at `path`, read once for the run.
    fn image(&self, path: &Path) -> Result<Arc<ImageFile>> {
        let lock = || self.images.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(image) = lock().get(path) {
            return Ok(Arc::clone(image));
        }
        let image = Arc::new(load::read_image(path)?);
        let mut images = lock();
        if images.len() < KEPT_IMAGES {
            images.insert(path.to_path_buf(), Arc::clone(&image));
        }
        Ok(image)
    }

    pub fn template(&self) -> &Arc<Template> {
        &self.template
    }

    /// The recipients given, or the template's default ones; duplicates removed.
    pub fn recipients(&self, given: &[String]) -> Result<Vec<String>> {
        let ids = if given.is_empty() {
            if self.template.meta.recipients.is_empty() {
                return Err(Error::data(
                    &self.template.path,
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
        request: &LetterRequest,
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
        let convention = Convention::for_letter(language, &recipient.country);
        let holder = recipient.holder_on(request.date);
        self.warn_dated(&recipient, holder, request.date, warnings);
        if recipient.salutation_in(language, holder).is_none() {
            let (id, fallback) = (&recipient.id, convention.fallback_salutation());
            warnings.push(match self.messages {
                Language::ES => format!(
                    "el destinatario `{id}` no tiene saludo en `{language}`; se usa \"{fallback}\""
                ),
                _ => format!(
                    "recipient `{id}` has no salutation in `{language}`; using \"{fallback}\""
                ),
            });
        }
        let own_words_language = request
            .own_words_language
            .as_ref()
            .filter(|(l, _)| *l != language && crate::text::language::is_detected(language.code()));
        if let Some((read_as, from)) = own_words_language {
            let own = request.own_words.as_deref().unwrap_or_default();
            let warning = warnings::own_words_language(
                (own, from),
                *read_as,
                language,
                &recipient.id,
                self.messages,
            );
            if !warnings.contains(&warning) {
                warnings.push(warning);
            }
        }
        let holder = recipient.holder_index_on(request.date);
        let voice = request
            .voice
            .unwrap_or_else(|| Voice::of_signer(&request.sender.organization));
        let demands = request.demands.select(template, language)?;
        Ok(Draft {
            template: Arc::clone(template),
            language,
            recipient,
            sender: request.sender.clone(),
            demands,
            own_words: request.own_words.clone().filter(|t| !t.trim().is_empty()),
            own_words_language: own_words_language.map(|(l, _)| *l),
            date: request.date,
            fields: request.fields.clone(),
            cosigners: Vec::new(),
            signature: request
                .sender
                .signature
                .as_deref()
                .map(|path| self.image(path))
                .transpose()?,
            voice,
            convention,
            holder,
        })
    }

    /// The warnings that depend on the letter's date, once per recipient and date: no
    /// holder recorded on that date; a record last verified before it.
    fn warn_dated(
        &self,
        recipient: &Recipient,
        holder: Option<&Holder>,
        date: NaiveDate,
        warnings: &mut Vec<String>,
    ) {
        let first = self
            .dated
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert((recipient.id.clone(), date));
        if !first {
            return;
        }
        if holder.is_none() && !recipient.holders.is_empty() {
            warnings.push(warnings::no_holder_on(
                recipient,
                &self.data.recipients.path,
                date,
                self.messages,
            ));
        }
        warnings.extend(warnings::stale_record(
            recipient,
            warnings::Dated::Letter(date),
            self.messages,
        ));
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

/// Resolves a checked request against the data: one Draft per recipient.
pub fn plan(request: &LetterRequest, data: &DataSet, today: NaiveDate) -> Result<Plan> {
    plan_in(request, data, today, Language::EN)
}

/// As `plan`, with the warnings in the language `messages`.
pub fn plan_in(
    request: &LetterRequest,
    data: &DataSet,
    today: NaiveDate,
    messages: Language,
) -> Result<Plan> {
    let mut warnings = Vec::new();
    let planner = Planner::new_in(
        &request.template,
        data,
        (today, messages),
        request.fix_mojibake,
        &mut warnings,
    )?;
    let mut drafts = Vec::new();
    for id in planner.recipients(&request.recipients)? {
        drafts.push(planner.draft(&id, request, &mut warnings)?);
    }
    Ok(Plan { drafts, warnings })
}
