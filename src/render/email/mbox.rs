//! Several messages in one mbox file (mboxrd: a `From ` line before each message, LF
//! line endings, and body lines that start with `From ` or `>From ` get one more `>`).

use super::message::{date_of, message};
use super::{Attachment, EmailOptions};
use crate::error::Result;
use crate::letter::Letter;

/// Several letters as one mbox (mboxrd: a `From ` line before each message, LF line
/// endings, and body lines that start with `From ` or `>From ` get one more `>`).
/// `attachments` gives each letter's attachments (none, or for example its PDF).
pub fn render_mbox(
    letters: &[Letter],
    options: &EmailOptions,
    width: usize,
    attachments: &dyn Fn(&Letter) -> Result<Vec<Attachment>>,
) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for letter in letters {
        let message = message(letter, options, width, &attachments(letter)?)?;
        let sender = message
            .envelope()
            .from()
            .map(ToString::to_string)
            .unwrap_or_else(|| "MAILER-DAEMON".to_string());
        let date = chrono::DateTime::<chrono::Utc>::from(date_of(letter)?);
        append_mbox(&mut out, &sender, &date, &message.formatted());
    }
    Ok(out)
}

/// Appends one message to an mbox in mboxrd form.
pub fn append_mbox(
    out: &mut Vec<u8>,
    sender: &str,
    date: &chrono::DateTime<chrono::Utc>,
    message: &[u8],
) {
    out.extend_from_slice(
        format!("From {sender} {}\n", date.format("%a %b %e %H:%M:%S %Y")).as_bytes(),
    );
    let text = message.strip_suffix(b"\r\n").unwrap_or(message);
    for line in text.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().skip_while(|b| **b == b'>').take(5).eq(b"From ") {
            out.push(b'>');
        }
        out.extend_from_slice(line);
        out.push(b'\n');
    }
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::render::email::fixture::*;
    use crate::render::email::*;

    #[test]
    fn mbox_quotes_from_lines_and_holds_every_message() {
        let a = letter();
        let mut b = letter();
        b.recipient.email = Some("misionvene@venezuelaonu.gob.ve".to_string());
        let mbox = render_mbox(&[a, b], &EmailOptions::default(), 72, &|_| Ok(vec![])).unwrap();
        let text = String::from_utf8(mbox).unwrap();
        let separators: Vec<_> = text.lines().filter(|l| l.starts_with("From ")).collect();
        assert_eq!(
            separators,
            vec!["From ana@example.org Mon Nov 23 12:00:00 2026"; 2]
        );
        assert!(!text.contains('\r'));
        assert!(text.contains("\n>From now on"), "{text}");
    }
}
