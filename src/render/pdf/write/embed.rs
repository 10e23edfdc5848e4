//! Embedded fonts: a face subset as the four PDF objects that carry it (the font
//! program, its descriptor, a Type0 font with its /W widths and a ToUnicode map), in
//! the form printpdf gives them. What depends only on the face and the glyph set (the
//! compressed program, the descriptor, the glyph numbering and widths) is made once
//! per run (see `Fonts::embedded`); the widths and Unicode map list only the glyphs a
//! letter draws, so those two are made per letter ([`Usage`]).

use std::collections::BTreeMap;

use printpdf::font::PdfFontMetricsStub;
use printpdf::ParsedFont;

use super::deflate::{deflate, Level};
use super::syntax::{self, File};
use super::to_unicode::to_unicode;
use crate::render::pdf::fonts::{thousandths, Subset};

/// The default width (/DW) of a glyph missing from /W.
const DEFAULT_WIDTH: i64 = 1000;

/// The part of a font's objects that depends on the letter: the ToUnicode stream (its
/// dictionary and data) and the /W array.
#[derive(Debug)]
pub struct Usage {
    to_unicode: Vec<u8>,
    widths: Vec<u8>,
}

/// A subset face, ready to be written into any number of letters.
#[derive(Debug)]
pub struct Embedded {
    /// /BaseFont and /FontName: the subset tag and the PostScript name.
    name: Vec<u8>,
    /// The subset's glyph id by glyph id of the face (0, .notdef, for glyphs it lacks).
    map: Vec<u16>,
    /// How many glyphs the subset has.
    glyph_count: usize,
    /// The font program stream (dictionary and data): it refers to no other object,
    /// so it is the same bytes in every letter.
    program: Vec<u8>,
    /// The FontDescriptor up to the reference to the program, e.g. `…/FontFile2 `.
    descriptor: Vec<u8>,
    /// The descendant font's subtype: CIDFontType2 (TrueType outlines) or CIDFontType0.
    subtype: &'static str,
    /// Advance widths by subset glyph id, in thousandths of an em.
    widths: Vec<i64>,
    /// Identity-H codes of the subset glyphs where they are not the glyph ids (a
    /// CID-keyed CFF font, whose charset gives each glyph its CID).
    codes: Option<BTreeMap<u16, u16>>,
}

impl Embedded {
    /// The objects for `subset`, as printpdf would write them for that font.
    pub fn new(subset: &Subset) -> Result<Embedded, String> {
        let font = &subset.font;
        if font.original_bytes.is_empty() {
            return Err("the subset font has no program".to_string());
        }
        let name = font.font_name.clone().unwrap_or_default().into_bytes();
        let program = Program::new(font);
        let descriptor = descriptor(font, &name, program.file_key);
        Ok(Embedded {
            name,
            map: dense(&subset.map),
            glyph_count: subset.map.len(),
            program: program.stream,
            descriptor,
            subtype: program.subtype,
            widths: advance_widths(font, subset.map.len()),
            codes: program.codes,
        })
    }

    /// The subset glyph that draws glyph `gid` of the face (.notdef if none).
    pub fn glyph(&self, gid: u16) -> u16 {
        self.map.get(usize::from(gid)).copied().unwrap_or(0)
    }

    /// How many glyphs the subset has.
    pub fn glyph_count(&self) -> usize {
        self.glyph_count
    }

    /// The Identity-H code that shows subset glyph `gid`.
    pub fn code(&self, gid: u16) -> u16 {
        match &self.codes {
            Some(codes) => codes.get(&gid).copied().unwrap_or(gid),
            None => gid,
        }
    }

    /// The advance of subset glyph `gid`, in thousandths of an em (as in /W).
    pub fn width(&self, gid: u16) -> i64 {
        self.widths.get(usize::from(gid)).copied().unwrap_or(0)
    }

