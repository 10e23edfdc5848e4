//! The CSV delimiter when none is given: the one of `,` `;` and tab used most in the
//! first line, outside quotes.

/// The delimiter used most in the first line, outside quotes.
pub fn detect_delimiter(start: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in start.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        candidates[best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_detected() {
        assert_eq!(detect_delimiter("name;email;\"a,b\"\n1,2,3,4"), b';');
        assert_eq!(detect_delimiter("name\temail\n"), b'\t');
        assert_eq!(detect_delimiter("name,email\n"), b',');
        assert_eq!(detect_delimiter("name\n"), b',');
    }
}
