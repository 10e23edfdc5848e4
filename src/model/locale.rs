//! What depends on the letter's language, as a locale file gives it: dates (CLDR's
//! patterns), labels, quotation marks, and the conventions a letter follows (how it
//! opens and closes), one chosen per letter by the office's country: US style for
//! English letters to offices in the United States, British style elsewhere.

use std::fmt;
use std::hash::{Hash, Hasher};

use chrono::NaiveDate;
use serde::Deserialize;

use super::date_text::{DateLength, DateWriter, DateWriterError};
use super::Language;
use crate::error::{Error, Result};

/// A locale file as written (`locales/fr.toml`), before it is checked.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LocaleFile {
    /// The tag letters use for the language: `--lang fr`, `{ fr = "..." }` in records,
    /// `fr.md.hbs` bodies.
    pub language: String,
    /// The language's name, written in that language.
    pub name: String,
    /// How long written dates are.
    pub date: DateLength,
    /// The opening and closing quotation marks.
    pub quotes: [String; 2],
    pub labels: Labels,
    #[serde(rename = "convention")]
    pub conventions: Vec<ConventionFile>,
}

/// The words a letter's frame prints, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Labels {
    /// Before the subject line: "Subject:".
    pub subject: String,
    /// On a page of a longer letter, with `{page}` and `{total}`: "Page 2 of 3".
    pub page: String,
    /// Before the co-signers: "Co-signed by:".
    pub cosigned_by: String,
    /// The organizations among the co-signers, when individuals sign too.
    pub organizations: String,
    /// The individuals among the co-signers, when organizations sign too.
    pub individuals: String,
    /// Before enclosures: "Enclosures:".
    pub enclosures: String,
    /// Before copies: "cc:".
    pub cc: String,
    /// The signature image's alternative text, with `{name}`: "Signature of Ana".
    pub signature: String,
}

/// One convention of a locale file, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConventionFile {
    /// A CLDR locale (`en-GB`, `es`): the patterns of its dates; `{{convention}}` in a body.
    pub code: String,
    /// The offices' countries (ISO 3166 codes) it is for; none: every other country.
    #[serde(default)]
    pub countries: Vec<String>,
    /// How a salutation ends: ":" or ",".
    pub salutation_end: String,
    /// The salutation of a letter to an office whose record has none in the language.
    pub fallback_salutation: String,
    /// The complimentary closing; `{salutation}` repeats the salutation.
    pub closing: String,
    /// The closing after the fallback salutation, if it differs.
    #[serde(default)]
    pub closing_unnamed: Option<String>,
    /// The closing of a letter that speaks as "we" (for an organization, a sign-on).
    #[serde(default)]
    pub closing_we: Option<String>,
    /// Words written without their full stop in this convention ("Mr." → "Mr").
    #[serde(default)]
    pub drop_full_stop: Vec<String>,
}

/// A checked locale: one letter language.
#[derive(Debug)]
pub struct Locale {
    pub language: Language,
    /// The language's name, written in that language.
    pub name: String,
    /// The file it was read from, for messages.
    pub file: String,
    pub quotes: [String; 2],
    pub labels: Labels,
    /// At least one; exactly one of them has no countries (the default).
    pub conventions: Vec<Style>,
}

/// One convention, checked, with its date patterns ready.
#[derive(Debug)]
pub struct Style {
    language: Language,
    code: String,
    countries: Vec<String>,
    dates: DateWriter,
    salutation_end: String,
    fallback_salutation: String,
    closing: String,
    closing_unnamed: Option<String>,
    closing_we: Option<String>,
    drop_full_stop: Vec<String>,
    quotes: [String; 2],
}

