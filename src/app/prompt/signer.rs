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
    /// A line of text, starting from what was typed there before (after going back) or
    /// else `initial`; asked again while it is empty and `required`. Esc goes back.
    pub(super) fn text(&self, prompt: &str, initial: &str, required: bool) -> Step<String> {
        let before = self.typed.borrow().get(prompt).cloned();
        let initial = before.as_deref().unwrap_or(initial);
        loop {
            let answer = answered(line::read(&self.theme, prompt, initial, None)?)?;
            let answer = answer.trim().to_string();
            self.typed
                .borrow_mut()
                .insert(prompt.to_string(), answer.clone());
            if !required || !answer.is_empty() {
                return Ok(answer);
            }
            self.say("this-cannot-be-empty");
        }
    }

    /// One detail of who signs: asked when neither the flags nor the settings name a
    /// signer, with what they do give as the first answer.
    pub fn sender(&self, question: Q, state: &mut State) -> Step<Asked> {
        let ui = self.ui;
        if question == Q::Name {
            state.sender_asked = !state.raw.sender.has_name();
            if state.sender_asked {
                self.say("who-signs-the-letter");
            }
        }
        if !state.sender_asked {
            return Ok(Asked::No);
        }
        let sender = &mut state.raw.sender;
        let (prompt, field, required) = match question {
            Q::Name => (ui.msg("your-name"), &mut sender.name, true),
            Q::Title => (ui.msg("title-optional"), &mut sender.title, false),
            Q::Organization => (
                ui.msg("organization-optional"),
                &mut sender.organization,
                false,
            ),
            _ => (ui.msg("email-optional"), &mut sender.email, false),
        };
        let known = field.as_ref().map(|g| g.value.clone()).unwrap_or_default();
        let answer = loop {
            let answer = self.text(prompt, &known, required)?;
            if question != Q::Email || answer.is_empty() || looks_like_email(&answer) {
                break answer;
            }
            self.say("that-is-not-an-email");
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
            ui.msg("remember-these-details-for-your"),
            false,
        )?)?;
        if remember {
            let file = remember::sender(&state.raw.sender)?;
            let file = file.display().to_string();
            eprintln!("{}", ui.msg_with("saved-in", &[("path", &file)]));
        }
        Ok(Asked::Yes)
    }

    /// A paragraph in the user's own words: typed, written in an editor, or skipped.
    pub fn own_words(&self, state: &mut State) -> Step<Asked> {
        if state.raw.own_words.is_some() {
            return Ok(Asked::No);
        }
        let ui = self.ui;
        self.say("a-sentence-or-two-in");
        let choices = [
            ui.msg("type-it-here"),
            ui.msg("write-it-in-my-editor"),
            ui.msg("skip"),
        ];
        let prompt = ui.msg("your-own-paragraph");
        let text = loop {
            let choice = answered(
                Select::with_theme(&self.theme)
                    .with_prompt(prompt)
                    .items(choices)
                    .default(0)
                    .interact_opt()?,
            )?;
            let typed = match choice {
                0 => self.text(ui.msg("your-paragraph"), "", false),
                1 => match Editor::new().extension(".txt").edit("") {
                    Ok(text) => Ok(text.unwrap_or_default()),
                    Err(err) => {
                        let error = err.to_string();
                        eprintln!("{}", ui.msg_with("editor-failed", &[("error", &error)]));
                        self.text(ui.msg("your-paragraph"), "", false)
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
