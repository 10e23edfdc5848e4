//! The questions of the guided flow about the letter, one method each: campaign,
//! recipients, language, demands, format, output. A question is asked only when the flags
//! and settings leave its answer open; an answer goes into the raw request with the
//! prompt as its source, exactly as a flag's value would. Choices that cannot work are
//! left out, and the screen says why.

use std::path::{Path, PathBuf};

use dialoguer::{FuzzySelect, MultiSelect, Select};

use super::filter::FilterTheme;
use super::steps::{Asked, State};
use super::{answered, fit, fit_keeping, line, report, Flow, Step};
use crate::draft::{DemandSelection, Given};
use crate::error::Source;
use crate::letter::naming;
use crate::model::locale;
use crate::model::{Language, Recipient, Template};
use crate::render::Format;

impl<'a> Flow<'a> {
    /// The campaign: the one given, or the one chosen.
    pub fn template(&self, state: &mut State<'a>) -> Step<Asked> {
        let templates = &self.data.templates.templates;
        let raw = &mut state.raw;
        if let Some(id) = raw.template.as_ref().filter(|t| !t.value.trim().is_empty()) {
            state.template = Some(self.data.templates.get(id.value.trim())?);
            return Ok(Asked::No);
        }
        let lang = self.ui.language;
        let today = self.today;
        let list: Vec<&Template> = templates.values().collect();
        let labels: Vec<String> = list
            .iter()
            .map(|t| {
                let label = format!("{} — {}", t.name_in(lang), t.description_in(lang));
                let mut mark = String::new();
                if let Some(deadline) = t.meta.act_before {
                    let date = locale::Convention::default_of(lang).date(deadline);
                    if t.is_past_deadline(today) {
                        mark = self.ui.msg_with("mark-deadline-passed", &[("date", &date)]);
                    } else {
                        mark = self.ui.msg_with("mark-deadline", &[("date", &date)]);
                    }
                    mark.push(' ');
                }
                fit_keeping(&label, &mark)
            })
            .collect();
        let prompt = self.ui.msg("campaign-type-to-filter");
        let theme = FilterTheme {
            colorful: &self.theme,
            labels: &labels,
            nothing: self.ui.msg("nothing-matches-backspace-to-change"),
        };
        let index = answered(
            FuzzySelect::with_theme(&theme)
                .with_prompt(prompt)
                .items(&labels)
                .default(0)
                .interact_opt()?,
        )?;
        let template = list[index];
        raw.template = Some(Given::new(template.id.clone(), Source::Prompt(prompt)));
        state.template = Some(template);
        Ok(Asked::Yes)
    }

    /// Why `recipient` cannot have a letter in `format`, if it cannot.
    fn unreachable_by(&self, recipient: &Recipient, format: Format) -> Option<String> {
        let id = &recipient.id;
        if format.is_email() && recipient.email.is_empty() {
            return Some(self.ui.msg_with("no-email-address", &[("recipient", id)]));
        }
        if format.is_postal() && recipient.address.is_empty() {
            return Some(self.ui.msg_with("no-postal-address", &[("recipient", id)]));
        }
        None
    }

