//! The data a letter is made from: languages, localized text, recipients and their
//! holders, templates and their sources, demands, people concerned, senders and voices.

mod cosigner;
pub mod country;
pub mod date;
pub mod date_text;
mod demand;
mod holder;
mod image_file;
mod language;
mod layout;
pub mod locale;
mod localized;
mod pdf_standard;
mod person;
mod recipient;
mod sender;
mod source;
pub mod template;
mod voice;

pub use cosigner::{organization_kind, Cosigner};
pub use date::PartialDate;
pub use demand::Demand;
pub use holder::{check_order as check_holders, Holder};
pub use image_file::ImageFile;
pub use language::{
    Language, UnknownLanguage, BUNDLED as BUNDLED_LOCALES, BUNDLED_PREFIX as BUNDLED_LOCALES_PREFIX,
};
pub use layout::Layout;
pub use localized::Localized;
pub use pdf_standard::PdfStandard;
pub use person::Person;
pub use recipient::{Recipient, STALE_AFTER_MONTHS};
pub use sender::Sender;
pub use source::CampaignSource;
pub use template::{Body, Template, TemplateMeta, FACTS_FRESH_FOR_DAYS};
pub use voice::{UnknownVoice, Voice};
