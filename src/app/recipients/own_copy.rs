//! The user's own copy of the recipient records, which `update`, `verify` and `import`
//! change: the file in use (`--recipients`, the workspace's, the user config
//! directory's), or, while the bundled records are in use, a copy of them made in the
//! workspace or the user config directory. Bundled data is never written, and the
//! change is said to be made where it is.

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::load::{self, bundled, DataOptions, OwnRecipients, Recipients, RECIPIENTS_FILE};
use crate::sink;

use super::super::Diagnostics;

/// The records a change is made to, read.
pub struct OwnCopy {
    /// The file written.
    pub path: PathBuf,
    /// Its text now (the bundled records' for a new copy).
    pub text: String,
    /// Its records.
    pub records: Recipients,
    /// Whether the file is a copy of the bundled records yet to be made.
    pub new: bool,
}

impl OwnCopy {
    /// Reads the records a change goes to.
    pub fn open(options: &DataOptions) -> Result<OwnCopy> {
        match load::own_recipients(options)? {
            OwnRecipients::File(path) => {
                let bytes = std::fs::read(&path).map_err(|e| Error::read(&path, e))?;
                let name = path.display().to_string();
                let text = String::from_utf8(bytes).map_err(|_| {
                    Error::data(
                        &name,
                        "the file is not UTF-8: save it as UTF-8 and try again",
                    )
                })?;
                let records = Recipients::parse(&name, &text)?;
                Ok(OwnCopy {
                    path,
                    text,
                    records,
                    new: false,
                })
            }
            OwnRecipients::NewCopy(path) => Ok(OwnCopy {
                records: Recipients::parse(
                    &format!("{}/{RECIPIENTS_FILE}", bundled::PREFIX),
                    bundled::RECIPIENTS,
                )?,
                text: bundled::RECIPIENTS.to_string(),
                path,
                new: true,
            }),
        }
    }

    /// How the file is named in messages.
    pub fn name(&self) -> String {
        self.path.display().to_string()
    }

    /// Checks `text` as any recipients file is checked, then writes it in place of the
    /// file (atomically, never through a symbolic link), saying where.
    pub fn write(&self, text: &str, diagnostics: Diagnostics) -> Result<()> {
        Recipients::parse(&self.name(), text)?;
        sink::write_atomic(&self.path, text.as_bytes())?;
        if self.new {
            diagnostics.info(&format!(
                "made {} (your own copy of the bundled recipient records) with this change; letters uses it instead of the bundled records from now on",
                self.name()
            ));
        }
        Ok(())
    }
}
