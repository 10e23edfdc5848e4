//! The language of the prompts: English by default, Spanish when the locale or
//! `--ui-lang` says so. Each message is written once per language, side by side.

use crate::error::{Error, Result};
use crate::model::Language;

/// Picks the interface language: `--ui-lang`, else the locale, else English.
pub fn language(flag: Option<&str>) -> Result<Language> {
    if let Some(code) = flag {
        return code
            .parse()
            .map_err(|e: crate::model::UnknownLanguage| Error::flag("--ui-lang", e.to_string()));
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|value| !value.is_empty())
        .unwrap_or_default();
    Ok(if locale.to_ascii_lowercase().starts_with("es") {
        Language::Es
    } else {
        Language::En
    })
}

/// The prompts' language.
#[derive(Debug, Clone, Copy)]
pub struct Ui {
    pub language: Language,
}

impl Ui {
    /// The message in the interface language.
    pub fn t(self, en: &'static str, es: &'static str) -> &'static str {
        match self.language {
            Language::En => en,
            Language::Es => es,
        }
    }
}
