//! The figures a text states, in English or Spanish: numbers ("2,000", "2.000", "85%")
//! and dates ("28 July 2024", "July 28, 2024", "28 de julio de 2024", "August 2024",
//! "29 July", "2024-07-28", a year alone). `letters check` compares the figures of a
//! letter body with those of its campaign's sources.

use std::collections::BTreeSet;
use std::fmt;

/// One figure, normalized so that the same figure written two ways compares equal.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Figure {
    /// A number, its digits without thousands separators ("2000", "1.5").
    Number(String),
    /// A day, month and year.
    Day { year: i32, month: u32, day: u32 },
    /// A month of a year.
    Month { year: i32, month: u32 },
    /// A day of a month, the year not said ("29 July", "29 de julio").
    DayOfMonth { month: u32, day: u32 },
    /// A year alone.
    Year(i32),
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Figure::Number(n) => f.write_str(n),
            Figure::Day { year, month, day } => write!(f, "{year:04}-{month:02}-{day:02}"),
            Figure::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Figure::DayOfMonth { month, day } => write!(f, "--{month:02}-{day:02}"),
            Figure::Year(year) => write!(f, "{year:04}"),
        }
    }
}

/// The month a word names, in English or Spanish.
fn month(word: &str) -> Option<u32> {
    const NAMES: [(&str, &str); 12] = [
        ("january", "enero"),
        ("february", "febrero"),
        ("march", "marzo"),
        ("april", "abril"),
        ("may", "mayo"),
        ("june", "junio"),
        ("july", "julio"),
        ("august", "agosto"),
        ("september", "septiembre"),
        ("october", "octubre"),
        ("november", "noviembre"),
        ("december", "diciembre"),
    ];
    let word = word.to_lowercase();
    if word == "setiembre" {
        return Some(9);
    }
    NAMES
        .iter()
        .position(|(en, es)| word == *en || word == *es)
        .map(|i| i as u32 + 1)
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    /// Digits, with the separators (`,` `.` `-`) written between them.
    Number(String),
}

fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], ',' | '.' | '-')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                        && i > start))
            {
                i += 1;
            }
            out.push(Token::Number(chars[start..i].iter().collect()));
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            out.push(Token::Word(chars[start..i].iter().collect()));
        } else {
            i += 1;
        }
    }
    out
}

/// A day of the month, from a token of one or two digits.
fn day_number(token: Option<&Token>) -> Option<u32> {
    match token {
        Some(Token::Number(n)) if n.len() <= 2 => n.parse().ok().filter(|d| (1..=31).contains(d)),
        _ => None,
    }
}

/// A year, from a token of four digits.
fn year_number(token: Option<&Token>) -> Option<i32> {
    match token {
        Some(Token::Number(n)) if n.len() == 4 => {
            n.parse().ok().filter(|y| (1000..=2999).contains(y))
        }
        _ => None,
    }
}

fn is_word(token: Option<&Token>, words: &[&str]) -> bool {
    matches!(token, Some(Token::Word(w)) if words.contains(&w.to_lowercase().as_str()))
}

fn month_of(token: Option<&Token>) -> Option<u32> {
    match token {
        Some(Token::Word(w)) => month(w),
        _ => None,
    }
}

/// A number as written, normalized: thousands separators (a `,` or `.` before each
/// group of three digits) dropped; a range or ISO date split into its parts.
fn numbers(raw: &str, out: &mut Vec<Figure>) {
    let parts: Vec<&str> = raw.split('-').collect();
    if let [y, m, d] = parts.as_slice() {
        if let (Ok(year), Ok(month), Ok(day)) = (y.parse(), m.parse(), d.parse()) {
            if y.len() == 4 && (1..=12).contains(&month) && (1..=31).contains(&day) {
                out.push(Figure::Day { year, month, day });
                return;
            }
        }
    }
    for part in parts {
        let groups: Vec<&str> = part.split([',', '.']).collect();
        let thousands = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3);
        let normalized = if thousands {
            groups.concat()
        } else {
            part.replace(',', ".")
        };
        if normalized.len() == 4 && !thousands {
            if let Ok(year) = normalized.parse::<i32>() {
                if (1900..=2100).contains(&year) {
                    out.push(Figure::Year(year));
                    continue;
                }
            }
        }
        out.push(Figure::Number(normalized));
    }
}

