//! A PDF document written as a stream, the one path every PDF takes: a single letter
//! is a document of one letter, `--combine` one of many. Each letter's objects go to
//! the output as soon as the letter is added, numbered on from the letters before it;
//! only their offsets (for the cross-reference table) and page numbers (for the page
//! tree) are kept. The page tree, the catalog (/Lang of the first letter), /Info (its
//! dates from the first letter) and the trailer are written at the end, with a
//! document /ID hashed from everything written before it, so the same letters give the
//! same bytes.
//!
//! A tagged document (the default) is also archival: each letter's structure elements
//! go out with it, and the end adds the structure tree's root, the XMP metadata (what
//! /Info says, and the PDF/A-2b and PDF/UA-1 identification), the sRGB output intent,
//! /MarkInfo and the catalog's pointers to them. A document of many letters has a
//! bookmark for each (`outline`).

use std::io::{self, Write};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use sha2::{Digest, Sha256};

use super::deflate::{deflate, Level};
use super::icc;
use super::outline::Outline;
use super::page_tree::{PageTree, FANOUT};
use super::syntax::{self, File};
use super::tagging::Tagging;
use super::typeset::Typeset;
use super::xmp::{self, Xmp};
use super::WriteError;

/// Room the buffer starts with: a one-page signed letter is some 30 KB.
const BUFFER: usize = 40 * 1024;

/// A document being written to `W`.
pub struct Document<W: Write> {
    out: Hashed<W>,
    file: File,
    tree: PageTree,
    /// The structure tree so far, when tagged.
    tagging: Option<Tagging>,
    /// A bookmark a letter.
    outline: Outline,
    /// The first letter's language and date.
    first: Option<(&'static str, NaiveDate)>,
}

/// What is said about a whole document in its /Info.
pub struct Info<'a> {
    pub title: &'a str,
    /// The signer of a single letter; none for many letters.
    pub author: Option<&'a str>,
}

fn bug(message: String) -> io::Error {
    io::Error::other(message)
}

impl<W: Write> Document<W> {
    /// Starts a document, `tagged` (and archival) or plain: its header goes to `out`.
    pub fn new(out: W, tagged: bool) -> io::Result<Document<W>> {
        Document::with_fanout(out, FANOUT, tagged)
    }

    /// A document whose page tree nodes have at most `fanout` kids.
    pub fn with_fanout(out: W, fanout: usize, tagged: bool) -> io::Result<Document<W>> {
        let mut file = File::new(BUFFER);
        let tree = PageTree::new(&mut file, fanout).map_err(bug)?;
        let tagging = if tagged {
            Some(Tagging::new(&mut file).map_err(bug)?)
        } else {
            None
        };
        Ok(Document {
            out: Hashed::new(out),
            file,
            tree,
            tagging,
            outline: Outline::default(),
            first: None,
        })
    }

    /// Writes a letter's objects to the output, its pages after those of the letters
    /// before it.
    pub fn add(&mut self, letter: &Typeset) -> io::Result<()> {
        let parents = self
            .tree
            .parents(letter.pages(), &mut self.file)
            .map_err(bug)?;
        let pages = letter
            .write(&mut self.file, &parents, self.tagging.as_mut())
            .map_err(bug)?;
        self.tree.add(&pages).map_err(bug)?;
        if let (false, Some(first)) = (letter.blank, pages.first()) {
            self.outline
                .add(&mut self.file, &letter.meta.label, *first)
                .map_err(bug)?;
        }
        self.first
            .get_or_insert((letter.meta.language, letter.meta.date));
        self.file.hand_on(&mut self.out)
    }

    /// Writes the page tree, catalog, /Info, cross-reference table and trailer, and
    /// returns the output.
    pub fn finish(mut self, info: &Info<'_>) -> io::Result<W> {
        let Some((language, date)) = self.first else {
            return Err(bug("a PDF needs at least one letter".to_string()));
        };
        let file = &mut self.file;
        let root = self.tree.write(file).map_err(bug)?;
        let archival = match self.tagging.take() {
            Some(tagging) => {
                Some(write_archival(file, tagging, info, language, date).map_err(bug)?)
            }
            None => None,
        };
        let outlines = std::mem::take(&mut self.outline).finish(file);
        let catalog =
            write_catalog(file, root, language, outlines, archival.as_ref()).map_err(bug)?;
        let info_id = write_info(file, info, date).map_err(bug)?;
        let (mut trailer, id_at) = self.file.finish(catalog, info_id, &mut self.out)?;
        stamp_id(self.out.hasher.clone(), &mut trailer, id_at);
        let mut out = self.out.inner;
        out.write_all(&trailer)?;
        out.flush()?;
        Ok(out)
    }
}

