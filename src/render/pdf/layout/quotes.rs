//! Typographic quotes, as a word processor makes them as one types: a straight `'` or
//! `"` becomes an opening quote (‘ “) at the start of a word, after a space, an opening
//! bracket or dash or another opening quote, and a closing one (’ ”) everywhere else,
//! which makes every apostrophe inside or after a word (O’Brien, Prosecutor’s) right.
//! A `'` that starts an elided year (’90s) is an apostrophe too. Email addresses and
//! web addresses are never touched (their runs are marked verbatim).

/// Whether a quote after `previous` opens (nothing before it counts as a space).
fn opens(previous: Option<char>) -> bool {
    match previous {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '¿' | '¡' | '«' | '‹' | '“' | '‘' | '—' | '–' | '-' | '/'
                )
        }
    }
}

/// The typographic form of character `c`, read after `previous` and before the
/// characters `next` (for an elided year).
pub fn curl(c: char, previous: Option<char>, next: &mut dyn Iterator<Item = char>) -> char {
    match c {
        '"' if opens(previous) => '“',
        '"' => '”',
        '\'' if opens(previous) && !elided_year(next) => '‘',
        '\'' => '’',
        c => c,
    }
}

/// Whether what follows a `'` is two digits and no third (’90s, ’24).
fn elided_year(next: &mut dyn Iterator<Item = char>) -> bool {
    let digits = next.take(3).collect::<Vec<char>>();
    digits.len() >= 2
        && digits[0].is_ascii_digit()
        && digits[1].is_ascii_digit()
        && digits.get(2).is_none_or(|c| !c.is_ascii_digit())
}

/// `text` with its straight quotes curled, the character before it being `previous`
/// (as line breaking curls a run of its own).
pub fn curl_all(text: &str, mut previous: Option<char>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in chars.iter().enumerate() {
        let curled = curl(*c, previous, &mut chars[i + 1..].iter().copied());
        out.push(curled);
        previous = Some(*c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_open_and_close_as_a_word_processor_makes_them() {
        assert_eq!(
            curl_all("\"Free them,\" she said: 'now'.", None),
            "“Free them,” she said: ‘now’."
        );
        assert_eq!(
            curl_all("Prosecutor's Office, O'Brien's", None),
            "Prosecutor’s Office, O’Brien’s"
        );
        assert_eq!(curl_all("(\"sic\") —'a'", None), "(“sic”) —‘a’");
        assert_eq!(curl_all("the '90s and '2024'", None), "the ’90s and ‘2024’");
        assert_eq!(curl_all("«Ana \"La Flaca\"»", None), "«Ana “La Flaca”»");
    }

    #[test]
    fn the_character_before_comes_from_the_run_before() {
        // `*Ana*'s`: the apostrophe starts a run of its own.
        assert_eq!(curl_all("'s", Some('a')), "’s");
        assert_eq!(curl_all("'s", Some(' ')), "‘s");
    }
}
