//! Co-signers in columns. The list goes under its heading in the letter's language,
//! organizations and individuals under headings of their own when both sign. Names
//! are set in as many columns (three, else two) as leave no name on more than two
//! lines and take the fewest lines; a name wider than its column goes on a second line
//! hanging in. When no column count allows that, one name a line. Columns run down
//! the page and over to the next column, so names read in order; pagination fills each
//! page's columns and balances them on the page where the list ends.

use crate::model::{locale, Cosigner};

use super::fit::Spacing;
use super::flow::{kept_with_next, plain, Columns, Content, Gap, Height, Item};
use super::lines::Line;
use super::paginate::{FlowPage, NoteHeight};
use super::paper::Geometry;
use super::style::{BODY, GUTTER, LEADING, PARAGRAPH_GAP};
use super::{Composer, Role};
use crate::render::pdf::fonts::Style;

/// How far a name's second line hangs in.
const HANG: f32 = BODY;
/// The indent of names set one a line.
const INDENT: f32 = 12.0;

impl Composer<'_> {
    /// The co-signers under their heading, grouped by kind when both kinds sign.
    pub(super) fn cosigners(&mut self, items: &mut Vec<Item>) {
        let letter = self.letter;
        if letter.cosigners.is_empty() {
            return;
        }
        let lang = letter.language;
        let width = self.g.text_width();
        let heading = self.block(
            &plain(locale::cosigners_heading(lang), Style::Bold, BODY),
            width,
            Role::Subheading,
        );
        items.extend(kept_with_next(heading_items(
            heading,
            LEADING * 1.5,
            Gap::Block,
        )));
        let (organizations, people): (Vec<&Cosigner>, Vec<&Cosigner>) =
            letter.cosigners.iter().partition(|c| c.organization);
        if organizations.is_empty() || people.is_empty() {
            let all: Vec<&Cosigner> = letter.cosigners.iter().collect();
            self.names(&all, items);
            return;
        }
        for (label, group) in [
            (locale::cosigning_organizations(lang), organizations),
            (locale::cosigning_individuals(lang), people),
        ] {
            let lines = self.block(&plain(label, Style::Italic, BODY), width, Role::Subheading);
            items.extend(kept_with_next(heading_items(
                lines,
                PARAGRAPH_GAP,
                Gap::Paragraph,
            )));
            self.names(&group, items);
        }
    }

    /// One group of names: in columns when names allow, else one a line.
    fn names(&mut self, names: &[&Cosigner], items: &mut Vec<Item>) {
        let width = self.g.text_width();
        let list = self.blocks.list();
        let entry = Role::Item { list, label: false };
        let mut best: Option<(usize, Columns, Vec<Vec<Line>>)> = None;
        for count in [2, 3] {
            let column = (width - (count - 1) as f32 * GUTTER) / count as f32;
            let cells: Vec<Vec<Line>> = names
                .iter()
                .map(|name| self.cell(&name.line, column))
                .collect();
            if cells.iter().any(|lines| lines.len() > 2) {
                continue;
            }
            let lines: usize = cells.iter().map(Vec::len).sum();
            let rows = lines.div_ceil(count);
            if best.as_ref().is_none_or(|(fewest, _, _)| rows < *fewest) {
                best = Some((
                    rows,
                    Columns {
                        count,
                        width: column,
                    },
                    cells,
                ));
            }
        }
        let Some((_, columns, cells)) = best else {
            for name in names {
                let pieces = plain(&name.line, Style::Regular, BODY);
                for line in self.block(&pieces, width - INDENT, entry) {
                    items.push(Item::text(line, INDENT));
                }
            }
            return;
        };
        for mut lines in cells {
            let tag = self.blocks.next(entry);
            for line in &mut lines {
                line.tag = tag;
            }
            items.push(Item {
                height: Height::Lines(lines.len()),
                content: Content::Cell { lines, hang: HANG },
                x: 0.0,
                space_before: 0.0,
                gap: Gap::Fixed,
                keep_with_next: false,
                footnotes: Vec::new(),
                columns: Some(columns),
            });
        }
    }

    /// A name set in a column `width` wide: one line, or more with the second hanging in.
    fn cell(&mut self, name: &str, width: f32) -> Vec<Line> {
        let whole = self.t.one_line(name, Style::Regular, BODY, false);
        if whole.width <= width {
            return vec![whole];
        }
        self.lines(&plain(name, Style::Regular, BODY), width - HANG)
    }
}

/// A heading's lines, the first with `space` of kind `gap` above it.
fn heading_items(lines: Vec<Line>, space: f32, gap: Gap) -> Vec<Item> {
    let mut items: Vec<Item> = lines.into_iter().map(|l| Item::text(l, 0.0)).collect();
    if let Some(first) = items.first_mut() {
        first.space_before = space;
        first.gap = gap;
    }
    items
}

