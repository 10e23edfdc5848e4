//! Email and web addresses printed in a PDF letter are links: a Link annotation over the
//! words (a URI action, no border, the print flag, the address as its text
//! alternative) and, when tagged, a `Link` structure element holding the address's text
//! and the annotation, found back from the annotation through the parent tree. On every
//! path: a letter, a batch's letters, a combined PDF, an email's attachment, and plain
//! PDFs (`--pdf-standard none`: annotations, no structure).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "gallery/standards.rs"]
mod standards;

use std::path::Path;
use std::process::Command;

use common::{sender_flags, Env};
use lopdf::{Dictionary, Document, Object, ObjectId};

const OWN_WORDS: &str = "Our report is at https://example.org/informe-2024. \
                         Write to us at info@example.org with any question.";

/// A link annotation as read back: its page, where it leads, its text alternative,
/// its box, and its parent tree key.
#[derive(Debug)]
struct Annotation {
    id: ObjectId,
    page: ObjectId,
    uri: String,
    contents: String,
    rect: [f32; 4],
    key: Option<i64>,
}

fn string(object: &Object) -> String {
    String::from_utf8(object.as_str().unwrap().to_vec()).unwrap()
}

fn number(object: &Object) -> f32 {
    match object {
        Object::Integer(n) => *n as f32,
        Object::Real(r) => *r,
        other => panic!("a number: {other:?}"),
    }
}

/// Every annotation of every page, in page order, checked for what every link has.
fn annotations(doc: &Document) -> Vec<Annotation> {
    let mut found = Vec::new();
    for page in doc.get_pages().values() {
        let annots = doc
            .get_dictionary(*page)
            .unwrap()
            .get(b"Annots")
            .and_then(Object::as_array)
            .unwrap();
        for annot in annots {
            let id = annot.as_reference().unwrap();
            let a = doc.get_dictionary(id).unwrap();
            assert_eq!(a.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
            assert_eq!(a.get(b"F").unwrap().as_i64().unwrap(), 4);
            let border: Vec<f32> = a
                .get(b"Border")
                .and_then(Object::as_array)
                .unwrap()
                .iter()
                .map(number)
                .collect();
            assert_eq!(border, [0.0, 0.0, 0.0], "no visible border");
            let action = a.get(b"A").and_then(Object::as_dict).unwrap();
            assert_eq!(action.get(b"S").unwrap().as_name().unwrap(), b"URI");
            let rect: Vec<f32> = a
                .get(b"Rect")
                .and_then(Object::as_array)
                .unwrap()
                .iter()
                .map(number)
                .collect();
            found.push(Annotation {
                id,
                page: *page,
                uri: string(action.get(b"URI").unwrap()),
                contents: string(a.get(b"Contents").unwrap()),
                rect: [rect[0], rect[1], rect[2], rect[3]],
                key: a.get(b"StructParent").and_then(Object::as_i64).ok(),
            });
        }
    }
    found
}

/// The parent tree's entries, from its root down through /Kids.
fn parent_tree(doc: &Document) -> Vec<(i64, Object)> {
    fn walk(doc: &Document, node: &Dictionary, out: &mut Vec<(i64, Object)>) {
        if let Ok(nums) = node.get(b"Nums").and_then(Object::as_array) {
            for pair in nums.chunks(2) {
                out.push((pair[0].as_i64().unwrap(), pair[1].clone()));
            }
        }
        if let Ok(kids) = node.get(b"Kids").and_then(Object::as_array) {
            for kid in kids {
                let kid = doc.get_dictionary(kid.as_reference().unwrap()).unwrap();
                walk(doc, kid, out);
            }
        }
    }
    let root = doc
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .unwrap()
        .as_reference()
        .unwrap();
    let root = doc.get_dictionary(root).unwrap();
    let tree = doc
        .get_dictionary(root.get(b"ParentTree").unwrap().as_reference().unwrap())
        .unwrap();
    let mut out = Vec::new();
    walk(doc, tree, &mut out);
    out
}

/// Checks that each annotation's key leads to a `Link` element that holds the
/// address's marked content and an object reference back to the annotation, inside
/// a paragraph-level element; keys are unique.
fn assert_linked_in_the_structure(doc: &Document, annots: &[Annotation]) {
    let entries = parent_tree(doc);
    let mut keys: Vec<i64> = annots.iter().map(|a| a.key.expect("a key")).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), annots.len(), "one key per annotation");
    for annot in annots {
        let key = annot.key.unwrap();
        let (_, entry) = entries
            .iter()
            .find(|(k, _)| *k == key)
            .unwrap_or_else(|| panic!("key {key} in the parent tree"));
        let element = doc.get_dictionary(entry.as_reference().unwrap()).unwrap();
        assert_eq!(element.get(b"S").unwrap().as_name().unwrap(), b"Link");
        let kids = element.get(b"K").and_then(Object::as_array).unwrap();
        assert!(
            kids.iter().any(|k| matches!(k, Object::Integer(_))),
            "the address's text: {kids:?}"
        );
        let objr = kids
            .iter()
            .filter_map(|k| k.as_dict().ok())
            .find(|d| d.get(b"Type").and_then(Object::as_name).ok() == Some(b"OBJR"))
            .expect("an OBJR");
        assert_eq!(objr.get(b"Obj").unwrap().as_reference().unwrap(), annot.id);
        assert_eq!(objr.get(b"Pg").unwrap().as_reference().unwrap(), annot.page);
        let parent = doc
            .get_dictionary(element.get(b"P").unwrap().as_reference().unwrap())
            .unwrap();
        let kind = parent.get(b"S").unwrap().as_name().unwrap();
        assert!(
            [&b"P"[..], b"H1", b"LBody", b"Note"].contains(&kind),
            "{}",
            String::from_utf8_lossy(kind)
        );
    }
}

