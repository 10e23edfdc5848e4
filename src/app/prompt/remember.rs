//! Remembering who signs: the signer the guided flow was told, saved as the `[sender]`
//! of the user config directory's `letters.toml` (whatever else it holds is kept).

use std::path::PathBuf;

use crate::draft::RawSender;
use crate::error::Result;
use crate::load;
use crate::model::Sender;
use crate::sink;

/// Saves the signer `raw` names; returns the file written.
pub fn sender(raw: &RawSender) -> Result<PathBuf> {
    let text = |field: &Option<crate::draft::Given<String>>| {
        field
            .as_ref()
            .map(|g| g.value.trim().to_string())
            .unwrap_or_default()
    };
    let sender = Sender {
        name: text(&raw.name),
        title: text(&raw.title),
        organization: text(&raw.organization),
        address: raw
            .address
            .as_ref()
            .map(|g| g.value.clone())
            .unwrap_or_default(),
        email: text(&raw.email),
        phone: text(&raw.phone),
        web: text(&raw.web),
        signature: None,
    };
    let file = load::remembered_sender_file()?;
    let settings = load::settings_with_sender(&file, &sender)?;
    sink::write_atomic(&file, settings.as_bytes())?;
    Ok(file)
}
