//! Writing the structure tree: each letter's elements (see `structure`) as the letter
//! comes, under the letter's `Sect` (with the letter's /Lang), and at the end the
//! `Document` element over every letter, the StructTreeRoot, and the parent tree that
//! leads from each page's MCIDs, and each link annotation, back to their elements. Only
//! a few numbers a page are kept until the end.

use super::structure::{Element, Kid, Tree};
use super::syntax::{self, File};
use super::WriteError;

/// Parent tree entries per leaf of the number tree.
const LEAF: usize = 512;

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
        syntax::references(out, tree.top.iter().map(|i| first + *i as u32));
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
            syntax::references(&mut file.bytes, parents.iter().map(|p| first + *p as u32));
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
        syntax::references(&mut file.bytes, self.sections.iter().copied());
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
    syntax::references(&mut file.bytes, leaves);
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
