//! `letters` drafts advocacy letters in English and Spanish.
//!
//! One pipeline: inputs → [`draft::Draft`] → [`compose`] → [`letter::Letter`] →
//! [`render`] → [`sink`]. The binary is a thin shell over [`run`].

pub mod app;
pub mod batch;
pub mod check;
pub mod cli;
pub mod compose;
pub mod draft;
pub mod error;
pub mod exit;
pub mod letter;
pub mod load;
pub mod messages;
pub mod model;
pub mod render;
pub mod report;
pub mod send;
pub mod sink;
pub mod text;

pub use app::run;
pub use error::{Error, Result};
