//! Page 1's fixed parts, drawn before any text flows: the letterhead (the
//! organization's name, its contact lines, a rule), the date where the layout gives it
//! a place of its own, and for window envelopes the recipient's address fitted to the
//! window (`address`) with the sender's return line above it (`return_line`), the fold
//! marks and the punch mark.

use super::address;
use super::flow::plain;
use super::lines::{Line, Piece, Run};
use super::paper::{DatePlace, Window, MM};
use super::style::{
    baseline_in, Color, ACCENT, BLACK, BODY, GRAY, LEADING, LIGHT, NAME_SIZE, SMALL, SMALL_LEADING,
};
use super::{Composer, Mark, Role};
use crate::error::{Error, Result};
use crate::render::pdf::fonts::Style;

impl Composer<'_> {
    /// Everything on page 1 that does not flow: letterhead, date (when it has a fixed
    /// place), return line, window address, fold marks. Returns where the flow may
    /// start; an address that cannot fit its window is an error.
    pub(super) fn first_page(&mut self, marks: &mut Vec<Mark>) -> Result<f32> {
        let g = self.g;
        let below_letterhead = self.letterhead(marks);
        let bottom = self.date_in_place(below_letterhead, marks);
        let Some(window) = g.window else {
            return Ok((bottom + LEADING * 1.5).max(g.top));
        };
        let (y, leading) = self.window_address(&window, marks)?;
        self.fold_marks(marks);
        Ok(g.first_top.max(y - leading + LEADING * 2.0))
    }

    /// The organization's name and contact lines with a rule below them; returns how
    /// far down the rule is (0 when the letter has no letterhead).
    fn letterhead(&mut self, marks: &mut Vec<Mark>) -> f32 {
        let letter = self.letter;
        let g = self.g;
        let head = &letter.letterhead;
        let contact = head.contact_lines();
        if head.name.is_empty() && contact.is_empty() {
            return 0.0;
        }
        let mut y = g.name_baseline;
        if !head.name.is_empty() {
            y = self.organization_name(&head.name, y, marks);
        }
        if !contact.is_empty() {
            // Email and web addresses are set exactly as written.
            let verbatim = [head.email.as_str(), head.web.as_str()];
            let mut pieces = Vec::with_capacity(2 * contact.len());
            for (i, part) in contact.iter().enumerate() {
                if i > 0 {
                    pieces.push(Piece::Text(Run::new("  ·  ", Style::Regular, SMALL)));
                }
                let run = if verbatim.contains(part) {
                    Run::verbatim(*part, Style::Regular, SMALL)
                } else {
                    Run::new(*part, Style::Regular, SMALL)
                };
                pieces.push(Piece::Text(run));
            }
            for line in self.block(&pieces, g.text_width(), Role::Paragraph) {
                y += SMALL_LEADING;
                marks.push(Mark::Text {
                    x: g.left,
                    baseline: y,
                    line,
                    color: GRAY,
                });
            }
        }
        y += 6.0;
        marks.push(Mark::Rule {
            x1: g.left,
            x2: g.width - g.right,
            y,
            width: 0.6,
            color: ACCENT,
        });
        y
    }

    /// The organization's name from baseline `y` on; returns where the contact lines
    /// start counting from.
    fn organization_name(&mut self, name: &str, mut y: f32, marks: &mut Vec<Mark>) -> f32 {
        let g = self.g;
        let name = plain(name, Style::Bold, NAME_SIZE);
        for line in self.block(&name, g.text_width(), Role::Paragraph) {
            marks.push(Mark::Text {
                x: g.left,
                baseline: y,
                line,
                color: ACCENT,
            });
            y += NAME_SIZE * 1.15;
        }
        y -= NAME_SIZE * 1.15;
        y + 4.0
    }

    /// The date when the layout gives it a place outside the flow: in the information
    /// block, or at a fixed height below the letterhead. Returns the lowest baseline on
    /// the page so far (`bottom`, unless the date went below it).
    fn date_in_place(&mut self, mut bottom: f32, marks: &mut Vec<Mark>) -> f32 {
        let letter = self.letter;
        let g = self.g;
        let date = plain(&letter.date_text, Style::Regular, BODY);
        match g.date {
            DatePlace::InfoBlock { x, top } => {
                let lines = self.block(&date, g.width - g.right - x, Role::Paragraph);
                let mut y = top + baseline_in(LEADING, BODY);
                for line in lines {
                    marks.push(text(x, y, line, BLACK));
                    y += LEADING;
                }
            }
            DatePlace::Fixed { baseline } => {
                let lines = self.block(&date, g.text_width(), Role::Paragraph);
                let mut y = baseline.max(bottom + LEADING * 1.5);
                for line in lines {
                    marks.push(text(g.left, y, line, BLACK));
                    bottom = y;
                    y += LEADING;
                }
            }
            DatePlace::Flow { .. } => {}
        }
        bottom
    }

    /// The recipient's address in the envelope window, fitted to it (see `address`),
    /// below the return line when the layout has one. Returns the baseline after the
    /// address's last line and the leading it was set with.
    fn window_address(&mut self, window: &Window, marks: &mut Vec<Mark>) -> Result<(f32, f32)> {
        let letter = self.letter;
        let lines = address::postal_lines(letter);
        let fitted = address::fit(&mut self.t, &lines, window).map_err(|misfit| Error::Render {
            message: misfit.message(&letter.recipient.id, self.g.name, window.width),
            hint: Some(format!(
                "shorten that part of the record `{}` in the recipients file (letters recipients show {}), or choose a layout that sets the address above the text, without a window: --layout a4 or --layout letter",
                letter.recipient.id, letter.recipient.id
            )),
        })?;
        if fitted.left_out.contains(&address::Kind::Title) {
            self.notes.push(format!(
                "recipient `{}`: the title “{}” is left out of the address in the envelope window of the {} layout, which holds {} lines",
                letter.recipient.id,
                letter.recipient.title,
                self.g.name,
                fitted.lines.len()
            ));
        }
        if window.return_line {
            self.return_line(window, window.address_top - 4.0, marks);
        }
        let mut y = window.address_top + baseline_in(fitted.leading, fitted.size);
        let tag = self.blocks.next(Role::Paragraph);
        for mut line in fitted.lines {
            line.tag = tag;
            marks.push(text(window.x, y, line, BLACK));
            y += fitted.leading;
        }
        Ok((y, fitted.leading))
    }

    /// Short rules in the left margin where the sheet is folded, and a longer one
    /// where it is punched.
    fn fold_marks(&self, marks: &mut Vec<Mark>) {
        let g = self.g;
        for fold in &g.fold_marks {
            marks.push(margin_rule(10.0 * MM, *fold));
        }
        if let Some(hole) = g.hole_mark {
            marks.push(margin_rule(12.0 * MM, hole));
        }
    }
}

/// A line of text at `x` on `baseline`.
fn text(x: f32, baseline: f32, line: Line, color: Color) -> Mark {
    Mark::Text {
        x,
        baseline,
        line,
        color,
    }
}

/// A hairline from 5 mm to `end` from the sheet's left edge, at `y`.
fn margin_rule(end: f32, y: f32) -> Mark {
    Mark::Rule {
        x1: 5.0 * MM,
        x2: end,
        y,
        width: 0.4,
        color: LIGHT,
    }
}
