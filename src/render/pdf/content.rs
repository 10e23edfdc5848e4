//! Page content streams: a page's marks as PDF operators, written straight to bytes in
//! the form printpdf gives them. Each line of text is one BT…ET section; glyphs of one
//! face, size and baseline on a line share one TJ array whose numbers move the pen to
//! each run's position (computed against the same /W widths a viewer uses, so the text
//! lands where it was laid out and is selected as one line), the glyphs between two
//! moves in one hex string.

use std::collections::BTreeMap;
use std::sync::Arc;

use printpdf::{CurTransMat, Pt, XObjectTransform};

use super::embed::Embedded;
use super::fonts::{Fonts, Style};
use super::layout::Geometry;
use super::page::{Color, Mark, Page};
use super::syntax;

/// A run of glyphs from one face.
pub struct GlyphRun {
    pub slot: usize,
    pub x: f32,
    pub glyphs: Vec<(u16, char)>,
}

/// Splits text into runs by the face that draws each character; white space no face
/// has is drawn as a space.
pub fn glyph_runs(fonts: &Fonts, style: Style, size: f32, text: &str) -> Vec<GlyphRun> {
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

/// The characters each face's subset glyphs drew, by face slot and subset glyph id
/// (the last one drawn wins, as in printpdf's ToUnicode maps).
pub type Drawn = BTreeMap<usize, Vec<Option<char>>>;

/// A TJ array being built: glyphs on one baseline in one face and size.
struct TextRun {
    x: f32,
    y: f32,
    /// Where the viewer's pen is, in thousandths of an em from `x`.
    pen: f64,
    array: Vec<u8>,
    empty: bool,
    /// Whether the array ends in a string still open for more glyphs.
    open: bool,
}

/// Writes operators, one a line.
struct Writer<'a> {
    out: Vec<u8>,
    first: bool,
    run: Option<TextRun>,
    embedded: &'a BTreeMap<usize, Arc<Embedded>>,
}

impl Writer<'_> {
    /// Starts an operator (operands follow, then its name).
    fn op(&mut self) -> &mut Vec<u8> {
        if self.first {
            self.first = false;
        } else {
            self.out.push(b'\n');
        }
        &mut self.out
    }

    /// Operands, each followed by a space, then the operator.
    fn reals(&mut self, operands: &[f32], operator: &[u8]) {
        let out = self.op();
        for value in operands {
            syntax::real(out, *value);
            out.push(b' ');
        }
        out.extend_from_slice(operator);
    }

    fn color(&mut self, color: Color, operator: &[u8]) {
        self.reals(&[color.0, color.1, color.2], operator);
    }

    /// Writes the open TJ array, if any.
    fn flush(&mut self) {
        if let Some(run) = self.run.take() {
            self.reals(&[1.0, 0.0, 0.0, 1.0, run.x, run.y], b"Tm");
            let out = self.op();
            out.push(b'[');
            out.extend_from_slice(&run.array);
            if run.open {
                out.push(b'>');
            }
            out.extend_from_slice(b"] TJ");
        }
    }

    /// Shows `glyphs` of `font` at (`x`, `y`): on the open array when it is on the
    /// same baseline (the font and size are the same: a change of either flushed it).
    fn show(&mut self, font: &Embedded, size: f32, x: f32, y: f32, glyphs: &[u16]) {
        let run = match &mut self.run {
            Some(run) if run.y == y => {
                let dx = (f64::from(x) - f64::from(run.x)) * 1000.0 / f64::from(size);
                let kern = (run.pen - dx) as f32;
                if kern != 0.0 {
                    if run.open {
                        run.array.push(b'>');
                        run.open = false;
                    }
                    if !run.empty {
                        run.array.push(b' ');
                    }
                    syntax::real(&mut run.array, kern);
                    run.empty = false;
                    run.pen -= f64::from(kern);
                }
                run
            }
            _ => {
                self.flush();
                self.run.insert(TextRun {
                    x,
                    y,
                    pen: 0.0,
                    array: Vec::with_capacity(8 * glyphs.len() + 16),
                    empty: true,
                    open: false,
                })
            }
        };
        // Glyphs between two pen moves go in one string: `<00050014…>`.
        if !glyphs.is_empty() && !run.open {
            run.array.push(b'<');
            run.open = true;
            run.empty = false;
        }
        for gid in glyphs {
            let [high, low] = font.code(*gid).to_be_bytes();
            syntax::hex_byte(&mut run.array, high);
            syntax::hex_byte(&mut run.array, low);
            run.pen += font.width(*gid) as f64;
        }
    }
}

