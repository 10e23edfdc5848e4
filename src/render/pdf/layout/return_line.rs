//! The sender's return line, read through a window envelope above the recipient's
//! address: the letterhead's name and address on one small underlined line that must
//! fit the window's width. It is set smaller first, from 7 pt down to [`FLOOR`] (6 pt,
//! the smallest DIN 5008 names for it); then shortened at its separators, never inside
//! a word and never leaving a separator dangling: the address lines between the first
//! and the last go, then what follows the first comma of the street line, then the
//! street line, then the country after the city, then everything but the name. A name
//! too long even alone leaves the letter without a return line.

use crate::letter::Letterhead;

use super::lines::{Line, Typesetter};
use super::paper::Window;
use super::quotes;
use super::style::{GRAY, LIGHT, RETURN_SIZE};
use super::{Composer, Mark};
use crate::render::pdf::fonts::Style;

/// The smallest size of the return line.
pub const FLOOR: f32 = 6.0;
/// How much smaller each try is.
const STEP: f32 = 0.25;
/// Between the name and each address line.
const SEPARATOR: &str = " · ";

/// The return line's texts, longest first, each shorter at a separator.
fn candidates(head: &Letterhead) -> Vec<String> {
    let name = head.name.trim();
    let lines: Vec<&str> = head
        .address
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let first_part = |line: &str| line.split(',').next().unwrap_or(line).trim().to_string();
    let join = |parts: &[String]| {
        parts
            .iter()
            .filter(|p| !p.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(SEPARATOR)
    };
    let mut texts = Vec::new();
    let all: Vec<String> = std::iter::once(name.to_string())
        .chain(lines.iter().map(|l| l.to_string()))
        .collect();
    texts.push(join(&all));
    if let (Some(first), Some(last)) = (lines.first(), lines.last()) {
        let first = first.to_string();
        let last = last.to_string();
        if lines.len() > 2 {
            texts.push(join(&[name.to_string(), first.clone(), last.clone()]));
        }
        if lines.len() > 1 {
            texts.push(join(&[name.to_string(), first_part(&first), last.clone()]));
            texts.push(join(&[name.to_string(), last.clone()]));
        }
        texts.push(join(&[name.to_string(), first_part(&last)]));
    }
    texts.push(name.to_string());
    texts.push(first_part(name));
    texts.dedup();
    texts.retain(|t| !t.is_empty());
    texts
}

/// The return line for `head`, at most `width` wide: the first text that fits at
/// some size from 7 pt down to [`FLOOR`], at the largest such size. Each text is
/// measured once, at 1 pt (a width grows with the size), and set once.
pub fn fit(t: &mut Typesetter<'_>, head: &Letterhead, width: f32) -> Option<Line> {
    // A hundredth of a point spare, for the rounding of a sum of widths.
    let width = width - 0.01;
    for text in candidates(head) {
        let unit = t.width(&quotes::curl_all(&text, None), Style::Regular, 1.0);
        let mut size = RETURN_SIZE;
        while size >= FLOOR - 1e-3 {
            if unit * size <= width {
                return Some(t.one_line(&text, Style::Regular, size, false));
            }
            size -= STEP;
        }
    }
    None
}

impl Composer<'_> {
    /// The return line on `baseline`, just above the address zone, underlined.
    pub(super) fn return_line(&mut self, window: &Window, baseline: f32, marks: &mut Vec<Mark>) {
        let Some(line) = fit(&mut self.t, &self.letter.letterhead, window.width) else {
            return;
        };
        let line_width = line.width;
        marks.push(Mark::Text {
            x: window.x,
            baseline,
            line,
            color: GRAY,
        });
        marks.push(Mark::Rule {
            x1: window.x,
            x2: window.x + line_width,
            y: baseline + 1.8,
            width: 0.3,
            color: LIGHT,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::fonts::Fonts;

    fn head(name: &str, address: &[&str]) -> Letterhead {
        Letterhead {
            name: name.into(),
            address: address.iter().map(|a| a.to_string()).collect(),
            ..Letterhead::default()
        }
    }

    #[test]
    fn a_two_line_address_keeps_its_city() {
        let fonts = Fonts::bundled().unwrap();
        let mut t = Typesetter::new(&fonts);
        let head = head(
            "Red de Ejemplo por los Derechos Humanos",
            &[
                "Avenida Principal 123, Suite 800",
                "Caracas 1010, Venezuela",
            ],
        );
        let line = fit(&mut t, &head, 80.0 * super::super::paper::MM).unwrap();
        let text = line.text();
        assert!(text.ends_with("Caracas 1010, Venezuela"), "{text}");
        assert!(
            text.starts_with("Red de Ejemplo por los Derechos Humanos · "),
            "{text}"
        );
        assert!(!text.trim_end().ends_with('·'));
    }

    #[test]
    fn a_long_name_loses_the_street_before_the_city() {
        let fonts = Fonts::bundled().unwrap();
        let mut t = Typesetter::new(&fonts);
        let name = "Asociación Civil de Familiares de Personas Detenidas en el Zulia";
        let head = head(
            name,
            &[
                "Avenida Principal 123, Suite 800",
                "Caracas 1010, Venezuela",
            ],
        );
        let line = fit(&mut t, &head, 80.0 * super::super::paper::MM).unwrap();
        let text = line.text();
        assert!(text.starts_with(&format!("{name} · ")), "{text}");
        assert!(text.contains("Caracas 1010"), "{text}");
        assert!(!text.contains("Suite 800"), "{text}");
        assert!(line.width <= 80.0 * super::super::paper::MM);
        // A name that fills the window alone is set alone, whole.
        let longer =
            "Asociación Civil de Familiares de Personas Detenidas y Desaparecidas de Venezuela";
        let head = super::tests::head(
            longer,
            &["Avenida Principal 123", "Caracas 1010, Venezuela"],
        );
        if let Some(line) = fit(&mut t, &head, 80.0 * super::super::paper::MM) {
            let text = line.text();
            assert!(text.starts_with(longer), "{text}");
            assert!(!text.trim_end().ends_with('·'), "{text}");
        }
    }

    #[test]
    fn every_candidate_ends_at_a_separator() {
        let head = head(
            "Red, Capítulo Andino",
            &["Calle 1, Piso 2", "Oficina 3", "Mérida 5101, Venezuela"],
        );
        let texts = candidates(&head);
        assert_eq!(
            texts[0],
            "Red, Capítulo Andino · Calle 1, Piso 2 · Oficina 3 · Mérida 5101, Venezuela"
        );
        assert_eq!(texts.last().unwrap(), "Red");
        for text in &texts {
            assert!(
                !text.ends_with('·') && !text.ends_with(',') && !text.contains("·  ·"),
                "{text}"
            );
        }
    }
}
