//! Which columns of a signers file fill which signer field: the headers CRMs and
//! spreadsheets use are recognised (`First Name` + `Last Name`, `Given name` + `Family
//! name`, `Nombre` + `Apellidos`, `E-mail Address`, `Account Name`, `Mailing City`, …),
//! and a mapping given explicitly (`--column name="First Name"+"Last Name"`, or a mapping
//! file) comes first. A field may come from several columns: a name's parts are joined
//! with spaces (given names first, whatever the order of the columns), an address's
//! parts become its lines. Any other column is a template field (`{{fields.city}}`).

use std::collections::BTreeMap;

use super::columns;
use super::row::normalize_column;

/// A signer field a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Name,
    Title,
    Organization,
    Email,
    Address,
    Phone,
    Web,
    Signature,
    Language,
    Recipients,
    OwnWords,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Name,
        Field::Title,
        Field::Organization,
        Field::Email,
        Field::Address,
        Field::Phone,
        Field::Web,
        Field::Signature,
        Field::Language,
        Field::Recipients,
        Field::OwnWords,
    ];

    /// The field's name, as `--column` and the mapping file write it.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Title => "title",
            Field::Organization => "organization",
            Field::Email => "email",
            Field::Address => "address",
            Field::Phone => "phone",
            Field::Web => "web",
            Field::Signature => "signature",
            Field::Language => "lang",
            Field::Recipients => "to",
            Field::OwnWords => "own_words",
        }
    }

    /// The field a name given by the user means (`name`, `email`, `lang`, …).
    pub fn parse(text: &str) -> Option<Field> {
        let key = normalize_column(text);
        Field::ALL
            .into_iter()
            .find(|f| f.key() == key || f.names().contains(&key.as_str()))
    }

    /// The column names (normalized, without accents) that fill it on their own.
    fn names(self) -> &'static [&'static str] {
        match self {
            Field::Name => columns::NAME,
            Field::Title => columns::TITLE,
            Field::Organization => columns::ORGANIZATION,
            Field::Email => columns::EMAIL,
            Field::Address => columns::ADDRESS,
            Field::Phone => columns::PHONE,
            Field::Web => columns::WEB,
            Field::Signature => columns::SIGNATURE,
            Field::Language => columns::LANGUAGE,
            Field::Recipients => columns::RECIPIENTS,
            Field::OwnWords => columns::OWN_WORDS,
        }
    }
}

/// A column name as matched against the names we know: normalized, without accents.
pub fn match_key(column: &str) -> String {
    deunicode::deunicode(&normalize_column(column))
}

/// Where each field comes from: the columns (by their normalized name, as
/// [`SignerRow::keys`](super::SignerRow) holds them), in the order they are joined.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap {
    fields: BTreeMap<Field, Vec<String>>,
}

/// The first of `names` the header has.
fn first_of(keys: &[(String, String)], names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        keys.iter()
            .find(|(matched, _)| matched == name)
            .map(|(_, key)| key.clone())
    })
}

impl ColumnMap {
    /// The map for a file whose columns are `keys` (normalized names): `explicit` first
    /// (field and the columns it names, normalized), then the headers we recognise.
    pub fn new(keys: &[String], explicit: &[(Field, Vec<String>)]) -> ColumnMap {
        let matched: Vec<(String, String)> = keys
            .iter()
            .filter(|k| !k.is_empty())
            .map(|k| (deunicode::deunicode(k), k.clone()))
            .collect();
        let mut fields: BTreeMap<Field, Vec<String>> = explicit.iter().cloned().collect();
        for field in Field::ALL {
            if fields.contains_key(&field) {
                continue;
            }
            let found = match field {
                Field::Name => name_columns(&matched),
                Field::Address => address_columns(&matched),
                _ => first_of(&matched, field.names()).map(|k| vec![k]),
            };
            if let Some(columns) = found {
                fields.insert(field, columns);
            }
        }
        ColumnMap { fields }
    }

