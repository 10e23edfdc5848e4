//! `{{#each}}` for letter bodies: Handlebars' own, step for step (`@index`, `@key`,
//! `@first`, `@last`, block parameters, `{{else}}`, strict mode), except that every
//! repetition of the block is paid for from the letter's loop steps (`budget.rs`) before
//! it is rendered. It is the only helper that repeats anything, so with it no template
//! can make a letter loop for long.

use handlebars::template::{Parameter, Template, TemplateElement};
use handlebars::{
    BlockContext, BlockParams, Context, Handlebars, Helper, HelperDef, HelperResult, Output,
    PathAndJson, RenderContext, RenderError, RenderErrorReason, Renderable,
};
use serde_json::Value as Json;

use super::budget;

/// The helper registered as `each`.
pub struct Each;

impl HelperDef for Each {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let value = h
            .param(0)
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("each", 0))?;
        let Some(template) = h.template() else {
            return Ok(());
        };
        let repeat = Repeat { h, value, template };
        match value.value() {
            Json::Array(list) if !list.is_empty() || h.inverse().is_none() => {
                repeat.render(r, ctx, rc, out, list.len(), list.iter().map(|v| (None, v)))
            }
            Json::Object(map) if !map.is_empty() || h.inverse().is_none() => repeat.render(
                r,
                ctx,
                rc,
                out,
                map.len(),
                map.iter().map(|(k, v)| (Some(k), v)),
            ),
            _ => match h.inverse() {
                Some(inverse) => inverse.render(r, ctx, rc, out),
                None if r.strict_mode() => Err(RenderError::strict_error(value.relative_path())),
                None => Ok(()),
            },
        }
    }
}

/// One `{{#each}}` over a list or an object.
struct Repeat<'h, 'rc> {
    h: &'h Helper<'rc>,
    value: &'h PathAndJson<'rc>,
    template: &'rc Template,
}

impl<'rc> Repeat<'_, 'rc> {
    /// Renders the block once for each entry: the key (for an object) and the value.
    fn render<'reg: 'rc, 'v>(
        &self,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
        len: usize,
        entries: impl Iterator<Item = (Option<&'v String>, &'v Json)>,
    ) -> HelperResult {
        let step = 1 + weight(self.template);
        let base_path = self.value.context_path();
        let mut block = BlockContext::new();
        match base_path {
            Some(path) => block.base_path_mut().clone_from(path),
            None => block.set_base_value(self.value.value().clone()),
        }
        rc.push_block(block);
        for (index, (key, item)) in entries.enumerate() {
            if !budget::take_steps(step) {
                return Err(RenderErrorReason::Other(
                    "the letter has run out of loop steps".to_string(),
                )
                .into());
            }
            if let Some(block) = rc.block_mut() {
                let first = index == 0;
                block.set_local_var("first", Json::Bool(first));
                block.set_local_var("last", Json::Bool(index + 1 == len));
                block.set_local_var("index", Json::from(index));
                let (segment, block_key) = match key {
                    Some(key) => {
                        block.set_local_var("key", Json::String(key.clone()));
                        (key.clone(), Json::String(key.clone()))
                    }
                    None => (index.to_string(), Json::from(index)),
                };
                match base_path {
                    Some(path) if first => {
                        let mut full = path.clone();
                        full.push(segment);
                        *block.base_path_mut() = full;
                    }
                    Some(_) => {
                        if let Some(last) = block.base_path_mut().last_mut() {
                            *last = segment;
                        }
                    }
                    None => block.set_base_value(item.clone()),
                }
                self.set_block_params(block, base_path.is_some(), block_key, item)?;
            }
            self.template.render(r, ctx, rc, out)?;
        }
        rc.pop_block();
        Ok(())
    }

    /// `as |item|` or `as |item key|`.
    fn set_block_params(
        &self,
        block: &mut BlockContext<'rc>,
        by_path: bool,
        key: Json,
        item: &Json,
    ) -> Result<(), RenderError> {
        let (name, key_name) = match (self.h.block_param(), self.h.block_param_pair()) {
            (Some(name), _) => (name, None),
            (None, Some((name, key_name))) => (name, Some(key_name)),
            (None, None) => return Ok(()),
        };
        let mut params = BlockParams::new();
        if by_path {
            params.add_path(name, Vec::new())?;
        } else {
            params.add_value(name, item.clone())?;
        }
        if let Some(key_name) = key_name {
            params.add_value(key_name, key)?;
        }
        block.set_block_params(params);
        Ok(())
    }
}