    /// What one letter adds to the font: its ToUnicode map (a compressed stream body,
    /// for resource `resource`, F1…F4) and its /W widths, from `drawn`, which gives by
    /// subset glyph id the character each glyph drew last (what text extraction yields).
    /// Neither refers to another object, so they are made wherever the letter is typeset.
    pub fn usage(&self, resource: &str, drawn: &[Option<char>]) -> Usage {
        // Drawn glyphs by code: ascending glyph ids, then (stably) by code.
        let mut coded: Vec<(u16, u16, char)> = drawn
            .iter()
            .enumerate()
            .filter_map(|(gid, c)| {
                let gid = u16::try_from(gid).ok()?;
                Some((self.code(gid), gid, (*c)?))
            })
            .collect();
        if self.codes.is_some() {
            coded.sort_by_key(|(code, _, _)| *code);
        }
        let map = to_unicode(resource, &coded);
        let mut to_unicode = Vec::with_capacity(map.len() / 2 + 64);
        match deflate(&map, Level::Text) {
            Some(compressed) => syntax::stream(&mut to_unicode, b"<<", &compressed, true),
            None => syntax::stream(&mut to_unicode, b"<<", &map, false),
        }
        let mut widths = Vec::with_capacity(8 * coded.len() + 16);
        self.write_widths(&mut widths, &coded);
        Usage { to_unicode, widths }
    }

    /// Writes the font's four objects as `first`…`first + 3` (program, ToUnicode,
    /// descriptor, font), with what one letter drew (`usage`).
    pub fn write(&self, file: &mut File, first: u32, usage: &Usage) {
        file.begin(first);
        file.bytes.extend_from_slice(&self.program);
        file.end_stream();

        file.begin(first + 1);
        file.bytes.extend_from_slice(&usage.to_unicode);
        file.end_stream();

        file.begin(first + 2);
        file.bytes.extend_from_slice(&self.descriptor);
        syntax::reference(&mut file.bytes, first);
        file.bytes.extend_from_slice(b">>");
        file.end();

        file.begin(first + 3);
        let out = &mut file.bytes;
        out.extend_from_slice(b"<</Type/Font/Subtype/Type0/BaseFont");
        syntax::name(out, &self.name);
        out.extend_from_slice(b"/Encoding/Identity-H/ToUnicode ");
        syntax::reference(out, first + 1);
        out.extend_from_slice(b"/DescendantFonts[<</Type/Font/BaseFont");
        syntax::name(out, &self.name);
        out.extend_from_slice(b"/Subtype/");
        out.extend_from_slice(self.subtype.as_bytes());
        out.extend_from_slice(
            b"/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/W",
        );
        out.extend_from_slice(&usage.widths);
        out.extend_from_slice(b"/DW ");
        syntax::int(out, DEFAULT_WIDTH);
        out.extend_from_slice(b"/FontDescriptor ");
        syntax::reference(out, first + 2);
        if self.subtype == "CIDFontType2" {
            out.extend_from_slice(b"/CIDToGIDMap/Identity");
        }
        out.extend_from_slice(b">>]>>");
        file.end();
    }

    /// The /W array: runs of consecutive codes, each as `first [w w …]`.
    fn write_widths(&self, out: &mut Vec<u8>, coded: &[(u16, u16, char)]) {
        out.push(b'[');
        let mut previous: Option<u16> = None;
        for (code, gid, _) in coded {
            match previous {
                Some(p) if u32::from(*code) == u32::from(p) + 1 => out.push(b' '),
                Some(_) => {
                    out.extend_from_slice(b"] ");
                    syntax::int(out, i64::from(*code));
                    out.push(b'[');
                }
                None => {
                    syntax::int(out, i64::from(*code));
                    out.push(b'[');
                }
            }
            syntax::int(out, self.width(*gid));
            previous = Some(*code);
        }
        if previous.is_some() {
            out.push(b']');
        }
        out.push(b']');
    }
}

/// A subset's font program as it is embedded.
struct Program {
    /// The descendant font's subtype.
    subtype: &'static str,
    /// The descriptor's key for the program: FontFile2 or FontFile3.
    file_key: &'static str,
    /// The program stream (dictionary and data).
    stream: Vec<u8>,
    /// Identity-H codes, for a CID-keyed CFF font.
    codes: Option<BTreeMap<u16, u16>>,
}