    /// The columns `field` comes from, if any.
    pub fn columns(&self, field: Field) -> Option<&[String]> {
        self.fields.get(&field).map(Vec::as_slice)
    }

    /// The field column `key` fills, if any.
    pub fn field_of(&self, key: &str) -> Option<Field> {
        self.fields
            .iter()
            .find(|(_, columns)| columns.iter().any(|c| c == key))
            .map(|(field, _)| *field)
    }
}

/// The maps of a batch: the one for its header, made once, and one for each row whose
/// columns differ (JSON Lines rows may each have their own keys).
#[derive(Debug, Clone, Default)]
pub struct Columns {
    explicit: Vec<(Field, Vec<String>)>,
    header: Option<(Vec<String>, ColumnMap)>,
}

impl Columns {
    /// The maps for a file with `header` (its columns' names as written, when it has a
    /// header), `explicit` coming first (fields and the columns they name, as written).
    pub fn new(header: &[String], explicit: &[(Field, Vec<String>)]) -> Columns {
        let explicit: Vec<(Field, Vec<String>)> = explicit
            .iter()
            .map(|(field, columns)| {
                (
                    *field,
                    columns.iter().map(|c| normalize_column(c)).collect(),
                )
            })
            .collect();
        let header = (!header.is_empty()).then(|| {
            let keys: Vec<String> = header.iter().map(|h| normalize_column(h)).collect();
            let map = ColumnMap::new(&keys, &explicit);
            (keys, map)
        });
        Columns { explicit, header }
    }

    /// The map for the header, if the file has one.
    pub fn header_map(&self) -> Option<&ColumnMap> {
        self.header.as_ref().map(|(_, map)| map)
    }

    /// The map for a row with columns `keys`.
    pub fn map_for(&self, keys: &[String]) -> std::borrow::Cow<'_, ColumnMap> {
        match &self.header {
            Some((header, map)) if header.as_slice() == keys => std::borrow::Cow::Borrowed(map),
            _ => std::borrow::Cow::Owned(ColumnMap::new(keys, &self.explicit)),
        }
    }
}

/// A whole name, else its parts: given name(s), middle name, family name(s).
fn name_columns(keys: &[(String, String)]) -> Option<Vec<String>> {
    let first = first_of(keys, columns::GIVEN_NAME);
    let last = first_of(keys, columns::FAMILY_NAME);
    // `Nombre` beside `Apellidos` is the given name, not the whole name.
    let spanish_parts = first_of(keys, &["nombre"]).is_some()
        && (last.is_some() || first_of(keys, columns::FIRST_SURNAME).is_some());
    if !spanish_parts {
        if let Some(whole) = first_of(keys, columns::NAME) {
            return Some(vec![whole]);
        }
    }
    let first = first.or_else(|| first_of(keys, &["nombre"]));
    let mut parts: Vec<String> = Vec::new();
    parts.extend(first);
    parts.extend(first_of(keys, columns::MIDDLE_NAME));
    match last {
        Some(last) => parts.push(last),
        None => {
            parts.extend(first_of(keys, columns::FIRST_SURNAME));
            parts.extend(first_of(keys, columns::SECOND_SURNAME));
        }
    }
    (!parts.is_empty()).then_some(parts)
}

/// A whole address, else its parts, one line each (city, region and postal code make one
/// line).
fn address_columns(keys: &[(String, String)]) -> Option<Vec<String>> {
    if let Some(whole) = first_of(keys, columns::ADDRESS) {
        return Some(vec![whole]);
    }
    let parts: Vec<String> = [
        columns::STREET,
        columns::STREET_2,
        columns::CITY,
        columns::REGION,
        columns::POSTAL_CODE,
        columns::COUNTRY,
    ]
    .iter()
    .filter_map(|names| first_of(keys, names))
    .collect();
    // A city or a country alone is not an address.
    (first_of(keys, columns::STREET).is_some()).then_some(parts)
}

