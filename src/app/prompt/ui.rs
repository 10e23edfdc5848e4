//! The language of the prompts: `--ui-lang`, else `LETTERS_UI_LANG`, else the locale the
//! way the platform reads it for messages (`LANGUAGE`, then the first of `LC_ALL`,
//! `LC_MESSAGES`, `LANG` that is set; `LANGUAGE` counts only when that locale is not
//! `C` or `POSIX`), else English. The messages themselves are in `crate::messages`.

use crate::error::{Error, Result};
use crate::messages;
use crate::model::Language;

/// The interface language `code` names: a language with a catalogue of messages.
fn interface(code: &str) -> std::result::Result<Language, String> {
    let language: Language = code.parse().map_err(|_: crate::model::UnknownLanguage| {
        format!("unknown interface language `{code}`: use en or es")
    })?;
    if crate::messages::CATALOGUES
        .iter()
        .any(|(c, _)| *c == language.code())
    {
        Ok(language)
    } else {
        Err(format!(
            "the interface is not written in `{language}`: use en or es (letters can still be written in `{language}` with --lang)"
        ))
    }
}

/// Picks the interface language: `--ui-lang`, else `LETTERS_UI_LANG`, else the locale,
/// else English.
pub fn language(flag: Option<&str>) -> Result<Language> {
    if let Some(code) = flag {
        return interface(code).map_err(|e| Error::flag("--ui-lang", e));
    }
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    if let Some(code) = var("LETTERS_UI_LANG") {
        return interface(&code).map_err(|e| Error::flag("LETTERS_UI_LANG", e));
    }
    Ok(from_locale(
        var("LANGUAGE").as_deref(),
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name))
            .as_deref(),
    ))
}

/// The interface language the locale settings name: the first of `LANGUAGE`'s list
/// (`es_MX:en`) that is English or Spanish, when the messages locale is not `C`; else that
/// locale's language.
fn from_locale(language_list: Option<&str>, locale: Option<&str>) -> Language {
    let locale = locale.unwrap_or("C");
    let plain = matches!(locale, "C" | "POSIX") || locale.starts_with("C.");
    let of = |tag: &str| -> Option<Language> {
        let code: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        interface(&code).ok()
    };
    if !plain {
        if let Some(found) = language_list.and_then(|list| list.split(':').find_map(of)) {
            return found;
        }
    }
    of(locale).unwrap_or(Language::EN)
}

/// The prompts' language.
#[derive(Debug, Clone, Copy)]
pub struct Ui {
    pub language: Language,
}

impl Ui {
    /// The message `id` in the interface language.
    pub fn msg(self, id: &str) -> &'static str {
        messages::text(self.language.code(), id)
    }

    /// The message `id` in the interface language, its placeholders filled from `args`.
    pub fn msg_with(self, id: &str, args: &[(&str, &str)]) -> String {
        messages::format(self.language.code(), id, args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_picks_the_language_as_the_platform_does() {
        assert_eq!(from_locale(None, Some("es_VE.UTF-8")), Language::ES);
        assert_eq!(from_locale(None, Some("en_GB.UTF-8")), Language::EN);
        assert_eq!(from_locale(None, None), Language::EN);
        assert_eq!(
            from_locale(Some("es_MX:en"), Some("en_US.UTF-8")),
            Language::ES
        );
        assert_eq!(
            from_locale(Some("fr:es"), Some("fr_FR.UTF-8")),
            Language::ES
        );
        // LANGUAGE is not read under the C locale.
        assert_eq!(from_locale(Some("es"), Some("C.UTF-8")), Language::EN);
        assert_eq!(from_locale(Some("es"), None), Language::EN);
        assert_eq!(from_locale(None, Some("de_DE.UTF-8")), Language::EN);
    }
}
