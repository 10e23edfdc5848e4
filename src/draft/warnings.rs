//! The warnings about the data a letter is drafted from, worded once in each language of
//! the messages (English, or Spanish for the guided flow under `--ui-lang es`): a
//! campaign past its deadline or whose figures have aged, an officeholder who may have
//! changed (or none recorded on the letter's date), own words in another language than
//! the letter, and text that looks mis-decoded.

use chrono::NaiveDate;

use crate::model::locale::Convention;
use crate::model::{Language, Recipient, Template, FACTS_FRESH_FOR_DAYS, STALE_AFTER_MONTHS};
use crate::text::mojibake::{self, Finding};

/// A date written out in the messages' language (English in British style, or Spanish).
fn day(date: NaiveDate, lang: Language) -> String {
    convention(lang).date(date)
}

/// How the messages write dates.
fn convention(lang: Language) -> Convention {
    match lang {
        Language::En => Convention::BritishEnglish,
        Language::Es => Convention::Spanish,
    }
}

/// The warning for a campaign whose deadline has passed on `today`.
pub fn past_deadline(template: &Template, today: NaiveDate, lang: Language) -> Option<String> {
    let deadline = template
        .meta
        .act_before
        .filter(|_| template.is_past_deadline(today))?;
    let id = &template.id;
    let date = day(deadline, lang);
    Some(match lang {
        Language::En => format!(
            "campaign `{id}` asked for action before {date}; that date has passed, so check whether the campaign has been updated before sending"
        ),
        Language::Es => format!(
            "la campaña `{id}` pedía actuar antes del {date}; esa fecha ya pasó: compruebe si la campaña se ha actualizado antes de enviar la carta"
        ),
    })
}

/// The warning for a campaign whose facts (`as_of`) are more than a month old on
/// `today`, unless its deadline has passed (which says more).
pub fn aged_facts(template: &Template, today: NaiveDate, lang: Language) -> Option<String> {
    if template.is_past_deadline(today) || !template.facts_have_aged(today) {
        return None;
    }
    let as_of = template.meta.as_of?.written(convention(lang));
    let id = &template.id;
    Some(match lang {
        Language::En => format!(
            "campaign `{id}` states its facts and figures as of {as_of} (more than {FACTS_FRESH_FOR_DAYS} days ago): they may have changed since, so check them before sending"
        ),
        Language::Es => format!(
            "la campaña `{id}` da sus hechos y cifras a fecha de {as_of} (hace más de {FACTS_FRESH_FOR_DAYS} días): pueden haber cambiado desde entonces; compruébelos antes de enviar la carta"
        ),
    })
}

/// The date a recipient record is weighed against: a letter's date (after the day the
/// record was verified, the holder may have changed), or today (`recipients show`,
/// `check`: after a year, the record is stale).
#[derive(Debug, Clone, Copy)]
pub enum Dated {
    Letter(NaiveDate),
    Today(NaiveDate),
}

/// The warning that the officeholder of `recipient` may have changed since the record
/// was verified: for a letter dated after that day, or today when the record is more
/// than a year old. It names the holder the record gives, the day since when, and the
/// commands that record a check or a new holder.
pub fn stale_record(recipient: &Recipient, dated: Dated, lang: Language) -> Option<String> {
    let verified = recipient.verified;
    let (date, context) = match (dated, lang) {
        (Dated::Letter(date), Language::En) if date > verified => (
            date,
            format!(" and this letter is dated {}", day(date, lang)),
        ),
        (Dated::Letter(date), Language::Es) if date > verified => (
            date,
            format!(" y esta carta lleva fecha del {}", day(date, lang)),
        ),
        (Dated::Today(today), Language::En) if recipient.is_stale(today) => (
            today,
            format!(", more than {STALE_AFTER_MONTHS} months ago"),
        ),
        (Dated::Today(today), Language::Es) if recipient.is_stale(today) => {
            (today, format!(", hace más de {STALE_AFTER_MONTHS} meses"))
        }
        _ => return None,
    };
    let id = &recipient.id;
    let holder = recipient
        .holder_on(date)
        .map(|h| format!(" ({})", h.name_in(lang)))
        .unwrap_or_default();
    let since = day(verified, lang);
    let mut warning = match lang {
        Language::En => format!(
            "recipient `{id}` was last verified on {verified}{context}: the officeholder{holder} may have changed since {since}; check, then run `letters recipients verify {id}` (or `letters recipients update {id} --name NAME --since DATE` if the office has changed hands)"
        ),
        Language::Es => format!(
            "el destinatario `{id}` se verificó por última vez el {verified}{context}: quien ocupa el cargo{holder} puede haber cambiado desde el {since}; compruébelo y ejecute `letters recipients verify {id}` (o `letters recipients update {id} --name NOMBRE --since FECHA` si el cargo ha cambiado de titular)"
        ),
    };
    let note = recipient.note_in(lang);
    if !note.is_empty() {
        warning.push_str(&match lang {
            Language::En => format!(" (note: {note})"),
            Language::Es => format!(" (nota: {note})"),
        });
    }
    Some(warning)
}

