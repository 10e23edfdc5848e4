//! The structure tree (tagged PDF, PDF/UA-1): what a screen reader reads, in reading
//! order. The content streams mark each line of text, its list marker apart, and the
//! signature image with a marked-content id (MCID); [`tree`] groups them by the tags
//! the layout gave the lines into a letter's elements: paragraphs (`P`), the subject
//! (`H1`) and headings (`H2`), lists (`L` → `LI` → `Lbl` and `LBody`), footnotes
//! (`Note`, its number a `Lbl`) and the raised numbers that refer to them
//! (`Reference`), email and web addresses (`Link`, holding the address's text and its
//! annotation) and the signature (`Figure`, with its alternative text). A paragraph in
//! another language than the letter's says which (`/Lang`), and so do words in another
//! language than their paragraph's (a `Span`). [`Tagging`] then
//! writes them as a letter comes, under the letter's `Sect` (with the letter's
//! /Lang), and at the end the `Document` element over every letter, the
//! StructTreeRoot, and the parent tree that leads from each page's MCIDs, and each
//! link annotation, back to their elements. Only a few numbers a page are kept until the end.

use std::collections::HashMap;

use super::syntax::{self, File};
use super::WriteError;
use crate::model::Language;
use crate::render::pdf::layout::{Role, Tag};

/// Parent tree entries per leaf of the number tree.
const LEAF: usize = 512;

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
enum Kid {
    Content {
        page: usize,
        mcid: u32,
    },
    Element(usize),
    /// The letter's `n`th link annotation.
    Annotation(usize),
}

#[derive(Debug)]
struct Element {
    kind: &'static [u8],
    /// Its language, when it is not the letter's.
    lang: Option<Language>,
    /// None: right under the letter's `Sect`.
    parent: Option<usize>,
    kids: Vec<Kid>,
}

/// A letter's elements, with the element of each MCID of each page.
#[derive(Debug, Default)]
pub struct Tree {
    elements: Vec<Element>,
    /// Elements right under the letter's `Sect`, in reading order.
    top: Vec<usize>,
    /// By page, the element of each MCID.
    parents: Vec<Vec<usize>>,
    /// The `Link` element of each of the letter's link annotations, in order.
    links: Vec<usize>,
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

/// The document's structure as it is written: the numbers reserved for the root and
/// the `Document` element, each letter's `Sect`, each page's parent tree array.
pub struct Tagging {
    root: u32,
    document: u32,
    sections: Vec<u32>,
    /// The parent tree's entries by key: each page's array, each link annotation's
    /// `Link` element.
    arrays: Vec<u32>,
}

/// What a letter's `Sect` says: its language, and the signature's alternative text.
pub struct Letter<'a> {
    pub language: &'a str,
    pub alt: &'a str,
}

impl Tagging {
    /// Reserves the root's and the `Document` element's numbers in `file`.
    pub fn new(file: &mut File) -> Result<Tagging, WriteError> {
        Ok(Tagging {
            root: file.reserve()?,
            document: file.reserve()?,
            sections: Vec::new(),
            arrays: Vec::new(),
        })
    }

    /// The parent tree key of the next letter's first page: its pages take the keys
    /// from there on, then its link annotations.
    pub fn next_key(&self) -> usize {
        self.arrays.len()
    }

    /// Writes a letter's elements from [`File::next_id`] on, its pages being `pages`
    /// and its link annotations `annotations`, in order.
    pub fn write(
        &mut self,
        file: &mut File,
        tree: &Tree,
        pages: &[u32],
        annotations: &[u32],
        letter: &Letter<'_>,
    ) -> Result<(), WriteError> {
        if annotations.len() != tree.links.len() {
            return Err(format!(
                "{} link annotations for {} Link elements",
                annotations.len(),
                tree.links.len()
            ));
        }
        file.room(tree.objects())?;
        let sect = file.next_id();
        let first = sect + 1;
        let arrays = first + tree.elements.len() as u32;
        file.begin(sect);
        let out = &mut file.bytes;
        out.extend_from_slice(b"<</S/Sect/P ");
        syntax::reference(out, self.document);
        out.extend_from_slice(b"/Lang");
        syntax::literal(out, letter.language.as_bytes());
        out.extend_from_slice(b"/K[");
        references(out, tree.top.iter().map(|i| first + *i as u32));
        out.extend_from_slice(b"]>>");
        file.end();
        for (i, element) in tree.elements.iter().enumerate() {
            let parent = element.parent.map_or(sect, |p| first + p as u32);
            let at = Place {
                pages,
                annotations,
                first,
            };
            write_element(file, first + i as u32, element, parent, &at, letter);
        }
        for (i, parents) in tree.parents.iter().enumerate() {
            file.begin(arrays + i as u32);
            file.bytes.push(b'[');
            references(&mut file.bytes, parents.iter().map(|p| first + *p as u32));
            file.bytes.push(b']');
            file.end();
            self.arrays.push(arrays + i as u32);
        }
        self.arrays
            .extend(tree.links.iter().map(|link| first + *link as u32));
        self.sections.push(sect);
        Ok(())
    }

