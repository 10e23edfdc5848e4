//! A source a campaign's facts come from (`[[sources]]` in `template.toml`): a report,
//! a statement, an urgent action. A body cites one in a footnote by its id (`[^id]`),
//! and the citation is written in the letter's language and conventions, its title in
//! the language it was published in (said so, for a reader's voice).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::locale::Convention;
use super::Language;
use super::Localized;

/// One source of a campaign.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignSource {
    /// How bodies cite it (`[^transparencia-2024-07-19]`).
    pub id: String,
    /// Who published it, when that is known.
    #[serde(default)]
    pub publisher: Option<Localized>,
    /// Its title, in the language it was published in.
    #[serde(default)]
    pub title: Option<String>,
    /// The language of the title (`es`), when reading it from the title is not enough.
    #[serde(default)]
    pub title_lang: Option<Language>,
    /// The language read from the title, once.
    #[serde(skip)]
    title_read_as: OnceLock<Option<Language>>,
    /// Its title as the source itself gives it in other languages (shown in brackets in
    /// letters in those languages).
    #[serde(default)]
    pub headline: Option<Localized>,
    /// What kind of document it is, for a source with no title known ("urgent action,
    /// second update").
    #[serde(default)]
    pub kind: Option<Localized>,
    /// When it was published: a day, or a month (`"2024-08"`) when only that is known.
    pub date: PartialDate,
    /// Where to read it, when known.
    #[serde(default)]
    pub url: Option<String>,
    /// In a few words, what it supports: the facts and figures a body may take from it.
    pub supports: Localized,
}

impl CampaignSource {
    /// The citation, as a footnote prints it: publisher, title (or kind), date, address.
    ///
    /// `Transparencia Venezuela, «Atentados, amenazas…», 19 de julio de 2024.`
    pub fn citation(&self, convention: Convention) -> String {
        self.citation_pieces(convention)
            .into_iter()
            .map(|(text, _)| text)
            .collect()
    }

    /// The citation in pieces, each with its language when it is not the letter's: a
    /// title in the language it was published in is a piece of its own.
    pub fn citation_pieces(&self, convention: Convention) -> Vec<(String, Option<Language>)> {
        let language = convention.language();
        let mut parts: Vec<Vec<(String, Option<Language>)>> = Vec::new();
        if let Some(publisher) = self.publisher.as_ref().and_then(|p| p.get(language)) {
            parts.push(vec![(publisher.trim().to_string(), None)]);
        }
        match self
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            Some(title) => {
                let [open, close] = convention.quote_marks();
                let other = self.title_language().filter(|l| *l != language);
                let mut cited = vec![
                    (open.to_string(), None),
                    (title.to_string(), other),
                    (close.to_string(), None),
                ];
                if let Some(headline) = self.headline.as_ref().and_then(|h| h.get(language)) {
                    if headline.trim() != title {
                        cited.push((format!(" [{}]", headline.trim()), None));
                    }
                }
                parts.push(cited);
            }
            None => {
                if let Some(kind) = self.kind.as_ref().and_then(|k| k.get(language)) {
                    let kind = capitalized_if_first(kind.trim(), parts.is_empty());
                    parts.push(vec![(kind, None)]);
                }
            }
        }
        parts.push(vec![(self.date.written(convention), None)]);
        if let Some(url) = self.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            parts.push(vec![(url.to_string(), None)]);
        }
        let mut pieces: Vec<(String, Option<Language>)> = Vec::new();
        for (i, part) in parts.into_iter().enumerate() {
            let separator = (i > 0).then(|| (", ".to_string(), None));
            for (text, lang) in separator.into_iter().chain(part) {
                match pieces.last_mut() {
                    Some((last, last_lang)) if *last_lang == lang => last.push_str(&text),
                    _ => pieces.push((text, lang)),
                }
            }
        }
        match pieces.last_mut() {
            Some((last, None)) => last.push('.'),
            _ => pieces.push((".".to_string(), None)),
        }
        pieces
    }

    /// The language the title is written in: as the campaign gives it (`title_lang`),
    /// else as read from the title itself, when that is clear.
    pub fn title_language(&self) -> Option<Language> {
        if self.title_lang.is_some() {
            return self.title_lang;
        }
        *self.title_read_as.get_or_init(|| {
            self.title
                .as_deref()
                .and_then(crate::text::language::detect)
                .and_then(|code| code.parse().ok())
        })
    }

    /// Every text of the source, for scanning and repairs.
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        let mut texts: Vec<&mut String> = self.supports.texts_mut();
        for field in [&mut self.publisher, &mut self.headline, &mut self.kind]
            .into_iter()
            .flatten()
        {
            texts.extend(field.texts_mut());
        }
        texts.extend(self.title.iter_mut());
        texts.extend(self.url.iter_mut());
        texts
    }
}

