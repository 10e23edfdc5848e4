//! Many letters in one PDF, for printing: each letter is typeset on its own (its
//! pages, its "Page 2 of 3", its signature image, its font subsets) and written into
//! one document as it comes, in row order, under one page tree, with one /Info titled
//! with the campaign, the /Lang of the first letter and a content-hash /ID, so the
//! result is byte-reproducible.
//!
//! Memory stays flat in the number of letters: a letter's objects go to the output as
//! soon as it is added, and only its objects' offsets and its pages' numbers are kept
//! (a few hundred bytes a letter) until the end writes the page tree and the
//! cross-reference table.
//!
//! For printing on both sides (`duplex`), a letter of an odd number of pages is
//! followed by a blank page when another letter comes after it, so that every letter
//! starts on the front of a new sheet.

use std::io::{self, Write};

use super::document::{Document, Info};
use super::typeset::Typeset;
use crate::render::pdf::PdfOptions;

/// A combined PDF being written to `W`.
pub struct Combined<W: Write> {
    document: Document<W>,
    duplex: bool,
    /// The blank back of the last letter's last sheet, added if another letter comes.
    back: Option<Typeset>,
}

impl<W: Write> Combined<W> {
    /// Starts the combined PDF: its header goes to `out`. With `duplex`, every letter
    /// starts on a new sheet; the standards are those of `options`.
    pub fn new(out: W, options: &PdfOptions) -> io::Result<Combined<W>> {
        Ok(Combined {
            document: Document::new(out, options.standard.tagged())?,
            duplex: options.duplex,
            back: None,
        })
    }

    /// Appends a letter.
    pub fn add(&mut self, letter: &Typeset) -> io::Result<()> {
        if let Some(back) = self.back.take() {
            self.document.add(&back)?;
        }
        self.document.add(letter)?;
        if self.duplex && letter.pages() % 2 == 1 {
            self.back = Some(letter.blank_page());
        }
        Ok(())
    }

    /// Ends the PDF, titled `title` (the campaign), and returns the output. At least
    /// one letter must have been added.
    pub fn finish(self, title: &str) -> io::Result<W> {
        self.document.finish(&Info {
            title,
            author: None,
        })
    }
}