/// Every figure `text` states, in order.
pub fn figures(text: &str) -> Vec<Figure> {
    let tokens = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let at = |k: usize| tokens.get(k);
        // "28 July 2024", "28 de julio de 2024", "28 July", "29 de julio".
        if let Some(day) = day_number(at(i)) {
            let of = usize::from(is_word(at(i + 1), &["de", "of"]));
            if let Some(month) = month_of(at(i + 1 + of)) {
                let after = i + 2 + of;
                let of_year = usize::from(is_word(at(after), &["de", "of"]));
                match year_number(at(after + of_year)) {
                    Some(year) => {
                        out.push(Figure::Day { year, month, day });
                        i = after + of_year + 1;
                    }
                    None => {
                        out.push(Figure::DayOfMonth { month, day });
                        i = after;
                    }
                }
                continue;
            }
        }
        if let Some(month) = month_of(at(i)) {
            // "July 28, 2024", "July 28".
            if let Some(day) = day_number(at(i + 1)) {
                match year_number(at(i + 2)) {
                    Some(year) => {
                        out.push(Figure::Day { year, month, day });
                        i += 3;
                    }
                    None => {
                        out.push(Figure::DayOfMonth { month, day });
                        i += 2;
                    }
                }
                continue;
            }
            // "August 2024", "agosto de 2024".
            let of = usize::from(is_word(at(i + 1), &["de", "of"]));
            if let Some(year) = year_number(at(i + 1 + of)) {
                out.push(Figure::Month { year, month });
                i += 2 + of;
                continue;
            }
        }
        if let Some(Token::Number(raw)) = at(i) {
            numbers(raw, &mut out);
        }
        i += 1;
    }
    out
}

/// The figures a set of texts (a campaign's sources) support, and what they imply: a
/// day supports its month, its year and its day of the month; a month its year.
#[derive(Debug, Default, Clone)]
pub struct Supported {
    figures: BTreeSet<Figure>,
}

impl Supported {
    /// Adds every figure `text` states.
    pub fn add_text(&mut self, text: &str) {
        for figure in figures(text) {
            self.add(figure);
        }
    }

    /// Adds a figure and what it implies.
    pub fn add(&mut self, figure: Figure) {
        match figure {
            Figure::Day { year, month, day } => {
                self.figures.insert(Figure::Month { year, month });
                self.figures.insert(Figure::DayOfMonth { month, day });
                self.figures.insert(Figure::Year(year));
            }
            Figure::Month { year, .. } => {
                self.figures.insert(Figure::Year(year));
            }
            Figure::Year(year) => {
                self.figures.insert(Figure::Number(year.to_string()));
            }
            Figure::Number(_) | Figure::DayOfMonth { .. } => {}
        }
        self.figures.insert(figure);
    }

    /// Whether `figure` is among them.
    pub fn supports(&self, figure: &Figure) -> bool {
        self.figures.contains(figure)
            || matches!(figure, Figure::Number(n) if n.parse::<i32>().is_ok_and(|y| self.figures.contains(&Figure::Year(y))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> Figure {
        Figure::Day { year, month, day }
    }

    fn n(text: &str) -> Figure {
        Figure::Number(text.into())
    }

    #[test]
    fn dates_in_both_languages_and_both_english_styles() {
        assert_eq!(figures("on 28 July 2024, then"), [day(2024, 7, 28)]);
        assert_eq!(figures("on July 28, 2024, then"), [day(2024, 7, 28)]);
        assert_eq!(figures("el 28 de julio de 2024."), [day(2024, 7, 28)]);
        assert_eq!(figures("2024-07-28"), [day(2024, 7, 28)]);
        assert_eq!(
            figures("in August 2024 and abril de 2025"),
            [
                Figure::Month {
                    year: 2024,
                    month: 8
                },
                Figure::Month {
                    year: 2025,
                    month: 4
                }
            ]
        );
        assert_eq!(
            figures("Between 29 July and 7 August 2024"),
            [Figure::DayOfMonth { month: 7, day: 29 }, day(2024, 8, 7)]
        );
        assert_eq!(
            figures("entre el 29 de julio y el 7 de agosto de 2024"),
            [Figure::DayOfMonth { month: 7, day: 29 }, day(2024, 8, 7)]
        );
    }

    #[test]
    fn numbers_with_separators_percentages_and_ranges() {
        assert_eq!(figures("more than 2,000 people"), [n("2000")]);
        assert_eq!(figures("más de 2.000 personas"), [n("2000")]);
        assert_eq!(figures("85% of the machines"), [n("85")]);
        assert_eq!(figures("aged 13 to 17"), [n("13"), n("17")]);
        assert_eq!(figures("aged 13-17"), [n("13"), n("17")]);
        assert_eq!(figures("the 2024 election"), [Figure::Year(2024)]);
        assert_eq!(figures("1.5 million"), [n("1.5")]);
        assert!(figures("no figures, only words: ten years").is_empty());
    }

    #[test]
    fn sources_support_what_their_figures_imply() {
        let mut supported = Supported::default();
        supported
            .add_text("From 29 July to 7 August 2024 over 2,000 people were arrested; 16 killed.");
        for figure in [
            n("2000"),
            n("16"),
            day(2024, 8, 7),
            Figure::Month {
                year: 2024,
                month: 8,
            },
            Figure::Year(2024),
            Figure::DayOfMonth { month: 7, day: 29 },
            n("2024"),
        ] {
            assert!(supported.supports(&figure), "{figure}");
        }
        assert!(!supported.supports(&n("17")));
        assert!(!supported.supports(&day(2024, 7, 29)));
    }
}
