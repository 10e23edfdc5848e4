//! Which of the letter languages (English, Spanish) a paragraph is written in, with
//! `whatlang` (trigram statistics, no models to load) told to choose between those two
//! only. A short or mixed paragraph gives no answer rather than a guess.

use whatlang::{Detector, Lang};

/// Fewer words than this are too few to tell a language by.
const MIN_WORDS: usize = 5;

/// How sure the detector must be, from 0 to 1, to name the language.
const MIN_CONFIDENCE: f64 = 0.5;

/// The ISO 639-1 code (`en` or `es`) of the language `text` is written in, when it is
/// long enough and clearly one of the two.
pub fn detect(text: &str) -> Option<&'static str> {
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    if words < MIN_WORDS {
        return None;
    }
    let detector = Detector::with_allowlist(vec![Lang::Eng, Lang::Spa]);
    let info = detector.detect(text)?;
    if !info.is_reliable() && info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    match info.lang() {
        Lang::Eng => Some("en"),
        Lang::Spa => Some("es"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_english_from_spanish() {
        assert_eq!(
            detect("My cousin was detained in Caracas last August and we have not heard from him since."),
            Some("en")
        );
        assert_eq!(
            detect("Mi primo fue detenido en Caracas en agosto y desde entonces no sabemos nada de él."),
            Some("es")
        );
        assert_eq!(
            detect("Como madre de un joven detenido, le pido que actúe con urgencia."),
            Some("es")
        );
    }

    #[test]
    fn short_text_gives_no_answer() {
        assert_eq!(detect("Gracias."), None);
        assert_eq!(detect("Ana Pérez, Caracas"), None);
        assert_eq!(detect("12 34 56 78 90 11"), None);
    }
}
