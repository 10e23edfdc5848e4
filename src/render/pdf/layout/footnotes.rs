//! Footnotes: each note set in small type behind its raised number, the room the notes
//! a page marks take at its foot (which pagination keeps free), and the notes drawn
//! there below a short rule.

use super::flow::inline_pieces;
use super::lines::{Line, Placed, Run};
use super::paper::{Geometry, MM};
use super::style::{BLACK, GRAY, NOTE_LEADING, NOTE_SIZE};
use super::tag::{Role, Tag};
use super::{Composer, Mark};
use crate::render::pdf::fonts::Style;

/// How far a note's text stands in from its number.
const INDENT: f32 = 10.0;

/// The lines of each footnote, by number.
pub(super) struct Notes(Vec<(usize, Vec<Line>)>);

impl Composer<'_> {
    /// Sets every footnote of the letter.
    pub(super) fn footnotes(&mut self) -> Notes {
        let width = self.g.text_width() - INDENT;
        let notes = &self.letter.footnotes;
        let set = notes
            .iter()
            .map(|note| {
                let pieces = inline_pieces(&note.content, false, NOTE_SIZE);
                let mut lines = self.block(&pieces, width, Role::Note { label: false });
                let marker = Placed {
                    x: -INDENT,
                    run: Run {
                        text: note.number.to_string(),
                        style: Style::Regular,
                        size: NOTE_SIZE * 0.75,
                        rise: NOTE_SIZE * 0.35,
                        footnote: None,
                        verbatim: true,
                        lang: None,
                    },
                };
                match lines.first_mut() {
                    Some(first) => {
                        first.runs.insert(0, marker);
                        first.tag.role = Role::Note { label: true };
                    }
                    None => lines.push(Line {
                        runs: vec![marker],
                        width: 0.0,
                        footnotes: Vec::new(),
                        tag: Tag {
                            role: Role::Note { label: false },
                            block: 0,
                            lang: None,
                        },
                    }),
                }
                (note.number, lines)
            })
            .collect();
        Notes(set)
    }
}

impl Notes {
    /// The notes numbered `numbers`, in the letter's order.
    fn chosen<'n>(&'n self, numbers: &'n [usize]) -> impl Iterator<Item = &'n Vec<Line>> {
        self.0
            .iter()
            .filter(|(n, _)| numbers.contains(n))
            .map(|(_, lines)| lines)
    }

    /// The room the notes `numbers` take at a page's foot, rule included (0 for none).
    pub fn height(&self, numbers: &[usize]) -> f32 {
        let lines: usize = self.chosen(numbers).map(Vec::len).sum();
        if lines == 0 {
            0.0
        } else {
            12.0 + lines as f32 * NOTE_LEADING
        }
    }

    /// Draws the notes `numbers` at the foot of a page of `g`, below a short rule.
    pub fn place(&self, numbers: &[usize], g: &Geometry, marks: &mut Vec<Mark>) {
        if numbers.is_empty() {
            return;
        }
        let mut y = g.bottom - self.height(numbers) + 4.0;
        marks.push(Mark::Rule {
            x1: g.left,
            x2: g.left + 50.0 * MM,
            y,
            width: 0.5,
            color: GRAY,
        });
        y += 8.0;
        for lines in self.chosen(numbers) {
            for line in lines {
                y += NOTE_LEADING;
                marks.push(Mark::Text {
                    x: g.left + INDENT,
                    baseline: y - 2.5,
                    line: line.clone(),
                    color: BLACK,
                });
            }
        }
    }
}
