//! The structure tree (tagged PDF, PDF/UA-1): what a screen reader reads, in reading
//! order. The content streams mark each line of text, its list marker apart, and the
//! signature image with a marked-content id (MCID); [`tree`] groups them by the tags
//! the layout gave the lines into a letter's elements: paragraphs (`P`), the subject
//! (`H1`) and headings (`H2`), lists (`L` → `LI` → `Lbl` and `LBody`), footnotes
//! (`Note`, its number a `Lbl`) and the raised numbers that refer to them
//! (`Reference`), email and web addresses (`Link`, holding the address's text and its
//! annotation) and the signature (`Figure`, with its alternative text). A paragraph in
//! another language than the letter's says which (`/Lang`), and so do words in another
//! language than their paragraph's (a `Span`). `tagging` writes the tree.

use std::collections::HashMap;

use crate::model::Language;
use crate::render::pdf::layout::{Role, Tag};

/// What a marked-content sequence on a page is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A whole line of text.
    Whole,
    /// A list entry's marker.
    Label,
    /// A list entry's text after its marker.
    Body,
    /// The signature image.
    Figure,
    /// An email or web address in a line, with its annotation.
    Link,
    /// A footnote's raised number in the text.
    Reference,
    /// Words in another language than their line's.
    Span,
}

/// A marked-content sequence: its MCID on its page, and what it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct Marked {
    pub mcid: u32,
    pub tag: Tag,
    pub part: Part,
    /// The language of a span's words.
    pub lang: Option<Language>,
    /// More of the line the sequence before belongs to (text after a link, a link
    /// after text), rather than the start of a line or of a list entry's text.
    pub continues: bool,
}

impl Marked {
    /// The structure type a sequence is marked with in the content stream.
    pub fn kind(&self) -> &'static [u8] {
        match (self.part, self.tag.role) {
            (Part::Figure, _) => b"Figure",
            (Part::Label, _) => b"Lbl",
            (Part::Link, _) => b"Link",
            (Part::Reference, _) => b"Reference",
            (Part::Span, _) => b"Span",
            (_, Role::Item { .. }) => b"LBody",
            (_, Role::Heading) => b"H1",
            (_, Role::Subheading) => b"H2",
            (_, Role::Note { .. }) => b"Note",
            (_, Role::Paragraph | Role::Artifact) => b"P",
        }
    }
}

/// A kid of an element: content on a page (by MCID), or another element.
#[derive(Debug, Clone, Copy)]
pub(super) enum Kid {
    Content {
        page: usize,
        mcid: u32,
    },
    Element(usize),
    /// The letter's `n`th link annotation.
    Annotation(usize),
}

/// An element of the tree.
#[derive(Debug)]
pub(super) struct Element {
    pub(super) kind: &'static [u8],
    /// Its language, when it is not the letter's.
    pub(super) lang: Option<Language>,
    /// None: right under the letter's `Sect`.
    pub(super) parent: Option<usize>,
    pub(super) kids: Vec<Kid>,
}

/// A letter's elements, with the element of each MCID of each page.
#[derive(Debug, Default)]
pub struct Tree {
    pub(super) elements: Vec<Element>,
    /// Elements right under the letter's `Sect`, in reading order.
    pub(super) top: Vec<usize>,
    /// By page, the element of each MCID.
    pub(super) parents: Vec<Vec<usize>>,
    /// The `Link` element of each of the letter's link annotations, in order.
    pub(super) links: Vec<usize>,
}

impl Tree {
    fn add(&mut self, kind: &'static [u8], parent: Option<usize>) -> usize {
        let index = self.elements.len();
        self.elements.push(Element {
            kind,
            lang: None,
            parent,
            kids: Vec::new(),
        });
        match parent {
            Some(parent) => self.elements[parent].kids.push(Kid::Element(index)),
            None => self.top.push(index),
        }
        index
    }