/// The boxes poppler finds for each word on page 1, in PDF user space.
fn word_boxes(pdf: &Path) -> Vec<(String, [f32; 4])> {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let html = String::from_utf8(out.stdout).unwrap();
    let height: f32 = html
        .split("<page width=\"")
        .nth(1)
        .and_then(|s| s.split("height=\"").nth(1))
        .and_then(|s| s.split('"').next())
        .unwrap()
        .parse()
        .unwrap();
    let attr = |line: &str, name: &str| -> f32 {
        let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[at..].split('"').next().unwrap().parse().unwrap()
    };
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word "))
        .map(|l| {
            let word = l.split('>').nth(1).unwrap().split('<').next().unwrap();
            let (x0, y0, x1, y1) = (
                attr(l, "xMin"),
                attr(l, "yMin"),
                attr(l, "xMax"),
                attr(l, "yMax"),
            );
            (word.to_string(), [x0, height - y1, x1, height - y0])
        })
        .collect()
}

fn draft(env: &Env, out: &str, extra: &[&str]) -> std::path::PathBuf {
    let mut args = vec![
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-un-mission",
        "--lang",
        "en",
        "--format",
        "pdf",
        "--sender-web",
        "www.example.org",
        "--own-words",
        OWN_WORDS,
        "-o",
        out,
    ];
    args.extend(sender_flags());
    args.extend(extra);
    env.run(&args).ok();
    env.join(out)
}

#[test]
fn printed_addresses_are_links_over_their_words_in_the_structure_tree() {
    let env = Env::new();
    let pdf = draft(&env, "letter.pdf", &[]);
    standards::check("letter", &pdf);
    let doc = Document::load(&pdf).unwrap();
    let annots = annotations(&doc);
    let uris: Vec<(&str, &str)> = annots
        .iter()
        .map(|a| (a.uri.as_str(), a.contents.as_str()))
        .collect();
    assert_eq!(
        uris,
        [
            ("mailto:ana@example.org", "ana@example.org"),
            ("https://www.example.org", "www.example.org"),
            (
                "https://example.org/informe-2024",
                "https://example.org/informe-2024"
            ),
            ("mailto:info@example.org", "info@example.org"),
        ]
    );
    // Each box covers its words as poppler sees them, and little else.
    let words = word_boxes(&pdf);
    for annot in &annots {
        let (_, word) = words
            .iter()
            .find(|(w, _)| w.trim_end_matches('.') == annot.contents)
            .unwrap_or_else(|| panic!("{} on page 1: {words:?}", annot.contents));
        let r = annot.rect;
        assert!(
            (r[0] - word[0]).abs() < 1.0 && r[2] <= word[2] + 1.0 && r[2] > word[2] - 4.0,
            "{}: {r:?} against {word:?}",
            annot.contents
        );
        let middle = (word[1] + word[3]) / 2.0;
        assert!(r[1] < middle && middle < r[3], "{r:?} against {word:?}");
    }
    assert_linked_in_the_structure(&doc, &annots);
    let structure = Command::new("pdfinfo")
        .args(["-struct-text"])
        .arg(&pdf)
        .output()
        .unwrap();
    let structure = String::from_utf8(structure.stdout).unwrap();
    assert!(
        structure.contains("Link (inline)\n        \"ana@example.org\""),
        "{structure}"
    );
    standards::outloud(&[&pdf]);
}