/// Whether a column of an address is one that shares the line of the city.
pub fn joins_city_line(key: &str) -> bool {
    let key = deunicode::deunicode(key);
    [columns::CITY, columns::REGION, columns::POSTAL_CODE]
        .iter()
        .any(|names| names.contains(&key.as_str()))
}

/// Parses `FIELD=COLUMN` or `FIELD="First Name"+"Last Name"` (quotes optional: the shell
/// takes them off): the field and the columns as written.
pub fn parse_rule(text: &str) -> Result<(Field, Vec<String>), String> {
    let Some((field, columns)) = text.split_once('=') else {
        return Err(format!(
            "`{text}` is not FIELD=COLUMN: write, for example, name=\"Full Name\" or name=\"First Name\"+\"Last Name\""
        ));
    };
    let field = Field::parse(field).ok_or_else(|| {
        format!(
            "`{}` is not a signer field; the fields are: {}",
            field.trim(),
            Field::ALL.map(Field::key).join(", ")
        )
    })?;
    let columns = split_columns(columns)?;
    if columns.is_empty() {
        return Err(format!("`{text}` names no column after the `=`"));
    }
    Ok((field, columns))
}

/// The rules of a mapping file: TOML whose keys are fields and whose values are a column
/// or a list of columns (`name = ["First Name", "Last Name"]`, `email = "E-mail"`).
pub fn parse_file(text: &str) -> Result<Vec<(Field, Vec<String>)>, String> {
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| e.message().to_string())?;
    let mut rules = Vec::new();
    for (key, value) in table {
        let field = Field::parse(&key).ok_or_else(|| {
            format!(
                "`{key}` is not a signer field; the fields are: {}",
                Field::ALL.map(Field::key).join(", ")
            )
        })?;
        let columns: Vec<String> = match value {
            toml::Value::String(column) => vec![column],
            toml::Value::Array(items) => items
                .into_iter()
                .map(|item| match item {
                    toml::Value::String(column) => Ok(column),
                    other => Err(format!("`{key}`: `{other}` is not a column name (write it in quotes)")),
                })
                .collect::<Result<_, _>>()?,
            other => {
                return Err(format!(
                    "`{key}`: `{other}` is not a column name: write `{key} = \"Column\"` or `{key} = [\"First\", \"Second\"]`"
                ))
            }
        };
        let columns: Vec<String> = columns
            .into_iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        if columns.is_empty() {
            return Err(format!("`{key}` names no column"));
        }
        rules.push((field, columns));
    }
    Ok(rules)
}

