//! The columns of a signers file that mean something to `letters`, by their normalized
//! names (see [`normalize_column`](super::signers::normalize_column)), and what each may
//! hold. Any other column is a template field (`{{fields.city}}`).

/// The column names each signer field is read from, normalized (see
/// [`normalize_column`](super::normalize_column)) and without accents, as exports from
/// spreadsheets and CRMs (Salesforce, Action Network, NationBuilder, Mailchimp, Spanish
/// ones) name them. See [`mapping`](super::mapping) for how they are matched.
pub const NAME: &[&str] = &[
    "name",
    "full_name",
    "fullname",
    "signer",
    "nombre",
    "nombre_completo",
    "nombre_y_apellidos",
    "display_name",
    "contact_name",
];
pub const GIVEN_NAME: &[&str] = &[
    "first_name",
    "firstname",
    "first",
    "given_name",
    "givenname",
    "forename",
    "nombres",
    "primer_nombre",
];
pub const MIDDLE_NAME: &[&str] = &["middle_name", "middlename", "segundo_nombre"];
pub const FAMILY_NAME: &[&str] = &[
    "last_name",
    "lastname",
    "last",
    "surname",
    "family_name",
    "familyname",
    "apellidos",
    "apellido",
];
pub const FIRST_SURNAME: &[&str] = &["primer_apellido", "apellido_1", "apellido1"];
pub const SECOND_SURNAME: &[&str] = &["segundo_apellido", "apellido_2", "apellido2"];
pub const TITLE: &[&str] = &["title", "job_title", "position", "cargo", "puesto"];
pub const ORGANIZATION: &[&str] = &[
    "organization",
    "organisation",
    "org",
    "organización",
    "organizacion",
    "organization_name",
    "organisation_name",
    "company",
    "company_name",
    "account_name",
    "employer",
    "empresa",
    "entidad",
];
pub const EMAIL: &[&str] = &[
    "email",
    "e_mail",
    "email_address",
    "e_mail_address",
    "emailaddress",
    "primary_email",
    "email_1",
    "mail",
    "correo",
    "correo_electronico",
    "email_personal",
];
pub const ADDRESS: &[&str] = &[
    "address",
    "dirección",
    "direccion",
    "postal_address",
    "mailing_address",
    "direccion_postal",
];
pub const STREET: &[&str] = &[
    "street",
    "mailing_street",
    "street_address",
    "address_line_1",
    "address1",
    "address_1",
    "primary_address1",
    "can2_user_address",
    "calle",
    "domicilio",
];
pub const STREET_2: &[&str] = &[
    "address_line_2",
    "address2",
    "address_2",
    "primary_address2",
];
pub const CITY: &[&str] = &[
    "city",
    "mailing_city",
    "town",
    "primary_city",
    "can2_user_city",
    "ciudad",
    "localidad",
    "municipio",
    "poblacion",
];
pub const REGION: &[&str] = &[
    "state",
    "province",
    "region",
    "state/province",
    "mailing_state/province",
    "mailing_state",
    "primary_state",
    "can2_state_abbreviated",
    "provincia",
    "estado",
];
pub const POSTAL_CODE: &[&str] = &[
    "zip",
    "zip_code",
    "zipcode",
    "postal_code",
    "postcode",
    "zip/postal_code",
    "mailing_zip/postal_code",
    "primary_zip",
    "codigo_postal",
    "cp",
];
pub const COUNTRY: &[&str] = &[
    "country",
    "mailing_country",
    "primary_country",
    "can2_country",
    "pais",
];
pub const PHONE: &[&str] = &[
    "phone",
    "phone_number",
    "telephone",
    "mobile",
    "mobile_phone",
    "can2_phone",
    "teléfono",
    "telefono",
    "movil",
    "celular",
];
pub const WEB: &[&str] = &["web", "website", "web_site", "url", "sitio_web"];
pub const SIGNATURE: &[&str] = &["signature", "signature_image", "firma"];
pub const LANGUAGE: &[&str] = &["lang", "language", "idioma", "preferred_language"];
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
