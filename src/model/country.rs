//! Country codes: a recipient's `country` is an ISO 3166-1 alpha-2 code (`VE`, `US`),
//! checked against the list the `celes` crate keeps; for a country's name or its
//! three-letter code, the two-letter code is suggested.

use celes::Country;

/// The code `text` is, in capitals (`ve` is `VE`), or `None` when it is no code.
pub fn alpha2(text: &str) -> Option<&'static str> {
    let text = text.trim();
    if text.len() != 2 {
        return None;
    }
    Country::from_alpha2(text).ok().map(|c| c.alpha2)
}

/// The code meant by `text`, when it is a country's name, a common short name, or a
/// three-letter code: `Venezuela` and `VEN` are `VE`.
pub fn suggest(text: &str) -> Option<(&'static str, &'static str)> {
    let squeezed: String = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let country = Country::from_alias(&squeezed)
        .or_else(|_| Country::from_name(&squeezed))
        .or_else(|_| Country::from_name(format!("the{squeezed}")))
        .or_else(|_| Country::from_alpha3(&squeezed))
        .or_else(|_| match squeezed.as_str() {
            "uk" => Country::from_alpha2("GB"),
            _ => Err("no country"),
        })
        .ok()?;
    Some((country.alpha2, country.long_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert_eq!(alpha2("VE"), Some("VE"));
        assert_eq!(alpha2("us"), Some("US"));
        assert_eq!(alpha2("XX"), None);
        assert_eq!(alpha2("Venezuela"), None);
        assert_eq!(alpha2("VEN"), None);
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("Venezuela").map(|s| s.0), Some("VE"));
        assert_eq!(suggest("VEN").map(|s| s.0), Some("VE"));
        assert_eq!(suggest("United States").map(|s| s.0), Some("US"));
        assert_eq!(suggest("Spain").map(|s| s.0), Some("ES"));
        assert_eq!(suggest("Netherlands").map(|s| s.0), Some("NL"));
        assert_eq!(suggest("UK").map(|s| s.0), Some("GB"));
        assert_eq!(suggest("XX"), None);
    }
}