    /// The recipients: the ones given, or the ones ticked.
    pub fn recipients(&self, state: &mut State<'a>) -> Step<Asked> {
        let raw = &mut state.raw;
        if let Some(given) = raw.recipients.as_ref().filter(|r| !r.value.is_empty()) {
            state.recipients = given.value.clone();
            return Ok(Asked::No);
        }
        let Some(template) = state.template else {
            return Ok(Asked::No);
        };
        let lang = self.ui.language;
        let today = self.today;
        let records: Vec<&Recipient> = self.data.recipients.records.values().collect();
        let labels: Vec<String> = records
            .iter()
            .map(|r| {
                let reach = if r.email.is_empty() {
                    self.ui.msg("reach-postal").to_string()
                } else {
                    self.ui
                        .msg_with("reach-postal-and-email", &[("email", &r.email)])
                };
                let label = format!(
                    "{} — {} ({reach})",
                    r.office_in(lang),
                    r.addressee_line(lang, r.holder_on(today))
                );
                let mark = if r.is_stale(today) {
                    let date = r.verified.to_string();
                    self.ui.msg_with("mark-not-verified", &[("date", &date)]) + " "
                } else {
                    String::new()
                };
                fit_keeping(&label, &mark)
            })
            .collect();
        let defaults: Vec<bool> = records
            .iter()
            .map(|r| template.meta.recipients.contains(&r.id))
            .collect();
        let prompt = self.ui.msg("recipients-space-to-tick-enter");
        let chosen = loop {
            let chosen =
                self.pick_many(prompt, &labels, &defaults, "choose-at-least-one-recipient")?;
            // A format the flags give that a ticked office cannot receive: said now,
            // not after every other answer.
            let format = state.format;
            let why: Vec<String> = chosen
                .iter()
                .filter_map(|i| format.and_then(|f| self.unreachable_by(records[*i], f)))
                .collect();
            if why.is_empty() {
                break chosen;
            }
            let reasons = why.join("; ");
            eprintln!(
                "{}",
                self.ui
                    .msg_with("format-unreachable", &[("reasons", &reasons)])
            );
        };
        let ids: Vec<String> = chosen.into_iter().map(|i| records[i].id.clone()).collect();
        report(prompt, &ids);
        raw.recipients = Some(Given::new(ids.clone(), Source::Prompt(prompt)));
        state.recipients = ids;
        Ok(Asked::Yes)
    }

    /// A multiple choice that is asked again until at least one item is ticked.
    fn pick_many<T: std::fmt::Display>(
        &self,
        prompt: &str,
        labels: &[T],
        defaults: &[bool],
        none_ticked: &str,
    ) -> Step<Vec<usize>> {
        loop {
            let chosen = answered(
                MultiSelect::with_theme(&self.theme)
                    .with_prompt(prompt)
                    .items(labels)
                    .defaults(defaults)
                    .report(false)
                    .interact_opt()?,
            )?;
            if !chosen.is_empty() {
                return Ok(chosen);
            }
            self.say(none_ticked);
        }
    }

    /// The letter's language: the one given, or the one chosen when the campaign offers
    /// several; the recipient's first, then the user's own; `None` leaves it to the
    /// recipient.
    pub fn language(&self, state: &mut State<'a>) -> Step<Asked> {
        let raw = &mut state.raw;
        if let Some(given) = &raw.language {
            state.language = given.value.parse().ok();
            return Ok(Asked::No);
        }
        let Some(template) = state.template else {
            return Ok(Asked::No);
        };
        let offered = &template.meta.languages;
        if offered.len() < 2 {
            return Ok(Asked::No);
        }
        let preferred = state
            .recipients
            .first()
            .and_then(|id| self.data.recipients.records.get(id))
            .and_then(|r| r.languages.iter().find(|l| offered.contains(l)).copied());
        let own = Some(self.ui.language).filter(|l| offered.contains(l));
        let mut order: Vec<Language> = preferred.into_iter().chain(own).collect();
        order.dedup();
        order.extend(
            offered
                .iter()
                .filter(|l| !order.contains(l))
                .copied()
                .collect::<Vec<_>>(),
        );
        let labels: Vec<String> = order
            .iter()
            .map(|l| {
                let mut notes = Vec::new();
                if Some(*l) == preferred {
                    notes.push(self.ui.msg("recipients-language"));
                }
                if Some(*l) == own {
                    notes.push(self.ui.msg("your-language"));
                }
                let label = format!("{} ({l})", l.native_name());
                if notes.is_empty() {
                    label
                } else {
                    format!("{label} — {}", notes.join(", "))
                }
            })
            .collect();
        let prompt = self.ui.msg("language-of-the-letter");
        let index = answered(
            Select::with_theme(&self.theme)
                .with_prompt(prompt)
                .items(&labels)
                .default(0)
                .interact_opt()?,
        )?;
        let language = order[index];
        raw.language = Some(Given::new(
            language.code().to_string(),
            Source::Prompt(prompt),
        ));
        state.language = Some(language);
        Ok(Asked::Yes)
    }

