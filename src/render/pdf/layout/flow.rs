//! The text flow: everything after page 1's fixed parts as a list of [`Item`]s (a
//! line, the signature image or the room left for one, blank space), in the order the
//! text renderer uses: the date and address when the layout has them flow, subject,
//! salutation, the body (paragraphs, headings, lists), the closing and signature, the
//! co-signers, enclosures and cc. Each item says how much space goes above it and
//! whether a page may break after it: a heading, a list marker or a paragraph's first
//! line never ends a page, nor does a last line start one; the closing stays with the
//! signature.

use crate::letter::{Block, Inline};
use crate::model::locale;

use super::lines::{Line, Piece, Placed, Run};
use super::paper::DatePlace;
use super::style::{
    BODY, LEADING, PARAGRAPH_GAP, SIGNATURE_HEIGHT, SIGNATURE_MAX_WIDTH, SIGNATURE_SPACE,
};
use super::Composer;
use crate::render::pdf::fonts::Style;

/// What an item draws.
#[derive(Debug, Clone)]
pub(super) enum Content {
    /// A line of text, at the left margin plus the item's indent or flush right.
    Text { line: Line, right: bool },
    /// The signature image, `width` wide and the item's height high.
    Image { width: f32 },
    /// Nothing: room for a handwritten signature.
    Space,
}

/// A unit of the text flow: a line, an image, or blank space.
#[derive(Debug, Clone)]
pub(super) struct Item {
    pub content: Content,
    /// Indent from the left margin.
    pub x: f32,
    pub height: f32,
    /// Space above, dropped at the top of a page.
    pub space_before: f32,
    /// Never break a page right after this item.
    pub keep_with_next: bool,
    /// The footnotes the item's line marks.
    pub footnotes: Vec<usize>,
}

impl Item {
    pub fn text(line: Line, x: f32, height: f32) -> Item {
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

/// `items` with no page break after any of them (a heading, a subject).
fn kept_with_next(mut items: Vec<Item>) -> Vec<Item> {
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
        self.blocks(&letter.body, 0.0, PARAGRAPH_GAP + 2.0, &mut items);
        // The closing never starts a page alone.
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
        let lines = self.lines(&plain(&letter.date_text, Style::Regular, BODY), width);
        for line in lines {
            let mut item = Item::text(line, 0.0, LEADING);
            if let Content::Text { right: r, .. } = &mut item.content {
                *r = right;
            }
            items.push(item);
        }
    }

    /// The recipient's address, in the flow when there is no envelope window.
    fn flowing_address(&mut self, items: &mut Vec<Item>) {
        if self.g.window.is_some() {
            return;
        }
        let letter = self.letter;
        let width = self.g.text_width();
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

    /// The subject in bold and the salutation, both kept with what follows.
    fn subject_and_salutation(&mut self, items: &mut Vec<Item>) {
        let letter = self.letter;
        let width = self.g.text_width();
        if !letter.subject.is_empty() {
            let lines = self.lines(&plain(&letter.subject, Style::Bold, BODY), width);
            items.extend(kept_with_next(paragraph(
                lines,
                0.0,
                LEADING,
                LEADING * 1.5,
            )));
        }
        if !letter.salutation.is_empty() {
            let lines = self.lines(&plain(&letter.salutation, Style::Regular, BODY), width);
            items.extend(kept_with_next(paragraph(
                lines,
                0.0,
                LEADING,
                LEADING * 1.2,
            )));
        }
    }

    /// Body blocks indented by `indent`, the first `gap` below what came before.
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
                    items.extend(kept_with_next(paragraph(
                        lines,
                        indent,
                        LEADING,
                        space + 4.0,
                    )));
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

    /// A list: each entry's blocks indented past a gutter wide enough for the widest
    /// marker, the marker hanging right-aligned in it on the entry's first line.
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
            hang_marker(items, first, marker, widths[n]);
        }
    }

    /// The closing, the signature image (or room to sign) and the signer's name, title
    /// and organization, all on one page.
    fn signature_block(&mut self, items: &mut Vec<Item>) {
        let letter = self.letter;
        let width = self.g.text_width();
        let start = items.len();
        let lines = self.lines(&plain(&letter.closing, Style::Regular, BODY), width);
        items.extend(paragraph(lines, 0.0, LEADING, LEADING));
        items.push(self.signature_item());
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

    /// The signature image at its height (narrowed if it would be too wide), or blank
    /// room for a handwritten signature.
    fn signature_item(&self) -> Item {
        match self.signature {
            Some(aspect) => {
                let height = SIGNATURE_HEIGHT.min(SIGNATURE_MAX_WIDTH / aspect.max(0.01));
                Item {
                    content: Content::Image {
                        width: height * aspect,
                    },
                    x: 0.0,
                    height,
                    space_before: 4.0,
                    keep_with_next: false,
                    footnotes: Vec::new(),
                }
            }
            None => Item {
                content: Content::Space,
                x: 0.0,
                height: SIGNATURE_SPACE,
                space_before: 0.0,
                keep_with_next: false,
                footnotes: Vec::new(),
            },
        }
    }

    /// The co-signers under a heading, each indented.
    fn cosigners(&mut self, items: &mut Vec<Item>) {
        let letter = self.letter;
        if letter.cosigners.is_empty() {
            return;
        }
        let width = self.g.text_width();
        let heading = locale::cosigners_heading(letter.language);
        let lines = self.lines(&plain(heading, Style::Bold, BODY), width);
        items.extend(kept_with_next(paragraph(
            lines,
            0.0,
            LEADING,
            LEADING * 1.5,
        )));
        for cosigner in &letter.cosigners {
            let lines = self.lines(&plain(cosigner, Style::Regular, BODY), width - 12.0);
            items.extend(paragraph(lines, 12.0, LEADING, 0.0));
        }
    }

    /// The enclosures and cc notations, each a labelled paragraph.
    fn notations(&mut self, items: &mut Vec<Item>) {
        let letter = self.letter;
        let lang = letter.language;
        let width = self.g.text_width();
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
}

/// Hangs a list entry's `marker` (`width` wide) in the gutter, right-aligned, on the
/// entry's first line (item `first`), and keeps that line with the next.
fn hang_marker(items: &mut [Item], first: usize, marker: &str, width: f32) {
    let count = items.len();
    let Some(item) = items.get_mut(first) else {
        return;
    };
    if let Content::Text { line, .. } = &mut item.content {
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
