//! Page 1's fixed parts, drawn before any text flows: the letterhead (the
//! organization's name, its contact lines, a rule), the date where the layout gives it
//! a place of its own, and for window envelopes the recipient's address in the window
//! with the sender's return line above it, the fold marks and the punch mark.

use super::flow::plain;
use super::lines::Line;
use super::paper::{DatePlace, Window, MM};
use super::style::{
    baseline_in, Color, ACCENT, ADDRESS_LEADING, ADDRESS_SIZE, BLACK, BODY, GRAY, LEADING, LIGHT,
    NAME_SIZE, RETURN_SIZE, SMALL, SMALL_LEADING,
};
use super::{Composer, Mark};
use crate::render::pdf::fonts::Style;

impl Composer<'_> {
    /// Everything on page 1 that does not flow: letterhead, date (when it has a fixed
    /// place), return line, window address, fold marks. Returns where the flow may
    /// start.
    pub(super) fn first_page(&mut self, marks: &mut Vec<Mark>) -> f32 {
        let g = self.g;
        let below_letterhead = self.letterhead(marks);
        let bottom = self.date_in_place(below_letterhead, marks);
        let Some(window) = g.window else {
            return (bottom + LEADING * 1.5).max(g.top);
        };
        let y = self.window_address(&window, marks);
        self.fold_marks(marks);
        g.first_top.max(y - ADDRESS_LEADING + LEADING * 2.0)
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
            let contact = contact.join("  ·  ");
            for line in self.lines(&plain(&contact, Style::Regular, SMALL), g.text_width()) {
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
        for line in self.lines(&plain(name, Style::Bold, NAME_SIZE), g.text_width()) {
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
                let lines = self.lines(&date, g.width - g.right - x);
                let mut y = top + baseline_in(LEADING, BODY);
                for line in lines {
                    marks.push(text(x, y, line, BLACK));
                    y += LEADING;
                }
            }
            DatePlace::Fixed { baseline } => {
                let lines = self.lines(&date, g.text_width());
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

    /// The recipient's address in the envelope window, below the return line when the
    /// layout has one and the field leaves room for it. Returns the baseline after the
    /// address's last line.
    fn window_address(&mut self, window: &Window, marks: &mut Vec<Mark>) -> f32 {
        let letter = self.letter;
        let mut address: Vec<Line> = Vec::new();
        for text in letter.recipient.lines() {
            address.extend(self.lines(&plain(text, Style::Regular, ADDRESS_SIZE), window.width));
        }
        let start = address_top(window, address.len());
        if window.return_line && start - window.top >= 12.0 {
            self.return_line(window, start, marks);
        }
        let mut y = start + baseline_in(ADDRESS_LEADING, ADDRESS_SIZE);
        for line in address {
            marks.push(text(window.x, y, line, BLACK));
            y += ADDRESS_LEADING;
        }
        y
    }

    /// The sender's name and address on one small underlined line just above the
    /// address that starts at `start`, read through the window as the return address.
    fn return_line(&mut self, window: &Window, start: f32, marks: &mut Vec<Mark>) {
        let letter = self.letter;
        let head = &letter.letterhead;
        let mut parts = Vec::new();
        if !head.name.is_empty() {
            parts.push(head.name.as_str());
        }
        parts.extend(head.address.iter().map(String::as_str));
        if parts.is_empty() {
            return;
        }
        let text = parts.join(" · ");
        let Some(line) = self
            .lines(&plain(&text, Style::Regular, RETURN_SIZE), window.width)
            .into_iter()
            .next()
        else {
            return;
        };
        let baseline = start - 4.0;
        let line_width = line.width;
        marks.push(Mark::Text {
            x: window.x,
            baseline,
            line,
            color: GRAY,
        });
        marks.push(Mark::Rule {
            x1: window.x,
            x2: window.x + line_width,
            y: baseline + 1.8,
            width: 0.3,
            color: LIGHT,
        });
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

/// Where an address of `lines` lines starts in `window`: on the field's address line,
/// or higher when it would overflow the field (but never above its top).
fn address_top(window: &Window, lines: usize) -> f32 {
    let field_bottom = window.top + window.height;
    let needed = lines as f32 * ADDRESS_LEADING;
    if window.address_top + needed <= field_bottom {
        window.address_top
    } else {
        (field_bottom - needed).max(window.top + 2.0)
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
