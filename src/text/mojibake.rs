//! Mojibake: UTF-8 text that was decoded as Windows-1252 (`Ã©` for `é`, `â€™` for `’`) or
//! as a Chinese code page (`鈥檚` for `’s`, `Nicol谩s` for `Nicolás`). Finding it, and
//! undoing it by re-encoding the damaged run and decoding it as UTF-8 again.
//!
//! A run is repaired only when the result is valid UTF-8 made of characters that such
//! damage produces (Latin letters, Latin punctuation): genuine Chinese text and genuine
//! accented text are left alone.

use encoding_rs::{Encoding, GBK, WINDOWS_1252};

/// One damaged stretch of text and what it should read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    /// The damaged word as it stands.
    pub found: String,
    /// The same word repaired.
    pub repaired: String,
}

/// Characters that text damaged this way decodes back to.
fn plausible(c: char) -> bool {
    matches!(c as u32,
        0x00A0..=0x024F   // Latin-1 Supplement, Latin Extended-A and -B
        | 0x2010..=0x2044 // dashes, quotes, ellipsis, daggers, bullets
        | 0x20AC          // euro sign
        | 0x2122) // trade mark sign
}

/// Re-encodes `run` with `encoding` and decodes it as UTF-8, if that gives plausible text.
fn redecode(run: &str, encoding: &'static Encoding) -> Option<String> {
    let (bytes, _, had_errors) = encoding.encode(run);
    if had_errors {
        return None;
    }
    let text = std::str::from_utf8(&bytes).ok()?;
    let plausible_text = text.chars().all(|c| c.is_ascii() || plausible(c));
    (plausible_text && text != run && !text.is_ascii()).then(|| text.to_string())
}

/// A character that UTF-8 misread as Windows-1252 is made of.
fn is_windows_1252_upper(c: char) -> bool {
    !c.is_ascii() && {
        let mut buf = [0u8; 4];
        let (bytes, _, had_errors) = WINDOWS_1252.encode(c.encode_utf8(&mut buf));
        !had_errors && bytes.len() == 1
    }
}

/// A character that UTF-8 misread as GBK is made of (a double-byte GBK character).
fn is_gbk_double(c: char) -> bool {
    !c.is_ascii() && {
        let mut buf = [0u8; 4];
        let (bytes, _, had_errors) = GBK.encode(c.encode_utf8(&mut buf));
        !had_errors && bytes.len() == 2
    }
}

