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
use crate::messages;
use crate::sink;
use crate::text::control_chars::escape;

use super::Diagnostics;

fn summary(report: &Report, language: &str) -> String {
    let count = |n: usize| n as u64;
    messages::format_counts(
        language,
        "check-summary",
        &[],
        &[
            ("recipients", count(report.recipients)),
            ("templates", count(report.templates)),
            ("demands", count(report.demands)),
            ("errors", count(report.errors.len())),
            ("warnings", count(report.warnings.len())),
        ],
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
        let l = messages::language();
        let (error, warning) = (
            messages::text(l, "error-label"),
            messages::text(l, "warning-label"),
        );
        let mut text = String::new();
        // Messages, though on standard output: control characters escaped, as on stderr.
        for message in &report.errors {
            let said = messages::detail_in(l, message);
            text.push_str(&format!("{error}: {}\n", escape(&said)));
        }
        if !diagnostics.quiet {
            for message in &report.warnings {
                let said = messages::detail_in(l, message);
                text.push_str(&format!("{warning}: {}\n", escape(&said)));
            }
        }
        text.push_str(&summary(&report, l));
        text.push('\n');
        sink::write_stdout(text.as_bytes())?;
    }
    Ok(if report.errors.is_empty() {
        Exit::Success
    } else {
        Exit::UsageOrData
    })
}
