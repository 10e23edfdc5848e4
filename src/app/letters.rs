//! From a checked request to finished letters, as `draft` and the guided flow both do:
//! planned against the data, composed, the warnings printed, and a letter to be posted
//! refused when its recipient has no postal address.

use chrono::NaiveDate;

use crate::compose::Composer;
use crate::draft::{self, Checked};
use crate::error::Result;
use crate::letter::Letter;
use crate::load::DataSet;
use crate::render::Format;

use super::Diagnostics;

/// Plans and composes the letters of a checked request, printing the warnings found.
pub fn compose(
    checked: &Checked,
    data: &DataSet,
    today: NaiveDate,
    diagnostics: Diagnostics,
) -> Result<Vec<Letter>> {
    for warning in &checked.warnings {
        diagnostics.warn(warning);
    }
    let plan = draft::plan_in(&checked.request, data, today, diagnostics.language)?;
    for warning in &plan.warnings {
        diagnostics.warn(warning);
    }
    let mut letters = Vec::with_capacity(plan.drafts.len());
    let mut composer: Option<Composer> = None;
    for draft in &plan.drafts {
        let composer = match &mut composer {
            Some(c) => c,
            None => composer.insert(Composer::new(&draft.template)?),
        };
        letters.push(composer.compose(draft)?);
    }
    Ok(letters)
}

/// Refuses letters to be printed and posted (`format` text or PDF) to recipients
/// without a postal address.
pub fn check_postal_addresses(letters: &[Letter], format: Format, data: &DataSet) -> Result<()> {
    if !format.is_postal() {
        return Ok(());
    }
    for letter in letters {
        let recipient = data.recipients.get(&letter.recipient.id)?;
        draft::check_postal_address(recipient, &data.recipients.path)?;
    }
    Ok(())
}
