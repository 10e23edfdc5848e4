//! Reading `letter-templates/`: one directory per campaign with `template.toml` and one
//! body per language (`en.md.hbs`, `es.md.hbs`), from the bundled copy or from disk.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;

use include_dir::Dir;

use crate::error::{Error, Result};
use crate::model::template::{body_too_large, MAX_BODY_BYTES};
use crate::model::{Body, Language, Template, TemplateMeta};
use crate::text::control_chars;
use crate::text::mojibake::{self, Finding};

use super::recipients::is_valid_id;
use super::toml_file;

/// The name of a template's metadata file.
pub const META_FILE: &str = "template.toml";

/// The file name of a body in `language`.
pub fn body_file(language: Language) -> String {
    format!("{}.md.hbs", language.code())
}

/// A template directory's files, read but not yet parsed.
#[derive(Debug, Clone, Default)]
pub struct TemplateSource {
    /// The directory name, which is the template's id.
    pub id: String,
    /// Where the directory is, for messages.
    pub dir: String,
    /// The text of `template.toml`, if there is one.
    pub meta: Option<String>,
    /// The text of each body found, by language.
    pub bodies: Vec<(Language, String)>,
}

/// Every template of a directory. A broken template does not hide the others.
#[derive(Debug, Default)]
pub struct Templates {
    /// Where they came from, for messages.
    pub path: String,
    pub templates: BTreeMap<String, Template>,
    /// Templates that failed to load, with the reason.
    pub broken: BTreeMap<String, Error>,
    /// Mojibake found in any of the files.
    pub findings: Vec<Finding>,
}

impl Templates {
    /// Loads the templates embedded in the binary.
    pub fn from_bundled(dir: &Dir<'_>, prefix: &str) -> Templates {
        let path = format!("{prefix}/letter-templates");
        let files = dir
            .dirs()
            .map(|sub| {
                let id = sub
                    .path()
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let read = |name: &str| {
                    sub.get_file(sub.path().join(name))
                        .and_then(|f| f.contents_utf8())
                        .map(str::to_string)
                };
                TemplateSource {
                    dir: format!("{path}/{id}"),
                    meta: read(META_FILE),
                    bodies: Language::all()
                        .into_iter()
                        .filter_map(|l| read(&body_file(l)).map(|t| (l, t)))
                        .collect(),
                    id,
                }
            })
            .collect();
        Templates::from_sources(path, files)
    }

    /// Loads the templates of a directory on disk. A body is never read past the size
    /// limit: a template with a larger one is broken.
    pub fn from_dir(dir: &Path) -> Result<Templates> {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::read(dir, e))?;
        let mut files = Vec::new();
        let mut too_large = Vec::new();
        'templates: for entry in entries {
            let entry = entry.map_err(|e| Error::read(dir, e))?;
            let sub = entry.path();
            if !sub.is_dir() || !sub.join(META_FILE).exists() {
                continue;
            }
            let id = entry.file_name().to_string_lossy().into_owned();
            let mut bodies = Vec::new();
            for language in Language::all() {
                let file = sub.join(body_file(language));
                let Some(bytes) = read_bytes(&file, MAX_BODY_BYTES as u64 + 1)? else {
                    continue;
                };
                if bytes.len() > MAX_BODY_BYTES {
                    too_large.push((id, body_too_large(&file.display().to_string())));
                    continue 'templates;
                }
                bodies.push((language, utf8(&file, bytes)?));
            }
            let meta_file = sub.join(META_FILE);
            let meta = read_bytes(&meta_file, u64::MAX)?
                .map(|bytes| utf8(&meta_file, bytes))
                .transpose()?;
            files.push(TemplateSource {
                id,
                dir: sub.display().to_string(),
                meta,
                bodies,
            });
        }
        let mut templates = Templates::from_sources(dir.display().to_string(), files);
        templates.broken.extend(too_large);
        Ok(templates)
    }

    /// Parses templates already read (from `path`, named in messages).
    pub fn from_sources(path: String, files: Vec<TemplateSource>) -> Templates {
        let mut templates = Templates {
            path,
            ..Templates::default()
        };
        for file in files {
            if let Some(meta) = &file.meta {
                let meta_path = format!("{}/{META_FILE}", file.dir);
                templates
                    .findings
                    .extend(mojibake::scan_lines(&meta_path, meta));
            }
            for (language, text) in &file.bodies {
                let body_path = format!("{}/{}", file.dir, body_file(*language));
                templates
                    .findings
                    .extend(mojibake::scan_lines(&body_path, text));
            }
            let id = file.id.clone();
            match parse_template(file) {
                Ok(template) => {
                    templates.templates.insert(id, template);
                }
                Err(err) => {
                    templates.broken.insert(id, err);
                }
            }
        }
        templates
    }

    /// The template `id`, or an error: the reason it is broken, or the closest id.
    pub fn get(&self, id: &str) -> Result<&Template> {
        if let Some(template) = self.templates.get(id) {
            return Ok(template);
        }
        if let Some(err) = self.broken.get(id) {
            return Err(Error::data(format!("template `{id}`"), err.to_string()));
        }
        let ids = self.templates.keys().chain(self.broken.keys());
        Err(Error::UnknownId {
            kind: "template",
            id: id.to_string(),
            suggestion: crate::text::suggest::closest(id, ids.map(String::as_str)),
            see: "letters templates list".to_string(),
        })
    }
}