impl LocaleFile {
    /// The locale checked: a tag, labels with their placeholders, one default convention,
    /// dates CLDR has. `line_of` gives the line of a key, for the error naming it.
    pub fn check(self, file: &str, line_of: impl Fn(&str) -> Option<usize>) -> Result<Locale> {
        let fail = |key: &str, message: String| {
            let location = match line_of(key) {
                Some(line) => format!("{file}:{line}"),
                None => file.to_string(),
            };
            Error::data(location, message)
        };
        let tag = self.language.trim();
        let valid_tag = (2..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_lowercase());
        if !valid_tag {
            return Err(fail(
                "language",
                format!("`language = \"{tag}\"` is not a language code: use the two- or three-letter ISO 639 code, in lower case, such as \"fr\" or \"de\""),
            ));
        }
        if self.name.trim().is_empty() {
            return Err(fail(
                "name",
                "`name` is empty: write the language's name in that language, such as \"français\""
                    .to_string(),
            ));
        }
        let labels = &self.labels;
        for (key, text, wanted) in [
            ("subject", &labels.subject, &[][..]),
            ("page", &labels.page, &["{page}", "{total}"][..]),
            ("cosigned-by", &labels.cosigned_by, &[]),
            ("organizations", &labels.organizations, &[]),
            ("individuals", &labels.individuals, &[]),
            ("enclosures", &labels.enclosures, &[]),
            ("cc", &labels.cc, &[]),
            ("signature", &labels.signature, &["{name}"]),
        ] {
            if text.trim().is_empty() {
                return Err(fail(
                    key,
                    format!("label `{key}` is empty: write it in the language"),
                ));
            }
            if let Some(missing) = wanted.iter().find(|p| !text.contains(**p)) {
                return Err(fail(
                    key,
                    format!("label `{key}` = \"{text}\" leaves out {missing}: write it where the number or name goes"),
                ));
            }
        }
        let defaults = self
            .conventions
            .iter()
            .filter(|c| c.countries.is_empty())
            .count();
        if defaults != 1 {
            return Err(fail(
                if self.conventions.is_empty() { "language" } else { "[[convention]]" },
                format!("the locale has {defaults} conventions without `countries`: give exactly one `[[convention]]` with no `countries`, used for every other country"),
            ));
        }
        let language = Language::new_tag(tag);
        let mut conventions = Vec::new();
        for c in self.conventions {
            let code = c.code.trim().to_string();
            if code.split('-').next() != Some(tag) {
                return Err(fail(
                    &format!("\"{code}\""),
                    format!("convention `{code}` is not of language `{tag}`: its code starts with `{tag}`, such as \"{tag}\" or \"{tag}-CA\""),
                ));
            }
            let dates = DateWriter::new(&code, self.date).map_err(|e| match e {
                DateWriterError::NotATag(m) | DateWriterError::NoData(m) => {
                    fail(&format!("\"{}\"", c.code), m)
                }
            })?;
            if c.fallback_salutation.trim().is_empty() || c.closing.trim().is_empty() {
                return Err(fail(
                    &format!("\"{code}\""),
                    format!("convention `{code}` has an empty `fallback-salutation` or `closing`: write both"),
                ));
            }
            conventions.push(Style {
                language,
                code,
                countries: c
                    .countries
                    .iter()
                    .map(|c| c.trim().to_ascii_uppercase())
                    .collect(),
                dates,
                salutation_end: c.salutation_end,
                fallback_salutation: c.fallback_salutation.trim().to_string(),
                closing: c.closing,
                closing_unnamed: c.closing_unnamed,
                closing_we: c.closing_we,
                drop_full_stop: c.drop_full_stop,
                quotes: self.quotes.clone(),
            });
        }
        Ok(Locale {
            language,
            name: self.name.trim().to_string(),
            file: file.to_string(),
            quotes: self.quotes,
            labels: self.labels,
            conventions,
        })
    }
}

/// The conventions one letter follows throughout: how its dates are written, how its
/// salutation ends, how it closes, which quotation marks it uses.
/// [`Convention::for_letter`] is where the choice is made.
#[derive(Clone, Copy)]
pub struct Convention(&'static Style);

impl PartialEq for Convention {
    fn eq(&self, other: &Self) -> bool {
        self.0.code == other.0.code
    }
}

impl Eq for Convention {}

impl Hash for Convention {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.code.hash(state);
    }
}

impl fmt::Debug for Convention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.code)
    }
}

impl Convention {
    /// The convention of a letter in `language` to an office in `country` (an ISO 3166
    /// code): the one naming the country, else the language's default. The one place the
    /// choice is made.
    pub fn for_letter(language: Language, country: &str) -> Convention {
        let locale = language.locale();
        let named = locale.conventions.iter().find(|c| {
            c.countries
                .iter()
                .any(|k| k.eq_ignore_ascii_case(country.trim()))
        });
        let default = locale.conventions.iter().find(|c| c.countries.is_empty());
        // A checked locale has exactly one default convention.
        Convention(named.or(default).unwrap_or(&locale.conventions[0]))
    }

    /// The language's default convention (the one for no country in particular).
    pub fn default_of(language: Language) -> Convention {
        Convention::for_letter(language, "")
    }

    /// The letter's language.
    pub fn language(self) -> Language {
        self.0.language
    }

