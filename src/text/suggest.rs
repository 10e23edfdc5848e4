//! "Did you mean …?": the closest known id to a mistyped one.

/// The candidate most like `wanted`, if any is close enough to be a likely typo.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let wanted = wanted.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&wanted, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_only() {
        let ids = [
            "ve-attorney-general",
            "ve-un-mission",
            "us-secretary-of-state",
        ];
        assert_eq!(
            closest("ve-attorney-genral", ids).as_deref(),
            Some("ve-attorney-general")
        );
        assert_eq!(closest("prime-minister", ids), None);
    }
}
