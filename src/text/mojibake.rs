//! Mojibake: UTF-8 text that was decoded as Windows-1252 (`Ã©` for `é`, `â€™` for `’`) or
//! as a Chinese code page (`鈥檚` for `’s`, `Nicol谩s` for `Nicolás`). Finding it, and
//! undoing it by re-encoding the damaged run and decoding it as UTF-8 again.
//!
//! A run is repaired only when the result is valid UTF-8 made of characters that such
//! damage produces (Latin letters, Latin punctuation): genuine Chinese text and genuine
//! accented text are left alone.
//!
//! Some damage cannot be undone: when the last byte of a quotation mark or dash was lost
//! on the way (a lone `鈥`, `鈥�`, or `â€` followed by a space), what the character was
//! is gone. Such remnants are found ([`Lost`]) so that the text can be copied again.

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

/// What is left of a quotation mark, dash or sign (U+2000 to U+2122) whose last UTF-8
/// byte was lost before the text was decoded as GBK: the first two bytes (E2 80 to
/// E2 84) make one Chinese character.
fn is_gbk_remnant(c: char) -> bool {
    matches!(c, '鈥' | '鈦' | '鈧' | '鈩')
}

/// A CJK ideograph: a remnant among them may be genuine Chinese text.
fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Whether `text` (already repaired where it could be) holds a remnant at char index
/// `i` of `chars`: a GBK remnant not among Chinese text, or `â€` (the first two bytes
/// of a quotation mark or dash read as Windows-1252) with its third byte missing.
fn remnant_at(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
    let after = chars.get(i + 1).copied();
    match chars[i] {
        c if is_gbk_remnant(c) => {
            after == Some('\u{fffd}')
                || !(before.is_some_and(is_ideograph) || after.is_some_and(is_ideograph))
        }
        '\u{e2}' => {
            after == Some('\u{20ac}')
                && !chars.get(i + 2).copied().is_some_and(is_windows_1252_upper)
        }
        _ => false,
    }
}

/// Whether `c` could be what is left of a character whose last byte was lost (the PDF
/// writer uses this to tell such damage from text in a script its fonts lack).
pub fn is_remnant_char(c: char) -> bool {
    is_gbk_remnant(c)
}

/// A word holding what is left of a character that cannot be recovered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lost {
    /// The damaged word as it stands.
    pub found: String,
    /// The first words of its paragraph, to find it by.
    pub paragraph: String,
}

/// The first few words of `paragraph`, to name it by.
fn beginning(paragraph: &str) -> String {
    const WORDS: usize = 6;
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    let mut text = words
        .iter()
        .take(WORDS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if words.len() > WORDS {
        text.push('…');
    }
    text
}

/// The words of `text` that hold damage no repair can undo, each with the beginning of
/// its paragraph (paragraphs are separated by blank lines).
pub fn find_lost(text: &str) -> Vec<Lost> {
    if text.is_ascii() {
        return Vec::new();
    }
    let repaired = repair(text);
    let text = repaired.as_deref().unwrap_or(text);
    let mut lost = Vec::new();
    for paragraph in text.split("\n\n") {
        for word in paragraph.split_whitespace() {
            let chars: Vec<char> = word.chars().collect();
            if (0..chars.len()).any(|i| remnant_at(&chars, i)) {
                lost.push(Lost {
                    found: word.to_string(),
                    paragraph: beginning(paragraph),
                });
            }
        }
    }
    lost
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
    /// Damage that can be undone.
    pub repairs: Vec<Repair>,
    /// Damage that cannot.
    pub lost: Vec<Lost>,
}

impl Finding {
    fn new(location: String, text: &str) -> Option<Finding> {
        let repairs = find(text);
        let lost = find_lost(text);
        (!repairs.is_empty() || !lost.is_empty()).then_some(Finding {
            location,
            repairs,
            lost,
        })
    }

    /// The warning text for this finding: what can be repaired, and what cannot.
    pub fn message(&self) -> String {
        let mut parts = Vec::new();
        if !self.repairs.is_empty() {
            parts.push(describe(&self.repairs));
        }
        if !self.lost.is_empty() {
            parts.push(self.describe_lost());
        }
        format!(
            "{}: text looks mis-decoded (mojibake): {}",
            self.location,
            parts.join("; ")
        )
    }

    /// What cannot be recovered, and which paragraphs to copy again.
    pub fn describe_lost(&self) -> String {
        let words = self
            .lost
            .iter()
            .map(|l| format!("\"{}\"", l.found))
            .collect::<Vec<_>>()
            .join(", ");
        let mut paragraphs: Vec<&str> = self.lost.iter().map(|l| l.paragraph.as_str()).collect();
        paragraphs.dedup();
        let paragraphs = paragraphs
            .iter()
            .map(|p| format!("\u{201c}{p}\u{201d}"))
            .collect::<Vec<_>>()
            .join(", ");
        format!(
            "{words} cannot be recovered: a quotation mark or dash lost its last byte before the text was decoded; copy the paragraph beginning {paragraphs} again from the original"
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
            if line.is_ascii() {
                return None;
            }
            Finding::new(format!("{path}:{}", n + 1), line)
        })
        .collect()
}

/// Mojibake in one value (a flag, a field, a cell), located by `location`, which is only
/// worked out when there is some.
pub fn scan_value(location: impl FnOnce() -> String, text: &str) -> Option<Finding> {
    if text.is_ascii() {
        return None;
    }
    let repairs = find(text);
    let lost = find_lost(text);
    (!repairs.is_empty() || !lost.is_empty()).then(|| Finding {
        location: location(),
        repairs,
        lost,
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
    fn finds_what_cannot_be_recovered() {
        let text = "El Gobierno鈥 respondió.\n\nVenezuela鈥檚 crisis 鈥\u{fffd} grave, it\u{e2}\u{20ac} ends";
        let lost = find_lost(text);
        let found: Vec<&str> = lost.iter().map(|l| l.found.as_str()).collect();
        assert_eq!(found, ["Gobierno鈥", "鈥\u{fffd}", "it\u{e2}\u{20ac}"]);
        assert_eq!(lost[0].paragraph, "El Gobierno鈥 respondió.");
        assert_eq!(
            lost[1].paragraph,
            "Venezuela’s crisis 鈥\u{fffd} grave, it\u{e2}\u{20ac} ends"
        );
        // Repairable damage and genuine Chinese text are not lost.
        assert!(find_lost("Venezuela鈥檚 itâ€™s").is_empty());
        assert!(find_lost("锄头和鈥都是农具").is_empty());
        let finding = scan_value(|| "--own-words".into(), text).unwrap();
        assert_eq!(finding.repairs.len(), 1);
        assert!(
            finding.message().contains("cannot be recovered"),
            "{}",
            finding.message()
        );
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
