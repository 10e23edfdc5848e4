//! The Markdown subset of template bodies (paragraphs, ordered and bullet lists,
//! emphasis, footnotes) parsed with `pulldown-cmark` into the Letter's blocks. A
//! footnote may cite one of the campaign's sources by its id alone (`[^id]`, never
//! defined in the body): its text is then the source's citation.

use std::collections::BTreeMap;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::letter::{Block, Footnote, Inline};

/// A container being filled while parsing.
enum Container {
    /// The document body or a list item.
    Blocks(Vec<Block>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Footnote {
        label: String,
        blocks: Vec<Block>,
    },
}

/// The parsed body: blocks, and footnotes numbered in order of first reference.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
}

/// What can be wrong with a body's Markdown.
#[derive(Debug, PartialEq, Eq)]
pub enum MarkdownError {
    UndefinedFootnote(String),
    UnusedFootnote(String),
}

impl std::fmt::Display for MarkdownError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MarkdownError::UndefinedFootnote(label) => write!(
                f,
                "footnote [^{label}] is referenced but never defined: add a line `[^{label}]: source` at the end"
            ),
            MarkdownError::UnusedFootnote(label) => write!(
                f,
                "footnote [^{label}] is defined but never referenced: mark it in the text with [^{label}] or remove it"
            ),
        }
    }
}

struct Builder {
    stack: Vec<Container>,
    inlines: Vec<Inline>,
    bold: usize,
    italic: usize,
    links: Vec<String>,
    heading: Option<u8>,
    numbers: BTreeMap<String, usize>,
    definitions: BTreeMap<String, Vec<Block>>,
}

impl Builder {
    fn push_text(&mut self, text: &str) {
        // A tab in running text is a space: letters have no tab stops.
        let text: &str = &if text.contains('\t') {
            std::borrow::Cow::Owned(text.replace('\t', " "))
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        let (bold, italic) = (self.bold > 0, self.italic > 0);
        if let Some(Inline::Text {
            text: last,
            bold: b,
            italic: i,
            lang: None,
        }) = self.inlines.last_mut()
        {
            if *b == bold && *i == italic {
                last.push_str(text);
                return;
            }
        }
        self.inlines.push(Inline::Text {
            text: text.to_string(),
            bold,
            italic,
            lang: None,
        });
    }

    /// The block list new blocks go to: the innermost container's.
    fn blocks_mut(&mut self) -> Option<&mut Vec<Block>> {
        match self.stack.last_mut()? {
            Container::Blocks(blocks) | Container::Footnote { blocks, .. } => Some(blocks),
            Container::List { items, .. } => {
                if items.is_empty() {
                    items.push(Vec::new());
                }
                items.last_mut()
            }
        }
    }

    fn push_block(&mut self, block: Block) {
        if let Some(blocks) = self.blocks_mut() {
            blocks.push(block);
        }
    }

    /// Ends the paragraph being gathered, if any.
    fn flush(&mut self) {
        let content = trim_inlines(std::mem::take(&mut self.inlines));
        if content.is_empty() {
            return;
        }
        let block = match self.heading.take() {
            Some(level) => Block::Heading { level, content },
            None => Block::Paragraph {
                content,
                lang: None,
            },
        };
        self.push_block(block);
    }
}

/// Trims white space at both ends of a paragraph and drops empty runs.
fn trim_inlines(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text { text, .. }) = inlines.first_mut() {
        *text = text.trim_start().to_string();
    }
    if let Some(Inline::Text { text, .. }) = inlines.last_mut() {
        *text = text.trim_end().to_string();
    }
    while matches!(inlines.last(), Some(Inline::LineBreak)) {
        inlines.pop();
    }
    inlines.retain(|i| !matches!(i, Inline::Text { text, .. } if text.is_empty()));
    inlines
}

