//! What depends on the letter's language: dates, closings, fallback salutations, labels,
//! quotation marks, and the two conventions of English letters ([`Convention`]: US style
//! for US addresses, British style elsewhere), chosen once per letter.

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

/// The conventions one letter follows throughout: how its dates are written, how its
/// salutation ends, how it closes, which quotation marks it uses. English letters follow
/// US style when the office is in the United States and British style otherwise;
/// Spanish letters have one style. [`Convention::for_letter`] is where the choice is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Convention {
    /// "July 25, 2024", "Dear Mr. Secretary:", "Sincerely,".
    UsEnglish,
    /// "25 July 2024", "Dear Attorney General,", "Yours sincerely," ("Yours faithfully,"
    /// after "Dear Sir or Madam,").
    BritishEnglish,
    /// "25 de julio de 2024", "Señor Fiscal General:", "Atentamente,".
    Spanish,
}

impl Convention {
    /// The convention of a letter in `language` to an office in the United States
    /// (`us_recipient`) or elsewhere: the one place the choice is made.
    pub fn for_letter(language: Language, us_recipient: bool) -> Convention {
        match language {
            Language::Es => Convention::Spanish,
            Language::En if us_recipient => Convention::UsEnglish,
            Language::En => Convention::BritishEnglish,
        }
    }

    /// The letter's language.
    pub fn language(self) -> Language {
        match self {
            Convention::UsEnglish | Convention::BritishEnglish => Language::En,
            Convention::Spanish => Language::Es,
        }
    }

    /// A short name, as templates see it (`{{convention}}`) and messages show it.
    pub fn code(self) -> &'static str {
        match self {
            Convention::UsEnglish => "en-US",
            Convention::BritishEnglish => "en-GB",
            Convention::Spanish => "es",
        }
    }

    /// The convention a [`Convention::code`] names.
    pub fn from_code(code: &str) -> Option<Convention> {
        [
            Convention::UsEnglish,
            Convention::BritishEnglish,
            Convention::Spanish,
        ]
        .into_iter()
        .find(|c| c.code() == code)
    }

    /// How the letter writes a day.
    pub fn date_style(self) -> DateStyle {
        match self {
            Convention::UsEnglish => DateStyle::Us,
            Convention::BritishEnglish | Convention::Spanish => DateStyle::DayMonthYear,
        }
    }

    /// A day, written as the letter writes its own date.
    pub fn date(self, date: NaiveDate) -> String {
        format_date(date, self.language(), self.date_style())
    }

    /// A day of a month, the year left to what follows: "July 29", "29 July",
    /// "29 de julio" (as in "between 29 July and 7 August 2024").
    pub fn day_of_month(self, month: u32, day: u32) -> String {
        let index = month.clamp(1, 12) as usize - 1;
        match self {
            Convention::UsEnglish => format!("{} {day}", MONTHS_EN[index]),
            Convention::BritishEnglish => format!("{day} {}", MONTHS_EN[index]),
            Convention::Spanish => format!("{day} de {}", MONTHS_ES[index]),
        }
    }

    /// A month: "July 2024", "julio de 2024".
    pub fn month(self, year: i32, month: u32) -> String {
        format_month(year, month, self.language())
    }

    /// The salutation as this convention ends it: with a colon in US English and in
    /// Spanish, with a comma in British English, whatever the record's text ends with.
    /// `None` (a record with no salutation in the language) gives the generic one.
    pub fn salutation(self, given: Option<&str>) -> String {
        let text = given.map_or(self.fallback_salutation(), str::trim);
        let text = self.address_form(text);
        let bare = text.trim_end_matches([':', ',', ';', '.']).trim_end();
        let end = match self {
            Convention::BritishEnglish => ',',
            Convention::UsEnglish | Convention::Spanish => ':',
        };
        format!("{bare}{end}")
    }

    /// A form of address written in the convention: British style drops the full stop
    /// of a contraction ("Mr", "Mrs", "Dr"); US style and Spanish keep the text as given.
    pub fn address_form(self, text: &str) -> String {
        if self != Convention::BritishEnglish {
            return text.to_string();
        }
        text.split(' ')
            .map(|word| match word {
                "Mr." | "Mrs." | "Ms." | "Mx." | "Dr." | "St." => &word[..word.len() - 1],
                _ => word,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The salutation of a letter to an office whose record has none.
    pub fn fallback_salutation(self) -> &'static str {
        match self {
            Convention::UsEnglish => "Dear Sir or Madam:",
            Convention::BritishEnglish => "Dear Sir or Madam,",
            Convention::Spanish => "De mi mayor consideración:",
        }
    }

    /// The complimentary closing. In British style a letter that opens "Dear Sir or
    /// Madam" (`named` false) closes "Yours faithfully,".
    pub fn closing(self, named: bool) -> &'static str {
        match self {
            Convention::UsEnglish => "Sincerely,",
            Convention::BritishEnglish if named => "Yours sincerely,",
            Convention::BritishEnglish => "Yours faithfully,",
            Convention::Spanish => "Atentamente,",
        }
    }

    /// `text` in the letter's quotation marks: “…” in English, «…» in Spanish.
    pub fn quote(self, text: &str) -> String {
        match self {
            Convention::UsEnglish | Convention::BritishEnglish => format!("\u{201c}{text}\u{201d}"),
            Convention::Spanish => format!("\u{ab}{text}\u{bb}"),
        }
    }
}