    /// A short name, as templates see it (`{{convention}}`) and messages show it.
    pub fn code(self) -> &'static str {
        &self.0.code
    }

    /// The convention a [`Convention::code`] names, among the loaded languages.
    pub fn from_code(code: &str) -> Option<Convention> {
        Language::all().into_iter().find_map(|l| {
            l.locale()
                .conventions
                .iter()
                .find(|c| c.code == code)
                .map(Convention)
        })
    }

    /// A day, written as the letter writes its own date.
    pub fn date(self, date: NaiveDate) -> String {
        self.0.dates.date(date)
    }

    /// A day of a month, the year left to what follows: "July 29", "29 July",
    /// "29 de julio" (as in "between 29 July and 7 August 2024").
    pub fn day_of_month(self, month: u32, day: u32) -> String {
        self.0.dates.day_of_month(month, day)
    }

    /// A month: "July 2024", "julio de 2024".
    pub fn month(self, year: i32, month: u32) -> String {
        self.0.dates.month(year, month)
    }

    /// The salutation as this convention ends it (a colon in US English and in Spanish,
    /// a comma in British English), whatever the record's text ends with. `None` (a
    /// record with no salutation in the language) gives the generic one.
    pub fn salutation(self, given: Option<&str>) -> String {
        let text = given.map_or(self.0.fallback_salutation.as_str(), str::trim);
        let text = self.address_form(text);
        let bare = text.trim_end_matches([':', ',', ';', '.']).trim_end();
        format!("{bare}{}", self.0.salutation_end)
    }

    /// How a salutation ends in this convention: ":" or ",".
    pub fn salutation_end(self) -> &'static str {
        &self.0.salutation_end
    }

    /// A form of address written in the convention: British style drops the full stop
    /// of a contraction ("Mr", "Mrs", "Dr"); other conventions keep the text as given.
    pub fn address_form(self, text: &str) -> String {
        if self.0.drop_full_stop.is_empty() {
            return text.to_string();
        }
        text.split(' ')
            .map(
                |word| match self.0.drop_full_stop.iter().find(|w| *w == word) {
                    Some(_) => word.strip_suffix('.').unwrap_or(word),
                    None => word,
                },
            )
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The salutation of a letter to an office whose record has none, ended.
    pub fn fallback_salutation(self) -> String {
        self.salutation(None)
    }

    /// The complimentary closing. `named` is false after the fallback salutation (in
    /// British style, "Yours faithfully,"); `we` when the letter speaks for more than
    /// its signer; `salutation` is the letter's, repeated where the closing asks for it.
    pub fn closing(self, named: bool, we: bool, salutation: &str) -> String {
        let style = self.0;
        let text = match (&style.closing_unnamed, &style.closing_we) {
            (Some(unnamed), _) if !named => unnamed,
            (_, Some(plural)) if we => plural,
            _ => &style.closing,
        };
        let bare = salutation
            .trim()
            .trim_end_matches([':', ',', ';', '.'])
            .trim_end();
        text.replace("{salutation}", bare)
    }

    /// `text` in the letter's quotation marks: “…” in English, «…» in Spanish.
    pub fn quote(self, text: &str) -> String {
        let [open, close] = self.quote_marks();
        format!("{open}{text}{close}")
    }

    /// The opening and closing quotation marks (with the spaces inside them some
    /// languages set).
    pub fn quote_marks(self) -> [&'static str; 2] {
        [&self.0.quotes[0], &self.0.quotes[1]]
    }
}

/// The salutation used when a recipient record has none for the language, in the
/// language's default convention (British style for English).
pub fn fallback_salutation(language: Language) -> String {
    Convention::default_of(language).fallback_salutation()
}

fn labels(language: Language) -> &'static Labels {
    &language.locale().labels
}

/// The label before the subject line.
pub fn subject_label(language: Language) -> &'static str {
    &labels(language).subject
}

/// The signature image's alternative text, for a screen reader.
pub fn signature_alt(language: Language, name: &str) -> String {
    labels(language).signature.replace("{name}", name)
}

/// The heading of the co-signers list.
pub fn cosigners_heading(language: Language) -> &'static str {
    &labels(language).cosigned_by
}

/// The heading of the organizations among the co-signers, when individuals sign too.
pub fn cosigning_organizations(language: Language) -> &'static str {
    &labels(language).organizations
}

/// The heading of the individuals among the co-signers, when organizations sign too.
pub fn cosigning_individuals(language: Language) -> &'static str {
    &labels(language).individuals
}

/// The label before enclosures.
pub fn enclosures_label(language: Language) -> &'static str {
    &labels(language).enclosures
}

/// The label before copies.
pub fn cc_label(language: Language) -> &'static str {
    &labels(language).cc
}

/// The page number on a page of a longer letter: "Page 2 of 3".
pub fn page_of(language: Language, page: usize, total: usize) -> String {
    labels(language)
        .page
        .replace("{page}", &page.to_string())
        .replace("{total}", &total.to_string())
}

#[cfg(test)]
mod tests;
