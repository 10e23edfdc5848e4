//! A source a campaign's facts come from (`[[sources]]` in `template.toml`): a report,
//! a statement, an urgent action. A body cites one in a footnote by its id (`[^id]`),
//! and the citation is written in the letter's language and conventions.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::locale::Convention;
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
        let language = convention.language();
        let mut parts: Vec<String> = Vec::new();
        if let Some(publisher) = self.publisher.as_ref().and_then(|p| p.get(language)) {
            parts.push(publisher.trim().to_string());
        }
        match self
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            Some(title) => {
                let mut cited = convention.quote(title);
                if let Some(headline) = self.headline.as_ref().and_then(|h| h.get(language)) {
                    if headline.trim() != title {
                        cited.push_str(&format!(" [{}]", headline.trim()));
                    }
                }
                parts.push(cited);
            }
            None => {
                if let Some(kind) = self.kind.as_ref().and_then(|k| k.get(language)) {
                    parts.push(capitalized_if_first(kind.trim(), parts.is_empty()));
                }
            }
        }
        parts.push(self.date.written(convention));
        if let Some(url) = self.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            parts.push(url.to_string());
        }
        format!("{}.", parts.join(", "))
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
