//! A recipient record: one office (not one person), as kept in `recipients.toml`, with
//! the history of its holders. A record in the older form, with one `name` (and
//! `honorific`) and no `[[id.holders]]`, reads as an office with that one holder.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::holder::{self, Holder};
use super::{Language, Localized};

/// One office a letter can be addressed to.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(try_from = "RawRecipient")]
pub struct Recipient {
    /// The office id (the record's key in the file), e.g. `ve-attorney-general`.
    #[serde(skip_deserializing)]
    pub id: String,
    /// The office itself, e.g. "Attorney General of Venezuela".
    pub office: Localized,
    /// The people who have held the office, in order; the last is the current holder.
    pub holders: Vec<Holder>,
    /// The officeholder's title.
    pub title: Option<Localized>,
    /// The body the office belongs to.
    pub organization: Option<Localized>,
    /// Postal address lines after the organization.
    pub address: Vec<String>,
    /// The office's published email address, if any.
    pub email: String,
    /// ISO 3166 alpha-2 country code of the office.
    pub country: String,
    /// Preferred languages, the first being the default letter language.
    pub languages: Vec<Language>,
    /// The salutation per language ("Dear Mr. Secretary:", "Señor Fiscal General:").
    pub salutation: Option<Localized>,
    /// The day the record was last checked against a source.
    #[serde(with = "verified_date")]
    pub verified: NaiveDate,
    /// A note for the user (an officeholder change, for example).
    pub note: Option<Localized>,
}

/// A record as written in the file: the holders as `[[id.holders]]`, or (the older form)
/// one `name` and `honorific`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecipient {
    office: Localized,
    #[serde(default)]
    honorific: Option<Localized>,
    #[serde(default)]
    name: Option<Localized>,
    #[serde(default)]
    holders: Vec<Holder>,
    #[serde(default)]
    title: Option<Localized>,
    #[serde(default)]
    organization: Option<Localized>,
    #[serde(default)]
    address: Vec<String>,
    #[serde(default)]
    email: String,
    country: String,
    languages: Vec<Language>,
    #[serde(default)]
    salutation: Option<Localized>,
    #[serde(with = "verified_date")]
    verified: NaiveDate,
    #[serde(default)]
    note: Option<Localized>,
}

impl TryFrom<RawRecipient> for Recipient {
    type Error = String;

    fn try_from(raw: RawRecipient) -> Result<Recipient, String> {
        let mut holders = raw.holders;
        match (raw.name, raw.honorific) {
            (Some(_), _) | (None, Some(_)) if !holders.is_empty() => {
                return Err("the record gives both `name`/`honorific` and `holders`: move the name and honorific into a [[…holders]] entry (with its `since` date) and remove them from the record".to_string());
            }
            (Some(name), honorific) => holders.push(Holder {
                name,
                honorific,
                salutation: None,
                since: None,
                until: None,
            }),
            (None, Some(_)) => {
                return Err("the record has an `honorific` but no `name`: add the officeholder's name, or remove the honorific".to_string());
            }
            (None, None) => {}
        }
        holder::check_order(&holders)?;
        Ok(Recipient {
            id: String::new(),
            office: raw.office,
            holders,
            title: raw.title,
            organization: raw.organization,
            address: raw.address,
            email: raw.email,
            country: raw.country,
            languages: raw.languages,
            salutation: raw.salutation,
            verified: raw.verified,
            note: raw.note,
        })
    }
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

    pub fn title_in(&self, language: Language) -> &str {
        Self::text(&self.title, language)
    }

    pub fn organization_in(&self, language: Language) -> &str {
        Self::text(&self.organization, language)
    }

    pub fn note_in(&self, language: Language) -> &str {
        Self::text(&self.note, language)
    }

    /// The salutation for `holder` (theirs, else the office's) in `language`, if any.
    pub fn salutation_in<'a>(
        &'a self,
        language: Language,
        holder: Option<&'a Holder>,
    ) -> Option<&'a str> {
        holder
            .and_then(|h| h.salutation.as_ref())
            .and_then(|s| s.get(language))
            .or_else(|| self.salutation.as_ref().and_then(|s| s.get(language)))
    }

    /// The holder in office on `date`, if one is recorded.
    pub fn holder_on(&self, date: NaiveDate) -> Option<&Holder> {
        self.holder_index_on(date).map(|i| &self.holders[i])
    }

    /// Where in `holders` the holder in office on `date` is, if one is recorded.
    pub fn holder_index_on(&self, date: NaiveDate) -> Option<usize> {
        holder::holder_on(&self.holders, date)
    }

    /// The latest holder recorded.
    pub fn current_holder(&self) -> Option<&Holder> {
        self.holders.last()
    }

    /// Whether the office is in the United States (US conventions, US Letter paper).
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

    /// The "honorific name" line of `holder`, or the office when no holder is known.
    pub fn addressee_line(&self, language: Language, holder: Option<&Holder>) -> String {
        match holder {
            Some(holder) if !holder.name_in(language).trim().is_empty() => {
                holder.addressee_in(language)
            }
            _ => self.office_in(language).to_string(),
        }
    }

    /// Every string of the record, for mojibake repair.
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        let mut texts = self.office.texts_mut();
        for field in [
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
        for holder in &mut self.holders {
            texts.extend(holder.texts_mut());
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
        assert_eq!(
            record("2024-01-01").addressee_line(Language::EN, None),
            "Office"
        );
    }

    #[test]
    fn an_old_record_with_one_name_has_one_holder() {
        let text = "office = \"O\"\nname = \"Ana Díaz\"\nhonorific = { en = \"Ms.\", es = \"Señora\" }\ncountry = \"VE\"\nlanguages = [\"es\"]\nverified = 2024-01-01\n";
        let r: Recipient = toml::from_str(text).unwrap();
        assert_eq!(r.holders.len(), 1);
        let holder = r.holder_on(NaiveDate::MAX);
        assert_eq!(r.addressee_line(Language::ES, holder), "Señora Ana Díaz");
        assert_eq!(r.addressee_line(Language::EN, holder), "Ms. Ana Díaz");
    }

    #[test]
    fn name_and_holders_together_are_refused() {
        let text = "office = \"O\"\nname = \"A\"\ncountry = \"VE\"\nlanguages = [\"es\"]\nverified = 2024-01-01\n[[holders]]\nname = \"B\"\n";
        let err = toml::from_str::<Recipient>(text).unwrap_err();
        assert!(
            err.message()
                .contains("both `name`/`honorific` and `holders`"),
            "{err}"
        );
    }
}
