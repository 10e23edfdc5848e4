//! A letter's PDF objects, in two steps. [`typeset`] does everything that does not
//! depend on where in a file the letter goes, and is the costly part: each face subset
//! to the glyphs the letter uses under a fixed resource name (F1–F4), the page content
//! streams and Unicode maps compressed. [`Typeset::write`] then numbers and writes the
//! objects (fonts, resources, pages, contents, the signature image as Im1) into a
//! [`File`], under page tree nodes the document gives it. Output depends only on the
//! letter and the numbers: the same letter gives the same bytes in any process, in any
//! order, on any thread.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::NaiveDate;

use super::content;
use super::deflate::{deflate, Level};
use super::embed::{Embedded, Usage};
use super::fonts::Fonts;
use super::images::Image;
use super::layout::Geometry;
use super::page::{Mark, Page};
use super::syntax::{self, File};

/// What the document says about itself.
#[derive(Debug, Clone)]
pub struct Meta {
    pub title: String,
    pub author: String,
    pub language: &'static str,
    pub date: NaiveDate,
}

/// Writing failed inside the PDF writer (a bug, not a user error).
pub type WriteError = String;

/// A face as one letter uses it.
#[derive(Debug)]
struct LetterFont {
    /// The face slot: resource F1…F4.
    slot: usize,
    font: Arc<Embedded>,
    usage: Usage,
}

/// A letter typeset and compressed, waiting for its object numbers.
#[derive(Debug)]
pub struct Typeset {
    fonts: Vec<LetterFont>,
    /// Each page's content stream (dictionary and data).
    contents: Vec<Vec<u8>>,
    /// `[0 0 width height]`.
    media_box: Vec<u8>,
    image: Option<Arc<Image>>,
    pub meta: Meta,
}

/// Typesets laid-out pages: fonts subset, content streams and Unicode maps made.
pub fn typeset(
    pages: &[Page],
    g: &Geometry,
    fonts: &Fonts,
    image: Option<Arc<Image>>,
    meta: Meta,
) -> Result<Typeset, WriteError> {
    // The glyphs each face draws.
    let mut used: BTreeMap<usize, BTreeSet<u16>> = BTreeMap::new();
    for page in pages {
        for mark in &page.marks {
            if let Mark::Text { line, .. } = mark {
                for placed in &line.runs {
                    let run = &placed.run;
                    for glyphs in content::glyph_runs(fonts, run.style, run.size, &run.text) {
                        used.entry(glyphs.slot)
                            .or_default()
                            .extend(glyphs.glyphs.iter().map(|(gid, _)| *gid));
                    }
                }
            }
        }
    }
    let mut embedded = BTreeMap::new();
    for (slot, gids) in &used {
        embedded.insert(*slot, fonts.embedded(*slot, &fonts.canonical(*slot, gids))?);
    }
    let mut drawn = content::Drawn::new();
    let contents = pages
        .iter()
        .map(|page| {
            let content = content::page(page, g, fonts, &embedded, &mut drawn);
            let mut stream = Vec::with_capacity(content.len() / 2 + 64);
            match deflate(&content, Level::Text) {
                Some(compressed) => syntax::stream(&mut stream, b"<<", &compressed, true),
                None => syntax::stream(&mut stream, b"<<", &content, false),
            }
            stream
        })
        .collect();
    let no_chars = Vec::new();
    let fonts = embedded
        .into_iter()
        .map(|(slot, font)| {
            let chars = drawn.get(&slot).unwrap_or(&no_chars);
            let usage = font.usage(&format!("F{}", slot + 1), chars);
            LetterFont { slot, font, usage }
        })
        .collect();

    let mut media_box = Vec::new();
    media_box.push(b'[');
    for (i, value) in [0.0, 0.0, g.width, g.height].into_iter().enumerate() {
        if i > 0 {
            media_box.push(b' ');
        }
        syntax::real(&mut media_box, value);
    }
    media_box.push(b']');
    Ok(Typeset {
        fonts,
        contents,
        media_box,
        image,
        meta,
    })
}

impl Typeset {
    /// How many pages the letter has.
    pub fn pages(&self) -> usize {
        self.contents.len()
    }