/// What a tagged, archival document's catalog points to.
struct Archival {
    structure: u32,
    metadata: u32,
    profile: u32,
}

/// The creator and producer /Info and the XMP metadata both name.
const CREATOR: &str = concat!("letters ", env!("CARGO_PKG_VERSION"));
const PRODUCER: &str = "letters";

/// The structure tree's root, the XMP metadata and the output intent's sRGB profile.
fn write_archival(
    file: &mut File,
    tagging: Tagging,
    info: &Info<'_>,
    language: &str,
    date: NaiveDate,
) -> Result<Archival, WriteError> {
    let structure = tagging.finish(file)?;
    let packet = xmp::packet(&Xmp {
        title: info.title,
        author: info.author,
        language,
        creator: CREATOR,
        producer: PRODUCER,
        date,
    });
    let metadata = file.reserve()?;
    file.begin(metadata);
    syntax::stream(
        &mut file.bytes,
        b"<</Type/Metadata/Subtype/XML",
        &packet,
        false,
    );
    file.end_stream();
    let profile = file.reserve()?;
    file.begin(profile);
    file.bytes.extend_from_slice(profile_stream());
    file.end_stream();
    Ok(Archival {
        structure,
        metadata,
        profile,
    })
}

/// The sRGB profile as a stream (dictionary and data), compressed once per run: it
/// is the same in every document.
fn profile_stream() -> &'static [u8] {
    static STREAM: OnceLock<Vec<u8>> = OnceLock::new();
    STREAM.get_or_init(|| {
        let icc = icc::srgb();
        let mut stream = Vec::new();
        match deflate(icc, Level::Font) {
            Some(compressed) => syntax::stream(&mut stream, b"<</N 3", &compressed, true),
            None => syntax::stream(&mut stream, b"<</N 3", icc, false),
        }
        stream
    })
}

/// The catalog, over the page tree `root`, in `language`; returns its number.
fn write_catalog(
    file: &mut File,
    root: u32,
    language: &str,
    outlines: Option<u32>,
    archival: Option<&Archival>,
) -> Result<u32, WriteError> {
    let catalog = file.reserve()?;
    file.begin(catalog);
    let out = &mut file.bytes;
    out.extend_from_slice(b"<</Type/Catalog/PageLayout/OneColumn/PageMode/UseNone/Pages ");
    syntax::reference(out, root);
    out.extend_from_slice(b"/Lang");
    syntax::literal(out, language.as_bytes());
    out.extend_from_slice(b"/ViewerPreferences<</DisplayDocTitle true>>");
    if let Some(outlines) = outlines {
        out.extend_from_slice(b"/Outlines ");
        syntax::reference(out, outlines);
    }
    if let Some(archival) = archival {
        out.extend_from_slice(b"/MarkInfo<</Marked true>>/StructTreeRoot ");
        syntax::reference(out, archival.structure);
        out.extend_from_slice(b"/Metadata ");
        syntax::reference(out, archival.metadata);
        out.extend_from_slice(b"/OutputIntents[<</Type/OutputIntent/S/GTS_PDFA1");
        out.extend_from_slice(b"/OutputConditionIdentifier");
        syntax::literal(out, icc::CONDITION.as_bytes());
        out.extend_from_slice(b"/Info");
        syntax::literal(out, icc::CONDITION.as_bytes());
        out.extend_from_slice(b"/DestOutputProfile ");
        syntax::reference(out, archival.profile);
        out.extend_from_slice(b">>]");
    }
    out.extend_from_slice(b">>");
    file.end();
    Ok(catalog)
}

