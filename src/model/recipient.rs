//! A recipient record: one office (not one person), as kept in `recipients.toml`.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Language, Localized};

/// One office a letter can be addressed to.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// The office id (the record's key in the file), e.g. `ve-attorney-general`.
    #[serde(skip_deserializing)]
    pub id: String,
    /// The office itself, e.g. "Attorney General of Venezuela".
    pub office: Localized,
    /// Printed before the name in the address block ("The Honorable", "Sr.").
    #[serde(default)]
    pub honorific: Option<Localized>,
    /// The officeholder's name, as last verified.
    #[serde(default)]
    pub name: Option<Localized>,
    /// The officeholder's title.
    #[serde(default)]
    pub title: Option<Localized>,
    /// The body the office belongs to.
    #[serde(default)]
    pub organization: Option<Localized>,
    /// Postal address lines after the organization.
    #[serde(default)]
    pub address: Vec<String>,
    /// The office's published email address, if any.
    #[serde(default)]
    pub email: String,
    /// ISO 3166 alpha-2 country code of the office.
    pub country: String,
    /// Preferred languages, the first being the default letter language.
    pub languages: Vec<Language>,
    /// The salutation per language ("Dear Mr. Secretary:", "Señor Fiscal General:").
    #[serde(default)]
    pub salutation: Option<Localized>,
    /// The day the record was last checked against a source.
    #[serde(with = "verified_date")]
    pub verified: NaiveDate,
    /// A note for the user (an officeholder change, for example).
    #[serde(default)]
    pub note: Option<Localized>,
}

mod verified_date {
    use chrono::NaiveDate;
    use serde::{Deserializer, Serialize, Serializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        crate::model::date::deserialize(d)
    }

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        date.serialize(s)
    }
}

/// How long a record stays trustworthy after it was verified.
pub const STALE_AFTER_MONTHS: u32 = 12;

impl Recipient {
    fn text(field: &Option<Localized>, language: Language) -> &str {
        field.as_ref().map_or("", |t| t.get_or_empty(language))
    }

    pub fn office_in(&self, language: Language) -> &str {
        self.office.get_or_empty(language)
    }

    pub fn honorific_in(&self, language: Language) -> &str {
        Self::text(&self.honorific, language)
    }

    pub fn name_in(&self, language: Language) -> &str {
        Self::text(&self.name, language)
    }

    pub fn title_in(&self, language: Language) -> &str {
        Self::text(&self.title, language)
    }

    pub fn organization_in(&self, language: Language) -> &str {
        Self::text(&self.organization, language)
    }

    pub fn note_in(&self, language: Language) -> &str {
        Self::text(&self.note, language)
    }

    pub fn salutation_in(&self, language: Language) -> Option<&str> {
        self.salutation.as_ref().and_then(|s| s.get(language))
    }

    /// Whether the office is in the United States (US date style, US Letter paper).
    pub fn is_in_us(&self) -> bool {
        self.country.eq_ignore_ascii_case("US")
    }

    /// The preferred language, if the record names one.
    pub fn preferred_language(&self) -> Option<Language> {
        self.languages.first().copied()
    }

    /// Whether the record was last verified more than [`STALE_AFTER_MONTHS`] before `today`.
    pub fn is_stale(&self, today: NaiveDate) -> bool {
        self.verified
            .checked_add_months(Months::new(STALE_AFTER_MONTHS))
            .is_some_and(|limit| limit < today)
    }

    /// The "honorific name" line, or the office when no name is known.
    pub fn addressee_line(&self, language: Language) -> String {
        let name = self.name_in(language);
        if name.is_empty() {
            return self.office_in(language).to_string();
        }
        let honorific = self.honorific_in(language);
        if honorific.is_empty() {
            name.to_string()
        } else {
            format!("{honorific} {name}")
        }
    }

    /// Every string of the record, for mojibake repair.
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        let mut texts = self.office.texts_mut();
        for field in [
            &mut self.honorific,
            &mut self.name,
            &mut self.title,
            &mut self.organization,
            &mut self.salutation,
            &mut self.note,
        ]
        .into_iter()
        .flatten()
        {
            texts.extend(field.texts_mut());
        }
        texts.extend(self.address.iter_mut());
        texts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(verified: &str) -> Recipient {
        let text = format!(
            "office = \"Office\"\ncountry = \"VE\"\nlanguages = [\"es\"]\nverified = {verified}\n"
        );
        toml::from_str(&text).unwrap()
    }

    #[test]
    fn stale_after_twelve_months() {
        let r = record("2024-07-25");
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(!r.is_stale(day("2025-07-25")));
        assert!(r.is_stale(day("2025-07-26")));
    }

    #[test]
    fn addressee_falls_back_to_office() {
        assert_eq!(record("2024-01-01").addressee_line(Language::En), "Office");
    }
}
