//! `letters report`: the report over the directories given (the current one by
//! default), printed as a table, JSON or CSV, and written as an HTML page if asked.

use std::path::PathBuf;

use crate::cli::ReportArgs;
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::report::{self, sources::FindError};
use crate::sink;

use super::Diagnostics;

pub fn run(args: ReportArgs, diagnostics: Diagnostics) -> Result<Exit> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    // A path that holds nothing to report is blamed on the argument that named it.
    let report = report::gather(&paths).map_err(|error| match error {
        FindError::Io(error) => error,
        FindError::Nothing(path, message) => Error::flag(path, message),
    })?;
    for warning in &report.warnings {
        diagnostics.warn(warning);
    }
    if let Some(path) = &args.html {
        let page = report::to_html(&report).map_err(|message| Error::Render {
            message,
            hint: None,
        })?;
        sink::write_atomic(path, page.as_bytes())?;
        diagnostics.info(&format!("wrote {}", path.display()));
    }
    let text = if args.json {
        report.to_json()
    } else if args.csv {
        report::to_csv(&report)
    } else {
        report::to_table(&report, crate::messages::language())
    };
    let _: sink::Stdout = sink::write_stdout(text.as_bytes())?;
    Ok(Exit::Success)
}
