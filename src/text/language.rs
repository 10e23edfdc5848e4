//! Which of the bundled letter languages (English, Spanish, French, Portuguese) a
//! paragraph is written in, with `whatlang` (trigram statistics, no models to load) told
//! to choose between those only. A short or mixed paragraph gives no answer rather than a guess.

use whatlang::{Detector, Lang};

/// The languages told apart, by ISO 639-1 code: the bundled letter languages. A letter
/// in another language is not checked (see [`is_detected`]).
const DETECTED: [(&str, Lang); 4] = [
    ("en", Lang::Eng),
    ("es", Lang::Spa),
    ("fr", Lang::Fra),
    ("pt", Lang::Por),
];

/// Whether paragraphs in the language `code` are told apart from the others.
pub fn is_detected(code: &str) -> bool {
    DETECTED.iter().any(|(c, _)| *c == code)
}

/// Fewer words than this are too few to tell a language by.
const MIN_WORDS: usize = 5;

/// How sure the detector must be, from 0 to 1, to name the language.
const MIN_CONFIDENCE: f64 = 0.5;

/// The ISO 639-1 code (`en`, `es`, `fr`, `pt`) of the language `text` is written in,
/// when it is long enough and clearly one of them.
pub fn detect(text: &str) -> Option<&'static str> {
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    if words < MIN_WORDS {
        return None;
    }
    let detector = Detector::with_allowlist(DETECTED.iter().map(|(_, lang)| *lang).collect());
    let info = detector.detect(text)?;
    if !info.is_reliable() && info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    DETECTED
        .iter()
        .find(|(_, lang)| *lang == info.lang())
        .map(|(code, _)| *code)
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
        assert_eq!(
            detect("Je souhaite ajouter ceci : une réponse rapide serait la bienvenue."),
            Some("fr")
        );
        assert_eq!(
            detect("Escrevo para pedir que Vossa Senhoria responda a esta carta, porque até hoje não recebemos nenhuma resposta."),
            Some("pt")
        );
    }

    #[test]
    fn short_text_gives_no_answer() {
        assert_eq!(detect("Gracias."), None);
        assert_eq!(detect("Ana Pérez, Caracas"), None);
        assert_eq!(detect("12 34 56 78 90 11"), None);
    }
}
