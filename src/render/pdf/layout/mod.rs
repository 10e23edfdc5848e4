//! PDF layout: a [`Letter`] as pages of [`Mark`]s (text lines, rules, the signature
//! image) in points from each page's top-left corner, knowing nothing of PDF syntax.
//!
//! [`lay_out`] runs the pipeline: `paper` gives the layout's measures; `first_page`
//! draws page 1's fixed parts (letterhead, date, return line, window address, fold
//! marks); `flow` turns the rest of the letter into items (lines, the signature,
//! blank space) with `lines` breaking text and `footnotes` setting the notes;
//! `paginate` puts the items on pages and numbers them. `style` holds the sizes and
//! colours they all use. The writing side (`super::write`) then draws the marks.

mod first_page;
mod flow;
mod footnotes;
mod lines;
mod paginate;
mod paper;
mod style;

pub use lines::Line;
pub use paper::{geometry, DatePlace, Geometry, Window, INCH, MM};
pub use style::{Color, BLACK};

use crate::error::{Error, Result};
use crate::letter::Letter;

use super::fonts::Fonts;
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

/// Lays `letter` out on pages of `g` in `fonts`; `signature` is the signature image's
/// width over height, if there is one. Text that no font can draw is an error naming
/// the characters and where they were first found.
pub fn lay_out(
    letter: &Letter,
    fonts: &Fonts,
    g: &Geometry,
    signature: Option<f32>,
) -> Result<Vec<Page>> {
    let mut composer = Composer {
        t: Typesetter::new(fonts),
        g,
        letter,
        signature,
    };
    let pages = composer.pages();
    if let Some((chars, context)) = composer.t.missing() {
        return Err(Error::MissingGlyphs {
            chars,
            context: format!("“{context}”"),
            bundled: fonts.is_bundled(),
        });
    }
    Ok(pages)
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
}

impl Composer<'_> {
    /// `pieces` broken into lines at most `width` wide.
    fn lines(&mut self, pieces: &[Piece], width: f32) -> Vec<Line> {
        self.t.break_lines(pieces, width)
    }

    /// The pipeline: page 1's fixed parts, the flow, the footnotes, then the flow
    /// paginated below them, each page with its footnotes and number.
    fn pages(&mut self) -> Vec<Page> {
        let g = self.g;
        let mut first = Vec::new();
        let start = self.first_page(&mut first).max(g.first_top);
        let items = self.flow();
        let notes = self.footnotes();
        let pages = paginate::paginate(&items, start, g, &|numbers| notes.height(numbers));
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
        out
    }
}
