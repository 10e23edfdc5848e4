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

use std::io::{self, Write};

use super::document::{Document, Info};
use super::typeset::Typeset;

/// A combined PDF being written to `W`.
pub struct Combined<W: Write> {
    document: Document<W>,
}

impl<W: Write> Combined<W> {
    /// Starts the combined PDF: its header goes to `out`.
    pub fn new(out: W) -> io::Result<Combined<W>> {
        Ok(Combined {
            document: Document::new(out)?,
        })
    }

    /// Appends a letter.
    pub fn add(&mut self, letter: &Typeset) -> io::Result<()> {
        self.document.add(letter)
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
