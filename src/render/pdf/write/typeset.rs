//! A letter's PDF objects, in two steps. [`typeset`] does everything that does not
//! depend on where in a file the letter goes, and is the costly part: each face subset
//! to the glyphs the letter uses under a fixed resource name (F1–F4), the page content
//! streams and Unicode maps compressed, the structure tree's elements grouped. [`Typeset::write`] then numbers and writes the
//! objects (fonts, resources, pages, contents, the signature image as Im1) into a
//! [`File`], under page tree nodes the document gives it. Output depends only on the
//! letter and the numbers: the same letter gives the same bytes in any process, in any
//! order, on any thread.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::content;
use super::deflate::{deflate, Level};
use super::embed::{Embedded, Usage};
use super::image::Image;
use super::link::{self, Link};
use super::structure::{self, Tree};
use super::syntax::{self, File};
use super::tagging::{self, Tagging};
use super::WriteError;
use crate::render::pdf::fonts::{self, Fonts, GlyphSet};
use crate::render::pdf::layout::{Geometry, Mark, Page};

/// What the document says about itself.
#[derive(Debug, Clone)]
pub struct Meta {
    pub title: String,
    pub author: String,
    pub language: &'static str,
    pub date: NaiveDate,
    /// The signature image's alternative text, in the letter's language.
    pub alt: String,
    /// Tagged (PDF/UA-1) and archival (PDF/A-2b), or plain.
    pub tagged: bool,
    /// The letter's bookmark in a document of many: who signs, to whom.
    pub label: String,
}

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
    /// Each page's links (email and web addresses), in reading order.
    links: Vec<Vec<Link>>,
    /// `[0 0 width height]`.
    media_box: Vec<u8>,
    image: Option<Arc<Image>>,
    /// The structure tree's elements, when tagged.
    tree: Option<Tree>,
    /// A blank back of a sheet, no letter of its own.
    pub blank: bool,
    pub meta: Meta,
    /// What the reader should know about how the letter was laid out.
    pub warnings: Vec<String>,
}

/// Typesets laid-out pages: fonts subset, content streams and Unicode maps made.
pub fn typeset(
    pages: &[Page],
    g: &Geometry,
    fonts: &Fonts,
    image: Option<Arc<Image>>,
    meta: Meta,
) -> Result<Typeset, WriteError> {
    let mut embedded = BTreeMap::new();
    for (slot, gids) in used_glyphs(pages, fonts).iter().enumerate() {
        if !gids.is_empty() {
            embedded.insert(slot, fonts.embedded(slot, &fonts.canonical(slot, gids))?);
        }
    }
    let mut drawn = content::Drawn::new();
    let mut marked = Vec::with_capacity(pages.len());
    let mut links = Vec::with_capacity(pages.len());
    let contents = pages
        .iter()
        .map(|page| {
            let content = content::page(page, g, fonts, &embedded, &mut drawn, meta.tagged);
            marked.push(content.marked);
            links.push(content.links);
            content_stream(&content.stream)
        })
        .collect();
    let tree = meta.tagged.then(|| structure::tree(&marked));
    let no_chars = Vec::new();
    let fonts = embedded
        .into_iter()
        .map(|(slot, font)| {
            let chars = drawn.get(&slot).unwrap_or(&no_chars);
            let usage = font.usage(&format!("F{}", slot + 1), chars);
            LetterFont { slot, font, usage }
        })
        .collect();
    Ok(Typeset {
        fonts,
        contents,
        links,
        media_box: media_box(g),
        image,
        tree,
        blank: false,
        meta,
        warnings: Vec::new(),
    })
}

/// The glyphs each face draws on `pages`, by face slot.
fn used_glyphs(pages: &[Page], fonts: &Fonts) -> [GlyphSet; 4] {
    let mut used: [GlyphSet; 4] = Default::default();
    let lines = pages
        .iter()
        .flat_map(|page| &page.marks)
        .filter_map(|mark| match mark {
            Mark::Text { line, .. } => Some(line),
            _ => None,
        });
    for line in lines {
        for placed in &line.runs {
            let run = &placed.run;
            fonts::each_glyph(fonts, run.style, &run.text, |slot, gid| {
                used[slot.min(3)].insert(gid);
            });
        }
    }
    used
}

/// A page's operators as a stream (dictionary and data), compressed when that pays.
fn content_stream(content: &[u8]) -> Vec<u8> {
    let mut stream = Vec::with_capacity(content.len() / 2 + 64);
    match deflate(content, Level::Text) {
        Some(compressed) => syntax::stream(&mut stream, b"<<", &compressed, true),
        None => syntax::stream(&mut stream, b"<<", content, false),
    }
    stream
}

