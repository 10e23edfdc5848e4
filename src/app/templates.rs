//! `letters templates list|show`: the campaigns available, their demands, deadlines,
//! the date their facts are as of, and the sources they cite.

use serde_json::json;

use crate::cli::TemplatesCommand;
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::load::{DataOptions, DataSet};
use crate::model::locale::Convention;
use crate::model::{Language, Template};
use crate::sink;

use super::recipients::table;

fn codes(languages: &[Language]) -> String {
    languages
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(",")
}

fn to_json(template: &Template, lang: Language) -> serde_json::Value {
    json!({
        "id": template.id,
        "name": template.name_in(lang),
        "description": template.description_in(lang),
        "subject": template.meta.subject.get_or_empty(lang),
        "languages": template.meta.languages,
        "recipients": template.meta.recipients,
        "act_before": template.meta.act_before,
        "target_languages": template.meta.target_languages,
        "people": template.meta.people.iter().map(|p| json!({
            "name": p.name.get_or_empty(lang),
            "pronouns": p.pronouns.as_ref().map_or("", |x| x.get_or_empty(lang)),
        })).collect::<Vec<_>>(),
        "demands": template.meta.demands.iter().map(|d| json!({
            "id": d.id,
            "text": d.text.get_or_empty(lang),
        })).collect::<Vec<_>>(),
        "as_of": template.meta.as_of,
        "sources": template.meta.sources.iter().map(|s| json!({
            "id": s.id,
            "citation": s.citation(Convention::default_of(lang)),
            "publisher": s.publisher.as_ref().map(|p| p.get_or_empty(lang)),
            "title": s.title,
            "date": s.date,
            "url": s.url,
            "supports": s.supports.get_or_empty(lang),
        })).collect::<Vec<_>>(),
    })
}

fn describe(template: &Template, lang: Language) -> String {
    let meta = &template.meta;
    let mut lines = vec![format!("{}  {}", template.id, template.name_in(lang))];
    let description = template.description_in(lang);
    if !description.is_empty() {
        lines.push(format!("  {description}"));
    }
    lines.push(format!("  subject:    {}", meta.subject.get_or_empty(lang)));
    lines.push(format!("  languages:  {}", codes(&meta.languages)));
    lines.push(format!("  recipients: {}", meta.recipients.join(", ")));
    let convention = Convention::default_of(lang);
    if let Some(deadline) = meta.act_before {
        lines.push(format!("  act before: {}", convention.date(deadline)));
    }
    if let Some(as_of) = meta.as_of {
        lines.push(format!("  facts as of: {}", as_of.written(convention)));
    }
    if !meta.target_languages.is_empty() {
        lines.push(format!(
            "  targets' languages: {}",
            codes(&meta.target_languages)
        ));
    }
    for person in &meta.people {
        let pronouns = person
            .pronouns
            .as_ref()
            .map_or("", |p| p.get_or_empty(lang));
        if pronouns.is_empty() {
            lines.push(format!("  about:      {}", person.name.get_or_empty(lang)));
        } else {
            lines.push(format!(
                "  about:      {} ({pronouns})",
                person.name.get_or_empty(lang)
            ));
        }
    }
    lines.push("  demands (--demands ID,ID):".to_string());
    for demand in &meta.demands {
        lines.push(format!(
            "    {}: {}",
            demand.id,
            demand.text.get_or_empty(lang)
        ));
    }
    if !meta.sources.is_empty() {
        lines.push("  sources (cite in a body as [^ID]):".to_string());
        for source in &meta.sources {
            lines.push(format!(
                "    {}: {}",
                source.id,
                source.citation(convention)
            ));
            lines.push(format!(
                "      supports: {}",
                source.supports.get_or_empty(lang)
            ));
        }
    }
    lines.join("\n") + "\n"
}

/// The language of `--lang`.
fn language(code: &str) -> Result<Language> {
    code.parse()
        .map_err(|e: crate::model::UnknownLanguage| Error::flag("--lang", e.to_string()))
}

pub fn run(command: TemplatesCommand, data: &DataOptions) -> Result<Exit> {
    let data = DataSet::load(data)?;
    let text = match command {
        TemplatesCommand::List { lang, json: true } => {
            let lang = language(&lang)?;
            let all: Vec<_> = data
                .templates
                .templates
                .values()
                .map(|t| to_json(t, lang))
                .collect();
            serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"
        }
        TemplatesCommand::List { lang, json: false } => {
            let lang = language(&lang)?;
            let rows: Vec<[String; 5]> = data
                .templates
                .templates
                .values()
                .map(|t| {
                    [
                        t.id.clone(),
                        t.name_in(lang).to_string(),
                        codes(&t.meta.languages),
                        t.meta.act_before.map(|d| d.to_string()).unwrap_or_default(),
                        t.meta.as_of.map(|d| d.to_string()).unwrap_or_default(),
                    ]
                })
                .collect();
            table(&["ID", "NAME", "LANG", "ACT BEFORE", "FACTS AS OF"], &rows)
        }
        TemplatesCommand::Show { id, lang, json } => {
            let lang = language(&lang)?;
            let template = data.templates.get(&id)?;
            if json {
                serde_json::to_string_pretty(&to_json(template, lang)).unwrap_or_default() + "\n"
            } else {
                describe(template, lang)
            }
        }
    };
    sink::write_stdout(text.as_bytes())?;
    Ok(Exit::Success)
}
