//! A person (or group of people) an urgent action is about.

use serde::{Deserialize, Serialize};

use super::Localized;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: Localized,
    #[serde(default)]
    pub pronouns: Option<Localized>,
}