/// `[0 0 width height]` for the paper of `g`.
fn media_box(g: &Geometry) -> Vec<u8> {
    let mut media_box = Vec::new();
    media_box.push(b'[');
    for (i, value) in [0.0, 0.0, g.width, g.height].into_iter().enumerate() {
        if i > 0 {
            media_box.push(b' ');
        }
        syntax::real(&mut media_box, value);
    }
    media_box.push(b']');
    media_box
}

/// The numbers of a letter's objects, in printpdf's order: four per font (by resource
/// name), the font and image dictionaries and two empty ones, the pages, each page's
/// resources and contents, then the signature image (its soft mask first).
struct Numbers {
    /// The first font's program; each font takes four numbers from here.
    first: u32,
    font_dict: u32,
    xobjects: u32,
    /// The empty /ExtGState and /Shading dictionaries.
    empty: [u32; 2],
    first_page: u32,
    /// Page `i`'s resources are `first_resources + 2i`, its contents the number after.
    first_resources: u32,
    first_image: u32,
}

impl Numbers {
    /// Numbers from `first` on for `fonts` fonts and `pages` pages.
    fn new(first: u32, fonts: u32, pages: u32) -> Numbers {
        let font_dict = first + 4 * fonts;
        let first_page = font_dict + 4;
        let first_resources = first_page + pages;
        Numbers {
            first,
            font_dict,
            xobjects: font_dict + 1,
            empty: [font_dict + 2, font_dict + 3],
            first_page,
            first_resources,
            first_image: first_resources + 2 * pages,
        }
    }

    /// The Type0 font dictionary of font `k`.
    fn font(&self, k: u32) -> u32 {
        self.first + 4 * k + 3
    }
}

impl Typeset {
    /// A blank sheet of the letter's paper, to start the next letter on a new sheet
    /// when printing on both sides.
    pub fn blank_page(&self) -> Typeset {
        Typeset {
            fonts: Vec::new(),
            contents: vec![content_stream(b"")],
            links: vec![Vec::new()],
            media_box: self.media_box.clone(),
            image: None,
            // Nothing on it to tag.
            tree: None,
            blank: true,
            meta: self.meta.clone(),
            warnings: Vec::new(),
        }
    }

    /// How many pages the letter has.
    pub fn pages(&self) -> usize {
        self.contents.len()
    }

    /// How many link annotations the letter has.
    fn link_count(&self) -> usize {
        self.links.iter().map(Vec::len).sum()
    }

    /// How many objects [`Typeset::write`] writes: four per font, the font and image
    /// dictionaries and the two empty ones printpdf names, three per page, the image,
    /// one per link.
    fn objects(&self) -> usize {
        4 * self.fonts.len()
            + 4
            + 3 * self.pages()
            + self
                .image
                .as_ref()
                .map_or(0, |image| image.objects() as usize)
            + self.link_count()
    }

    /// Writes the letter's objects from number [`File::next_id`] on, each page under
    /// the page tree node in `parents` (one per page), and returns the pages' numbers.
    /// Objects come in printpdf's order: four per font (by resource name), the shared
    /// resource dictionaries, the pages, each page's resources and contents, then the
    /// signature image (its soft mask first), and the link annotations last.
    pub fn write(
        &self,
        file: &mut File,
        parents: &[u32],
        tagging: Option<&mut Tagging>,
    ) -> Result<Vec<u32>, WriteError> {
        if parents.len() != self.pages() {
            return Err(format!(
                "{} page tree parents for {} pages",
                parents.len(),
                self.pages()
            ));
        }
        file.room(self.objects())?;
        // `room` keeps every number below within `u32`.
        let n = Numbers::new(file.next_id(), self.fonts.len() as u32, self.pages() as u32);
        let first_link = n.first_image + self.image.as_ref().map_or(0, |image| image.objects());
        // Each page's first annotation's number.
        let mut page_links = Vec::with_capacity(self.pages());
        let mut next = first_link;
        for links in &self.links {
            page_links.push(next);
            next += links.len() as u32;
        }
        for (k, font) in (0u32..).zip(&self.fonts) {
            font.font.write(file, n.first + 4 * k, &font.usage);
        }
        self.write_shared_resources(file, &n);
        let key = match (&tagging, &self.tree) {
            (Some(tagging), Some(_)) => Some(tagging.next_key()),
            _ => None,
        };
        for (i, parent) in (0u32..).zip(parents) {
            let key = key.map(|key| key + i as usize);
            let annots = page_links[i as usize]
                ..page_links[i as usize] + self.links[i as usize].len() as u32;
            self.write_page(file, &n, i, *parent, key, annots);
        }
        for (i, content) in (0u32..).zip(&self.contents) {
            write_page_resources(file, &n, n.first_resources + 2 * i);
            file.begin(n.first_resources + 2 * i + 1);
            file.bytes.extend_from_slice(content);
            file.end_stream();
        }
        if let Some(image) = &self.image {
            image.write(file, n.first_image);
        }
        let pages: Vec<u32> = (n.first_page..n.first_resources).collect();
        let link_keys = key.map(|key| key + self.pages());
        let mut id = first_link;
        for (page, links) in pages.iter().zip(&self.links) {
            for link in links {
                let key = link_keys.map(|key| key + (id - first_link) as usize);
                link::write(file, id, link, *page, key);
                id += 1;
            }
        }
        if let (Some(tagging), Some(tree)) = (tagging, &self.tree) {
            let letter = tagging::Letter {
                language: self.meta.language,
                alt: &self.meta.alt,
            };
            let annotations: Vec<u32> = (first_link..id).collect();
            tagging.write(file, tree, &pages, &annotations, &letter)?;
        }
        Ok(pages)
    }