    /// How many objects the letter's part of the tree takes: its `Sect`, its elements
    /// and one parent tree array a page.
    pub fn objects(&self) -> usize {
        1 + self.elements.len() + self.parents.len()
    }
}

/// The elements of a letter whose pages hold the marked sequences `pages`, in order.
pub fn tree(pages: &[Vec<Marked>]) -> Tree {
    let mut builder = Builder::default();
    for (page, marks) in pages.iter().enumerate() {
        let mut parents = Vec::with_capacity(marks.len());
        // The element of the line being read.
        let mut line = None;
        for marked in marks {
            let host = match line {
                Some(host) if marked.continues => host,
                _ => builder.host(marked),
            };
            let element = if matches!(marked.part, Part::Reference | Part::Span) {
                // Words in another language broken over two lines are one span.
                let last = match builder.tree.elements[host].kids.last() {
                    Some(Kid::Element(last)) => Some(*last),
                    _ => None,
                };
                let inline = match last {
                    Some(span)
                        if marked.part == Part::Span
                            && builder.tree.elements[span].kind == b"Span"
                            && builder.tree.elements[span].lang == marked.lang =>
                    {
                        span
                    }
                    _ => builder.tree.add(marked.kind(), Some(host)),
                };
                let element = &mut builder.tree.elements[inline];
                element.lang = marked.lang;
                element.kids.push(Kid::Content {
                    page,
                    mcid: marked.mcid,
                });
                inline
            } else if marked.part == Part::Link {
                let link = builder.tree.add(b"Link", Some(host));
                let n = builder.tree.links.len();
                builder.tree.links.push(link);
                builder.tree.elements[link].kids.push(Kid::Content {
                    page,
                    mcid: marked.mcid,
                });
                builder.tree.elements[link].kids.push(Kid::Annotation(n));
                link
            } else {
                builder.tree.elements[host].kids.push(Kid::Content {
                    page,
                    mcid: marked.mcid,
                });
                host
            };
            line = Some(host);
            parents.push(element);
        }
        builder.tree.parents.push(parents);
    }
    builder.tree
}

/// A letter's tree as it grows: elements by block number, lists by list number, list
/// entries' bodies by entry.
#[derive(Default)]
struct Builder {
    tree: Tree,
    blocks: HashMap<u32, usize>,
    lists: HashMap<u32, usize>,
    bodies: HashMap<usize, usize>,
}

