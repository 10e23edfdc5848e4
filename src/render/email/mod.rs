//! Email: a letter as an RFC 5322 message (`.eml`), several as one mbox, or a `mailto:`
//! URI, built with lettre's message builder.
//!
//! Every header value goes through lettre's encoder (RFC 2047 for non-ASCII names and
//! subjects); before that, every text that becomes a header has its control characters
//! (CR, LF, tab, …) turned into spaces, and every address is parsed strictly, so nothing
//! a user, a data file or a template writes can start a header of its own. A subject or
//! name that holds `=?` (which a mail program would take for the start of an encoded
//! word, and decode) is encoded whole, so a decoder gives back the characters as written.
//! The Message-ID is a hash of the content, so rendering the same letter again gives the
//! same message, and `letters send` can tell what it already sent.

mod address;
mod encoded_words;
#[cfg(test)]
mod fixture;
mod mailto;
mod mbox;
mod message;

pub use address::{one_line, parse_mailbox, parse_mailboxes};
pub use mailto::mailto;
pub use mbox::{append_mbox, render_mbox};
pub use message::{message, Envelope};

pub use lettre::message::Mailbox;

use crate::error::Result;
use crate::letter::Letter;

/// A file attached to a message (for example the PDF rendering of the same letter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub filename: String,
    /// A MIME type, such as `application/pdf`.
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// Who else a message goes to, and who it comes from when not the letter's signer:
/// addresses already parsed (see [`parse_mailbox`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmailOptions {
    /// The sender, when not the signer (whose name and email are the default).
    pub from: Option<Mailbox>,
    /// Copies.
    pub cc: Vec<Mailbox>,
    /// Blind copies: kept in the `.eml` (as `sendmail -t` expects), removed by `letters
    /// send` before the message leaves.
    pub bcc: Vec<Mailbox>,
    /// Where replies go.
    pub reply_to: Vec<Mailbox>,
    /// Attach the PDF rendering of the same letter.
    pub attach_pdf: bool,
}

/// The `.eml` bytes of `letter` (CRLF line endings, as sent).
pub fn render(
    letter: &Letter,
    options: &EmailOptions,
    width: usize,
    attachments: &[Attachment],
) -> Result<Vec<u8>> {
    Ok(message(letter, options, width, attachments)?.formatted())
}
