//! Which demands of a campaign's list a letter carries: all of them (the default), or
//! the ones named, in the order named.

use crate::error::{Error, Result};
use crate::model::{Demand, Language, Template};

/// Which demands of the campaign's list to include.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum DemandSelection {
    #[default]
    All,
    /// These ids, in this order.
    Ids(Vec<String>),
}

impl DemandSelection {
    /// Parses `all` or a comma-separated list of ids (repeats dropped).
    pub fn parse(text: &str) -> DemandSelection {
        if text.trim().eq_ignore_ascii_case("all") {
            return DemandSelection::All;
        }
        let mut ids: Vec<String> = Vec::new();
        for id in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if !ids.iter().any(|seen| seen == id) {
                ids.push(id.to_string());
            }
        }
        DemandSelection::Ids(ids)
    }

    /// How a command line says it: `all`, or the ids joined by commas.
    pub fn to_text(&self) -> String {
        match self {
            DemandSelection::All => "all".to_string(),
            DemandSelection::Ids(ids) => ids.join(","),
        }
    }

    /// The demands of `template` selected, each with a text in `language`.
    pub fn select(&self, template: &Template, language: Language) -> Result<Vec<Demand>> {
        let demands: Vec<Demand> = match self {
            DemandSelection::All => template.meta.demands.clone(),
            DemandSelection::Ids(ids) => ids
                .iter()
                .map(|id| {
                    template
                        .demand(id)
                        .cloned()
                        .ok_or_else(|| Error::UnknownId {
                            kind: "demand",
                            id: id.clone(),
                            suggestion: crate::text::suggest::closest(
                                id,
                                template.meta.demands.iter().map(|d| d.id.as_str()),
                            ),
                            see: format!("letters templates show {}", template.id),
                        })
                })
                .collect::<Result<_>>()?,
        };
        for demand in &demands {
            if demand.text.get(language).is_none() {
                return Err(Error::data(
                    &template.path,
                    format!(
                        "demand `{}` has no text in `{language}`: add `{language} = \"...\"` to its `text`",
                        demand.id
                    ),
                ));
            }
        }
        Ok(demands)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demand_selection_parses() {
        assert_eq!(DemandSelection::parse("ALL"), DemandSelection::All);
        let ids = DemandSelection::parse("a, b,a,,c");
        assert_eq!(
            ids,
            DemandSelection::Ids(vec!["a".into(), "b".into(), "c".into()])
        );
        assert_eq!(ids.to_text(), "a,b,c");
    }
}
