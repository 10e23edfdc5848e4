//! Pagination: the flow's items onto pages. Items joined by keep-with-next move to the
//! next page together when they do not fit (unless they fill a page alone); room is
//! kept at the foot of each page for the footnotes its lines mark. Each page's items
//! then become marks, its footnotes go to its foot, and a letter of more than one page
//! says "Page 1 of 3" at the foot of page 1 and carries a header (addressee, date,
//! "Page 2 of 3") on the others.

use crate::model::locale;

use super::columns;
use super::fit::Spacing;
use super::flow::{plain, Content, Item};
use super::footnotes::Notes;
use super::paper::Geometry;
use super::style::{baseline_in, BLACK, BODY, GRAY, LIGHT, SMALL};
use super::{Composer, Mark, Page, Role};
use crate::render::pdf::fonts::Style;

/// The flow on one page: each item with its top and height, and the footnotes the
/// page carries.
#[derive(Debug, Default)]
pub(super) struct FlowPage {
    pub items: Vec<(f32, f32, Item)>,
    pub notes: Vec<usize>,
}

/// The height the footnotes of a set of numbers take at a page's foot.
pub(super) type NoteHeight<'a> = &'a dyn Fn(&[usize]) -> f32;

/// Distributes the flow onto pages spaced as `s` says, the first from `start` down,
/// the others from the layout's top.
pub(super) fn paginate(
    items: &[Item],
    start: f32,
    g: &Geometry,
    note_height: NoteHeight<'_>,
    s: &Spacing,
) -> Vec<FlowPage> {
    let mut pages = vec![FlowPage::default()];
    let mut y = start;
    let mut i = 0;
    while i < items.len() {
        if items[i].columns.is_some() {
            let end = i + items[i..]
                .iter()
                .take_while(|item| item.columns.is_some())
                .count();
            y = columns::place(&mut pages, &items[i..end], y, g, note_height, s);
            i = end;
            continue;
        }
        let end = group_end(items, i);
        let group = &items[i..=end];
        if overflows(&pages[pages.len() - 1], group, y, g, note_height, s) {
            pages.push(FlowPage::default());
            y = g.top;
        }
        // A heading kept with a block of columns: the block places itself.
        let flowing = group.iter().take_while(|item| item.columns.is_none());
        let mut placed = 0;
        for item in flowing {
            y = place_item(&mut pages, item, y, g, note_height, s);
            placed += 1;
        }
        i += placed;
    }
    pages
}

/// The last item of the group that starts at item `i`: the items that follow one
/// kept with its next.
fn group_end(items: &[Item], i: usize) -> usize {
    let mut end = i;
    while end + 1 < items.len() && items[end].keep_with_next {
        end += 1;
    }
    end
}

/// Whether `group`, set from `y` on, runs into the room `page` needs for its
/// footnotes and the group's. A group never overflows an empty page: it is broken
/// there instead. A group that leads into columns needs room for two of their lines.
fn overflows(
    page: &FlowPage,
    group: &[Item],
    y: f32,
    g: &Geometry,
    note_height: NoteHeight<'_>,
    s: &Spacing,
) -> bool {
    if page.items.is_empty() {
        return false;
    }
    let mut height: f32 = group.iter().map(|it| it.space(s) + it.height(s)).sum();
    if group.last().is_some_and(|it| it.columns.is_some()) {
        height += s.leading;
    }
    let mut notes = page.notes.clone();
    notes.extend(group.iter().flat_map(|it| it.footnotes.iter().copied()));
    y + height > g.bottom - note_height(&notes)
}

/// Puts `item` at `y` on the last page, or at the top of a new one when it does not
/// fit there; returns where the next item goes.
fn place_item(
    pages: &mut Vec<FlowPage>,
    item: &Item,
    mut y: f32,
    g: &Geometry,
    note_height: NoteHeight<'_>,
    s: &Spacing,
) -> f32 {
    let mut current = pages.len() - 1;
    let height = item.height(s);
    let mut space = if pages[current].items.is_empty() {
        0.0
    } else {
        item.space(s)
    };
    let mut notes = pages[current].notes.clone();
    notes.extend(item.footnotes.iter().copied());
    if !pages[current].items.is_empty() && y + space + height > g.bottom - note_height(&notes) {
        pages.push(FlowPage::default());
        current += 1;
        y = g.top;
        space = 0.0;
    }
    y += space;
    let page = &mut pages[current];
    page.items.push((y, height, item.clone()));
    page.notes.extend(item.footnotes.iter().copied());
    y + height
}

