//! From laid-out pages to PDF bytes, reproducibly: each face subset to the glyphs the
//! letter uses under a fixed resource name (F1–F4), the signature image added as it is
//! (Im1), metadata from the letter (title, author, language, its date as creation
//! date), and a document /ID hashed from the content. The same letter gives the same
//! bytes in any process, in any order, on any thread.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use lopdf::{Object, StringFormat};
use sha2::{Digest, Sha256};

use super::content;
use super::deflate::{deflate, Level};
use super::fonts::Fonts;
use super::images::Image;
use super::layout::Geometry;
use super::page::{Mark, Page};
use super::syntax;

/// What the document says about itself.
pub struct Meta<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub language: &'a str,
    pub date: NaiveDate,
}

/// Writing failed inside the PDF library (a bug, not a user error).
pub type WriteError = String;

/// The trailer /ID written first and replaced by the content hash.
pub(super) const ID_PLACEHOLDER: [u8; 16] = [0; 16];

/// A PDF text string for lopdf (the combined PDF's title): literal ASCII, else
/// UTF-16BE with a byte-order mark.
pub(super) fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

fn pdf_date(out: &mut Vec<u8>, date: NaiveDate) {
    let text = format!(
        "D:{:04}{:02}{:02}000000Z",
        date.year(),
        date.month(),
        date.day()
    );
    syntax::literal(out, text.as_bytes());
}

