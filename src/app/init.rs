//! `letters init DIR`: writes a starter workspace (the bundled recipients and templates,
//! and a letters.toml) for the user to edit.

use std::path::{Path, PathBuf};

use include_dir::Dir;

use crate::cli::InitArgs;
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::load::{bundled, RECIPIENTS_FILE, TEMPLATES_DIR, WORKSPACE_FILE};
use crate::sink;

use super::Diagnostics;

/// The starter settings file.
const SETTINGS: &str = r#"# letters workspace settings. Inside this directory (or below it), `letters`
# uses the files named here instead of its bundled data.

recipients = "recipients.toml"
templates = "letter-templates"

# Who signs, unless --sender-* flags say otherwise.
[sender]
name = ""
title = ""
organization = ""
address = []
email = ""
# signature = "signature.png"     # a PNG or JPEG, printed above the name in PDFs

# PDF letters (--format pdf), unless --layout/--pdf-standard/--font-* flags say otherwise.
# [pdf]
# layout = "din5008-b"            # din5008-b, din5008-a, us-letter, a4, letter
# pdf-standard = "none"           # ua1-a2b (tagged and archival, the default) or none
# font-regular = "fonts/Regular.ttf"
# font-bold = "fonts/Bold.ttf"
# font-italic = "fonts/Italic.ttf"
# font-bold-italic = "fonts/BoldItalic.ttf"
"#;

fn collect(dir: &'static Dir<'static>, base: &Path, files: &mut Vec<(PathBuf, &'static [u8])>) {
    for file in dir.files() {
        files.push((base.join(file.path()), file.contents()));
    }
    for sub in dir.dirs() {
        collect(sub, base, files);
    }
}

pub fn run(args: InitArgs, diagnostics: Diagnostics) -> Result<Exit> {
    let root = &args.dir;
    let mut files: Vec<(PathBuf, &'static [u8])> = vec![
        (root.join(WORKSPACE_FILE), SETTINGS.as_bytes()),
        (root.join(RECIPIENTS_FILE), bundled::RECIPIENTS.as_bytes()),
    ];
    collect(&bundled::TEMPLATES, &root.join(TEMPLATES_DIR), &mut files);
    if !args.force {
        if let Some((existing, _)) = files.iter().find(|(path, _)| path.exists()) {
            return Err(Error::flag(
                "DIR",
                format!(
                    "{} already exists; nothing was written. Pass --force to overwrite the starter files, or choose another directory",
                    existing.display()
                ),
            ));
        }
    }
    for (path, bytes) in &files {
        sink::write_atomic(path, bytes)?;
    }
    diagnostics.info(&format!(
        "created a workspace in {} ({} files).\nnext: fill in [sender] in {}, then run `letters check` and `letters draft` inside it",
        root.display(),
        files.len(),
        root.join(WORKSPACE_FILE).display()
    ));
    Ok(Exit::Success)
}