/// `"First Name"+"Last Name"` or `First Name+Last Name` as its columns; an empty column
/// between two `+` (or at either end) or a quote left open is refused, not passed over.
fn split_columns(text: &str) -> Result<Vec<String>, String> {
    let mut columns = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '+' if !quoted => columns.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    if quoted {
        return Err(format!("`{text}` opens a quote it does not close"));
    }
    columns.push(current);
    let columns: Vec<String> = columns.into_iter().map(|c| c.trim().to_string()).collect();
    if columns.len() > 1 && columns.iter().any(String::is_empty) {
        return Err(format!(
            "`{text}` has an empty column name next to a `+`: write the columns to join as \"First Name\"+\"Last Name\""
        ));
    }
    Ok(columns.into_iter().filter(|c| !c.is_empty()).collect())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn map(header: &[&str]) -> ColumnMap {
        let keys: Vec<String> = header.iter().map(|h| normalize_column(h)).collect();
        ColumnMap::new(&keys, &[])
    }

    #[test]
    fn crm_headers_are_recognised() {
        // Salesforce
        let m = map(&[
            "Salutation",
            "Last Name",
            "First Name",
            "Title",
            "Account Name",
            "Email",
            "Mailing Street",
            "Mailing City",
            "Mailing Zip/Postal Code",
            "Mailing Country",
        ]);
        assert_eq!(
            m.columns(Field::Name).unwrap(),
            ["first_name", "last_name"],
            "given name first, whatever the order of the columns"
        );
        assert_eq!(m.columns(Field::Organization).unwrap(), ["account_name"]);
        assert_eq!(m.columns(Field::Email).unwrap(), ["email"]);
        assert_eq!(
            m.columns(Field::Address).unwrap(),
            [
                "mailing_street",
                "mailing_city",
                "mailing_zip/postal_code",
                "mailing_country"
            ]
        );
        // Action Network
        let m = map(&["first_name", "last_name", "email", "zip_code", "can2_phone"]);
        assert_eq!(m.columns(Field::Name).unwrap(), ["first_name", "last_name"]);
        assert_eq!(m.columns(Field::Phone).unwrap(), ["can2_phone"]);
        // A Spanish export, with two surnames.
        let m = map(&[
            "Nombre",
            "Primer apellido",
            "Segundo apellido",
            "Correo electrónico",
            "Organización",
        ]);
        assert_eq!(
            m.columns(Field::Name).unwrap(),
            ["nombre", "primer_apellido", "segundo_apellido"]
        );
        assert_eq!(m.columns(Field::Email).unwrap(), ["correo_electrónico"]);
        let m = map(&["Nombre", "Apellidos", "E-mail"]);
        assert_eq!(m.columns(Field::Name).unwrap(), ["nombre", "apellidos"]);
        // `Nombre` alone is the whole name; Given/Family name.
        assert_eq!(map(&["Nombre"]).columns(Field::Name).unwrap(), ["nombre"]);
        let m = map(&["Family name", "Given name", "E-mail Address"]);
        assert_eq!(
            m.columns(Field::Name).unwrap(),
            ["given_name", "family_name"]
        );
        assert_eq!(m.columns(Field::Email).unwrap(), ["e_mail_address"]);
        assert_eq!(m.field_of("family_name"), Some(Field::Name));
    }

    #[test]
    fn explicit_rules_come_first() {
        let keys: Vec<String> = ["name", "preferred", "email"].map(String::from).to_vec();
        let m = ColumnMap::new(&keys, &[(Field::Name, vec!["preferred".to_string()])]);
        assert_eq!(m.columns(Field::Name).unwrap(), ["preferred"]);
        assert_eq!(m.field_of("name"), None);
    }

    #[test]
    fn rules_parse() {
        assert_eq!(
            parse_rule("name=\"First Name\"+\"Last Name\"").unwrap(),
            (
                Field::Name,
                vec!["First Name".to_string(), "Last Name".to_string()]
            )
        );
        assert_eq!(
            parse_rule("email=E-mail + Work").unwrap(),
            (Field::Email, vec!["E-mail".to_string(), "Work".to_string()])
        );
        assert_eq!(
            parse_rule("Organisation=\"A+B\"").unwrap(),
            (Field::Organization, vec!["A+B".to_string()])
        );
        assert!(parse_rule("nom=x")
            .unwrap_err()
            .contains("not a signer field"));
        assert!(parse_rule("name").unwrap_err().contains("FIELD=COLUMN"));
        assert!(parse_rule("name=").unwrap_err().contains("no column"));
    }

    #[test]
    fn mapping_files_parse() {
        let rules = parse_file("name = [\"Vorname\", \"Nachname\"]\nemail = \"E-Mail\"\n").unwrap();
        assert!(rules.contains(&(
            Field::Name,
            vec!["Vorname".to_string(), "Nachname".to_string()]
        )));
        assert!(rules.contains(&(Field::Email, vec!["E-Mail".to_string()])));
        assert!(parse_file("nom = \"x\"")
            .unwrap_err()
            .contains("not a signer field"));
        assert!(parse_file("name = 3")
            .unwrap_err()
            .contains("not a column name"));
    }
}
