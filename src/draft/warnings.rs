//! The warnings about the data a letter is drafted from, worded once in each language of
//! the messages (English, or Spanish for the guided flow under `--ui-lang es`; the words
//! are in the catalogues of `crate::messages`): a
//! campaign past its deadline or whose figures have aged, an officeholder who may have
//! changed (or none recorded on the letter's date), own words in another language than
//! the letter, and text that looks mis-decoded.

use chrono::NaiveDate;

use crate::messages;
use crate::model::locale::Convention;
use crate::model::{Language, Recipient, Template, FACTS_FRESH_FOR_DAYS, STALE_AFTER_MONTHS};
use crate::text::mojibake::Finding;

/// A date written out in the messages' language (English in British style, or Spanish).
fn day(date: NaiveDate, lang: Language) -> String {
    convention(lang).date(date)
}

/// How the messages write dates.
fn convention(lang: Language) -> Convention {
    Convention::default_of(lang)
}

/// The message `id` in `lang`, its placeholders filled.
fn msg(lang: Language, id: &str, args: &[(&str, &str)]) -> String {
    messages::format(lang.code(), id, args)
}

/// The warning for a campaign whose deadline has passed on `today`.
pub fn past_deadline(template: &Template, today: NaiveDate, lang: Language) -> Option<String> {
    let deadline = template
        .meta
        .act_before
        .filter(|_| template.is_past_deadline(today))?;
    let date = day(deadline, lang);
    Some(msg(
        lang,
        "warning-past-deadline",
        &[("campaign", &template.id), ("date", &date)],
    ))
}

/// The warning for a campaign whose facts (`as_of`) are more than a month old on
/// `today`, unless its deadline has passed (which says more).
pub fn aged_facts(template: &Template, today: NaiveDate, lang: Language) -> Option<String> {
    if template.is_past_deadline(today) || !template.facts_have_aged(today) {
        return None;
    }
    let as_of = template.meta.as_of?.written(convention(lang));
    let days = FACTS_FRESH_FOR_DAYS.to_string();
    Some(msg(
        lang,
        "warning-aged-facts",
        &[
            ("campaign", &template.id),
            ("as_of", &as_of),
            ("days", &days),
        ],
    ))
}

/// The date a recipient record is weighed against: a letter's date (after the day the
/// record was verified, the holder may have changed), or today (`recipients show`,
/// `check`: after a year, the record is stale).
#[derive(Debug, Clone, Copy)]
pub enum Dated {
    Letter(NaiveDate),
    Today(NaiveDate),
}

/// The warning that the officeholder of `recipient` may have changed since the record
/// was verified: for a letter dated after that day, or today when the record is more
/// than a year old. It names the holder the record gives, the day since when, and the
/// commands that record a check or a new holder.
pub fn stale_record(recipient: &Recipient, dated: Dated, lang: Language) -> Option<String> {
    let verified = recipient.verified;
    let (date, context) = match dated {
        Dated::Letter(date) if date > verified => (
            date,
            msg(lang, "stale-context-letter", &[("date", &day(date, lang))]),
        ),
        Dated::Today(today) if recipient.is_stale(today) => (
            today,
            msg(
                lang,
                "stale-context-today",
                &[("months", &STALE_AFTER_MONTHS.to_string())],
            ),
        ),
        _ => return None,
    };
    let holder = recipient
        .holder_on(date)
        .map(|h| format!(" ({})", h.name_in(lang)))
        .unwrap_or_default();
    let mut warning = msg(
        lang,
        "warning-stale-record",
        &[
            ("recipient", &recipient.id),
            ("verified", &verified.to_string()),
            ("context", &context),
            ("holder", &holder),
            ("since", &day(verified, lang)),
        ],
    );
    let note = recipient.note_in(lang);
    if !note.is_empty() {
        warning.push_str(&msg(lang, "record-note", &[("note", note)]));
    }
    Some(warning)
}

