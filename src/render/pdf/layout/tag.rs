//! What a line of text is to someone who cannot see the page: a paragraph, the
//! subject heading, an entry of a list (its marker apart), a footnote, or an artifact
//! (a page number, a continuation page's header) that a screen reader skips. Lines of
//! one block share its number, so the writer makes one structure element of them, even
//! across pages. A block written in another language than the letter's carries that
//! language, for the reader's voice.

use crate::model::Language;

/// The kind of block a line belongs to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Role {
    /// A paragraph (the default: nothing is hidden from a reader by mistake).
    #[default]
    Paragraph,
    /// The subject.
    Heading,
    /// A heading in the body.
    Subheading,
    /// An entry of list `list`; `label` when the line starts with the entry's marker.
    Item { list: u32, label: bool },
    /// A footnote; `label` when the line starts with the note's number.
    Note { label: bool },
    /// Page furniture: page numbers, a continuation page's header.
    Artifact,
}

/// A line's role, the block it belongs to, and the block's language when it is not
/// the letter's. Block 0 is a block of its own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tag {
    pub role: Role,
    pub block: u32,
    pub lang: Option<Language>,
}

/// Hands out block numbers.
#[derive(Debug, Default)]
pub(super) struct Blocks {
    last: u32,
}

impl Blocks {
    /// A tag for a new block of `role`.
    pub fn next(&mut self, role: Role) -> Tag {
        self.last += 1;
        Tag {
            role,
            block: self.last,
            lang: None,
        }
    }

    /// A new list's number.
    pub fn list(&mut self) -> u32 {
        self.last += 1;
        self.last
    }
}
