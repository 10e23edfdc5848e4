//! What depends on the letter's language: dates, closings, fallback salutations, labels.

use chrono::{Datelike, NaiveDate};

use super::Language;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// How dates are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// "25 July 2024", "25 de julio de 2024".
    DayMonthYear,
    /// "July 25, 2024", for letters in English to US recipients.
    Us,
}

impl DateStyle {
    /// US style for English letters to US offices, day-month-year otherwise.
    pub fn for_letter(language: Language, us_recipient: bool) -> DateStyle {
        if language == Language::En && us_recipient {
            DateStyle::Us
        } else {
            DateStyle::DayMonthYear
        }
    }
}

/// Writes a date out in `language`.
pub fn format_date(date: NaiveDate, language: Language, style: DateStyle) -> String {
    let month = date.month0() as usize;
    let (day, year) = (date.day(), date.year());
    match (language, style) {
        (Language::Es, _) => format!("{day} de {} de {year}", MONTHS_ES[month]),
        (Language::En, DateStyle::Us) => format!("{} {day}, {year}", MONTHS_EN[month]),
        (Language::En, DateStyle::DayMonthYear) => format!("{day} {} {year}", MONTHS_EN[month]),
    }
}

/// The complimentary closing.
pub fn closing(language: Language, us_recipient: bool) -> &'static str {
    match language {
        Language::En if us_recipient => "Sincerely,",
        Language::En => "Yours sincerely,",
        Language::Es => "Atentamente,",
    }
}

/// The salutation used when a recipient record has none for the language.
pub fn fallback_salutation(language: Language) -> &'static str {
    match language {
        Language::En => "Dear Sir or Madam:",
        Language::Es => "De mi mayor consideración:",
    }
}

/// The label before the subject line.
pub fn subject_label(language: Language) -> &'static str {
    match language {
        Language::En => "Subject:",
        Language::Es => "Asunto:",
    }
}

/// The signature image's alternative text, for a screen reader.
pub fn signature_alt(language: Language, name: &str) -> String {
    match language {
        Language::En => format!("Signature of {name}"),
        Language::Es => format!("Firma de {name}"),
    }
}

/// The heading of the co-signers list.
pub fn cosigners_heading(language: Language) -> &'static str {
    match language {
        Language::En => "Co-signed by:",
        Language::Es => "Firman también:",
    }
}

/// The heading of the organizations among the co-signers, when individuals sign too.
pub fn cosigning_organizations(language: Language) -> &'static str {
    match language {
        Language::En => "Organizations",
        Language::Es => "Organizaciones",
    }
}

/// The heading of the individuals among the co-signers, when organizations sign too.
pub fn cosigning_individuals(language: Language) -> &'static str {
    match language {
        Language::En => "Individuals",
        Language::Es => "A título individual",
    }
}

/// The label before enclosures.
pub fn enclosures_label(language: Language) -> &'static str {
    match language {
        Language::En => "Enclosures:",
        Language::Es => "Anexos:",
    }
}

/// The label before copies.
pub fn cc_label(language: Language) -> &'static str {
    match language {
        Language::En => "cc:",
        Language::Es => "c. c.:",
    }
}

/// The page number on a page of a longer letter: "Page 2 of 3".
pub fn page_of(language: Language, page: usize, total: usize) -> String {
    match language {
        Language::En => format!("Page {page} of {total}"),
        Language::Es => format!("Página {page} de {total}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_in_each_language() {
        let d = day(2024, 7, 25);
        assert_eq!(
            format_date(d, Language::En, DateStyle::DayMonthYear),
            "25 July 2024"
        );
        assert_eq!(format_date(d, Language::En, DateStyle::Us), "July 25, 2024");
        assert_eq!(
            format_date(d, Language::Es, DateStyle::Us),
            "25 de julio de 2024"
        );
        assert_eq!(
            format_date(day(2026, 11, 23), Language::Es, DateStyle::DayMonthYear),
            "23 de noviembre de 2026"
        );
    }

    #[test]
    fn us_style_only_for_english_to_us() {
        assert_eq!(DateStyle::for_letter(Language::En, true), DateStyle::Us);
        assert_eq!(
            DateStyle::for_letter(Language::Es, true),
            DateStyle::DayMonthYear
        );
        assert_eq!(
            DateStyle::for_letter(Language::En, false),
            DateStyle::DayMonthYear
        );
    }

    #[test]
    fn spanish_salutation_ends_with_colon() {
        assert!(fallback_salutation(Language::Es).ends_with(':'));
        assert_eq!(closing(Language::Es, true), "Atentamente,");
    }
}