/// A month written out: "July 2024", "julio de 2024".
pub fn format_month(year: i32, month: u32, language: Language) -> String {
    let index = month.clamp(1, 12) as usize - 1;
    match language {
        Language::En => format!("{} {year}", MONTHS_EN[index]),
        Language::Es => format!("{} de {year}", MONTHS_ES[index]),
    }
}

/// The salutation used when a recipient record has none for the language, in the
/// convention the language has by default (British style for English).
pub fn fallback_salutation(language: Language) -> &'static str {
    Convention::for_letter(language, false).fallback_salutation()
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
        assert_eq!(Convention::Spanish.closing(true), "Atentamente,");
        assert_eq!(
            Convention::Spanish.salutation(Some("Señor Fiscal General")),
            "Señor Fiscal General:"
        );
    }

    #[test]
    fn one_english_convention_per_letter() {
        let us = Convention::for_letter(Language::En, true);
        let gb = Convention::for_letter(Language::En, false);
        assert_eq!(us, Convention::UsEnglish);
        assert_eq!(gb, Convention::BritishEnglish);
        assert_eq!(
            Convention::for_letter(Language::Es, true),
            Convention::Spanish
        );
        let d = day(2026, 12, 1);
        assert_eq!(us.date(d), "December 1, 2026");
        assert_eq!(gb.date(d), "1 December 2026");
        assert_eq!(
            us.salutation(Some("Dear Attorney General,")),
            "Dear Attorney General:"
        );
        assert_eq!(
            gb.salutation(Some("Dear Attorney General:")),
            "Dear Attorney General,"
        );
        assert_eq!(gb.salutation(None), "Dear Sir or Madam,");
        assert_eq!(
            gb.salutation(Some("Dear Mr. Secretary:")),
            "Dear Mr Secretary,"
        );
        assert_eq!(
            gb.address_form("His Excellency Mr. Héctor"),
            "His Excellency Mr Héctor"
        );
        assert_eq!(
            us.address_form("Mr. Tarek William Saab"),
            "Mr. Tarek William Saab"
        );
        assert_eq!(us.salutation(None), "Dear Sir or Madam:");
        assert_eq!(gb.closing(false), "Yours faithfully,");
        assert_eq!(gb.closing(true), "Yours sincerely,");
        assert_eq!(us.closing(false), "Sincerely,");
    }

    #[test]
    fn months_and_quotes() {
        assert_eq!(Convention::UsEnglish.month(2024, 8), "August 2024");
        assert_eq!(Convention::Spanish.month(2025, 4), "abril de 2025");
        assert_eq!(Convention::UsEnglish.day_of_month(7, 29), "July 29");
        assert_eq!(Convention::BritishEnglish.day_of_month(7, 29), "29 July");
        assert_eq!(Convention::Spanish.day_of_month(7, 29), "29 de julio");
        assert_eq!(Convention::Spanish.quote("Atentados"), "«Atentados»");
        assert_eq!(Convention::BritishEnglish.quote("Attacks"), "“Attacks”");
    }
}
