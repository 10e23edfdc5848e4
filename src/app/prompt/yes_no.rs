//! Yes-or-no questions in the prompts' language, answered with Enter: a key (`y`/`n`, in
//! Spanish `s`/`n`, from the catalogues) only shows the answer, Enter gives it, and Enter alone takes the
//! default (the capital letter in the hint). So a stray Enter never answers the question
//! after. Esc goes back a step; Ctrl-C cancels.

use std::io;

use dialoguer::console::{Key, Term};
use dialoguer::theme::ColorfulTheme;

use crate::messages;
use crate::model::Language;

/// The key for yes, the hint shown, and the words of the two answers.
struct Words {
    yes_key: char,
    hint: &'static str,
    yes: &'static str,
    no: &'static str,
}

fn words(language: Language, default: bool) -> Words {
    let msg = |id| messages::text(language.code(), id);
    Words {
        yes_key: msg("yes-key").chars().next().unwrap_or('y'),
        hint: msg(if default {
            "yes-no-hint-default-yes"
        } else {
            "yes-no-hint-default-no"
        }),
        yes: msg("answer-yes"),
        no: msg("answer-no"),
    }
}

/// The answer: `Some(yes)` on Enter, `None` on Esc.
pub fn ask(
    theme: &ColorfulTheme,
    language: Language,
    prompt: &str,
    default: bool,
) -> io::Result<Option<bool>> {
    let term = Term::stderr();
    let words = words(language, default);
    let mut answer: Option<bool> = None;
    loop {
        let word = match answer {
            Some(true) => words.yes,
            Some(false) => words.no,
            None => "",
        };
        term.clear_line()?;
        term.write_str(&asking(theme, prompt, words.hint, word))?;
        term.flush()?;
        match term.read_key()? {
            Key::Enter => break,
            Key::Escape => {
                term.clear_line()?;
                return Ok(None);
            }
            Key::Backspace => answer = None,
            Key::Char(c) if c.to_ascii_lowercase() == words.yes_key => answer = Some(true),
            Key::Char('n' | 'N') => answer = Some(false),
            _ => {}
        }
    }
    let answer = answer.unwrap_or(default);
    term.clear_line()?;
    term.write_line(&answered(
        theme,
        prompt,
        if answer { words.yes } else { words.no },
    ))?;
    Ok(Some(answer))
}

fn asking(theme: &ColorfulTheme, prompt: &str, hint: &str, word: &str) -> String {
    format!(
        "{} {} {} {} {}",
        theme.prompt_prefix,
        theme.prompt_style.apply_to(prompt),
        theme.hint_style.apply_to(hint),
        theme.prompt_suffix,
        theme.values_style.apply_to(word)
    )
}

fn answered(theme: &ColorfulTheme, prompt: &str, word: &str) -> String {
    format!(
        "{} {} {} {}",
        theme.success_prefix,
        theme.prompt_style.apply_to(prompt),
        theme.success_suffix,
        theme.values_style.apply_to(word)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_the_capital_letter_in_each_language() {
        assert_eq!(words(Language::EN, false).hint, "(y/N)");
        assert_eq!(words(Language::ES, true).hint, "(S/n)");
        assert_eq!(words(Language::ES, false).yes_key, 's');
        let plain = |s: String| dialoguer::console::strip_ansi_codes(&s).into_owned();
        let theme = ColorfulTheme::default();
        assert!(plain(answered(&theme, "¿Escribirla?", "sí")).ends_with("¿Escribirla? · sí"));
    }
}
