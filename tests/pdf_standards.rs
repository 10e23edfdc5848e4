//! Every way a PDF is made is tagged (PDF/UA-1) and archival (PDF/A-2b) by default: a
//! letter, a batch's letters, a combined PDF (each letter's structure under its own
//! section, a bookmark per letter) and the PDF an email carries; `--pdf-standard none`
//! writes plain PDFs. The checks are the gallery's (`gallery/standards.rs`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "gallery/standards.rs"]
mod standards;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{sender_flags, Env};
use lopdf::{Document, Object};

const SIGNATURE_PNG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signature.png");

fn pdfinfo(pdf: &Path, args: &[&str]) -> String {
    let output = Command::new("pdfinfo")
        .args(args)
        .arg(pdf)
        .output()
        .expect("pdfinfo (scripts/test.sh installs poppler-utils)");
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

/// The titles of a PDF's bookmarks, in order.
fn bookmarks(pdf: &Path) -> Vec<String> {
    let doc = Document::load(pdf).unwrap();
    let outlines = doc.catalog().unwrap().get(b"Outlines").unwrap();
    let root = doc
        .get_dictionary(outlines.as_reference().unwrap())
        .unwrap();
    let mut next = root.get(b"First").and_then(Object::as_reference).ok();
    let mut titles = Vec::new();
    while let Some(id) = next {
        let item = doc.get_dictionary(id).unwrap();
        let title = item.get(b"Title").and_then(Object::as_str).unwrap();
        let units: Vec<u16> = title[2..]
            .chunks(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        titles.push(String::from_utf16(&units).unwrap());
        next = item.get(b"Next").and_then(Object::as_reference).ok();
    }
    titles
}

#[test]
fn every_path_is_tagged_and_archival() {
    let env = Env::new();
    env.write(
        "signers.csv",
        "name;signature\nAna Pérez;sig.png\nLuis Gómez;sig.png\nEva Díaz;\n",
    );
    std::fs::copy(SIGNATURE_PNG, env.join("sig.png")).unwrap();
    let batch = |out: &str, combine: bool| {
        let mut args = vec![
            "-q",
            "batch",
            "--signers",
            "signers.csv",
            "-t",
            "detention-urgent-action",
            "--to",
            "ve-attorney-general",
            "--lang",
            "es",
            "--format",
            "pdf",
            "-o",
            out,
        ];
        if combine {
            args.push("--combine");
        }
        env.run(&args).ok();
    };
    batch("one-each", false);
    batch("combined", true);
    let combined = env.join("combined/detention-urgent-action.pdf");
    standards::check("combined", &combined);
    // Each letter is a section of its own, with a bookmark.
    let structure = pdfinfo(&combined, &["-struct-text"]);
    assert_eq!(structure.lines().filter(|l| *l == "  Sect").count(), 3);
    assert_eq!(
        bookmarks(&combined),
        [
            "Ana Pérez — Señor Tarek William Saab",
            "Luis Gómez — Señor Tarek William Saab",
            "Eva Díaz — Señor Tarek William Saab",
        ]
    );
    // Two signed letters: two figures, described in the letter's language.
    assert_eq!(structure.matches("  Figure").count(), 2, "{structure}");

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
        "email",
        "--attach-pdf",
        "--signature",
        SIGNATURE_PNG,
        "-o",
        "letter.eml",
    ];
    args.extend(sender_flags());
    env.run(&args).ok();
    let attached = env.first_attachment("letter.eml", "attached.pdf");
    standards::check("attached", &attached);
    assert!(pdfinfo(&attached, &[]).contains("Tagged:          yes"));

    let mut all: Vec<PathBuf> = std::fs::read_dir(env.join("one-each"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    all.sort();
    assert_eq!(all.len(), 3);
    for pdf in &all {
        standards::check(&pdf.display().to_string(), pdf);
    }
    all.push(combined);
    all.push(attached);
    let all: Vec<&Path> = all.iter().map(PathBuf::as_path).collect();
    standards::outloud(&all);
}

#[test]
fn the_signature_is_described_in_the_letters_language() {
    let env = Env::new();
    for lang in ["en", "es"] {
        let out = format!("{lang}.pdf");
        let mut args = vec![
            "-q",
            "draft",
            "-t",
            "detention-urgent-action",
            "--to",
            "ve-un-mission",
            "--lang",
            lang,
            "--format",
            "pdf",
            "--signature",
            SIGNATURE_PNG,
            "-o",
            &out,
        ];
        args.extend(sender_flags());
        env.run(&args).ok();
        let doc = Document::load(env.join(&out)).unwrap();
        let alt: Vec<String> = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"S").and_then(Object::as_name).ok() == Some(b"Figure"))
            .map(|d| {
                let bytes = d.get(b"Alt").and_then(Object::as_str).unwrap();
                match bytes.strip_prefix(&[0xFE, 0xFF]) {
                    Some(utf16) => String::from_utf16(
                        &utf16
                            .chunks(2)
                            .map(|p| u16::from_be_bytes([p[0], p[1]]))
                            .collect::<Vec<_>>(),
                    )
                    .unwrap(),
                    None => String::from_utf8(bytes.to_vec()).unwrap(),
                }
            })
            .collect();
        let expected = if lang == "en" {
            "Signature of Ana Pérez"
        } else {
            "Firma de Ana Pérez"
        };
        assert_eq!(alt, [expected]);
        let catalog = doc.catalog().unwrap();
        assert_eq!(
            catalog.get(b"Lang").and_then(Object::as_str).unwrap(),
            lang.as_bytes()
        );
    }
}

#[test]
fn pdf_standard_none_writes_a_plain_smaller_pdf_with_the_same_text() {
    let env = Env::new();
    let draft = |out: &str, extra: &[&str]| {
        let mut args = vec![
            "-q",
            "draft",
            "-t",
            "detention-urgent-action",
            "--to",
            "ve-un-mission",
            "--format",
            "pdf",
            "--signature",
            SIGNATURE_PNG,
            "-o",
            out,
        ];
        args.extend(sender_flags());
        args.extend(extra);
        env.run(&args).ok();
        env.join(out)
    };
    let tagged = draft("tagged.pdf", &[]);
    let plain = draft("plain.pdf", &["--pdf-standard", "none"]);
    let info = pdfinfo(&plain, &[]);
    assert!(info.contains("Tagged:          no"), "{info}");
    assert!(info.contains("Metadata Stream: no"), "{info}");
    let size = |p: &Path| std::fs::metadata(p).unwrap().len();
    assert!(size(&plain) < size(&tagged));
    let text = |p: &Path| {
        let out = Command::new("pdftotext").arg(p).arg("-").output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(text(&plain), text(&tagged));
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(&plain)
        .output()
        .unwrap();
    assert!(check.status.success());
}

#[test]
fn pdf_standard_comes_from_letters_toml_and_the_flag_wins() {
    let env = Env::new();
    env.write("letters.toml", "[pdf]\npdf-standard = \"none\"\n");
    let draft = |out: &str, extra: &[&str]| {
        let mut args = vec![
            "-q",
            "draft",
            "-t",
            "detention-urgent-action",
            "--to",
            "ve-un-mission",
            "--format",
            "pdf",
            "-o",
            out,
        ];
        args.extend(sender_flags());
        args.extend(extra);
        env.run(&args).ok();
        pdfinfo(&env.join(out), &[])
    };
    let plain = draft("plain.pdf", &[]);
    assert!(plain.contains("Tagged:          no"), "{plain}");
    let tagged = draft("tagged.pdf", &["--pdf-standard", "ua1-a2b"]);
    assert!(tagged.contains("Tagged:          yes"), "{tagged}");
}

#[test]
fn footnotes_are_notes_and_words_in_another_language_say_which() {
    let env = Env::new();
    let own = "My cousin was detained in Caracas last August and we have not heard from him since.";
    let draft = |out: &str, format: &str, lang: &str, extra: &[&str]| {
        let mut args = vec![
            "-q",
            "draft",
            "-t",
            "election-integrity",
            "--to",
            "ve-attorney-general",
            "--lang",
            lang,
            "--format",
            format,
            "-o",
            out,
        ];
        args.extend(extra);
        args.extend(sender_flags());
        env.run(&args).ok();
        env.join(out)
    };
    let pdf = draft("letter.pdf", "pdf", "es", &["--own-words", own]);
    standards::check("letter", &pdf);
    standards::outloud(&[pdf.as_path()]);
    let structure = pdfinfo(&pdf, &["-struct-text"]);
    // The raised number in the text is a reference; the note's number is its label.
    assert!(
        structure.contains("      Reference (inline)\n        \"1\"\n"),
        "{structure}"
    );
    let note = structure.find("    Note").expect("a Note element");
    assert!(
        structure[note..].contains("(inline)\n      Lbl (block)\n        \"1\"\n"),
        "{structure}"
    );

    // The paragraph of own words, alone, says it is in English; the letter in Spanish.
    let doc = Document::load(&pdf).unwrap();
    let sect = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .find(|d| d.get(b"S").and_then(Object::as_name).ok() == Some(b"Sect"))
        .unwrap();
    assert_eq!(sect.get(b"Lang").and_then(Object::as_str).unwrap(), b"es");
    let kids = sect.get(b"K").and_then(Object::as_array).unwrap();
    let langs: Vec<(usize, Vec<u8>)> = kids
        .iter()
        .enumerate()
        .filter_map(|(i, kid)| {
            let element = doc.get_dictionary(kid.as_reference().unwrap()).unwrap();
            let lang = element.get(b"Lang").and_then(Object::as_str).ok()?;
            Some((i, lang.to_vec()))
        })
        .collect();
    assert_eq!(langs.len(), 1, "one element in another language: {langs:?}");
    assert_eq!(langs[0].1, b"en");
    // The elements right under the section, each with the lines below it.
    let mut top: Vec<String> = Vec::new();
    for line in structure.lines() {
        let depth = line.len() - line.trim_start().len();
        match (depth, top.last_mut()) {
            (4, _) => top.push(line.to_string()),
            (d, Some(last)) if d > 4 => last.push_str(line),
            _ => {}
        }
    }
    assert!(
        top[langs[0].0].contains("My cousin was detained"),
        "{}",
        top[langs[0].0]
    );

    // The letter model says so too.
    let json =
        std::fs::read_to_string(draft("letter.json", "json", "es", &["--own-words", own])).unwrap();
    let letter: serde_json::Value = serde_json::from_str(&json).unwrap();
    let marked: Vec<&serde_json::Value> = letter["body"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b.get("lang").is_some())
        .collect();
    assert_eq!(marked.len(), 1);
    assert_eq!(marked[0]["lang"], "en");
    assert!(marked[0]["content"][0]["text"]
        .as_str()
        .unwrap()
        .starts_with("My cousin"));

    // In the English letter, the Spanish title of the source the footnote cites is a
    // span in Spanish, one element across the two lines it takes.
    let english = draft("english.pdf", "pdf", "en", &[]);
    standards::check("english", &english);
    standards::outloud(&[english.as_path()]);
    let structure = pdfinfo(&english, &["-struct-text"]);
    assert_eq!(structure.matches("Span (inline)").count(), 1, "{structure}");
    let span = structure.find("Span (inline)").unwrap();
    assert!(
        structure[span..].starts_with("Span (inline)\n        \"Atentados, amenazas"),
        "{structure}"
    );
    let doc = Document::load(&english).unwrap();
    let spans: Vec<Vec<u8>> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"S").and_then(Object::as_name).ok() == Some(b"Span"))
        .map(|d| d.get(b"Lang").and_then(Object::as_str).unwrap().to_vec())
        .collect();
    assert_eq!(spans, [b"es".to_vec()]);
}
