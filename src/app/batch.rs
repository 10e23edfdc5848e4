//! `letters batch`: the flags (over `letters.toml`) become the batch's checked request,
//! the rows are merged into it one by one, a progress bar runs on a terminal, and a
//! one-line summary ends it.

use std::path::PathBuf;

use crate::batch::summary::Document;
use crate::batch::{self, BatchRequest, Summary};
use crate::cli::BatchArgs;

use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::load::signers::mapping::{self, Field};
use crate::load::signers::{normalize_column, SignersReader, SignersSource};
use crate::load::{DataOptions, DataSet};
use crate::messages;
use crate::render::Format;
use crate::sink;

use super::progress::Progress;
use super::{clock, dry_run, inputs, output, Diagnostics};

/// The line that ends a batch, in the interface language.
fn summary_line(summary: &Summary) -> String {
    let language = messages::language();
    let count =
        |id: &str, n: usize| messages::format_counts(language, id, &[], &[("count", n as u64)]);
    let mut parts = vec![
        count("batch-written", summary.written),
        count("batch-skipped", summary.skipped),
        count("batch-failed", summary.failed_rows),
    ];
    if summary.duplicates > 0 {
        parts.push(count("batch-duplicates", summary.duplicates));
    }
    if summary.blank > 0 {
        parts.push(count("batch-blank", summary.blank));
    }
    if summary.other_shards > 0 {
        parts.push(count("batch-other-shards", summary.other_shards));
    }
    let seconds = format!("{:.1}", summary.elapsed.as_secs_f64());
    let rate = format!("{:.0}", summary.rate());
    let mut line = messages::format(
        language,
        "batch-summary",
        &[
            ("parts", &parts.join(", ")),
            ("seconds", &seconds),
            ("rate", &rate),
        ],
    );
    if let Some(file) = &summary.failures_file {
        let path = file.display().to_string();
        line.push_str(&messages::format(
            language,
            "batch-failures-file",
            &[("path", &path)],
        ));
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

/// The most a mapping file may hold: a few lines.
const MAX_MAPPING_BYTES: u64 = 64 * 1024;

/// The columns `--column` and `--column-map` name for signer fields, each checked
/// against the header when the file has one (`--column` winning over the file).
fn column_rules(args: &BatchArgs, header: &[String]) -> Result<Vec<(Field, Vec<String>)>> {
    let mut rules: Vec<(Field, Vec<String>, String)> = Vec::new();
    if let Some(path) = &args.column_map {
        use std::io::Read;
        let file = std::fs::File::open(path).map_err(|e| Error::read(path, e))?;
        let mut text = String::new();
        file.take(MAX_MAPPING_BYTES)
            .read_to_string(&mut text)
            .map_err(|e| Error::read(path, e))?;
        let parsed = mapping::parse_file(&text).map_err(|message| {
            Error::flag("--column-map", format!("{}: {message}", path.display()))
        })?;
        let origin = path.display().to_string();
        rules.extend(parsed.into_iter().map(|(f, c)| (f, c, origin.clone())));
    }
    for text in &args.columns {
        let (field, columns) =
            mapping::parse_rule(text).map_err(|message| Error::flag("--column", message))?;
        rules.retain(|(f, _, _)| *f != field);
        rules.push((field, columns, "--column".to_string()));
    }
    if !header.is_empty() {
        let keys: Vec<String> = header.iter().map(|h| normalize_column(h)).collect();
        for (field, columns, origin) in &rules {
            if let Some(missing) = columns
                .iter()
                .find(|c| !keys.contains(&normalize_column(c)))
            {
                let listed: Vec<String> = header
                    .iter()
                    .filter(|h| !h.trim().is_empty())
                    .map(|h| format!("`{h}`"))
                    .collect();
                let message = format!(
                    "{}: the signers file has no column `{missing}`; its columns are {}",
                    field.key(),
                    listed.join(", ")
                );
                return Err(if origin == "--column" {
                    Error::flag("--column", message)
                } else {
                    Error::data(origin.clone(), message)
                });
            }
        }
    }
    Ok(rules.into_iter().map(|(f, c, _)| (f, c)).collect())
}

/// Flags that cannot go together.
fn check_combinations(args: &BatchArgs) -> Result<()> {
    if args.combine && args.resume {
        return Err(Error::flag(
            "--resume",
            "a combined file is written in one piece: run the batch again without --resume",
        ));
    }
    if args.combine && args.sign_on {
        return Err(Error::flag(
            "--combine",
            "a sign-on letter is one letter per recipient: leave out --combine",
        ));
    }
    if args.duplex && args.format != Format::Pdf {
        return Err(Error::flag(
            "--duplex",
            "blank backs are for a combined PDF: add --format pdf, or leave out --duplex",
        ));
    }
    if output::is_stdout(Some(&args.output)) {
        return Err(Error::flag(
            "--output",
            "a batch writes a directory (its letters, manifest.jsonl and failed rows): name one, such as -o out/",
        ));
    }
    Ok(())
}

/// The folder the rows' signature images must be in.
fn signatures_dir(args: &BatchArgs, source: &SignersSource) -> Result<PathBuf> {
    if let Some(dir) = &args.signatures_dir {
        if !dir.is_dir() {
            return Err(Error::flag(
                "--signatures-dir",
                format!("{} is not a folder", dir.display()),
            ));
        }
        return Ok(dir.clone());
    }
    Ok(match source {
        SignersSource::File(path) => match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        },
        SignersSource::Stdin | SignersSource::Bytes { .. } => PathBuf::from("."),
    })
}

pub fn run(args: BatchArgs, data_options: &DataOptions, diagnostics: Diagnostics) -> Result<Exit> {
    check_combinations(&args)?;
    if args
        .letter
        .template
        .as_deref()
        .is_none_or(|t| t.trim().is_empty())
    {
        return Err(Error::MissingChoices {
            missing: vec!["--template <ID>".to_string()],
            hint: "every letter of a batch is for one campaign: see `letters templates list`"
                .to_string(),
        });
    }
    let data = DataSet::load(data_options)?;
    let today = clock::today()?;
    let checked = inputs::checked_flags(&args.letter, &args.sender, &data, today)?;
    for warning in &checked.warnings {
        diagnostics.warn(warning);
    }
    let letter = checked.request;
    if args.sign_on && letter.sender.name.trim().is_empty() {
        return Err(Error::MissingChoices {
            missing: vec!["--sender-name <NAME> (who signs the sign-on letter)".to_string()],
            hint: "the co-signers come from the rows; the letter itself is signed by --sender-name (or [sender] in letters.toml)".to_string(),
        });
    }
    let source = SignersSource::parse(&args.signers);
    let signatures_dir = signatures_dir(&args, &source)?;
    let delimiter = args.delimiter.map(delimiter).transpose()?;
    let rows =
        SignersReader::open_with_sheet(&source, args.encoding, delimiter, args.sheet.as_deref())?;
    let columns = column_rules(&args, &rows.header)?;
    // Combined email is an mbox, and an mbox is always one file.
    let (format, combine) = match args.format {
        Format::Email if args.combine => (Format::Mbox, true),
        Format::Mbox => (Format::Mbox, true),
        format => (format, args.combine),
    };
    let mut render =
        output::render_options(format, letter.width, &args.email, &args.pdf, &data.pdf)?;
    render.pdf.duplex = args.duplex;
    let request = BatchRequest {
        letter,
        render,
        out_dir: args.output.clone(),
        resume: args.resume,
        shard: args.shard,
        combine,
        sign_on: args.sign_on,
        signatures_dir,
        dry_run: args.dry_run,
        columns,
    };
    let started = sink::timestamp();
    let progress = Progress::new(diagnostics, rows.progress.clone());
    let signers = rows.source.clone();
    let jobs = args.jobs.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::flag("--jobs", e.to_string()))?;
    let summary = pool.install(|| batch::run(&request, rows, &data, today, &progress));
    progress.finish();
    let summary = summary?;
    if summary.rows == 0 {
        diagnostics.warn(&format!(
            "{signers} has no rows below its header: no letter was written"
        ));
    }
    let document = Document::new(&request, &summary, &signers, started);
    if !request.dry_run {
        document.keep(&request.out_dir)?;
    }
    if args.json {
        let _: sink::Stdout = sink::write_stdout(document.to_json().as_bytes())?;
    } else if request.dry_run {
        let _: sink::Stdout = sink::write_stdout(dry_run::describe(&document).as_bytes())?;
    }
    if request.dry_run {
        diagnostics.info(&dry_run::closing(&document));
    } else {
        diagnostics.info(&summary_line(&summary));
    }
    Ok(if summary.failed_rows > 0 {
        Exit::PartialFailure
    } else {
        Exit::Success
    })
}
