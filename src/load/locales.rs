//! Reading locale files (`locales/*.toml` of a workspace or the user config directory):
//! each one a letter language added for the run, checked like any data file, its
//! errors naming the file and line.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::locale::LocaleFile;
use crate::model::Language;

use super::toml_file;

/// The default name of a workspace's locales directory.
pub const LOCALES_DIR: &str = "locales";

/// The line (from 1) where `key` is first written at the start of a line, or, for a
/// quoted value (`"en-GB"`), where it first appears.
fn line_of(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            if key.starts_with('"') || key.starts_with('[') {
                line.contains(key)
            } else {
                line.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            }
        })
        .map(|i| i + 1)
}

/// A `[labels]` table without one of the labels, said with the list of them all.
fn missing_labels(shown: &str, text: &str) -> Result<()> {
    let table: toml::Table = toml_file::parse(shown, text)?;
    let Some(toml::Value::Table(labels)) = table.get("labels") else {
        return Ok(());
    };
    match LABELS.iter().find(|key| !labels.contains_key(**key)) {
        None => Ok(()),
        Some(key) => {
            let line = line_of(text, "[labels]").unwrap_or(1);
            Err(Error::data(
                format!("{shown}:{line}"),
                format!(
                    "label `{key}` is missing from [labels]: a locale gives every label ({}), written in its language",
                    LABELS.join(", ")
                ),
            ))
        }
    }
}

/// The labels every locale file gives, as its `[labels]` table names them.
const LABELS: [&str; 8] = [
    "subject",
    "page",
    "cosigned-by",
    "organizations",
    "individuals",
    "enclosures",
    "cc",
    "signature",
];

/// Reads and checks the locale file at `path` and adds its language for the run. A file
/// already added (the same path) is not added again; another file of a language already
/// loaded is an error naming both.
pub fn add_locale_file(path: &Path) -> Result<Language> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::read(path, e))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::data(
            &shown,
            "the file is not UTF-8: save it as UTF-8 and try again",
        )
    })?;
    missing_labels(&shown, &text)?;
    let file: LocaleFile = toml_file::parse(&shown, &text)?;
    let tag = file.language.trim().to_string();
    if let Some(loaded) = Language::loaded(&tag) {
        if loaded.file == shown {
            return Ok(loaded.language);
        }
        let line = line_of(&text, "language").unwrap_or(1);
        return Err(Error::data(
            format!("{shown}:{line}"),
            format!(
                "language `{tag}` is already given by {}: a language has one locale file; remove one of them, or give this one another `language`",
                loaded.file
            ),
        ));
    }
    let locale = file.check(&shown, |key| line_of(&text, key))?;
    Ok(Language::register(locale))
}

/// The locale files of `dir`, sorted by name (`*.toml`; nothing if there is no such
/// directory).
pub fn locale_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::read(dir, e)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::read(dir, e))?.path();
        if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Adds every locale file of each directory, in order.
pub fn add_locales(dirs: &[PathBuf]) -> Result<Vec<Language>> {
    let mut added = Vec::new();
    for dir in dirs {
        for file in locale_files(dir)? {
            added.push(add_locale_file(&file)?);
        }
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITALIAN: &str = r#"language = "it"
name = "italiano"
date = "long"
quotes = ["«", "»"]

[labels]
subject = "Oggetto:"
page = "Pagina {page} di {total}"
cosigned-by = "Hanno firmato anche:"
organizations = "Organizzazioni"
individuals = "A titolo individuale"
enclosures = "Allegati:"
cc = "Per conoscenza:"
signature = "Firma di {name}"

[[convention]]
code = "it"
salutation-end = ","
fallback-salutation = "Gentili Signore e Signori"
closing = "Distinti saluti,"
"#;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn a_locale_file_adds_a_language() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "it.toml", ITALIAN);
        let it = add_locale_file(&path).unwrap();
        assert_eq!(it.code(), "it");
        assert_eq!("it".parse::<Language>(), Ok(it));
        let convention = crate::model::locale::Convention::default_of(it);
        let day = chrono::NaiveDate::from_ymd_opt(2024, 7, 25).unwrap();
        assert_eq!(convention.date(day), "25 luglio 2024");
        // The same file again is no duplicate; another file of the language is.
        assert_eq!(add_locale_file(&path).unwrap(), it);
        let other = write(dir.path(), "italiano.toml", ITALIAN);
        let err = add_locale_file(&other).unwrap_err().to_string();
        assert!(
            err.contains("italiano.toml:1: language `it` is already given by"),
            "{err}"
        );
    }

    #[test]
    fn errors_name_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let bad = ITALIAN.replace("Pagina {page} di {total}", "Pagina {page}");
        let path = write(dir.path(), "xx.toml", &bad.replace("\"it\"", "\"qaa\""));
        let err = add_locale_file(&path).unwrap_err().to_string();
        assert!(err.contains("xx.toml:8: label `page`"), "{err}");
        let unknown = ITALIAN.replace("date = \"long\"", "date = \"longest\"");
        let path = write(dir.path(), "yy.toml", &unknown.replace("\"it\"", "\"qab\""));
        let err = add_locale_file(&path).unwrap_err().to_string();
        assert!(err.contains("yy.toml:3:"), "{err}");
    }
}
