//! The questions of the guided flow, one method each. A question is asked only when the
//! flags and settings leave its answer open; an answer goes into the raw request with
//! the prompt as its source, exactly as a flag's value would.

use std::path::{Path, PathBuf};

use dialoguer::{Confirm, Editor, FuzzySelect, Input, MultiSelect, Select};

use super::{answered, fit, remember, report, Flow, Step};
use crate::draft::{DemandSelection, Given, RawRequest};
use crate::error::Source;
use crate::letter::naming;
use crate::model::locale;
use crate::model::{Language, Template};
use crate::render::Format;
use crate::text::looks_like_email;

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
                let mut label = format!("{} — {}", t.name_in(lang), t.description_in(lang));
                if let Some(deadline) = t.meta.act_before {
                    let date = locale::format_date(deadline, lang, locale::DateStyle::DayMonthYear);
                    if t.is_past_deadline(today) {
                        label.push_str(&format!(
                            " [{} {date}: {}]",
                            self.ui.t("act before", "actuar antes del"),
                            self.ui.t("passed", "vencido")
                        ));
                    } else {
                        label.push_str(&format!(
                            " [{} {date}]",
                            self.ui.t("act before", "actuar antes del")
                        ));
                    }
                }
                fit(&label)
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
                let mut label = format!(
                    "{} — {} ({reach})",
                    r.office_in(lang),
                    r.addressee_line(lang)
                );
                if r.is_stale(today) {
                    label.push_str(&format!(
                        "  ⚠ {} {}",
                        self.ui.t("not verified since", "sin verificar desde"),
                        r.verified
                    ));
                }
                fit(&label)
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

    fn text(&self, prompt: &str, initial: &str, required: bool) -> Step<String> {
        let ui = self.ui;
        let mut input = Input::<String>::with_theme(&self.theme)
            .with_prompt(prompt)
            .allow_empty(!required);
        if !initial.is_empty() {
            input = input.with_initial_text(initial);
        }
        if required {
            input = input.validate_with(move |value: &String| -> std::result::Result<(), &str> {
                if value.trim().is_empty() {
                    Err(ui.t("This cannot be empty.", "Este dato no puede quedar vacío."))
                } else {
                    Ok(())
                }
            });
        }
        Ok(input.interact_text()?.trim().to_string())
    }

    /// Who signs: asked for when neither the flags nor the settings name a signer, with
    /// what they do give as the first answers; remembered when the user agrees.
    pub fn sender(&self, raw: &mut RawRequest) -> Step<()> {
        if raw.sender.has_name() {
            return Ok(());
        }
        let ui = self.ui;
        let known = |field: &Option<Given<String>>| {
            field.as_ref().map(|g| g.value.clone()).unwrap_or_default()
        };
        self.say("Who signs the letter?", "¿Quién firma la carta?");
        let ask =
            |prompt: &'static str, field: &mut Option<Given<String>>, required: bool| -> Step<()> {
                let answer = self.text(prompt, &known(field), required)?;
                *field = (!answer.is_empty()).then(|| Given::new(answer, Source::Prompt(prompt)));
                Ok(())
            };
        let sender = &mut raw.sender;
        ask(ui.t("Your name", "Su nombre"), &mut sender.name, true)?;
        ask(
            ui.t("Title (optional)", "Cargo (opcional)"),
            &mut sender.title,
            false,
        )?;
        ask(
            ui.t("Organization (optional)", "Organización (opcional)"),
            &mut sender.organization,
            false,
        )?;
        let prompt = ui.t("Email (optional)", "Correo electrónico (opcional)");
        loop {
            let email = self.text(prompt, &known(&sender.email), false)?;
            if email.is_empty() || looks_like_email(&email) {
                sender.email =
                    (!email.is_empty()).then(|| Given::new(email, Source::Prompt(prompt)));
                break;
            }
            self.say(
                "That is not an email address; leave it empty or type it again.",
                "Esa no es una dirección de correo; déjela vacía o escríbala de nuevo.",
            );
        }
        if !self.args.prompts.no_remember {
            let remember = answered(
                Confirm::with_theme(&self.theme)
                    .with_prompt(ui.t(
                        "Remember these details for your next letters?",
                        "¿Recordar estos datos para sus próximas cartas?",
                    ))
                    .default(false)
                    .interact_opt()?,
            )?;
            if remember {
                let file = remember::sender(&raw.sender)?;
                eprintln!("{} {}", ui.t("Saved in", "Guardado en"), file.display());
            }
        }
        Ok(())
    }

    /// A paragraph in the user's own words: typed, written in an editor, or skipped.
    pub fn own_words(&self, raw: &mut RawRequest) -> Step<()> {
        if raw.own_words.is_some() {
            return Ok(());
        }
        let ui = self.ui;
        self.say(
            "A sentence or two in your own words (why this matters to you) gives the letter more weight than an identical form letter.",
            "Una o dos frases con sus propias palabras (por qué esto le importa) dan a la carta más peso que un texto idéntico a los demás.",
        );
        let choices = [
            ui.t("Type it here", "Escribirlo aquí"),
            ui.t(
                "Write it in my editor ($EDITOR)",
                "Escribirlo en mi editor ($EDITOR)",
            ),
            ui.t("Skip", "Omitir"),
        ];
        let prompt = ui.t("Your own paragraph", "Su propio párrafo");
        let choice = answered(
            Select::with_theme(&self.theme)
                .with_prompt(prompt)
                .items(choices)
                .default(0)
                .interact_opt()?,
        )?;
        let text = match choice {
            0 => self.text(ui.t("Your paragraph", "Su párrafo"), "", false)?,
            1 => match Editor::new().extension(".txt").edit("") {
                Ok(text) => text.unwrap_or_default(),
                Err(err) => {
                    eprintln!(
                        "{}: {err}",
                        ui.t(
                            "The editor could not be opened",
                            "No se pudo abrir el editor"
                        )
                    );
                    self.text(ui.t("Your paragraph", "Su párrafo"), "", false)?
                }
            },
            _ => String::new(),
        };
        let text = text.trim().to_string();
        if !text.is_empty() {
            raw.own_words = Some(Given::new(text, Source::Prompt(prompt)));
        }
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
            .map(|f| format!("{} — {}", f.name(), f.description()))
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