/// The /Info dictionary, dated `date`; returns its number.
fn write_info(file: &mut File, info: &Info<'_>, date: NaiveDate) -> Result<u32, WriteError> {
    let info_id = file.reserve()?;
    file.begin(info_id);
    let out = &mut file.bytes;
    out.extend_from_slice(b"<</Title");
    syntax::text_string(out, info.title);
    if let Some(author) = info.author {
        out.extend_from_slice(b"/Author");
        syntax::text_string(out, author);
    }
    out.extend_from_slice(b"/Creator");
    syntax::text_string(out, CREATOR);
    out.extend_from_slice(b"/Producer");
    syntax::text_string(out, PRODUCER);
    out.extend_from_slice(b"/CreationDate");
    pdf_date(out, date);
    out.extend_from_slice(b"/ModDate");
    pdf_date(out, date);
    out.extend_from_slice(b">>");
    file.end();
    Ok(info_id)
}

/// Puts the /ID in `trailer`, whose /ID array of zeros starts at `id_at`: the first 16
/// bytes of the SHA-256 of the file as written with that /ID of zeros (`hasher` has
/// hashed all of it before the trailer).
fn stamp_id(mut hasher: Sha256, trailer: &mut [u8], id_at: usize) {
    hasher.update(&*trailer);
    let digest = hasher.finalize();
    let mut hex = Vec::with_capacity(32);
    for byte in &digest[..16] {
        syntax::hex_byte(&mut hex, *byte);
    }
    // Both strings of the /ID array: `<…><…>`.
    for at in [id_at, id_at + 34] {
        trailer[at..at + 32].copy_from_slice(&hex);
    }
}

fn pdf_date(out: &mut Vec<u8>, date: NaiveDate) {
    let text = format!(
        "D:{:04}{:02}{:02}000000Z",
        date.year(),
        date.month(),
        date.day()
    );
    syntax::literal(out, text.as_bytes());
}

/// A writer that hashes what goes through it.
struct Hashed<W> {
    inner: W,
    hasher: Sha256,
}

impl<W: Write> Hashed<W> {
    fn new(inner: W) -> Hashed<W> {
        Hashed {
            inner,
            hasher: Sha256::new(),
        }
    }
}