    /// The demands: the ones given, or the ones left ticked.
    pub fn demands(&self, state: &mut State<'a>) -> Step<Asked> {
        let language = self.letter_language(state);
        let Some(template) = state.template else {
            return Ok(Asked::No);
        };
        let raw = &mut state.raw;
        let demands = &template.meta.demands;
        if raw.demands.is_some() || demands.is_empty() {
            return Ok(Asked::No);
        }
        let labels: Vec<String> = demands
            .iter()
            .map(|d| fit(d.text.get_or_empty(language)))
            .collect();
        let defaults = vec![true; demands.len()];
        let prompt = self.ui.msg("demands-all-are-ticked-space");
        let chosen = self.pick_many(prompt, &labels, &defaults, "choose-at-least-one-demand")?;
        let ids: Vec<String> = chosen.iter().map(|i| demands[*i].id.clone()).collect();
        report(prompt, &ids);
        let selection = if chosen.len() == demands.len() {
            DemandSelection::All
        } else {
            DemandSelection::Ids(ids)
        };
        raw.demands = Some(Given::new(selection.to_text(), Source::Prompt(prompt)));
        Ok(Asked::Yes)
    }

    /// The format: the one given, or the one chosen among those every recipient can
    /// receive (the others are named, with the reason).
    pub fn format(&self, state: &mut State<'a>) -> Step<Asked> {
        if self.args.format.is_some() {
            return Ok(Asked::No);
        }
        let records: Vec<&Recipient> = state
            .recipients
            .iter()
            .filter_map(|id| self.data.recipients.records.get(id))
            .collect();
        let mut formats = Vec::new();
        for format in Format::ALL {
            let why: Vec<String> = records
                .iter()
                .filter_map(|r| self.unreachable_by(r, format))
                .collect();
            if why.is_empty() {
                formats.push(format);
            } else {
                let reasons = why.join("; ");
                eprintln!(
                    "{}",
                    self.ui.msg_with(
                        "format-not-offered",
                        &[("format", format.name()), ("reasons", &reasons)]
                    )
                );
            }
        }
        let labels: Vec<String> = formats
            .iter()
            .map(|f| fit(&format!("{} — {}", f.name(), self.format_description(*f))))
            .collect();
        let index = answered(
            Select::with_theme(&self.theme)
                .with_prompt(self.ui.msg("format"))
                .items(&labels)
                .default(0)
                .interact_opt()?,
        )?;
        state.format = formats.get(index).copied();
        Ok(Asked::Yes)
    }

    /// What a format is, in the prompts' language.
    fn format_description(&self, format: Format) -> &'static str {
        match format {
            Format::Text => self.ui.msg("plain-text-wrapped-see-width"),
            Format::Json => self.ui.msg("the-letter-model-as-json"),
            Format::Email => self.ui.msg("an-email-message-eml-rfc"),
            Format::Mbox => self.ui.msg("several-email-messages-in-one"),
            Format::Mailto => self.ui.msg("a-mailto-uri-to-open"),
            Format::Pdf => self.ui.msg("a-typeset-pdf-see-layout"),
        }
    }

    /// Where letters go unless the user says otherwise.
    fn default_output(&self, state: &State) -> String {
        let language = self.letter_language(state);
        let format = state.format.unwrap_or(Format::Text);
        let id = state.template.map(|t| t.id.as_str()).unwrap_or("letter");
        match state.recipients.as_slice() {
            [one] => naming::letter(id, one, language, format.extension()),
            _ => naming::letters_folder(id),
        }
    }

    /// Where to write: the path given, or the one typed (`-` for the terminal).
    pub fn output(&self, state: &mut State<'a>) -> Step<Asked> {
        if self.args.output.is_some() {
            return Ok(Asked::No);
        }
        let ui = self.ui;
        let prompt = if state.recipients.len() > 1 {
            ui.msg("directory-to-write-the-letters")
        } else {
            ui.msg("file-to-write-the-letter")
        };
        let default = self.default_output(state);
        loop {
            let answer = answered(line::read(&self.theme, prompt, "", Some(&default))?)?;
            let answer = answer.trim();
            if answer == "-" {
                state.output = None;
                return Ok(Asked::Yes);
            }
            let path = PathBuf::from(answer);
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
            if parent.is_none_or(Path::is_dir) {
                state.output = Some(path);
                return Ok(Asked::Yes);
            }
            self.say("that-directory-does-not-exist");
        }
    }
}
