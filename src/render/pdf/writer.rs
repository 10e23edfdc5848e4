//! From laid-out pages to PDF bytes, reproducibly: each face subset to the glyphs the
//! letter uses under a fixed resource name (F1–F4), the signature image added as it is
//! (Im1), metadata from the letter (title, author, language, its date as creation
//! date), and a document /ID hashed from the content. The same letter gives the same
//! bytes in any process, in any order, on any thread.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use lopdf::{Dictionary, Object, StringFormat};
use md5::{Digest, Md5};
use printpdf::{
    Codepoint, Color as PdfColor, FontId, Line as PdfLine, LinePoint, Op, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem, TextMatrix, XObjectId,
    XObjectTransform,
};

use super::fonts::{Fonts, Subset};
use super::images::Image;
use super::layout::Geometry;
use super::page::{Color, Mark, Page};

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

/// A run of glyphs from one face.
struct GlyphRun {
    slot: usize,
    x: f32,
    glyphs: Vec<(u16, char)>,
}

/// Splits text into runs by the face that draws each character.
fn glyph_runs(fonts: &Fonts, style: super::fonts::Style, size: f32, text: &str) -> Vec<GlyphRun> {
    let mut runs: Vec<GlyphRun> = Vec::new();
    let mut x = 0.0;
    for c in text.chars() {
        let found = fonts.resolve(style, c).or_else(|| {
            c.is_whitespace()
                .then(|| fonts.resolve(style, ' '))
                .flatten()
        });
        let Some((slot, gid)) = found else {
            continue;
        };
        match runs.last_mut() {
            Some(run) if run.slot == slot => run.glyphs.push((gid, c)),
            _ => runs.push(GlyphRun {
                slot,
                x,
                glyphs: vec![(gid, c)],
            }),
        }
        x += fonts.face(slot).advance(gid) * size;
    }
    runs
}

fn rgb(color: Color) -> PdfColor {
    PdfColor::Rgb(Rgb {
        r: color.0,
        g: color.1,
        b: color.2,
        icc_profile: None,
    })
}

fn font_id(slot: usize) -> FontId {
    FontId(format!("F{}", slot + 1))
}

/// A PDF text string: literal ASCII, else UTF-16BE with a byte-order mark.
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

