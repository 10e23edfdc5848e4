//! The checks each kind of value of a request goes through, once, wherever it came
//! from: control characters, mojibake (warned about, repaired on request), one-line
//! texts, email shape, language, voice, demands, date range, text width, signature image.

use chrono::NaiveDate;

use super::demands::DemandSelection;
use super::request::{Context, Given, RawSender, EARLIEST_DATE, LATEST_DATE, MAX_WIDTH, MIN_WIDTH};
use super::signature;
use super::warnings;
use crate::error::{Error, Result};
use crate::messages;
use crate::model::{Language, Sender, Voice};
use crate::text::mojibake;
use crate::text::{control_chars, looks_like_email};

/// The letter language a paragraph reads as, when that is clear.
pub fn language_of(text: &str) -> Option<Language> {
    crate::text::language::detect(text).and_then(|code| code.parse().ok())
}

/// Checks the texts of one request, collecting warnings.
pub struct Checker<'a> {
    fix: bool,
    context: Context<'a>,
    pub warnings: Vec<String>,
}

impl<'a> Checker<'a> {
    /// A checker that repairs mojibake when `fix`.
    pub fn new(fix: bool, context: Context<'a>) -> Checker<'a> {
        Checker {
            fix,
            context,
            warnings: Vec::new(),
        }
    }

    /// A text: no control character; mojibake warned about (and repaired with `fix`).
    pub fn text(&mut self, given: Given<String>) -> Result<String> {
        let Given { mut value, source } = given;
        control_chars::check(&value).map_err(|m| Error::invalid(&source, m))?;
        if let Some(finding) = mojibake::scan_value(|| source.to_string(), &value) {
            self.warnings.push(warnings::mojibake(
                &finding,
                self.fix,
                self.context.messages,
            ));
            if self.fix {
                mojibake::repair_in_place(&mut value);
            }
        }
        Ok(value)
    }

    /// A text that is one line: runs of white space (line breaks typed inside a
    /// spreadsheet cell) become single spaces.
    pub fn line(&mut self, given: Given<String>) -> Result<String> {
        let text = self.text(given)?;
        Ok(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    pub fn optional_line(&mut self, given: Option<Given<String>>) -> Result<String> {
        given.map_or(Ok(String::new()), |g| self.line(g))
    }

    pub fn lines(&mut self, given: Given<Vec<String>>) -> Result<Vec<String>> {
        let source = given.source;
        let mut lines = Vec::with_capacity(given.value.len());
        for line in given.value {
            let line = self.line(Given::new(line, source.clone()))?;
            if !line.is_empty() {
                lines.push(line);
            }
        }
        Ok(lines)
    }

    pub fn email(&mut self, given: Given<String>) -> Result<String> {
        let source = given.source.clone();
        let email = self.line(given)?;
        if !email.is_empty() && !looks_like_email(&email) {
            return Err(Error::invalid(
                &source,
                messages::detail("detail-not-an-email", &[("value", &email)]),
            ));
        }
        Ok(email)
    }

    pub fn sender(&mut self, raw: RawSender) -> Result<Sender> {
        let signature = match raw.signature {
            Some(given) if !given.value.as_os_str().is_empty() => Some(signature::check(
                &given.value,
                &given.source,
                self.context.signatures_dir,
            )?),
            _ => None,
        };
        Ok(Sender {
            name: self.optional_line(raw.name)?,
            title: self.optional_line(raw.title)?,
            organization: self.optional_line(raw.organization)?,
            address: match raw.address {
                Some(lines) => self.lines(lines)?,
                None => Vec::new(),
            },
            email: match raw.email {
                Some(email) => self.email(email)?,
                None => String::new(),
            },
            phone: self.optional_line(raw.phone)?,
            web: self.optional_line(raw.web)?,
            signature,
        })
    }

    pub fn language(&mut self, given: Given<String>) -> Result<Option<Language>> {
        let source = given.source.clone();
        let code = self.line(given)?;
        if code.is_empty() {
            return Ok(None);
        }
        code.parse::<Language>()
            .map(Some)
            .map_err(|e| Error::invalid(&source, e.to_string()))
    }

    pub fn voice(&mut self, given: Given<String>) -> Result<Option<Voice>> {
        let source = given.source.clone();
        let name = self.line(given)?;
        if name.is_empty() {
            return Ok(None);
        }
        name.parse::<Voice>()
            .map(Some)
            .map_err(|e| Error::invalid(&source, e.to_string()))
    }

    pub fn demands(&mut self, given: Given<String>) -> Result<DemandSelection> {
        let source = given.source.clone();
        let selection = DemandSelection::parse(&self.text(given)?);
        if selection == DemandSelection::Ids(Vec::new()) {
            return Err(Error::invalid(
                &source,
                "no demand given: use `all` or a comma-separated list of demand ids",
            ));
        }
        Ok(selection)
    }

    pub fn date(&mut self, given: Given<String>) -> Result<NaiveDate> {
        let source = given.source.clone();
        let text = self.line(given)?;
        let date = NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
            Error::invalid(
                &source,
                messages::detail("detail-not-a-date", &[("value", &text)]),
            )
        })?;
        if !(EARLIEST_DATE..=LATEST_DATE).contains(&date) {
            return Err(Error::invalid(
                &source,
                messages::detail(
                    "detail-date-out-of-range",
                    &[
                        ("date", &date.to_string()),
                        ("earliest", &EARLIEST_DATE.to_string()),
                        ("latest", &LATEST_DATE.to_string()),
                    ],
                ),
            ));
        }
        Ok(date)
    }

    pub fn width(&self, given: Given<usize>) -> Result<usize> {
        match given.value {
            width if width < MIN_WIDTH => Err(Error::invalid(
                &given.source,
                format!("{width} is too narrow: use at least {MIN_WIDTH}"),
            )),
            width if width > MAX_WIDTH => Err(Error::invalid(
                &given.source,
                format!("{width} is wider than any page: use at most {MAX_WIDTH}"),
            )),
            width => Ok(width),
        }
    }

    pub fn recipients(&mut self, given: Given<Vec<String>>) -> Result<Vec<String>> {
        let source = given.source;
        let mut ids: Vec<String> = Vec::new();
        for id in given.value {
            let id = self.line(Given::new(id, source.clone()))?;
            if !id.is_empty() && !ids.contains(&id) {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    pub fn own_words(&mut self, given: Given<String>) -> Result<Option<String>> {
        let text = self.text(given)?;
        let text = text.trim_start_matches('\u{feff}').trim();
        Ok((!text.is_empty()).then(|| text.to_string()))
    }

    pub fn field(&mut self, key: String, given: Given<String>) -> Result<(String, String)> {
        let source = given.source.clone();
        let key = self.line(Given::new(key, source.clone()))?;
        if key.is_empty() {
            return Err(Error::invalid(&source, "a field needs a name"));
        }
        Ok((key, self.text(given)?))
    }
}
