//! The guided flow of `letters draft` on a terminal: asks (with dialoguer) only for what
//! the flags did not say, previews the letter, writes it, and prints the equivalent
//! command so the next letter can be scripted. Esc or Ctrl-C at any step writes nothing
//! and exits with code 130.

mod ui;

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use dialoguer::console::Term;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Editor, FuzzySelect, Input, MultiSelect, Select};

use crate::cli::DraftArgs;
use crate::commands::draft as draft_command;
use crate::commands::Diagnostics;
use crate::draft::DemandSelection;
use crate::error::{Error, IoAction, Result};
use crate::exit::Exit;
use crate::i18n;
use crate::load::{self, DataSet};
use crate::model::{Language, Sender, Template};
use crate::render::{self, Format};

pub use ui::Ui;

/// Why the flow stopped early.
enum Stop {
    /// Esc, Ctrl-C, or "no" at the confirmation: nothing is written.
    Cancelled,
    Failed(Error),
}

impl From<Error> for Stop {
    fn from(err: Error) -> Stop {
        Stop::Failed(err)
    }
}

impl From<dialoguer::Error> for Stop {
    fn from(err: dialoguer::Error) -> Stop {
        let dialoguer::Error::IO(io) = err;
        if io.kind() == std::io::ErrorKind::Interrupted {
            Stop::Cancelled
        } else {
            Stop::Failed(Error::Io {
                action: IoAction::Use,
                path: PathBuf::from("the terminal"),
                source: io,
            })
        }
    }
}

type Step<T> = std::result::Result<T, Stop>;

/// Shortens a choice to one terminal line, so lists redraw cleanly.
fn fit(label: &str) -> String {
    let width = usize::from(Term::stderr().size().1)
        .saturating_sub(6)
        .max(30);
    if label.chars().count() <= width {
        return label.to_string();
    }
    let mut short: String = label.chars().take(width - 1).collect();
    short.push('…');
    short
}

/// Reports a multiple choice in one short line, as dialoguer reports single ones.
fn report(prompt: &str, chosen: &[String]) {
    eprintln!("✔ {prompt} · {}", fit(&chosen.join(", ")));
}

/// A dialoguer answer: `None` (Esc) cancels the flow.
fn answered<T>(answer: Option<T>) -> Step<T> {
    answer.ok_or(Stop::Cancelled)
}

/// Ctrl-C while a prompt waits: put the cursor back and leave with 130, writing nothing.
fn exit_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        let _ = Term::stderr().show_cursor();
        eprintln!();
        std::process::exit(i32::from(Exit::Interrupted.code()));
    });
}

/// Runs the guided flow for the choices `args` leaves open.
pub fn run(args: &DraftArgs, data: &DataSet, diagnostics: Diagnostics) -> Result<Exit> {
    let ui = Ui {
        language: ui::language(args.prompts.ui_lang),
    };
    exit_on_interrupt();
    let outcome = Flow {
        args,
        data,
        diagnostics,
        ui,
        theme: ColorfulTheme::default(),
    }
    .run();
    let _ = Term::stderr().show_cursor();
    match outcome {
        Ok(()) => Ok(Exit::Success),
        Err(Stop::Cancelled) => {
            eprintln!(
                "{}",
                ui.t(
                    "Cancelled: nothing was written.",
                    "Cancelado: no se escribió nada."
                )
            );
            Ok(Exit::Interrupted)
        }
        Err(Stop::Failed(err)) => Err(err),
    }
}

struct Flow<'a> {
    args: &'a DraftArgs,
    data: &'a DataSet,
    diagnostics: Diagnostics,
    ui: Ui,
    theme: ColorfulTheme,
}

/// The answers, as flags would give them.
struct Answers {
    template: String,
    recipients: Vec<String>,
    language: Option<Language>,
    demands: DemandSelection,
    sender: Sender,
    own_words: Option<String>,
    format: Format,
    output: Option<PathBuf>,
}