/// The warning for a letter dated when no holder of the office is recorded: it is
/// addressed to the office itself.
pub fn no_holder_on(recipient: &Recipient, path: &str, date: NaiveDate, lang: Language) -> String {
    let id = &recipient.id;
    let date = day(date, lang);
    match lang {
        Language::En => format!(
            "recipient `{id}` in {path} records no officeholder on {date}, the letter's date: the letter is addressed to the office; record the holder with `letters recipients update {id} --name NAME --since DATE`"
        ),
        Language::Es => format!(
            "el destinatario `{id}` de {path} no registra a nadie en el cargo el {date}, fecha de la carta: la carta va dirigida al cargo; registre a su titular con `letters recipients update {id} --name NOMBRE --since FECHA`"
        ),
    }
}

/// The warning for own words (from `from`: a flag, a signers cell) that read as another
/// language than the letter's.
pub fn own_words_language(
    (own_words, from): (&str, &str),
    read_as: Language,
    letter: Language,
    recipient: &str,
    lang: Language,
) -> String {
    let words: Vec<&str> = own_words.split_whitespace().collect();
    let mut beginning = words.iter().take(6).copied().collect::<Vec<_>>().join(" ");
    if words.len() > 6 {
        beginning.push('…');
    }
    let name = |l: Language| match (l, lang) {
        (Language::En, Language::En) => "English",
        (Language::Es, Language::En) => "Spanish",
        (Language::En, Language::Es) => "inglés",
        (Language::Es, Language::Es) => "español",
    };
    let (read, written, code) = (name(read_as), name(letter), read_as.code());
    match lang {
        Language::En => format!(
            "{from}: the paragraph in your own words (\u{201c}{beginning}\u{201d}) reads as {read}, but the letter to `{recipient}` is in {written}: translate the paragraph, or write the letter in {read} (--lang {code})"
        ),
        Language::Es => format!(
            "{from}: el párrafo con sus propias palabras (\u{201c}{beginning}\u{201d}) parece estar en {read}, pero la carta a `{recipient}` está en {written}: traduzca el párrafo o escriba la carta en {read} (--lang {code})"
        ),
    }
}

/// The warning for mis-decoded text: what looks repairable, and whether it was repaired
/// (`fixed`); what cannot be recovered, and which paragraph to copy again. "Repaired"
/// is said only of what was.
pub fn mojibake(finding: &Finding, fixed: bool, lang: Language) -> String {
    if lang == Language::En {
        return mojibake_en(finding, fixed);
    }
    let mut parts = Vec::new();
    if !finding.repairs.is_empty() {
        let repairs = finding
            .repairs
            .iter()
            .map(|r| format!("\"{}\" se lee \"{}\"", r.found, r.repaired))
            .collect::<Vec<_>>()
            .join(", ");
        parts.push(if fixed {
            format!("{repairs}; reparado (--fix-mojibake)")
        } else {
            format!("{repairs}; revise el texto o use --fix-mojibake para repararlo")
        });
    }
    if !finding.lost.is_empty() {
        let words = finding
            .lost
            .iter()
            .map(|l| format!("\"{}\"", l.found))
            .collect::<Vec<_>>()
            .join(", ");
        let mut paragraphs: Vec<&str> = finding.lost.iter().map(|l| l.paragraph.as_str()).collect();
        paragraphs.dedup();
        let paragraphs = paragraphs
            .iter()
            .map(|p| format!("\u{201c}{p}\u{201d}"))
            .collect::<Vec<_>>()
            .join(", ");
        parts.push(format!(
            "{words} no se puede recuperar: una comilla o una raya perdió su último byte antes de descodificarse el texto; copie de nuevo desde el original el párrafo que empieza {paragraphs}"
        ));
    }
    format!(
        "{}: el texto parece mal descodificado (mojibake): {}",
        finding.location,
        parts.join("; ")
    )
}

/// The mis-decoded text warning in English.
fn mojibake_en(finding: &Finding, fixed: bool) -> String {
    let mut parts = Vec::new();
    if !finding.repairs.is_empty() {
        let repairs = mojibake::describe(&finding.repairs);
        parts.push(if fixed {
            format!("{repairs}; repaired (--fix-mojibake)")
        } else {
            format!("{repairs}; check the text, or pass --fix-mojibake to repair it")
        });
    }
    if !finding.lost.is_empty() {
        parts.push(finding.describe_lost());
    }
    format!(
        "{}: text looks mis-decoded (mojibake): {}",
        finding.location,
        parts.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::mojibake::{Lost, Repair};

    #[test]
    fn mojibake_is_said_in_spanish_too() {
        let finding = Finding {
            location: "--own-words".to_string(),
            repairs: vec![Repair {
                found: "Nicol谩s".to_string(),
                repaired: "Nicolás".to_string(),
            }],
            lost: vec![Lost {
                found: "鈥".to_string(),
                paragraph: "Es grave 鈥 y…".to_string(),
            }],
        };
        let es = mojibake(&finding, true, Language::Es);
        assert!(
            es.starts_with("--own-words: el texto parece mal descodificado"),
            "{es}"
        );
        assert!(
            es.contains("\"Nicol谩s\" se lee \"Nicolás\"; reparado"),
            "{es}"
        );
        assert!(es.contains("\"鈥\" no se puede recuperar"), "{es}");
        let en = mojibake(&finding, false, Language::En);
        assert!(
            en.contains("check the text, or pass --fix-mojibake"),
            "{en}"
        );
        assert!(!en.contains("repaired (--fix-mojibake)"), "{en}");
    }
}