impl Builder {
    /// The element a line's sequence `marked` starts or goes on with: its block's
    /// (a list entry's marker or body), or the figure. A link's text goes in the
    /// element its line's text would.
    fn host(&mut self, marked: &Marked) -> usize {
        let tree = &mut self.tree;
        let block = marked.tag.block;
        let known = (block != 0)
            .then(|| self.blocks.get(&block).copied())
            .flatten();
        match (marked.part, marked.tag.role) {
            (Part::Figure, _) => tree.add(b"Figure", None),
            (Part::Label, Role::Note { .. }) => {
                let note = match known {
                    Some(note) => note,
                    None => {
                        let note = tree.add(b"Note", None);
                        if block != 0 {
                            self.blocks.insert(block, note);
                        }
                        note
                    }
                };
                tree.add(b"Lbl", Some(note))
            }
            (_, Role::Item { list, .. }) => {
                let entry = match known {
                    Some(entry) => entry,
                    None => {
                        let l = match self.lists.get(&list) {
                            Some(l) => *l,
                            None => {
                                let l = tree.add(b"L", None);
                                self.lists.insert(list, l);
                                l
                            }
                        };
                        let entry = tree.add(b"LI", Some(l));
                        self.blocks.insert(block, entry);
                        entry
                    }
                };
                if marked.part == Part::Label {
                    tree.add(b"Lbl", Some(entry))
                } else {
                    match self.bodies.get(&entry) {
                        Some(body) => *body,
                        None => {
                            let body = tree.add(b"LBody", Some(entry));
                            self.bodies.insert(entry, body);
                            body
                        }
                    }
                }
            }
            _ => match known {
                Some(element) => element,
                None => {
                    let kind = Marked {
                        part: Part::Whole,
                        ..*marked
                    }
                    .kind();
                    let element = tree.add(kind, None);
                    tree.elements[element].lang = marked.tag.lang;
                    if block != 0 {
                        self.blocks.insert(block, element);
                    }
                    element
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(mcid: u32, role: Role, block: u32, part: Part) -> Marked {
        Marked {
            mcid,
            tag: Tag {
                role,
                block,
                lang: None,
            },
            part,
            lang: None,
            continues: false,
        }
    }

    #[test]
    fn lines_of_a_block_make_one_element_across_pages_and_lists_nest() {
        let item = |label| Role::Item { list: 5, label };
        let pages = vec![
            vec![
                text(0, Role::Heading, 1, Part::Whole),
                text(1, Role::Paragraph, 2, Part::Whole),
                text(2, item(true), 6, Part::Label),
                text(3, item(true), 6, Part::Body),
                text(4, item(false), 6, Part::Whole),
                text(5, Role::Note { label: false }, 9, Part::Whole),
            ],
            vec![
                text(0, item(true), 7, Part::Label),
                text(1, item(true), 7, Part::Body),
                text(2, Role::Paragraph, 0, Part::Whole),
                text(3, Role::Paragraph, 0, Part::Whole),
                text(4, Tag::default().role, 0, Part::Figure),
            ],
        ];
        let tree = tree(&pages);
        let kinds: Vec<&[u8]> = tree.top.iter().map(|i| tree.elements[*i].kind).collect();
        assert_eq!(
            kinds,
            [&b"H1"[..], b"P", b"L", b"Note", b"P", b"P", b"Figure"]
        );
        let list = &tree.elements[tree.top[2]];
        assert_eq!(list.kids.len(), 2, "two entries in one list across pages");
        let Kid::Element(entry) = list.kids[0] else {
            panic!("an entry")
        };
        let entry = &tree.elements[entry];
        let kids: Vec<&[u8]> = entry
            .kids
            .iter()
            .map(|k| match k {
                Kid::Element(i) => tree.elements[*i].kind,
                Kid::Content { .. } | Kid::Annotation(_) => b"mcid",
            })
            .collect();
        assert_eq!(kids, [&b"Lbl"[..], b"LBody"]);
        // The body's two lines are one LBody.
        assert_eq!(tree.parents[0][3], tree.parents[0][4]);
        assert_eq!(tree.parents[1].len(), 5);
        assert_eq!(tree.objects(), 1 + tree.elements.len() + 2);
    }

    #[test]
    fn an_address_is_a_link_inside_its_lines_element_with_its_annotation() {
        let more = |mcid, role, block, part| Marked {
            continues: true,
            ..text(mcid, role, block, part)
        };
        let pages = vec![vec![
            // A footnote: text, an address, more text.
            text(0, Role::Note { label: false }, 3, Part::Whole),
            more(1, Role::Note { label: false }, 3, Part::Link),
            more(2, Role::Note { label: false }, 3, Part::Whole),
            // A line of its own that starts with an address.
            text(3, Role::Paragraph, 0, Part::Link),
            more(4, Role::Paragraph, 0, Part::Whole),
        ]];
        let tree = tree(&pages);
        let kinds: Vec<&[u8]> = tree.top.iter().map(|i| tree.elements[*i].kind).collect();
        assert_eq!(kinds, [&b"Note"[..], b"P"]);
        assert_eq!(tree.links.len(), 2);
        for (top, link) in tree.top.iter().zip(&tree.links) {
            let host = &tree.elements[*top];
            assert!(host
                .kids
                .iter()
                .any(|k| matches!(k, Kid::Element(i) if i == link)));
            assert_eq!(tree.elements[*link].kind, b"Link");
        }
        let note = &tree.elements[tree.top[0]];
        assert!(matches!(
            note.kids[..],
            [
                Kid::Content { mcid: 0, .. },
                Kid::Element(_),
                Kid::Content { mcid: 2, .. }
            ]
        ));
        assert!(matches!(
            tree.elements[tree.links[1]].kids[..],
            [Kid::Content { mcid: 3, .. }, Kid::Annotation(1)]
        ));
        assert_eq!(tree.parents[0][1], tree.links[0]);
        assert_eq!(tree.parents[0][4], tree.top[1]);
    }

    #[test]
    fn a_footnote_has_its_number_as_a_label_and_its_references_are_elements() {
        let more = |mcid, role, block, part| Marked {
            continues: true,
            ..text(mcid, role, block, part)
        };
        let note = |label| Role::Note { label };
        let pages = vec![vec![
            // A paragraph with a raised number in it, then its second line.
            text(0, Role::Paragraph, 1, Part::Whole),
            more(1, Role::Paragraph, 1, Part::Reference),
            more(2, Role::Paragraph, 1, Part::Whole),
            text(3, Role::Paragraph, 1, Part::Whole),
            // The note: its number, its text over two lines.
            text(4, note(true), 2, Part::Label),
            text(5, note(true), 2, Part::Body),
            text(6, note(false), 2, Part::Whole),
        ]];
        let tree = tree(&pages);
        let kinds: Vec<&[u8]> = tree.top.iter().map(|i| tree.elements[*i].kind).collect();
        assert_eq!(kinds, [&b"P"[..], b"Note"]);
        let kids = |e: usize| -> Vec<&[u8]> {
            tree.elements[e]
                .kids
                .iter()
                .map(|k| match k {
                    Kid::Element(i) => tree.elements[*i].kind,
                    Kid::Content { .. } | Kid::Annotation(_) => b"mcid",
                })
                .collect()
        };
        assert_eq!(
            kids(tree.top[0]),
            [&b"mcid"[..], b"Reference", b"mcid", b"mcid"]
        );
        assert_eq!(kids(tree.top[1]), [&b"Lbl"[..], b"mcid", b"mcid"]);
        assert_eq!(tree.elements[tree.parents[0][1]].kind, b"Reference");
        assert_eq!(tree.elements[tree.parents[0][4]].kind, b"Lbl");
        assert_eq!(tree.parents[0][5], tree.top[1]);
    }

    #[test]
    fn a_paragraph_in_another_language_says_which() {
        let mut own = text(1, Role::Paragraph, 2, Part::Whole);
        own.tag.lang = Some(Language::ES);
        let pages = vec![vec![text(0, Role::Paragraph, 1, Part::Whole), own]];
        let tree = tree(&pages);
        assert_eq!(tree.elements[tree.top[0]].lang, None);
        assert_eq!(tree.elements[tree.top[1]].lang, Some(Language::ES));
    }

    #[test]
    fn words_in_another_language_over_two_lines_are_one_span() {
        let more = |mcid, role, block, part| Marked {
            continues: true,
            ..text(mcid, role, block, part)
        };
        let span = |marked: Marked| Marked {
            lang: Some(Language::ES),
            ..marked
        };
        let note = Role::Note { label: false };
        let pages = vec![vec![
            text(0, note, 4, Part::Whole),
            span(more(1, note, 4, Part::Span)),
            span(text(2, note, 4, Part::Span)),
            more(3, note, 4, Part::Whole),
        ]];
        let tree = tree(&pages);
        let kids = &tree.elements[tree.top[0]].kids;
        assert_eq!(kids.len(), 3, "{kids:?}");
        let Kid::Element(span) = kids[1] else {
            panic!("a span")
        };
        assert_eq!(tree.elements[span].kind, b"Span");
        assert_eq!(tree.elements[span].lang, Some(Language::ES));
        assert_eq!(tree.elements[span].kids.len(), 2);
        assert_eq!(tree.elements[tree.top[0]].lang, None);
    }
}
