//! The signer's fields a compiled body names (`fields.city`, `../fields.[first name]`),
//! so that `letters check` can fill them all with sample values before it renders,
//! rather than finding them one failed render at a time.

use std::collections::BTreeSet;

use handlebars::template::{Parameter, Template, TemplateElement};
use handlebars::{Path, PathSeg};

/// Adds the fields `template` names to `names`.
pub fn collect(template: &Template, names: &mut BTreeSet<String>) {
    for element in &template.elements {
        element_fields(element, names);
    }
}

fn element_fields(element: &TemplateElement, names: &mut BTreeSet<String>) {
    if let TemplateElement::Expression(helper)
    | TemplateElement::HtmlExpression(helper)
    | TemplateElement::HelperBlock(helper) = element
    {
        let parameters = std::iter::once(&helper.name)
            .chain(&helper.params)
            .chain(helper.hash.values());
        for parameter in parameters {
            parameter_fields(parameter, names);
        }
        for inner in [&helper.template, &helper.inverse].into_iter().flatten() {
            collect(inner, names);
        }
    }
}

fn parameter_fields(parameter: &Parameter, names: &mut BTreeSet<String>) {
    match parameter {
        Parameter::Path(Path::Relative((segments, _))) => {
            // `../` and `@root` come first; then `fields` and the field's name.
            let mut named = segments
                .iter()
                .skip_while(|s| !matches!(s, PathSeg::Named(_)));
            if let (Some(PathSeg::Named(first)), Some(PathSeg::Named(field))) =
                (named.next(), named.next())
            {
                if first == "fields" {
                    names.insert(field.clone());
                }
            }
        }
        Parameter::Subexpression(subexpression) => element_fields(&subexpression.element, names),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_way_of_naming_a_field() {
        let template = Template::compile(
            "{{fields.city}} {{#each demands}}{{../fields.[first name]}}{{/each}} \
             {{#if (eq @root.fields.lang \"es\")}}{{else}}{{fields.note}}{{/if}} \
             {{fields}} {{sender.name}} {{lookup fields \"x\"}}",
        )
        .unwrap();
        let mut names = BTreeSet::new();
        collect(&template, &mut names);
        assert_eq!(
            names.into_iter().collect::<Vec<_>>(),
            ["city", "first name", "lang", "note"]
        );
    }
}
