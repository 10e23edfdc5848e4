//! The yes-or-no questions of the guided flow in the prompts' language: dialoguer writes
//! "(y/n)" and "yes"/"no" in English whatever the language. The keys stay `y` and `n`
//! (dialoguer reads no others), so a Spanish prompt says which is which.

use std::fmt;

use dialoguer::theme::{ColorfulTheme, Theme};

use super::ui::Ui;
use crate::model::Language;

/// The colourful theme, with its yes-or-no prompts in the prompts' language. Only
/// `Confirm` uses it: it writes what `Confirm` asks of a theme and nothing else.
pub struct ConfirmTheme {
    pub colorful: ColorfulTheme,
    pub ui: Ui,
}

impl ConfirmTheme {
    /// The hint after the question, and an answer, in the prompts' language.
    fn words(&self) -> (&'static str, &'static str, &'static str) {
        match self.ui.language {
            Language::En => ("(y/n)", "yes", "no"),
            Language::Es => ("(y = sí, n = no)", "sí", "no"),
        }
    }
}

impl Theme for ConfirmTheme {
    fn format_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.colorful.format_prompt(f, prompt)
    }

    fn format_error(&self, f: &mut dyn fmt::Write, err: &str) -> fmt::Result {
        self.colorful.format_error(f, err)
    }

    fn format_confirm_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<bool>,
    ) -> fmt::Result {
        let theme = &self.colorful;
        let (hint, yes, no) = self.words();
        if !prompt.is_empty() {
            write!(
                f,
                "{} {} ",
                theme.prompt_prefix,
                theme.prompt_style.apply_to(prompt)
            )?;
        }
        write!(
            f,
            "{} {}",
            theme.hint_style.apply_to(hint),
            theme.prompt_suffix
        )?;
        match default {
            None => Ok(()),
            Some(answer) => write!(
                f,
                " {}",
                theme.defaults_style.apply_to(if answer { yes } else { no })
            ),
        }
    }

    fn format_confirm_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        selection: Option<bool>,
    ) -> fmt::Result {
        let theme = &self.colorful;
        let (_, yes, no) = self.words();
        if !prompt.is_empty() {
            write!(
                f,
                "{} {} ",
                theme.success_prefix,
                theme.prompt_style.apply_to(prompt)
            )?;
        }
        match selection {
            Some(answer) => write!(
                f,
                "{} {}",
                theme.success_suffix,
                theme.values_style.apply_to(if answer { yes } else { no })
            ),
            None => write!(f, "{}", theme.success_suffix),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(language: Language, answer: bool) -> (String, String) {
        let theme = ConfirmTheme {
            colorful: ColorfulTheme::default(),
            ui: Ui { language },
        };
        let (mut asked, mut answered) = (String::new(), String::new());
        theme
            .format_confirm_prompt(&mut asked, "?", Some(answer))
            .unwrap();
        theme
            .format_confirm_prompt_selection(&mut answered, "?", Some(answer))
            .unwrap();
        let plain = |s: &str| dialoguer::console::strip_ansi_codes(s).into_owned();
        (plain(&asked), plain(&answered))
    }

    #[test]
    fn spanish_prompts_answer_in_spanish() {
        let (asked, answered) = shown(Language::Es, true);
        assert!(
            asked.contains("(y = sí, n = no)") && asked.ends_with(" sí"),
            "{asked}"
        );
        assert!(answered.ends_with(" sí"), "{answered}");
        let (asked, answered) = shown(Language::En, false);
        assert!(asked.contains("(y/n)") && asked.ends_with(" no"), "{asked}");
        assert!(answered.ends_with(" no"), "{answered}");
    }
}
