//! Page content streams: a page's marks as PDF operators, written straight to bytes in
//! the form printpdf gives them. Each line of text is one BT…ET section; glyphs of one
//! face, size and baseline on a line share one TJ array whose numbers move the pen to
//! where shaping put each glyph (computed against the same /W widths a viewer uses, so
//! the text lands where it was laid out, kerned, and is selected as one line), the
//! glyphs between two moves in one hex string.
//!
//! When the document is tagged, every line of text (a list entry's marker apart) and
//! the signature image is a marked-content sequence with its own MCID, recorded for the
//! structure tree; rules, fold marks and page furniture are marked as artifacts. Each
//! email or web address in a line is a sequence of its own, marked `Link`, and, tagged
//! or not, the box over its glyphs is recorded for its annotation (`link`). A footnote's
//! raised number in the text is a sequence of its own, marked `Reference`, the number
//! before a footnote's text one marked `Lbl`, and words in another language than their
//! line's (a source's title) one marked `Span`, with their language.

use std::collections::BTreeMap;
use std::sync::Arc;

use printpdf::{CurTransMat, Pt, XObjectTransform};

use super::embed::Embedded;
use super::link::{self, Link};
use super::structure::{Marked, Part};
use super::syntax;
use crate::model::Language;
use crate::render::pdf::fonts::{self, Fonts, GlyphRun};
use crate::render::pdf::layout::{Color, Geometry, Line, Mark, Page, Role, Tag};

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

impl TextRun {
    /// An empty array for glyphs on baseline `y` from `x` on, with room for `glyphs`.
    fn new(x: f32, y: f32, glyphs: usize) -> TextRun {
        TextRun {
            x,
            y,
            pen: 0.0,
            array: Vec::with_capacity(8 * glyphs + 16),
            empty: true,
            open: false,
        }
    }

    /// Moves the pen to `x` (text of `size`): a number in the array, when it is not
    /// already there (to a hundredth of a thousandth of an em).
    fn move_to(&mut self, x: f64, size: f32) {
        let dx = (x - f64::from(self.x)) * 1000.0 / f64::from(size);
        // Below half a hundredth it rounds to no move (most glyphs: no kern before them).
        if (self.pen - dx).abs() < 0.004 {
            return;
        }
        let kern = ((self.pen - dx) * 100.0).round() / 100.0;
        if kern == 0.0 {
            return;
        }
        let kern = kern as f32;
        if self.open {
            self.array.push(b'>');
            self.open = false;
        }
        if !self.empty {
            self.array.push(b' ');
        }
        syntax::real(&mut self.array, kern);
        self.empty = false;
        self.pen -= f64::from(kern);
    }

    /// Adds subset glyph `gid` of `font`. Glyphs between two pen moves go in one
    /// string: `<00050014…>`.
    fn push(&mut self, font: &Embedded, gid: u16) {
        if !self.open {
            self.array.push(b'<');
            self.open = true;
            self.empty = false;
        }
        let [high, low] = font.code(gid).to_be_bytes();
        syntax::hex_byte(&mut self.array, high);
        syntax::hex_byte(&mut self.array, low);
        self.pen += font.width(gid) as f64;
    }
}

/// Writes operators, one a line.
struct Writer<'a> {
    out: Vec<u8>,
    first: bool,
    run: Option<TextRun>,
    fonts: &'a Fonts,
    embedded: &'a BTreeMap<usize, Arc<Embedded>>,
    /// The page's height: marks measure from the top, PDF from the bottom.
    height: f32,
    /// The marked-content sequences so far, when the page is tagged.
    marked: Option<Vec<Marked>>,
    /// The links so far, in the order their sequences were opened.
    links: Vec<Link>,
}

/// What glyphs about to be drawn are in: which address of their run, which footnote
/// their run refers to, which language they are in when a span in another.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Within {
    link: Option<usize>,
    note: Option<usize>,
    lang: Option<Language>,
}

