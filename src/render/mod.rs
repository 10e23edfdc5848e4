//! Renderers: each lays out the same Letter in one output format.

pub mod email;
pub mod json;
pub mod pdf;
pub mod text;
mod wrap;

use crate::error::{Error, Result};
use crate::letter::Letter;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, wrapped (see --width).
    Text,
    /// The Letter model as JSON.
    Json,
    /// An email message (.eml, RFC 5322) with the text as its body, ready for `letters send`.
    Email,
    /// Several email messages in one mbox file.
    Mbox,
    /// A mailto: URI, to open the letter in your own mail program.
    Mailto,
    /// A typeset PDF (see --layout, --signature, --font-regular).
    Pdf,
}

impl Format {
    /// Every format, in the order they are offered.
    pub const ALL: [Format; 6] = [
        Format::Text,
        Format::Json,
        Format::Email,
        Format::Mbox,
        Format::Mailto,
        Format::Pdf,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Email => "email",
            Format::Mbox => "mbox",
            Format::Mailto => "mailto",
            Format::Pdf => "pdf",
        }
    }

    /// What it is, in a few words.
    pub fn description(self) -> &'static str {
        match self {
            Format::Text => "Plain text, wrapped (see --width)",
            Format::Json => "The Letter model as JSON",
            Format::Email => "An email message (.eml, RFC 5322) with the text as its body, ready for `letters send`",
            Format::Mbox => "Several email messages in one mbox file",
            Format::Mailto => "A mailto: URI, to open the letter in your own mail program",
            Format::Pdf => "A typeset PDF (see --layout, --signature, --font-regular)",
        }
    }

    /// The file extension for this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Email => "eml",
            Format::Mbox => "mbox",
            Format::Mailto => "mailto",
            Format::Pdf => "pdf",
        }
    }

    /// Whether the letter becomes an email (and so needs the recipient's address).
    pub fn is_email(self) -> bool {
        matches!(self, Format::Email | Format::Mbox | Format::Mailto)
    }

    /// Whether the letter is to be printed and posted (and so needs a postal address).
    pub fn is_postal(self) -> bool {
        matches!(self, Format::Text | Format::Pdf)
    }
}

/// Rendering settings shared by the backends.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub format: Format,
    pub width: usize,
    /// Sender and extra recipients of email formats.
    pub email: email::EmailOptions,
    /// Layout and fonts of PDFs (also of a PDF attached to an email).
    pub pdf: pdf::PdfOptions,
}

/// The files attached to a letter's email: with `--attach-pdf`, the PDF rendering of the
/// same letter, for `.eml` and mbox alike.
fn attachments(letter: &Letter, options: &RenderOptions) -> Result<Vec<email::Attachment>> {
    if !options.email.attach_pdf {
        return Ok(Vec::new());
    }
    Ok(vec![email::Attachment {
        filename: format!(
            "{}--{}--{}.pdf",
            letter.template, letter.recipient.id, letter.language
        ),
        content_type: "application/pdf".to_string(),
        bytes: pdf::render(letter, &options.pdf)?,
    }])
}

/// Renders one letter to bytes.
pub fn render(letter: &Letter, options: &RenderOptions) -> Result<Vec<u8>> {
    render_noting(letter, options, &mut Vec::new())
}

/// Renders one letter to bytes, adding to `notes` the warnings rendering found (a PDF's
/// layout).
pub fn render_noting(
    letter: &Letter,
    options: &RenderOptions,
    notes: &mut Vec<String>,
) -> Result<Vec<u8>> {
    Ok(match options.format {
        Format::Text => text::render(letter, options.width).into_bytes(),
        Format::Json => json::render(letter).into_bytes(),
        Format::Email => email::render(
            letter,
            &options.email,
            options.width,
            &attachments(letter, options)?,
        )?,
        Format::Mbox => email::render_mbox(
            std::slice::from_ref(letter),
            &options.email,
            options.width,
            &|l| attachments(l, options),
        )?,
        Format::Mailto => {
            let mut uri = email::mailto(letter, &options.email, options.width)?;
            uri.push('\n');
            uri.into_bytes()
        }
        Format::Pdf => pdf::render_noting(letter, &options.pdf, notes)?,
    })
}

/// Renders several letters into one output: a JSON array, one mbox, one `mailto:` URI a
/// line, or the letters one after another separated by `separator`. An `.eml` holds one
/// message, so several are an error that says what to do instead. Warnings go to
/// `notes`.
pub fn render_all(
    letters: &[Letter],
    options: &RenderOptions,
    separator: &[u8],
    notes: &mut Vec<String>,
) -> Result<Vec<u8>> {
    match options.format {
        // JSON Lines, one letter or many: the same shape either way.
        Format::Json => Ok(letters
            .iter()
            .map(|l| json::render_line(l).into_bytes())
            .collect::<Vec<_>>()
            .concat()),
        Format::Mbox => email::render_mbox(letters, &options.email, options.width, &|l| {
            attachments(l, options)
        }),
        Format::Email if letters.len() > 1 => Err(Error::render(format!(
            "{} letters cannot go into one .eml file: give -o DIR for one .eml each, \
                 or use --format mbox for one file",
            letters.len()
        ))),
        Format::Mailto => Ok(letters
            .iter()
            .map(|l| render(l, options))
            .collect::<Result<Vec<_>>>()?
            .concat()),
        _ => Ok(letters
            .iter()
            .map(|l| render_noting(l, options, notes))
            .collect::<Result<Vec<_>>>()?
            .join(separator)),
    }
}
