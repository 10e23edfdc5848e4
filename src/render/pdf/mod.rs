//! PDF letters: the same Letter the text backend renders, typeset with embedded,
//! subset Unicode fonts, laid out for window envelopes, paginated, signed with an image,
//! and byte-for-byte reproducible.
//!
//! `fonts` (faces, widths, subsetting) → `lines` (line breaking) → `page` (what goes
//! where, page by page) → `writer` (printpdf ops, metadata, bytes); `layout` holds the
//! paper formats and `images` the signature.

pub mod fonts;
mod images;
pub mod layout;
mod lines;
mod page;
mod writer;

use std::sync::Arc;

use crate::error::{Error, Result};
use crate::letter::Letter;

pub use fonts::{FontPaths, Fonts};
pub use layout::Layout;

/// PDF settings: the layout (default: by the recipient's country) and the fonts
/// (default: the bundled Liberation Serif).
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    pub layout: Option<Layout>,
    pub fonts: Option<Arc<Fonts>>,
}

/// Renders one letter as a PDF.
pub fn render(letter: &Letter, options: &PdfOptions) -> Result<Vec<u8>> {
    let fonts = match &options.fonts {
        Some(fonts) => Arc::clone(fonts),
        None => Arc::new(Fonts::bundled()?),
    };
    let layout = options
        .layout
        .unwrap_or_else(|| Layout::default_for(&letter.recipient.country));
    let geometry = layout.geometry();
    let signature = letter
        .signature
        .image
        .as_deref()
        .map(images::Image::load)
        .transpose()?;
    let mut composer = page::Composer::new(
        &fonts,
        &geometry,
        letter,
        signature.as_ref().map(images::Image::aspect),
    );
    let pages = composer.pages();
    if let Some((chars, context)) = composer.missing() {
        return Err(Error::MissingGlyphs {
            chars,
            context: format!("“{context}”"),
            bundled: fonts.is_bundled(),
        });
    }
    let meta = writer::Meta {
        title: &letter.subject,
        author: &letter.signature.name,
        language: letter.language.code(),
        date: letter.date,
    };
    writer::write(&pages, &geometry, &fonts, signature.as_ref(), &meta).map_err(|message| {
        Error::flag(
            "--format pdf",
            format!("the PDF could not be written: {message}"),
        )
    })
}
