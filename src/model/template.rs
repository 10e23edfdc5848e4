//! A letter template: a campaign's metadata (`template.toml`) and its bodies per language.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{CampaignSource, Demand, Language, Localized, PartialDate, Person};
use crate::error::Error;

/// What `template.toml` holds.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateMeta {
    pub name: Localized,
    #[serde(default)]
    pub description: Option<Localized>,
    pub subject: Localized,
    pub languages: Vec<Language>,
    /// Default recipients (office ids).
    #[serde(default)]
    pub recipients: Vec<String>,
    /// The deadline of an urgent action.
    #[serde(default, deserialize_with = "crate::model::date::deserialize_option")]
    pub act_before: Option<NaiveDate>,
    /// The day (or month) the campaign's facts and figures were current: a letter dated
    /// well after it is warned about.
    #[serde(default)]
    pub as_of: Option<PartialDate>,
    /// Languages the targets of an urgent action prefer.
    #[serde(default)]
    pub target_languages: Vec<Language>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub demands: Vec<Demand>,
    /// The sources the campaign's facts come from, cited in footnotes by id.
    #[serde(default)]
    pub sources: Vec<CampaignSource>,
}

/// How many days a campaign's facts (`as_of`) stay current: a letter dated later is
/// warned that its figures may have changed.
pub const FACTS_FRESH_FOR_DAYS: u64 = 30;

/// The largest template body, in bytes: some twenty pages of text.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The error for a body over `MAX_BODY_BYTES`.
pub fn body_too_large(path: &str) -> Error {
    Error::Template {
        location: path.to_string(),
        message: format!(
            "the body is over {} KiB, the most a template body may hold: a letter is a few pages; shorten it",
            MAX_BODY_BYTES / 1024
        ),
    }
}

/// One language's body: Handlebars producing the Markdown subset.
#[derive(Debug, Clone, Serialize)]
pub struct Body {
    /// Where it came from, for error messages (`letter-templates/x/es.md.hbs`).
    pub path: String,
    pub source: String,
}

/// A loaded template.
#[derive(Debug, Clone, Serialize)]
pub struct Template {
    /// The directory name, e.g. `detention-urgent-action`.
    pub id: String,
    /// Where `template.toml` came from, for messages.
    pub path: String,
    #[serde(flatten)]
    pub meta: TemplateMeta,
    #[serde(skip)]
    pub bodies: BTreeMap<Language, Body>,
}

impl Template {
    pub fn name_in(&self, language: Language) -> &str {
        self.meta.name.get_or_empty(language)
    }

    pub fn description_in(&self, language: Language) -> &str {
        self.meta
            .description
            .as_ref()
            .map_or("", |d| d.get_or_empty(language))
    }

    pub fn offers(&self, language: Language) -> bool {
        self.meta.languages.contains(&language)
    }

    /// Whether the campaign's deadline has passed on `today`.
    pub fn is_past_deadline(&self, today: NaiveDate) -> bool {
        self.meta.act_before.is_some_and(|d| d < today)
    }

    /// Whether the campaign's facts (`as_of`) are more than [`FACTS_FRESH_FOR_DAYS`] old
    /// on `date`.
    pub fn facts_have_aged(&self, date: NaiveDate) -> bool {
        self.meta
            .as_of
            .and_then(PartialDate::last_day)
            .and_then(|day| day.checked_add_days(chrono::Days::new(FACTS_FRESH_FOR_DAYS)))
            .is_some_and(|limit| limit < date)
    }

    /// The source `id`, if the campaign lists it.
    pub fn source(&self, id: &str) -> Option<&CampaignSource> {
        self.meta.sources.iter().find(|s| s.id == id)
    }

    pub fn demand(&self, id: &str) -> Option<&Demand> {
        self.meta.demands.iter().find(|d| d.id == id)
    }

    /// Every string of the metadata and bodies, for mojibake repair.
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        let meta = &mut self.meta;
        let mut texts = meta.name.texts_mut();
        texts.extend(meta.subject.texts_mut());
        if let Some(description) = &mut meta.description {
            texts.extend(description.texts_mut());
        }
        for person in &mut meta.people {
            texts.extend(person.name.texts_mut());
            if let Some(pronouns) = &mut person.pronouns {
                texts.extend(pronouns.texts_mut());
            }
        }
        for demand in &mut meta.demands {
            texts.extend(demand.text.texts_mut());
        }
        for source in &mut meta.sources {
            texts.extend(source.texts_mut());
        }
        texts.extend(self.bodies.values_mut().map(|b| &mut b.source));
        texts
    }
}
