//! The Letter: the document model every renderer lays out, independent of output format.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Language;

/// A run of text inside a paragraph or list item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Inline {
    /// Text, possibly emphasized.
    Text {
        text: String,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        bold: bool,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        italic: bool,
    },
    /// A footnote marker (superscript in print), numbered from 1.
    FootnoteRef { number: usize },
    /// A forced line break.
    LineBreak,
}

impl Inline {
    pub fn plain(text: impl Into<String>) -> Inline {
        Inline::Text {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        content: Vec<Inline>,
    },
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    /// A numbered list; each item is a list of blocks.
    OrderedList {
        start: u64,
        items: Vec<Vec<Block>>,
    },
    BulletList {
        items: Vec<Vec<Block>>,
    },
}

/// A footnote, printed at the foot of the page (or the end of a text letter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Footnote {
    pub number: usize,
    pub content: Vec<Inline>,
}

/// The sending organization's (or person's) letterhead.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Letterhead {
    /// The organization, or the sender's name for a personal letter.
    pub name: String,
    /// Address, email, phone and web lines.
    pub lines: Vec<String>,
}

impl Letterhead {
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.lines.is_empty()
    }
}

/// Who the letter goes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecipientBlock {
    /// The office id.
    pub id: String,
    /// Honorific and name, title, organization, address lines.
    pub lines: Vec<String>,
    pub email: Option<String>,
    pub country: String,
}

/// The signature block.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Signature {
    pub image: Option<PathBuf>,
    pub name: String,
    pub title: String,
    pub organization: String,
}

/// A person (or group) the letter is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonConcerned {
    pub name: String,
    pub pronouns: String,
}

/// A finished letter, ready to render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Letter {
    pub language: Language,
    /// The template (campaign) id.
    pub template: String,
    pub letterhead: Letterhead,
    pub date: NaiveDate,
    /// The date as printed, in the letter's language.
    pub date_text: String,
    pub recipient: RecipientBlock,
    pub subject: String,
    pub salutation: String,
    pub body: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    pub closing: String,
    pub signature: Signature,
    pub cosigners: Vec<String>,
    pub enclosures: Vec<String>,
    pub cc: Vec<String>,
    /// The sender's email address, for email output.
    pub sender_email: Option<String>,
    /// The deadline of an urgent action.
    pub act_before: Option<NaiveDate>,
    pub people: Vec<PersonConcerned>,
}
