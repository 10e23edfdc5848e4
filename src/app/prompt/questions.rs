//! The questions of the guided flow, one method each. A question is asked only when the
//! flags and settings leave its answer open; an answer goes into the raw request with
//! the prompt as its source, exactly as a flag's value would.

use std::path::{Path, PathBuf};

use dialoguer::{FuzzySelect, Input, MultiSelect, Select};

use super::{answered, fit, fit_keeping, report, Flow, Step};
use crate::draft::{DemandSelection, Given, RawRequest};
use crate::error::Source;
use crate::letter::naming;
use crate::model::locale;
use crate::model::{Language, Template};
use crate::render::Format;

impl<'a> Flow<'a> {
    /// The campaign: the one given, or the one chosen.
    pub fn template(&self, raw: &mut RawRequest) -> Step<&'a Template> {
        let templates = &self.data.templates.templates;
        if let Some(id) = raw.template.as_ref().filter(|t| !t.value.trim().is_empty()) {
            return Ok(self.data.templates.get(id.value.trim())?);
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
                    let date = locale::format_date(deadline, lang, locale::DateStyle::DayMonthYear);
                    if t.is_past_deadline(today) {
                        mark = format!(
                            " [{} {date}: {}]",
                            self.ui.t("act before", "actuar antes del"),
                            self.ui.t("passed", "vencido")
                        );
                    } else {
                        mark = format!(" [{} {date}]", self.ui.t("act before", "actuar antes del"));
                    }
                }
                fit_keeping(&label, &mark)
            })
            .collect();
        let prompt = self.ui.t(
            "Campaign (type to filter)",
            "Campaña (escriba para filtrar)",
        );
        let index = answered(
            FuzzySelect::with_theme(&self.theme)
                .with_prompt(prompt)
                .items(&labels)
                .default(0)
                .interact_opt()?,
        )?;
        let template = list[index];
        raw.template = Some(Given::new(template.id.clone(), Source::Prompt(prompt)));
        Ok(template)
    }

    /// The recipients: the ones given, or the ones ticked.
    pub fn recipients(&self, template: &Template, raw: &mut RawRequest) -> Step<Vec<String>> {
        if let Some(given) = raw.recipients.as_ref().filter(|r| !r.value.is_empty()) {
            return Ok(given.value.clone());
        }
        let lang = self.ui.language;
        let today = self.today;
        let records: Vec<_> = self.data.recipients.records.values().collect();
        let labels: Vec<String> = records
            .iter()
            .map(|r| {
                let reach = if r.email.is_empty() {
                    self.ui.t("postal", "correo postal").to_string()
                } else {
                    format!("{} / {}", self.ui.t("postal", "correo postal"), r.email)
                };
                let label = format!(
                    "{} — {} ({reach})",
                    r.office_in(lang),
                    r.addressee_line(lang, r.holder_on(today))
                );
                let mark = if r.is_stale(today) {
                    format!(
                        "  ⚠ {} {}",
                        self.ui.t("not verified since", "sin verificar desde"),
                        r.verified
                    )
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
        let prompt = self.ui.t(
            "Recipients (space to tick, enter to confirm)",
            "Destinatarios (espacio para marcar, intro para confirmar)",
        );
        let chosen = self.pick_many(
            prompt,
            &labels,
            &defaults,
            (
                "Choose at least one recipient.",
                "Elija al menos un destinatario.",
            ),
        )?;
        let ids: Vec<String> = chosen.into_iter().map(|i| records[i].id.clone()).collect();
        report(prompt, &ids);
        raw.recipients = Some(Given::new(ids.clone(), Source::Prompt(prompt)));
        Ok(ids)
    }

    /// A multiple choice that is asked again until at least one item is ticked.
    fn pick_many<T: std::fmt::Display>(
        &self,
        prompt: &str,
        labels: &[T],
        defaults: &[bool],
        none_ticked: (&'static str, &'static str),
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
            self.say(none_ticked.0, none_ticked.1);
        }
    }

    /// The letter's language: the one given, or the one chosen when the campaign offers
    /// several; `None` leaves it to the recipient.
    pub fn language(
        &self,
        template: &Template,
        recipients: &[String],
        raw: &mut RawRequest,
    ) -> Step<Option<Language>> {
        if let Some(given) = &raw.language {
            return Ok(given.value.parse().ok());
        }
        let offered = &template.meta.languages;
        if offered.len() < 2 {
            return Ok(None);
        }
        let preferred = self
            .data
            .recipients
            .records
            .get(&recipients[0])
            .and_then(|r| r.languages.iter().find(|l| offered.contains(l)).copied());
        let labels: Vec<String> = offered
            .iter()
            .map(|l| format!("{} ({l})", l.native_name()))
            .collect();
        let default = preferred
            .and_then(|p| offered.iter().position(|l| *l == p))
            .unwrap_or(0);
        let prompt = self.ui.t("Language of the letter", "Idioma de la carta");
        let index = answered(
            Select::with_theme(&self.theme)
                .with_prompt(prompt)
                .items(&labels)
                .default(default)
                .interact_opt()?,
        )?;
        let language = offered[index];
        raw.language = Some(Given::new(
            language.code().to_string(),
            Source::Prompt(prompt),
        ));
        Ok(Some(language))
    }

    /// The demands: the ones given, or the ones left ticked.
    pub fn demands(
        &self,
        template: &Template,
        language: Language,
        raw: &mut RawRequest,
    ) -> Step<()> {
        let demands = &template.meta.demands;
        if raw.demands.is_some() || demands.is_empty() {
            return Ok(());
        }
        let labels: Vec<String> = demands
            .iter()
            .map(|d| fit(d.text.get_or_empty(language)))
            .collect();
        let defaults = vec![true; demands.len()];
        let prompt = self.ui.t(
            "Demands (all are ticked; space to untick)",
            "Peticiones (todas marcadas; espacio para desmarcar)",
        );
        let chosen = self.pick_many(
            prompt,
            &labels,
            &defaults,
            (
                "Choose at least one demand.",
                "Elija al menos una petición.",
            ),
        )?;
        let ids: Vec<String> = chosen.iter().map(|i| demands[*i].id.clone()).collect();
        report(prompt, &ids);
        let selection = if chosen.len() == demands.len() {
            DemandSelection::All
        } else {
            DemandSelection::Ids(ids)
        };
        raw.demands = Some(Given::new(selection.to_text(), Source::Prompt(prompt)));
        Ok(())
    }

    /// The format: the one given, or the one chosen.
    pub fn format(&self) -> Step<Format> {
        if let Some(format) = self.args.format {
            return Ok(format);
        }
        let formats = Format::ALL;
        let labels: Vec<String> = formats
            .iter()
            .map(|f| format!("{} — {}", f.name(), self.format_description(*f)))
            .collect();
        let index = answered(
            Select::with_theme(&self.theme)
                .with_prompt(self.ui.t("Format", "Formato"))
                .items(&labels)
                .default(0)
                .interact_opt()?,
        )?;
        Ok(formats[index])
    }

    /// What a format is, in the prompts' language.
    fn format_description(&self, format: Format) -> &'static str {
        match format {
            Format::Text => self.ui.t(
                "Plain text, wrapped (see --width)",
                "Texto sin formato, en líneas ajustadas (véase --width)",
            ),
            Format::Json => self.ui.t(
                "The Letter model as JSON",
                "El modelo de la carta en JSON",
            ),
            Format::Email => self.ui.t(
                "An email message (.eml, RFC 5322) with the text as its body, ready for `letters send`",
                "Un mensaje de correo electrónico (.eml, RFC 5322) con el texto como cuerpo, listo para `letters send`",
            ),
            Format::Mbox => self.ui.t(
                "Several email messages in one mbox file",
                "Varios mensajes de correo electrónico en un archivo mbox",
            ),
            Format::Mailto => self.ui.t(
                "A mailto: URI, to open the letter in your own mail program",
                "Un URI mailto:, para abrir la carta en su propio programa de correo",
            ),
            Format::Pdf => self.ui.t(
                "A typeset PDF (see --layout, --signature, --font-regular)",
                "Un PDF compuesto (véanse --layout, --signature, --font-regular)",
            ),
        }
    }

    /// Where letters go unless the user says otherwise.
    pub fn default_output(
        &self,
        template: &Template,
        recipients: &[String],
        language: Language,
        format: Format,
    ) -> String {
        match recipients {
            [one] => naming::letter(&template.id, one, language, format.extension()),
            _ => naming::letters_folder(&template.id),
        }
    }

    /// Where to write: the path given, or the one typed (`-` for the terminal).
    pub fn output(&self, letter_count: usize, default: &str) -> Step<Option<PathBuf>> {
        if let Some(output) = &self.args.output {
            return Ok(Some(output.clone()));
        }
        let ui = self.ui;
        let prompt = if letter_count > 1 {
            ui.t(
                "Directory to write the letters in (- to print them here)",
                "Carpeta donde escribir las cartas (- para mostrarlas aquí)",
            )
        } else {
            ui.t(
                "File to write the letter to (- to print it here)",
                "Archivo donde escribir la carta (- para mostrarla aquí)",
            )
        };
        loop {
            let answer: String = Input::with_theme(&self.theme)
                .with_prompt(prompt)
                .default(default.to_string())
                .interact_text()?;
            let answer = answer.trim();
            if answer == "-" {
                return Ok(None);
            }
            let path = PathBuf::from(answer);
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
            if parent.is_none_or(Path::is_dir) {
                return Ok(Some(path));
            }
            self.say(
                "That directory does not exist; choose a path in an existing directory.",
                "Esa carpeta no existe; elija una ruta en una carpeta existente.",
            );
        }
    }
}
