//! PDF writing: laid-out pages as bytes, with no say in what goes where.
//!
//! `typeset` makes one letter's objects, all that does not depend on where in a file
//! the letter goes (the `content` streams of its pages, its fonts `embed`ded as
//! subsets with a `to_unicode` map each, the signature `image`, which `jpeg` checks
//! when it is a JPEG and `raster` turns, trims and downsamples for print); a
//! `document` then numbers and writes them as letters come, with the `page_tree`, the
//! catalog, /Info and the trailer. A single letter is a document of one letter;
//! `combine` puts many in one. Underneath, `syntax` writes PDF objects straight into
//! bytes and `deflate` compresses streams.

mod combine;
mod content;
mod deflate;
mod document;
mod embed;
mod icc;
mod image;
mod jpeg;
mod link;
mod outline;
mod page_tree;
mod raster;
mod structure;
mod syntax;
mod tagging;
mod to_unicode;
mod typeset;
mod xmp;

pub use combine::Combined;
pub use document::{Document, Info};
pub use embed::Embedded;
pub use image::Image;
pub use typeset::{typeset, Meta, Typeset};

/// Writing failed inside the PDF writer (a bug, not a user error).
pub type WriteError = String;
