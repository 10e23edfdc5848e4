//! `letters check [DIR]`: validates the data in use (or a workspace directory) and prints
//! every error and warning, one per line.

use super::clock;
use crate::check::{self, Report};
use crate::cli::CheckArgs;
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::load::{
    self, bundled, DataDir, DataOptions, DataSet, Recipients, Templates, RECIPIENTS_FILE,
};
use crate::sink;
use crate::text::control_chars::escape;

use super::Diagnostics;

fn summary(report: &Report) -> String {
    format!(
        "checked {} recipients, {} templates and {} demands: {} error{}, {} warning{}",
        report.recipients,
        report.templates,
        report.demands,
        report.errors.len(),
        if report.errors.len() == 1 { "" } else { "s" },
        report.warnings.len(),
        if report.warnings.len() == 1 { "" } else { "s" },
    )
}

pub fn run(args: CheckArgs, data: &DataOptions, diagnostics: Diagnostics) -> Result<Exit> {
    let today = clock::today()?;
    let report = match &args.dir {
        Some(dir) => {
            if !dir.is_dir() {
                return Err(Error::flag(
                    "DIR",
                    format!(
                        "{} is not a directory; give a workspace made by `letters init`",
                        dir.display()
                    ),
                ));
            }
            let workspace = DataDir::open(dir)?;
            // Its languages first, each locale file on its own: one that fails to load
            // is reported, and the others are still read.
            let mut locale_errors = Vec::new();
            for file in workspace
                .locales()
                .map(|d| load::locale_files(&d))
                .transpose()?
                .unwrap_or_default()
            {
                if let Err(err) = load::add_locale_file(&file) {
                    locale_errors.push(err);
                }
            }
            let recipients = match data.recipients.clone().or_else(|| workspace.recipients()) {
                Some(path) => load::read_recipients(&path),
                None => Recipients::parse(
                    &format!("{}/{RECIPIENTS_FILE}", bundled::PREFIX),
                    bundled::RECIPIENTS,
                ),
            };
            let templates = match data.templates.clone().or_else(|| workspace.templates()) {
                Some(path) => Templates::from_dir(&path),
                None => Ok(Templates::from_bundled(
                    &bundled::TEMPLATES,
                    bundled::PREFIX,
                )),
            };
            check::check(locale_errors, recipients, templates, today)
        }
        None => {
            let data = DataSet::load(data)?;
            check::check(Vec::new(), Ok(data.recipients), Ok(data.templates), today)
        }
    };
    if args.json {
        let text = serde_json::to_string_pretty(&report).unwrap_or_default() + "\n";
        sink::write_stdout(text.as_bytes())?;
    } else {
        let mut text = String::new();
        // Messages, though on standard output: control characters escaped, as on stderr.
        for error in &report.errors {
            text.push_str(&format!("error: {}\n", escape(&error.to_string())));
        }
        if !diagnostics.quiet {
            for warning in &report.warnings {
                text.push_str(&format!("warning: {}\n", escape(&warning.to_string())));
            }
        }
        text.push_str(&summary(&report));
        text.push('\n');
        sink::write_stdout(text.as_bytes())?;
    }
    Ok(if report.errors.is_empty() {
        Exit::Success
    } else {
        Exit::UsageOrData
    })
}