    /// How many objects [`Typeset::write`] writes: four per font, the font and image
    /// dictionaries and the two empty ones printpdf names, three per page, the image.
    fn objects(&self) -> usize {
        4 * self.fonts.len()
            + 4
            + 3 * self.pages()
            + self
                .image
                .as_ref()
                .map_or(0, |image| image.objects() as usize)
    }

    /// Writes the letter's objects from number [`File::next_id`] on, each page under
    /// the page tree node in `parents` (one per page), and returns the pages' numbers.
    /// Objects come in printpdf's order: four per font (by resource name), the shared
    /// resource dictionaries, the pages, each page's resources and contents, then the
    /// signature image (its soft mask first).
    pub fn write(&self, file: &mut File, parents: &[u32]) -> Result<Vec<u32>, WriteError> {
        if parents.len() != self.pages() {
            return Err(format!(
                "{} page tree parents for {} pages",
                parents.len(),
                self.pages()
            ));
        }
        file.room(self.objects())?;
        // `room` keeps every number below within `u32`.
        let first = file.next_id();
        let page_count = self.pages() as u32;
        let font_dict = first + 4 * self.fonts.len() as u32;
        let xobjects = font_dict + 1;
        let first_page = font_dict + 4;
        let first_resources = first_page + page_count;
        let first_image = first_resources + 2 * page_count;

        for (k, font) in (0u32..).zip(&self.fonts) {
            font.font.write(file, first + 4 * k, &font.usage);
        }

        file.begin(font_dict);
        file.bytes.extend_from_slice(b"<<");
        for (k, font) in (0u32..).zip(&self.fonts) {
            file.bytes.extend_from_slice(b"/F");
            syntax::int(&mut file.bytes, font.slot as i64 + 1);
            file.bytes.push(b' ');
            syntax::reference(&mut file.bytes, first + 4 * k + 3);
        }
        file.bytes.extend_from_slice(b">>");
        file.end();
        file.begin(xobjects);
        file.bytes.extend_from_slice(b"<<");
        if let Some(image) = &self.image {
            file.bytes.extend_from_slice(b"/Im1 ");
            syntax::reference(&mut file.bytes, first_image + image.objects() - 1);
        }
        file.bytes.extend_from_slice(b">>");
        file.end();
        // No graphics states nor shadings, but printpdf names empty dictionaries for both.
        for id in [font_dict + 2, font_dict + 3] {
            file.begin(id);
            file.bytes.extend_from_slice(b"<<>>");
            file.end();
        }

        for (i, parent) in (0u32..).zip(parents) {
            file.begin(first_page + i);
            let out = &mut file.bytes;
            out.extend_from_slice(b"<</Type/Page");
            for key in [&b"/MediaBox"[..], b"/TrimBox", b"/CropBox"] {
                out.extend_from_slice(key);
                out.extend_from_slice(&self.media_box);
            }
            out.extend_from_slice(b"/Parent ");
            syntax::reference(out, *parent);
            out.extend_from_slice(b"/Resources ");
            syntax::reference(out, first_resources + 2 * i);
            out.extend_from_slice(b"/Contents ");
            syntax::reference(out, first_resources + 2 * i + 1);
            out.extend_from_slice(b"/Annots[]>>");
            file.end();
        }
        for (i, content) in (0u32..).zip(&self.contents) {
            file.begin(first_resources + 2 * i);
            let out = &mut file.bytes;
            out.extend_from_slice(b"<</Font ");
            syntax::reference(out, font_dict);
            out.extend_from_slice(b"/XObject ");
            syntax::reference(out, xobjects);
            out.extend_from_slice(b"/ExtGState ");
            syntax::reference(out, font_dict + 2);
            out.extend_from_slice(b"/Shading ");
            syntax::reference(out, font_dict + 3);
            out.extend_from_slice(b">>");
            file.end();
            file.begin(first_resources + 2 * i + 1);
            file.bytes.extend_from_slice(content);
            file.end_stream();
        }

        if let Some(image) = &self.image {
            image.write(file, first_image);
        }
        Ok((first_page..first_resources).collect())
    }
}
