//! `letters draft`: turns flags into a DraftRequest, drafts one letter per recipient, and
//! writes them to stdout, a file, or a directory.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cli::{DraftArgs, PdfArgs, SenderArgs};
use crate::clock;
use crate::compose::Composer;
use crate::draft::{self, DemandSelection, DraftRequest};
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::letter::Letter;
use crate::load::{DataOptions, DataSet, PdfSettings};
use crate::model::Sender;
use crate::render::email::EmailOptions;
use crate::render::pdf::{FontPaths, Fonts, PdfOptions};
use crate::render::{self, Format, RenderOptions};
use crate::sink::{self, Stdout};

use super::Diagnostics;

/// Separates letters on stdout: a form feed, so printing puts each on its own page.
const LETTER_SEPARATOR: &str = "\u{c}\n";

pub(crate) fn sender_from_flags(args: &SenderArgs) -> Sender {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    Sender {
        name: text(&args.sender_name),
        title: text(&args.sender_title),
        organization: text(&args.sender_org),
        address: args.sender_address.clone(),
        email: text(&args.sender_email),
        phone: text(&args.sender_phone),
        web: text(&args.sender_web),
        signature: args.signature.clone(),
    }
}

/// The most own words read: the same as a signers cell, far more than a paragraph or
/// two, and little enough that `@/dev/zero` or a wrong file stops at once.
pub const MAX_OWN_WORDS_BYTES: usize = crate::load::signers::MAX_CELL_BYTES;

