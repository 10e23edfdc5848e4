//! A user's workspace (`letters.toml`) and the user config directory, and the lookup
//! order for data: flags, then the workspace, then the user config directory, then the
//! bundled defaults.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::Sender;
use crate::model::{Layout, PdfStandard};

use super::toml_file;

/// The name of a workspace's settings file.
pub const WORKSPACE_FILE: &str = "letters.toml";
/// The default name of a workspace's recipients file.
pub const RECIPIENTS_FILE: &str = "recipients.toml";
/// The default name of a workspace's templates directory.
pub const TEMPLATES_DIR: &str = "letter-templates";
/// The environment variable that overrides the user config directory.
pub const CONFIG_DIR_VAR: &str = "LETTERS_CONFIG_DIR";

/// What `letters.toml` holds.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The recipients file, relative to the workspace.
    #[serde(default)]
    pub recipients: Option<PathBuf>,
    /// The templates directory, relative to the workspace.
    #[serde(default)]
    pub templates: Option<PathBuf>,
    /// The locales directory (letter languages added), relative to the workspace.
    #[serde(default)]
    pub locales: Option<PathBuf>,
    /// Who signs, by default.
    #[serde(default)]
    pub sender: Sender,
    /// PDF defaults.
    #[serde(default)]
    pub pdf: PdfSettings,
}

/// The `[pdf]` table of `letters.toml`: the same settings as the PDF flags.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PdfSettings {
    pub layout: Option<Layout>,
    pub pdf_standard: Option<PdfStandard>,
    pub font_regular: Option<PathBuf>,
    pub font_bold: Option<PathBuf>,
    pub font_italic: Option<PathBuf>,
    pub font_bold_italic: Option<PathBuf>,
}

impl PdfSettings {
    /// Fills every unset value of `self` from `fallback`.
    pub fn or(self, fallback: &PdfSettings) -> PdfSettings {
        PdfSettings {
            layout: self.layout.or(fallback.layout),
            pdf_standard: self.pdf_standard.or(fallback.pdf_standard),
            font_regular: self.font_regular.or_else(|| fallback.font_regular.clone()),
            font_bold: self.font_bold.or_else(|| fallback.font_bold.clone()),
            font_italic: self.font_italic.or_else(|| fallback.font_italic.clone()),
            font_bold_italic: self
                .font_bold_italic
                .or_else(|| fallback.font_bold_italic.clone()),
        }
    }

    fn paths_mut(&mut self) -> [&mut Option<PathBuf>; 4] {
        [
            &mut self.font_regular,
            &mut self.font_bold,
            &mut self.font_italic,
            &mut self.font_bold_italic,
        ]
    }
}

/// A directory holding data: a workspace, or the user config directory.
#[derive(Debug, Clone)]
pub struct DataDir {
    pub dir: PathBuf,
    pub settings: Settings,
}

impl DataDir {
    /// Reads `dir/letters.toml` if there is one (settings are empty otherwise).
    pub fn open(dir: &Path) -> Result<DataDir> {
        let file = dir.join(WORKSPACE_FILE);
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(Error::read(&file, e)),
        };
        let settings: Settings = toml_file::parse(&file.display().to_string(), &text)?;
        let mut settings: Settings = settings;
        if let Some(locales) = &settings.locales {
            let path = dir.join(locales);
            if !path.is_dir() {
                let line = settings_line(&text, "locales");
                return Err(Error::data(
                    format!("{}:{line}", file.display()),
                    crate::messages::detail(
                        "detail-locales-not-a-directory",
                        &[("path", &path.display().to_string())],
                    ),
                ));
            }
        }
        if let Some(signature) = &settings.sender.signature {
            settings.sender.signature = Some(dir.join(signature));
        }
        for path in settings.pdf.paths_mut() {
            if let Some(p) = path.as_mut() {
                *p = dir.join(&*p);
            }
        }
        Ok(DataDir {
            dir: dir.to_path_buf(),
            settings,
        })
    }

    /// The recipients file it names or holds, if it exists.
    pub fn recipients(&self) -> Option<PathBuf> {
        let path = self.dir.join(
            self.settings
                .recipients
                .as_deref()
                .unwrap_or(Path::new(RECIPIENTS_FILE)),
        );
        (self.settings.recipients.is_some() || path.is_file()).then_some(path)
    }

    /// The locales directory it names or holds (`locales/`), if it exists.
    pub fn locales(&self) -> Option<PathBuf> {
        let path = self.dir.join(
            self.settings
                .locales
                .as_deref()
                .unwrap_or(Path::new(super::locales::LOCALES_DIR)),
        );
        (self.settings.locales.is_some() || path.is_dir()).then_some(path)
    }

    /// The templates directory it names or holds, if it exists.
    pub fn templates(&self) -> Option<PathBuf> {
        let path = self.dir.join(
            self.settings
                .templates
                .as_deref()
                .unwrap_or(Path::new(TEMPLATES_DIR)),
        );
        (self.settings.templates.is_some() || path.is_dir()).then_some(path)
    }
}

/// The line (from 1) where `key = ` is written in a settings file; 1 if it is not found.
fn settings_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|line| {
            line.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |i| i + 1)
}

/// The workspace containing `start`: the nearest directory with a `letters.toml`.
pub fn find_workspace(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join(WORKSPACE_FILE).is_file())
        .map(Path::to_path_buf)
}

/// The user config directory (`$LETTERS_CONFIG_DIR`, else the platform's, e.g.
/// `~/.config/letters`).
pub fn user_config_dir() -> Option<PathBuf> {
    match std::env::var_os(CONFIG_DIR_VAR) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => dirs::config_dir().map(|d| d.join("letters")),
    }
}

/// Where `remember` keeps the default signer: the user config directory's
/// `letters.toml`.
pub fn remembered_sender_file() -> Result<PathBuf> {
    let dir = user_config_dir().ok_or_else(|| {
        Error::data(
            CONFIG_DIR_VAR,
            "no user config directory is known on this system: set LETTERS_CONFIG_DIR",
        )
    })?;
    Ok(dir.join(WORKSPACE_FILE))
}

/// The text of the settings file `file` (read from disk, if it exists) with `sender` as
/// its `[sender]` table, keeping whatever else the file holds. The signature image is
/// not kept: it is chosen letter by letter.
pub fn settings_with_sender(file: &Path, sender: &Sender) -> Result<String> {
    let mut table = match std::fs::read_to_string(file) {
        Ok(text) => toml_file::parse::<toml::Table>(&file.display().to_string(), &text)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => toml::Table::new(),
        Err(e) => return Err(Error::read(file, e)),
    };
    let mut saved = sender.clone();
    saved.signature = None;
    let value = toml::Value::try_from(&saved)
        .map_err(|e| Error::data(file.display().to_string(), e.to_string()))?;
    table.insert("sender".to_string(), value);
    toml::to_string_pretty(&table)
        .map_err(|e| Error::data(file.display().to_string(), e.to_string()))
}
