//! PDF layout: a [`Letter`] as pages of [`Mark`]s (text lines, rules, the signature
//! image) in points from each page's top-left corner, knowing nothing of PDF syntax.
//!
//! [`lay_out`] runs the pipeline: `paper` gives the layout's measures; `first_page`
//! draws page 1's fixed parts (letterhead, date, the window's `return_line` and
//! `address`, fold marks); `flow` turns the rest of the letter into items (lines, the
//! signature, blank space, co-signers in `columns`) with `lines` breaking text (its
//! `quotes` curled) and `footnotes` setting the notes; `paginate` puts the items on
//! pages and numbers them, after `fit` has found the least tightening of vertical space
//! that saves a page. `style` holds the sizes and colours they all use. The writing
//! side (`super::write`) then draws the marks.

mod address;
mod columns;
mod first_page;
mod fit;
mod flow;
mod footnotes;
mod lines;
mod paginate;
mod paper;
mod quotes;
mod return_line;
mod style;
mod tag;

pub use address::FLOOR as ADDRESS_FLOOR;
pub use lines::Line;
pub use paper::{geometry, DatePlace, Geometry, Window, INCH, MM};
pub use return_line::FLOOR as RETURN_FLOOR;
pub use style::{signature_size, signature_warning, Color, BLACK};
pub use tag::{Role, Tag};

use crate::error::{Error, Result};
use crate::letter::Letter;

use super::fonts::Fonts;
use fit::Spacing;
use lines::{Piece, Typesetter};

/// Something drawn on a page, in points from the top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A line of text; its runs' `x` are relative to `x`.
    Text {
        x: f32,
        baseline: f32,
        line: Line,
        color: Color,
    },
    /// A horizontal rule.
    Rule {
        x1: f32,
        x2: f32,
        y: f32,
        width: f32,
        color: Color,
    },
    /// The signature image.
    Image {
        x: f32,
        top: f32,
        width: f32,
        height: f32,
    },
}

/// One page's marks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub marks: Vec<Mark>,
}

/// A letter laid out: its pages, and what the reader should know about them (a title
/// left out of a window address).
#[derive(Debug)]
pub struct LaidOut {
    pub pages: Vec<Page>,
    pub warnings: Vec<String>,
}

/// Lays `letter` out on pages of `g` in `fonts`; `signature` is the signature image's
/// width over height, if there is one. Text that no font can draw is an error naming
/// the characters and where they were first found; so is an address that cannot fit
/// the layout's envelope window.
pub fn lay_out(
    letter: &Letter,
    fonts: &Fonts,
    g: &Geometry,
    signature: Option<f32>,
) -> Result<LaidOut> {
    let mut composer = Composer {
        t: Typesetter::new(fonts),
        g,
        letter,
        signature,
        notes: Vec::new(),
        blocks: tag::Blocks::default(),
    };
    let pages = composer.pages()?;
    if let Some((chars, context)) = composer.t.missing() {
        return Err(Error::MissingGlyphs {
            chars,
            context: format!("“{context}”"),
            bundled: fonts.is_bundled(),
        });
    }
    Ok(LaidOut {
        pages,
        warnings: composer.notes,
    })
}

/// What every step of the layout works from: the letter, the paper, the signature's
/// proportions, and the line breaker (which remembers the characters it could not
/// draw). Each step adds its methods in its own file.
struct Composer<'a> {
    t: Typesetter<'a>,
    g: &'a Geometry,
    letter: &'a Letter,
    /// The signature image's width over height, if there is one.
    signature: Option<f32>,
    /// Warnings for the reader.
    notes: Vec<String>,
    /// Block numbers for the lines' tags.
    blocks: tag::Blocks,
}

impl Composer<'_> {
    /// `pieces` broken into lines at most `width` wide.
    fn lines(&mut self, pieces: &[Piece], width: f32) -> Vec<Line> {
        self.t.break_lines(pieces, width)
    }

    /// `pieces` broken into lines at most `width` wide, one block of `role`.
    fn block(&mut self, pieces: &[Piece], width: f32, role: Role) -> Vec<Line> {
        let tag = self.blocks.next(role);
        let mut lines = self.t.break_lines(pieces, width);
        for line in &mut lines {
            line.tag = tag;
        }
        lines
    }

    /// The pipeline: page 1's fixed parts, the flow, the footnotes, then the flow
    /// paginated below them (tightened when that saves a page), each page with its
    /// footnotes and number.
    fn pages(&mut self) -> Result<Vec<Page>> {
        let g = self.g;
        let mut first = Vec::new();
        let start = self.first_page(&mut first)?.max(g.first_top);
        let items = self.flow();
        let notes = self.footnotes();
        let note_height = |numbers: &[usize]| notes.height(numbers);
        let paginate = |s: &Spacing| paginate::paginate(&items, start, g, &note_height, s);
        let mut pages = paginate(&Spacing::NATURAL);
        if pages.len() > 1 {
            let mut count = |s: &Spacing| paginate(s).len();
            if let Some(spacing) = fit::least_tightening(&mut count) {
                pages = paginate(&spacing);
            }
        }
        let total = pages.len();
        let mut out = Vec::with_capacity(total);
        for (index, page) in pages.into_iter().enumerate() {
            let marks = if index == 0 {
                std::mem::take(&mut first)
            } else {
                Vec::new()
            };
            out.push(self.finish_page(page, marks, &notes, index + 1, total));
        }
        Ok(out)
    }
}
