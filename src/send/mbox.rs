//! Reading an mbox (mboxrd): the messages `letters draft --format mbox` and
//! `letters batch --combine --format email` write, one after another.

/// Splits an mbox (mboxrd) into messages: each starts at a `From ` line; `>From `
/// lines lose one `>`; the blank line that ends each message is dropped.
pub fn split_mbox(raw: &[u8]) -> Vec<Vec<u8>> {
    let mut messages: Vec<Vec<u8>> = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    for line in raw.split_inclusive(|b| *b == b'\n') {
        if line.starts_with(b"From ") {
            if let Some(done) = current.take() {
                messages.push(done);
            }
            current = Some(Vec::new());
            continue;
        }
        let Some(message) = current.as_mut() else {
            continue;
        };
        let quoted = line.iter().take_while(|b| **b == b'>').count();
        if quoted > 0 && line[quoted..].starts_with(b"From ") {
            message.extend_from_slice(&line[1..]);
        } else {
            message.extend_from_slice(line);
        }
    }
    messages.extend(current);
    for message in &mut messages {
        // The separator: one empty line after the message.
        if message.ends_with(b"\n\n") {
            message.pop();
        } else if message.ends_with(b"\r\n\r\n") {
            message.truncate(message.len() - 2);
        }
    }
    messages
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::send::messages::{crlf, parse};

    #[test]
    fn mbox_round_trip_unquotes_from_lines() {
        let mut mbox = Vec::new();
        let date = chrono::DateTime::<chrono::Utc>::from_timestamp(0, 0).unwrap();
        let a = b"Message-ID: <a@x>\r\nFrom: a@x.org\r\nTo: b@x.org\r\n\r\nFrom here\r\n>From there\r\n";
        let b = b"Message-ID: <b@x>\r\nFrom: a@x.org\r\nTo: c@x.org\r\n\r\nbody\r\n";
        crate::render::email::append_mbox(&mut mbox, "a@x.org", &date, a);
        crate::render::email::append_mbox(&mut mbox, "a@x.org", &date, b);
        let messages = split_mbox(&mbox);
        assert_eq!(messages.len(), 2);
        assert_eq!(crlf(&messages[0]), a.to_vec());
        assert_eq!(crlf(&messages[1]), b.to_vec());
        assert!(parse("m", &messages[0])
            .unwrap()
            .bytes
            .ends_with(b"\r\n>From there"));
    }
}
