//! Draft → Letter: Handlebars renders the template body (strict mode, Markdown escaping),
//! the Markdown is parsed into blocks, and the frame (date, recipient block, salutation,
//! closing, signature) comes from the data and the language.
//!
//! Bodies come from users, so each is held to limits: on its size, nesting and what it
//! may use before it renders (`bounds.rs`, reading tags with `tags.rs`), and on the
//! output and loop work of each letter while it renders (`budget.rs`, `each.rs`).

mod bounds;
mod budget;
mod context;
mod each;
mod escape;
mod fields;
mod markdown;
mod pool;
mod tags;

use handlebars::{Handlebars, RenderErrorReason, TemplateError, TemplateErrorReason};

pub use bounds::{body_too_large, MAX_BODY_BYTES, MAX_DEPTH, MAX_EACH_DEPTH};
pub use budget::{MAX_LOOP_STEPS, MAX_OUTPUT_BYTES};
pub use context::AVAILABLE as CONTEXT_KEYS;
pub use escape::markdown_escape;
pub use markdown::{parse as parse_markdown, MarkdownError, Parsed};

use crate::draft::Draft;
use crate::error::{Error, Result};
use crate::i18n;
use crate::letter::{Letter, Letterhead, PersonConcerned, RecipientBlock, Signature};
use crate::model::Template;

/// The compiled bodies of one template, ready to compose any number of letters.
pub struct Composer {
    registry: Handlebars<'static>,
    contexts: pool::ContextPool,
}

fn template_error(path: &str, err: &TemplateError) -> Error {
    let location = match err.pos() {
        Some((line, column)) => format!("{path}:{line}:{column}"),
        None => path.to_string(),
    };
    let reason = match err.reason() {
        TemplateErrorReason::InvalidSyntax(_) => {
            "invalid Handlebars syntax here: look for a block opened with {{#…}} and never closed with {{/…}}, or unbalanced braces".to_string()
        }
        reason => reason.to_string(),
    };
    Error::Template {
        location,
        message: format!("the template does not compile: {reason}"),
    }
}

fn render_error(path: &str, failure: &budget::Failure) -> Error {
    let err = &failure.error;
    let location = match (err.line_no, err.column_no) {
        (Some(line), Some(column)) => format!("{path}:{line}:{column}"),
        (Some(line), None) => format!("{path}:{line}"),
        _ => path.to_string(),
    };
    if let Some(overrun) = failure.overrun {
        return Error::Template {
            location,
            message: overrun.message(),
        };
    }
    match err.reason() {
        RenderErrorReason::MissingVariable(Some(name)) => Error::MissingVariable {
            location,
            name: name.clone(),
            available: context::AVAILABLE,
        },
        reason => Error::Template {
            location,
            message: format!("the template cannot be rendered: {reason}"),
        },
    }
}

impl Composer {
    /// Compiles every body of `template`, refusing what is beyond the limits
    /// (`bounds.rs`) before and after Handlebars parses it.
    pub fn new(template: &Template) -> Result<Composer> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.set_prevent_indent(true);
        registry.register_escape_fn(markdown_escape);
        registry.register_helper("each", Box::new(each::Each));
        for body in template.bodies.values() {
            bounds::check_source(&body.path, &body.source)?;
            registry
                .register_template_string(&body.path, &body.source)
                .map_err(|e| template_error(&body.path, &e))?;
            if let Some(compiled) = registry.get_template(&body.path) {
                bounds::check_compiled(&body.path, compiled)?;
            }
        }
        Ok(Composer {
            registry,
            contexts: pool::ContextPool::default(),
        })
    }

    /// Renders the Markdown body of `draft` (before parsing), within the limits of one
    /// letter (`budget.rs`).
    pub fn render_body(&self, draft: &Draft) -> Result<String> {
        let no_body = || {
            Error::data(
                &draft.template.path,
                format!("no body in `{}`", draft.language),
            )
        };
        let body = draft
            .template
            .bodies
            .get(&draft.language)
            .ok_or_else(no_body)?;
        let compiled = self.registry.get_template(&body.path).ok_or_else(no_body)?;
        self.contexts
            .with(draft, |context| {
                budget::render(&self.registry, compiled, context)
            })
            .map_err(|failure| render_error(&body.path, &failure))
    }

    /// The names of the signer's fields (`fields.<name>`) the bodies use.
    pub fn field_names(&self) -> std::collections::BTreeSet<String> {
        let mut names = std::collections::BTreeSet::new();
        for template in self.registry.get_templates().values() {
            fields::collect(template, &mut names);
        }
        names
    }

    /// Composes the Letter for `draft`.
    pub fn compose(&self, draft: &Draft) -> Result<Letter> {
        let markdown = self.render_body(draft)?;
        let body_path = draft
            .template
            .bodies
            .get(&draft.language)
            .map_or(draft.template.path.as_str(), |b| b.path.as_str());
        let parsed = parse_markdown(&markdown).map_err(|e| Error::Template {
            location: body_path.to_string(),
            message: e.to_string(),
        })?;
        Ok(frame(draft, parsed))
    }
}

