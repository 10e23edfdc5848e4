//! The Letter: the document model every renderer lays out, independent of output format.
//! Its parts are structured (the letterhead's name, address, email, phone and web; the
//! recipient block's addressee, title, organization and address), so no renderer has to
//! guess what a line is. `naming` builds every file name.

pub mod naming;

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Cosigner, ImageFile, Language};

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
        /// The language the text is written in, when it is not the paragraph's (a
        /// source's title quoted in the language it was published in).
        #[serde(skip_serializing_if = "Option::is_none")]
        lang: Option<Language>,
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
            lang: None,
        }
    }

    /// Text in `language`, not the paragraph's.
    pub fn in_language(text: impl Into<String>, language: Language) -> Inline {
        Inline::Text {
            text: text.into(),
            bold: false,
            italic: false,
            lang: Some(language),
        }
    }
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        content: Vec<Inline>,
        /// The language the paragraph is written in, when it is not the letter's (the
        /// signer's own words, written in another language).
        #[serde(skip_serializing_if = "Option::is_none")]
        lang: Option<Language>,
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
    /// Postal address lines.
    pub address: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub web: String,
}

impl Letterhead {
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.contact_lines().is_empty()
    }

    /// The lines under the name: address, then email, phone and web.
    pub fn contact_lines(&self) -> Vec<&str> {
        self.address
            .iter()
            .map(String::as_str)
            .chain([self.email.as_str(), self.phone.as_str(), self.web.as_str()])
            .filter(|line| !line.is_empty())
            .collect()
    }
}

/// Who the letter goes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecipientBlock {
    /// The office id.
    pub id: String,
    /// The honorific and name, or the office when no name is known.
    pub addressee: String,
    /// The officeholder's title (none when the addressee is the office itself).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub organization: String,
    /// Postal address lines.
    pub address: Vec<String>,
    pub email: Option<String>,
    pub country: String,
}

impl RecipientBlock {
    /// The block as printed: addressee, title, organization, address lines; blank
    /// lines left out, and a line that repeats the one before it printed once.
    pub fn lines(&self) -> Vec<&str> {
        let mut lines: Vec<&str> = Vec::with_capacity(3 + self.address.len());
        let parts = [
            self.addressee.as_str(),
            self.title.as_str(),
            self.organization.as_str(),
        ];
        for line in parts
            .into_iter()
            .chain(self.address.iter().map(String::as_str))
        {
            if !line.is_empty() && lines.last() != Some(&line) {
                lines.push(line);
            }
        }
        lines
    }
}

/// The signature block.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Signature {
    /// A handwritten signature image, read from its file.
    pub image: Option<Arc<ImageFile>>,
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
    pub cosigners: Vec<Cosigner>,
    pub enclosures: Vec<String>,
    pub cc: Vec<String>,
    /// The sender's email address, for email output.
    pub sender_email: Option<String>,
    /// The deadline of an urgent action.
    pub act_before: Option<NaiveDate>,
    pub people: Vec<PersonConcerned>,
}