impl Flow<'_> {
    fn say(&self, en: &'static str, es: &'static str) {
        eprintln!("{}", self.ui.t(en, es));
    }

    fn run(&self) -> Step<()> {
        let template = self.template()?;
        let recipients = self.recipients(template)?;
        let language = self.language(template, &recipients)?;
        let shown_language = language.unwrap_or_else(|| {
            self.data
                .recipients
                .records
                .get(&recipients[0])
                .and_then(|r| r.languages.iter().find(|l| template.offers(**l)).copied())
                .unwrap_or(template.meta.languages[0])
        });
        let demands = self.demands(template, shown_language)?;
        let sender = self.sender()?;
        let own_words = self.own_words()?;
        let format = self.format()?;
        let letter_count = recipients.len();
        let default_name = self.default_output(template, &recipients, shown_language, format);
        let output = self.output(letter_count, &default_name)?;
        let answers = Answers {
            template: template.id.clone(),
            recipients,
            language,
            demands,
            sender,
            own_words,
            format,
            output,
        };
        self.finish(answers)
    }

    fn template(&self) -> Step<&Template> {
        let templates = &self.data.templates.templates;
        if let Some(id) = self
            .args
            .template
            .as_deref()
            .filter(|t| !t.trim().is_empty())
        {
            return Ok(self.data.templates.get(id.trim())?);
        }
        let lang = self.ui.language;
        let today = crate::clock::today()?;
        let list: Vec<&Template> = templates.values().collect();
        let labels: Vec<String> = list
            .iter()
            .map(|t| {
                let mut label = format!("{} — {}", t.name_in(lang), t.description_in(lang));
                if let Some(deadline) = t.meta.act_before {
                    let date = i18n::format_date(deadline, lang, i18n::DateStyle::DayMonthYear);
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
        let index = answered(
            FuzzySelect::with_theme(&self.theme)
                .with_prompt(self.ui.t(
                    "Campaign (type to filter)",
                    "Campaña (escriba para filtrar)",
                ))
                .items(&labels)
                .default(0)
                .interact_opt()?,
        )?;
        Ok(list[index])
    }

    fn recipients(&self, template: &Template) -> Step<Vec<String>> {
        if !self.args.to.is_empty() {
            return Ok(self.args.to.clone());
        }
        let lang = self.ui.language;
        let today = crate::clock::today()?;
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

    fn language(&self, template: &Template, recipients: &[String]) -> Step<Option<Language>> {
        if let Some(language) = self.args.lang {
            return Ok(Some(language));
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
        let index = answered(
            Select::with_theme(&self.theme)
                .with_prompt(self.ui.t("Language of the letter", "Idioma de la carta"))
                .items(&labels)
                .default(default)
                .interact_opt()?,
        )?;
        Ok(Some(offered[index]))
    }

    fn demands(&self, template: &Template, language: Language) -> Step<DemandSelection> {
        if let Some(text) = &self.args.demands {
            return Ok(DemandSelection::parse(text));
        }
        let demands = &template.meta.demands;
        if demands.is_empty() {
            return Ok(DemandSelection::All);
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
        if chosen.len() == demands.len() {
            Ok(DemandSelection::All)
        } else {
            Ok(DemandSelection::Ids(ids))
        }
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

    fn sender(&self) -> Step<Sender> {
        let known = draft_command::sender_from_flags(&self.args.sender).or(&self.data.sender);
        if !known.name.trim().is_empty() {
            return Ok(known);
        }
        let ui = self.ui;
        self.say("Who signs the letter?", "¿Quién firma la carta?");
        let name = self.text(ui.t("Your name", "Su nombre"), &known.name, true)?;
        let title = self.text(
            ui.t("Title (optional)", "Cargo (opcional)"),
            &known.title,
            false,
        )?;
        let organization = self.text(
            ui.t("Organization (optional)", "Organización (opcional)"),
            &known.organization,
            false,
        )?;
        let email = loop {
            let email = self.text(
                ui.t("Email (optional)", "Correo electrónico (opcional)"),
                &known.email,
                false,
            )?;
            if email.is_empty() || (email.contains('@') && !email.contains(char::is_whitespace)) {
                break email;
            }
            self.say(
                "That is not an email address; leave it empty or type it again.",
                "Esa no es una dirección de correo; déjela vacía o escríbala de nuevo.",
            );
        };
        let sender = Sender {
            name,
            title,
            organization,
            email,
            ..known
        };
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
                let file = load::remember_sender(&sender)?;
                eprintln!("{} {}", ui.t("Saved in", "Guardado en"), file.display());
            }
        }
        Ok(sender)
    }

    fn own_words(&self) -> Step<Option<String>> {
        if let Some(value) = self.args.own_words.as_deref() {
            return Ok(draft_command::own_words(Some(value))?);
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
        let choice = answered(
            Select::with_theme(&self.theme)
                .with_prompt(ui.t("Your own paragraph", "Su propio párrafo"))
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
        Ok((!text.is_empty()).then_some(text))
    }

    fn format(&self) -> Step<Format> {
        if let Some(format) = self.args.format {
            return Ok(format);
        }
        let formats = Format::value_variants();
        let labels: Vec<String> = formats
            .iter()
            .filter_map(|f| f.to_possible_value())
            .map(|v| match v.get_help() {
                Some(help) => format!("{} — {help}", v.get_name()),
                None => v.get_name().to_string(),
            })
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

    fn default_output(
        &self,
        template: &Template,
        recipients: &[String],
        language: Language,
        format: Format,
    ) -> String {
        match recipients {
            [one] => format!("{}--{one}--{language}.{}", template.id, format.extension()),
            _ => format!("{}-letters", template.id),
        }
    }

    fn output(&self, letter_count: usize, default: &str) -> Step<Option<PathBuf>> {
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

    fn finish(&self, answers: Answers) -> Step<()> {
        let ui = self.ui;
        let mut request = draft_command::request(self.args, answers.sender.clone())?;
        request.template.clone_from(&answers.template);
        request.recipients.clone_from(&answers.recipients);
        request.language = answers.language;
        request.demands = answers.demands.clone();
        request.own_words.clone_from(&answers.own_words);
        let letters = draft_command::draft_letters(request, self.data, self.diagnostics)?;
        draft_command::check_postal_addresses(&letters, answers.format, self.data)?;

        let term_width = Term::stderr().size().1 as usize;
        let rule = "─".repeat(self.args.width.min(term_width.max(20)));
        for letter in &letters {
            eprintln!("{rule}");
            eprint!("{}", render::text::render(letter, self.args.width));
        }
        eprintln!("{rule}");

        if !self.args.prompts.yes {
            let write = answered(
                Confirm::with_theme(&self.theme)
                    .with_prompt(ui.t("Write it?", "¿Escribirla?"))
                    .default(true)
                    .interact_opt()?,
            )?;
            if !write {
                return Err(Stop::Cancelled);
            }
        }
        let options = draft_command::render_options(
            answers.format,
            self.args.width,
            &self.args.email,
            &self.args.pdf,
            self.data,
        )?;
        let quiet = crate::commands::Diagnostics { quiet: true };
        let written =
            draft_command::write_output(&letters, &options, answers.output.as_ref(), quiet)?;
        for path in &written {
            eprintln!("{} {}", ui.t("Written:", "Escrita:"), path.display());
        }
        if let (Some(dir), true) = (&answers.output, written.is_empty()) {
            eprintln!(
                "{} {}",
                ui.t("Nothing written in", "Nada escrito en"),
                dir.display()
            );
        }
        eprintln!(
            "{}\n  {}",
            ui.t(
                "Next time, the same letter in one line:",
                "La próxima vez, la misma carta en una sola línea:"
            ),
            self.equivalent_command(&answers)
        );
        Ok(())
    }

    fn equivalent_command(&self, answers: &Answers) -> String {
        let mut words: Vec<String> = vec!["letters".into(), "draft".into()];
        let mut flag = |name: &str, value: &str| {
            words.push(name.to_string());
            words.push(value.to_string());
        };
        flag("--template", &answers.template);
        for recipient in &answers.recipients {
            flag("--to", recipient);
        }
        if let Some(language) = answers.language {
            flag("--lang", language.code());
        }
        if let DemandSelection::Ids(ids) = &answers.demands {
            flag("--demands", &ids.join(","));
        }
        let sender = &answers.sender;
        flag("--sender-name", &sender.name);
        for (name, value) in [
            ("--sender-title", &sender.title),
            ("--sender-org", &sender.organization),
            ("--sender-email", &sender.email),
        ] {
            if !value.is_empty() {
                flag(name, value);
            }
        }
        if let Some(text) = &answers.own_words {
            flag("--own-words", text);
        }
        if let Some(date) = &self.args.date {
            flag("--date", date);
        }
        for field in &self.args.fields {
            flag("--field", field);
        }
        if self.args.width != render::text::DEFAULT_WIDTH {
            flag("--width", &self.args.width.to_string());
        }
        if let Some(value) = answers.format.to_possible_value() {
            flag("--format", value.get_name());
        }
        if let Some(output) = &answers.output {
            flag("-o", &output.display().to_string());
        }
        if self.args.fix_mojibake {
            words.push("--fix-mojibake".into());
        }
        shell_words::join(words)
    }
}
