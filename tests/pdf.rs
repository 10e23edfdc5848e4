//! `letters draft --format pdf` end to end: the real binary writes PDFs, and poppler
//! (`pdftotext`, `pdfinfo`, `pdffonts`, `pdfimages`) and `qpdf --check` read them back.
//! `scripts/test.sh` installs those tools when they are missing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Command;

use common::{sender_flags, Env};
use mail_parser::MimeHeaders;

const CAMPAIGNS: [&str; 4] = [
    "election-integrity",
    "post-election-audit",
    "detention-urgent-action",
    "accountability-2025",
];

const SIGNATURE_PNG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signature.png");
const SIGNATURE_JPG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signature.jpg");

/// Runs a PDF tool; its stdout.
fn tool(name: &str, args: &[&str]) -> String {
    let output = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} is needed by the PDF tests (scripts/test.sh installs it): {e}")
    });
    assert!(
        output.status.success(),
        "{name} {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 from a PDF tool")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// The text of a PDF (pages `first..=last` if given), as poppler extracts it.
fn pdf_text(pdf: &Path, pages: Option<(usize, usize)>) -> String {
    let mut args: Vec<String> = vec!["-enc".into(), "UTF-8".into()];
    if let Some((first, last)) = pages {
        args.extend([
            "-f".into(),
            first.to_string(),
            "-l".into(),
            last.to_string(),
        ]);
    }
    args.extend([path(pdf).to_string(), "-".to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    tool("pdftotext", &args)
}

/// A field of `pdfinfo`.
fn info(pdf: &Path, field: &str) -> String {
    tool("pdfinfo", &["-enc", "UTF-8", path(pdf)])
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{field}:")))
        .unwrap_or_else(|| panic!("pdfinfo shows no {field}"))
        .trim()
        .to_string()
}

fn pages(pdf: &Path) -> usize {
    info(pdf, "Pages").parse().expect("page count")
}

/// `qpdf --check` passes and every font is embedded, subset and has a Unicode map.
fn assert_sound(pdf: &Path) {
    tool("qpdf", &["--check", path(pdf)]);
    let fonts = tool("pdffonts", &[path(pdf)]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts:\n{fonts}");
    for row in rows {
        let name = row.split_whitespace().next().unwrap_or_default();
        assert!(
            name.len() > 7 && name.as_bytes()[6] == b'+',
            "not a subset font name: {row}"
        );
        assert!(
            row.contains("CID TrueType") && row.contains(" yes yes yes "),
            "not an embedded subset with a Unicode map: {row}\n{fonts}"
        );
    }
}

/// Every word of the text rendering is in the PDF's text (footnote markers aside).
/// The PDF sets quotes and apostrophes as a word processor does (’ “ ”) where a text
/// rendering may keep what was typed: both are compared as straight.
fn assert_same_words(text: &str, pdf_text: &str) {
    let pdf_text: String = pdf_text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['‘', '’'], "'")
        .replace(['“', '”'], "\"");
    for word in text.split_whitespace() {
        if ["Subject:", "Asunto:"].contains(&word) || word.chars().all(|c| c == '_') {
            continue;
        }
        let word = strip_markers(word)
            .replace(['‘', '’'], "'")
            .replace(['“', '”'], "\"");
        if word.is_empty() {
            continue;
        }
        assert!(
            pdf_text.contains(&word),
            "`{word}` is missing from the PDF text:\n{pdf_text}"
        );
    }
}

/// `win.[1]` → `win.`; `[1]` → ``.
fn strip_markers(word: &str) -> String {
    let mut out = String::new();
    let mut rest = word;
    while let Some(start) = rest.find('[') {
        match rest[start..].find(']') {
            Some(end)
                if rest[start + 1..start + end]
                    .chars()
                    .all(|c| c.is_ascii_digit()) =>
            {
                out.push_str(&rest[..start]);
                rest = &rest[start + end + 1..];
            }
            _ => break,
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn every_campaign_in_both_languages_reads_back_word_for_word() {
    let env = Env::new();
    for campaign in CAMPAIGNS {
        for lang in ["en", "es"] {
            let mut args = vec!["-q", "draft", "--template", campaign, "--lang", lang];
            args.extend(sender_flags());
            args.extend(["--own-words", "My own paragraph, written for this letter."]);
            let dir = format!("{campaign}-{lang}/");
            let mut text_args = args.clone();
            text_args.extend(["-o", &dir]);
            env.run(&text_args).ok();
            args.extend(["--format", "pdf", "-o", &dir]);
            env.run(&args).ok();
            let mut letters = 0;
            for entry in std::fs::read_dir(env.join(&dir)).unwrap() {
                let pdf = entry.unwrap().path();
                if pdf.extension().is_none_or(|e| e != "pdf") {
                    continue;
                }
                letters += 1;
                let text = std::fs::read_to_string(pdf.with_extension("txt")).unwrap();
                assert_sound(&pdf);
                assert_same_words(&text, &pdf_text(&pdf, None));
                assert_eq!(info(&pdf, "Author"), "Ana Pérez");
                let title = info(&pdf, "Title");
                let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(flat.contains(&format!(": {title}")), "title `{title}`");
                assert!(
                    info(&pdf, "CreationDate").contains("Nov 23 00:00:00 2026"),
                    "{}",
                    info(&pdf, "CreationDate")
                );
            }
            assert!(letters > 0, "no PDF in {dir}");
        }
    }
}

#[test]
fn spanish_and_typographic_characters_survive() {
    let env = Env::new();
    let words = "¿Acaso «nadie» —ni siquiera ‘ellos’— sabe qué pasó? ¡Sí! Ñandú, pingüino, “comillas” – guion…";
    let mut args = vec![
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-attorney-general",
        "--lang",
        "es",
        "--format",
        "pdf",
        "-o",
        "letter.pdf",
        "--own-words",
        words,
    ];
    args.extend(sender_flags());
    env.run(&args).ok();
    let pdf = env.join("letter.pdf");
    let text = pdf_text(&pdf, None);
    for word in words.split_whitespace() {
        assert!(text.contains(word), "`{word}` is missing:\n{text}");
    }
    for phrase in [
        "Señor Fiscal General:",
        "Atentamente,",
        "23 de noviembre de 2026",
    ] {
        assert!(text.contains(phrase), "`{phrase}` is missing:\n{text}");
    }
    let raw = std::fs::read(&pdf).unwrap();
    let raw = String::from_utf8_lossy(&raw);
    assert!(raw.contains("/Lang(es)"), "no /Lang es in the catalog");
    assert_eq!(
        info(&pdf, "Title"),
        "Llamado urgente a favor de las personas detenidas en Venezuela tras las elecciones presidenciales"
    );
}

#[test]
fn one_page_with_a_png_signature_is_small_and_keeps_transparency() {
    let env = Env::new();
    let mut args = vec![
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-attorney-general",
        "--lang",
        "es",
        "--signature",
        SIGNATURE_PNG,
        "--format",
        "pdf",
        "-o",
        "signed.pdf",
    ];
    args.extend(sender_flags());
    env.run(&args).ok();
    let pdf = env.join("signed.pdf");
    assert_sound(&pdf);
    assert_eq!(pages(&pdf), 1);
    let size = std::fs::metadata(&pdf).unwrap().len();
    // Some 6 KB of it are what PDF/UA-1 and PDF/A-2b ask for: the structure tree, the
    // XMP metadata and the sRGB profile (`--pdf-standard none` leaves them out); some
    // 7 KB the regular face's standard glyph set (every Latin-1 letter, so that the
    // letters of a batch share one subset whatever the signers' names).
    assert!(size <= 52 * 1024, "a one-page letter is {size} bytes");
    let images = tool("pdfimages", &["-list", path(&pdf)]);
    assert!(
        images.contains(" image ") && images.contains(" smask "),
        "{images}"
    );
}

#[test]
fn a_jpeg_signature_is_embedded_as_it_is() {
    let env = Env::new();
    let mut args = vec![
        "-q",
        "draft",
        "-t",
        "post-election-audit",
        "--to",
        "ve-un-mission",
        "--signature",
        SIGNATURE_JPG,
        "--format",
        "pdf",
        "-o",
        "signed.pdf",
    ];
    args.extend(sender_flags());
    env.run(&args).ok();
    let pdf = env.join("signed.pdf");
    assert_sound(&pdf);
    let images = tool("pdfimages", &["-list", path(&pdf)]);
    assert!(images.contains(" jpeg "), "{images}");
    tool("pdfimages", &["-j", path(&pdf), path(&env.join("img"))]);
    let extracted = std::fs::read(env.join("img-000.jpg")).unwrap();
    assert_eq!(extracted, std::fs::read(SIGNATURE_JPG).unwrap());
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let env = Env::new();
    let base = |out: &'static str, to: &[&'static str]| {
        let mut args = vec![
            "-q",
            "draft",
            "-t",
            "detention-urgent-action",
            "--lang",
            "en",
            "--signature",
            SIGNATURE_PNG,
            "--format",
            "pdf",
            "-o",
            out,
        ];
        for id in to {
            args.extend(["--to", id]);
        }
        args.extend(sender_flags());
        args
    };
    // Alone, twice, and second after another letter in the same process.
    env.run(&base("a.pdf", &["ve-un-mission"])).ok();
    env.run(&base("b.pdf", &["ve-un-mission"])).ok();
    env.run(&base("dir/", &["ve-attorney-general", "ve-un-mission"]))
        .ok();
    let a = std::fs::read(env.join("a.pdf")).unwrap();
    let b = std::fs::read(env.join("b.pdf")).unwrap();
    let c = std::fs::read(env.join("dir/detention-urgent-action--ve-un-mission--en.pdf")).unwrap();
    assert!(a == b, "two runs differ");
    assert!(a == c, "a letter made after another one differs");
    assert!(a.starts_with(b"%PDF-1.7"));
}

#[test]
fn a_long_letter_flows_onto_numbered_pages() {
    let env = Env::new();
    let sentence = "Les escribo para insistir en que cada persona detenida tenga acceso a un abogado de su confianza y a su familia. ";
    env.write("long.txt", &sentence.repeat(60));
    let mut args = vec![
        "-q",
        "draft",
        "-t",
        "election-integrity",
        "--lang",
        "en",
        "--signature",
        SIGNATURE_PNG,
        "--own-words",
        "@long.txt",
        "--format",
        "pdf",
        "-o",
        "long.pdf",
    ];
    args.extend(sender_flags());
    env.run(&args).ok();
    let pdf = env.join("long.pdf");
    assert_sound(&pdf);
    let total = pages(&pdf);
    assert!(total >= 3, "{total} pages");
    assert!(pdf_text(&pdf, Some((1, 1))).contains(&format!("Page 1 of {total}")));
    let second = pdf_text(&pdf, Some((2, 2)));
    assert!(second.contains(&format!("Page 2 of {total}")), "{second}");
    // The closing is on the page of the signature, and never alone.
    let last = pdf_text(&pdf, Some((total, total)));
    assert!(
        last.contains("Sincerely,") && last.contains("Ana Pérez") && last.contains("Coordinadora"),
        "{last}"
    );
    assert!(
        last.contains("abogado"),
        "the closing starts a page alone:\n{last}"
    );
}

#[test]
fn layouts_set_the_paper_and_default_by_country() {
    let env = Env::new();
    let run = |layout: Option<&str>, to: &str, out: &str| {
        let mut args = vec!["-q", "draft", "-t", "post-election-audit", "--to", to];
        if let Some(layout) = layout {
            args.extend(["--layout", layout]);
        }
        args.extend(["--sender-name", "Ana", "--format", "pdf", "-o", out]);
        env.run(&args).ok();
        let pdf = env.join(out);
        assert_sound(&pdf);
        info(&pdf, "Page size")
    };
    let a4 = "595.28 x 841.89 pts (A4)";
    let letter = "612 x 792 pts (letter)";
    assert_eq!(run(None, "ve-attorney-general", "ve.pdf"), a4);
    assert_eq!(run(None, "us-secretary-of-state", "us.pdf"), letter);
    for (layout, size) in [
        ("din5008-b", a4),
        ("din5008-a", a4),
        ("a4", a4),
        ("us-letter", letter),
        ("letter", letter),
    ] {
        assert_eq!(
            run(Some(layout), "ve-un-mission", &format!("{layout}.pdf")),
            size
        );
    }
}

#[test]
fn workspace_settings_choose_layout_and_fonts() {
    let env = Env::new();
    let fonts = concat!(env!("CARGO_MANIFEST_DIR"), "/fonts");
    env.write(
        "letters.toml",
        &format!(
            "[sender]\nname = \"Ana\"\nsignature = \"sig.png\"\n\n[pdf]\nlayout = \"a4\"\nfont-regular = \"{fonts}/LiberationSerif-Italic.ttf\"\n"
        ),
    );
    std::fs::copy(SIGNATURE_PNG, env.join("sig.png")).unwrap();
    env.run(&[
        "-q",
        "draft",
        "-t",
        "election-integrity",
        "--format",
        "pdf",
        "-o",
        "out.pdf",
    ])
    .ok();
    let pdf = env.join("out.pdf");
    assert_eq!(info(&pdf, "Page size"), "595.28 x 841.89 pts (A4)");
    let fonts = tool("pdffonts", &[path(&pdf)]);
    assert!(fonts.contains("+LiberationSerif-Italic "), "{fonts}");
    assert!(tool("pdfimages", &["-list", path(&pdf)]).contains(" smask "));
}

#[test]
fn a_pdf_goes_to_standard_output_when_it_is_not_a_terminal() {
    let env = Env::new();
    let output = env
        .cmd(&[
            "-q",
            "draft",
            "-t",
            "post-election-audit",
            "--to",
            "ve-un-mission",
            "--sender-name",
            "Ana",
            "--format",
            "pdf",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(output.stdout.starts_with(b"%PDF-"));
    assert!(output.stdout.ends_with(b"%%EOF\n") || output.stdout.ends_with(b"%%EOF"));
}

#[test]
fn several_pdfs_need_a_directory() {
    let env = Env::new();
    let run = env.run(&[
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--sender-name",
        "Ana",
        "--format",
        "pdf",
    ]);
    insta::assert_snapshot!("pdf-several-to-stdout", run.fails(2));
}

#[test]
fn a_character_no_font_has_is_an_error_not_a_box() {
    let env = Env::new();
    let run = env.run(&[
        "-q",
        "draft",
        "-t",
        "post-election-audit",
        "--to",
        "ve-un-mission",
        "--sender-name",
        "李明 (Li Ming)",
        "--format",
        "pdf",
        "-o",
        "out.pdf",
    ]);
    insta::assert_snapshot!("pdf-missing-glyphs", run.fails(2));
    assert!(!env.join("out.pdf").exists());
}

#[test]
fn a_bad_signature_is_an_error_naming_the_file() {
    let env = Env::new();
    env.write("notes.txt", "not an image");
    let mut truncated = std::fs::read(SIGNATURE_PNG).unwrap();
    truncated.truncate(200);
    std::fs::write(env.join("broken.png"), truncated).unwrap();
    let with = |file: &str| {
        env.run(&[
            "-q",
            "draft",
            "-t",
            "post-election-audit",
            "--to",
            "ve-un-mission",
            "--sender-name",
            "Ana",
            "--signature",
            file,
            "--format",
            "pdf",
            "-o",
            "out.pdf",
        ])
    };
    insta::assert_snapshot!("pdf-signature-missing", with("missing.png").fails(2));
    insta::assert_snapshot!("pdf-signature-not-an-image", with("notes.txt").fails(2));
    let broken = with("broken.png");
    let stderr = broken.fails(2);
    assert!(
        stderr.starts_with("error: signature image broken.png: is not a readable PNG image"),
        "{stderr}"
    );
    assert!(!env.join("out.pdf").exists());
}

#[test]
fn a_font_file_that_is_not_a_font_is_an_error() {
    let env = Env::new();
    env.write("font.ttf", "not a font");
    let run = env.run(&[
        "-q",
        "draft",
        "-t",
        "post-election-audit",
        "--sender-name",
        "Ana",
        "--font-regular",
        "font.ttf",
        "--format",
        "pdf",
        "-o",
        "out.pdf",
    ]);
    insta::assert_snapshot!("pdf-font-not-a-font", run.fails(2));
}

#[test]
fn a_batch_signs_each_pdf_with_its_rows_signature() {
    let env = Env::new();
    std::fs::copy(SIGNATURE_PNG, env.join("ana.png")).unwrap();
    std::fs::copy(SIGNATURE_JPG, env.join("luis.jpg")).unwrap();
    env.write(
        "signers.csv",
        "name;title;signature;lang\nAna Pérez;Coordinadora;ana.png;es\nLuis Gómez;;luis.jpg;en\nEva Díaz;;missing.png;es\n",
    );
    let run = env.run(&[
        "batch",
        "--signers",
        "signers.csv",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-attorney-general",
        "--format",
        "pdf",
        "-o",
        "out",
    ]);
    assert!(
        run.fails(1)
            .contains("row 4: column `signature`: cannot read signature image"),
        "{}",
        run.stderr
    );
    let ana = env.join("out/0002-ana-perez--ve-attorney-general.pdf");
    let luis = env.join("out/0003-luis-gomez--ve-attorney-general.pdf");
    assert_sound(&ana);
    assert_sound(&luis);
    let text = pdf_text(&ana, None);
    assert!(
        text.contains("Ana Pérez") && text.contains("Coordinadora"),
        "{text}"
    );
    assert!(text.contains("Señor Fiscal General:"), "{text}");
    assert!(pdf_text(&luis, None).contains("Dear Attorney General,"));
    for pdf in [&ana, &luis] {
        let images = tool("pdfimages", &["-list", path(pdf)]);
        let pictures = images
            .lines()
            .skip(2)
            .filter(|l| l.split_whitespace().nth(2) == Some("image"))
            .count();
        assert_eq!(pictures, 1, "{images}");
    }
    assert!(env.read("out/failed.csv").contains("Eva Díaz"));
}

#[test]
fn a_combined_batch_is_one_pdf_with_every_letter_in_row_order() {
    let env = Env::new();
    std::fs::copy(SIGNATURE_PNG, env.join("ana.png")).unwrap();
    std::fs::copy(SIGNATURE_JPG, env.join("luis.jpg")).unwrap();
    // Luis writes enough of his own words for a second page.
    let long = "I ask that every detained person see a lawyer and their family. ".repeat(40);
    env.write(
        "signers.csv",
        &format!(
            "name;title;signature;lang;own_words\nAna Pérez;Coordinadora;ana.png;es;\nLuis Gómez;;luis.jpg;en;{long}\nEva Díaz;;ana.png;es;\n"
        ),
    );
    let batch = |combine: bool, out: &str| {
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
            "-o",
            out,
        ];
        if combine {
            args.push("--combine");
        }
        env.run(&args).ok();
    };
    batch(false, "single");
    batch(true, "out");
    let singles = [
        "single/0002-ana-perez--ve-attorney-general.pdf",
        "single/0003-luis-gomez--ve-attorney-general.pdf",
        "single/0004-eva-diaz--ve-attorney-general.pdf",
    ];
    let single_pages: Vec<usize> = singles.iter().map(|f| pages(&env.join(f))).collect();
    assert_eq!(single_pages, [1, 2, 1]);

    let pdf = env.join("out/detention-urgent-action.pdf");
    assert_sound(&pdf);
    assert_eq!(pages(&pdf), single_pages.iter().sum::<usize>());
    assert_eq!(
        info(&pdf, "Title"),
        "Detenciones masivas tras las elecciones (acción urgente, agosto de 2024)"
    );
    let text = pdf_text(&pdf, None);
    let at = |name: &str| {
        text.find(name)
            .unwrap_or_else(|| panic!("{name} is missing:\n{text}"))
    };
    assert!(at("Ana Pérez") < at("Luis Gómez") && at("Luis Gómez") < at("Eva Díaz"));
    // Luis's letter keeps its own numbering, on pages 2 and 3 of the whole.
    assert!(pdf_text(&pdf, Some((2, 2))).contains("Page 1 of 2"));
    assert!(pdf_text(&pdf, Some((3, 3))).contains("Page 2 of 2"));
    // Each letter keeps its own signature: one picture per letter.
    let images = tool("pdfimages", &["-list", path(&pdf)]);
    let pictures: Vec<&str> = images
        .lines()
        .skip(2)
        .filter(|l| l.split_whitespace().nth(2) == Some("image"))
        .map(|l| l.split_whitespace().next().unwrap_or_default())
        .collect();
    assert_eq!(pictures, ["1", "3", "4"], "{images}");
    assert!(!env.join("out/manifest.jsonl").exists());

    // The same input gives the same bytes.
    batch(true, "again");
    assert!(
        std::fs::read(&pdf).unwrap()
            == std::fs::read(env.join("again/detention-urgent-action.pdf")).unwrap()
    );
}

#[test]
fn an_email_can_carry_the_pdf_of_the_same_letter() {
    let env = Env::new();
    let mut args = vec![
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-un-mission",
        "--lang",
        "es",
        "--format",
        "email",
        "--attach-pdf",
        "--signature",
        SIGNATURE_PNG,
        "-o",
        "carta.eml",
    ];
    args.extend(sender_flags());
    env.run(&args).ok();
    let bytes = std::fs::read(env.join("carta.eml")).unwrap();
    let message = mail_parser::MessageParser::default().parse(&bytes).unwrap();
    assert!(message
        .body_text(0)
        .unwrap()
        .contains("Excelentísimo señor Embajador:"));
    let attachment = message.attachment(0).expect("a PDF attachment");
    assert_eq!(
        attachment.attachment_name(),
        Some("detention-urgent-action--ve-un-mission--es.pdf")
    );
    let ct = attachment.content_type().unwrap();
    assert_eq!((ct.ctype(), ct.subtype()), ("application", Some("pdf")));
    std::fs::write(env.join("attached.pdf"), attachment.contents()).unwrap();
    assert_sound(&env.join("attached.pdf"));
    assert!(pdf_text(&env.join("attached.pdf"), None).contains("Ana Pérez"));
}

/// How many pages the `.letters-*.tmp` files in `dir` hold so far.
fn pages_being_written(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        .filter_map(|entry| std::fs::read(entry.path()).ok())
        .map(|bytes| {
            bytes
                .windows(b"/Type/Page/".len())
                .filter(|w| *w == b"/Type/Page/")
                .count()
        })
        .sum()
}

#[test]
fn a_combined_pdf_is_written_as_the_letters_come() {
    use std::io::Write;
    use std::time::{Duration, Instant};

    let env = Env::new();
    let mut child = env
        .std_cmd(&[
            "-q",
            "batch",
            "--signers",
            "-",
            "-t",
            "detention-urgent-action",
            "--to",
            "ve-attorney-general",
            "--format",
            "pdf",
            "--combine",
            "-o",
            "out",
        ])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"name,title\n").unwrap();
    // While the signers still come in, the letters done so far are already in the
    // output directory, in the file being written: nothing waits for the last letter.
    let mut rows = 0;
    let mut written = 0;
    for _ in 0..3 {
        for _ in 0..300 {
            rows += 1;
            writeln!(stdin, "Signer {rows},Volunteer").unwrap();
        }
        stdin.flush().unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        while written == 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
            written = pages_being_written(&env.join("out"));
        }
        if written > 0 {
            break;
        }
    }
    if written == 0 {
        let _ = child.kill();
    }
    assert!(written > 0, "no letter written after {rows} signers");
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let pdf = env.join("out/detention-urgent-action.pdf");
    assert_sound(&pdf);
    assert_eq!(pages(&pdf), rows);
    assert_eq!(pages_being_written(&env.join("out")), 0);
    let text = pdf_text(&pdf, Some((rows, rows)));
    assert!(text.contains(&format!("Signer {rows}")), "{text}");
}

#[test]
fn a_truncated_jpeg_signature_is_refused_in_draft_and_batch() {
    let env = Env::new();
    let jpeg = std::fs::read(SIGNATURE_JPG).unwrap();
    // Cut in the compressed data, and just before the end-of-image marker.
    std::fs::write(env.join("half.jpg"), &jpeg[..jpeg.len() / 2]).unwrap();
    std::fs::write(env.join("no-end.jpg"), &jpeg[..jpeg.len() - 2]).unwrap();
    std::fs::write(env.join("whole.jpg"), &jpeg).unwrap();
    for file in ["half.jpg", "no-end.jpg"] {
        let run = env.run(&[
            "-q",
            "draft",
            "-t",
            "post-election-audit",
            "--to",
            "ve-un-mission",
            "--sender-name",
            "Ana",
            "--signature",
            file,
            "--format",
            "pdf",
            "-o",
            "out.pdf",
        ]);
        let stderr = run.fails(2);
        assert!(
            stderr.starts_with(&format!(
                "error: signature image {file}: is a truncated JPEG"
            )),
            "{stderr}"
        );
        assert!(!env.join("out.pdf").exists());
    }

    env.write(
        "signers.csv",
        "name;signature\nAna Pérez;whole.jpg\nLuis Gómez;half.jpg\nEva Díaz;no-end.jpg\nSofía Ruiz;whole.jpg\n",
    );
    for combine in [false, true] {
        let out = if combine { "combined" } else { "single" };
        let mut args = vec![
            "batch",
            "--signers",
            "signers.csv",
            "-t",
            "detention-urgent-action",
            "--to",
            "ve-attorney-general",
            "--format",
            "pdf",
            "-o",
            out,
        ];
        if combine {
            args.push("--combine");
        }
        let run = env.run(&args);
        let stderr = run.fails(1);
        for (row, file) in [(3, "half.jpg"), (4, "no-end.jpg")] {
            assert!(
                stderr.contains(&format!(
                    "row {row}: signature image {file}: is a truncated JPEG"
                )),
                "{stderr}"
            );
        }
        let failed = env.read(&format!("{out}/failed.csv"));
        assert!(
            failed.contains("Luis Gómez") && failed.contains("Eva Díaz"),
            "{failed}"
        );
        let pdfs: Vec<_> = std::fs::read_dir(env.join(out))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "pdf"))
            .collect();
        assert_eq!(pdfs.len(), if combine { 1 } else { 2 }, "{pdfs:?}");
        for pdf in &pdfs {
            assert_sound(pdf);
            let images = tool("pdfimages", &["-list", path(pdf)]);
            assert!(images.contains(" jpeg "), "{images}");
        }
        if combine {
            assert_eq!(pages(&pdfs[0]), 2);
            let text = pdf_text(&pdfs[0], None);
            assert!(text.contains("Ana Pérez") && text.contains("Sofía Ruiz"));
            assert!(!text.contains("Luis Gómez") && !text.contains("Eva Díaz"));
        }
    }
}

#[test]
fn a_png_signature_cut_before_its_end_chunk_is_refused() {
    let env = Env::new();
    let png = std::fs::read(SIGNATURE_PNG).unwrap();
    // Every pixel is there; only the end chunk is missing its last byte.
    std::fs::write(env.join("cut.png"), &png[..png.len() - 1]).unwrap();
    let run = env.run(&[
        "-q",
        "draft",
        "-t",
        "post-election-audit",
        "--to",
        "ve-un-mission",
        "--sender-name",
        "Ana",
        "--signature",
        "cut.png",
        "--format",
        "pdf",
        "-o",
        "out.pdf",
    ]);
    let stderr = run.fails(2);
    assert!(
        stderr.starts_with("error: signature image cut.png: is not a readable PNG image"),
        "{stderr}"
    );
    assert!(!env.join("out.pdf").exists());
}

#[test]
fn duplex_starts_every_combined_letter_on_a_new_sheet() {
    let env = Env::new();
    // Luis writes enough of his own words for a second page; the others take one.
    let long = "I ask that every detained person see a lawyer and their family. ".repeat(40);
    env.write(
        "signers.csv",
        &format!("name;lang;own_words\nAna Pérez;es;\nEva Díaz;es;\nLuis Gómez;en;{long}\nRosa Gil;es;\n"),
    );
    let batch = |duplex: bool, out: &str| {
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
            "--combine",
            "-o",
            out,
        ];
        if duplex {
            args.push("--duplex");
        }
        env.run(&args).ok();
        env.join(&format!("{out}/detention-urgent-action.pdf"))
    };
    let simplex = batch(false, "simplex");
    assert_eq!(pages(&simplex), 5);
    let duplex = batch(true, "duplex");
    assert_sound(&duplex);
    // Ana 1 + back, Eva 1 + back, Luis 2, Rosa 1 (the last letter needs no back).
    assert_eq!(pages(&duplex), 7);
    let page = |n: usize| pdf_text(&duplex, Some((n, n)));
    for (n, name) in [
        (1, "Ana Pérez"),
        (3, "Eva Díaz"),
        (6, "Luis Gómez"),
        (7, "Rosa Gil"),
    ] {
        assert!(page(n).contains(name), "page {n}: {}", page(n));
    }
    assert!(page(5).contains("Page 1 of 2"), "{}", page(5));
    for n in [2, 4] {
        assert!(
            page(n).trim().is_empty(),
            "page {n} is not blank: {}",
            page(n)
        );
    }
}

#[test]
fn an_address_too_long_for_the_window_loses_its_title_with_a_warning() {
    let env = Env::new();
    let mut args = vec![
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-un-mission",
        "--lang",
        "en",
        "--layout",
        "din5008-a",
        "--format",
        "pdf",
        "-o",
        "x.pdf",
    ];
    args.extend(sender_flags());
    let run = env.run(&args);
    run.ok();
    assert!(
        run.stderr.contains("warning: recipient `ve-un-mission`: the title “Permanent Representative to the United Nations” is left out of the address in the envelope window of the din5008-a layout, which holds 6 lines"),
        "{}",
        run.stderr
    );
    let page = pdf_text(&env.join("x.pdf"), Some((1, 1)));
    assert!(!page.contains("Permanent Representative"), "{page}");
    assert!(page.contains("Héctor Constant Rosales"), "{page}");
}
