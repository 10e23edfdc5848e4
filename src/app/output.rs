//! Where drafted letters go, and how they are rendered: the render settings from the
//! flags and `letters.toml` (fonts read once here), and the letters written to standard
//! output (`-`, the default), a file (one letter), or a directory (one file each).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cli::{EmailArgs, PdfArgs};
use crate::error::{Error, Result};
use crate::letter::{naming, Letter};
use crate::load::PdfSettings;
use crate::model::Language;
use crate::render::email::{self, EmailOptions};
use crate::render::pdf::{FontFile, FontFiles, Fonts, PdfOptions};
use crate::render::{self, Format, RenderOptions};
use crate::sink::{self, Stdout};

use super::Diagnostics;

/// Separates letters on stdout: a form feed, so printing puts each on its own page.
const LETTER_SEPARATOR: &str = "\u{c}\n";

/// The email settings the flags give, each address checked.
fn email_options(args: &EmailArgs) -> Result<EmailOptions> {
    Ok(EmailOptions {
        from: args
            .from
            .as_deref()
            .map(|from| email::parse_mailbox("--from", from))
            .transpose()?,
        cc: email::parse_mailboxes("--cc", &args.cc)?,
        bcc: email::parse_mailboxes("--bcc", &args.bcc)?,
        reply_to: email::parse_mailboxes("--reply-to", &args.reply_to)?,
        attach_pdf: args.attach_pdf,
    })
}

/// The font file a flag or a setting names, read.
fn font_file(flag: &Option<PathBuf>, setting: &Option<PathBuf>) -> Result<Option<FontFile>> {
    let Some(path) = flag.clone().or(setting.clone()) else {
        return Ok(None);
    };
    let bytes = std::fs::read(&path).map_err(|e| Error::read(&path, e))?;
    Ok(Some(FontFile { path, bytes }))
}

/// PDF settings: flags first, then letters.toml `[pdf]`; fonts are read once here.
fn pdf_options(args: &PdfArgs, settings: &PdfSettings) -> Result<PdfOptions> {
    let paths = FontFiles {
        regular: font_file(&args.font_regular, &settings.font_regular)?,
        bold: font_file(&args.font_bold, &settings.font_bold)?,
        italic: font_file(&args.font_italic, &settings.font_italic)?,
        bold_italic: font_file(&args.font_bold_italic, &settings.font_bold_italic)?,
    };
    // Parsed once here, shared by every letter of the run.
    let fonts = if paths.is_empty() {
        Fonts::bundled()?
    } else {
        Fonts::load(&paths)?
    };
    Ok(PdfOptions {
        layout: args.layout.or(settings.layout),
        fonts: Some(Arc::new(fonts)),
        duplex: false,
        standard: args
            .pdf_standard
            .or(settings.pdf_standard)
            .unwrap_or_default(),
    })
}

/// How letters are rendered: the format, the text width, the email settings, and the PDF
/// settings (fonts read once here) when the letters are PDFs or carry one.
pub fn render_options(
    format: Format,
    width: usize,
    email: &EmailArgs,
    pdf: &PdfArgs,
    settings: &PdfSettings,
) -> Result<RenderOptions> {
    let pdf = if format == Format::Pdf || email.attach_pdf {
        pdf_options(pdf, settings)?
    } else {
        PdfOptions::default()
    };
    Ok(RenderOptions {
        format,
        width,
        email: email_options(email)?,
        pdf,
    })
}

/// Whether `output` means standard output.
pub fn is_stdout(output: Option<&Path>) -> bool {
    output.is_none_or(|path| path == Path::new("-"))
}

/// A PDF goes to a file, or to standard output when that is not a terminal.
fn check_pdf_stdout(count: usize) -> Result<()> {
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

/// Writes letters to standard output (`None` or `-`), a file, or a directory; returns
/// the files written.
pub fn write(
    letters: &[Letter],
    options: &RenderOptions,
    output: Option<&Path>,
    diagnostics: Diagnostics,
) -> Result<Vec<PathBuf>> {
    let output = match output {
        Some(path) if !is_stdout(Some(path)) => path,
        _ => {
            if options.format == Format::Pdf {
                check_pdf_stdout(letters.len())?;
            }
            let mut notes = Vec::new();
            let bytes =
                render::render_all(letters, options, LETTER_SEPARATOR.as_bytes(), &mut notes)?;
            warn_once(&notes, diagnostics);
            // A reader that closed the pipe has all it wanted: not an error.
            let _: Stdout = sink::write_stdout(&bytes)?;
            return Ok(Vec::new());
        }
    };
    let named_as_directory = output.is_dir()
        || output
            .as_os_str()
            .to_string_lossy()
            .ends_with(std::path::MAIN_SEPARATOR);
    if options.format == Format::Mbox {
        // One mbox holds every message.
        let path = match letters.first() {
            Some(first) if named_as_directory => {
                output.join(naming::combined(&first.template, Format::Mbox.extension()))
            }
            _ => output.to_path_buf(),
        };
        let mut notes = Vec::new();
        sink::write_atomic(
            &path,
            &render::render_all(letters, options, b"", &mut notes)?,
        )?;
        warn_once(&notes, diagnostics);
        let (path_shown, n) = (path.display(), letters.len());
        diagnostics.info(&match diagnostics.language {
            Language::ES => format!("escrito {path_shown} ({n} mensajes)"),
            _ => format!("wrote {path_shown} ({n} messages)"),
        });
        return Ok(vec![path]);
    }
    let as_directory = letters.len() > 1 || named_as_directory;
    let mut written = Vec::with_capacity(letters.len());
    // Render every letter before writing any, so a letter that cannot be rendered (an
    // email to a recipient without an address) leaves no half-written batch behind.
    let mut notes = Vec::new();
    let rendered = letters
        .iter()
        .map(|letter| render::render_noting(letter, options, &mut notes))
        .collect::<Result<Vec<_>>>()?;
    warn_once(&notes, diagnostics);
    for (letter, bytes) in letters.iter().zip(rendered) {
        let path = if as_directory {
            output.join(naming::letter(
                &letter.template,
                &letter.recipient.id,
                letter.language,
                options.format.extension(),
            ))
        } else {
            output.to_path_buf()
        };
        sink::write_atomic(&path, &bytes)?;
        diagnostics.info(&match diagnostics.language {
            Language::ES => format!("escrito {}", path.display()),
            _ => format!("wrote {}", path.display()),
        });
        written.push(path);
    }
    Ok(written)
}

/// Each of rendering's warnings, once.
fn warn_once(notes: &[String], diagnostics: Diagnostics) {
    let mut seen = std::collections::HashSet::new();
    for note in notes {
        if seen.insert(note) {
            diagnostics.warn(note);
        }
    }
}