/// `text` with a capital first letter when it begins the citation.
fn capitalized_if_first(text: &str, first: bool) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if first => c.to_uppercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn source(text: &str) -> CampaignSource {
        toml::from_str(text).unwrap()
    }

    #[test]
    fn cites_in_each_language_and_convention() {
        let report = source(
            "id = \"tv\"\npublisher = \"Transparencia Venezuela\"\ntitle = \"Atentados y amenazas\"\nheadline = { en = \"Attacks and threats\" }\ndate = 2024-07-19\nsupports = \"x\"\n",
        );
        assert_eq!(
            report.citation(Convention::for_letter(crate::model::Language::ES, "")),
            "Transparencia Venezuela, «Atentados y amenazas», 19 de julio de 2024."
        );
        assert_eq!(
            report.citation(Convention::for_letter(crate::model::Language::EN, "US")),
            "Transparencia Venezuela, “Atentados y amenazas” [Attacks and threats], July 19, 2024."
        );
        assert_eq!(
            report.citation(Convention::for_letter(crate::model::Language::EN, "")),
            "Transparencia Venezuela, “Atentados y amenazas” [Attacks and threats], 19 July 2024."
        );
    }

    #[test]
    fn a_title_in_another_language_is_a_piece_of_its_own() {
        use crate::model::Language;
        let given = source(
            "id = \"tv\"\npublisher = \"TV\"\ntitle = \"Atentados\"\ntitle_lang = \"es\"\ndate = 2024-07-19\nsupports = \"x\"\n",
        );
        let read = source(
            "id = \"tv\"\ntitle = \"Atentados, amenazas y uso de redes de entes y funcionarios para propaganda electoral en la campaña presidencial 2024\"\ndate = 2024-07-19\nsupports = \"x\"\n",
        );
        let english = Convention::for_letter(Language::EN, "");
        assert_eq!(
            given.citation_pieces(english),
            [
                ("TV, “".to_string(), None),
                ("Atentados".to_string(), Some(Language::ES)),
                ("”, 19 July 2024.".to_string(), None),
            ]
        );
        assert_eq!(read.citation_pieces(english)[1].1, Some(Language::ES));
        // In a letter in the title's own language, the citation is one piece.
        let spanish = Convention::for_letter(Language::ES, "");
        assert_eq!(
            given.citation_pieces(spanish),
            [("TV, «Atentados», 19 de julio de 2024.".to_string(), None)]
        );
    }

    #[test]
    fn a_source_without_title_is_cited_by_its_kind() {
        let action = source(
            "id = \"ua\"\nkind = { en = \"urgent action, second update\", es = \"acción urgente, segunda actualización\" }\ndate = \"2024-08\"\nsupports = \"x\"\n",
        );
        assert_eq!(
            action.citation(Convention::for_letter(crate::model::Language::ES, "")),
            "Acción urgente, segunda actualización, agosto de 2024."
        );
        assert_eq!(
            action.citation(Convention::for_letter(crate::model::Language::EN, "")),
            "Urgent action, second update, August 2024."
        );
    }
}