#[test]
fn links_hold_in_batches_combined_pdfs_attachments_and_plain_pdfs() {
    let env = Env::new();
    env.write(
        "signers.csv",
        "name;email\nAna Pérez;ana@example.org\nLuis Gómez;luis@example.org\n",
    );
    for combine in [false, true] {
        let out = if combine { "combined" } else { "one-each" };
        let mut args = vec![
            "-q",
            "batch",
            "--signers",
            "signers.csv",
            "-t",
            "detention-urgent-action",
            "--to",
            "ve-attorney-general",
            "--format",
            "pdf",
            "--own-words",
            OWN_WORDS,
            "-o",
            out,
        ];
        if combine {
            args.push("--combine");
        }
        env.run(&args).ok();
    }
    let combined = env.join("combined/detention-urgent-action.pdf");
    standards::check("combined", &combined);
    let doc = Document::load(&combined).unwrap();
    let annots = annotations(&doc);
    let uris: Vec<&str> = annots.iter().map(|a| a.uri.as_str()).collect();
    let letter = |email: &'static str| {
        [
            email,
            "https://example.org/informe-2024",
            "mailto:info@example.org",
        ]
    };
    let expected: Vec<&str> = letter("mailto:ana@example.org")
        .into_iter()
        .chain(letter("mailto:luis@example.org"))
        .collect();
    assert_eq!(uris, expected);
    // The second letter's pages come after the first's: its annotations are on them.
    assert_ne!(annots[0].page, annots[3].page);
    assert_linked_in_the_structure(&doc, &annots);

    let mut batch: Vec<_> = std::fs::read_dir(env.join("one-each"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    batch.sort();
    assert_eq!(batch.len(), 2);
    for pdf in &batch {
        standards::check(&pdf.display().to_string(), pdf);
        let doc = Document::load(pdf).unwrap();
        let annots = annotations(&doc);
        assert_eq!(annots.len(), 3);
        assert_linked_in_the_structure(&doc, &annots);
    }

    let mut args = vec![
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-un-mission",
        "--format",
        "email",
        "--attach-pdf",
        "--own-words",
        OWN_WORDS,
        "-o",
        "letter.eml",
    ];
    args.extend(sender_flags());
    env.run(&args).ok();
    let attached = env.first_attachment("letter.eml", "attached.pdf");
    standards::check("attached", &attached);
    let doc = Document::load(&attached).unwrap();
    let annots = annotations(&doc);
    assert_eq!(annots.len(), 3);
    assert_linked_in_the_structure(&doc, &annots);

    // Plain: the same links, with nothing to point to in a structure tree.
    let plain = draft(&env, "plain.pdf", &["--pdf-standard", "none"]);
    let doc = Document::load(&plain).unwrap();
    assert!(doc.catalog().unwrap().get(b"StructTreeRoot").is_err());
    let annots = annotations(&doc);
    assert_eq!(annots.len(), 4);
    assert!(annots.iter().all(|a| a.key.is_none()));
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(&plain)
        .output()
        .unwrap();
    assert!(check.status.success());

    let mut all: Vec<&Path> = batch.iter().map(|p| p.as_path()).collect();
    all.push(&combined);
    all.push(&attached);
    standards::outloud(&all);
}