/// How many of `cells` (by their lines) fill `count` columns of `rows` lines, down
/// each column in turn, and the lines the fullest column takes.
fn fill(cells: &[Item], count: usize, rows: usize) -> (usize, usize) {
    let mut placed = 0;
    let mut deepest = 0;
    for _ in 0..count {
        let mut used = 0;
        while let Some(cell) = cells.get(placed) {
            let lines = lines_of(cell);
            if used + lines > rows {
                break;
            }
            used += lines;
            placed += 1;
        }
        deepest = deepest.max(used);
    }
    (placed, deepest)
}

fn lines_of(cell: &Item) -> usize {
    match cell.height {
        Height::Lines(n) => n,
        Height::Fixed(_) => 1,
    }
}

/// Places a block of `cells` in columns from `y` on, filling each page's columns and
/// balancing them where the block ends; returns where the next item goes.
pub(super) fn place(
    pages: &mut Vec<FlowPage>,
    cells: &[Item],
    mut y: f32,
    g: &Geometry,
    note_height: NoteHeight<'_>,
    s: &Spacing,
) -> f32 {
    let Some(columns) = cells.first().and_then(|c| c.columns) else {
        return y;
    };
    let mut rest = cells;
    while !rest.is_empty() {
        let page = pages.len() - 1;
        let bottom = g.bottom - note_height(&pages[page].notes);
        let room = ((bottom - y) / s.leading + 1e-3).floor().max(0.0) as usize;
        let (fits, _) = fill(rest, columns.count, room);
        let fresh = pages[page].items.is_empty();
        // Never one line of names at a page's foot, nor nothing at all.
        if (fits == 0 || room < 2.min(rest.len())) && !fresh {
            pages.push(FlowPage::default());
            y = g.top;
            continue;
        }
        let (rows, placed) = if fits == rest.len() {
            // The block ends here: the fewest rows that hold what is left.
            let rows = (1..=room)
                .find(|r| fill(rest, columns.count, *r).0 == rest.len())
                .unwrap_or(room);
            (rows, fits)
        } else if fits == 0 {
            // A cell taller than a whole page: set it anyway.
            (lines_of(&rest[0]), 1)
        } else {
            (room, fits)
        };
        let mut deepest = 0;
        let mut index = 0;
        for column in 0..columns.count {
            let mut used = 0;
            while index < placed {
                let lines = lines_of(&rest[index]);
                if used + lines > rows && used > 0 {
                    break;
                }
                let mut cell = rest[index].clone();
                cell.x = column as f32 * (columns.width + GUTTER);
                let top = y + used as f32 * s.leading;
                pages[page]
                    .items
                    .push((top, lines as f32 * s.leading, cell));
                used += lines;
                index += 1;
            }
            deepest = deepest.max(used);
        }
        rest = &rest[placed..];
        if rest.is_empty() {
            y += deepest as f32 * s.leading;
        } else {
            pages.push(FlowPage::default());
            y = g.top;
        }
    }
    y
}

#[cfg(test)]
mod tests {
    use super::super::paginate::paginate;
    use super::super::paper::geometry;
    use super::*;
    use crate::model::Layout;

    fn cell(lines: usize) -> Item {
        Item {
            content: Content::Cell {
                lines: vec![Line::default(); lines],
                hang: HANG,
            },
            x: 0.0,
            height: Height::Lines(lines),
            space_before: 0.0,
            gap: Gap::Fixed,
            keep_with_next: false,
            footnotes: Vec::new(),
            columns: Some(Columns {
                count: 3,
                width: 140.0,
            }),
        }
    }

    #[test]
    fn names_run_down_each_column_and_balance_where_they_end() {
        let g = geometry(Layout::A4);
        let items: Vec<Item> = (0..10).map(|_| cell(1)).collect();
        let pages = paginate(&items, g.top, &g, &|_| 0.0, &Spacing::NATURAL);
        assert_eq!(pages.len(), 1);
        let placed = &pages[0].items;
        // 10 names in 3 columns: 4, 4 and 2 rows; the fourth name heads no column.
        let xs: Vec<f32> = placed.iter().map(|(_, _, item)| item.x).collect();
        assert_eq!(xs.iter().filter(|x| **x == 0.0).count(), 4);
        assert_eq!(xs.iter().filter(|x| **x > 0.0 && **x < 200.0).count(), 4);
        assert_eq!(
            placed[4].0, placed[0].0,
            "the fifth name tops the second column"
        );
    }

    #[test]
    fn a_long_list_fills_each_page_in_columns() {
        let g = geometry(Layout::A4);
        let items: Vec<Item> = (0..200).map(|i| cell(1 + i % 2)).collect();
        let pages = paginate(&items, g.top, &g, &|_| 0.0, &Spacing::NATURAL);
        let rows = ((g.bottom - g.top) / LEADING).floor() as usize;
        // 300 lines of names, 3 columns of 49 lines a page (a name never split).
        assert_eq!(rows, 49);
        assert_eq!(pages.len(), 3);
        for page in &pages {
            for (top, height, _) in &page.items {
                assert!(top + height <= g.bottom + 0.01);
            }
        }
        let total: usize = pages.iter().map(|p| p.items.len()).sum();
        assert_eq!(total, 200);
    }
}