/// Where a line's marking stands as its glyphs are drawn.
#[derive(Default)]
struct Marking {
    /// What the open marked-content sequence is of, if one is open.
    part: Option<Part>,
    /// What the open sequence's glyphs are in.
    within: Within,
    /// The open link's box, growing glyph by glyph.
    link: Option<Link>,
    /// Whether the line's element is known: a sequence after it is more of it.
    host: bool,
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

    /// Shows `glyphs` of `font`, each at its own `x`, on baseline `y`: on the open
    /// array when it is on the same baseline (the font and size are the same: a change
    /// of either flushed it).
    fn show(&mut self, font: &Embedded, size: f32, y: f32, glyphs: &[(u16, f64)]) {
        let Some(&(_, first)) = glyphs.first() else {
            return;
        };
        let run = match &mut self.run {
            Some(run) if run.y == y => run,
            _ => {
                self.flush();
                self.run.insert(TextRun::new(first as f32, y, glyphs.len()))
            }
        };
        for &(gid, x) in glyphs {
            run.move_to(x, size);
            run.push(font, gid);
        }
    }

    /// Selects face `slot` at `size`.
    fn font(&mut self, slot: usize, size: f32) {
        let out = self.op();
        out.extend_from_slice(b"/F");
        syntax::int(out, slot as i64 + 1);
        out.push(b' ');
        syntax::real(out, size);
        out.extend_from_slice(b" Tf");
    }

    /// Opens a marked-content sequence for `tag`'s `part` (in language `lang` when a
    /// span in another), with the next MCID, more of the line the sequence before
    /// belongs to when `continues`; an artifact for page furniture. Nothing when the
    /// page is not tagged.
    fn begin_marked(&mut self, tag: Tag, part: Part, lang: Option<Language>, continues: bool) {
        let Some(marked) = &mut self.marked else {
            return;
        };
        if tag.role == Role::Artifact && part != Part::Figure {
            self.op()
                .extend_from_slice(b"/Artifact<</Type/Pagination>>BDC");
            return;
        }
        let sequence = Marked {
            mcid: marked.len() as u32,
            tag,
            part,
            lang,
            continues,
        };
        marked.push(sequence);
        let out = self.op();
        out.push(b'/');
        out.extend_from_slice(sequence.kind());
        out.extend_from_slice(b"<</MCID ");
        syntax::int(out, i64::from(sequence.mcid));
        out.extend_from_slice(b">>BDC");
    }

    /// Opens an artifact that is not page furniture (a rule, a fold mark).
    fn begin_artifact(&mut self) {
        if self.marked.is_some() {
            self.op().extend_from_slice(b"/Artifact BMC");
        }
    }

    /// Closes the marked-content sequence opened last.
    fn end_marked(&mut self) {
        if self.marked.is_some() {
            self.op().extend_from_slice(b"EMC");
        }
    }

