//! Checks on text wherever it comes from: control characters, mojibake (text decoded
//! with the wrong encoding), the shape of an email address, and "did you mean" for a
//! mistyped id.

pub mod control_chars;
pub mod email_address;
pub mod mojibake;
pub mod suggest;

pub use email_address::looks_like_email;
