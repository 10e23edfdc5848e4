//! Addresses in email headers: `Name <address>` parsed strictly (no control character,
//! nothing after the `>`), every text that becomes a header made one line, and the
//! letter's sender and recipient as mailboxes.

use std::str::FromStr;

use lettre::message::Mailbox;
use lettre::Address;

use super::EmailOptions;
use crate::error::{Error, Result};
use crate::letter::Letter;

/// Replaces every control character (CR, LF, tab, NEL, line and paragraph separators)
/// with a space and collapses runs of white space: the result is one line.
pub fn one_line(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                ' '
            } else {
                c
            }
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses `Name <address>` or `address`, naming `field` when it is not an address.
/// Stricter than lettre's parser: nothing may follow the `>`, and no control character
/// may appear anywhere (they would otherwise be silently dropped or start a header).
pub fn parse_mailbox(field: &str, value: &str) -> Result<Mailbox> {
    let bad = |message: &str| Error::Address {
        field: field.to_string(),
        value: value.to_string(),
        message: message.to_string(),
    };
    if value.chars().any(char::is_control) {
        return Err(bad("it contains a line break or another control character"));
    }
    let value_trimmed = value.trim();
    let (name, address) = match value_trimmed.find('<') {
        Some(open) => {
            let Some(rest) = value_trimmed[open + 1..].strip_suffix('>') else {
                return Err(bad(
                    "write it as `Name <user@example.org>` or `user@example.org`",
                ));
            };
            let name = value_trimmed[..open].trim();
            let name = name
                .strip_prefix('"')
                .and_then(|n| n.strip_suffix('"'))
                .unwrap_or(name)
                .replace("\\\"", "\"");
            (Some(name).filter(|n| !n.is_empty()), rest.trim())
        }
        None => (None, value_trimmed),
    };
    if address.is_empty() {
        return Err(bad("the address is empty"));
    }
    if address.contains(|c: char| c.is_whitespace() || c == '<' || c == '>') {
        return Err(bad("an address has no spaces or angle brackets"));
    }
    let address = Address::from_str(address).map_err(|e| bad(&e.to_string()))?;
    Ok(Mailbox::new(name.map(|n| one_line(&n)), address))
}

/// Each of `values`, parsed; an error names `field`.
pub fn parse_mailboxes(field: &str, values: &[String]) -> Result<Vec<Mailbox>> {
    values.iter().map(|v| parse_mailbox(field, v)).collect()
}

/// The recipient's address, or the error that says the letter cannot be an email.
pub(super) fn recipient_mailbox(letter: &Letter) -> Result<Mailbox> {
    let Some(email) = letter
        .recipient
        .email
        .as_deref()
        .filter(|e| !e.trim().is_empty())
    else {
        return Err(Error::NoEmail {
            recipient: letter.recipient.id.clone(),
        });
    };
    let field = format!("email of recipient `{}`", letter.recipient.id);
    let address = parse_mailbox(&field, email)?.email;
    let name = one_line(&letter.recipient.addressee);
    Ok(Mailbox::new(Some(name).filter(|n| !n.is_empty()), address))
}

/// The sender: the one the options name, else the signer's name and email address.
pub(super) fn sender_mailbox(letter: &Letter, options: &EmailOptions) -> Result<Mailbox> {
    if let Some(from) = &options.from {
        return Ok(from.clone());
    }
    let Some(email) = letter.sender_email.as_deref() else {
        return Err(Error::Render {
            message: "an email needs a sender address".to_string(),
            hint: Some(
                "give --from \"Name <you@example.org>\", --sender-email, or `email` under [sender] in letters.toml"
                    .to_string(),
            ),
        });
    };
    let address = parse_mailbox("the signer's email address", email)?.email;
    let name = one_line(&letter.signature.name);
    Ok(Mailbox::new(Some(name).filter(|n| !n.is_empty()), address))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::render::email::fixture::*;
    use crate::render::email::*;

    #[test]
    fn line_breaks_in_addresses_are_rejected_naming_the_field() {
        for (field, value) in [
            ("--from", format!("Ana <ana@example.org>{INJECTION}")),
            ("--cc", format!("cc@example.org{INJECTION}")),
            ("--bcc", "bcc@example.org\nTo: x@example.net".to_string()),
            ("--reply-to", "r@example.org\r".to_string()),
        ] {
            let err = parse_mailbox(field, &value).unwrap_err();
            assert!(
                matches!(&err, Error::Address { field: f, .. } if f == field),
                "{field}: {err}"
            );
            assert!(!err.to_string().contains('\n'), "{err}");
        }
        let mut letter = letter();
        letter.sender_email = Some(format!("ana@example.org{INJECTION}"));
        let err = render(&letter, &EmailOptions::default(), 72, &[]).unwrap_err();
        assert!(
            err.to_string().starts_with("the signer's email address: "),
            "{err}"
        );
        letter.sender_email = Some("ana@example.org".to_string());
        letter.recipient.email = Some("fiscal@mp.gob.ve\r\nBcc: victim@example.net".to_string());
        let err = render(&letter, &EmailOptions::default(), 72, &[]).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("email of recipient `ve-attorney-general`: "),
            "{err}"
        );
    }

    #[test]
    fn invalid_addresses_are_rejected_naming_the_field() {
        for (value, ok) in [
            ("ana@example.org", true),
            ("Ana Pérez <ana@example.org>", true),
            ("\"Pérez, Ana\" <ana@example.org>", true),
            ("not-an-address", false),
            ("ana@", false),
            ("Ana <ana@example.org> extra", false),
            ("Ana <ana@example.org", false),
            ("ana @example.org", false),
            ("", false),
        ] {
            let result = parse_mailbox("--cc", value);
            assert_eq!(result.is_ok(), ok, "{value}: {result:?}");
            if let Err(err) = result {
                assert!(err.to_string().starts_with("--cc: "), "{err}");
            }
        }
    }

    #[test]
    fn a_recipient_without_email_suggests_print_formats() {
        let mut letter = letter();
        letter.recipient.email = None;
        let err = render(&letter, &EmailOptions::default(), 72, &[]).unwrap_err();
        assert!(matches!(err, Error::NoEmail { .. }));
        assert!(err.hint().unwrap().contains("--format pdf"));
        let err = mailto(&letter, &EmailOptions::default(), 72).unwrap_err();
        assert!(matches!(err, Error::NoEmail { .. }));
    }

    #[test]
    fn a_sender_without_address_is_an_error_that_says_how_to_give_one() {
        let mut letter = letter();
        letter.sender_email = None;
        let err = render(&letter, &EmailOptions::default(), 72, &[]).unwrap_err();
        assert!(err.hint().unwrap().contains("--from"), "{err}");
        let options = EmailOptions {
            from: mailboxes(&["Red de Ejemplo <red@example.org>"]).pop(),
            ..Default::default()
        };
        let parsed_bytes = render(&letter, &options, 72, &[]).unwrap();
        let parsed = parse(&parsed_bytes);
        assert_eq!(
            parsed.from().unwrap().first().unwrap().address(),
            Some("red@example.org")
        );
    }
}
