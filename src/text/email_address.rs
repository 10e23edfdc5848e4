//! The shape check for email addresses in data files and signer rows (the email
//! renderer parses addresses strictly when it builds a message).

/// Whether `text` is shaped like a bare email address: `local@domain.tld`, no spaces,
/// separators, brackets or quotes.
pub fn looks_like_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !text
                    .chars()
                    .any(|c| c.is_whitespace() || ",;<>()[]\"".contains(c))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(looks_like_email("misionvene@venezuelaonu.gob.ve"));
        assert!(!looks_like_email("misionvene"));
        assert!(!looks_like_email("a@b"));
        assert!(!looks_like_email("a b@c.d"));
        assert!(!looks_like_email("a@b.c@d.e"));
        assert!(!looks_like_email("Ana <a@b.org>"));
    }
}
