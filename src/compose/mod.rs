//! Draft → Letter: Handlebars renders the template body (strict mode, Markdown escaping,
//! `{{date}}` in the letter's conventions), the Markdown is parsed into blocks (footnotes
//! that cite a campaign source by id get its citation), and the frame (date, recipient
//! block, salutation, closing, signature) comes from the data, the language and the
//! letter's conventions. Paragraphs of the signer's own words written in another
//! language say which (`own_language.rs`).
//!
//! Bodies come from users, so each is held to limits: on its size, nesting and what it
//! may use before it renders (`bounds.rs`, reading tags with `tags.rs`), and on the
//! output and loop work of each letter while it renders (`budget.rs`, `each.rs`).

mod bounds;
mod budget;
mod context;
mod date_helper;
mod each;
mod escape;
mod fields;
mod frame;
mod markdown;
mod own_language;
mod pool;
mod tags;

use handlebars::{Handlebars, RenderErrorReason, TemplateError, TemplateErrorReason};

pub use bounds::{MAX_DEPTH, MAX_EACH_DEPTH};
pub use budget::{MAX_LOOP_STEPS, MAX_OUTPUT_BYTES};
pub use context::AVAILABLE as CONTEXT_KEYS;
pub use escape::markdown_escape;
pub use markdown::{parse as parse_markdown, parse_citing, MarkdownError, Parsed};

use crate::draft::Draft;
use crate::error::{Error, Result};
use crate::letter::{Inline, Letter};
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
        registry.register_helper("date", Box::new(date_helper::DateHelper));
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
        let template = &draft.template;
        let cite = |id: &str| {
            let source = template.source(id)?;
            let pieces = source.citation_pieces(draft.convention);
            Some(
                pieces
                    .into_iter()
                    .map(|(text, lang)| match lang {
                        Some(lang) => Inline::in_language(text, lang),
                        None => Inline::plain(text),
                    })
                    .collect(),
            )
        };
        let mut parsed = parse_citing(&markdown, &cite).map_err(|e| {
            let mut message = e.to_string();
            if matches!(e, MarkdownError::UndefinedFootnote(_)) && !template.meta.sources.is_empty()
            {
                let ids: Vec<&str> = template
                    .meta
                    .sources
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect();
                message.push_str(&format!(
                    ", or cite one of the campaign's sources by its id: {}",
                    ids.join(", ")
                ));
            }
            Error::Template {
                location: body_path.to_string(),
                message,
            }
        })?;
        if let (Some(own_words), Some(language)) = (&draft.own_words, draft.own_words_language) {
            own_language::mark(&mut parsed.blocks, own_words, language);
        }
        Ok(frame::frame(draft, parsed))
    }
}

/// Composes one letter (compiling the template just for it).
pub fn compose(draft: &Draft) -> Result<Letter> {
    Composer::new(&draft.template)?.compose(draft)
}