impl<W: Write> Write for Hashed<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(bytes)?;
        self.hasher.update(&bytes[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;
    use crate::render::pdf::{tests::letter, typeset, PdfOptions};

    /// An output the test can read while the document writes to it.
    #[derive(Clone, Default)]
    struct Shared(Rc<RefCell<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn number(bytes: &[u8]) -> usize {
        std::str::from_utf8(bytes).unwrap().trim().parse().unwrap()
    }

    /// Where `needle` last occurs in `bytes`.
    fn rfind(bytes: &[u8], needle: &[u8]) -> usize {
        bytes
            .windows(needle.len())
            .rposition(|w| w == needle)
            .unwrap()
    }

    /// Checks that every object of the cross-reference table starts where it says;
    /// returns how many objects there are.
    fn assert_exact_xref(bytes: &[u8]) -> usize {
        let start = rfind(bytes, b"startxref\n") + b"startxref\n".len();
        let end = start + bytes[start..].iter().position(|b| *b == b'\n').unwrap();
        let xref = number(&bytes[start..end]);
        let table = std::str::from_utf8(&bytes[xref..start]).unwrap();
        let mut lines = table.lines();
        assert_eq!(lines.next(), Some("xref"));
        let size = number(&lines.next().unwrap().as_bytes()[2..]);
        assert_eq!(lines.next(), Some("0000000000 65535 f "));
        for id in 1..size {
            let entry = lines.next().unwrap();
            assert_eq!(entry.len(), 19, "{entry:?}");
            let offset = number(&entry.as_bytes()[..10]);
            let head = format!("{id} 0 obj\n");
            assert!(
                bytes[offset..].starts_with(head.as_bytes()),
                "object {id} is not at {offset}"
            );
        }
        assert_eq!(lines.next(), Some("trailer"));
        size - 1
    }

    fn letters(count: usize) -> Vec<Typeset> {
        (0..count)
            .map(|i| {
                let mut letter = letter();
                letter.signature.name = format!("Firmante {i}");
                if i % 3 == 1 {
                    // A letter long enough for two pages.
                    let body = letter.body.clone();
                    for _ in 0..40 {
                        letter.body.extend(body.iter().cloned());
                    }
                }
                typeset(&letter, &PdfOptions::default()).unwrap()
            })
            .collect()
    }

    #[test]
    fn each_letter_goes_out_whole_as_it_is_added() {
        let out = Shared::default();
        let mut document = Document::new(out.clone(), true).unwrap();
        let mut written = out.0.borrow().len();
        for letter in letters(4) {
            document.add(&letter).unwrap();
            let now = out.0.borrow().len();
            assert!(now > written + 10_000, "{written} → {now}");
            assert!(out.0.borrow().ends_with(b"endobj\n"));
            // Nothing of the letter is held back.
            assert!(document.file.bytes.is_empty());
            written = now;
        }
        document
            .finish(&Info {
                title: "Campaña",
                author: None,
            })
            .unwrap();
        let bytes = out.0.take();
        assert_exact_xref(&bytes);
        assert!(bytes.ends_with(b"%%EOF"));
    }

    #[test]
    fn the_id_is_the_hash_of_the_file_with_an_id_of_zeros() {
        let letter = &letters(1)[0];
        let mut document = Document::new(Vec::new(), true).unwrap();
        document.add(letter).unwrap();
        let bytes = document
            .finish(&Info {
                title: "t",
                author: Some("a"),
            })
            .unwrap();
        let at = rfind(&bytes, b"/ID[<") + 5;
        let id = String::from_utf8(bytes[at..at + 32].to_vec()).unwrap();
        assert_eq!(bytes[at + 34..at + 66], *id.as_bytes());
        let mut zeroed = bytes.clone();
        zeroed[at..at + 32].fill(b'0');
        zeroed[at + 34..at + 66].fill(b'0');
        let digest = Sha256::digest(&zeroed);
        let hex: String = digest[..16].iter().map(|b| format!("{b:02X}")).collect();
        assert_eq!(id, hex);
    }

    #[test]
    fn many_pages_make_a_balanced_page_tree_in_order() {
        let letters = letters(7);
        let mut document = Document::with_fanout(Vec::new(), 2, true).unwrap();
        for letter in &letters {
            document.add(letter).unwrap();
        }
        let bytes = document
            .finish(&Info {
                title: "t",
                author: None,
            })
            .unwrap();
        let objects = assert_exact_xref(&bytes);
        let pages: usize = letters.iter().map(Typeset::pages).sum();
        assert!(pages > 8, "{pages} pages");

        let pdf = lopdf::Document::load_mem(&bytes).unwrap();
        assert_eq!(pdf.objects.len(), objects);
        let order: Vec<u32> = pdf.get_pages().values().map(|id| id.0).collect();
        assert_eq!(order.len(), pages);
        // Pages come in the order they were written (ascending object numbers).
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
        // No node has more than two kids; each counts the pages under it.
        fn count(pdf: &lopdf::Document, id: lopdf::ObjectId, depth: usize) -> (i64, usize) {
            let node = pdf.get_dictionary(id).unwrap();
            if node.get(b"Type").unwrap().as_name().unwrap() == b"Page" {
                return (1, depth);
            }
            let kids = node.get(b"Kids").unwrap().as_array().unwrap();
            assert!(kids.len() <= 2);
            let mut total = 0;
            let mut deepest = 0;
            for kid in kids {
                let kid = kid.as_reference().unwrap();
                let parent = pdf.get_dictionary(kid).unwrap().get(b"Parent").unwrap();
                assert_eq!(parent.as_reference().unwrap(), id);
                let (pages, depth) = count(pdf, kid, depth + 1);
                total += pages;
                deepest = deepest.max(depth);
            }
            assert_eq!(node.get(b"Count").unwrap().as_i64().unwrap(), total);
            (total, deepest)
        }
        let root = pdf
            .catalog()
            .unwrap()
            .get(b"Pages")
            .unwrap()
            .as_reference()
            .unwrap();
        let (total, depth) = count(&pdf, root, 0);
        assert_eq!(total as usize, pages);
        assert!(depth >= 4, "depth {depth}");
    }

    #[test]
    fn a_document_needs_a_letter() {
        let document = Document::new(Vec::new(), true).unwrap();
        let info = Info {
            title: "t",
            author: None,
        };
        assert!(document.finish(&info).is_err());
    }
}
