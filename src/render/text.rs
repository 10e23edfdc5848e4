//! Plain-text letters: wrapped at a fixed width (72 columns by default), words never
//! split, nothing lost, list items with a hanging indent.

use textwrap::{Options, WordSplitter};

use crate::i18n;
use crate::letter::{Block, Inline, Letter};

/// The default line width.
pub const DEFAULT_WIDTH: usize = 72;
/// The narrowest width accepted.
pub const MIN_WIDTH: usize = 20;

/// Wraps `text` to `width` columns; the first line starts with `first`, the others with
/// `rest`. Words longer than a line stand alone on their line, unbroken. Tabs and carriage
/// returns count as spaces.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let text: &str = &if text.contains(['\t', '\r']) {
        std::borrow::Cow::Owned(text.replace(['\t', '\r'], " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let options = Options::new(width)
        .break_words(false)
        .word_splitter(WordSplitter::NoHyphenation)
        .initial_indent(first)
        .subsequent_indent(rest);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|line| line.trim_end().to_string())
        .collect()
}

/// The plain text of inlines, with footnote markers as `[n]`, split at forced breaks.
fn inline_lines(content: &[Inline]) -> Vec<String> {
    let mut lines = vec![String::new()];
    for inline in content {
        match inline {
            Inline::Text { text, .. } => {
                if let Some(last) = lines.last_mut() {
                    last.push_str(text);
                }
            }
            Inline::FootnoteRef { number } => {
                if let Some(last) = lines.last_mut() {
                    last.push_str(&format!("[{number}]"));
                }
            }
            Inline::LineBreak => lines.push(String::new()),
        }
    }
    lines
}

/// Wraps inlines with a first-line prefix and a continuation indent.
fn wrap_inlines(content: &[Inline], width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, line) in inline_lines(content).iter().enumerate() {
        let lead = if i == 0 { first } else { rest };
        out.extend(wrap(line, width, lead, rest));
    }
    out
}

/// Renders blocks; `first` prefixes the very first line, `rest` indents the others.
fn render_blocks(blocks: &[Block], width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.push(String::new());
        }
        let lead = if i == 0 { first } else { rest };
        match block {
            Block::Paragraph { content } | Block::Heading { content, .. } => {
                out.extend(wrap_inlines(content, width, lead, rest));
            }
            Block::OrderedList { start, items } => {
                let last = start + items.len().saturating_sub(1) as u64;
                let marker_width = last.to_string().len() + 2;
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.push(String::new());
                    }
                    let marker = format!("{}.", start + n as u64);
                    let item_first = format!(
                        "{}{marker:<marker_width$}",
                        if n == 0 { lead } else { rest }
                    );
                    let item_rest = format!("{rest}{}", " ".repeat(marker_width));
                    out.extend(render_blocks(item, width, &item_first, &item_rest));
                }
            }
            Block::BulletList { items } => {
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.push(String::new());
                    }
                    let item_first = format!("{}- ", if n == 0 { lead } else { rest });
                    let item_rest = format!("{rest}  ");
                    out.extend(render_blocks(item, width, &item_first, &item_rest));
                }
            }
        }
    }
    out
}

/// Renders the whole letter as text.
pub fn render(letter: &Letter, width: usize) -> String {
    let width = width.max(MIN_WIDTH);
    let lang = letter.language;
    let mut out: Vec<String> = Vec::new();
    let section = |out: &mut Vec<String>, lines: Vec<String>| {
        if lines.is_empty() {
            return;
        }
        if !out.is_empty() {
            out.push(String::new());
        }
        out.extend(lines);
    };
    let fit = |lines: &[String]| -> Vec<String> {
        lines
            .iter()
            .flat_map(|l| wrap(l, width, "", "  "))
            .collect()
    };

    if !letter.letterhead.is_empty() {
        let mut head = vec![letter.letterhead.name.clone()];
        head.extend(letter.letterhead.lines.iter().cloned());
        head.retain(|l| !l.is_empty());
        section(&mut out, fit(&head));
    }
    section(&mut out, fit(std::slice::from_ref(&letter.date_text)));
    section(&mut out, fit(&letter.recipient.lines));
    let label = i18n::subject_label(lang);
    let hang = " ".repeat(label.chars().count() + 1);
    section(
        &mut out,
        wrap(&format!("{label} {}", letter.subject), width, "", &hang),
    );
    section(&mut out, fit(std::slice::from_ref(&letter.salutation)));
    section(&mut out, render_blocks(&letter.body, width, "", ""));
    section(&mut out, fit(std::slice::from_ref(&letter.closing)));
    let signature: Vec<String> = [
        &letter.signature.name,
        &letter.signature.title,
        &letter.signature.organization,
    ]
    .into_iter()
    .filter(|l| !l.is_empty())
    .cloned()
    .collect();
    section(&mut out, fit(&signature));
    if !letter.cosigners.is_empty() {
        let mut lines = vec![i18n::cosigners_heading(lang).to_string()];
        for cosigner in &letter.cosigners {
            lines.extend(wrap(cosigner, width, "  ", "    "));
        }
        section(&mut out, lines);
    }
    if !letter.enclosures.is_empty() {
        let text = format!(
            "{} {}",
            i18n::enclosures_label(lang),
            letter.enclosures.join("; ")
        );
        section(&mut out, wrap(&text, width, "", "  "));
    }
    if !letter.cc.is_empty() {
        let text = format!("{} {}", i18n::cc_label(lang), letter.cc.join("; "));
        section(&mut out, wrap(&text, width, "", "  "));
    }
    if !letter.footnotes.is_empty() {
        let mut lines = vec!["_".repeat(20.min(width))];
        for note in &letter.footnotes {
            let marker = format!("[{}] ", note.number);
            let hang = " ".repeat(marker.len());
            lines.extend(wrap_inlines(&note.content, width, &marker, &hang));
        }
        section(&mut out, lines);
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_without_splitting_or_losing_words() {
        let text = "Le instamos respetuosamente a garantizar el debido proceso de todas las personas detenidas.";
        let lines = wrap(text, 30, "", "");
        assert!(lines.iter().all(|l| l.chars().count() <= 30), "{lines:?}");
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn overlong_word_stands_alone() {
        let lines = wrap(
            "a https://example.org/a/very/long/path/that/cannot/break b",
            20,
            "",
            "",
        );
        assert_eq!(
            lines,
            vec![
                "a",
                "https://example.org/a/very/long/path/that/cannot/break",
                "b"
            ]
        );
    }

    #[test]
    fn hyphenated_words_stay_whole() {
        let lines = wrap("aaaa precinct-level", 12, "", "");
        assert_eq!(lines, vec!["aaaa", "precinct-level"]);
    }

    #[test]
    fn list_items_hang() {
        let blocks = vec![Block::OrderedList {
            start: 1,
            items: vec![vec![Block::Paragraph {
                content: vec![Inline::plain(
                    "release everyone detained for exercising their rights",
                )],
            }]],
        }];
        let lines = render_blocks(&blocks, 30, "", "");
        assert_eq!(lines[0], "1. release everyone detained");
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.starts_with("   ") && !l.starts_with("    ")),
            "{lines:?}"
        );
    }
}
