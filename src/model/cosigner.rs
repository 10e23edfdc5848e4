//! A co-signer of a sign-on letter: the line it is listed by, and whether it signs as an
//! organization or as a person (a signers file says so in a `kind` column), so that a
//! letter signed by both can list them apart.

use serde::Serialize;

/// One co-signer, as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cosigner {
    /// The name, then the title and organization, as printed.
    pub line: String,
    /// Signs as an organization (else as a person).
    pub organization: bool,
}

/// What a `kind` cell may say: an organization, a person, or (blank) nothing.
pub fn organization_kind(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "organization" | "organisation" | "org" | "organización" | "organizacion" => Some(true),
        "individual" | "person" | "persona" | "individuo" | "" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_in_both_languages() {
        assert_eq!(organization_kind("Organization"), Some(true));
        assert_eq!(organization_kind(" organización "), Some(true));
        assert_eq!(organization_kind("persona"), Some(false));
        assert_eq!(organization_kind(""), Some(false));
        assert_eq!(organization_kind("company"), None);
    }
}
