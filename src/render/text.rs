//! Plain-text letters: wrapped at a fixed width (72 columns by default), words never
//! split, nothing lost, list items with a hanging indent.

use std::fmt::Write as _;

use super::wrap::wrap_with;
use crate::letter::{Block, Inline, Letter};
use crate::model::locale;

/// The default line width.
pub const DEFAULT_WIDTH: usize = 72;
/// The narrowest width accepted.
pub const MIN_WIDTH: usize = 20;

/// Wraps `text` to `width` columns; the first line starts with `first`, the others with
/// `rest`. Words longer than a line stand alone on their line, unbroken. Tabs and carriage
/// returns count as spaces.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    wrap_with(text, width, first, rest, |indent, content| {
        lines.push(format!("{indent}{content}"));
    });
    lines
}

/// The letter's lines as they are laid out, joined in one buffer.
struct Lines {
    text: String,
    count: usize,
}

impl Lines {
    fn push(&mut self, indent: &str, content: &str) {
        if self.count > 0 {
            self.text.push('\n');
        }
        self.text.push_str(indent);
        self.text.push_str(content);
        self.count += 1;
    }

    fn blank(&mut self) {
        self.push("", "");
    }

    fn wrap(&mut self, text: &str, width: usize, first: &str, rest: &str) {
        wrap_with(text, width, first, rest, |indent, content| {
            self.push(indent, content);
        });
    }

    /// Each line wrapped on its own, continued with a two-space indent.
    fn fit<'a>(&mut self, lines: impl IntoIterator<Item = &'a String>, width: usize) {
        for line in lines {
            self.wrap(line, width, "", "  ");
        }
    }

    /// Adds a section, after a blank line unless it is the first; a section that
    /// writes no line adds nothing.
    fn section(&mut self, write: impl FnOnce(&mut Lines)) {
        let (len, count) = (self.text.len(), self.count);
        if self.count > 0 {
            self.blank();
        }
        let before = self.count;
        write(self);
        if self.count == before {
            self.text.truncate(len);
            self.count = count;
        }
    }
}

/// Wraps inlines (footnote markers as `[n]`, a new line at each forced break) with a
/// first-line prefix and a continuation indent.
fn wrap_inlines(out: &mut Lines, content: &[Inline], width: usize, first: &str, rest: &str) {
    if let [Inline::Text { text, .. }] = content {
        out.wrap(text, width, first, rest);
        return;
    }
    let mut line = String::new();
    let mut lead = first;
    for inline in content {
        match inline {
            Inline::Text { text, .. } => line.push_str(text),
            Inline::FootnoteRef { number } => {
                let _ = write!(line, "[{number}]");
            }
            Inline::LineBreak => {
                out.wrap(&line, width, lead, rest);
                line.clear();
                lead = rest;
            }
        }
    }
    out.wrap(&line, width, lead, rest);
}

/// Renders blocks; `first` prefixes the very first line, `rest` indents the others.
fn render_blocks(out: &mut Lines, blocks: &[Block], width: usize, first: &str, rest: &str) {
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.blank();
        }
        let lead = if i == 0 { first } else { rest };
        match block {
            Block::Paragraph { content, .. } | Block::Heading { content, .. } => {
                wrap_inlines(out, content, width, lead, rest);
            }
            Block::OrderedList { start, items } => {
                let last = start + items.len().saturating_sub(1) as u64;
                let marker_width = last.to_string().len() + 2;
                let item_rest = format!("{rest}{}", " ".repeat(marker_width));
                let mut item_first = String::new();
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.blank();
                    }
                    let marker = format!("{}.", start + n as u64);
                    item_first.clear();
                    let _ = write!(
                        item_first,
                        "{}{marker:<marker_width$}",
                        if n == 0 { lead } else { rest }
                    );
                    render_blocks(out, item, width, &item_first, &item_rest);
                }
            }
            Block::BulletList { items } => {
                let item_rest = format!("{rest}  ");
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.blank();
                    }
                    let item_first = format!("{}- ", if n == 0 { lead } else { rest });
                    render_blocks(out, item, width, &item_first, &item_rest);
                }
            }
        }
    }
}