/// The warning for a letter dated when no holder of the office is recorded: it is
/// addressed to the office itself.
pub fn no_holder_on(recipient: &Recipient, path: &str, date: NaiveDate, lang: Language) -> String {
    msg(
        lang,
        "warning-no-holder",
        &[
            ("recipient", &recipient.id),
            ("path", path),
            ("date", &day(date, lang)),
        ],
    )
}

/// The warning for own words (from `from`: a flag, a signers cell) that read as another
/// language than the letter's.
pub fn own_words_language(
    (own_words, from): (&str, &str),
    read_as: Language,
    letter: Language,
    recipient: &str,
    lang: Language,
) -> String {
    let words: Vec<&str> = own_words.split_whitespace().collect();
    let mut beginning = words.iter().take(6).copied().collect::<Vec<_>>().join(" ");
    if words.len() > 6 {
        beginning.push('…');
    }
    // A language the catalogues do not name is called by its own name ("Deutsch").
    let name = |l: Language| {
        let id = format!("language-name-{}", l.code());
        let name = msg(lang, &id, &[]);
        if name == id {
            l.native_name().to_string()
        } else {
            name
        }
    };
    msg(
        lang,
        "warning-own-words-language",
        &[
            ("from", from),
            ("beginning", &beginning),
            ("read", &name(read_as)),
            ("recipient", recipient),
            ("written", &name(letter)),
            ("code", read_as.code()),
        ],
    )
}

/// The warning for mis-decoded text: what looks repairable, and whether it was repaired
/// (`fixed`); what cannot be recovered, and which paragraph to copy again. "Repaired"
/// is said only of what was.
pub fn mojibake(finding: &Finding, fixed: bool, lang: Language) -> String {
    let mut parts = Vec::new();
    if !finding.repairs.is_empty() {
        let repairs = finding
            .repairs
            .iter()
            .map(|r| {
                msg(
                    lang,
                    "mojibake-reads-as",
                    &[("found", &r.found), ("repaired", &r.repaired)],
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let id = if fixed {
            "mojibake-repaired"
        } else {
            "mojibake-repairable"
        };
        parts.push(msg(lang, id, &[("repairs", &repairs)]));
    }
    if !finding.lost.is_empty() {
        let words = finding
            .lost
            .iter()
            .map(|l| format!("\"{}\"", l.found))
            .collect::<Vec<_>>()
            .join(", ");
        let mut paragraphs: Vec<&str> = finding.lost.iter().map(|l| l.paragraph.as_str()).collect();
        paragraphs.dedup();
        let paragraphs = paragraphs
            .iter()
            .map(|p| format!("\u{201c}{p}\u{201d}"))
            .collect::<Vec<_>>()
            .join(", ");
        parts.push(msg(
            lang,
            "mojibake-lost",
            &[("words", &words), ("paragraphs", &paragraphs)],
        ));
    }
    msg(
        lang,
        "warning-mojibake",
        &[
            ("location", &finding.location),
            ("parts", &parts.join("; ")),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::mojibake::{Lost, Repair};

    #[test]
    fn mojibake_is_said_in_spanish_too() {
        let finding = Finding {
            location: "--own-words".to_string(),
            repairs: vec![Repair {
                found: "Nicol谩s".to_string(),
                repaired: "Nicolás".to_string(),
            }],
            lost: vec![Lost {
                found: "鈥".to_string(),
                paragraph: "Es grave 鈥 y…".to_string(),
            }],
        };
        let es = mojibake(&finding, true, Language::ES);
        assert!(
            es.starts_with("--own-words: el texto parece mal descodificado"),
            "{es}"
        );
        assert!(
            es.contains("\"Nicol谩s\" se lee \"Nicolás\"; reparado"),
            "{es}"
        );
        assert!(es.contains("\"鈥\" no se puede recuperar"), "{es}");
        let en = mojibake(&finding, false, Language::EN);
        assert!(
            en.contains("check the text, or pass --fix-mojibake"),
            "{en}"
        );
        assert!(!en.contains("repaired (--fix-mojibake)"), "{en}");
    }
}
