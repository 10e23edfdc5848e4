//! What a dry run shows of the first rows: each value as the one conversion read it
//! (the same [`Engine::row_request`] the real run uses, so the two cannot disagree), and
//! the recipients its letters go to, or why the row fails.

use serde::{Deserialize, Serialize};

use super::engine::Engine;
use super::failures;
use crate::load::signers::SignerRow;

/// How many rows a dry run shows.
pub const ROWS: usize = 5;

/// One row as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowPreview {
    pub row: usize,
    /// The signer's fields and the row's other values, as checked (`name`, `email`, …,
    /// `fields.city`), empty ones left out.
    pub values: Vec<(String, String)>,
    /// The recipient offices its letters go to.
    pub recipients: Vec<String>,
    /// Why the row fails, if it does.
    pub error: Option<String>,
}

/// The longest value shown.
const SHOWN: usize = 60;

fn shortened(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(SHOWN) {
        Some((at, _)) => format!("{}…", &one_line[..at]),
        None => one_line,
    }
}

/// The first rows of `rows`, as the batch reads them.
pub fn preview(engine: &Engine<'_>, rows: &[SignerRow]) -> Vec<RowPreview> {
    // Fields the bodies never name do not reach a letter.
    let used = engine.composer.field_names();
    rows.iter()
        .take(ROWS)
        .map(|row| {
            let checked = match engine.row_request(row, &engine.request.letter) {
                Ok(checked) => checked,
                Err(error) => {
                    return RowPreview {
                        row: row.row,
                        values: Vec::new(),
                        recipients: Vec::new(),
                        error: Some(failures::reason(&error)),
                    }
                }
            };
            let request = &checked.request;
            let sender = &request.sender;
            let mut values: Vec<(String, String)> = [
                ("name", sender.name.clone()),
                ("title", sender.title.clone()),
                ("organization", sender.organization.clone()),
                ("email", sender.email.clone()),
                ("address", sender.address.join(", ")),
                ("phone", sender.phone.clone()),
                ("web", sender.web.clone()),
                (
                    "signature",
                    sender
                        .signature
                        .as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                ),
                (
                    "lang",
                    request.language.map(|l| l.to_string()).unwrap_or_default(),
                ),
                ("own_words", request.own_words.clone().unwrap_or_default()),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), shortened(&v)))
            .collect();
            values.extend(
                request
                    .fields
                    .iter()
                    .filter(|(k, _)| used.contains(*k))
                    .map(|(k, v)| (format!("fields.{k}"), shortened(v))),
            );
            values.retain(|(_, v)| !v.is_empty());
            let (recipients, error) = match engine.planner.recipients(&request.recipients) {
                Ok(ids) => (ids, None),
                Err(e) => (Vec::new(), Some(failures::reason(&e))),
            };
            RowPreview {
                row: row.row,
                values,
                recipients,
                error,
            }
        })
        .collect()
}
