//! The data a letter is made from: languages, localized text, recipients, templates,
//! demands, people concerned and senders.

mod cosigner;
pub mod country;
pub mod date;
mod demand;
mod image_file;
mod language;
mod layout;
pub mod locale;
mod localized;
mod pdf_standard;
mod person;
mod recipient;
mod sender;
pub mod template;

pub use cosigner::{organization_kind, Cosigner};
pub use demand::Demand;
pub use image_file::ImageFile;
pub use language::{Language, UnknownLanguage};
pub use layout::Layout;
pub use localized::Localized;
pub use pdf_standard::PdfStandard;
pub use person::Person;
pub use recipient::{Recipient, STALE_AFTER_MONTHS};
pub use sender::Sender;
pub use template::{Body, Template, TemplateMeta};
