//! One demand of a campaign's demand list.

use serde::{Deserialize, Serialize};

use super::Localized;

/// A demand: a stable id and its text in every language the campaign offers.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Demand {
    pub id: String,
    pub text: Localized,
}