    /// A line of text at `x` on `baseline`: one BT…ET section, the face and size set
    /// wherever they change. Records in `drawn` which character each glyph drew. A list
    /// entry's marker is marked apart from the entry's text, and each email or web
    /// address apart as a link (its box recorded in `links`).
    fn text(&mut self, x: f32, baseline: f32, line: &Line, color: Color, drawn: &mut Drawn) {
        let embedded = self.embedded;
        let label = matches!(
            line.tag.role,
            Role::Item { label: true, .. } | Role::Note { label: true }
        ) && line.runs.len() > 1;
        self.op().extend_from_slice(b"BT");
        self.color(color, b"rg");
        let mut marking = Marking::default();
        let mut current: Option<(usize, f32)> = None;
        for (i, placed) in line.runs.iter().enumerate() {
            let base = match (label, i, placed.run.footnote, placed.run.lang) {
                (true, 0, _, _) => Part::Label,
                (_, _, Some(_), _) => Part::Reference,
                (_, _, None, Some(_)) => Part::Span,
                (false, _, None, None) => Part::Whole,
                (true, _, None, None) => Part::Body,
            };
            if label && i == 1 {
                // The entry's text is an element of its own, not more of the marker.
                marking.host = false;
            }
            let run = &placed.run;
            let start = f64::from(x) + f64::from(placed.x);
            let y = self.height - baseline + run.rise;
            let shaped = fonts::shape(self.fonts, run.style, &run.text);
            let found = if line.tag.role == Role::Artifact || !link::may_hold(&run.text) {
                Vec::new()
            } else {
                let chars: Vec<char> = shaped
                    .iter()
                    .flat_map(|r| r.glyphs.iter().map(|g| g.c))
                    .collect();
                link::find(&chars)
            };
            let mut index = 0;
            for glyph_run in &shaped {
                let count = glyph_run.glyphs.len();
                let Some(font) = embedded.get(&glyph_run.slot) else {
                    index += count;
                    continue;
                };
                if current != Some((glyph_run.slot, run.size)) {
                    self.flush();
                    self.font(glyph_run.slot, run.size);
                    current = Some((glyph_run.slot, run.size));
                }
                let glyphs = subset_glyphs(font, glyph_run, start, run.size, drawn);
                let mut from = 0;
                while from < glyphs.len() {
                    let at = index + from;
                    let within = found.iter().position(|f| f.chars.contains(&at));
                    let to = match within {
                        Some(k) => found[k].chars.end,
                        None => found
                            .iter()
                            .map(|f| f.chars.start)
                            .find(|s| *s > at)
                            .unwrap_or(usize::MAX),
                    };
                    let to = to.saturating_sub(index).min(glyphs.len());
                    let part = if within.is_some() { Part::Link } else { base };
                    let inside = Within {
                        link: within,
                        note: run.footnote,
                        lang: run.lang.filter(|_| part == Part::Span),
                    };
                    self.sequence(line.tag, part, inside, &mut marking);
                    if let (Some(k), Some(open)) = (within, &mut marking.link) {
                        if open.uri.is_empty() {
                            open.uri.clone_from(&found[k].uri);
                            open.text.clone_from(&found[k].text);
                        }
                        for &(gid, gx) in &glyphs[from..to] {
                            let right = gx + font.width(gid) as f64 * f64::from(run.size) / 1000.0;
                            open.rect[0] = open.rect[0].min(gx as f32);
                            open.rect[2] = open.rect[2].max(right as f32);
                        }
                        open.rect[1] = open.rect[1].min(y - 0.25 * run.size);
                        open.rect[3] = open.rect[3].max(y + 0.85 * run.size);
                    }
                    self.show(font, run.size, y, &glyphs[from..to]);
                    from = to;
                }
                index += count;
            }
            // An address ends with its run.
            if marking.link.is_some() {
                self.close(&mut marking);
            }
        }
        self.close(&mut marking);
        self.op().extend_from_slice(b"ET");
    }

    /// Makes sure the glyphs about to be drawn are in a marked-content sequence for
    /// `part` of `tag` (for the link or footnote reference `within`, if any): closes
    /// the open one and begins another when it is not.
    fn sequence(&mut self, tag: Tag, part: Part, within: Within, marking: &mut Marking) {
        if marking.part == Some(part) && marking.within == within {
            return;
        }
        self.close(marking);
        self.begin_marked(tag, part, within.lang, marking.host);
        marking.host = true;
        marking.part = Some(part);
        marking.within = within;
        if part == Part::Link {
            marking.link = Some(Link {
                rect: [f32::MAX, f32::MAX, f32::MIN, f32::MIN],
                uri: String::new(),
                text: String::new(),
            });
        }
    }

    /// Closes the open marked-content sequence, if any, and records its link.
    fn close(&mut self, marking: &mut Marking) {
        self.flush();
        if let Some(link) = marking.link.take() {
            self.links.push(link);
        }
        if marking.part.take().is_some() {
            self.end_marked();
        }
        marking.within = Within::default();
    }