/// Renders the whole letter as text.
pub fn render(letter: &Letter, width: usize) -> String {
    let width = width.max(MIN_WIDTH);
    let lang = letter.language;
    let mut out = Lines {
        text: String::with_capacity(4096),
        count: 0,
    };

    if !letter.letterhead.is_empty() {
        let head = &letter.letterhead;
        out.section(|out| {
            let name = std::iter::once(head.name.as_str()).filter(|n| !n.is_empty());
            let lines: Vec<String> = name
                .chain(head.contact_lines())
                .map(str::to_string)
                .collect();
            out.fit(&lines, width);
        });
    }
    out.section(|out| out.fit([&letter.date_text], width));
    let recipient: Vec<String> = letter
        .recipient
        .lines()
        .into_iter()
        .map(str::to_string)
        .collect();
    out.section(|out| out.fit(&recipient, width));
    let label = locale::subject_label(lang);
    let hang = " ".repeat(label.chars().count() + 1);
    out.section(|out| {
        out.wrap(&format!("{label} {}", letter.subject), width, "", &hang);
    });
    out.section(|out| out.fit([&letter.salutation], width));
    out.section(|out| render_blocks(out, &letter.body, width, "", ""));
    // A closing is a sentence in some languages: wrapped as a paragraph.
    out.section(|out| out.wrap(&letter.closing, width, "", ""));
    let signature = &letter.signature;
    out.section(|out| {
        let lines = [&signature.name, &signature.title, &signature.organization];
        out.fit(lines.into_iter().filter(|l| !l.is_empty()), width);
    });
    if !letter.cosigners.is_empty() {
        out.section(|out| {
            out.push("", locale::cosigners_heading(lang));
            let organizations = letter.cosigners.iter().filter(|c| c.organization);
            let kinds = organizations.count();
            if kinds == 0 || kinds == letter.cosigners.len() {
                for cosigner in &letter.cosigners {
                    out.wrap(&cosigner.line, width, "  ", "    ");
                }
                return;
            }
            // Organizations and individuals apart, each under its heading.
            for (organization, label) in [
                (true, locale::cosigning_organizations(lang)),
                (false, locale::cosigning_individuals(lang)),
            ] {
                out.push("  ", label);
                for cosigner in letter
                    .cosigners
                    .iter()
                    .filter(|c| c.organization == organization)
                {
                    out.wrap(&cosigner.line, width, "    ", "      ");
                }
            }
        });
    }
    if !letter.enclosures.is_empty() {
        let text = format!(
            "{} {}",
            locale::enclosures_label(lang),
            letter.enclosures.join("; ")
        );
        out.section(|out| out.wrap(&text, width, "", "  "));
    }
    if !letter.cc.is_empty() {
        let text = format!("{} {}", locale::cc_label(lang), letter.cc.join("; "));
        out.section(|out| out.wrap(&text, width, "", "  "));
    }
    if !letter.footnotes.is_empty() {
        out.section(|out| {
            out.push("", &"_".repeat(20.min(width)));
            for note in &letter.footnotes {
                let marker = format!("[{}] ", note.number);
                let hang = " ".repeat(marker.len());
                wrap_inlines(out, &note.content, width, &marker, &hang);
            }
        });
    }
    let mut text = out.text;
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
                lang: None,
                content: vec![Inline::plain(
                    "release everyone detained for exercising their rights",
                )],
            }]],
        }];
        let mut out = Lines {
            text: String::new(),
            count: 0,
        };
        render_blocks(&mut out, &blocks, 30, "", "");
        let lines: Vec<&str> = out.text.lines().collect();
        assert_eq!(lines[0], "1. release everyone detained");
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.starts_with("   ") && !l.starts_with("    ")),
            "{lines:?}"
        );
    }
}
