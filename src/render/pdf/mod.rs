//! PDF letters: the same Letter the text backend renders, typeset with embedded,
//! subset Unicode fonts, laid out for window envelopes, paginated, signed with an image,
//! and byte-for-byte reproducible.
//!
//! Two halves, as layout and writing are kept apart: [`layout`] decides what goes
//! where, page by page (marks in points, no PDF in sight), and `write` turns those
//! pages into PDF objects and files. `fonts` sits under both: layout measures text with
//! its advance widths, writing embeds subsets of its faces. This file is the public
//! face: [`render`] one letter, or [`typeset`] it for a [`Combined`] PDF of many.

pub mod fonts;
pub mod layout;
mod write;

use std::sync::Arc;

use crate::error::{Error, Result};
use crate::letter::Letter;
use write::{Document, Image, Info, Meta};

pub use crate::model::{Layout, PdfStandard};
pub use fonts::{FontFile, FontFiles, Fonts};
pub use write::{Combined, Typeset};

/// PDF settings: the layout (default: by the recipient's country) and the fonts
/// (default: the bundled Liberation Serif).
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    pub layout: Option<Layout>,
    pub fonts: Option<Arc<Fonts>>,
    /// A combined PDF starts every letter on a new sheet, for printing on both sides.
    pub duplex: bool,
    /// Tagged and archival (the default), or plain.
    pub standard: PdfStandard,
}

/// Renders one letter as a PDF.
pub fn render(letter: &Letter, options: &PdfOptions) -> Result<Vec<u8>> {
    render_noting(letter, options, &mut Vec::new())
}

/// Renders one letter as a PDF, adding to `notes` what the reader should know about how
/// it was laid out (a title left out of a window address, a signature image of
/// extreme proportions).
pub fn render_noting(
    letter: &Letter,
    options: &PdfOptions,
    notes: &mut Vec<String>,
) -> Result<Vec<u8>> {
    let mut typeset = typeset(letter, options)?;
    notes.append(&mut typeset.warnings);
    let mut document =
        Document::new(Vec::with_capacity(40 * 1024), typeset.meta.tagged).map_err(not_written)?;
    document.add(&typeset).map_err(not_written)?;
    document
        .finish(&Info {
            title: &typeset.meta.title,
            author: Some(&typeset.meta.author),
        })
        .map_err(not_written)
}

/// Writing to memory failed: a bug, not a user error.
fn not_written(error: impl std::fmt::Display) -> Error {
    Error::render(format!("the PDF could not be written: {error}"))
}

