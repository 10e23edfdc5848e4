//! Checks on text wherever it comes from: control characters, mojibake (text decoded
//! with the wrong encoding), the shape of an email address, "did you mean" for a
//! mistyped id, the language a paragraph is in, and the figures (numbers, dates) a
//! text states.

pub mod control_chars;
pub mod email_address;
pub mod figures;
pub mod language;
pub mod mojibake;
pub mod suggest;

pub use email_address::looks_like_email;
