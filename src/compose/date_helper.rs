//! `{{date "2024-07-28"}}` in a body: a date written as the letter writes its own
//! (US or British English, or Spanish), so that the dates inside a letter match its
//! header. A month (`{{date "2024-08"}}`) comes out as "August 2024", and a day of a
//! month whose year follows (`{{date "--07-29"}}`, as ISO 8601 writes it) as "29 July".

use handlebars::{
    Context, Handlebars, Helper, HelperDef, Output, RenderContext, RenderError, RenderErrorReason,
};

use chrono::Datelike;

use crate::model::locale::Convention;
use crate::model::PartialDate;

/// The `date` helper.
pub struct DateHelper;

impl HelperDef for DateHelper {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        context: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> Result<(), RenderError> {
        let text = h.param(0).and_then(|p| p.value().as_str()).ok_or_else(|| {
            RenderErrorReason::Other(
                "`date` takes a date in quotes, such as {{date \"2024-07-28\"}}".to_string(),
            )
        })?;
        let not_a_date = || {
            RenderErrorReason::Other(format!(
                "`{text}` is not a date: write {{{{date \"2024-07-28\"}}}}, a month as {{{{date \"2024-08\"}}}}, or a day whose year follows as {{{{date \"--07-29\"}}}}"
            ))
        };
        let convention = context
            .data()
            .get("convention")
            .and_then(|c| c.as_str())
            .and_then(Convention::from_code)
            .ok_or_else(|| {
                RenderErrorReason::Other("the letter's conventions are not known".to_string())
            })?;
        let written = match text.strip_prefix("--") {
            Some(day) => {
                let date = chrono::NaiveDate::parse_from_str(&format!("2000-{day}"), "%Y-%m-%d")
                    .map_err(|_| not_a_date())?;
                convention.day_of_month(date.month(), date.day())
            }
            None => PartialDate::parse(text)
                .ok_or_else(not_a_date)?
                .written(convention),
        };
        out.write(&written)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use serde_json::json;

    fn render(source: &str, convention: &str) -> Result<String, RenderError> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_helper("date", Box::new(DateHelper));
        registry.register_template_string("t", source).unwrap();
        registry.render("t", &json!({ "convention": convention }))
    }

    #[test]
    fn dates_follow_the_letter() {
        let body = "On {{date \"2024-07-28\"}}; in {{date \"2024-08\"}}; {{date \"--07-29\"}}.";
        assert_eq!(
            render(body, "en-US").unwrap(),
            "On July 28, 2024; in August 2024; July 29."
        );
        assert_eq!(
            render(body, "en-GB").unwrap(),
            "On 28 July 2024; in August 2024; 29 July."
        );
        assert_eq!(
            render(body, "es").unwrap(),
            "On 28 de julio de 2024; in agosto de 2024; 29 de julio."
        );
    }

    #[test]
    fn a_bad_date_says_how_to_write_one() {
        for bad in ["28/07/2024", "--13-01", "--02-30"] {
            let err = render(&format!("{{{{date \"{bad}\"}}}}"), "es").unwrap_err();
            assert!(err.to_string().contains("is not a date"), "{err}");
        }
    }
}
