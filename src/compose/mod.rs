//! Draft → Letter: Handlebars renders the template body (strict mode, Markdown escaping),
//! the Markdown is parsed into blocks, and the frame (date, recipient block, salutation,
//! closing, signature) comes from the data and the language.

mod context;
mod escape;
mod frame;
mod markdown;
mod pool;

use handlebars::{Handlebars, RenderError, RenderErrorReason, TemplateError, TemplateErrorReason};

pub use context::AVAILABLE as CONTEXT_KEYS;
pub use escape::markdown_escape;
pub use markdown::{parse as parse_markdown, MarkdownError, Parsed};

use crate::draft::Draft;
use crate::error::{Error, Result};
use crate::letter::Letter;
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

fn render_error(path: &str, err: &RenderError) -> Error {
    let location = match (err.line_no, err.column_no) {
        (Some(line), Some(column)) => format!("{path}:{line}:{column}"),
        (Some(line), None) => format!("{path}:{line}"),
        _ => path.to_string(),
    };
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
    /// Compiles every body of `template`.
    pub fn new(template: &Template) -> Result<Composer> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.set_prevent_indent(true);
        registry.register_escape_fn(markdown_escape);
        for body in template.bodies.values() {
            registry
                .register_template_string(&body.path, &body.source)
                .map_err(|e| template_error(&body.path, &e))?;
        }
        Ok(Composer {
            registry,
            contexts: pool::ContextPool::default(),
        })
    }

    /// Renders the Markdown body of `draft` (before parsing).
    pub fn render_body(&self, draft: &Draft) -> Result<String> {
        let body = draft.template.bodies.get(&draft.language).ok_or_else(|| {
            Error::data(
                &draft.template.path,
                format!("no body in `{}`", draft.language),
            )
        })?;
        self.contexts
            .with(draft, |context| {
                self.registry.render_with_context(&body.path, context)
            })
            .map_err(|e| render_error(&body.path, &e))
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
        Ok(frame::frame(draft, parsed))
    }
}

/// Composes one letter (compiling the template just for it).
pub fn compose(draft: &Draft) -> Result<Letter> {
    Composer::new(&draft.template)?.compose(draft)
}
