//! Line breaking from the fonts' kerned widths: runs of styled text become lines no
//! wider than a column, broken at spaces (ragged right); a word wider than the column is
//! split between characters rather than run off the page. Straight quotes are curled as
//! the text is read (see `quotes`). Characters no face can draw are collected so the
//! letter can be refused with their names.

use super::quotes;
use super::tag::Tag;
use crate::model::Language;
use crate::render::pdf::fonts::{self, Fonts, Style};

/// A piece of text in one face and size. `rise` raises it (superscript footnote markers).
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub style: Style,
    pub size: f32,
    pub rise: f32,
    /// The footnote this run marks.
    pub footnote: Option<usize>,
    /// Set as written: no quotes curled (an email or web address).
    pub verbatim: bool,
    /// The language of the text, when it is not its block's.
    pub lang: Option<Language>,
}

impl Run {
    pub fn new(text: impl Into<String>, style: Style, size: f32) -> Run {
        Run {
            text: text.into(),
            style,
            size,
            rise: 0.0,
            footnote: None,
            verbatim: false,
            lang: None,
        }
    }

    /// A run set exactly as written.
    pub fn verbatim(text: impl Into<String>, style: Style, size: f32) -> Run {
        Run {
            verbatim: true,
            ..Run::new(text, style, size)
        }
    }

    fn same_look(&self, other: &Run) -> bool {
        self.style == other.style && self.size == other.size && self.rise == other.rise
    }
}

/// Input to line breaking.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(Run),
    /// A forced line break.
    Break,
}

/// A run placed on a line, `x` from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub x: f32,
    pub run: Run,
}

/// One line of text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    pub runs: Vec<Placed>,
    pub width: f32,
    /// Footnotes marked on this line.
    pub footnotes: Vec<usize>,
    /// What the line is to a reader.
    pub tag: Tag,
}

impl Line {
    fn push(&mut self, run: Run, width: f32) {
        if let Some(n) = run.footnote {
            self.footnotes.push(n);
        }
        match self.runs.last_mut() {
            Some(last)
                if last.run.same_look(&run)
                    && run.footnote.is_none()
                    && last.run.lang == run.lang =>
            {
                last.run.text.push_str(&run.text);
            }
            _ => self.runs.push(Placed { x: self.width, run }),
        }
        self.width += width;
    }

    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// The text of the line.
    #[cfg(test)]
    pub fn text(&self) -> String {
        self.runs.iter().map(|p| p.run.text.as_str()).collect()
    }
}

/// A word: runs with no space between them, and the space that came before it.
struct Word {
    runs: Vec<Run>,
    width: f32,
    space_before: Option<Run>,
    break_before: bool,
}

/// Reads pieces character by character into words (their widths still 0).
#[derive(Default)]
struct WordReader {
    words: Vec<Word>,
    /// The runs of the word being read.
    current: Vec<Run>,
    /// The last space read, for the word after it.
    space: Option<Run>,
    /// Whether a forced break was read since the last word.
    break_next: bool,
    /// The space and break before the word being read.
    start_space: Option<Run>,
    start_break: bool,
}

impl WordReader {
    /// Ends the word being read, if any.
    fn end_word(&mut self) {
        if self.current.is_empty() {
            return;
        }
        self.words.push(Word {
            runs: std::mem::take(&mut self.current),
            width: 0.0,
            space_before: self.start_space.take(),
            break_before: std::mem::take(&mut self.start_break),
        });
    }

    /// A forced line break: the next word starts a line.
    fn forced_break(&mut self) {
        self.end_word();
        self.space = None;
        self.break_next = true;
    }

    /// A space in `run`'s look, between two words.
    fn space(&mut self, run: &Run) {
        self.end_word();
        self.space = Some(Run {
            text: " ".to_string(),
            footnote: None,
            verbatim: false,
            ..run.clone()
        });
    }

    /// Character `c` of `run`, added to the word being read (a new run of it when
    /// the look or footnote changes).
    fn push(&mut self, c: char, run: &Run) {
        if self.current.is_empty() {
            self.start_space = self.space.take();
            self.start_break = std::mem::take(&mut self.break_next);
        }
        match self.current.last_mut() {
            Some(last)
                if last.same_look(run)
                    && last.footnote == run.footnote
                    && last.lang == run.lang =>
            {
                last.text.push(c);
            }
            _ => self.current.push(Run {
                text: c.to_string(),
                ..run.clone()
            }),
        }
    }
}