impl Program {
    /// The program's own format decides how it is embedded (printpdf's rules): a
    /// CID-keyed CFF as its bare CFF table, other CFF fonts as OpenType, TrueType
    /// outlines as FontFile2 with the program's length in /Length1.
    fn new(font: &ParsedFont) -> Program {
        let program = &font.original_bytes;
        let is_cff = program.starts_with(b"OTTO");
        let bare_cff = is_cff
            .then(|| printpdf::font::extract_cid_keyed_cff(program, 0))
            .flatten();
        let codes = is_cff
            .then(|| printpdf::font::cff_charset_gid_to_cid_map(program, 0))
            .flatten();
        let mut head = b"<<".to_vec();
        let (subtype, file_key, data) = if let Some(table) = bare_cff {
            head.extend_from_slice(b"/Subtype/CIDFontType0C");
            ("CIDFontType0", "FontFile3", table)
        } else if is_cff {
            head.extend_from_slice(b"/Subtype/OpenType");
            ("CIDFontType0", "FontFile3", program.clone())
        } else {
            head.extend_from_slice(b"/Length1 ");
            syntax::int(&mut head, program.len() as i64);
            ("CIDFontType2", "FontFile2", program.clone())
        };
        let mut stream = Vec::with_capacity(data.len() / 2 + 64);
        match deflate(&data, Level::Font) {
            Some(compressed) => syntax::stream(&mut stream, &head, &compressed, true),
            None => syntax::stream(&mut stream, &head, &data, false),
        }
        Program {
            subtype,
            file_key,
            stream,
            codes,
        }
    }
}

/// The FontDescriptor of `font` up to the reference to its program (under
/// `file_key`), metrics in thousandths of an em (printpdf #271).
fn descriptor(font: &ParsedFont, name: &[u8], file_key: &str) -> Vec<u8> {
    let metrics = &font.pdf_font_metrics;
    let upm = metrics.units_per_em;
    let scale = if upm == 0 {
        1.0
    } else {
        1000.0 / f32::from(upm)
    };
    let scaled = |v: i64| (v as f32 * scale).round() as i64;
    let ascent = scaled(i64::from(font.font_metrics.ascent));
    let descent = scaled(i64::from(font.font_metrics.descent));
    let italic_angle = italic_angle(metrics);
    let flags = (1 << 5) | if italic_angle != 0 { 1 << 6 } else { 0 };
    let stem_v = if metrics.us_weight_class == 0 {
        80
    } else {
        50 + (f32::from(metrics.us_weight_class) / 65.0).powi(2).round() as i64
    };
    let mut descriptor = b"<</Type/FontDescriptor/FontName".to_vec();
    syntax::name(&mut descriptor, name);
    for (key, value) in [
        ("/Ascent ", ascent),
        ("/Descent ", descent),
        // No OS/2 cap height without printpdf's text layout: the ascent stands in.
        ("/CapHeight ", ascent),
        ("/ItalicAngle ", italic_angle),
        ("/Flags ", flags),
        ("/StemV ", stem_v),
    ] {
        descriptor.extend_from_slice(key.as_bytes());
        syntax::int(&mut descriptor, value);
    }
    descriptor.extend_from_slice(b"/FontBBox[");
    for (i, v) in [metrics.x_min, metrics.y_min, metrics.x_max, metrics.y_max]
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            descriptor.push(b' ');
        }
        syntax::int(&mut descriptor, scaled(i64::from(v)));
    }
    descriptor.extend_from_slice(b"]/");
    descriptor.extend_from_slice(file_key.as_bytes());
    descriptor.push(b' ');
    descriptor
}

/// The italic angle in whole degrees, from the caret slope (0 for an upright face).
fn italic_angle(metrics: &PdfFontMetricsStub) -> i64 {
    if metrics.caret_slope_rise == 0 {
        0
    } else {
        (-f32::from(metrics.caret_slope_run)
            .atan2(f32::from(metrics.caret_slope_rise))
            .to_degrees())
        .round() as i64
    }
}

/// The advance widths of the first `glyphs` glyphs of `font`, in thousandths of an em.
fn advance_widths(font: &ParsedFont, glyphs: usize) -> Vec<i64> {
    let per_em = f32::from(font.pdf_font_metrics.units_per_em);
    (0..glyphs)
        .map(|gid| {
            u16::try_from(gid)
                .ok()
                .and_then(|gid| font.get_glyph_width(gid))
                .map_or(0, |w| i64::from(thousandths(w, per_em)))
        })
        .collect()
}

/// `map` as a table indexed by its keys.
fn dense(map: &BTreeMap<u16, u16>) -> Vec<u16> {
    let size = map.keys().next_back().map_or(0, |k| usize::from(*k) + 1);
    let mut table = vec![0; size];
    for (old, new) in map {
        table[usize::from(*old)] = *new;
    }
    table
}
