//! Text that is either the same in every language or given per language.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::Language;

/// A text field of a data file: `"plain"` or `{ en = "...", es = "..." }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Localized {
    /// The same text in every language (names, for example).
    Same(String),
    /// One text per language.
    PerLanguage(BTreeMap<Language, String>),
}

impl Localized {
    /// The text in `language`, if there is one and it is not blank.
    pub fn get(&self, language: Language) -> Option<&str> {
        let text = match self {
            Localized::Same(text) => Some(text.as_str()),
            Localized::PerLanguage(texts) => texts.get(&language).map(String::as_str),
        };
        text.filter(|t| !t.trim().is_empty())
    }

    /// The text in `language`, or an empty string.
    pub fn get_or_empty(&self, language: Language) -> &str {
        self.get(language).unwrap_or("")
    }

    /// Every string held, for scanning and repairs.
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        match self {
            Localized::Same(text) => vec![text],
            Localized::PerLanguage(texts) => texts.values_mut().collect(),
        }
    }
}

impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LocalizedVisitor;

        impl<'de> Visitor<'de> for LocalizedVisitor {
            type Value = Localized;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or a table of strings per language such as { en = \"...\", es = \"...\" }")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Localized, E> {
                Ok(Localized::Same(v.to_string()))
            }

            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Localized, M::Error> {
                let mut texts = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    let language = key.parse::<Language>().map_err(de::Error::custom)?;
                    let text: String = map.next_value()?;
                    if texts.insert(language, text).is_some() {
                        return Err(de::Error::custom(format!(
                            "language `{language}` is given twice"
                        )));
                    }
                }
                Ok(Localized::PerLanguage(texts))
            }
        }

        deserializer.deserialize_any(LocalizedVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Doc {
        a: Localized,
        b: Localized,
    }

    #[test]
    fn reads_both_forms() {
        let doc: Doc = toml::from_str("a = \"x\"\nb = { en = \"y\", es = \"z\" }").unwrap();
        assert_eq!(doc.a.get(Language::ES), Some("x"));
        assert_eq!(doc.b.get(Language::EN), Some("y"));
        assert_eq!(doc.b.get(Language::ES), Some("z"));
    }

    #[test]
    fn rejects_unknown_language() {
        let err = toml::from_str::<Doc>("a = \"x\"\nb = { xx = \"y\" }")
            .err()
            .unwrap();
        assert!(err.message().contains("unknown language `xx`"), "{err}");
    }
}