/// Footnote content as one run of inlines (paragraphs joined by a space).
fn footnote_inlines(blocks: Vec<Block>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for block in blocks {
        let content = match block {
            Block::Paragraph { content, .. } | Block::Heading { content, .. } => content,
            Block::OrderedList { items, .. } | Block::BulletList { items } => {
                items.into_iter().flat_map(footnote_inlines).collect()
            }
        };
        if !out.is_empty() {
            out.push(Inline::plain(" "));
        }
        out.extend(content);
    }
    out
}

/// Parses a rendered body.
pub fn parse(markdown: &str) -> Result<Parsed, MarkdownError> {
    parse_citing(markdown, &|_| None)
}

/// Parses a rendered body in which a footnote may cite a source by its id alone
/// (`[^id]` with no definition): `cite` gives the citation of an id, if it names a
/// source, as the footnote's content.
pub fn parse_citing(
    markdown: &str,
    cite: &dyn Fn(&str) -> Option<Vec<Inline>>,
) -> Result<Parsed, MarkdownError> {
    let mut b = Builder {
        stack: vec![Container::Blocks(Vec::new())],
        inlines: Vec::new(),
        bold: 0,
        italic: 0,
        links: Vec::new(),
        heading: None,
        numbers: BTreeMap::new(),
        definitions: BTreeMap::new(),
    };
    let options = Options::ENABLE_OLD_FOOTNOTES;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::HtmlBlock => {
                    b.flush()
                }
                Tag::Heading { level, .. } => {
                    b.flush();
                    b.heading = Some(level as u8);
                }
                Tag::List(start) => {
                    b.flush();
                    b.stack.push(Container::List {
                        start,
                        items: Vec::new(),
                    });
                }
                Tag::Item => {
                    b.flush();
                    if let Some(Container::List { items, .. }) = b.stack.last_mut() {
                        items.push(Vec::new());
                    }
                }
                Tag::FootnoteDefinition(label) => {
                    b.flush();
                    b.stack.push(Container::Footnote {
                        label: label.to_string(),
                        blocks: Vec::new(),
                    });
                }
                Tag::Emphasis => b.italic += 1,
                Tag::Strong => b.bold += 1,
                Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                    b.links.push(dest_url.to_string())
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::HtmlBlock
                | TagEnd::Item => b.flush(),
                TagEnd::List(_) => {
                    b.flush();
                    if let Some(Container::List { start, items }) = b.stack.pop() {
                        let block = match start {
                            Some(start) => Block::OrderedList { start, items },
                            None => Block::BulletList { items },
                        };
                        b.push_block(block);
                    }
                }
                TagEnd::FootnoteDefinition => {
                    b.flush();
                    if let Some(Container::Footnote { label, blocks }) = b.stack.pop() {
                        b.definitions.insert(label, blocks);
                    }
                }
                TagEnd::Emphasis => b.italic = b.italic.saturating_sub(1),
                TagEnd::Strong => b.bold = b.bold.saturating_sub(1),
                TagEnd::Link | TagEnd::Image => {
                    if let Some(url) = b.links.pop() {
                        let shown = b.inlines.iter().any(|i| matches!(i, Inline::Text { text, .. } if text.ends_with(url.as_str())));
                        if !url.is_empty() && !shown {
                            b.push_text(&format!(" ({url})"));
                        }
                    }
                }
                _ => {}
            },
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                b.push_text(&text)
            }
            Event::SoftBreak => b.push_text(" "),
            Event::HardBreak => b.inlines.push(Inline::LineBreak),
            Event::FootnoteReference(label) => {
                let next = b.numbers.len() + 1;
                let number = *b.numbers.entry(label.to_string()).or_insert(next);
                b.inlines.push(Inline::FootnoteRef { number });
            }
            _ => {}
        }
    }
    b.flush();
    let blocks = match b.stack.into_iter().next() {
        Some(Container::Blocks(blocks)) => blocks,
        _ => Vec::new(),
    };
    let mut footnotes = Vec::new();
    let mut numbered: Vec<(String, usize)> = b.numbers.into_iter().collect();
    numbered.sort_by_key(|(_, n)| *n);
    for (label, number) in numbered {
        let content = match b.definitions.remove(&label) {
            Some(blocks) => footnote_inlines(blocks),
            None => match cite(&label) {
                Some(citation) => citation,
                None => return Err(MarkdownError::UndefinedFootnote(label)),
            },
        };
        footnotes.push(Footnote { number, content });
    }
    if let Some(label) = b.definitions.into_keys().next() {
        return Err(MarkdownError::UnusedFootnote(label));
    }
    Ok(Parsed { blocks, footnotes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Inline {
        Inline::plain(t)
    }

    #[test]
    fn paragraphs_lists_and_emphasis() {
        let parsed = parse("Hello *there*\nfriend.\n\n1. one\n2. two\n\n- x\n").unwrap();
        assert_eq!(
            parsed.blocks,
            vec![
                Block::Paragraph {
                    lang: None,
                    content: vec![
                        text("Hello "),
                        Inline::Text {
                            text: "there".into(),
                            bold: false,
                            italic: true,
                            lang: None,
                        },
                        text(" friend."),
                    ]
                },
                Block::OrderedList {
                    start: 1,
                    items: vec![
                        vec![Block::Paragraph {
                            lang: None,
                            content: vec![text("one")]
                        }],
                        vec![Block::Paragraph {
                            lang: None,
                            content: vec![text("two")]
                        }],
                    ]
                },
                Block::BulletList {
                    items: vec![vec![Block::Paragraph {
                        lang: None,
                        content: vec![text("x")]
                    }]]
                },
            ]
        );
    }

    #[test]
    fn footnotes_are_numbered_by_first_reference() {
        let parsed = parse("A.[^b] B.[^a] C.[^b]\n\n[^a]: Second.\n[^b]: First.\n").unwrap();
        assert_eq!(
            parsed.footnotes,
            vec![
                Footnote {
                    number: 1,
                    content: vec![text("First.")]
                },
                Footnote {
                    number: 2,
                    content: vec![text("Second.")]
                },
            ]
        );
        assert!(matches!(
            parsed.blocks[0],
            Block::Paragraph { ref content, .. } if content[1] == Inline::FootnoteRef { number: 1 }
        ));
    }

    #[test]
    fn footnote_errors() {
        assert_eq!(
            parse("A.[^x]\n\n[^y]: note\n"),
            Err(MarkdownError::UndefinedFootnote("x".into()))
        );
        assert_eq!(
            parse("A.\n\n[^y]: note\n"),
            Err(MarkdownError::UnusedFootnote("y".into()))
        );
    }

    #[test]
    fn a_footnote_may_cite_a_source_by_id() {
        let cite =
            |id: &str| (id == "tv-2024").then(|| vec![text("Transparencia Venezuela, 2024.")]);
        let parsed = parse_citing(
            "A claim.[^tv-2024] Another.[^n]\n\n[^n]: Own note.\n",
            &cite,
        )
        .unwrap();
        assert_eq!(
            parsed.footnotes,
            vec![
                Footnote {
                    number: 1,
                    content: vec![text("Transparencia Venezuela, 2024.")]
                },
                Footnote {
                    number: 2,
                    content: vec![text("Own note.")]
                },
            ]
        );
        assert_eq!(
            parse_citing("A.[^other]\n", &cite),
            Err(MarkdownError::UndefinedFootnote("other".into()))
        );
    }

    #[test]
    fn escaped_text_comes_out_as_written() {
        let name = "Ana *\"La Flaca\"* O'Brien & Hijos <ana@x.org> [^1] 1. _x_";
        let parsed = parse(&super::super::escape::markdown_escape(name)).unwrap();
        assert_eq!(
            parsed.blocks,
            vec![Block::Paragraph {
                lang: None,
                content: vec![text(name)]
            }]
        );
    }
}
