//! Who a letter speaks for: one person ("I"), a person for an organization ("we"), or a
//! sign-on letter ("we", with the co-signers listed at its end).

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// The voice of a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Voice {
    /// A person signs for themselves: "I".
    Individual,
    /// A person signs for an organization: "we".
    Organization,
    /// One letter carrying many signatures: "we", with the co-signers.
    SignOn,
}

impl Voice {
    /// Every voice, in the order they are offered.
    pub const ALL: [Voice; 3] = [Voice::Individual, Voice::Organization, Voice::SignOn];

    /// The voice of a letter signed by someone for `organization` (blank: for themselves).
    pub fn of_signer(organization: &str) -> Voice {
        if organization.trim().is_empty() {
            Voice::Individual
        } else {
            Voice::Organization
        }
    }

    /// The name `--voice` takes and templates see (`{{voice.name}}`).
    pub fn name(self) -> &'static str {
        match self {
            Voice::Individual => "individual",
            Voice::Organization => "organization",
            Voice::SignOn => "sign-on",
        }
    }

    /// Whether the letter says "we".
    pub fn is_plural(self) -> bool {
        !matches!(self, Voice::Individual)
    }
}

impl fmt::Display for Voice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error for a voice that is not one of [`Voice::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownVoice(pub String);

impl fmt::Display for UnknownVoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown voice `{}`: use `individual` (the letter says \"I\"), `organization` (\"we\", for the signer's organization) or `sign-on` (\"we\", with the co-signers)",
            self.0
        )
    }
}

impl std::error::Error for UnknownVoice {}

impl FromStr for Voice {
    type Err = UnknownVoice;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "individual" | "i" | "person" => Ok(Voice::Individual),
            "organization" | "organisation" | "we" | "org" => Ok(Voice::Organization),
            "sign-on" | "signon" | "sign_on" | "coalition" => Ok(Voice::SignOn),
            _ => Err(UnknownVoice(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_short_forms() {
        assert_eq!("I".parse::<Voice>(), Ok(Voice::Individual));
        assert_eq!("we".parse::<Voice>(), Ok(Voice::Organization));
        assert_eq!("sign-on".parse::<Voice>(), Ok(Voice::SignOn));
        assert!("they".parse::<Voice>().is_err());
        for voice in Voice::ALL {
            assert_eq!(voice.name().parse::<Voice>(), Ok(voice));
        }
    }

    #[test]
    fn the_signer_decides_by_default() {
        assert_eq!(Voice::of_signer(" "), Voice::Individual);
        assert_eq!(Voice::of_signer("Red de Ejemplo"), Voice::Organization);
        assert!(!Voice::Individual.is_plural());
        assert!(Voice::SignOn.is_plural());
    }
}
