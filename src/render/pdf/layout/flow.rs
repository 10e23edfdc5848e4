//! The text flow: everything after page 1's fixed parts as a list of [`Item`]s (a
//! line, a co-signer's cell, the signature image or the room left for one), in the
//! order the text renderer uses: the date and address when the layout has them flow,
//! subject, salutation, the body (paragraphs, headings, lists), the closing and
//! signature, the co-signers (`columns`), enclosures and cc. Each item says how much
//! space goes above it, of which kind (so that `fit` can tighten it), and whether a
//! page may break after it: a heading, a list marker or a paragraph's first line never
//! ends a page, nor does a last line start one; the closing stays with the signature
//! and with the last two lines of the body.

use crate::letter::{Block, Inline};
use crate::model::locale;

use super::address::postal_lines;
use super::fit::Spacing;
use super::lines::{Line, Piece, Placed, Run};
use super::paper::DatePlace;
use super::style::{signature_size, BODY, LEADING, PARAGRAPH_GAP, SIGNATURE_SPACE};
use super::{Composer, Role, Tag};
use crate::render::pdf::fonts::Style;

/// What an item draws.
#[derive(Debug, Clone)]
pub(super) enum Content {
    /// A line of text, at the left margin plus the item's indent or flush right.
    Text { line: Line, right: bool },
    /// A co-signer: its lines, the ones after the first hanging in by `hang`.
    Cell { lines: Vec<Line>, hang: f32 },
    /// The signature image, `width` wide and the item's height high.
    Image { width: f32 },
    /// Nothing: room for a handwritten signature.
    Space,
}

/// How tall an item is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Height {
    /// Lines of body text, as tall as the leading is.
    Lines(usize),
    Fixed(f32),
}

/// What kind of space goes above an item, which decides how far it may shrink.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gap {
    /// Around the recipient block, the subject, the salutation, the closing.
    Block,
    /// Between paragraphs and list entries.
    Paragraph,
    Fixed,
}

/// The columns a co-signer's cell is set in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Columns {
    /// How many.
    pub count: usize,
    /// The width of each.
    pub width: f32,
}

/// A unit of the text flow: a line, a cell, an image, or blank space.
#[derive(Debug, Clone)]
pub(super) struct Item {
    pub content: Content,
    /// Indent from the left margin.
    pub x: f32,
    pub height: Height,
    /// Space above, dropped at the top of a page.
    pub space_before: f32,
    pub gap: Gap,
    /// Never break a page right after this item.
    pub keep_with_next: bool,
    /// The footnotes the item's line marks.
    pub footnotes: Vec<usize>,
    /// Set in columns with the cells around it.
    pub columns: Option<Columns>,
}

impl Item {
    /// A line of body text at indent `x`.
    pub fn text(line: Line, x: f32) -> Item {
        Item {
            footnotes: line.footnotes.clone(),
            content: Content::Text { line, right: false },
            x,
            height: Height::Lines(1),
            space_before: 0.0,
            gap: Gap::Fixed,
            keep_with_next: false,
            columns: None,
        }
    }

    /// The space above the item, spaced as `s` says.
    pub fn space(&self, s: &Spacing) -> f32 {
        match self.gap {
            Gap::Block => self.space_before * s.block,
            Gap::Paragraph => self.space_before * s.paragraph,
            Gap::Fixed => self.space_before,
        }
    }

    /// The item's height, spaced as `s` says.
    pub fn height(&self, s: &Spacing) -> f32 {
        match self.height {
            Height::Lines(n) => n as f32 * s.leading,
            Height::Fixed(h) => h,
        }
    }
}

/// Lines of a paragraph: the first and last kept with their neighbours (no orphans or
/// widows), `space_before` of kind `gap` above the first.
fn paragraph(lines: Vec<Line>, x: f32, space_before: f32, gap: Gap) -> Vec<Item> {
    let count = lines.len();
    let mut items: Vec<Item> = lines.into_iter().map(|line| Item::text(line, x)).collect();
    if count >= 2 {
        items[0].keep_with_next = true;
        items[count - 2].keep_with_next = true;
    }
    if let Some(first) = items.first_mut() {
        first.space_before = space_before;
        first.gap = gap;
    }
    items
}

/// `items` with no page break after any of them (a heading, a subject).
pub(super) fn kept_with_next(mut items: Vec<Item>) -> Vec<Item> {
    for item in &mut items {
        item.keep_with_next = true;
    }
    items
}

/// A letter's inline content as pieces to break, bold throughout when `bold`;
/// footnote references become raised numbers.
pub(super) fn inline_pieces(content: &[Inline], bold: bool, size: f32) -> Vec<Piece> {
    content
        .iter()
        .map(|inline| match inline {
            Inline::Text {
                text,
                bold: b,
                italic,
                lang,
            } => Piece::Text(Run {
                lang: *lang,
                ..Run::new(text.clone(), Style::new(bold || *b, *italic), size)
            }),
            Inline::FootnoteRef { number } => Piece::Text(Run {
                text: number.to_string(),
                style: Style::new(bold, false),
                size: size * 0.65,
                rise: size * 0.38,
                footnote: Some(*number),
                verbatim: true,
                lang: None,
            }),
            Inline::LineBreak => Piece::Break,
        })
        .collect()
}