/// Whether a character is dropped before drawing (invisible format characters).
fn ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}'
    ) || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// The words of `paragraph` around the first `c` (about 30 characters either side), with
/// "…" where it was cut: enough to find the place to copy again.
fn around(paragraph: &str, c: char) -> Option<String> {
    let chars: Vec<char> = paragraph.chars().collect();
    let at = chars.iter().position(|&x| x == c)?;
    let mut start = at.saturating_sub(30);
    while start > 0 && !chars[start - 1].is_whitespace() {
        start -= 1;
    }
    let mut end = (at + 31).min(chars.len());
    while end < chars.len() && !chars[end].is_whitespace() {
        end += 1;
    }
    let text: String = chars[start..end].iter().collect();
    let mut quoted = String::new();
    if start > 0 {
        quoted.push('…');
    }
    quoted.push_str(
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str(),
    );
    if end < chars.len() {
        quoted.push('…');
    }
    Some(quoted)
}

/// Measures and breaks text; remembers characters that no face can draw.
pub struct Typesetter<'a> {
    fonts: &'a Fonts,
    missing: Vec<char>,
    context: Option<String>,
    /// The text of the lines being broken, to quote around a character no face draws.
    paragraph: String,
}

impl<'a> Typesetter<'a> {
    pub fn new(fonts: &'a Fonts) -> Typesetter<'a> {
        Typesetter {
            fonts,
            missing: Vec::new(),
            context: None,
            paragraph: String::new(),
        }
    }

    /// Cleans text for drawing: invisible characters dropped, white space made spaces.
    pub fn clean(text: &str) -> String {
        text.chars()
            .filter(|c| !ignorable(*c))
            .map(|c| {
                if matches!(c, '\t' | '\n' | '\r') {
                    ' '
                } else {
                    c
                }
            })
            .collect()
    }

    /// The width of `text` in `style` at `size` points, kerned.
    pub fn width(&mut self, text: &str, style: Style, size: f32) -> f32 {
        let missing = &mut self.missing;
        let mut first = None;
        let width = fonts::width(self.fonts, style, size, text, &mut |c| {
            first.get_or_insert(c);
            if !missing.contains(&c) {
                missing.push(c);
            }
        });
        if let (Some(c), None) = (first, &self.context) {
            self.context = Some(
                around(&self.paragraph, c)
                    .unwrap_or_else(|| text.trim().chars().take(60).collect()),
            );
        }
        width
    }

    /// `text` set on one line in `style` at `size`, however wide; quotes curled unless
    /// `verbatim`.
    pub fn one_line(&mut self, text: &str, style: Style, size: f32, verbatim: bool) -> Line {
        let run = if verbatim {
            Run::verbatim(text, style, size)
        } else {
            Run::new(text, style, size)
        };
        self.break_lines(&[Piece::Text(run)], f32::INFINITY)
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    fn run_width(&mut self, run: &Run) -> f32 {
        self.width(&run.text, run.style, run.size)
    }

    /// The characters no face can draw, and the first text they were found in.
    pub fn missing(&self) -> Option<(String, String)> {
        if self.missing.is_empty() {
            return None;
        }
        let chars = self
            .missing
            .iter()
            .map(|c| format!("“{c}” (U+{:04X})", u32::from(*c)))
            .collect::<Vec<_>>()
            .join(", ");
        Some((chars, self.context.clone().unwrap_or_default()))
    }

    /// `pieces` as words, each with its width; straight quotes curled by what comes
    /// before them, across pieces.
    fn words(&mut self, pieces: &[Piece]) -> Vec<Word> {
        let mut reader = WordReader::default();
        let mut previous: Option<char> = None;
        for piece in pieces {
            match piece {
                Piece::Break => {
                    reader.forced_break();
                    previous = None;
                }
                Piece::Text(run) => {
                    let chars: Vec<char> = Typesetter::clean(&run.text).chars().collect();
                    for (i, &c) in chars.iter().enumerate() {
                        let c = if run.verbatim {
                            c
                        } else {
                            quotes::curl(c, previous, &mut chars[i + 1..].iter().copied())
                        };
                        if c == ' ' {
                            reader.space(run);
                        } else {
                            reader.push(c, run);
                        }
                        previous = Some(c);
                    }
                }
            }
        }
        reader.end_word();
        let mut words = reader.words;
        for word in &mut words {
            word.width = word.runs.iter().map(|r| self.run_width(r)).sum();
        }
        words
    }

    /// Breaks `pieces` into lines at most `max` points wide.
    pub fn break_lines(&mut self, pieces: &[Piece], max: f32) -> Vec<Line> {
        self.paragraph = pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text(run) => run.text.as_str(),
                Piece::Break => " ",
            })
            .collect();
        let words = self.words(pieces);
        let mut lines = Vec::new();
        let mut line = Line::default();
        for word in words {
            if word.break_before && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let space = match (&word.space_before, line.is_empty()) {
                (Some(space), false) => self.run_width(space),
                _ => 0.0,
            };
            if !line.is_empty() && line.width + space + word.width > max {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                if let Some(space_run) = word.space_before.clone() {
                    line.push(space_run, space);
                }
            }
            if line.is_empty() && word.width > max {
                self.split_word(word.runs, max, &mut line, &mut lines);
                continue;
            }
            for run in word.runs {
                let width = self.run_width(&run);
                line.push(run, width);
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// Sets a word too wide for any line character by character across lines.
    fn split_word(&mut self, runs: Vec<Run>, max: f32, line: &mut Line, lines: &mut Vec<Line>) {
        for run in runs {
            for c in run.text.chars() {
                let piece = Run {
                    text: c.to_string(),
                    ..run.clone()
                };
                let width = self.run_width(&piece);
                if !line.is_empty() && line.width + width > max {
                    lines.push(std::mem::take(line));
                }
                line.push(piece, width);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Piece {
        Piece::Text(Run::new(s, Style::Regular, 11.0))
    }

    #[test]
    fn lines_fit_and_keep_every_word() {
        let fonts = Fonts::bundled().unwrap();
        let mut t = Typesetter::new(&fonts);
        let source = "Le instamos respetuosamente a garantizar el debido proceso de todas las personas detenidas, ¿verdad?";
        let lines = t.break_lines(&[text(source)], 150.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.width <= 150.0));
        let joined: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(joined.join(" "), source);
        assert!(t.missing().is_none());
    }

    #[test]
    fn styles_glue_into_one_word_and_spaces_survive() {
        let fonts = Fonts::bundled().unwrap();
        let mut t = Typesetter::new(&fonts);
        let lines = t.break_lines(
            &[
                text("free "),
                Piece::Text(Run::new("all", Style::Bold, 11.0)),
                text(", now"),
                Piece::Break,
                text("next"),
            ],
            500.0,
        );
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text(), "free all, now");
        assert_eq!(lines[0].runs.len(), 3);
        assert_eq!(lines[1].text(), "next");
    }

    #[test]
    fn overlong_words_are_split_not_lost() {
        let fonts = Fonts::bundled().unwrap();
        let mut t = Typesetter::new(&fonts);
        let url = "https://example.org/a/very/long/path/that/cannot/break/anywhere/at/all";
        let lines = t.break_lines(&[text(url)], 100.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width <= 100.0));
        let joined: String = lines.iter().map(Line::text).collect();
        assert_eq!(joined, url);
    }

    #[test]
    fn missing_characters_are_named() {
        let fonts = Fonts::bundled().unwrap();
        let mut t = Typesetter::new(&fonts);
        t.break_lines(&[text("Firma: 李明")], 300.0);
        let (chars, context) = t.missing().unwrap();
        assert!(
            chars.contains("U+674E") && chars.contains("U+660E"),
            "{chars}"
        );
        assert!(context.contains("李明"));
    }

    #[test]
    fn a_character_no_face_draws_is_quoted_with_its_neighbours() {
        let fonts = Fonts::bundled().unwrap();
        let mut t = Typesetter::new(&fonts);
        let paragraph = "A long opening that says nothing in particular, then the situation is grave \u{9225} and must end before anything else happens to anyone at all.";
        t.break_lines(&[text(paragraph)], 300.0);
        let (chars, context) = t.missing().unwrap();
        assert!(chars.contains("U+9225"), "{chars}");
        assert!(
            context.starts_with('…') && context.ends_with('…'),
            "{context}"
        );
        assert!(
            context.contains("the situation is grave \u{9225} and must end"),
            "{context}"
        );
    }
}
