//! Signature images as people have them: a phone photo of a signature on paper (12
//! megapixels, stored sideways with an EXIF orientation), and a strip cut too thin.
//! The PDF prints the signature the right way up, its paper trimmed away, at 300 ppi,
//! and says when an image's proportions leave it too small to read. `pdfimages -list`
//! reads back what was embedded.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Command;

use common::{sender_flags, Env};
use image::codecs::jpeg::JpegEncoder;
use image::{GrayImage, Luma};

/// A signature photographed on grey paper: `width` × `height` pixels, a dark stroke in
/// the middle two-fifths of the width, a fifth of the height.
fn photo(width: u32, height: u32) -> GrayImage {
    let mut image = GrayImage::from_pixel(width, height, Luma([196]));
    let (x0, x1) = (width * 3 / 10, width * 7 / 10);
    let middle = height as f32 / 2.0;
    let amplitude = height as f32 / 10.0;
    let thickness = (height / 150).max(2);
    for x in x0..x1 {
        let y = middle + amplitude * ((x - x0) as f32 / (width as f32 / 25.0)).sin();
        for d in 0..thickness {
            image.put_pixel(x, y as u32 + d, Luma([35]));
        }
    }
    image
}

/// `image` as a JPEG with an EXIF block giving `orientation` (6: turn 90° clockwise to
/// view), as a phone writes it.
fn jpeg_with_orientation(image: &GrayImage, orientation: u8) -> Vec<u8> {
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, 85)
        .encode_image(image)
        .unwrap();
    // A little-endian TIFF header and one IFD entry: 0x0112 (orientation), SHORT, 1.
    let tiff = [
        b'I',
        b'I',
        42,
        0,
        8,
        0,
        0,
        0,
        1,
        0,
        0x12,
        0x01,
        3,
        0,
        1,
        0,
        0,
        0,
        orientation,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
    ];
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let length = (app1.len() + 2) as u16;
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// The embedded images: width, height and x resolution of each, from `pdfimages -list`.
fn images(pdf: &Path) -> Vec<(u32, u32, u32)> {
    let output = Command::new("pdfimages")
        .args(["-list", pdf.to_str().unwrap()])
        .output()
        .expect("pdfimages (scripts/test.sh installs poppler-utils)");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .skip(2)
        .filter(|l| l.contains(" image "))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (
                f[3].parse().unwrap(),
                f[4].parse().unwrap(),
                f[12].parse().unwrap(),
            )
        })
        .collect()
}

/// Drafts a PDF signed with `signature`; what it warned.
fn draft(env: &Env, signature: &str, out: &str) -> String {
    let mut args = vec![
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-attorney-general",
        "--layout",
        "a4",
        "--signature",
        signature,
        "--format",
        "pdf",
        "-o",
        out,
    ];
    args.extend(sender_flags());
    let run = env.run(&args);
    run.ok();
    run.stderr
}

#[test]
fn a_sideways_phone_photo_prints_upright_trimmed_at_300_ppi() {
    let env = Env::new();
    // Stored sideways (3000 × 4000), shown upright (4000 × 3000) by its EXIF block.
    let upright = photo(4000, 3000);
    let stored = image::imageops::rotate270(&upright);
    std::fs::write(env.join("photo.jpg"), jpeg_with_orientation(&stored, 6)).unwrap();
    let stderr = draft(&env, "photo.jpg", "photo.pdf");
    assert!(!stderr.contains("signature image"), "{stderr}");
    let embedded = images(&env.join("photo.pdf"));
    assert_eq!(embedded.len(), 1, "{embedded:?}");
    let (width, height, ppi) = embedded[0];
    // Upright and trimmed to the stroke (some 5:2, where the whole photo is 4:3, and
    // sideways 3:4), printed 15 mm high at 300 ppi: 177 pixels, where the photo gave
    // 3,000 (over 5,000 ppi).
    assert!(width > height * 2, "{width} × {height}");
    assert!((170..=185).contains(&height), "{width} × {height}");
    assert!((295..=305).contains(&ppi), "{ppi} ppi");
    // A signed letter is some 50 KB; the photo, as printed, adds a few.
    let size = std::fs::metadata(env.join("photo.pdf")).unwrap().len();
    assert!(size < 56 * 1024, "{size} bytes");
}

#[test]
fn a_signature_too_thin_to_read_is_warned_of() {
    let env = Env::new();
    let mut strip = GrayImage::from_pixel(3000, 100, Luma([255]));
    for x in 0..3000 {
        let y = 50.0 + 20.0 * (x as f32 / 30.0).sin();
        for d in 0..4 {
            strip.put_pixel(x, y as u32 + d - 2, Luma([0]));
        }
    }
    strip.save(env.join("strip.png")).unwrap();
    let stderr = draft(&env, "strip.png", "strip.pdf");
    assert!(
        stderr.contains("warning: the signature image strip.png is 30:1")
            && stderr.contains("crop it to the signature"),
        "{stderr}"
    );
    let (width, height, _) = images(&env.join("strip.pdf"))[0];
    assert!(width <= 709 && height < 40, "{width} × {height}");
}