/// Composes one letter (compiling the template just for it).
pub fn compose(draft: &Draft) -> Result<Letter> {
    Composer::new(&draft.template)?.compose(draft)
}

fn non_empty(lines: impl IntoIterator<Item = String>) -> Vec<String> {
    lines
        .into_iter()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn letterhead(draft: &Draft) -> Letterhead {
    let sender = &draft.sender;
    let mut lines = sender.address.clone();
    lines.extend([
        sender.email.clone(),
        sender.phone.clone(),
        sender.web.clone(),
    ]);
    let lines = non_empty(lines);
    let name = if !sender.organization.trim().is_empty() {
        sender.organization.trim().to_string()
    } else if !lines.is_empty() {
        sender.name.trim().to_string()
    } else {
        String::new()
    };
    Letterhead { name, lines }
}

fn frame(draft: &Draft, parsed: Parsed) -> Letter {
    let lang = draft.language;
    let recipient = &draft.recipient;
    let us = recipient.is_in_us();
    let mut recipient_lines = vec![recipient.addressee_line(lang)];
    let name_known = !recipient.name_in(lang).is_empty();
    if name_known {
        recipient_lines.push(recipient.title_in(lang).to_string());
    }
    recipient_lines.push(recipient.organization_in(lang).to_string());
    recipient_lines.extend(recipient.address.iter().cloned());
    let mut recipient_lines = non_empty(recipient_lines);
    recipient_lines.dedup();
    Letter {
        language: lang,
        template: draft.template.id.clone(),
        letterhead: letterhead(draft),
        date: draft.date,
        date_text: i18n::format_date(draft.date, lang, i18n::DateStyle::for_letter(lang, us)),
        recipient: RecipientBlock {
            id: recipient.id.clone(),
            lines: recipient_lines,
            email: Some(recipient.email.trim().to_string()).filter(|e| !e.is_empty()),
            country: recipient.country.clone(),
        },
        subject: draft
            .template
            .meta
            .subject
            .get_or_empty(lang)
            .trim()
            .to_string(),
        salutation: recipient
            .salutation_in(lang)
            .unwrap_or(i18n::fallback_salutation(lang))
            .trim()
            .to_string(),
        body: parsed.blocks,
        footnotes: parsed.footnotes,
        closing: i18n::closing(lang, us).to_string(),
        signature: Signature {
            image: draft.sender.signature.clone(),
            name: draft.sender.name.trim().to_string(),
            title: draft.sender.title.trim().to_string(),
            organization: draft.sender.organization.trim().to_string(),
        },
        cosigners: draft.cosigners.clone(),
        enclosures: Vec::new(),
        cc: Vec::new(),
        sender_email: Some(draft.sender.email.trim().to_string()).filter(|e| !e.is_empty()),
        act_before: draft.template.meta.act_before,
        people: draft
            .template
            .meta
            .people
            .iter()
            .map(|p| PersonConcerned {
                name: p.name.get_or_empty(lang).to_string(),
                pronouns: p
                    .pronouns
                    .as_ref()
                    .map_or("", |x| x.get_or_empty(lang))
                    .to_string(),
            })
            .collect(),
    }
}
