//! Pages: the fixed parts of page 1 (letterhead, return address, the address in the
//! envelope window, the date) and the text flowed onto as many pages as it needs, in the
//! order the text renderer uses. Breaks never leave a heading, a list number or a
//! paragraph's first line alone at a page bottom (nor its last line alone at a top);
//! the closing stays with the signature; footnotes go to the foot of the page that
//! marks them; continuation pages say "Page 2 of 3".

use crate::letter::{Block, Inline, Letter};
use crate::model::locale;

use super::fonts::{Fonts, Style};
use super::layout::{DatePlace, Geometry, MM};
use super::lines::{Line, Piece, Placed, Run, Typesetter};

/// An RGB colour, components 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color(pub f32, pub f32, pub f32);

pub const BLACK: Color = Color(0.0, 0.0, 0.0);
const ACCENT: Color = Color(0.11, 0.2, 0.36);
const GRAY: Color = Color(0.35, 0.35, 0.35);
const LIGHT: Color = Color(0.55, 0.55, 0.55);

const BODY: f32 = 11.0;
const LEADING: f32 = 14.0;
const PARAGRAPH_GAP: f32 = 7.0;
const SMALL: f32 = 8.5;
const SMALL_LEADING: f32 = 10.5;
const NAME_SIZE: f32 = 16.0;
const ADDRESS_SIZE: f32 = 10.5;
const ADDRESS_LEADING: f32 = 12.5;
const RETURN_SIZE: f32 = 7.0;
const NOTE_SIZE: f32 = 8.5;
const NOTE_LEADING: f32 = 10.5;
/// The height of a signature image.
const SIGNATURE_HEIGHT: f32 = 15.0 * MM;
const SIGNATURE_MAX_WIDTH: f32 = 60.0 * MM;
/// Room left for a handwritten signature when there is no image.
const SIGNATURE_SPACE: f32 = 36.0;

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

#[derive(Debug, Clone)]
enum Content {
    Text { line: Line, right: bool },
    Image { width: f32 },
    Space,
}

/// A unit of the text flow: a line, an image, or blank space.
#[derive(Debug, Clone)]
struct Item {
    content: Content,
    /// Indent from the left margin.
    x: f32,
    height: f32,
    /// Space above, dropped at the top of a page.
    space_before: f32,
    /// Never break a page right after this item.
    keep_with_next: bool,
    footnotes: Vec<usize>,
}

impl Item {
    fn text(line: Line, x: f32, height: f32) -> Item {
        Item {
            footnotes: line.footnotes.clone(),
            content: Content::Text { line, right: false },
            x,
            height,
            space_before: 0.0,
            keep_with_next: false,
        }
    }
}

/// Where a line's baseline sits in a line box of `leading` for text of `size`.
fn baseline_in(leading: f32, size: f32) -> f32 {
    (leading - size) / 2.0 + size * 0.8
}

/// Lines of a paragraph: the first and last kept with their neighbours (no orphans or
/// widows), space before the first.
fn paragraph(lines: Vec<Line>, x: f32, leading: f32, space_before: f32) -> Vec<Item> {
    let count = lines.len();
    let mut items: Vec<Item> = lines
        .into_iter()
        .map(|line| Item::text(line, x, leading))
        .collect();
    if count >= 2 {
        items[0].keep_with_next = true;
        items[count - 2].keep_with_next = true;
    }
    if let Some(first) = items.first_mut() {
        first.space_before = space_before;
    }
    items
}

fn inline_pieces(content: &[Inline], bold: bool, size: f32) -> Vec<Piece> {
    content
        .iter()
        .map(|inline| match inline {
            Inline::Text {
                text,
                bold: b,
                italic,
            } => Piece::Text(Run::new(
                text.clone(),
                Style::new(bold || *b, *italic),
                size,
            )),
            Inline::FootnoteRef { number } => Piece::Text(Run {
                text: number.to_string(),
                style: Style::new(bold, false),
                size: size * 0.65,
                rise: size * 0.38,
                footnote: Some(*number),
            }),
            Inline::LineBreak => Piece::Break,
        })
        .collect()
}