/// Plain text in one style and size, to break.
pub(super) fn plain(text: &str, style: Style, size: f32) -> Vec<Piece> {
    vec![Piece::Text(Run::new(text, style, size))]
}

impl Composer<'_> {
    /// The text flow of the letter, from the date (when it flows) to the cc line.
    pub(super) fn flow(&mut self) -> Vec<Item> {
        let letter = self.letter;
        let mut items = Vec::new();
        self.flowing_date(&mut items);
        self.flowing_address(&mut items);
        self.subject_and_salutation(&mut items);
        let body = items.len();
        self.blocks(
            &letter.body,
            0.0,
            PARAGRAPH_GAP + 2.0,
            Gap::Block,
            &mut items,
        );
        // The closing never starts a page alone: the last two lines of the body go
        // with it.
        let text_lines: Vec<usize> = (body..items.len())
            .filter(|i| matches!(items[*i].content, Content::Text { .. }))
            .collect();
        for i in text_lines.iter().rev().take(2) {
            items[*i].keep_with_next = true;
        }
        if let Some(last) = items.last_mut() {
            last.keep_with_next = true;
        }
        self.signature_block(&mut items);
        self.cosigners(&mut items);
        self.notations(&mut items);
        items
    }

    /// The date, first in the flow when the layout gives it no place of its own.
    fn flowing_date(&mut self, items: &mut Vec<Item>) {
        let DatePlace::Flow { right } = self.g.date else {
            return;
        };
        let letter = self.letter;
        let width = self.g.text_width();
        let date = plain(&letter.date_text, Style::Regular, BODY);
        let lines = self.block(&date, width, Role::Paragraph);
        for line in lines {
            let mut item = Item::text(line, 0.0);
            if let Content::Text { right: r, .. } = &mut item.content {
                *r = right;
            }
            items.push(item);
        }
    }

    /// The recipient's address, in the flow when there is no envelope window: its
    /// lines by postal convention, the country last.
    fn flowing_address(&mut self, items: &mut Vec<Item>) {
        if self.g.window.is_some() {
            return;
        }
        let letter = self.letter;
        let width = self.g.text_width();
        let mut gap = LEADING;
        let tag = self.blocks.next(Role::Paragraph);
        for address_line in postal_lines(letter) {
            for mut line in self.lines(&plain(&address_line.text, Style::Regular, BODY), width) {
                line.tag = tag;
                let mut item = Item::text(line, 0.0);
                item.space_before = std::mem::take(&mut gap);
                item.gap = Gap::Block;
                item.keep_with_next = true;
                items.push(item);
            }
        }
    }

    /// The subject in bold and the salutation, both kept with what follows.
    fn subject_and_salutation(&mut self, items: &mut Vec<Item>) {
        let letter = self.letter;
        let width = self.g.text_width();
        if !letter.subject.is_empty() {
            let subject = plain(&letter.subject, Style::Bold, BODY);
            let lines = self.block(&subject, width, Role::Heading);
            items.extend(kept_with_next(paragraph(
                lines,
                0.0,
                LEADING * 1.5,
                Gap::Block,
            )));
        }
        if !letter.salutation.is_empty() {
            let salutation = plain(&letter.salutation, Style::Regular, BODY);
            let lines = self.block(&salutation, width, Role::Paragraph);
            items.extend(kept_with_next(paragraph(
                lines,
                0.0,
                LEADING * 1.2,
                Gap::Block,
            )));
        }
    }

    /// Body blocks indented by `indent`, the first `gap` (of kind `kind`) below what
    /// came before.
    fn blocks(
        &mut self,
        blocks: &[Block],
        indent: f32,
        gap: f32,
        kind: Gap,
        items: &mut Vec<Item>,
    ) {
        let width = self.g.text_width() - indent;
        for (i, block) in blocks.iter().enumerate() {
            let (space, kind) = if i == 0 {
                (gap, kind)
            } else {
                (PARAGRAPH_GAP, Gap::Paragraph)
            };
            match block {
                Block::Paragraph { content, lang } => {
                    let pieces = inline_pieces(content, false, BODY);
                    let mut lines = self.block(&pieces, width, Role::Paragraph);
                    for line in &mut lines {
                        line.tag.lang = *lang;
                    }
                    items.extend(paragraph(lines, indent, space, kind));
                }
                Block::Heading { content, .. } => {
                    let pieces = inline_pieces(content, true, BODY);
                    let lines = self.block(&pieces, width, Role::Subheading);
                    items.extend(kept_with_next(paragraph(lines, indent, space + 4.0, kind)));
                }
                Block::OrderedList { start, items: list } => {
                    let markers: Vec<String> = (0..list.len())
                        .map(|n| format!("{}.", start + n as u64))
                        .collect();
                    self.list(list, &markers, indent, (space, kind), items);
                }
                Block::BulletList { items: list } => {
                    let markers = vec!["•".to_string(); list.len()];
                    self.list(list, &markers, indent, (space, kind), items);
                }
            }
        }
    }

    /// A list: each entry's blocks indented past a gutter wide enough for the widest
    /// marker, the marker hanging right-aligned in it on the entry's first line.
    fn list(
        &mut self,
        list: &[Vec<Block>],
        markers: &[String],
        indent: f32,
        (gap, kind): (f32, Gap),
        items: &mut Vec<Item>,
    ) {
        let widths: Vec<f32> = markers
            .iter()
            .map(|m| self.t.width(m, Style::Regular, BODY))
            .collect();
        let widest = widths.iter().copied().fold(0.0, f32::max);
        let gutter = (widest + 0.6 * BODY).max(1.6 * BODY);
        let number = self.blocks.list();
        for (n, (blocks, marker)) in list.iter().zip(markers).enumerate() {
            let first = items.len();
            let (space, kind) = if n == 0 {
                (gap, kind)
            } else {
                (PARAGRAPH_GAP * 0.6, Gap::Paragraph)
            };
            self.blocks(blocks, indent + gutter, space, kind, items);
            let tag = self.blocks.next(Role::Item {
                list: number,
                label: false,
            });
            retag(&mut items[first..], tag);
            hang_marker(items, first, marker, widths[n]);
        }
    }

    /// The closing, the signature image (or room to sign) and the signer's name, title
    /// and organization, all on one page.
    fn signature_block(&mut self, items: &mut Vec<Item>) {
        let letter = self.letter;
        let width = self.g.text_width();
        let start = items.len();
        let closing = plain(&letter.closing, Style::Regular, BODY);
        let lines = self.block(&closing, width, Role::Paragraph);
        items.extend(paragraph(lines, 0.0, LEADING, Gap::Block));
        items.push(self.signature_item());
        let sig = &letter.signature;
        let tag = self.blocks.next(Role::Paragraph);
        for text in [&sig.name, &sig.title, &sig.organization] {
            if text.is_empty() {
                continue;
            }
            for mut line in self.lines(&plain(text, Style::Regular, BODY), width) {
                line.tag = tag;
                items.push(Item::text(line, 0.0));
            }
        }
        let end = items.len();
        for item in &mut items[start..end.saturating_sub(1)] {
            item.keep_with_next = true;
        }
    }

    /// The signature image in its box, or blank room for a handwritten signature.
    fn signature_item(&self) -> Item {
        let (content, height, space_before) = match self.signature {
            Some(aspect) => {
                let (width, height) = signature_size(aspect);
                (Content::Image { width }, height, 4.0)
            }
            None => (Content::Space, SIGNATURE_SPACE, 0.0),
        };
        Item {
            content,
            x: 0.0,
            height: Height::Fixed(height),
            space_before,
            gap: Gap::Fixed,
            keep_with_next: false,
            footnotes: Vec::new(),
            columns: None,
        }
    }

    /// The enclosures and cc notations, each a labelled paragraph.
    fn notations(&mut self, items: &mut Vec<Item>) {
        let letter = self.letter;
        let lang = letter.language;
        let width = self.g.text_width();
        let mut gap = (LEADING * 1.5, Gap::Block);
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
            let lines = self.block(&pieces, width, Role::Paragraph);
            let (space, kind) = std::mem::replace(&mut gap, (2.0, Gap::Fixed));
            items.extend(paragraph(lines, 0.0, space, kind));
        }
    }
}

/// Hangs a list entry's `marker` (`width` wide) in the gutter, right-aligned, on the
/// entry's first line (item `first`), and keeps that line with the next.
fn hang_marker(items: &mut [Item], first: usize, marker: &str, width: f32) {
    let count = items.len();
    let Some(item) = items.get_mut(first) else {
        return;
    };
    if let Content::Text { line, .. } = &mut item.content {
        if let Role::Item { label, .. } = &mut line.tag.role {
            *label = true;
        }
        let x = -(width + 0.4 * BODY);
        line.runs.insert(
            0,
            Placed {
                x,
                run: Run::new(marker, Style::Regular, BODY),
            },
        );
    }
    if count > first + 1 {
        item.keep_with_next = true;
    }
}

/// Gives every line of `items` the tag `tag`.
fn retag(items: &mut [Item], tag: Tag) {
    for item in items {
        match &mut item.content {
            Content::Text { line, .. } => line.tag = tag,
            Content::Cell { lines, .. } => lines.iter_mut().for_each(|line| line.tag = tag),
            Content::Image { .. } | Content::Space => {}
        }
    }
}
