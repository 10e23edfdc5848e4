//! The languages a letter can be written in: every locale loaded, the bundled ones
//! (English, Spanish, French, Portuguese) and those a workspace or the user config
//! directory adds with a locale file. A [`Language`] is a loaded locale's tag; the
//! registry here holds the locales for the run.

use std::fmt;
use std::str::FromStr;
use std::sync::{LazyLock, PoisonError, RwLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::locale::{Locale, LocaleFile};

/// A letter language: the tag of a loaded locale (`en`, `es`, `fr`, `pt`, or one a
/// locale file adds). Two values are equal when their tags are.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Language(&'static str);

/// The locale files embedded in the binary, as (file name, text).
pub const BUNDLED: [(&str, &str); 4] = [
    ("en.toml", include_str!("../../locales/en.toml")),
    ("es.toml", include_str!("../../locales/es.toml")),
    ("fr.toml", include_str!("../../locales/fr.toml")),
    ("pt.toml", include_str!("../../locales/pt.toml")),
];

/// How bundled locale files are named in messages.
pub const BUNDLED_PREFIX: &str = "(bundled)/locales";

/// The locales of the run, in the order they were loaded (the bundled ones first).
static REGISTRY: LazyLock<RwLock<Vec<&'static Locale>>> = LazyLock::new(|| {
    let locales = BUNDLED
        .iter()
        // Built in and checked by `bundled_locales_load`: a file that does not load is
        // left out (and the test fails), never a panic.
        .filter_map(|(name, text)| {
            let file = format!("{BUNDLED_PREFIX}/{name}");
            let parsed: LocaleFile = toml::from_str(text).ok()?;
            let locale = parsed.check(&file, |_| None).ok()?;
            Some(&*Box::leak(Box::new(locale)))
        })
        .collect();
    RwLock::new(locales)
});

fn registry() -> std::sync::RwLockReadGuard<'static, Vec<&'static Locale>> {
    REGISTRY.read().unwrap_or_else(PoisonError::into_inner)
}

impl Language {
    /// English, always loaded.
    pub const EN: Language = Language("en");
    /// Spanish, always loaded.
    pub const ES: Language = Language("es");

    /// The tag (`en`, `es`, `fr`...).
    pub fn code(self) -> &'static str {
        self.0
    }

    /// Every loaded language, in the order loaded: the bundled ones, then those the
    /// user's locale files add.
    pub fn all() -> Vec<Language> {
        registry().iter().map(|l| l.language).collect()
    }

    /// The language's locale: its labels, dates, conventions.
    pub fn locale(self) -> &'static Locale {
        let registry = registry();
        let found = registry.iter().find(|l| l.language == self);
        // A `Language` is only ever made from a registered locale (or is English).
        found
            .or_else(|| registry.first())
            .copied()
            .unwrap_or_else(|| {
                unreachable!("the bundled locales are always registered");
            })
    }

    /// The language's name, written in that language.
    pub fn native_name(self) -> &'static str {
        &self.locale().name
    }

    /// A tag for a locale about to be registered: the `&'static str` it will keep.
    /// (Equal to any other `Language` of the same tag.)
    pub(crate) fn new_tag(tag: &str) -> Language {
        Language(Box::leak(tag.to_string().into_boxed_str()))
    }

    /// The locale of `tag` already loaded, if there is one (a duplicate).
    pub fn loaded(tag: &str) -> Option<&'static Locale> {
        registry().iter().find(|l| l.language.0 == tag).copied()
    }

    /// Adds a locale for the rest of the run. The caller has checked that its tag is
    /// not loaded yet ([`Language::loaded`]).
    pub fn register(locale: Locale) -> Language {
        let mut registry = REGISTRY.write().unwrap_or_else(PoisonError::into_inner);
        let locale: &'static Locale = Box::leak(Box::new(locale));
        registry.push(locale);
        locale.language
    }
}

impl fmt::Debug for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The error for a language with no locale loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLanguage(pub String);

impl fmt::Display for UnknownLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = Language::all().into_iter().map(Language::code).collect();
        let message = crate::messages::detail(
            "detail-unknown-language",
            &[("code", &self.0), ("known", &known.join(", "))],
        );
        f.write_str(&message)
    }
}

impl std::error::Error for UnknownLanguage {}

impl FromStr for Language {
    type Err = UnknownLanguage;

    /// A loaded language by its tag or its name (in English or in the language).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_lowercase();
        let aliases = |tag: &str| -> &'static [&'static str] {
            match tag {
                "en" => &["english"],
                "es" => &["spanish", "espanol"],
                "fr" => &["french", "francais"],
                "pt" => &["portuguese", "portugues"],
                _ => &[],
            }
        };
        registry()
            .iter()
            .find(|l| {
                l.language.0 == wanted
                    || l.name.to_lowercase() == wanted
                    || aliases(l.language.0).contains(&wanted.as_str())
            })
            .map(|l| l.language)
            .ok_or_else(|| UnknownLanguage(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_names() {
        assert_eq!("ES".parse::<Language>(), Ok(Language::ES));
        assert_eq!("english".parse::<Language>(), Ok(Language::EN));
        assert_eq!("español".parse::<Language>(), Ok(Language::ES));
        assert_eq!("fr".parse::<Language>().map(Language::code), Ok("fr"));
        assert_eq!(
            "Português".parse::<Language>().map(Language::code),
            Ok("pt")
        );
        assert!("xx".parse::<Language>().is_err());
    }

    #[test]
    fn bundled_locales_load() {
        let codes: Vec<&str> = Language::all().into_iter().map(Language::code).collect();
        assert_eq!(&codes[..4], ["en", "es", "fr", "pt"]);
        assert_eq!(Language::ES.native_name(), "español");
    }
}