/// Reads `--own-words`: literal text, `@FILE`, or `-` for standard input; at most
/// [`MAX_OWN_WORDS_BYTES`] of it.
pub(crate) fn own_words(value: Option<&str>) -> Result<Option<String>> {
    let Some(value) = value else {
        return Ok(None);
    };
    let (bytes, what) = if value == "-" {
        let bytes = read_capped(std::io::stdin().lock()).map_err(|e| {
            Error::flag("--own-words -", format!("cannot read standard input: {e}"))
        })?;
        (bytes, "standard input".to_string())
    } else if let Some(path) = value.strip_prefix('@') {
        let path = Path::new(path);
        let bytes = std::fs::File::open(path)
            .and_then(read_capped)
            .map_err(|e| {
                Error::flag(
                    "--own-words",
                    format!("cannot read {}: {e}", path.display()),
                )
            })?;
        (bytes, path.display().to_string())
    } else {
        (value.as_bytes().to_vec(), "the text given".to_string())
    };
    if bytes.len() > MAX_OWN_WORDS_BYTES {
        return Err(Error::flag(
            "--own-words",
            format!(
                "{what} holds more than {} KB, the most own words a letter takes: give a paragraph or two (is it the right file?)",
                MAX_OWN_WORDS_BYTES / 1024
            ),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::flag(
            "--own-words",
            format!("{what} is not UTF-8 text: save it as UTF-8 and try again"),
        )
    })?;
    let text = text.trim_start_matches('\u{feff}').trim().to_string();
    Ok((!text.is_empty()).then_some(text))
}

/// Up to one byte more than [`MAX_OWN_WORDS_BYTES`] of `input`, enough to tell it is
/// too long without reading the rest.
fn read_capped(input: impl Read) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    input
        .take(MAX_OWN_WORDS_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

pub(crate) fn fields(pairs: &[String]) -> Result<BTreeMap<String, String>> {
    pairs
        .iter()
        .map(|pair| match pair.split_once('=') {
            Some((key, value)) if !key.trim().is_empty() => {
                Ok((key.trim().to_string(), value.to_string()))
            }
            _ => Err(Error::flag(
                "--field",
                format!("`{pair}` is not KEY=VALUE (for example --field city=Caracas)"),
            )),
        })
        .collect()
}

fn missing_choices(template: bool, sender: bool, data: &DataSet) -> Error {
    let mut missing = Vec::new();
    if template {
        let ids: Vec<&str> = data
            .templates
            .templates
            .keys()
            .map(String::as_str)
            .collect();
        missing.push(format!("--template <ID> (one of: {})", ids.join(", ")));
    }
    if sender {
        missing.push("--sender-name <NAME> (or [sender] name in letters.toml)".to_string());
    }
    let hint = "there is no terminal to ask on, so nothing is asked: give every choice as a flag, for example: letters draft --template detention-urgent-action --sender-name \"Your Name\"";
    Error::MissingChoices {
        missing,
        hint: hint.to_string(),
    }
}

/// The default file name of a letter.
pub fn file_name(letter: &Letter, format: Format) -> String {
    format!(
        "{}--{}--{}.{}",
        letter.template,
        letter.recipient.id,
        letter.language,
        format.extension()
    )
}

/// How letters are rendered: the format, the text width, the email settings, and the PDF
/// settings (fonts read once here) when the letters are PDFs or carry one.
pub(crate) fn render_options(
    format: Format,
    width: usize,
    email: &crate::cli::EmailArgs,
    pdf: &PdfArgs,
    data: &DataSet,
) -> Result<RenderOptions> {
    let pdf = if format == Format::Pdf || email.attach_pdf {
        pdf_options(pdf, &data.pdf)?
    } else {
        PdfOptions::default()
    };
    Ok(RenderOptions {
        format,
        width,
        email: email_options(email),
        pdf,
    })
}

/// The office ids given with --to (repeated or comma-separated), blanks dropped.
pub(crate) fn recipient_ids(to: &[String]) -> Vec<String> {
    to.iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The email settings the flags give.
fn email_options(args: &crate::cli::EmailArgs) -> EmailOptions {
    EmailOptions {
        from: args.from.clone(),
        cc: args.cc.clone(),
        bcc: args.bcc.clone(),
        reply_to: args.reply_to.clone(),
        attach_pdf: args.attach_pdf,
    }
}

/// Whether the guided flow can run: both stdin and stderr are terminals.
pub fn is_interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// The earliest letter date accepted: an email's Date cannot be earlier.
pub const EARLIEST_DATE: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(date) => date,
    None => chrono::NaiveDate::MIN,
};
/// The latest letter date accepted.
pub const LATEST_DATE: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(date) => date,
    None => chrono::NaiveDate::MAX,
};

/// The date asked for (between [`EARLIEST_DATE`] and [`LATEST_DATE`]), or today.
pub(crate) fn letter_date(text: Option<&str>) -> Result<chrono::NaiveDate> {
    let Some(text) = text else {
        return clock::today();
    };
    let date = clock::parse_date(text).ok_or_else(|| {
        Error::flag(
            "--date",
            format!("`{text}` is not a date in the form YYYY-MM-DD"),
        )
    })?;
    if !(EARLIEST_DATE..=LATEST_DATE).contains(&date) {
        return Err(Error::flag(
            "--date",
            format!("{date} is not a date a letter can bear: give one from {EARLIEST_DATE} to {LATEST_DATE}"),
        ));
    }
    Ok(date)
}

/// The request the flags describe; `sender` already holds the flags over the defaults.
pub(crate) fn request(args: &DraftArgs, sender: Sender) -> Result<DraftRequest> {
    Ok(DraftRequest {
        template: args.template.clone().unwrap_or_default(),
        recipients: recipient_ids(&args.to),
        language: args.lang,
        demands: args
            .demands
            .as_deref()
            .map(DemandSelection::parse)
            .unwrap_or_default(),
        own_words: own_words(args.own_words.as_deref())?,
        date: letter_date(args.date.as_deref())?,
        sender,
        fields: fields(&args.fields)?,
        fix_mojibake: args.fix_mojibake,
    })
}

/// Refuses letters to be printed and posted (`format` text or PDF) to recipients
/// without a postal address.
pub(crate) fn check_postal_addresses(
    letters: &[Letter],
    format: Format,
    data: &DataSet,
) -> Result<()> {
    if !format.is_postal() {
        return Ok(());
    }
    for letter in letters {
        let recipient = data.recipients.get(&letter.recipient.id)?;
        draft::check_postal_address(recipient, &data.recipients.path)?;
    }
    Ok(())
}

/// Plans and composes the letters of a request, printing the warnings found.
pub(crate) fn draft_letters(
    request: DraftRequest,
    data: &DataSet,
    diagnostics: Diagnostics,
) -> Result<Vec<Letter>> {
    let plan = draft::plan(request, data, clock::today()?)?;
    for warning in &plan.warnings {
        diagnostics.warn(warning);
    }
    let mut letters = Vec::with_capacity(plan.drafts.len());
    let mut composer: Option<Composer> = None;
    for draft in &plan.drafts {
        let composer = match &mut composer {
            Some(c) => c,
            None => composer.insert(Composer::new(&draft.template)?),
        };
        letters.push(composer.compose(draft)?);
    }
    Ok(letters)
}

/// PDF settings: flags first, then letters.toml `[pdf]`; fonts are read once here.
fn pdf_options(args: &PdfArgs, settings: &PdfSettings) -> Result<PdfOptions> {
    let pick = |flag: &Option<PathBuf>, setting: &Option<PathBuf>| flag.clone().or(setting.clone());
    let paths = FontPaths {
        regular: pick(&args.font_regular, &settings.font_regular),
        bold: pick(&args.font_bold, &settings.font_bold),
        italic: pick(&args.font_italic, &settings.font_italic),
        bold_italic: pick(&args.font_bold_italic, &settings.font_bold_italic),
    };
    // Parsed once here, shared by every letter of the run.
    let fonts = if paths.is_empty() {
        Fonts::bundled()?
    } else {
        Fonts::load(&paths)?
    };
    let fonts = Some(Arc::new(fonts));
    Ok(PdfOptions {
        layout: args.layout.or(settings.layout),
        fonts,
    })
}

/// A PDF goes to a file, or to standard output when that is not a terminal.
pub(crate) fn check_pdf_stdout(count: usize) -> Result<()> {
    if std::io::stdout().is_terminal() {
        return Err(Error::flag(
            "--format pdf",
            "a PDF is not printed on a terminal: write it to a file with -o letter.pdf (or -o DIR/ for one file per letter), or redirect standard output",
        ));
    }
    if count > 1 {
        return Err(Error::flag(
            "--format pdf",
            format!("{count} letters make {count} PDFs, which cannot share standard output: write them to a directory with -o DIR/"),
        ));
    }
    Ok(())
}

/// Writes letters to stdout (`None`), a file, or a directory; returns the files written.
pub(crate) fn write_output(
    letters: &[Letter],
    options: &RenderOptions,
    output: Option<&PathBuf>,
    diagnostics: Diagnostics,
) -> Result<Vec<PathBuf>> {
    let Some(output) = output else {
        if options.format == Format::Pdf {
            check_pdf_stdout(letters.len())?;
        }
        let bytes = render::render_all(letters, options, LETTER_SEPARATOR.as_bytes())?;
        // A reader that closed the pipe has all it wanted: not an error.
        let _: Stdout = sink::write_stdout(&bytes)?;
        return Ok(Vec::new());
    };
    let named_as_directory = output.is_dir()
        || output
            .as_os_str()
            .to_string_lossy()
            .ends_with(std::path::MAIN_SEPARATOR);
    if options.format == Format::Mbox {
        // One mbox holds every message.
        let path = match letters.first() {
            Some(first) if named_as_directory => output.join(format!("{}.mbox", first.template)),
            _ => output.clone(),
        };
        sink::write_atomic(&path, &render::render_all(letters, options, b"")?)?;
        diagnostics.info(&format!(
            "wrote {} ({} messages)",
            path.display(),
            letters.len()
        ));
        return Ok(vec![path]);
    }
    let as_directory = letters.len() > 1 || named_as_directory;
    let mut written = Vec::with_capacity(letters.len());
    // Render every letter before writing any, so a letter that cannot be rendered (an
    // email to a recipient without an address) leaves no half-written batch behind.
    let rendered = letters
        .iter()
        .map(|letter| render::render(letter, options))
        .collect::<Result<Vec<_>>>()?;
    for (letter, bytes) in letters.iter().zip(rendered) {
        let path = if as_directory {
            output.join(file_name(letter, options.format))
        } else {
            output.clone()
        };
        sink::write_atomic(&path, &bytes)?;
        diagnostics.info(&format!("wrote {}", path.display()));
        written.push(path);
    }
    Ok(written)
}

pub fn run(args: DraftArgs, data_options: &DataOptions, diagnostics: Diagnostics) -> Result<Exit> {
    if args.width < render::text::MIN_WIDTH {
        return Err(Error::flag(
            "--width",
            format!(
                "{} is too narrow: use at least {}",
                args.width,
                render::text::MIN_WIDTH
            ),
        ));
    }
    let data = DataSet::load(data_options)?;
    let sender = sender_from_flags(&args.sender).or(&data.sender);
    let no_template = args.template.as_deref().is_none_or(|t| t.trim().is_empty());
    let no_sender = sender.name.trim().is_empty();
    if no_template || no_sender {
        if is_interactive() {
            return crate::wizard::run(&args, &data, diagnostics);
        }
        return Err(missing_choices(no_template, no_sender, &data));
    }
    let request = request(&args, sender)?;
    let letters = draft_letters(request, &data, diagnostics)?;
    let format = args.format.unwrap_or(Format::Text);
    check_postal_addresses(&letters, format, &data)?;
    let options = render_options(format, args.width, &args.email, &args.pdf, &data)?;
    write_output(&letters, &options, args.output.as_ref(), diagnostics)?;
    super::ok()
}
