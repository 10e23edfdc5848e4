//! Renderers: each lays out the same Letter in one output format.

pub mod email;
pub mod json;
pub mod text;

use crate::error::{Error, Result};
use crate::letter::Letter;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
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
}

impl Format {
    /// The file extension for this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Email => "eml",
            Format::Mbox => "mbox",
            Format::Mailto => "mailto",
        }
    }

    /// Whether the letter becomes an email (and so needs the recipient's address).
    pub fn is_email(self) -> bool {
        matches!(self, Format::Email | Format::Mbox | Format::Mailto)
    }
}

/// Rendering settings shared by the backends.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub format: Format,
    pub width: usize,
    /// Sender and extra recipients of email formats.
    pub email: email::EmailOptions,
}

/// The files attached to a letter's email. None yet: `--attach-pdf` will add the PDF
/// rendering of the same letter here (an `email::Attachment` with its bytes, file name
/// and `application/pdf`), for `.eml` and mbox alike.
fn attachments(_letter: &Letter, _options: &RenderOptions) -> Result<Vec<email::Attachment>> {
    Ok(Vec::new())
}

/// Renders one letter to bytes.
pub fn render(letter: &Letter, options: &RenderOptions) -> Result<Vec<u8>> {
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
    })
}

/// Renders several letters into one output: a JSON array, one mbox, one `mailto:` URI a
/// line, or the letters one after another separated by `separator`. An `.eml` holds one
/// message, so several are an error that says what to do instead.
pub fn render_all(
    letters: &[Letter],
    options: &RenderOptions,
    separator: &[u8],
) -> Result<Vec<u8>> {
    match options.format {
        Format::Json if letters.len() > 1 => Ok(json::render_all(letters).into_bytes()),
        Format::Mbox => email::render_mbox(letters, &options.email, options.width, &|l| {
            attachments(l, options)
        }),
        Format::Email if letters.len() > 1 => Err(Error::flag(
            "--format email",
            format!(
                "{} letters cannot go into one .eml file: give -o DIR for one .eml each, \
                 or use --format mbox for one file",
                letters.len()
            ),
        )),
        Format::Mailto => Ok(letters
            .iter()
            .map(|l| render(l, options))
            .collect::<Result<Vec<_>>>()?
            .concat()),
        _ => Ok(letters
            .iter()
            .map(|l| render(l, options))
            .collect::<Result<Vec<_>>>()?
            .join(separator)),
    }
}