/// Typesets one letter, ready to be written on its own ([`render`]) or into a
/// [`Combined`] PDF: the signature image read and checked, the pages laid out, fonts
/// subset and page contents compressed.
pub fn typeset(letter: &Letter, options: &PdfOptions) -> Result<Typeset> {
    let fonts = match &options.fonts {
        Some(fonts) => Arc::clone(fonts),
        None => Arc::new(Fonts::bundled()?),
    };
    let layout = options
        .layout
        .unwrap_or_else(|| Layout::default_for(&letter.recipient.country));
    let geometry = layout::geometry(layout);
    let signature = letter
        .signature
        .image
        .as_deref()
        .map(Image::load)
        .transpose()?;
    let aspect = signature.as_deref().map(Image::aspect);
    let mut laid_out = layout::lay_out(letter, &fonts, &geometry, aspect)?;
    if let (Some(aspect), Some(file)) = (aspect, &letter.signature.image) {
        laid_out
            .warnings
            .extend(layout::signature_warning(aspect, &file.path));
    }
    let meta = Meta {
        title: letter.subject.clone(),
        author: letter.signature.name.clone(),
        language: letter.language.code(),
        date: letter.date,
        alt: crate::model::locale::signature_alt(letter.language, &letter.signature.name),
        tagged: options.standard.tagged(),
        label: match letter.recipient.addressee.as_str() {
            "" => letter.signature.name.clone(),
            addressee => format!("{} — {addressee}", letter.signature.name),
        },
    };
    let mut typeset =
        write::typeset(&laid_out.pages, &geometry, &fonts, signature, meta).map_err(not_written)?;
    typeset.warnings = laid_out.warnings;
    Ok(typeset)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::letter::{Block, Footnote, Inline, Letterhead, RecipientBlock, Signature};
    use crate::model::Language;

    /// The signature fixture, read as a letter carries it.
    pub(super) fn signature_png() -> Arc<crate::model::ImageFile> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signature.png");
        Arc::new(crate::load::read_image(std::path::Path::new(path)).unwrap())
    }

    pub(super) fn letter() -> Letter {
        Letter {
            language: Language::ES,
            template: "t".into(),
            letterhead: Letterhead {
                name: "Red de Ejemplo".into(),
                address: vec!["Apartado 123".into()],
                email: "ana@example.org".into(),
                ..Letterhead::default()
            },
            date: NaiveDate::from_ymd_opt(2024, 7, 25).unwrap(),
            date_text: "25 de julio de 2024".into(),
            recipient: RecipientBlock {
                id: "x".into(),
                addressee: "Señor Fiscal".into(),
                title: String::new(),
                organization: String::new(),
                address: vec!["Caracas".into()],
                email: None,
                country: "VE".into(),
            },
            subject: "Asunto «importante»".into(),
            salutation: "Señor Fiscal:".into(),
            body: vec![
                Block::Paragraph {
                    lang: None,
                    content: vec![
                        Inline::plain("¿Qué "),
                        Inline::Text {
                            text: "pasó".into(),
                            bold: true,
                            italic: true,
                            lang: None,
                        },
                        Inline::plain("?"),
                        Inline::FootnoteRef { number: 1 },
                    ],
                },
                Block::BulletList {
                    items: vec![vec![Block::Paragraph {
                        lang: None,
                        content: vec![Inline::plain("Uno")],
                    }]],
                },
            ],
            footnotes: vec![Footnote {
                number: 1,
                content: vec![Inline::plain("Informe.")],
            }],
            closing: "Atentamente,".into(),
            signature: Signature {
                image: None,
                name: "Ana Pérez".into(),
                title: String::new(),
                organization: String::new(),
            },
            cosigners: vec![crate::model::Cosigner {
                line: "Otra Organización".into(),
                organization: true,
            }],
            enclosures: vec!["Informe".into()],
            cc: vec!["Defensoría".into()],
            sender_email: None,
            act_before: None,
            people: Vec::new(),
        }
    }

    #[test]
    fn the_same_letter_gives_the_same_bytes_on_any_thread() {
        let letter = letter();
        let here = render(&letter, &PdfOptions::default()).unwrap();
        let there: Vec<Vec<u8>> = (0..3)
            .map(|_| {
                let letter = letter.clone();
                std::thread::spawn(move || render(&letter, &PdfOptions::default()).unwrap())
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|h| h.join().unwrap())
            .collect();
        for bytes in there {
            assert!(bytes == here);
        }
        assert!(here.starts_with(b"%PDF-1.7"));
    }

    #[test]
    fn cached_subsets_and_images_change_no_bytes() {
        let signed = |name: &str| {
            let mut letter = letter();
            letter.signature.name = name.into();
            letter.signature.image = Some(tests::signature_png());
            letter
        };
        let cold = |letter: &Letter| render(letter, &PdfOptions::default()).unwrap();
        let shared = PdfOptions {
            layout: None,
            fonts: Some(Arc::new(Fonts::bundled().unwrap())),
            duplex: false,
            standard: PdfStandard::default(),
        };
        let warm = |letter: &Letter| render(letter, &shared).unwrap();
        let (ana, luis) = (signed("Ana Pérez"), signed("Luis Gómez 42 ~"));
        let first = warm(&ana);
        warm(&luis);
        assert!(warm(&ana) == first);
        assert!(cold(&ana) == first);
        assert!(warm(&luis) == cold(&luis));
    }

    #[test]
    fn every_layout_renders() {
        for layout in [
            Layout::Din5008A,
            Layout::Din5008B,
            Layout::UsLetter,
            Layout::A4,
            Layout::Letter,
        ] {
            // The structure tree, the XMP metadata and the colour profile add a few KB;
            // the regular face's standard glyph set (Latin-1 letters, so that letters
            // of a batch share one subset) some 7 KB.
            for (standard, most) in [(PdfStandard::Ua1A2b, 54_000), (PdfStandard::None, 48_000)] {
                let options = PdfOptions {
                    layout: Some(layout),
                    standard,
                    ..PdfOptions::default()
                };
                let bytes = render(&letter(), &options).unwrap();
                assert!(
                    bytes.len() < most,
                    "{} {}: {} bytes",
                    layout.name(),
                    standard.name(),
                    bytes.len()
                );
            }
        }
    }
}

/// `cargo test --release --lib pdf_speed -- --ignored --nocapture`: letters per second
/// in one process (a one-page letter with a signature).
#[cfg(test)]
mod bench {
    use super::*;

    #[test]
    #[ignore = "a benchmark: run it in release mode"]
    fn pdf_speed() {
        let mut letter = tests::letter();
        letter.signature.image = Some(tests::signature_png());
        let options = PdfOptions::default();
        let first = std::time::Instant::now();
        let size = render(&letter, &options).unwrap().len();
        let cold = first.elapsed();
        let count = 200;
        let start = std::time::Instant::now();
        for _ in 0..count {
            render(&letter, &options).unwrap();
        }
        let each = start.elapsed() / count;
        println!(
            "first letter {cold:?} (fonts parsed); then {each:?} a letter, {:.0} letters/s; {size} bytes",
            1.0 / each.as_secs_f64()
        );
    }
}
