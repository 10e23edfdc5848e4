//! The guided flow as steps in order, each asked only when the flags and settings leave
//! it open. Esc at a step goes back to the step asked before it, with the answers as
//! they were then; Esc at the first step asked cancels.

use std::path::PathBuf;

use super::{Flow, Step, Stop};
use crate::draft::RawRequest;
use crate::model::{Language, Template};
use crate::render::Format;

/// The answers so far.
#[derive(Clone)]
pub struct State<'a> {
    pub raw: RawRequest,
    pub template: Option<&'a Template>,
    pub recipients: Vec<String>,
    pub language: Option<Language>,
    /// Whether the signer's details are asked (no name came from flags or settings).
    pub sender_asked: bool,
    pub format: Option<Format>,
    /// Where to write; `None` is the terminal.
    pub output: Option<PathBuf>,
}

/// The steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Q {
    Template,
    Recipients,
    Language,
    Demands,
    Name,
    Title,
    Organization,
    Email,
    Remember,
    OwnWords,
    Format,
    Output,
    Write,
}

const ORDER: [Q; 13] = [
    Q::Template,
    Q::Recipients,
    Q::Language,
    Q::Demands,
    Q::Name,
    Q::Title,
    Q::Organization,
    Q::Email,
    Q::Remember,
    Q::OwnWords,
    Q::Format,
    Q::Output,
    Q::Write,
];

/// Whether a step asks anything, or its answer is given.
pub enum Asked {
    Yes,
    No,
}

impl<'a> Flow<'a> {
    pub(super) fn run(&self, raw: RawRequest) -> Step<()> {
        self.say("esc-goes-back-one-step");
        let mut state = State {
            raw,
            template: None,
            recipients: Vec::new(),
            language: None,
            sender_asked: false,
            format: self.args.format,
            output: self.args.output.clone(),
        };
        let mut asked: Vec<(usize, State<'a>)> = Vec::new();
        let mut at = 0;
        while let Some(question) = ORDER.get(at) {
            let before = state.clone();
            match self.step(*question, &mut state) {
                Ok(Asked::Yes) => {
                    asked.push((at, before));
                    at += 1;
                }
                Ok(Asked::No) => at += 1,
                Err(Stop::Back) => {
                    let Some((previous, then)) = asked.pop() else {
                        return Err(Stop::Cancelled);
                    };
                    self.say("back-one-step");
                    state = then;
                    at = previous;
                }
                Err(stop) => return Err(stop),
            }
        }
        Ok(())
    }

    fn step(&self, question: Q, state: &mut State<'a>) -> Step<Asked> {
        match question {
            Q::Template => self.template(state),
            Q::Recipients => self.recipients(state),
            Q::Language => self.language(state),
            Q::Demands => self.demands(state),
            Q::Name | Q::Title | Q::Organization | Q::Email => self.sender(question, state),
            Q::Remember => self.remember(state),
            Q::OwnWords => self.own_words(state),
            Q::Format => self.format(state),
            Q::Output => self.output(state),
            Q::Write => {
                let format = state.format.unwrap_or(Format::Text);
                self.finish(state.raw.clone(), format, state.output.clone())?;
                Ok(Asked::Yes)
            }
        }
    }

    /// The letter's language as it will be: the one chosen, else the first language the
    /// campaign offers of those the first recipient prefers.
    pub fn letter_language(&self, state: &State) -> Language {
        let template = state.template;
        state.language.unwrap_or_else(|| {
            let offers = |l: &Language| template.is_none_or(|t| t.offers(*l));
            state
                .recipients
                .first()
                .and_then(|id| self.data.recipients.records.get(id))
                .and_then(|r| r.languages.iter().find(|l| offers(l)).copied())
                .or_else(|| template.and_then(|t| t.meta.languages.first().copied()))
                .unwrap_or(self.ui.language)
        })
    }
}