/// Repairs Windows-1252 damage inside a run of Windows-1252 characters, sequence by
/// sequence, so that genuine accented letters next to damage stay as they are.
fn repair_windows_1252_run(run: &str, out: &mut String) -> bool {
    let chars: Vec<char> = run.chars().collect();
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let lead = {
            let mut buf = [0u8; 4];
            WINDOWS_1252.encode(chars[i].encode_utf8(&mut buf)).0[0]
        };
        let width = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 1,
        };
        if width > 1 && i + width <= chars.len() {
            let candidate: String = chars[i..i + width].iter().collect();
            if let Some(text) = redecode(&candidate, WINDOWS_1252) {
                if text.chars().count() == 1 {
                    out.push_str(&text);
                    changed = true;
                    i += width;
                    continue;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    changed
}

/// Splits `text` into maximal runs of characters matching `in_run`, repairing each run
/// with `repair_run` and copying the rest.
fn repair_runs(
    text: &str,
    in_run: fn(char) -> bool,
    repair_run: impl Fn(&str, &mut String) -> bool,
) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut rest = text;
    while let Some(start) = rest.find(in_run) {
        out.push_str(&rest[..start]);
        let run_len = rest[start..]
            .find(|c: char| !in_run(c))
            .unwrap_or(rest.len() - start);
        let run = &rest[start..start + run_len];
        changed |= repair_run(run, &mut out);
        rest = &rest[start + run_len..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Whether `text` is plainly undamaged: its only non-ASCII characters are Latin-1
/// letters and signs standing alone, as in "Mérida" or "Núñez". Damage always leaves two
/// non-ASCII characters side by side (Windows-1252) or a character beyond Latin-1 (GBK).
fn plainly_undamaged(text: &str) -> bool {
    let mut after_non_ascii = false;
    for c in text.chars() {
        if c.is_ascii() {
            after_non_ascii = false;
        } else if after_non_ascii || u32::from(c) > 0xFF {
            return false;
        } else {
            after_non_ascii = true;
        }
    }
    true
}

/// The repaired text, if `text` holds mojibake.
pub fn repair(text: &str) -> Option<String> {
    if plainly_undamaged(text) {
        return None;
    }
    let after_1252 = repair_runs(text, is_windows_1252_upper, repair_windows_1252_run);
    let current = after_1252.as_deref().unwrap_or(text);
    let after_gbk = repair_runs(current, is_gbk_double, |run, out| {
        match redecode(run, GBK) {
            Some(text) => {
                out.push_str(&text);
                true
            }
            None => {
                out.push_str(run);
                false
            }
        }
    });
    after_gbk.or(after_1252)
}

/// The damaged words of `text`, each with its repair, for a warning.
pub fn find(text: &str) -> Vec<Repair> {
    if text.is_ascii() {
        return Vec::new();
    }
    text.split_whitespace()
        .map(|word| word.trim_matches(|c: char| c.is_ascii_punctuation()))
        .filter_map(|word| {
            repair(word).map(|repaired| Repair {
                found: word.to_string(),
                repaired,
            })
        })
        .collect()
}

/// Describes the repairs for a warning: `"PÃ©rez" reads as "Pérez"`.
pub fn describe(repairs: &[Repair]) -> String {
    repairs
        .iter()
        .map(|r| format!("\"{}\" reads as \"{}\"", r.found, r.repaired))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Mojibake found on one line of a file (or in one flag or field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// `file:line`, or the flag or field it was found in.
    pub location: String,
    pub repairs: Vec<Repair>,
}

impl Finding {
    /// The warning text for this finding.
    pub fn message(&self) -> String {
        format!(
            "{}: text looks mis-decoded (mojibake): {}",
            self.location,
            describe(&self.repairs)
        )
    }
}

/// Mojibake on each line of a file's text, located as `path:line`.
pub fn scan_lines(path: &str, text: &str) -> Vec<Finding> {
    if text.is_ascii() {
        return Vec::new();
    }
    text.lines()
        .enumerate()
        .filter_map(|(n, line)| {
            let repairs = find(line);
            (!repairs.is_empty()).then(|| Finding {
                location: format!("{path}:{}", n + 1),
                repairs,
            })
        })
        .collect()
}

/// Mojibake in one value (a flag, a field, a cell), located by `location`, which is only
/// worked out when there is some.
pub fn scan_value(location: impl FnOnce() -> String, text: &str) -> Option<Finding> {
    let repairs = find(text);
    (!repairs.is_empty()).then(|| Finding {
        location: location(),
        repairs,
    })
}

/// Repairs `text` in place; whether anything changed.
pub fn repair_in_place(text: &mut String) -> bool {
    match repair(text) {
        Some(fixed) => {
            *text = fixed;
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut agrees with the full check for every Latin-1 character between
    /// ASCII letters, and for every pair of them.
    #[test]
    fn plainly_undamaged_text_needs_no_repair() {
        let latin1 = || (0x80u32..=0xFF).filter_map(char::from_u32);
        let full = |text: &str| {
            let after_1252 = repair_runs(text, is_windows_1252_upper, repair_windows_1252_run);
            let current = after_1252.as_deref().unwrap_or(text).to_string();
            after_1252.is_some()
                || repair_runs(&current, is_gbk_double, |run, out| {
                    out.push_str(run);
                    redecode(run, GBK).is_some()
                })
                .is_some()
        };
        for a in latin1() {
            let word = format!("M{a}rida");
            assert!(plainly_undamaged(&word));
            assert!(!full(&word), "{word}");
            for b in latin1() {
                let word = format!("N{a}x{b}z");
                assert!(plainly_undamaged(&word));
                assert!(!full(&word), "{word}");
            }
        }
        assert!(!plainly_undamaged("JosÃ©"));
        assert!(!plainly_undamaged("Nicol谩s"));
    }

    #[test]
    fn repairs_windows_1252_damage() {
        assert_eq!(repair("JosÃ© PÃ©rez").as_deref(), Some("José Pérez"));
        assert_eq!(repair("itâ€™s").as_deref(), Some("it’s"));
        assert_eq!(repair("Â¿QuÃ©?").as_deref(), Some("¿Qué?"));
        assert_eq!(repair("â€œquotedâ€\u{9d}").as_deref(), Some("“quoted”"));
    }

    #[test]
    fn repairs_chinese_code_page_damage() {
        assert_eq!(
            repair("Venezuela鈥檚 government").as_deref(),
            Some("Venezuela’s government")
        );
        assert_eq!(repair("Nicol谩s Maduro").as_deref(), Some("Nicolás Maduro"));
    }

    #[test]
    fn leaves_genuine_text_alone() {
        for text in [
            "José Pérez, «Atentamente», ¿cómo? ¡Sí! — 2.000 niños",
            "CAMPAÑA– ESPAÑA—",
            "Ärger über Öl",
            "中华人民共和国外交部",
            "Héctor Constant Rosales",
            "naïve café résumé",
            "plain ascii",
        ] {
            assert_eq!(repair(text), None, "{text}");
        }
    }

    #[test]
    fn keeps_genuine_letters_next_to_damage() {
        assert_eq!(repair("éÃ©").as_deref(), Some("éé"));
    }

    #[test]
    fn finds_damaged_words() {
        let found = find("Estimada Sra. PÃ©rez:");
        assert_eq!(
            found,
            vec![Repair {
                found: "PÃ©rez".into(),
                repaired: "Pérez".into()
            }]
        );
        assert_eq!(describe(&found), "\"PÃ©rez\" reads as \"Pérez\"");
    }
}
