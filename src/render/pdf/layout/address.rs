//! The recipient's address as the post reads it: addressee, title, organization, the
//! delivery lines, and the country line by postal convention (the last line, in
//! capitals, left out when sender and recipient are in the same country). In an
//! envelope window it must fit the window:
//!
//! - a line is never wrapped: the block is set smaller first, from 10.5 pt down to
//!   [`FLOOR`] (9 pt, above the 8 pt postal services read by machine);
//! - a name line (addressee, title, organization) still too wide at the floor is set on
//!   two lines broken where they balance, never leaving a word alone; a delivery line
//!   (street, city, country) is never broken;
//! - the block holds no more lines than the window: 6 in a DIN 5008 address zone, what
//!   fits 1⅛ inches in a #10 window. When there are more, the addressee's title goes
//!   first (the salutation and the text name the office), and the caller is told;
//! - an address that cannot fit is an error naming the recipient and the line.
//!
//! The sender's country comes from the letterhead's address: its last line, or that
//! line's part after its last comma, when it names a country ("Caracas 1010, Venezuela").
//! When the sender's country is unknown the country line is kept: mail with one arrives.

use crate::letter::{Letter, RecipientBlock};
use crate::model::country;

use super::lines::{Line, Typesetter};
use super::paper::{Window, MM};
use super::quotes;
use super::style::{ADDRESS_LEADING, ADDRESS_SIZE};
use crate::render::pdf::fonts::Style;

/// The smallest size an address is set in.
pub const FLOOR: f32 = 9.0;
/// How much smaller each try is.
const STEP: f32 = 0.5;

/// What a line of an address is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Addressee,
    Title,
    Organization,
    /// Street, building, city and postal code: what the post delivers by.
    Delivery,
    Country,
}

impl Kind {
    /// Whether a line of this kind may be set on two lines when it is too wide.
    fn breaks(self) -> bool {
        matches!(self, Kind::Addressee | Kind::Title | Kind::Organization)
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Addressee => "addressee",
            Kind::Title => "title",
            Kind::Organization => "organization",
            Kind::Delivery => "address",
            Kind::Country => "country",
        }
    }
}

/// A line of the address and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressLine {
    pub text: String,
    pub kind: Kind,
}

/// The country code a line names, whole or after its last comma.
fn names_country(line: &str) -> Option<&'static str> {
    let whole = country::suggest(line).map(|(code, _)| code);
    whole.or_else(|| {
        let (_, last) = line.rsplit_once(',')?;
        country::suggest(last).map(|(code, _)| code)
    })
}

/// The sender's country, when the letterhead's address names one.
pub fn sender_country(letter: &Letter) -> Option<&'static str> {
    letter
        .letterhead
        .address
        .last()
        .and_then(|l| names_country(l))
}

/// The address's lines by postal convention: the record's lines, blank and repeated
/// ones left out, and its country on a last line of its own in capitals, unless the
/// sender is in that country too.
pub fn postal_lines(letter: &Letter) -> Vec<AddressLine> {
    let recipient = &letter.recipient;
    let mut lines: Vec<AddressLine> = Vec::with_capacity(4 + recipient.address.len());
    let mut push = |text: &str, kind: Kind| {
        let text = text.trim();
        if !text.is_empty() && lines.last().is_none_or(|l| l.text != text) {
            lines.push(AddressLine {
                text: text.to_string(),
                kind,
            });
        }
    };
    push(&recipient.addressee, Kind::Addressee);
    push(&recipient.title, Kind::Title);
    push(&recipient.organization, Kind::Organization);
    let (delivery, country) = split_country(recipient);
    for line in delivery {
        push(&line, Kind::Delivery);
    }
    let same_country = sender_country(letter).is_some_and(|c| c == recipient.country);
    if let Some(country) = country.filter(|_| !same_country) {
        push(&country, Kind::Country);
    }
    lines
}

/// The delivery lines and the country line (in capitals) of a recipient's address:
/// the last line, or the part of it after its last comma, when it names the record's
/// country; else the country's name from its code.
fn split_country(recipient: &RecipientBlock) -> (Vec<String>, Option<String>) {
    let mut delivery: Vec<String> = recipient
        .address
        .iter()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let code = recipient.country.as_str();
    let is_code = |text: &str| country::suggest(text).is_some_and(|(c, _)| c == code);
    if let Some(last) = delivery.last().cloned() {
        if is_code(&last) {
            delivery.pop();
            return (delivery, Some(last.to_uppercase()));
        }
        if let Some((before, after)) = last.rsplit_once(',') {
            if is_code(after) {
                let before = before.trim().to_string();
                delivery.pop();
                if !before.is_empty() {
                    delivery.push(before);
                }
                return (delivery, Some(after.trim().to_uppercase()));
            }
        }
    }
    let name = celes::Country::from_alpha2(code)
        .ok()
        .map(|c| c.long_name.trim_start_matches("The ").to_uppercase());
    (delivery, name)
}