    /// A rule from `x1` to `x2` at `y`, `width` thick.
    fn rule(&mut self, x1: f32, x2: f32, y: f32, width: f32, color: Color) {
        self.begin_artifact();
        self.color(color, b"RG");
        self.reals(&[width], b"w");
        self.reals(&[x1, self.height - y], b"m");
        self.reals(&[x2, self.height - y], b"l");
        self.op().push(b'S');
        self.end_marked();
    }

    /// The signature image (Im1) in the box at `x`, `top`, `width` by `height`, placed
    /// with the matrix printpdf computes for it.
    fn image(&mut self, x: f32, top: f32, width: f32, height: f32) {
        let transform = XObjectTransform {
            translate_x: Some(Pt(x)),
            translate_y: Some(Pt(self.height - top - height)),
            scale_x: Some(width),
            scale_y: Some(height),
            no_auto_scale: true,
            ..Default::default()
        };
        let matrix = transform
            .get_ctms(None)
            .iter()
            .fold(CurTransMat::Identity.as_array(), |m, q| {
                CurTransMat::combine_matrix(m, q.as_array())
            });
        self.begin_marked(Tag::default(), Part::Figure, None, false);
        self.op().push(b'q');
        self.reals(&matrix, b"cm");
        self.op().extend_from_slice(b"/Im1 Do");
        self.op().push(b'Q');
        self.end_marked();
    }
}

/// The subset glyph ids of `run` in `font`, each with where it goes (the text starting
/// at `start`, in `size` points), and recorded in `drawn` with the character it draws.
fn subset_glyphs(
    font: &Embedded,
    run: &GlyphRun,
    start: f64,
    size: f32,
    drawn: &mut Drawn,
) -> Vec<(u16, f64)> {
    let chars = drawn
        .entry(run.slot)
        .or_insert_with(|| vec![None; font.glyph_count()]);
    let scale = f64::from(size) / 1000.0;
    let mut glyphs = Vec::with_capacity(run.glyphs.len());
    for glyph in &run.glyphs {
        let subset_gid = font.glyph(glyph.gid);
        glyphs.push((subset_gid, start + f64::from(run.at + glyph.at) * scale));
        if let Some(slot) = chars.get_mut(usize::from(subset_gid)) {
            *slot = Some(glyph.c);
        }
    }
    glyphs
}

/// A page's content: its operators, its marked-content sequences (when tagged) and its
/// links, in the order they were drawn.
pub struct Content {
    pub stream: Vec<u8>,
    pub marked: Vec<Marked>,
    pub links: Vec<Link>,
}

/// The content of `page`; records in `drawn` which character each glyph drew and,
/// when `tagged`, its marked-content sequences (none otherwise).
pub fn page(
    page: &Page,
    g: &Geometry,
    fonts: &Fonts,
    embedded: &BTreeMap<usize, Arc<Embedded>>,
    drawn: &mut Drawn,
    tagged: bool,
) -> Content {
    let mut w = Writer {
        out: Vec::with_capacity(16 * 1024),
        first: true,
        run: None,
        fonts,
        embedded,
        height: g.height,
        marked: tagged.then(Vec::new),
        links: Vec::new(),
    };
    for mark in &page.marks {
        w.flush();
        match mark {
            Mark::Text {
                x,
                baseline,
                line,
                color,
            } => w.text(*x, *baseline, line, *color, drawn),
            Mark::Rule {
                x1,
                x2,
                y,
                width,
                color,
            } => w.rule(*x1, *x2, *y, *width, *color),
            Mark::Image {
                x,
                top,
                width,
                height,
            } => w.image(*x, *top, *width, *height),
        }
    }
    w.flush();
    Content {
        stream: w.out,
        marked: w.marked.unwrap_or_default(),
        links: w.links,
    }
}
