//! The questions about who signs and what they add in their own words: the signer's
//! details, one step each (with what flags and settings give as the first answers,
//! remembered when the user agrees), and a paragraph typed, written in an editor, or
//! skipped.

use dialoguer::{Editor, Select};

use super::steps::{Asked, State, Q};
use super::{answered, line, remember, yes_no, Flow, Step, Stop};
use crate::draft::Given;
use crate::error::Source;
use crate::text::looks_like_email;

impl Flow<'_> {
    /// A line of text; asked again while it is empty and `required`. Esc goes back.
    pub(super) fn text(&self, prompt: &str, initial: &str, required: bool) -> Step<String> {
        loop {
            let answer = answered(line::read(&self.theme, prompt, initial, None)?)?;
            let answer = answer.trim().to_string();
            if !required || !answer.is_empty() {
                return Ok(answer);
            }
            self.say("This cannot be empty.", "Este dato no puede quedar vacío.");
        }
    }

    /// One detail of who signs: asked when neither the flags nor the settings name a
    /// signer, with what they do give as the first answer.
    pub fn sender(&self, question: Q, state: &mut State) -> Step<Asked> {
        let ui = self.ui;
        if question == Q::Name {
            state.sender_asked = !state.raw.sender.has_name();
            if state.sender_asked {
                self.say("Who signs the letter?", "¿Quién firma la carta?");
            }
        }
        if !state.sender_asked {
            return Ok(Asked::No);
        }
        let sender = &mut state.raw.sender;
        let (prompt, field, required) = match question {
            Q::Name => (ui.t("Your name", "Su nombre"), &mut sender.name, true),
            Q::Title => (
                ui.t("Title (optional)", "Cargo (opcional)"),
                &mut sender.title,
                false,
            ),
            Q::Organization => (
                ui.t("Organization (optional)", "Organización (opcional)"),
                &mut sender.organization,
                false,
            ),
            _ => (
                ui.t("Email (optional)", "Correo electrónico (opcional)"),
                &mut sender.email,
                false,
            ),
        };
        let known = field.as_ref().map(|g| g.value.clone()).unwrap_or_default();
        let answer = loop {
            let answer = self.text(prompt, &known, required)?;
            if question != Q::Email || answer.is_empty() || looks_like_email(&answer) {
                break answer;
            }
            self.say(
                "That is not an email address; leave it empty or type it again.",
                "Esa no es una dirección de correo; déjela vacía o escríbala de nuevo.",
            );
        };
        *field = (!answer.is_empty()).then(|| Given::new(answer, Source::Prompt(prompt)));
        Ok(Asked::Yes)
    }

    /// Whether to remember the signer typed in, for the next letters.
    pub fn remember(&self, state: &mut State) -> Step<Asked> {
        if !state.sender_asked || self.args.prompts.no_remember {
            return Ok(Asked::No);
        }
        let ui = self.ui;
        let remember = answered(yes_no::ask(
            &self.theme,
            ui.language,
            ui.t(
                "Remember these details for your next letters?",
                "¿Recordar estos datos para sus próximas cartas?",
            ),
            false,
        )?)?;
        if remember {
            let file = remember::sender(&state.raw.sender)?;
            eprintln!("{} {}", ui.t("Saved in", "Guardado en"), file.display());
        }
        Ok(Asked::Yes)
    }

    /// A paragraph in the user's own words: typed, written in an editor, or skipped.
    pub fn own_words(&self, state: &mut State) -> Step<Asked> {
        if state.raw.own_words.is_some() {
            return Ok(Asked::No);
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
        let text = loop {
            let choice = answered(
                Select::with_theme(&self.theme)
                    .with_prompt(prompt)
                    .items(choices)
                    .default(0)
                    .interact_opt()?,
            )?;
            let typed = match choice {
                0 => self.text(ui.t("Your paragraph", "Su párrafo"), "", false),
                1 => match Editor::new().extension(".txt").edit("") {
                    Ok(text) => Ok(text.unwrap_or_default()),
                    Err(err) => {
                        eprintln!(
                            "{}: {err}",
                            ui.t(
                                "The editor could not be opened",
                                "No se pudo abrir el editor"
                            )
                        );
                        self.text(ui.t("Your paragraph", "Su párrafo"), "", false)
                    }
                },
                _ => Ok(String::new()),
            };
            match typed {
                Ok(text) => break text,
                // Esc while typing: back to the choice of how.
                Err(Stop::Back) => continue,
                Err(stop) => return Err(stop),
            }
        };
        let text = text.trim().to_string();
        if !text.is_empty() {
            state.raw.own_words = Some(Given::new(text, Source::Prompt(prompt)));
        }
        Ok(Asked::Yes)
    }
}