fn plain(text: &str, style: Style, size: f32) -> Vec<Piece> {
    vec![Piece::Text(Run::new(text, style, size))]
}

/// The flow on one page: each item with its top, and the footnotes the page carries.
#[derive(Debug, Default)]
struct FlowPage {
    items: Vec<(f32, Item)>,
    notes: Vec<usize>,
}

/// Distributes the flow onto pages. Items joined by `keep_with_next` move to the next
/// page together when they do not fit (unless they fill a page alone); room is kept at
/// the foot of each page for the footnotes its lines mark.
fn paginate(
    items: &[Item],
    start: f32,
    g: &Geometry,
    note_height: &dyn Fn(&[usize]) -> f32,
) -> Vec<FlowPage> {
    let mut pages = vec![FlowPage::default()];
    let mut y = start;
    let mut i = 0;
    while i < items.len() {
        let mut end = i;
        while end + 1 < items.len() && items[end].keep_with_next {
            end += 1;
        }
        let group = &items[i..=end];
        let current = pages.len() - 1;
        let empty = pages[current].items.is_empty();
        let height: f32 = group
            .iter()
            .enumerate()
            .map(|(k, it)| {
                let space = if k == 0 && empty {
                    0.0
                } else {
                    it.space_before
                };
                space + it.height
            })
            .sum();
        let mut notes = pages[current].notes.clone();
        notes.extend(group.iter().flat_map(|it| it.footnotes.iter().copied()));
        if !empty && y + height > g.bottom - note_height(&notes) {
            pages.push(FlowPage::default());
            y = g.top;
        }
        for item in group {
            let mut current = pages.len() - 1;
            let mut space = if pages[current].items.is_empty() {
                0.0
            } else {
                item.space_before
            };
            let mut notes = pages[current].notes.clone();
            notes.extend(item.footnotes.iter().copied());
            if !pages[current].items.is_empty()
                && y + space + item.height > g.bottom - note_height(&notes)
            {
                pages.push(FlowPage::default());
                current += 1;
                y = g.top;
                space = 0.0;
            }
            y += space;
            let page = &mut pages[current];
            page.items.push((y, item.clone()));
            page.notes.extend(item.footnotes.iter().copied());
            y += item.height;
        }
        i = end + 1;
    }
    pages
}

/// Lays out a letter: what goes where, page by page.
pub struct Composer<'a> {
    t: Typesetter<'a>,
    g: &'a Geometry,
    letter: &'a Letter,
    /// The signature image's width over height, if there is one.
    signature: Option<f32>,
}