    /// The dictionaries every page's resources point to: the fonts by resource name,
    /// the image as Im1, and the empty graphics states and shadings printpdf names.
    fn write_shared_resources(&self, file: &mut File, n: &Numbers) {
        file.begin(n.font_dict);
        file.bytes.extend_from_slice(b"<<");
        for (k, font) in (0u32..).zip(&self.fonts) {
            file.bytes.extend_from_slice(b"/F");
            syntax::int(&mut file.bytes, font.slot as i64 + 1);
            file.bytes.push(b' ');
            syntax::reference(&mut file.bytes, n.font(k));
        }
        file.bytes.extend_from_slice(b">>");
        file.end();
        file.begin(n.xobjects);
        file.bytes.extend_from_slice(b"<<");
        if let Some(image) = &self.image {
            file.bytes.extend_from_slice(b"/Im1 ");
            syntax::reference(&mut file.bytes, n.first_image + image.objects() - 1);
        }
        file.bytes.extend_from_slice(b">>");
        file.end();
        // No graphics states nor shadings, but printpdf names empty dictionaries for both.
        for id in n.empty {
            file.begin(id);
            file.bytes.extend_from_slice(b"<<>>");
            file.end();
        }
    }

    /// Page `i`'s dictionary, under page tree node `parent`, its marked content found
    /// in the parent tree under `key` when tagged, its link annotations `annots`.
    fn write_page(
        &self,
        file: &mut File,
        n: &Numbers,
        i: u32,
        parent: u32,
        key: Option<usize>,
        annots: std::ops::Range<u32>,
    ) {
        file.begin(n.first_page + i);
        let out = &mut file.bytes;
        out.extend_from_slice(b"<</Type/Page");
        for key in [&b"/MediaBox"[..], b"/TrimBox", b"/CropBox"] {
            out.extend_from_slice(key);
            out.extend_from_slice(&self.media_box);
        }
        out.extend_from_slice(b"/Parent ");
        syntax::reference(out, parent);
        out.extend_from_slice(b"/Resources ");
        syntax::reference(out, n.first_resources + 2 * i);
        out.extend_from_slice(b"/Contents ");
        syntax::reference(out, n.first_resources + 2 * i + 1);
        if let Some(key) = key {
            out.extend_from_slice(b"/StructParents ");
            syntax::int(out, key as i64);
            out.extend_from_slice(b"/Tabs/S");
        }
        out.extend_from_slice(b"/Annots[");
        for (k, id) in annots.enumerate() {
            if k > 0 {
                out.push(b' ');
            }
            syntax::reference(out, id);
        }
        out.extend_from_slice(b"]>>");
        file.end();
    }
}

/// A page's resource dictionary, object `id`: the shared dictionaries.
fn write_page_resources(file: &mut File, n: &Numbers, id: u32) {
    file.begin(id);
    let out = &mut file.bytes;
    out.extend_from_slice(b"<</Font ");
    syntax::reference(out, n.font_dict);
    out.extend_from_slice(b"/XObject ");
    syntax::reference(out, n.xobjects);
    out.extend_from_slice(b"/ExtGState ");
    syntax::reference(out, n.empty[0]);
    out.extend_from_slice(b"/Shading ");
    syntax::reference(out, n.empty[1]);
    out.extend_from_slice(b">>");
    file.end();
}