/// The content stream of `page`; records in `drawn` which character each glyph drew.
pub fn page(
    page: &Page,
    g: &Geometry,
    fonts: &Fonts,
    embedded: &BTreeMap<usize, Arc<Embedded>>,
    drawn: &mut Drawn,
) -> Vec<u8> {
    let height = g.height;
    let mut w = Writer {
        out: Vec::with_capacity(16 * 1024),
        first: true,
        run: None,
        embedded,
    };
    let mut glyphs: Vec<u16> = Vec::new();
    for mark in &page.marks {
        match mark {
            Mark::Text {
                x,
                baseline,
                line,
                color,
            } => {
                w.flush();
                w.op().extend_from_slice(b"BT");
                w.color(*color, b"rg");
                let mut current: Option<(usize, f32)> = None;
                for placed in &line.runs {
                    let run = &placed.run;
                    for glyph_run in glyph_runs(fonts, run.style, run.size, &run.text) {
                        let Some(font) = w.embedded.get(&glyph_run.slot) else {
                            continue;
                        };
                        if current != Some((glyph_run.slot, run.size)) {
                            w.flush();
                            let out = w.op();
                            out.extend_from_slice(b"/F");
                            syntax::int(out, glyph_run.slot as i64 + 1);
                            out.push(b' ');
                            syntax::real(out, run.size);
                            out.extend_from_slice(b" Tf");
                            current = Some((glyph_run.slot, run.size));
                        }
                        let chars = drawn
                            .entry(glyph_run.slot)
                            .or_insert_with(|| vec![None; font.glyph_count()]);
                        glyphs.clear();
                        for (gid, c) in &glyph_run.glyphs {
                            let subset_gid = font.glyph(*gid);
                            glyphs.push(subset_gid);
                            if let Some(slot) = chars.get_mut(usize::from(subset_gid)) {
                                *slot = Some(*c);
                            }
                        }
                        w.show(
                            font,
                            run.size,
                            x + placed.x + glyph_run.x,
                            height - baseline + run.rise,
                            &glyphs,
                        );
                    }
                }
                w.flush();
                w.op().extend_from_slice(b"ET");
            }
            Mark::Rule {
                x1,
                x2,
                y,
                width,
                color,
            } => {
                w.flush();
                w.color(*color, b"RG");
                w.reals(&[*width], b"w");
                w.reals(&[*x1, height - y], b"m");
                w.reals(&[*x2, height - y], b"l");
                w.op().push(b'S');
            }
            Mark::Image {
                x,
                top,
                width,
                height: image_height,
            } => {
                w.flush();
                let transform = XObjectTransform {
                    translate_x: Some(Pt(*x)),
                    translate_y: Some(Pt(height - top - image_height)),
                    scale_x: Some(*width),
                    scale_y: Some(*image_height),
                    no_auto_scale: true,
                    ..Default::default()
                };
                let matrix = transform
                    .get_ctms(None)
                    .iter()
                    .fold(CurTransMat::Identity.as_array(), |m, q| {
                        CurTransMat::combine_matrix(m, q.as_array())
                    });
                w.op().push(b'q');
                w.reals(&matrix, b"cm");
                w.op().extend_from_slice(b"/Im1 Do");
                w.op().push(b'Q');
            }
        }
    }
    w.flush();
    w.out
}
