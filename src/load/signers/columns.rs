//! The columns of a signers file that mean something to `letters`, by their normalized
//! names (see [`normalize_column`](super::signers::normalize_column)), and what each may
//! hold. Any other column is a template field (`{{fields.city}}`).

/// The column names each signer field is read from.
pub const NAME: &[&str] = &["name", "full_name", "signer", "nombre"];
pub const TITLE: &[&str] = &["title", "cargo"];
pub const ORGANIZATION: &[&str] = &[
    "organization",
    "organisation",
    "org",
    "organización",
    "organizacion",
];
pub const EMAIL: &[&str] = &["email", "e_mail", "correo"];
pub const ADDRESS: &[&str] = &["address", "dirección", "direccion"];
pub const PHONE: &[&str] = &["phone", "teléfono", "telefono"];
pub const WEB: &[&str] = &["web", "website"];
pub const SIGNATURE: &[&str] = &["signature", "signature_image", "firma"];
pub const LANGUAGE: &[&str] = &["lang", "language", "idioma"];
pub const RECIPIENTS: &[&str] = &["to", "recipients", "recipient"];
pub const OWN_WORDS: &[&str] = &["own_words"];

/// Every column with a meaning of its own.
pub const KNOWN: &[&[&str]] = &[
    NAME,
    TITLE,
    ORGANIZATION,
    EMAIL,
    ADDRESS,
    PHONE,
    WEB,
    SIGNATURE,
    LANGUAGE,
    RECIPIENTS,
    OWN_WORDS,
];

/// What a column may hold, where a file has types (JSON Lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Text only: a signer field, the language, own words.
    Text,
    /// Text, or a list of texts: the recipients.
    List,
    /// A template field: text, or a number or true/false written as text.
    Field,
}

/// What the column named `normalized` may hold.
pub fn kind(normalized: &str) -> ColumnKind {
    if RECIPIENTS.contains(&normalized) {
        ColumnKind::List
    } else if KNOWN.iter().any(|names| names.contains(&normalized)) {
        ColumnKind::Text
    } else {
        ColumnKind::Field
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(kind("nombre"), ColumnKind::Text);
        assert_eq!(kind("own_words"), ColumnKind::Text);
        assert_eq!(kind("to"), ColumnKind::List);
        assert_eq!(kind("city"), ColumnKind::Field);
    }
}