    /// Writes the `Document` element, the parent tree and the root; returns the root's
    /// number.
    pub fn finish(self, file: &mut File) -> Result<u32, WriteError> {
        file.begin(self.document);
        file.bytes.extend_from_slice(b"<</S/Document/P ");
        syntax::reference(&mut file.bytes, self.root);
        file.bytes.extend_from_slice(b"/K[");
        references(&mut file.bytes, self.sections.iter().copied());
        file.bytes.extend_from_slice(b"]>>");
        file.end();
        let parent_tree = write_parent_tree(file, &self.arrays)?;
        file.begin(self.root);
        let out = &mut file.bytes;
        out.extend_from_slice(b"<</Type/StructTreeRoot/K ");
        syntax::reference(out, self.document);
        out.extend_from_slice(b"/ParentTree ");
        syntax::reference(out, parent_tree);
        out.extend_from_slice(b"/ParentTreeNextKey ");
        syntax::int(out, self.arrays.len() as i64);
        out.extend_from_slice(b">>");
        file.end();
        Ok(self.root)
    }
}

/// Where a letter's objects are: its pages, its link annotations, its first element.
struct Place<'a> {
    pages: &'a [u32],
    annotations: &'a [u32],
    first: u32,
}

/// One element, object `id`, under `parent`; its content kids on its first page are
/// MCIDs, on other pages marked-content references; a link's annotation is an object
/// reference.
fn write_element(
    file: &mut File,
    id: u32,
    element: &Element,
    parent: u32,
    at: &Place<'_>,
    letter: &Letter<'_>,
) {
    let Place {
        pages,
        annotations,
        first,
    } = *at;
    file.begin(id);
    let out = &mut file.bytes;
    out.extend_from_slice(b"<</S/");
    out.extend_from_slice(element.kind);
    out.extend_from_slice(b"/P ");
    syntax::reference(out, parent);
    let home = element.kids.iter().find_map(|kid| match kid {
        Kid::Content { page, .. } => pages.get(*page).copied(),
        Kid::Element(_) | Kid::Annotation(_) => None,
    });
    if let Some(home) = home {
        out.extend_from_slice(b"/Pg ");
        syntax::reference(out, home);
    }
    if let Some(lang) = element.lang {
        out.extend_from_slice(b"/Lang");
        syntax::literal(out, lang.code().as_bytes());
    }
    if element.kind == b"Figure" {
        out.extend_from_slice(b"/Alt");
        syntax::text_string(out, letter.alt);
    }
    // PDF/UA-1 (ISO 14289-1, 7.9) asks every note for an ID unique in the document: its
    // object number is.
    if element.kind == b"Note" {
        out.extend_from_slice(b"/ID(note");
        syntax::int(out, i64::from(id));
        out.push(b')');
    }
    out.extend_from_slice(b"/K[");
    for (i, kid) in element.kids.iter().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        match *kid {
            Kid::Element(index) => syntax::reference(out, first + index as u32),
            Kid::Content { page, mcid } => {
                let on = pages.get(page).copied();
                if on.is_some() && on == home {
                    syntax::int(out, i64::from(mcid));
                } else if let Some(on) = on {
                    out.extend_from_slice(b"<</Type/MCR/Pg ");
                    syntax::reference(out, on);
                    out.extend_from_slice(b"/MCID ");
                    syntax::int(out, i64::from(mcid));
                    out.extend_from_slice(b">>");
                }
            }
            Kid::Annotation(n) => {
                if let (Some(annotation), Some(home)) = (annotations.get(n), home) {
                    out.extend_from_slice(b"<</Type/OBJR/Pg ");
                    syntax::reference(out, home);
                    out.extend_from_slice(b"/Obj ");
                    syntax::reference(out, *annotation);
                    out.extend_from_slice(b">>");
                }
            }
        }
    }
    out.extend_from_slice(b"]>>");
    file.end();
}

/// The parent tree: a number tree from each page's key to its array, in leaves of
/// [`LEAF`] under one root when there are more; returns the root's number.
fn write_parent_tree(file: &mut File, arrays: &[u32]) -> Result<u32, WriteError> {
    if arrays.len() <= LEAF {
        let id = file.reserve()?;
        file.begin(id);
        file.bytes.extend_from_slice(b"<<");
        nums(&mut file.bytes, 0, arrays);
        file.bytes.extend_from_slice(b">>");
        file.end();
        return Ok(id);
    }
    let mut leaves = Vec::with_capacity(arrays.len().div_ceil(LEAF));
    for (n, chunk) in arrays.chunks(LEAF).enumerate() {
        let start = n * LEAF;
        let id = file.reserve()?;
        file.begin(id);
        file.bytes.extend_from_slice(b"<</Limits[");
        syntax::int(&mut file.bytes, start as i64);
        file.bytes.push(b' ');
        syntax::int(&mut file.bytes, (start + chunk.len() - 1) as i64);
        file.bytes.push(b']');
        nums(&mut file.bytes, start, chunk);
        file.bytes.extend_from_slice(b">>");
        file.end();
        leaves.push(id);
    }
    let id = file.reserve()?;
    file.begin(id);
    file.bytes.extend_from_slice(b"<</Kids[");
    references(&mut file.bytes, leaves.into_iter());
    file.bytes.extend_from_slice(b"]>>");
    file.end();
    Ok(id)
}

/// `/Nums[start ref start+1 ref …]`.
fn nums(out: &mut Vec<u8>, start: usize, arrays: &[u32]) {
    out.extend_from_slice(b"/Nums[");
    for (i, array) in arrays.iter().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        syntax::int(out, (start + i) as i64);
        out.push(b' ');
        syntax::reference(out, *array);
    }
    out.push(b']');
}

/// References separated by spaces.
fn references(out: &mut Vec<u8>, ids: impl Iterator<Item = u32>) {
    for (i, id) in ids.enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        syntax::reference(out, id);
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
