//! The look of a list filtered by typing: dialoguer's colourful theme, with a note after
//! the filter when it matches nothing (dialoguer then shows an empty list where Enter does
//! nothing). It matches as dialoguer does, with the same matcher over the same labels.

use std::fmt;

use dialoguer::theme::{ColorfulTheme, Theme};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

/// The colourful theme of one filtered list, knowing its labels.
pub struct FilterTheme<'a> {
    pub colorful: &'a ColorfulTheme,
    pub labels: &'a [String],
    /// Said when nothing matches the filter.
    pub nothing: &'a str,
}

impl FilterTheme<'_> {
    /// Whether some label matches `filter`, as dialoguer decides.
    fn matches(&self, filter: &str) -> bool {
        let matcher = SkimMatcherV2::default();
        self.labels
            .iter()
            .any(|label| matcher.fuzzy_match(label, filter).is_some())
    }
}

impl Theme for FilterTheme<'_> {
    fn format_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.colorful.format_prompt(f, prompt)
    }

    fn format_error(&self, f: &mut dyn fmt::Write, err: &str) -> fmt::Result {
        self.colorful.format_error(f, err)
    }

    fn format_input_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        self.colorful.format_input_prompt_selection(f, prompt, sel)
    }

    fn format_fuzzy_select_prompt_item(
        &self,
        f: &mut dyn fmt::Write,
        text: &str,
        active: bool,
        highlight_matches: bool,
        matcher: &SkimMatcherV2,
        search_term: &str,
    ) -> fmt::Result {
        self.colorful.format_fuzzy_select_prompt_item(
            f,
            text,
            active,
            highlight_matches,
            matcher,
            search_term,
        )
    }

    fn format_fuzzy_select_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        search_term: &str,
        bytes_pos: usize,
    ) -> fmt::Result {
        self.colorful
            .format_fuzzy_select_prompt(f, prompt, search_term, bytes_pos)?;
        if !search_term.is_empty() && !self.matches(search_term) {
            write!(f, "  {}", self.colorful.error_style.apply_to(self.nothing))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_that_matches_nothing_says_so() {
        let colorful = ColorfulTheme::default();
        let labels = vec!["Mass detention".to_string(), "Election".to_string()];
        let theme = FilterTheme {
            colorful: &colorful,
            labels: &labels,
            nothing: "nothing matches",
        };
        let shown = |filter: &str| {
            let mut out = String::new();
            theme
                .format_fuzzy_select_prompt(&mut out, "Campaign", filter, filter.len())
                .unwrap();
            dialoguer::console::strip_ansi_codes(&out).into_owned()
        };
        assert!(shown("zzqx").ends_with("nothing matches"));
        assert!(!shown("detent").contains("nothing matches"));
        assert!(!shown("").contains("nothing matches"));
    }
}
