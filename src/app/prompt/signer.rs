//! The questions about who signs and what they add in their own words: the signer's
//! details (with what flags and settings give as the first answers, remembered when the
//! user agrees) and a paragraph typed, written in an editor, or skipped.

use dialoguer::{Confirm, Editor, Input, Select};

use super::{answered, remember, Flow, Step};
use crate::draft::{Given, RawRequest};
use crate::error::Source;
use crate::text::looks_like_email;

impl Flow<'_> {
    pub(super) fn text(&self, prompt: &str, initial: &str, required: bool) -> Step<String> {
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
                Confirm::with_theme(&self.confirm_theme)
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
}
