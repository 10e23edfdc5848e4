//! `letters batch`: flags into a BatchRequest, a progress bar on a terminal, and the
//! one-line summary at the end.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressStyle};

use crate::batch::{self, BatchRequest, Observer, Summary};
use crate::cli::BatchArgs;
use crate::clock;
use crate::draft::{DemandSelection, DraftRequest};
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::load::signers::{SignersReader, SignersSource};
use crate::load::{DataOptions, DataSet};
use crate::render::Format;
use crate::text::control_chars::escape;

use super::draft::{
    fields, letter_date, own_words, recipient_ids, render_options, sender_from_flags,
};
use super::Diagnostics;

/// Warnings and progress on stderr; a bar only on a terminal.
struct Report {
    diagnostics: Diagnostics,
    bar: Option<ProgressBar>,
    lock: Mutex<()>,
}

impl Observer for Report {
    fn warn(&self, message: &str) {
        let _guard = self.lock.lock();
        match &self.bar {
            Some(bar) if !self.diagnostics.quiet => {
                bar.println(format!("warning: {}", escape(message)));
            }
            _ => self.diagnostics.warn(message),
        }
    }

    fn letters_done(&self, count: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(count as u64);
        }
    }
}

fn summary_line(summary: &Summary) -> String {
    let mut parts = vec![
        format!("{} written", summary.written),
        format!("{} skipped", summary.skipped),
        format!("{} failed", summary.failed_rows),
    ];
    if summary.duplicates > 0 {
        parts.push(format!("{} duplicate rows", summary.duplicates));
    }
    if summary.blank > 0 {
        parts.push(format!("{} blank rows", summary.blank));
    }
    if summary.other_shards > 0 {
        parts.push(format!("{} rows in other shards", summary.other_shards));
    }
    let mut line = format!(
        "{} in {:.1} s ({:.0} letters/s)",
        parts.join(", "),
        summary.elapsed.as_secs_f64(),
        summary.rate()
    );
    if let Some(file) = &summary.failures_file {
        line.push_str(&format!("; failed rows are in {}", file.display()));
    }
    line
}

/// The byte `--delimiter` names: one ASCII character that can separate cells.
fn delimiter(c: char) -> Result<u8> {
    let refuse = |why: &str| {
        let shown: String = if c.is_control() {
            c.escape_debug().collect()
        } else {
            c.into()
        };
        Err(Error::flag(
            "--delimiter",
            format!("`{shown}` {why}: use , or ; or a tab, or leave --delimiter out to detect it"),
        ))
    };
    match c {
        '\n' | '\r' => refuse("is a line break, which ends rows, so it cannot separate cells"),
        '"' => refuse("is the quote that encloses cells, so it cannot separate them"),
        c if c.is_control() && c != '\t' => refuse("is a control character"),
        c if c.is_ascii() => Ok(c as u8),
        c => Err(Error::flag(
            "--delimiter",
            format!("`{c}` is not a single ASCII character"),
        )),
    }
}

pub fn run(args: BatchArgs, data_options: &DataOptions, diagnostics: Diagnostics) -> Result<Exit> {
    let data = DataSet::load(data_options)?;
    let source = SignersSource::parse(&args.signers);
    let base_dir = match (&args.signatures_dir, &source) {
        (Some(dir), _) => dir.clone(),
        (None, SignersSource::File(path)) => match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        },
        (None, SignersSource::Stdin | SignersSource::Bytes { .. }) => PathBuf::from("."),
    };
    if let Some(dir) = args.signatures_dir.as_ref().filter(|d| !d.is_dir()) {
        return Err(Error::flag(
            "--signatures-dir",
            format!("{} is not a folder", dir.display()),
        ));
    }
    let delimiter = args.delimiter.map(delimiter).transpose()?;
    let rows = SignersReader::open(&source, args.encoding, delimiter)?;
    // Combined email is an mbox, and an mbox is always one file.
    let (format, combine) = match args.format {
        Format::Email if args.combine => (Format::Mbox, true),
        Format::Mbox => (Format::Mbox, true),
        format => (format, args.combine),
    };
    let request = BatchRequest {
        letter: DraftRequest {
            template: args.template.clone(),
            recipients: recipient_ids(&args.to),
            language: args.lang,
            demands: args
                .demands
                .as_deref()
                .map(DemandSelection::parse)
                .unwrap_or_default(),
            own_words: own_words(args.own_words.as_deref())?,
            date: letter_date(args.date.as_deref())?,
            sender: sender_from_flags(&args.sender).or(&data.sender),
            fields: fields(&args.fields)?,
            fix_mojibake: args.fix_mojibake,
        },
        render: render_options(format, args.width, &args.email, &args.pdf, &data)?,
        out_dir: args.out_dir.clone(),
        resume: args.resume,
        shard: args.shard,
        combine,
        sign_on: args.sign_on,
        base_dir,
    };
    let bar = (std::io::stderr().is_terminal() && !diagnostics.quiet).then(|| {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos} letters  {per_sec}  {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar
    });
    let report = Report {
        diagnostics,
        bar,
        lock: Mutex::new(()),
    };
    let today = clock::today()?;
    let jobs = args.jobs.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::flag("--jobs", e.to_string()))?;
    let summary = pool.install(|| batch::run(&request, rows, &data, today, &report));
    if let Some(bar) = &report.bar {
        bar.finish_and_clear();
    }
    let summary = summary?;
    diagnostics.info(&summary_line(&summary));
    Ok(if summary.failed_rows > 0 {
        Exit::PartialFailure
    } else {
        Exit::Success
    })
}
