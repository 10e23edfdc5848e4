//! Every message in every catalogue, with the same placeholders, and every id the code
//! asks for present.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;
use fluent_syntax::parser;

use super::{format, CATALOGUES};

/// Each message id with the placeholders (`$name`) it uses.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match parser::parse(source) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("a catalogue does not parse: {errors:?}"),
    };
    let mut found = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut names = BTreeSet::new();
            if let Some(pattern) = &message.value {
                placeholders(pattern, &mut names);
            }
            found.insert(message.id.name.to_string(), names);
        }
    }
    found
}

fn placeholders(pattern: &ast::Pattern<&str>, names: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_placeholders(expression, names);
        }
    }
}

fn expression_placeholders(expression: &ast::Expression<&str>, names: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_placeholders(inline, names),
        ast::Expression::Select { selector, variants } => {
            inline_placeholders(selector, names);
            for variant in variants {
                placeholders(&variant.value, names);
            }
        }
    }
}

fn inline_placeholders(inline: &ast::InlineExpression<&str>, names: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            names.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => {
            expression_placeholders(expression, names);
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_placeholders(argument, names);
            }
        }
        _ => {}
    }
}

#[test]
fn every_message_is_in_every_language_with_the_same_placeholders() {
    let (_, english) = CATALOGUES[0];
    let english = messages(english);
    assert!(!english.is_empty());
    for (code, source) in &CATALOGUES[1..] {
        let other = messages(source);
        let missing: Vec<_> = english
            .keys()
            .filter(|id| !other.contains_key(*id))
            .collect();
        assert!(missing.is_empty(), "{code}.ftl lacks {missing:?}");
        let extra: Vec<_> = other
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(
            extra.is_empty(),
            "{code}.ftl has messages en.ftl lacks: {extra:?}"
        );
        for (id, names) in &english {
            assert_eq!(
                &other[id], names,
                "{code}.ftl: `{id}` uses other placeholders than en.ftl"
            );
        }
    }
}

/// The ids the code passes, as a literal, to `msg(`, `msg_with(`, `messages::text(` and
/// `messages::format(` calls under `src/`.
fn ids_in_code() -> BTreeMap<String, Vec<String>> {
    let mut ids = BTreeMap::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("messages/tests.rs") {
                continue;
            }
            let code = std::fs::read_to_string(&path).unwrap();
            for call in [
                "msg(",
                "msg_with(",
                "messages::text(",
                "messages::format(",
                "messages::detail(",
            ] {
                for (at, _) in code.match_indices(call) {
                    // The first string literal among the call's first arguments.
                    let rest = &code[at + call.len()..];
                    let Some(open) = rest
                        .find('"')
                        .filter(|open| *open < 80 && !rest[..*open].contains([';', '!', '[']))
                    else {
                        continue;
                    };
                    let rest = &rest[open + 1..];
                    let Some(end) = rest.find('"') else { continue };
                    let id = &rest[..end];
                    let is_id = !id.is_empty()
                        && id
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if is_id {
                        ids.entry(id.to_string())
                            .or_insert_with(Vec::new)
                            .push(path.display().to_string());
                    }
                }
            }
        }
    }
    ids
}

#[test]
fn every_message_the_code_asks_for_is_in_the_catalogues() {
    let ids = ids_in_code();
    assert!(ids.len() > 20, "{ids:?}");
    for (code, source) in CATALOGUES {
        let known = messages(source);
        for (id, files) in &ids {
            assert!(
                known.contains_key(id),
                "{code}.ftl lacks `{id}` (used in {files:?})"
            );
        }
    }
}

#[test]
fn no_placeholder_is_left_unfilled() {
    let english = messages(CATALOGUES[0].1);
    for (code, _) in CATALOGUES {
        for (id, names) in &english {
            let args: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "«X»")).collect();
            let text = format(code, id, &args);
            // Fluent writes a placeholder it was not given as `{$name}`.
            assert!(!text.contains('{'), "{code} {id}: {text}");
        }
    }
}

#[test]
fn counts_choose_their_plural() {
    let count = |n| super::format_counts("es", "batch-blank", &[], &[("count", n)]);
    assert_eq!(count(1), "1 fila en blanco");
    assert_eq!(count(2), "2 filas en blanco");
    let english = super::format_counts("en", "batch-written", &[], &[("count", 12345)]);
    assert_eq!(english, "12345 written");
}
