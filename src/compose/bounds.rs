//! The limits a template body is held to, so that no template can crash `letters` or
//! exhaust the machine: its size, the number of its tags, how deep they nest and what
//! they may be, checked before Handlebars parses it, and checked again (with how deep
//! `{{#each}}` nests) once it is compiled. (What one letter may use while it is rendered
//! is `budget.rs`.)
//!
//! Letter bodies are a few pages of text with a handful of blocks: the bundled ones are
//! under 3 KiB and nest blocks two deep. The limits are far above that and far below
//! what takes noticeable time or stack.

use handlebars::template::{Template, TemplateElement};

use super::budget::thousands;
use super::tags::{Kind, Tags};
use crate::error::{Error, Result};
use crate::model::template::{body_too_large, MAX_BODY_BYTES};

/// How deep blocks may nest (an `{{else if …}}` is one level more, as Handlebars nests
/// it), and parentheses and brackets inside one tag.
pub const MAX_DEPTH: usize = 32;

/// How deep `{{#each}}` blocks may nest in one another.
pub const MAX_EACH_DEPTH: usize = 3;

/// How many tags (`{{…}}`, comments included) a body may hold. Handlebars works out the
/// line and column of each by counting from the start of the body, so compiling takes
/// time that grows with the tags times the size of the body. The bundled bodies hold
/// about 30 (their voices and dates).
pub const MAX_TAGS: usize = 1000;

const UNESCAPED: &str = "triple braces `{{{…}}}` (and `{{&…}}`) print a value without the escaping that keeps names and texts exactly as written: use two braces, `{{…}}`";
const PARTIAL: &str = "partials (`{{> name}}`, `{{#> name}}`) are not supported in a letter body: write the text into the body itself";
const DECORATOR: &str = "inline partials and decorators (`{{#*inline …}}`, `{{*name}}`) are not supported in a letter body: write the text into the body itself";

fn error(path: &str, (line, column): (usize, usize), message: impl Into<String>) -> Error {
    Error::Template {
        location: format!("{path}:{line}:{column}"),
        message: message.into(),
    }
}

/// Checks a body before it is parsed: its size, its tags, how deep they nest.
pub fn check_source(path: &str, source: &str) -> Result<()> {
    if source.len() > MAX_BODY_BYTES {
        return Err(body_too_large(path));
    }
    check_tags(path, source)
}

/// Checks what the tags are, how many there are, and how deep blocks nest and
/// parentheses and brackets inside tags.
fn check_tags(path: &str, source: &str) -> Result<()> {
    // The levels each open block adds: one, and one per link of its else chain.
    let mut open: Vec<usize> = Vec::new();
    let mut depth = 0;
    for (count, tag) in Tags::new(source).enumerate() {
        let tag = tag.map_err(|u| error(path, (u.line, u.column), u.message))?;
        let here = (tag.line, tag.column);
        if count == MAX_TAGS {
            return Err(error(
                path,
                here,
                format!(
                    "the body holds more than {} tags (`{{{{…}}}}`, comments included) by here, the most a body may hold: a letter needs far fewer; shorten the template",
                    thousands(MAX_TAGS as u64)
                ),
            ));
        }
        if tag.nesting > MAX_DEPTH {
            return Err(error(
                path,
                here,
                format!("parentheses or brackets nest more than {MAX_DEPTH} deep in this tag: simplify it"),
            ));
        }
        let levels = match tag.kind {
            Kind::Open => {
                open.push(1);
                depth += 1;
                depth
            }
            Kind::ElseChain => {
                if let Some(levels) = open.last_mut() {
                    *levels += 1;
                    depth += 1;
                }
                depth
            }
            Kind::Close => {
                depth -= open.pop().unwrap_or(0);
                depth
            }
            Kind::RawBlock => depth + 1,
            Kind::Partial => return Err(error(path, here, PARTIAL)),
            Kind::Decorator => return Err(error(path, here, DECORATOR)),
            Kind::Unescaped => return Err(error(path, here, UNESCAPED)),
            Kind::Else | Kind::Comment | Kind::Other => depth,
        };
        if levels > MAX_DEPTH {
            return Err(too_deep(path, here));
        }
    }
    Ok(())
}

fn too_deep(path: &str, here: (usize, usize)) -> Error {
    error(
        path,
        here,
        format!(
            "blocks nest more than {MAX_DEPTH} deep here (each `{{{{else if …}}}}` counts as one level more): close blocks before opening others"
        ),
    )
}