impl Composer<'_> {
    /// Page `number` of `total`: after `marks` (page 1's fixed parts), its flow and
    /// footnotes, and its number when there is more than one page.
    pub(super) fn finish_page(
        &mut self,
        page: FlowPage,
        mut marks: Vec<Mark>,
        notes: &Notes,
        number: usize,
        total: usize,
    ) -> Page {
        for (top, height, item) in page.items {
            self.place(&item, top, height, &mut marks);
        }
        notes.place(&page.notes, self.g, &mut marks);
        if total > 1 {
            self.page_number(number, total, &mut marks);
        }
        Page { marks }
    }

    /// An item's marks, its top at `top`, `height` high.
    fn place(&self, item: &Item, top: f32, height: f32, marks: &mut Vec<Mark>) {
        let g = self.g;
        match &item.content {
            Content::Text { line, right } => {
                let x = if *right {
                    g.width - g.right - line.width
                } else {
                    g.left + item.x
                };
                marks.push(Mark::Text {
                    x,
                    baseline: top + baseline_in(height, line_size(line)),
                    line: line.clone(),
                    color: BLACK,
                });
            }
            Content::Cell { lines, hang } => {
                let leading = height / lines.len().max(1) as f32;
                for (i, line) in lines.iter().enumerate() {
                    let indent = if i == 0 { 0.0 } else { *hang };
                    marks.push(Mark::Text {
                        x: g.left + item.x + indent,
                        baseline: top + i as f32 * leading + baseline_in(leading, line_size(line)),
                        line: line.clone(),
                        color: BLACK,
                    });
                }
            }
            Content::Image { width } => marks.push(Mark::Image {
                x: g.left + item.x,
                top,
                width: *width,
                height,
            }),
            Content::Space => {}
        }
    }

    /// "Page 1 of 3" at the foot of page 1; on the others, the same at the right of a
    /// header that names the addressee and the date, above a rule.
    fn page_number(&mut self, number: usize, total: usize, marks: &mut Vec<Mark>) {
        let g = self.g;
        let label = locale::page_of(self.letter.language, number, total);
        let Some(mut line) = self
            .lines(&plain(&label, Style::Regular, SMALL), g.text_width())
            .into_iter()
            .next()
        else {
            return;
        };
        line.tag.role = Role::Artifact;
        let right = g.width - g.right - line.width;
        if number == 1 {
            marks.push(Mark::Text {
                x: right,
                baseline: g.footer_baseline,
                line,
                color: GRAY,
            });
            return;
        }
        self.running_head(marks);
        marks.push(Mark::Text {
            x: right,
            baseline: g.header_baseline,
            line,
            color: GRAY,
        });
        marks.push(Mark::Rule {
            x1: g.left,
            x2: g.width - g.right,
            y: g.header_baseline + 4.0,
            width: 0.4,
            color: LIGHT,
        });
    }

    /// The left of a continuation page's header: the addressee and the date, so a
    /// loose page can be put back with its letter.
    fn running_head(&mut self, marks: &mut Vec<Mark>) {
        let g = self.g;
        let letter = self.letter;
        let mut context = letter.recipient.addressee.clone();
        if !context.is_empty() {
            context.push_str("  ·  ");
        }
        context.push_str(&letter.date_text);
        if let Some(mut head) = self
            .lines(
                &plain(&context, Style::Regular, SMALL),
                g.text_width() * 0.7,
            )
            .into_iter()
            .next()
        {
            head.tag.role = Role::Artifact;
            marks.push(Mark::Text {
                x: g.left,
                baseline: g.header_baseline,
                line: head,
                color: GRAY,
            });
        }
    }
}

/// The size a line's baseline is placed for: its largest run, at least the body's.
fn line_size(line: &super::lines::Line) -> f32 {
    line.runs
        .iter()
        .map(|p| p.run.size)
        .fold(0.0, f32::max)
        .max(BODY)
}

#[cfg(test)]
mod tests {
    use super::super::lines::Line;
    use super::super::paper::geometry;
    use super::super::style::LEADING;
    use super::*;
    use crate::model::Layout;

    fn line(keep: bool) -> Item {
        let mut item = Item::text(Line::default(), 0.0);
        item.keep_with_next = keep;
        item
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        let g = geometry(Layout::A4);
        let room = ((g.bottom - g.top) / LEADING) as usize;
        // Fill the page but one line, then a heading kept with its paragraph.
        let mut items: Vec<Item> = (0..room - 1).map(|_| line(false)).collect();
        items.push(line(true));
        items.push(line(true));
        items.push(line(false));
        let pages = paginate(&items, g.top, &g, &|_| 0.0, &Spacing::NATURAL);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].items.len(), room - 1);
        assert_eq!(pages[1].items.len(), 3);
    }

    #[test]
    fn footnotes_take_room_on_the_page_that_marks_them() {
        let g = geometry(Layout::A4);
        let room = ((g.bottom - g.top) / LEADING) as usize;
        let mut items: Vec<Item> = (0..room).map(|_| line(false)).collect();
        items[room - 1].footnotes = vec![1];
        let pages = paginate(
            &items,
            g.top,
            &g,
            &|n: &[usize]| if n.is_empty() { 0.0 } else { 40.0 },
            &Spacing::NATURAL,
        );
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1].notes, vec![1]);
    }
}
