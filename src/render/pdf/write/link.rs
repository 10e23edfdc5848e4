//! Email and web addresses printed in a letter, made links a reader can follow: [`find`]
//! picks them out of the characters a run of text draws (`name@example.org`,
//! `https://…`, `http://…`, `www.…`), the content writer records the box over each
//! one's glyphs as a [`Link`], and [`write`] makes it a Link annotation: a URI action
//! (`mailto:` for an email address), no border (the page looks as it did), the print
//! flag PDF/A asks for, the printed address as its text alternative for PDF/UA, and,
//! when tagged, the parent tree key that leads to its `Link` structure element.

use std::ops::Range;

use super::syntax::{self, File};

/// An address found in a run's characters: which of them, and where it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub chars: Range<usize>,
    pub uri: String,
    /// The address as printed.
    pub text: String,
}

/// A link on a page: the box over its glyphs (`[left bottom right top]` in PDF user
/// space), where it leads, and the address as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub rect: [f32; 4],
    pub uri: String,
    pub text: String,
}

/// Characters that may open a token without being part of an address.
const OPENING: &[char] = &['(', '[', '<', '«', '“', '‘', '"', '\'', '¿', '¡'];
/// Characters that may close a token or a sentence without being part of an address.
const CLOSING: &[char] = &[
    '.', ',', ';', ':', '!', '?', ')', ']', '>', '»', '”', '’', '"', '\'',
];

/// Whether `text` may hold an address: most lines do not, and are not looked at
/// further.
pub fn may_hold(text: &str) -> bool {
    text.contains('@') || text.contains("://") || text.contains("www.") || text.contains("WWW.")
}

/// The email and web addresses in `chars`, in order.
pub fn find(chars: &[char]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        if chars[at].is_whitespace() {
            at += 1;
            continue;
        }
        let end = chars[at..]
            .iter()
            .position(|c| c.is_whitespace())
            .map_or(chars.len(), |n| at + n);
        let mut start = at;
        let mut stop = end;
        while start < stop && OPENING.contains(&chars[start]) {
            start += 1;
        }
        while stop > start && CLOSING.contains(&chars[stop - 1]) {
            stop -= 1;
        }
        let token: String = chars[start..stop].iter().collect();
        if let Some(uri) = uri(&token) {
            found.push(Found {
                chars: start..stop,
                uri,
                text: token,
            });
        }
        at = end;
    }
    found
}

/// Where `token` leads, if it is an email or web address.
fn uri(token: &str) -> Option<String> {
    let lower = token.to_ascii_lowercase();
    let web = if lower.starts_with("https://") || lower.starts_with("http://") {
        Some(token.to_string())
    } else if lower.starts_with("www.") {
        Some(format!("https://{token}"))
    } else {
        None
    };
    if let Some(web) = web {
        let host = web.split("://").nth(1).unwrap_or("");
        let host = host.split(['/', '?', '#']).next().unwrap_or("");
        return is_domain(host.rsplit('@').next().unwrap_or("")).then(|| encode(&web));
    }
    let (local, domain) = token.split_once('@')?;
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    (local_ok && is_domain(domain)).then(|| format!("mailto:{token}"))
}

/// Whether `host` is a domain name with at least two labels (an optional port after).
fn is_domain(host: &str) -> bool {
    let host = match host.rsplit_once(':') {
        Some((name, port)) if !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()) => name,
        _ => host,
    };
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().all(char::is_alphabetic))
}

/// `uri` with what a URI cannot hold (bytes outside ASCII, spaces, controls) as `%XX`.
fn encode(uri: &str) -> String {
    let mut out = String::with_capacity(uri.len());
    for byte in uri.bytes() {
        if byte.is_ascii_graphic() {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Writes `link` as Link annotation object `id` on page `page`, found in the parent
/// tree under `key` when tagged.
pub fn write(file: &mut File, id: u32, link: &Link, page: u32, key: Option<usize>) {
    file.begin(id);
    let out = &mut file.bytes;
    out.extend_from_slice(b"<</Type/Annot/Subtype/Link/Rect[");
    syntax::reals(out, &link.rect);
    out.extend_from_slice(b"]/Border[0 0 0]/F 4/P ");
    syntax::reference(out, page);
    out.extend_from_slice(b"/Contents");
    syntax::text_string(out, &link.text);
    out.extend_from_slice(b"/A<</S/URI/URI");
    syntax::literal(out, link.uri.as_bytes());
    out.extend_from_slice(b">>");
    if let Some(key) = key {
        out.extend_from_slice(b"/StructParent ");
        syntax::int(out, key as i64);
    }
    out.extend_from_slice(b">>");
    file.end();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(String, String)> {
        let chars: Vec<char> = text.chars().collect();
        find(&chars)
            .into_iter()
            .map(|f| (chars[f.chars].iter().collect(), f.uri))
            .collect()
    }

    fn pair(text: &str, uri: &str) -> (String, String) {
        (text.to_string(), uri.to_string())
    }

    #[test]
    fn email_and_web_addresses_are_found_without_the_punctuation_around_them() {
        assert_eq!(
            links("Escriba a ana@example.org o visite (https://example.org/informe?id=3)."),
            [
                pair("ana@example.org", "mailto:ana@example.org"),
                pair(
                    "https://example.org/informe?id=3",
                    "https://example.org/informe?id=3"
                ),
            ]
        );
        assert_eq!(
            links("Caracas  ·  www.example.org  ·  +58 212 555 0100"),
            [pair("www.example.org", "https://www.example.org")]
        );
        assert_eq!(
            links("«https://ejemplo.org/señal»"),
            [pair(
                "https://ejemplo.org/señal",
                "https://ejemplo.org/se%C3%B1al"
            )]
        );
    }

    #[test]
    fn words_that_only_look_like_addresses_are_left_alone() {
        for text in [
            "Sr. Pérez, art. 19.2 del Pacto",
            "@ana y ana@ no son direcciones",
            "a@b, x@y.1, https://, www.",
            "https://-bad-.org",
        ] {
            assert_eq!(links(text), [], "{text}");
        }
    }
}
