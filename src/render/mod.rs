//! Renderers: each lays out the same Letter in one output format.

pub mod json;
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
}

impl Format {
    /// The file extension for this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
        }
    }
}

/// Rendering settings shared by the backends.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub format: Format,
    pub width: usize,
}

/// Renders one letter to bytes.
pub fn render(letter: &Letter, options: &RenderOptions) -> Result<Vec<u8>> {
    Ok(match options.format {
        Format::Text => text::render(letter, options.width).into_bytes(),
        Format::Json => json::render(letter).into_bytes(),
    })
}
