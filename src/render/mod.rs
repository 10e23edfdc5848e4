//! Renderers: each lays out the same Letter in one output format.

pub mod json;
pub mod pdf;
pub mod text;

use crate::error::Result;
use crate::letter::Letter;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text, wrapped (see --width).
    Text,
    /// The Letter model as JSON.
    Json,
    /// A typeset PDF (see --layout, --signature, --font-regular).
    Pdf,
}

impl Format {
    /// The file extension for this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Pdf => "pdf",
        }
    }
}

/// Rendering settings shared by the backends.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub format: Format,
    pub width: usize,
    pub pdf: pdf::PdfOptions,
}

/// Renders one letter to bytes.
pub fn render(letter: &Letter, options: &RenderOptions) -> Result<Vec<u8>> {
    Ok(match options.format {
        Format::Text => text::render(letter, options.width).into_bytes(),
        Format::Json => json::render(letter).into_bytes(),
        Format::Pdf => pdf::render(letter, &options.pdf)?,
    })
}