/// Checks a compiled body for `{{#each}}` nested too deep, and again, as Handlebars
/// compiled it, for what `check_source` refuses: blocks nested too deep, triple braces
/// (values without Markdown escaping), partials and decorators (a partial can include
/// itself, or the body of another language, without end).
pub fn check_compiled(path: &str, template: &Template) -> Result<()> {
    walk(path, template, (1, 1), 0, 0)
}

fn walk(
    path: &str,
    template: &Template,
    at: (usize, usize),
    depth: usize,
    each_depth: usize,
) -> Result<()> {
    for (index, element) in template.elements.iter().enumerate() {
        // Handlebars maps each element to its line and column, except the links of an
        // else chain: those are placed where the block starts.
        let here = template
            .mapping
            .get(index)
            .map_or(at, |mapping| (mapping.0, mapping.1));
        match element {
            TemplateElement::HtmlExpression(_) => return Err(error(path, here, UNESCAPED)),
            TemplateElement::PartialExpression(_) | TemplateElement::PartialBlock(_) => {
                return Err(error(path, here, PARTIAL))
            }
            TemplateElement::DecoratorExpression(_) | TemplateElement::DecoratorBlock(_) => {
                return Err(error(path, here, DECORATOR))
            }
            TemplateElement::HelperBlock(helper) => {
                let depth = depth + 1;
                if depth > MAX_DEPTH {
                    return Err(too_deep(path, here));
                }
                let each_depth = each_depth + usize::from(helper.name.as_name() == Some("each"));
                if each_depth > MAX_EACH_DEPTH {
                    return Err(error(
                        path,
                        here,
                        format!(
                            "`{{{{#each}}}}` blocks nest more than {MAX_EACH_DEPTH} deep here: a letter never needs more, and each level multiplies the work; loop in fewer levels"
                        ),
                    ));
                }
                for inner in [&helper.template, &helper.inverse].into_iter().flatten() {
                    walk(path, inner, here, depth, each_depth)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source_error(source: &str) -> String {
        match check_source("t.hbs", source) {
            Ok(()) => String::new(),
            Err(err) => err.to_string(),
        }
    }

    fn compiled_error(source: &str) -> String {
        let template = Template::compile(source).unwrap();
        match check_compiled("t.hbs", &template) {
            Ok(()) => String::new(),
            Err(err) => err.to_string(),
        }
    }

    fn nested(open: &str, levels: usize, close: &str) -> String {
        format!("{}x{}", open.repeat(levels), close.repeat(levels))
    }

    #[test]
    fn bundled_templates_are_far_inside_the_limits() {
        let bodies = crate::load::bundled::TEMPLATES
            .dirs()
            .flat_map(|dir| dir.files())
            .filter(|file| file.path().extension().is_some_and(|e| e == "hbs"));
        for file in bodies {
            let source = file.contents_utf8().unwrap();
            assert!(source.len() * 16 < MAX_BODY_BYTES, "{:?}", file.path());
            assert!(
                Tags::new(source).count() * 25 < MAX_TAGS,
                "{:?}",
                file.path()
            );
            assert_eq!(source_error(source), "");
            assert_eq!(compiled_error(source), "");
        }
    }

    /// The deepest body the limits allow compiles and renders on a thread with half the
    /// stack of the threads a batch renders on (2 MiB).
    #[test]
    fn the_deepest_body_allowed_needs_little_stack() {
        let condition = (1..MAX_DEPTH).fold("(eq 1 1)".to_string(), |inner, _| {
            format!("(eq {inner} true)")
        });
        let body = format!(
            "{}{{{{#if {condition}}}}}deep{{{{/if}}}}{}",
            "{{#if true}}".repeat(MAX_DEPTH - 1),
            "{{/if}}".repeat(MAX_DEPTH - 1)
        );
        assert_eq!(source_error(&body), "");
        let rendered = std::thread::Builder::new()
            .stack_size(1024 * 1024)
            .spawn(move || {
                let mut registry = handlebars::Handlebars::new();
                registry.set_strict_mode(true);
                registry.register_template_string("t", &body).unwrap();
                let template = registry.get_template("t").unwrap();
                check_compiled("t", template).unwrap();
                let context = handlebars::Context::null();
                super::super::budget::render(&registry, template, &context).unwrap()
            })
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(rendered, "deep");
    }

    #[test]
    fn size() {
        assert_eq!(source_error(&"a".repeat(MAX_BODY_BYTES)), "");
        assert!(source_error(&"a".repeat(MAX_BODY_BYTES + 1))
            .starts_with("t.hbs: the body is over 64 KiB"));
    }

    #[test]
    fn nesting_is_counted_before_parsing() {
        let ok = nested("{{#if a}}", MAX_DEPTH, "{{/if}}");
        assert_eq!(source_error(&ok), "");
        assert_eq!(compiled_error(&ok), "");
        let deep = nested("{{#if a}}", MAX_DEPTH + 1, "{{/if}}");
        let at = 9 * MAX_DEPTH + 1;
        assert!(source_error(&deep).starts_with(&format!("t.hbs:1:{at}: blocks nest more")));
        assert!(compiled_error(&deep).starts_with(&format!("t.hbs:1:{at}: blocks nest more")));
        // Whitespace control, comments and `{{else}}` do not hide a level.
        let tilde = nested(
            "{{~#if a~}}{{!-- }} --}}{{else}}",
            MAX_DEPTH + 1,
            "{{~/if~}}",
        );
        assert!(source_error(&tilde).contains("blocks nest more"));
        // Twelve thousand levels (more than the largest body holds) are refused as
        // quickly, at the 33rd.
        let huge = nested("{{#if a}}\n", 12_000, "{{/if}}");
        let err = check_tags("t.hbs", &huge).unwrap_err().to_string();
        assert!(err.starts_with("t.hbs:33:1: blocks nest more"), "{err}");
    }

    #[test]
    fn else_chains_count_as_levels() {
        let chain =
            |links: usize| format!("{{{{#if a}}}}{}{{{{/if}}}}", "{{else if b}}".repeat(links));
        assert_eq!(source_error(&chain(MAX_DEPTH - 1)), "");
        assert_eq!(compiled_error(&chain(MAX_DEPTH - 1)), "");
        assert!(source_error(&chain(MAX_DEPTH)).contains("blocks nest more"));
        assert!(compiled_error(&chain(MAX_DEPTH)).contains("blocks nest more"));
        // After the block closes, its links no longer count.
        let twice = format!("{}{}", chain(MAX_DEPTH - 1), chain(MAX_DEPTH - 1));
        assert_eq!(source_error(&twice), "");
    }

    #[test]
    fn raw_blocks_hide_their_content() {
        let raw = format!(
            "{{{{{{{{raw}}}}}}}}{}{{{{{{{{/raw}}}}}}}}",
            "{{#if a}}".repeat(100)
        );
        assert_eq!(source_error(&raw), "");
    }

    #[test]
    fn parentheses_in_a_tag() {
        let deep = format!(
            "{{{{x {}y{}}}}}",
            "(a ".repeat(MAX_DEPTH + 1),
            ")".repeat(MAX_DEPTH + 1)
        );
        assert!(source_error(&deep).starts_with("t.hbs:1:1: parentheses or brackets nest"));
        // A string or an object can hold `}}`: such a tag is refused, not misread.
        let hidden = "{{#if a}}{{x \"}}{{/if}}\"}}".repeat(40);
        assert!(source_error(&hidden).starts_with("t.hbs:1:10: this tag cannot be read"));
    }

    #[test]
    fn number_of_tags() {
        let at_limit = "{{a}}{{! note }}".repeat(MAX_TAGS / 2);
        assert_eq!(source_error(&at_limit), "");
        let over = format!("{at_limit}\n{{{{a}}}}");
        assert!(source_error(&over).starts_with("t.hbs:2:1: the body holds more than 1,000 tags"));
    }

    #[test]
    fn refused_before_parsing() {
        let partial = "{{#*inline \"x\"}}{{> x}}{{/inline}}{{> x}}";
        assert!(source_error(partial).starts_with("t.hbs:1:1: inline partials"));
        assert!(source_error("a\n{{> other}}").starts_with("t.hbs:2:1: partials"));
        assert!(source_error("a {{{b}}}").starts_with("t.hbs:1:3: triple braces"));
        assert!(source_error("{{!-- a }}").starts_with("t.hbs:1:1: this comment opens"));
    }

    #[test]
    fn what_a_body_may_not_use() {
        let partial = "{{#*inline \"x\"}}{{> x}}{{/inline}}{{> x}}";
        assert!(compiled_error(partial).starts_with("t.hbs:1:1: inline partials"));
        assert!(compiled_error("a\n{{> other}}").starts_with("t.hbs:2:1: partials"));
        assert!(compiled_error("{{#> layout}}x{{/layout}}").starts_with("t.hbs:1:1: partials"));
        for triple in [
            "{{{sender.name}}}",
            "{{&sender.name}}",
            "{{~{sender.name}~}}",
        ] {
            let body = format!("Signed,\n\n{triple}\n");
            assert!(
                compiled_error(&body).starts_with("t.hbs:3:1: triple braces"),
                "{triple}: {}",
                compiled_error(&body)
            );
        }
        assert_eq!(compiled_error("{{{{raw}}}}{{{x}}}{{{{/raw}}}}"), "");
    }

    #[test]
    fn each_depth() {
        let each = |levels: usize| {
            let mut body = String::new();
            for level in 0..levels {
                body.push_str(&format!("{{{{#each {}demands}}}}", "../".repeat(level)));
            }
            body + "x" + &"{{/each}}".repeat(levels)
        };
        assert_eq!(compiled_error(&each(MAX_EACH_DEPTH)), "");
        let at = 17 + 20 + 23 + 1;
        assert!(
            compiled_error(&each(MAX_EACH_DEPTH + 1)).starts_with(&format!(
                "t.hbs:1:{at}: `{{{{#each}}}}` blocks nest more than 3"
            ))
        );
        // In an else chain too.
        let chained = "{{#each a}}{{#each b}}{{#each c}}{{#if d}}{{else each e}}{{/if}}{{/each}}{{/each}}{{/each}}";
        assert!(compiled_error(chained).contains("`{{#each}}` blocks nest more"));
    }

    /// How deep the tag scan finds blocks nest (as `check_source` counts them).
    fn scanned_depth(source: &str) -> usize {
        let (mut open, mut depth, mut deepest) = (Vec::new(), 0, 0);
        for tag in Tags::new(source).flatten() {
            match tag.kind {
                Kind::Open => {
                    open.push(1);
                    depth += 1;
                }
                Kind::ElseChain => {
                    if let Some(levels) = open.last_mut() {
                        *levels += 1;
                        depth += 1;
                    }
                }
                Kind::Close => depth -= open.pop().unwrap_or(0),
                Kind::RawBlock => deepest = deepest.max(depth + 1),
                _ => {}
            }
            deepest = deepest.max(depth);
        }
        deepest
    }

    /// How deep blocks nest as Handlebars compiled them.
    fn compiled_depth(template: &Template) -> usize {
        template
            .elements
            .iter()
            .map(|element| match element {
                TemplateElement::HelperBlock(helper) => {
                    1 + [&helper.template, &helper.inverse]
                        .into_iter()
                        .flatten()
                        .map(compiled_depth)
                        .max()
                        .unwrap_or(0)
                }
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    /// Something that could hide a block from a scan that read it wrongly: a comment,
    /// an escape, a raw block, a string or a bracket in a tag, half of a tag.
    fn noise() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        proptest::sample::select(vec![
            "{{!-- ",
            " --}}",
            "{{! ",
            "}}",
            "{{",
            "\\",
            "\\\\",
            "{{{{raw}}}}",
            "{{{{/raw}}}}",
            "\"",
            "'",
            "[",
            "]",
            "(",
            ")",
            "{",
            "{{x \"",
            "{{x [",
            "{{x \"}}\"}}",
            "{{x [a b]}}",
            "{{x (y z)}}",
            "{{else}}",
            "\n",
        ])
        .prop_map(str::to_string)
    }

    /// Nested `{{#if}}` blocks (in the forms whitespace control and spacing allow), with
    /// else chains, text and noise inside.
    fn body() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let leaf =
            prop_oneof![3 => Just("x".to_string()), 1 => Just("{{a}}".to_string()), 2 => noise()];
        leaf.prop_recursive(8, 128, 4, |inner| {
            let open = proptest::sample::select(vec!["{{#if a}}", "{{~#if a~}}", "{{ # if a }}"]);
            let link = proptest::sample::select(vec![
                "",
                "",
                "{{else if b}}",
                "{{^if b}}",
                "{{~else if b~}}",
            ]);
            let close = proptest::sample::select(vec!["{{/if}}", "{{~/if~}}", "{{ / if }}"]);
            (open, proptest::collection::vec((link, inner), 0..4), close).prop_map(
                |(open, parts, close)| {
                    let inside: String = parts
                        .into_iter()
                        .map(|(link, part)| format!("{link}{part}"))
                        .collect();
                    format!("{open}{inside}{close}")
                },
            )
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

        /// The scan never finds blocks shallower than Handlebars does, whatever the
        /// comments, strings, escapes and raw blocks around them: no block can hide
        /// from the count.
        #[test]
        fn the_scan_never_counts_shallower_than_handlebars(
            pieces in proptest::collection::vec(body(), 1..4)
        ) {
            let source: String = pieces.concat();
            if check_source("t.hbs", &source).is_ok() {
                if let Ok(template) = Template::compile(&source) {
                    proptest::prop_assert!(
                        compiled_depth(&template) <= scanned_depth(&source),
                        "{source:?}"
                    );
                }
            }
        }
    }
}
