//! Shell completion of the ids a user types most: campaigns (`--template`) and
//! recipient offices (`--to`, `recipients show`), read from the data in use (the
//! workspace of the current directory, the user config directory, or the bundled data).

use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};

use crate::load::{DataOptions, DataSet};
use crate::model::Language;

/// The data a completion offers from; none when it cannot be read (a broken workspace
/// completes nothing rather than printing an error into the shell).
fn data() -> Option<DataSet> {
    DataSet::load(&DataOptions::default()).ok()
}

/// Template ids, each with the campaign's name.
pub fn templates() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        data().map_or_else(Vec::new, |data| {
            data.templates
                .templates
                .values()
                .map(|t| {
                    CompletionCandidate::new(&t.id)
                        .help(Some(t.name_in(Language::EN).to_string().into()))
                })
                .collect()
        })
    })
}

/// Recipient office ids, each with the office.
pub fn recipients() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        data().map_or_else(Vec::new, |data| {
            data.recipients
                .records
                .values()
                .map(|r| {
                    CompletionCandidate::new(&r.id)
                        .help(Some(r.office_in(Language::EN).to_string().into()))
                })
                .collect()
        })
    })
}
