//! `letters templates list|show`: the campaigns available, their demands and deadlines.

use serde_json::json;

use crate::cli::TemplatesCommand;
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::load::{DataOptions, DataSet};
use crate::model::locale;
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
    if let Some(deadline) = meta.act_before {
        lines.push(format!(
            "  act before: {}",
            locale::format_date(deadline, lang, locale::DateStyle::DayMonthYear)
        ));
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
            let rows: Vec<[String; 4]> = data
                .templates
                .templates
                .values()
                .map(|t| {
                    [
                        t.id.clone(),
                        t.name_in(lang).to_string(),
                        codes(&t.meta.languages),
                        t.meta.act_before.map(|d| d.to_string()).unwrap_or_default(),
                    ]
                })
                .collect();
            table(&["ID", "NAME", "LANG", "ACT BEFORE"], &rows)
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