/// An address set to fit a window.
#[derive(Debug)]
pub struct Fitted {
    pub lines: Vec<Line>,
    pub size: f32,
    pub leading: f32,
    /// The kinds of line left out to fit (the title), for a warning.
    pub left_out: Vec<Kind>,
}

/// Why an address cannot fit its window.
#[derive(Debug, Clone, PartialEq)]
pub enum Misfit {
    /// A line too wide even at the floor size.
    TooWide { line: String, kind: Kind },
    /// More lines than the window holds, even without the title.
    TooMany { lines: usize, room: usize },
}

impl Misfit {
    /// The one-paragraph message, for the recipient `id` and the window `width` wide.
    pub fn message(&self, id: &str, layout: &str, width: f32) -> String {
        match self {
            Misfit::TooWide { line, kind } => format!(
                "recipient `{id}`: the {} line “{line}” is wider than the envelope window of the {layout} layout ({:.0} mm) even in {FLOOR} pt type",
                kind.name(),
                width / MM
            ),
            Misfit::TooMany { lines, room } => format!(
                "recipient `{id}`: the address has {lines} lines, but the envelope window of the {layout} layout holds {room}"
            ),
        }
    }
}

/// How many lines of `leading` the window's address zone holds.
fn room(window: &Window, leading: f32, size: f32) -> usize {
    let zone = window.top + window.height - window.address_top;
    // The last line needs its ascent and descent, not a whole leading.
    let by_height = ((zone - size * 1.15) / leading).floor() as usize + 1;
    window.max_lines.map_or(by_height, |max| max.min(by_height))
}

/// A line of the address as it is set: whole, or a name on two lines.
enum Setting<'a> {
    Whole(&'a str),
    Halves(String, String),
}

/// Sets `lines` to fit `window`: the largest size that needs nothing left out, else
/// the largest that fits with the title left out. Widths are measured once, at 1 pt
/// (a width grows with the size), and only the setting chosen is made into lines.
pub fn fit(
    t: &mut Typesetter<'_>,
    lines: &[AddressLine],
    window: &Window,
) -> Result<Fitted, Misfit> {
    let sizes: Vec<f32> = (0..)
        .map(|i| ADDRESS_SIZE - STEP * i as f32)
        .take_while(|s| *s >= FLOOR - 1e-3)
        .collect();
    let unit: Vec<f32> = lines
        .iter()
        .map(|l| t.width(&quotes::curl_all(&l.text, None), Style::Regular, 1.0))
        .collect();
    let mut misfit = None;
    for drop_title in [false, true] {
        if drop_title && !lines.iter().any(|l| l.kind == Kind::Title) {
            break;
        }
        let kept: Vec<(&AddressLine, f32)> = lines
            .iter()
            .zip(unit.iter().copied())
            .filter(|(l, _)| !(drop_title && l.kind == Kind::Title))
            .collect();
        for &size in &sizes {
            let leading = ADDRESS_LEADING * size / ADDRESS_SIZE;
            let room = room(window, leading, size);
            match set(t, &kept, size, window.width) {
                Ok(settings) => {
                    let count: usize = settings
                        .iter()
                        .map(|s| match s {
                            Setting::Whole(_) => 1,
                            Setting::Halves(..) => 2,
                        })
                        .sum();
                    if count > room {
                        misfit.get_or_insert(Misfit::TooMany { lines: count, room });
                        continue;
                    }
                    let mut out = Vec::with_capacity(count);
                    for setting in settings {
                        match setting {
                            Setting::Whole(text) => {
                                out.push(t.one_line(text, Style::Regular, size, false))
                            }
                            Setting::Halves(first, second) => {
                                out.push(t.one_line(&first, Style::Regular, size, false));
                                out.push(t.one_line(&second, Style::Regular, size, false));
                            }
                        }
                    }
                    return Ok(Fitted {
                        lines: out,
                        size,
                        leading,
                        left_out: if drop_title {
                            vec![Kind::Title]
                        } else {
                            Vec::new()
                        },
                    });
                }
                Err(wide) => misfit = Some(wide),
            }
        }
    }
    Err(misfit.unwrap_or(Misfit::TooMany {
        lines: lines.len(),
        room: 0,
    }))
}

/// How `lines` (each with its width at 1 pt) are set at `size`: each on one line no
/// wider than `width`, a name line on two if it must; the first delivery line too wide
/// is the error.
fn set<'a>(
    t: &mut Typesetter<'_>,
    lines: &[(&'a AddressLine, f32)],
    size: f32,
    width: f32,
) -> Result<Vec<Setting<'a>>, Misfit> {
    let mut out = Vec::with_capacity(lines.len() + 1);
    for (line, unit) in lines {
        // A hundredth of a point spare, for the rounding of a sum of widths.
        if unit * size <= width - 0.01 {
            out.push(Setting::Whole(&line.text));
            continue;
        }
        let halves = line
            .kind
            .breaks()
            .then(|| balanced(t, &line.text, size, width - 0.01))
            .flatten();
        match halves {
            Some((first, second)) => out.push(Setting::Halves(first, second)),
            None => {
                return Err(Misfit::TooWide {
                    line: line.text.clone(),
                    kind: line.kind,
                })
            }
        }
    }
    Ok(out)
}