fn page_ops(
    page: &Page,
    g: &Geometry,
    fonts: &Fonts,
    subsets: &BTreeMap<usize, Arc<Subset>>,
) -> Vec<Op> {
    let height = g.height;
    let mut ops = Vec::new();
    for mark in &page.marks {
        match mark {
            Mark::Text {
                x,
                baseline,
                line,
                color,
            } => {
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFillColor { col: rgb(*color) });
                let mut current: Option<(usize, f32)> = None;
                for placed in &line.runs {
                    let run = &placed.run;
                    for glyphs in glyph_runs(fonts, run.style, run.size, &run.text) {
                        let Some(subset) = subsets.get(&glyphs.slot) else {
                            continue;
                        };
                        if current != Some((glyphs.slot, run.size)) {
                            ops.push(Op::SetFont {
                                font: PdfFontHandle::External(font_id(glyphs.slot)),
                                size: Pt(run.size),
                            });
                            current = Some((glyphs.slot, run.size));
                        }
                        ops.push(Op::SetTextMatrix {
                            matrix: TextMatrix::Translate(
                                Pt(x + placed.x + glyphs.x),
                                Pt(height - baseline + run.rise),
                            ),
                        });
                        let codepoints = glyphs
                            .glyphs
                            .iter()
                            .map(|(gid, c)| Codepoint {
                                gid: subset.map.get(gid).copied().unwrap_or(0),
                                offset: 0.0,
                                cid: Some(c.to_string()),
                            })
                            .collect();
                        ops.push(Op::ShowText {
                            items: vec![TextItem::GlyphIds(codepoints)],
                        });
                    }
                }
                ops.push(Op::EndTextSection);
            }
            Mark::Rule {
                x1,
                x2,
                y,
                width,
                color,
            } => {
                ops.push(Op::SetOutlineColor { col: rgb(*color) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                let point = |x: f32| LinePoint {
                    p: Point {
                        x: Pt(x),
                        y: Pt(height - y),
                    },
                    bezier: false,
                };
                ops.push(Op::DrawLine {
                    line: PdfLine {
                        points: vec![point(*x1), point(*x2)],
                        is_closed: false,
                    },
                });
            }
            Mark::Image {
                x,
                top,
                width,
                height: image_height,
            } => {
                ops.push(Op::UseXobject {
                    id: XObjectId("Im1".to_string()),
                    transform: XObjectTransform {
                        translate_x: Some(Pt(*x)),
                        translate_y: Some(Pt(height - top - image_height)),
                        scale_x: Some(*width),
                        scale_y: Some(*image_height),
                        no_auto_scale: true,
                        ..Default::default()
                    },
                });
            }
        }
    }
    ops
}

fn pdf_date(date: NaiveDate) -> Object {
    let text = format!(
        "D:{:04}{:02}{:02}000000Z",
        date.year(),
        date.month(),
        date.day()
    );
    Object::String(text.into_bytes(), StringFormat::Literal)
}

/// Writes the pages as a PDF.
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
                    for glyphs in glyph_runs(fonts, run.style, run.size, &run.text) {
                        used.entry(glyphs.slot)
                            .or_default()
                            .extend(glyphs.glyphs.iter().map(|(gid, _)| *gid));
                    }
                }
            }
        }
    }
    let mut subsets = BTreeMap::new();
    for (slot, gids) in &used {
        subsets.insert(*slot, fonts.subset(*slot, &fonts.canonical(*slot, gids))?);
    }

    let mut doc = PdfDocument::new(meta.title);
    for (slot, subset) in &subsets {
        doc.resources
            .fonts
            .map
            .insert(font_id(*slot), PdfFont::new(subset.font.clone()));
    }
    let size = Rect::from_wh(Pt(g.width), Pt(g.height));
    doc.pages = pages
        .iter()
        .map(|page| PdfPage {
            media_box: size.clone(),
            trim_box: size.clone(),
            crop_box: size.clone(),
            ops: page_ops(page, g, fonts, &subsets),
        })
        .collect();

    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut pdf = doc.to_lopdf_document(&options, &mut warnings);
    pdf.version = "1.7".to_string();

    if let Some(image) = image {
        let stream = image.to_stream(&mut pdf);
        let image_id = pdf.add_object(stream);
        let xobjects = pdf
            .get_pages()
            .values()
            .next()
            .and_then(|page| pdf.get_dictionary(*page).ok())
            .and_then(|page| page.get(b"Resources").ok())
            .and_then(|r| r.as_reference().ok())
            .and_then(|r| pdf.get_dictionary(r).ok())
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| x.as_reference().ok())
            .ok_or("the page has no XObject resources")?;
        pdf.get_dictionary_mut(xobjects)
            .map_err(|e| e.to_string())?
            .set("Im1", Object::Reference(image_id));
    }

    let mut info = Dictionary::new();
    info.set("Title", text_string(meta.title));
    info.set("Author", text_string(meta.author));
    info.set(
        "Creator",
        text_string(concat!("letters ", env!("CARGO_PKG_VERSION"))),
    );
    info.set("Producer", text_string("letters (printpdf)"));
    info.set("CreationDate", pdf_date(meta.date));
    info.set("ModDate", pdf_date(meta.date));
    let info_id = pdf
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;
    *pdf.get_object_mut(info_id).map_err(|e| e.to_string())? = Object::Dictionary(info);

    let root = pdf
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;
    let catalog = pdf.get_dictionary_mut(root).map_err(|e| e.to_string())?;
    catalog.set(
        "Lang",
        Object::String(meta.language.as_bytes().to_vec(), StringFormat::Literal),
    );
    let mut preferences = Dictionary::new();
    preferences.set("DisplayDocTitle", true);
    catalog.set("ViewerPreferences", preferences);

    let placeholder = Object::String(ID_PLACEHOLDER.to_vec(), StringFormat::Hexadecimal);
    pdf.trailer
        .set("ID", Object::Array(vec![placeholder.clone(), placeholder]));
    compress_streams(&mut pdf, fonts);
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).map_err(|e| e.to_string())?;
    set_id(&mut bytes)?;
    Ok(bytes)
}

/// Flate level for the streams made anew for each letter (page contents, Unicode
/// maps, images' masks): lopdf's own `compress` uses the best (9), which made these
/// streams most of the time a letter took, for a few hundred bytes.
const LETTER_STREAM_LEVEL: u32 = 6;

/// Flate level for font programs, made once per glyph set (and cached) for the regular
/// face, but per letter for a face whose glyphs vary (a bold signer name).
const FONT_LEVEL: u32 = 6;

/// Compresses every stream not yet compressed, under lopdf's rule (only when that saves
/// more than 19 bytes). Font programs (the streams with /Length1) get the best level,
/// once per run for each distinct program (see `Fonts::compressed_program`); the rest
/// [`LETTER_STREAM_LEVEL`]. A pure function of each stream's bytes, so the output does
/// not depend on the cache.
fn compress_streams(pdf: &mut lopdf::Document, fonts: &Fonts) {
    for object in pdf.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.has(b"Filter") {
            continue;
        }
        let compressed = if stream.dict.has(b"Length1") {
            fonts.compressed_program(&stream.content, || deflate(&stream.content, FONT_LEVEL))
        } else {
            deflate(&stream.content, LETTER_STREAM_LEVEL).map(Arc::new)
        };
        if let Some(compressed) = compressed {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed.to_vec());
        }
    }
}

/// `bytes` zlib-compressed at `level`, if that saves more than 19 bytes (lopdf's rule).
fn deflate(bytes: &[u8], level: u32) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
    encoder.write_all(bytes).ok()?;
    let compressed = encoder.finish().ok()?;
    (compressed.len() + 19 < bytes.len()).then_some(compressed)
}

/// Replaces the placeholder /ID in the trailer with the MD5 of the document.
pub(super) fn set_id(bytes: &mut [u8]) -> Result<(), WriteError> {
    let digest = Md5::digest(&*bytes);
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
