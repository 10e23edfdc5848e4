//! The warnings about the data a letter is drafted from, worded once: a campaign past its
//! deadline, a recipient record not verified for a year, and text that looks mis-decoded.

use chrono::NaiveDate;

use crate::load::bundled;
use crate::model::locale;
use crate::model::{Language, Recipient, Template};
use crate::text::mojibake::Finding;

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

/// The warning for a recipient record (from the recipients file `path`) last verified
/// more than a year before `today`.
pub fn stale_record(recipient: &Recipient, path: &str, today: NaiveDate) -> Option<String> {
    if !recipient.is_stale(today) {
        return None;
    }
    let where_to_edit = if path.starts_with(bundled::PREFIX) {
        "in your own copy (`letters init DIR` writes an editable one)".to_string()
    } else {
        format!("in {path}")
    };
    let mut warning = format!(
        "recipient `{}` was last verified on {}, more than 12 months ago: the officeholder may have changed; check it and update the record and its `verified` date {where_to_edit}",
        recipient.id, recipient.verified
    );
    let note = recipient.note_in(Language::En);
    if !note.is_empty() {
        warning.push_str(&format!(" (note: {note})"));
    }
    Some(warning)
}

/// The warning for mis-decoded text, saying whether it was repaired.
pub fn mojibake(finding: &Finding, fixed: bool) -> String {
    if fixed {
        format!("{}; repaired (--fix-mojibake)", finding.message())
    } else {
        format!(
            "{}; check the text, or pass --fix-mojibake to repair it",
            finding.message()
        )
    }
}
