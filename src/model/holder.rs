//! An officeholder: a person who held (or holds) an office from one date to another.
//! A recipient record keeps its holders in order; a letter goes to the one in office on
//! the letter's date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Language, Localized};

/// One holder of an office (`[[id.holders]]` in `recipients.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Holder {
    /// The holder's name.
    pub name: Localized,
    /// Printed before the name in the address block ("The Honorable", "Señor").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub honorific: Option<Localized>,
    /// A salutation for this holder, instead of the office's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salutation: Option<Localized>,
    /// The first day in office, when known.
    #[serde(
        default,
        deserialize_with = "super::date::deserialize_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub since: Option<NaiveDate>,
    /// The last day in office, when the holder has left it.
    #[serde(
        default,
        deserialize_with = "super::date::deserialize_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub until: Option<NaiveDate>,
}

impl Holder {
    pub fn name_in(&self, language: Language) -> &str {
        self.name.get_or_empty(language)
    }

    pub fn honorific_in(&self, language: Language) -> &str {
        self.honorific
            .as_ref()
            .map_or("", |h| h.get_or_empty(language))
    }

    /// "The Honorable Marco Rubio", or the name alone.
    pub fn addressee_in(&self, language: Language) -> String {
        let name = self.name_in(language).trim();
        let honorific = self.honorific_in(language).trim();
        if honorific.is_empty() {
            name.to_string()
        } else {
            format!("{honorific} {name}")
        }
    }

    /// Every string held, for scanning and repairs.
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        let mut texts = self.name.texts_mut();
        for field in [&mut self.honorific, &mut self.salutation]
            .into_iter()
            .flatten()
        {
            texts.extend(field.texts_mut());
        }
        texts
    }
}

/// Which of `holders` (in order of office) was in office on `date`: the last one to
/// have taken office by then, unless that one had left it before. A holder whose first
/// day is not known counts as in office from the start; one with no last day stays in
/// office until the next one's first day.
pub fn holder_on(holders: &[Holder], date: NaiveDate) -> Option<usize> {
    let index = holders
        .iter()
        .rposition(|h| h.since.is_none_or(|since| since <= date))?;
    let holder = &holders[index];
    let end = holder.until.or_else(|| {
        holders
            .get(index + 1)
            .and_then(|next| next.since)
            .and_then(|since| since.pred_opt())
    });
    end.is_none_or(|end| date <= end).then_some(index)
}

/// Why `holders` cannot be the history of an office: a holder without a name, one who
/// left before taking office, or two whose terms are out of order or overlap.
pub fn check_order(holders: &[Holder]) -> Result<(), String> {
    for holder in holders {
        let name = holder.name_in(Language::EN);
        if name.trim().is_empty() && holder.name_in(Language::ES).trim().is_empty() {
            return Err("a holder has no `name`: give every holder a name".to_string());
        }
        if let (Some(since), Some(until)) = (holder.since, holder.until) {
            if until < since {
                return Err(format!(
                    "holder `{name}` leaves office (until = {until}) before taking it (since = {since})"
                ));
            }
        }
    }
    for pair in holders.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        let (first, second) = (before.name_in(Language::EN), after.name_in(Language::EN));
        let last_day = before.until.or(before.since);
        match (last_day, after.since) {
            (_, None) => {
                return Err(format!(
                    "holder `{second}` follows `{first}` but has no `since` date: give the day `{second}` took office"
                ))
            }
            (Some(end), Some(start)) if start <= end => {
                return Err(format!(
                    "holder `{second}` takes office (since = {start}) before `{first}` has left it ({}): list holders in the order they held the office, each `since` after the `until` before it",
                    match before.until {
                        Some(until) => format!("until = {until}"),
                        None => format!("since = {end}"),
                    }
                ))
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn holder(name: &str, since: Option<&str>, until: Option<&str>) -> Holder {
        Holder {
            name: Localized::Same(name.into()),
            honorific: None,
            salutation: None,
            since: since.map(day),
            until: until.map(day),
        }
    }

    #[test]
    fn the_holder_on_a_date_before_on_and_after_a_change() {
        let holders = [
            holder("Antony Blinken", None, Some("2025-01-20")),
            holder("Marco Rubio", Some("2025-01-21"), None),
        ];
        let on = |d| holder_on(&holders, day(d)).map(|i| holders[i].name_in(Language::EN));
        assert_eq!(on("2024-07-25"), Some("Antony Blinken"));
        assert_eq!(on("2025-01-20"), Some("Antony Blinken"));
        assert_eq!(on("2025-01-21"), Some("Marco Rubio"));
        assert_eq!(on("2026-12-01"), Some("Marco Rubio"));
    }

    #[test]
    fn no_holder_before_the_first_or_after_the_last_left() {
        let holders = [holder("A", Some("2020-01-01"), Some("2021-01-01"))];
        assert!(holder_on(&holders, day("2019-12-31")).is_none());
        assert!(holder_on(&holders, day("2021-01-02")).is_none());
        assert!(holder_on(&holders, day("2020-06-01")).is_some());
        // An open term ends the day before the next one begins.
        let holders = [
            holder("A", Some("2020-01-01"), None),
            holder("B", Some("2022-01-01"), None),
        ];
        let on = |d| holder_on(&holders, day(d)).map(|i| holders[i].name_in(Language::EN));
        assert_eq!(on("2021-12-31"), Some("A"));
        assert_eq!(on("2022-01-01"), Some("B"));
    }

    #[test]
    fn terms_are_in_order() {
        assert!(check_order(&[
            holder("A", None, Some("2025-01-20")),
            holder("B", Some("2025-01-21"), None),
        ])
        .is_ok());
        let overlap = check_order(&[
            holder("A", None, Some("2025-01-20")),
            holder("B", Some("2025-01-20"), None),
        ])
        .unwrap_err();
        assert!(
            overlap.contains("before `A` has left it (until = 2025-01-20)"),
            "{overlap}"
        );
        let backwards = check_order(&[holder("A", Some("2025-01-20"), Some("2024-01-01"))]);
        assert!(backwards.unwrap_err().contains("before taking it"));
        let undated = check_order(&[holder("A", None, None), holder("B", None, None)]);
        assert!(undated.unwrap_err().contains("has no `since` date"));
    }
}