/// What rendering a block once costs: one for each text and tag in it (counting the
/// blocks inside it), and one more for each parameter, subexpression and literal value
/// a tag evaluates, so that a tag with a thousand parameters costs a thousand.
fn weight(template: &Template) -> u64 {
    template.elements.iter().map(element_weight).sum()
}

fn element_weight(element: &TemplateElement) -> u64 {
    match element {
        TemplateElement::Expression(helper)
        | TemplateElement::HtmlExpression(helper)
        | TemplateElement::HelperBlock(helper) => {
            let parameters = std::iter::once(&helper.name)
                .chain(&helper.params)
                .chain(helper.hash.values())
                .map(parameter_weight)
                .sum::<u64>();
            let blocks = [&helper.template, &helper.inverse]
                .into_iter()
                .flatten()
                .map(weight)
                .sum::<u64>();
            1 + parameters + blocks
        }
        _ => 1,
    }
}

fn parameter_weight(parameter: &Parameter) -> u64 {
    match parameter {
        Parameter::Subexpression(subexpression) => element_weight(&subexpression.element),
        Parameter::Literal(value) => json_weight(value),
        _ => 1,
    }
}

/// The values in a literal (`[1, [2, 3]]` holds five).
fn json_weight(value: &Json) -> u64 {
    1 + match value {
        Json::Array(items) => items.iter().map(json_weight).sum(),
        Json::Object(map) => map.values().map(json_weight).sum(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// The same body rendered with Handlebars' `{{#each}}` and with ours.
    fn both(source: &str, data: &Json) -> (Result<String, String>, Result<String, String>) {
        let mut theirs = Handlebars::new();
        theirs.set_strict_mode(true);
        theirs.register_template_string("t", source).unwrap();
        let mut ours = Handlebars::new();
        ours.set_strict_mode(true);
        ours.register_helper("each", Box::new(Each));
        ours.register_template_string("t", source).unwrap();
        let context = Context::wraps(data).unwrap();
        let expected = theirs
            .render_with_context("t", &context)
            .map_err(|e| e.to_string());
        let template = ours.get_template("t").unwrap();
        let got = budget::render(&ours, template, &context).map_err(|f| f.error.to_string());
        (expected, got)
    }

    #[test]
    fn renders_as_handlebars_does() {
        let data = json!({
            "demands": [{"id": "a", "text": "A."}, {"id": "b", "text": "B."}],
            "people": [],
            "fields": {"city": "Coro", "state": "Falcón"},
            "empty": {},
            "name": "Ana",
            "nested": [[1, 2], [3]],
        });
        for source in [
            "{{#each demands}}{{@index}}. {{this.text}} {{id}} {{../name}}{{#if @first}} first{{/if}}{{#if @last}} last{{/if}}\n{{/each}}",
            "{{#each fields}}{{@key}}={{this}} ({{@index}}){{/each}}",
            "{{#each demands as |d i|}}{{i}}:{{d.text}}{{/each}}",
            "{{#each fields as |v k|}}{{k}}:{{v}};{{/each}}",
            "{{#each demands as |d|}}{{d.id}}{{/each}}",
            "{{#each people}}x{{else}}nobody{{/each}}",
            "{{#each empty}}x{{else}}none{{/each}}",
            "{{#each people}}x{{/each}}.",
            "{{#each nested}}[{{#each this}}{{this}}{{@../index}}{{/each}}]{{/each}}",
            "{{#each demands}}{{#each ../demands}}{{../id}}{{id}} {{/each}}{{/each}}",
            "{{#each (lookup this \"demands\")}}{{text}}{{/each}}",
            "{{#each name}}x{{/each}}",
            "{{#each missing}}x{{/each}}",
            "{{#each name}}x{{else}}not a list{{/each}}",
            "{{#each}}x{{/each}}",
        ] {
            let (expected, got) = both(source, &data);
            assert_eq!(got, expected, "{source}");
        }
    }

    #[test]
    fn every_repetition_is_paid_for() {
        let data = json!({ "list": (0..1000).collect::<Vec<_>>() });
        let render = |source: &str| {
            let mut registry = Handlebars::new();
            registry.register_helper("each", Box::new(Each));
            registry.register_template_string("t", source).unwrap();
            let context = Context::wraps(&data).unwrap();
            budget::render(&registry, registry.get_template("t").unwrap(), &context)
                .map_err(|failure| failure.overrun)
        };
        // A block holding one `{{#if this}}` costs four steps a repetition: the
        // repetition, the tag, its name and its parameter.
        assert!(render("{{#each list}}{{#if this}}{{/if}}{{/each}}").is_ok());
        assert_eq!(
            render("{{#each list}}{{#each ../list}}{{/each}}{{/each}}"),
            Err(Some(budget::Overrun::Loops))
        );
    }
}
