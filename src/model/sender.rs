//! The sender (signer) of a letter: who signs, and the letterhead they write from.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// The person or organization a letter comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Sender {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub organization: String,
    /// Postal address lines for the letterhead.
    #[serde(default)]
    pub address: Vec<String>,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub web: String,
    /// A handwritten signature image (PNG or JPEG).
    #[serde(default)]
    pub signature: Option<PathBuf>,
}

impl Sender {
    /// Fills every empty field of `self` from `fallback`.
    pub fn or(mut self, fallback: &Sender) -> Sender {
        fn fill(value: &mut String, fallback: &str) {
            if value.trim().is_empty() {
                *value = fallback.to_string();
            }
        }
        fill(&mut self.name, &fallback.name);
        fill(&mut self.title, &fallback.title);
        fill(&mut self.organization, &fallback.organization);
        fill(&mut self.email, &fallback.email);
        fill(&mut self.phone, &fallback.phone);
        fill(&mut self.web, &fallback.web);
        if self.address.is_empty() {
            self.address = fallback.address.clone();
        }
        if self.signature.is_none() {
            self.signature = fallback.signature.clone();
        }
        self
    }
}
