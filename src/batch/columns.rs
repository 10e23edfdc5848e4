//! What each column of a signers file becomes, said once before the first row: a signer
//! field, a template field the campaign's bodies use, or nothing; and the batch stopped
//! before it starts when no column gives the signers' names.

use crate::compose::Composer;
use crate::error::{Error, Result};
use crate::load::signers::mapping::{Columns, Field};
use crate::load::signers::normalize_column;

/// The column of a sign-on batch that says whether a co-signer is an organization or
/// an individual.
pub const COSIGNER_KIND: &str = "kind";

/// What a column is used as, when nothing uses it.
pub const UNUSED: &str = "unused";

/// Each column of `header` (as written) and what it becomes: a signer field (`name`), a
/// template field the bodies use (`fields.city`), a sign-on letter's co-signer kind
/// (`kind`), or [`UNUSED`].
pub fn uses(
    header: &[String],
    columns: &Columns,
    composer: &Composer,
    sign_on: bool,
) -> Vec<(String, String)> {
    let Some(map) = columns.header_map() else {
        return Vec::new();
    };
    let fields = composer.field_names();
    header
        .iter()
        .filter(|column| !column.trim().is_empty())
        .map(|column| {
            let key = normalize_column(column);
            let used = match map.field_of(&key) {
                Some(field) => field.key().to_string(),
                None if fields.contains(&key) => format!("fields.{key}"),
                None if sign_on && key == COSIGNER_KIND => COSIGNER_KIND.to_string(),
                None => UNUSED.to_string(),
            };
            (column.clone(), used)
        })
        .collect()
}

/// Stops a batch whose header has no column for the signers' names: every row would fail.
pub fn check(source: &str, header: &[String], columns: &Columns) -> Result<()> {
    let Some(map) = columns.header_map() else {
        return Ok(());
    };
    if map.columns(Field::Name).is_some() {
        return Ok(());
    }
    let named: Vec<String> = header
        .iter()
        .filter(|h| !h.trim().is_empty())
        .map(|h| format!("`{h}`"))
        .collect();
    Err(Error::signers(
        source,
        format!(
            "no column gives the signers' names (the columns are {}), so every row would fail: \
             name the column with --column name=COLUMN, or join a name's parts with \
             --column name=\"First Name\"+\"Last Name\"",
            named.join(", ")
        ),
    ))
}

/// The note that lists, once, the columns nothing uses.
pub fn unused_note(source: &str, uses: &[(String, String)]) -> Option<String> {
    const LISTED: usize = 10;
    let unused: Vec<String> = uses
        .iter()
        .filter(|(_, used)| used == UNUSED)
        .map(|(column, _)| format!("`{column}`"))
        .collect();
    (!unused.is_empty()).then(|| {
        let mut listed = unused[..unused.len().min(LISTED)].join(", ");
        if unused.len() > LISTED {
            listed.push_str(&format!(" and {} more columns", unused.len() - LISTED));
        }
        format!(
            "{source}: {listed} not used: no signer field reads {} and the template names no such field (--column FIELD=COLUMN maps a column to a signer field)",
            if unused.len() == 1 { "it" } else { "them" }
        )
    })
}
