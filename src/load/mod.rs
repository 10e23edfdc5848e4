//! Reading and validating data files: recipients, templates, workspace settings, and the
//! bundled defaults embedded in the binary.

pub mod bundled;
mod images;
mod locales;
mod recipients;
pub mod signers;
mod templates;
mod toml_file;
mod workspace;

use std::path::{Path, PathBuf};

pub use images::{read_image, MAX_IMAGE_BYTES};
pub use locales::{add_locale_file, add_locales, locale_files, LOCALES_DIR};
pub use recipients::{is_valid_id, Recipients};
pub use templates::{body_file, TemplateSource, Templates, META_FILE};
pub use toml_file::{line_column, parse as parse_toml};
pub use workspace::{
    find_workspace, remembered_sender_file, settings_with_sender, user_config_dir, DataDir,
    PdfSettings, Settings, CONFIG_DIR_VAR, RECIPIENTS_FILE, TEMPLATES_DIR, WORKSPACE_FILE,
};

use crate::error::{Error, Result};
use crate::model::Sender;

/// Where to look for data, as given on the command line.
#[derive(Debug, Clone, Default)]
pub struct DataOptions {
    /// `--recipients FILE`.
    pub recipients: Option<PathBuf>,
    /// `--templates DIR`.
    pub templates: Option<PathBuf>,
    /// A workspace to use instead of looking for one from the current directory.
    pub workspace: Option<PathBuf>,
}

/// The `[sender]` table of one settings file.
#[derive(Debug, Clone)]
pub struct SenderSetting {
    /// The settings file (`letters.toml`).
    pub file: PathBuf,
    pub sender: Sender,
}

/// Everything loaded: recipients, templates, and the default sender. The letter
/// languages the workspace and the user config directory add are loaded for the run
/// ([`crate::model::Language::all`]).
#[derive(Debug)]
pub struct DataSet {
    pub recipients: Recipients,
    pub templates: Templates,
    /// The default signer of each settings file, the workspace's first, then the user
    /// config directory's.
    pub senders: Vec<SenderSetting>,
    /// PDF settings from the workspace, then from the user config directory.
    pub pdf: PdfSettings,
    /// The workspace in use, if any.
    pub workspace: Option<PathBuf>,
}

/// The recipients file a change to the records goes to: the user's own file in use, or,
/// while the bundled records are in use, a new copy of them to make (in the workspace,
/// else in the user config directory). Bundled data is never written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnRecipients {
    /// A file of the user's, in use now.
    File(PathBuf),
    /// Where a copy of the bundled records would be made.
    NewCopy(PathBuf),
}

/// Where the records a change is made to are, in the lookup order `DataSet::load` reads
/// them: `--recipients`, the workspace's, the user config directory's.
pub fn own_recipients(options: &DataOptions) -> Result<OwnRecipients> {
    if let Some(path) = &options.recipients {
        return Ok(OwnRecipients::File(path.clone()));
    }
    let (workspace, config) = data_dirs(options)?;
    let dirs: Vec<&DataDir> = workspace.iter().chain(config.iter()).collect();
    if let Some(path) = dirs.iter().find_map(|d| d.recipients()) {
        return Ok(OwnRecipients::File(path));
    }
    let dir = match (workspace, user_config_dir()) {
        (Some(workspace), _) => workspace.dir,
        (None, Some(config)) => config,
        (None, None) => {
            return Err(Error::data(
                CONFIG_DIR_VAR,
                "no user config directory is known on this system, and no workspace is in use: set LETTERS_CONFIG_DIR, or run the command inside a workspace made by `letters init`",
            ))
        }
    };
    Ok(OwnRecipients::NewCopy(dir.join(RECIPIENTS_FILE)))
}

/// The workspace (given, or found from the current directory) and the user config
/// directory, each when it exists.
fn data_dirs(options: &DataOptions) -> Result<(Option<DataDir>, Option<DataDir>)> {
    let workspace_dir = match &options.workspace {
        Some(dir) => Some(dir.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|cwd| find_workspace(&cwd)),
    };
    let workspace = workspace_dir.as_deref().map(DataDir::open).transpose()?;
    let config = match user_config_dir() {
        Some(dir) if dir.is_dir() => Some(DataDir::open(&dir)?),
        _ => None,
    };
    Ok((workspace, config))
}

/// Reads and parses the recipients file at `path`.
pub fn read_recipients(path: &Path) -> Result<Recipients> {
    let bytes = std::fs::read(path).map_err(|e| Error::read(path, e))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::data(
            path.display().to_string(),
            "the file is not UTF-8: save it as UTF-8 and try again",
        )
    })?;
    Recipients::parse(&path.display().to_string(), &text)
}

impl DataSet {
    /// The bundled recipients and templates alone, with no sender and default PDF
    /// settings: what a machine without a workspace or user settings sees.
    pub fn bundled() -> Result<DataSet> {
        Ok(DataSet {
            recipients: Recipients::parse(
                &format!("{}/{RECIPIENTS_FILE}", bundled::PREFIX),
                bundled::RECIPIENTS,
            )?,
            templates: Templates::from_bundled(&bundled::TEMPLATES, bundled::PREFIX),
            senders: Vec::new(),
            pdf: PdfSettings::default(),
            workspace: None,
        })
    }

    /// Loads data in lookup order: flags, workspace, user config directory, bundled.
    pub fn load(options: &DataOptions) -> Result<DataSet> {
        let (workspace, config) = data_dirs(options)?;
        let dirs: Vec<&DataDir> = workspace.iter().chain(config.iter()).collect();

        // Languages first: records, campaigns and bodies may be written in them.
        let locale_dirs: Vec<PathBuf> = dirs.iter().filter_map(|d| d.locales()).collect();
        add_locales(&locale_dirs)?;

        let recipients_path = options
            .recipients
            .clone()
            .or_else(|| dirs.iter().find_map(|d| d.recipients()));
        let recipients = match recipients_path {
            Some(path) => read_recipients(&path)?,
            None => Recipients::parse(
                &format!("{}/{RECIPIENTS_FILE}", bundled::PREFIX),
                bundled::RECIPIENTS,
            )?,
        };

        let templates_path = options
            .templates
            .clone()
            .or_else(|| dirs.iter().find_map(|d| d.templates()));
        let templates = match templates_path {
            Some(path) => Templates::from_dir(&path)?,
            None => Templates::from_bundled(&bundled::TEMPLATES, bundled::PREFIX),
        };

        let senders = dirs
            .iter()
            .map(|dir| SenderSetting {
                file: dir.dir.join(WORKSPACE_FILE),
                sender: dir.settings.sender.clone(),
            })
            .collect();

        let pdf = dirs
            .iter()
            .fold(PdfSettings::default(), |pdf, dir| pdf.or(&dir.settings.pdf));

        Ok(DataSet {
            recipients,
            templates,
            senders,
            pdf,
            workspace: workspace.map(|w| w.dir),
        })
    }
}