impl<'a> Composer<'a> {
    pub fn new(
        fonts: &'a Fonts,
        g: &'a Geometry,
        letter: &'a Letter,
        signature: Option<f32>,
    ) -> Composer<'a> {
        Composer {
            t: Typesetter::new(fonts),
            g,
            letter,
            signature,
        }
    }

    /// The characters no font can draw, and where, if any.
    pub fn missing(&self) -> Option<(String, String)> {
        self.t.missing()
    }

    fn lines(&mut self, pieces: &[Piece], width: f32) -> Vec<Line> {
        self.t.break_lines(pieces, width)
    }

    fn blocks(&mut self, blocks: &[Block], indent: f32, gap: f32, items: &mut Vec<Item>) {
        let width = self.g.text_width() - indent;
        for (i, block) in blocks.iter().enumerate() {
            let space = if i == 0 { gap } else { PARAGRAPH_GAP };
            match block {
                Block::Paragraph { content } => {
                    let lines = self.lines(&inline_pieces(content, false, BODY), width);
                    items.extend(paragraph(lines, indent, LEADING, space));
                }
                Block::Heading { content, .. } => {
                    let lines = self.lines(&inline_pieces(content, true, BODY), width);
                    let mut heading = paragraph(lines, indent, LEADING, space + 4.0);
                    for item in &mut heading {
                        item.keep_with_next = true;
                    }
                    items.extend(heading);
                }
                Block::OrderedList { start, items: list } => {
                    let markers: Vec<String> = (0..list.len())
                        .map(|n| format!("{}.", start + n as u64))
                        .collect();
                    self.list(list, &markers, indent, space, items);
                }
                Block::BulletList { items: list } => {
                    let markers = vec!["•".to_string(); list.len()];
                    self.list(list, &markers, indent, space, items);
                }
            }
        }
    }

    fn list(
        &mut self,
        list: &[Vec<Block>],
        markers: &[String],
        indent: f32,
        gap: f32,
        items: &mut Vec<Item>,
    ) {
        let widths: Vec<f32> = markers
            .iter()
            .map(|m| self.t.width(m, Style::Regular, BODY))
            .collect();
        let widest = widths.iter().copied().fold(0.0, f32::max);
        let gutter = (widest + 0.6 * BODY).max(1.6 * BODY);
        for (n, (blocks, marker)) in list.iter().zip(markers).enumerate() {
            let first = items.len();
            let space = if n == 0 { gap } else { PARAGRAPH_GAP * 0.6 };
            self.blocks(blocks, indent + gutter, space, items);
            // The marker hangs in the gutter, right-aligned, on the item's first line.
            if let Some(item) = items.get_mut(first) {
                if let Content::Text { line, .. } = &mut item.content {
                    let x = -(widths[n] + 0.4 * BODY);
                    line.runs.insert(
                        0,
                        Placed {
                            x,
                            run: Run::new(marker.clone(), Style::Regular, BODY),
                        },
                    );
                }
                if items.len() > first + 1 {
                    items[first].keep_with_next = true;
                }
            }
        }
    }

    /// The text flow of the letter, from the date (when it flows) to the cc line.
    fn flow(&mut self) -> Vec<Item> {
        let letter = self.letter;
        let g = self.g;
        let width = g.text_width();
        let mut items = Vec::new();
        if let DatePlace::Flow { right } = g.date {
            let lines = self.lines(&plain(&letter.date_text, Style::Regular, BODY), width);
            for line in lines {
                let mut item = Item::text(line, 0.0, LEADING);
                if let Content::Text { right: r, .. } = &mut item.content {
                    *r = right;
                }
                items.push(item);
            }
        }
        if g.window.is_none() {
            let mut gap = LEADING;
            for text in letter.recipient.lines() {
                for line in self.lines(&plain(text, Style::Regular, BODY), width) {
                    let mut item = Item::text(line, 0.0, LEADING);
                    item.space_before = std::mem::take(&mut gap);
                    item.keep_with_next = true;
                    items.push(item);
                }
            }
        }
        if !letter.subject.is_empty() {
            let lines = self.lines(&plain(&letter.subject, Style::Bold, BODY), width);
            let mut subject = paragraph(lines, 0.0, LEADING, LEADING * 1.5);
            for item in &mut subject {
                item.keep_with_next = true;
            }
            items.extend(subject);
        }
        if !letter.salutation.is_empty() {
            let lines = self.lines(&plain(&letter.salutation, Style::Regular, BODY), width);
            let mut salutation = paragraph(lines, 0.0, LEADING, LEADING * 1.2);
            for item in &mut salutation {
                item.keep_with_next = true;
            }
            items.extend(salutation);
        }
        self.blocks(&letter.body, 0.0, PARAGRAPH_GAP + 2.0, &mut items);
        // The closing never starts a page alone.
        if let Some(last) = items.last_mut() {
            last.keep_with_next = true;
        }
        self.signature_block(&mut items);
        self.trailer(&mut items);
        items
    }

    fn signature_block(&mut self, items: &mut Vec<Item>) {
        let letter = self.letter;
        let width = self.g.text_width();
        let start = items.len();
        let lines = self.lines(&plain(&letter.closing, Style::Regular, BODY), width);
        items.extend(paragraph(lines, 0.0, LEADING, LEADING));
        match self.signature {
            Some(aspect) => {
                let height = SIGNATURE_HEIGHT.min(SIGNATURE_MAX_WIDTH / aspect.max(0.01));
                items.push(Item {
                    content: Content::Image {
                        width: height * aspect,
                    },
                    x: 0.0,
                    height,
                    space_before: 4.0,
                    keep_with_next: false,
                    footnotes: Vec::new(),
                });
            }
            None => items.push(Item {
                content: Content::Space,
                x: 0.0,
                height: SIGNATURE_SPACE,
                space_before: 0.0,
                keep_with_next: false,
                footnotes: Vec::new(),
            }),
        }
        let sig = &letter.signature;
        for text in [&sig.name, &sig.title, &sig.organization] {
            if text.is_empty() {
                continue;
            }
            for line in self.lines(&plain(text, Style::Regular, BODY), width) {
                items.push(Item::text(line, 0.0, LEADING));
            }
        }
        let end = items.len();
        for item in &mut items[start..end.saturating_sub(1)] {
            item.keep_with_next = true;
        }
    }

    fn trailer(&mut self, items: &mut Vec<Item>) {
        let letter = self.letter;
        let lang = letter.language;
        let width = self.g.text_width();
        if !letter.cosigners.is_empty() {
            let heading = locale::cosigners_heading(lang);
            let lines = self.lines(&plain(heading, Style::Bold, BODY), width);
            let mut head = paragraph(lines, 0.0, LEADING, LEADING * 1.5);
            for item in &mut head {
                item.keep_with_next = true;
            }
            items.extend(head);
            for cosigner in &letter.cosigners {
                let lines = self.lines(&plain(cosigner, Style::Regular, BODY), width - 12.0);
                items.extend(paragraph(lines, 12.0, LEADING, 0.0));
            }
        }
        let mut gap = LEADING * 1.5;
        for (label, list) in [
            (locale::enclosures_label(lang), &letter.enclosures),
            (locale::cc_label(lang), &letter.cc),
        ] {
            if list.is_empty() {
                continue;
            }
            let pieces = vec![
                Piece::Text(Run::new(format!("{label} "), Style::Regular, BODY)),
                Piece::Text(Run::new(list.join("; "), Style::Regular, BODY)),
            ];
            let lines = self.lines(&pieces, width);
            items.extend(paragraph(
                lines,
                0.0,
                LEADING,
                std::mem::replace(&mut gap, 2.0),
            ));
        }
    }

    /// The lines of each footnote, by number.
    fn footnotes(&mut self) -> Vec<(usize, Vec<Line>)> {
        let indent = 10.0;
        let width = self.g.text_width() - indent;
        let notes = &self.letter.footnotes;
        notes
            .iter()
            .map(|note| {
                let mut lines = self.lines(&inline_pieces(&note.content, false, NOTE_SIZE), width);
                let marker = Placed {
                    x: -indent,
                    run: Run {
                        text: note.number.to_string(),
                        style: Style::Regular,
                        size: NOTE_SIZE * 0.75,
                        rise: NOTE_SIZE * 0.35,
                        footnote: None,
                    },
                };
                match lines.first_mut() {
                    Some(first) => first.runs.insert(0, marker),
                    None => lines.push(Line {
                        runs: vec![marker],
                        width: 0.0,
                        footnotes: Vec::new(),
                    }),
                }
                (note.number, lines)
            })
            .collect()
    }

    /// Everything on page 1 that does not flow: letterhead, return line, window address,
    /// the date when it has a fixed place, fold marks. Returns where the flow may start.
    fn fixed(&mut self, marks: &mut Vec<Mark>) -> f32 {
        let letter = self.letter;
        let g = self.g;
        let width = g.text_width();
        let mut bottom = 0.0_f32;
        let head = &letter.letterhead;
        let contact = head.contact_lines();
        if !head.name.is_empty() || !contact.is_empty() {
            let mut y = g.name_baseline;
            if !head.name.is_empty() {
                for line in self.lines(&plain(&head.name, Style::Bold, NAME_SIZE), width) {
                    marks.push(Mark::Text {
                        x: g.left,
                        baseline: y,
                        line,
                        color: ACCENT,
                    });
                    y += NAME_SIZE * 1.15;
                }
                y -= NAME_SIZE * 1.15;
                y += 4.0;
            }
            if !contact.is_empty() {
                let contact = contact.join("  ·  ");
                for line in self.lines(&plain(&contact, Style::Regular, SMALL), width) {
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
            bottom = y;
        }
        match g.date {
            DatePlace::InfoBlock { x, top } => {
                let lines = self.lines(
                    &plain(&letter.date_text, Style::Regular, BODY),
                    g.width - g.right - x,
                );
                let mut y = top + baseline_in(LEADING, BODY);
                for line in lines {
                    marks.push(Mark::Text {
                        x,
                        baseline: y,
                        line,
                        color: BLACK,
                    });
                    y += LEADING;
                }
            }
            DatePlace::Fixed { baseline } => {
                let lines = self.lines(&plain(&letter.date_text, Style::Regular, BODY), width);
                let mut y = baseline.max(bottom + LEADING * 1.5);
                for line in lines {
                    marks.push(Mark::Text {
                        x: g.left,
                        baseline: y,
                        line,
                        color: BLACK,
                    });
                    bottom = y;
                    y += LEADING;
                }
            }
            DatePlace::Flow { .. } => {}
        }
        let Some(window) = g.window else {
            return (bottom + LEADING * 1.5).max(g.top);
        };
        let window_width = window.width;
        let mut address: Vec<Line> = Vec::new();
        for text in letter.recipient.lines() {
            address.extend(self.lines(&plain(text, Style::Regular, ADDRESS_SIZE), window_width));
        }
        let field_bottom = window.top + window.height;
        let needed = address.len() as f32 * ADDRESS_LEADING;
        let start = if window.address_top + needed <= field_bottom {
            window.address_top
        } else {
            (field_bottom - needed).max(window.top + 2.0)
        };
        if window.return_line && start - window.top >= 12.0 {
            let mut parts = Vec::new();
            if !head.name.is_empty() {
                parts.push(head.name.as_str());
            }
            parts.extend(head.address.iter().map(String::as_str));
            if !parts.is_empty() {
                let text = parts.join(" · ");
                if let Some(line) = self
                    .lines(&plain(&text, Style::Regular, RETURN_SIZE), window_width)
                    .into_iter()
                    .next()
                {
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
            }
        }
        let mut y = start + baseline_in(ADDRESS_LEADING, ADDRESS_SIZE);
        for line in address {
            marks.push(Mark::Text {
                x: window.x,
                baseline: y,
                line,
                color: BLACK,
            });
            y += ADDRESS_LEADING;
        }
        for fold in &g.fold_marks {
            marks.push(Mark::Rule {
                x1: 5.0 * MM,
                x2: 10.0 * MM,
                y: *fold,
                width: 0.4,
                color: LIGHT,
            });
        }
        if let Some(hole) = g.hole_mark {
            marks.push(Mark::Rule {
                x1: 5.0 * MM,
                x2: 12.0 * MM,
                y: hole,
                width: 0.4,
                color: LIGHT,
            });
        }
        g.first_top.max(y - ADDRESS_LEADING + LEADING * 2.0)
    }

    /// Lays the whole letter out on pages.
    pub fn pages(&mut self) -> Vec<Page> {
        let g = self.g;
        let mut first = Vec::new();
        let start = self.fixed(&mut first).max(g.first_top);
        let items = self.flow();
        let notes = self.footnotes();
        let note_height = |numbers: &[usize]| -> f32 {
            let lines: usize = notes
                .iter()
                .filter(|(n, _)| numbers.contains(n))
                .map(|(_, l)| l.len())
                .sum();
            if lines == 0 {
                0.0
            } else {
                12.0 + lines as f32 * NOTE_LEADING
            }
        };

        let pages = paginate(&items, start, g, &note_height);
        let total = pages.len();
        let lang = self.letter.language;
        let mut out = Vec::with_capacity(total);
        for (
            index,
            FlowPage {
                items: flow,
                notes: page_notes,
            },
        ) in pages.into_iter().enumerate()
        {
            let mut marks = if index == 0 {
                std::mem::take(&mut first)
            } else {
                Vec::new()
            };
            for (top, item) in flow {
                self.place(&item, top, &mut marks);
            }
            self.place_notes(&notes, &page_notes, note_height(&page_notes), &mut marks);
            if total > 1 {
                self.page_number(index + 1, total, lang, &mut marks);
            }
            out.push(Page { marks });
        }
        out
    }

    fn place(&self, item: &Item, top: f32, marks: &mut Vec<Mark>) {
        let g = self.g;
        match &item.content {
            Content::Text { line, right } => {
                let size = line.runs.iter().map(|p| p.run.size).fold(0.0, f32::max);
                let x = if *right {
                    g.width - g.right - line.width
                } else {
                    g.left + item.x
                };
                marks.push(Mark::Text {
                    x,
                    baseline: top + baseline_in(item.height, size.max(BODY)),
                    line: line.clone(),
                    color: BLACK,
                });
            }
            Content::Image { width } => marks.push(Mark::Image {
                x: g.left + item.x,
                top,
                width: *width,
                height: item.height,
            }),
            Content::Space => {}
        }
    }

    fn place_notes(
        &self,
        notes: &[(usize, Vec<Line>)],
        numbers: &[usize],
        height: f32,
        marks: &mut Vec<Mark>,
    ) {
        if numbers.is_empty() {
            return;
        }
        let g = self.g;
        let mut y = g.bottom - height + 4.0;
        marks.push(Mark::Rule {
            x1: g.left,
            x2: g.left + 50.0 * MM,
            y,
            width: 0.5,
            color: GRAY,
        });
        y += 8.0;
        for (_, lines) in notes.iter().filter(|(n, _)| numbers.contains(n)) {
            for line in lines {
                y += NOTE_LEADING;
                marks.push(Mark::Text {
                    x: g.left + 10.0,
                    baseline: y - 2.5,
                    line: line.clone(),
                    color: BLACK,
                });
            }
        }
    }

    fn page_number(
        &mut self,
        number: usize,
        total: usize,
        lang: crate::model::Language,
        marks: &mut Vec<Mark>,
    ) {
        let g = self.g;
        let label = locale::page_of(lang, number, total);
        let width = g.text_width();
        let Some(line) = self
            .lines(&plain(&label, Style::Regular, SMALL), width)
            .into_iter()
            .next()
        else {
            return;
        };
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
        let letter = self.letter;
        let mut context = letter.recipient.addressee.clone();
        if !context.is_empty() {
            context.push_str("  ·  ");
        }
        context.push_str(&letter.date_text);
        if let Some(head) = self
            .lines(&plain(&context, Style::Regular, SMALL), width * 0.7)
            .into_iter()
            .next()
        {
            marks.push(Mark::Text {
                x: g.left,
                baseline: g.header_baseline,
                line: head,
                color: GRAY,
            });
        }
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Layout;
    use crate::render::pdf::layout;

    fn line(keep: bool) -> Item {
        let mut item = Item::text(Line::default(), 0.0, LEADING);
        item.keep_with_next = keep;
        item
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        let g = layout::geometry(Layout::A4);
        let room = ((g.bottom - g.top) / LEADING) as usize;
        // Fill the page but one line, then a heading kept with its paragraph.
        let mut items: Vec<Item> = (0..room - 1).map(|_| line(false)).collect();
        items.push(line(true));
        items.push(line(true));
        items.push(line(false));
        let pages = paginate(&items, g.top, &g, &|_| 0.0);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].items.len(), room - 1);
        assert_eq!(pages[1].items.len(), 3);
    }

    #[test]
    fn footnotes_take_room_on_the_page_that_marks_them() {
        let g = layout::geometry(Layout::A4);
        let room = ((g.bottom - g.top) / LEADING) as usize;
        let mut items: Vec<Item> = (0..room).map(|_| line(false)).collect();
        items[room - 1].footnotes = vec![1];
        let pages = paginate(&items, g.top, &g, &|n: &[usize]| {
            if n.is_empty() {
                0.0
            } else {
                40.0
            }
        });
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1].notes, vec![1]);
    }
}