/// Reads at most `limit` bytes of `file`; `None` when there is no such file.
fn read_bytes(file: &Path, limit: u64) -> Result<Option<Vec<u8>>> {
    let opened = match std::fs::File::open(file) {
        Ok(opened) => opened,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::read(file, e)),
    };
    let mut bytes = Vec::new();
    opened
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::read(file, e))?;
    Ok(Some(bytes))
}

fn utf8(file: &Path, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|_| {
        Error::data(
            file.display().to_string(),
            "the file is not UTF-8: save it as UTF-8 (without changing its text) and try again",
        )
    })
}

fn parse_template(files: TemplateSource) -> Result<Template> {
    let meta_path = format!("{}/{META_FILE}", files.dir);
    if !is_valid_id(&files.id) {
        return Err(Error::data(
            files.dir,
            "a template directory name is its id: use lowercase letters, digits and hyphens",
        ));
    }
    let Some(meta_text) = files.meta else {
        return Err(Error::data(
            meta_path,
            "missing: every template needs a template.toml",
        ));
    };
    let meta: TemplateMeta = toml_file::parse(&meta_path, &meta_text)?;
    if meta.languages.is_empty() {
        return Err(Error::data(
            meta_path,
            "`languages` is empty: list the languages the template offers, such as languages = [\"en\", \"es\"]",
        ));
    }
    let mut seen = std::collections::BTreeSet::new();
    for demand in &meta.demands {
        if !is_valid_id(&demand.id) {
            return Err(Error::data(
                &meta_path,
                format!(
                    "demand id `{}` is not valid: use lowercase letters, digits and hyphens",
                    demand.id
                ),
            ));
        }
        if !seen.insert(demand.id.as_str()) {
            return Err(Error::data(
                &meta_path,
                format!(
                    "demand id `{}` is used twice: demand ids must be unique",
                    demand.id
                ),
            ));
        }
    }
    check_sources(&meta_path, &meta)?;
    let mut bodies = BTreeMap::new();
    for (language, source) in files.bodies {
        let path = format!("{}/{}", files.dir, body_file(language));
        if let Some((at, message)) = control_chars::locate(&source) {
            return Err(Error::data(format!("{path}:{at}"), message));
        }
        bodies.insert(language, Body { path, source });
    }
    let mut template = Template {
        id: files.id,
        path: meta_path,
        meta,
        bodies,
    };
    // The bodies were checked with their lines; these are the metadata's texts.
    let meta_path = template.path.clone();
    for text in template.texts_mut() {
        control_chars::check(text).map_err(|m| Error::data(&meta_path, format!("a text {m}")))?;
    }
    Ok(template)
}

/// The campaign's sources: ids usable in a footnote and unique, each with a title or a
/// kind to cite it by, and what it supports.
fn check_sources(meta_path: &str, meta: &TemplateMeta) -> Result<()> {
    let mut seen = std::collections::BTreeSet::new();
    for source in &meta.sources {
        let id = &source.id;
        if !is_valid_id(id) {
            return Err(Error::data(
                meta_path,
                format!("source id `{id}` is not valid: use lowercase letters, digits and hyphens, such as `transparencia-2024-07-19`"),
            ));
        }
        if !seen.insert(id.as_str()) {
            return Err(Error::data(
                meta_path,
                format!("source id `{id}` is used twice: source ids must be unique"),
            ));
        }
        let has_title = source
            .title
            .as_deref()
            .is_some_and(|t| !t.trim().is_empty());
        if !has_title && source.kind.is_none() {
            return Err(Error::data(
                meta_path,
                format!("source `{id}` has neither a `title` nor a `kind`: give its title in the language it was published in, or say what it is, such as kind = {{ en = \"urgent action\", es = \"acción urgente\" }}"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_templates_load() {
        let t = Templates::from_bundled(&super::super::bundled::TEMPLATES, "(bundled)");
        assert!(t.broken.is_empty(), "{:?}", t.broken);
        for id in [
            "election-integrity",
            "post-election-audit",
            "detention-urgent-action",
            "accountability-2025",
        ] {
            let template = t.get(id).unwrap();
            assert_eq!(template.bodies.len(), 2, "{id}");
        }
    }
}
