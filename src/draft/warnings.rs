//! The warnings about the data a letter is drafted from, worded once: a campaign past its
//! deadline or whose figures have aged, an officeholder who may have changed (or none
//! recorded on the letter's date), own words in another language than the letter, and
//! text that looks mis-decoded.

use chrono::NaiveDate;

use crate::model::locale::{self, Convention};
use crate::model::{Language, Recipient, Template, FACTS_FRESH_FOR_DAYS, STALE_AFTER_MONTHS};
use crate::text::mojibake::{self, Finding};

/// A date written out in the messages' language (English, British style).
fn day(date: NaiveDate) -> String {
    Convention::BritishEnglish.date(date)
}

/// The warning for a campaign whose deadline has passed on `today`.
pub fn past_deadline(template: &Template, today: NaiveDate) -> Option<String> {
    let deadline = template
        .meta
        .act_before
        .filter(|_| template.is_past_deadline(today))?;
    Some(format!(
        "campaign `{}` asked for action before {}; that date has passed, so check whether the campaign has been updated before sending",
        template.id,
        locale::format_date(deadline, Language::En, locale::DateStyle::DayMonthYear)
    ))
}

/// The warning for a campaign whose facts (`as_of`) are more than a month old on
/// `today`, unless its deadline has passed (which says more).
pub fn aged_facts(template: &Template, today: NaiveDate) -> Option<String> {
    if template.is_past_deadline(today) || !template.facts_have_aged(today) {
        return None;
    }
    let as_of = template.meta.as_of?;
    Some(format!(
        "campaign `{}` states its facts and figures as of {} (more than {FACTS_FRESH_FOR_DAYS} days ago): they may have changed since, so check them before sending",
        template.id,
        as_of.written(Convention::BritishEnglish)
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
pub fn stale_record(recipient: &Recipient, dated: Dated) -> Option<String> {
    let verified = recipient.verified;
    let (date, context) = match dated {
        Dated::Letter(date) if date > verified => {
            (date, format!(" and this letter is dated {}", day(date)))
        }
        Dated::Today(today) if recipient.is_stale(today) => (
            today,
            format!(", more than {STALE_AFTER_MONTHS} months ago"),
        ),
        _ => return None,
    };
    let id = &recipient.id;
    let holder = recipient
        .holder_on(date)
        .map(|h| format!(" ({})", h.name_in(Language::En)))
        .unwrap_or_default();
    let mut warning = format!(
        "recipient `{id}` was last verified on {verified}{context}: the officeholder{holder} may have changed since {}; check, then run `letters recipients verify {id}` (or `letters recipients update {id} --name NAME --since DATE` if the office has changed hands)",
        day(verified)
    );
    let note = recipient.note_in(Language::En);
    if !note.is_empty() {
        warning.push_str(&format!(" (note: {note})"));
    }
    Some(warning)
}

/// The warning for a letter dated when no holder of the office is recorded: it is
/// addressed to the office itself.
pub fn no_holder_on(recipient: &Recipient, path: &str, date: NaiveDate) -> String {
    format!(
        "recipient `{}` in {path} records no officeholder on {}, the letter's date: the letter is addressed to the office; record the holder with `letters recipients update {} --name NAME --since DATE`",
        recipient.id,
        day(date),
        recipient.id
    )
}

/// The warning for own words that read as another language than the letter's.
pub fn own_words_language(
    own_words: &str,
    read_as: Language,
    letter: Language,
    recipient: &str,
) -> String {
    let words: Vec<&str> = own_words.split_whitespace().collect();
    let mut beginning = words.iter().take(6).copied().collect::<Vec<_>>().join(" ");
    if words.len() > 6 {
        beginning.push('…');
    }
    let name = |l: Language| match l {
        Language::En => "English",
        Language::Es => "Spanish",
    };
    format!(
        "the paragraph in your own words (\u{201c}{beginning}\u{201d}) reads as {}, but the letter to `{recipient}` is in {}: translate the paragraph, or write the letter in {} (--lang {})",
        name(read_as),
        name(letter),
        name(read_as),
        read_as.code()
    )
}

/// The warning for mis-decoded text: what looks repairable, and whether it was repaired
/// (`fixed`); what cannot be recovered, and which paragraph to copy again. "Repaired"
/// is said only of what was.
pub fn mojibake(finding: &Finding, fixed: bool) -> String {
    let mut parts = Vec::new();
    if !finding.repairs.is_empty() {
        let repairs = mojibake::describe(&finding.repairs);
        parts.push(if fixed {
            format!("{repairs}; repaired (--fix-mojibake)")
        } else {
            format!("{repairs}; check the text, or pass --fix-mojibake to repair it")
        });
    }
    if !finding.lost.is_empty() {
        parts.push(finding.describe_lost());
    }
    format!(
        "{}: text looks mis-decoded (mojibake): {}",
        finding.location,
        parts.join("; ")
    )
}