/// Writes the pages as a PDF. Objects are numbered as printpdf numbered them: the page
/// tree, four objects per font (by resource name), the shared resource dictionaries,
/// the pages, each page's resources and contents, the catalog, /Info, then the
/// signature image (its soft mask first).
pub fn write(
    pages: &[Page],
    g: &Geometry,
    fonts: &Fonts,
    image: Option<&Image>,
    meta: &Meta<'_>,
) -> Result<Vec<u8>, WriteError> {
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
    let contents: Vec<Vec<u8>> = pages
        .iter()
        .map(|page| content::page(page, g, fonts, &embedded, &mut drawn))
        .collect();

    let count = |n: usize| u32::try_from(n).map_err(|_| "too many objects".to_string());
    let page_count = count(pages.len())?;
    let font_dict = 2 + 4 * count(embedded.len())?;
    let xobjects = font_dict + 1;
    let first_page = font_dict + 4;
    let first_resources = first_page + page_count;
    let catalog = first_resources + 2 * page_count;
    let info = catalog + 1;

    let mut file = syntax::File::new(40 * 1024);
    file.begin(1);
    file.bytes.extend_from_slice(b"<</Type/Pages/Count ");
    syntax::int(&mut file.bytes, i64::from(page_count));
    file.bytes.extend_from_slice(b"/Kids[");
    for i in 0..page_count {
        if i > 0 {
            file.bytes.push(b' ');
        }
        syntax::reference(&mut file.bytes, first_page + i);
    }
    file.bytes.extend_from_slice(b"]>>");
    file.end();

    let no_chars = Vec::new();
    for (k, (slot, font)) in (0u32..).zip(&embedded) {
        let chars = drawn.get(slot).unwrap_or(&no_chars);
        font.write(&mut file, 2 + 4 * k, &format!("F{}", slot + 1), chars);
    }

    file.begin(font_dict);
    file.bytes.extend_from_slice(b"<<");
    for (k, slot) in (0u32..).zip(embedded.keys()) {
        file.bytes.extend_from_slice(b"/F");
        syntax::int(&mut file.bytes, *slot as i64 + 1);
        file.bytes.push(b' ');
        syntax::reference(&mut file.bytes, 5 + 4 * k);
    }
    file.bytes.extend_from_slice(b">>");
    file.end();
    file.begin(xobjects);
    file.bytes.extend_from_slice(b"<<");
    if let Some(image) = image {
        file.bytes.extend_from_slice(b"/Im1 ");
        syntax::reference(&mut file.bytes, info + image.objects());
    }
    file.bytes.extend_from_slice(b">>");
    file.end();
    // No graphics states nor shadings, but printpdf names empty dictionaries for both.
    for id in [font_dict + 2, font_dict + 3] {
        file.begin(id);
        file.bytes.extend_from_slice(b"<<>>");
        file.end();
    }

    let mut media_box = Vec::new();
    media_box.push(b'[');
    for (i, value) in [0.0, 0.0, g.width, g.height].into_iter().enumerate() {
        if i > 0 {
            media_box.push(b' ');
        }
        syntax::real(&mut media_box, value);
    }
    media_box.push(b']');
    for i in 0..page_count {
        file.begin(first_page + i);
        let out = &mut file.bytes;
        out.extend_from_slice(b"<</Type/Page");
        for key in [&b"/MediaBox"[..], b"/TrimBox", b"/CropBox"] {
            out.extend_from_slice(key);
            out.extend_from_slice(&media_box);
        }
        out.extend_from_slice(b"/Parent 1 0 R/Resources ");
        syntax::reference(out, first_resources + 2 * i);
        out.extend_from_slice(b"/Contents ");
        syntax::reference(out, first_resources + 2 * i + 1);
        out.extend_from_slice(b"/Annots[]>>");
        file.end();
    }
    for (i, content) in (0u32..).zip(&contents) {
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
        match deflate(content, Level::Text) {
            Some(compressed) => syntax::stream(&mut file.bytes, b"<<", &compressed, true),
            None => syntax::stream(&mut file.bytes, b"<<", content, false),
        }
        file.end_stream();
    }

    file.begin(catalog);
    let out = &mut file.bytes;
    out.extend_from_slice(
        b"<</Type/Catalog/PageLayout/OneColumn/PageMode/UseNone/Pages 1 0 R/Lang",
    );
    syntax::literal(out, meta.language.as_bytes());
    out.extend_from_slice(b"/ViewerPreferences<</DisplayDocTitle true>>>>");
    file.end();

    file.begin(info);
    let out = &mut file.bytes;
    out.extend_from_slice(b"<</Title");
    syntax::text_string(out, meta.title);
    out.extend_from_slice(b"/Author");
    syntax::text_string(out, meta.author);
    out.extend_from_slice(b"/Creator");
    syntax::text_string(out, concat!("letters ", env!("CARGO_PKG_VERSION")));
    out.extend_from_slice(b"/Producer");
    syntax::text_string(out, "letters");
    out.extend_from_slice(b"/CreationDate");
    pdf_date(out, meta.date);
    out.extend_from_slice(b"/ModDate");
    pdf_date(out, meta.date);
    out.extend_from_slice(b">>");
    file.end();

    if let Some(image) = image {
        image.write(&mut file, info + 1);
    }

    let (mut bytes, id_at) = file.finish(catalog, info);
    let mut hex = Vec::with_capacity(32);
    for byte in content_id(&bytes) {
        syntax::hex_byte(&mut hex, byte);
    }
    // Both strings of the /ID array: `<…><…>`.
    for at in [id_at, id_at + 34] {
        bytes[at..at + 32].copy_from_slice(&hex);
    }
    Ok(bytes)
}

/// The document /ID of a file written with the placeholder /ID: the first 16 bytes of
/// its SHA-256 (hashed by the processor where it can: a letter's file is hashed whole).
fn content_id(bytes: &[u8]) -> [u8; 16] {
    let digest = Sha256::digest(bytes);
    let mut id = [0; 16];
    id.copy_from_slice(&digest[..16]);
    id
}

/// Replaces the placeholder /ID in the trailer with the hash of the document.
pub(super) fn set_id(bytes: &mut [u8]) -> Result<(), WriteError> {
    let digest = content_id(bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02X}")).collect();
    let zeros = "0".repeat(32);
    let start = find_last(bytes, b"trailer").ok_or("no trailer written")?;
    let mut replaced = 0;
    let mut i = start;
    while let Some(offset) = find(&bytes[i..], zeros.as_bytes()) {
        let at = i + offset;
        bytes[at..at + 32].copy_from_slice(hex.as_bytes());
        i = at + 32;
        replaced += 1;
    }
    if replaced == 2 {
        Ok(())
    } else {
        Err(format!(
            "expected the /ID placeholder twice, found it {replaced} times"
        ))
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