/// `text` on two lines no wider than `width`, broken at the space that makes them
/// most alike in width, each with at least two words; `None` if there is none.
fn balanced(t: &mut Typesetter<'_>, text: &str, size: f32, width: f32) -> Option<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 4 {
        return None;
    }
    let mut best: Option<(f32, usize)> = None;
    for cut in 2..=words.len() - 2 {
        let first = t.width(
            &quotes::curl_all(&words[..cut].join(" "), None),
            Style::Regular,
            size,
        );
        let second = t.width(
            &quotes::curl_all(&words[cut..].join(" "), None),
            Style::Regular,
            size,
        );
        if first > width || second > width {
            continue;
        }
        let worse = first.max(second);
        if best.is_none_or(|(w, _)| worse < w) {
            best = Some((worse, cut));
        }
    }
    let (_, cut) = best?;
    Some((words[..cut].join(" "), words[cut..].join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Layout;
    use crate::render::pdf::fonts::Fonts;
    use crate::render::pdf::layout::paper::geometry;
    use crate::render::pdf::tests::letter;

    fn ve_attorney_general() -> Letter {
        let mut letter = letter();
        letter.recipient = RecipientBlock {
            id: "ve-attorney-general".into(),
            addressee: "Señor Tarek William Saab".into(),
            title: "Fiscal General de la República".into(),
            organization: "Ministerio Público".into(),
            address: vec![
                "Edificio Sede Principal del Ministerio Público".into(),
                "Esquinas de Misericordia a Pele El Ojo, Avenida México".into(),
                "Caracas".into(),
                "Venezuela".into(),
            ],
            email: None,
            country: "VE".into(),
        };
        letter
    }

    fn texts(lines: &[AddressLine]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn the_country_line_is_last_in_capitals_unless_the_sender_shares_it() {
        let mut letter = ve_attorney_general();
        letter.letterhead.address = vec!["1 Main St".into(), "Washington, DC 20005, USA".into()];
        let lines = postal_lines(&letter);
        assert_eq!(lines.last().unwrap().text, "VENEZUELA");
        assert_eq!(lines.last().unwrap().kind, Kind::Country);
        letter.letterhead.address = vec!["Apartado 123".into(), "Caracas, Venezuela".into()];
        assert_eq!(texts(&postal_lines(&letter)).last(), Some(&"Caracas"));
        // Unknown: kept.
        letter.letterhead.address = vec!["Apartado 123".into()];
        assert_eq!(texts(&postal_lines(&letter)).last(), Some(&"VENEZUELA"));
    }

    #[test]
    fn a_country_after_a_comma_or_missing_is_found() {
        let mut letter = ve_attorney_general();
        letter.letterhead.address.clear();
        letter.recipient.address = vec!["Av. Urdaneta".into(), "Caracas, Venezuela".into()];
        assert_eq!(
            texts(&postal_lines(&letter))[3..],
            ["Av. Urdaneta", "Caracas", "VENEZUELA"]
        );
        letter.recipient.address = vec!["Av. Urdaneta".into(), "Caracas".into()];
        assert_eq!(
            texts(&postal_lines(&letter)).last(),
            Some(&"BOLIVARIAN REPUBLIC OF VENEZUELA")
        );
    }

    #[test]
    fn a_din_window_takes_six_lines_and_never_wraps_the_street() {
        let fonts = Fonts::bundled().unwrap();
        let mut t = Typesetter::new(&fonts);
        let mut letter = ve_attorney_general();
        letter.letterhead.address.clear();
        let lines = postal_lines(&letter);
        assert_eq!(lines.len(), 7);
        let window = geometry(Layout::Din5008B).window.unwrap();
        let fitted = fit(&mut t, &lines, &window).unwrap();
        assert_eq!(fitted.lines.len(), 6);
        assert_eq!(fitted.left_out, [Kind::Title]);
        let set: Vec<String> = fitted.lines.iter().map(Line::text).collect();
        assert!(
            set.contains(&"Esquinas de Misericordia a Pele El Ojo, Avenida México".to_string()),
            "{set:?}"
        );
        assert!(fitted.lines.iter().all(|l| l.width <= window.width));
        assert!(fitted.size >= FLOOR);
    }

    #[test]
    fn a_delivery_line_too_wide_is_named() {
        let fonts = Fonts::bundled().unwrap();
        let mut t = Typesetter::new(&fonts);
        let mut letter = ve_attorney_general();
        letter.recipient.address[1] =
            "Esquinas de Misericordia a Pele El Ojo, Avenida México, frente a la plaza mayor"
                .into();
        let window = geometry(Layout::Din5008A).window.unwrap();
        let misfit = fit(&mut t, &postal_lines(&letter), &window).unwrap_err();
        let message = misfit.message("ve-attorney-general", "din5008-a", window.width);
        assert!(message.contains("the address line “Esquinas"), "{message}");
        assert!(message.contains("(80 mm)"), "{message}");
    }
}
