//! The bundled defaults, embedded in the binary: `recipients.toml` and `letter-templates/`.

use include_dir::{include_dir, Dir};

/// The bundled recipient records.
pub const RECIPIENTS: &str = include_str!("../../recipients.toml");

/// The bundled letter templates, one directory per campaign.
pub static TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/letter-templates");

/// How bundled files are named in messages.
pub const PREFIX: &str = "(bundled)";
