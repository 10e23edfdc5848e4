//! A signature's pixels made ready to print: turned the way its EXIF orientation says
//! (a phone photo is stored sideways and says so), its blank margins trimmed (so the
//! box a signature is printed in holds the signature, not the paper around it), and
//! downsampled to [`PPI`] at the size it is printed, so a 12-megapixel photo costs some
//! tens of kilobytes, not hundreds. The `image` crate turns and resizes; what counts as
//! blank is decided here.

use std::io::Cursor;

use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, GenericImageView, ImageDecoder, ImageReader};

use crate::render::pdf::layout::signature_size;

/// The printing resolution of a signature: 300 pixels per inch, as for photographs in
/// print; a signature's strokes stay sharp at it and the file stays small.
pub const PPI: f32 = 300.0;

/// A trim is worth it when it prints the signature at least this much larger: trimming
/// re-encodes the image, which a thin margin does not pay for.
const TRIM_GAIN: f32 = 1.25;

/// An image is downsampled once it has more than this many times the pixels it needs:
/// a little more detail costs little, and resampling a nearly right image only blurs it.
const SLACK: f32 = 1.25;

/// The pixels of a signature file (already checked to decode) as they should be
/// printed: turned, trimmed (when that prints the signature at least [`TRIM_GAIN`]
/// times larger) and downsampled; `None` when none of that is needed, so that the file
/// is embedded as it is (a JPEG then stays the very same bytes).
pub fn for_print(bytes: &[u8]) -> Result<Option<DynamicImage>, String> {
    let unreadable = |e: image::ImageError| format!("is not a readable image: {e}");
    let mut decoder = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("is not a readable image: {e}"))?
        .into_decoder()
        .map_err(unreadable)?;
    let exif = decoder.exif_metadata().ok().flatten();
    let orientation = orientation(exif.as_deref());
    let mut pixels = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    if let Some(orientation) = orientation {
        pixels.apply_orientation(orientation);
    }
    let printed_width =
        |(width, height): (u32, u32)| signature_size(width as f32 / height.max(1) as f32).0;
    let whole = pixels.dimensions();
    // Points per pixel, printed whole and trimmed.
    let scale = |(width, height): (u32, u32)| printed_width((width, height)) / width.max(1) as f32;
    let crop = ink_box(&pixels).filter(|r| scale((r.width, r.height)) >= scale(whole) * TRIM_GAIN);
    let (width, height) = crop.map_or(whole, |r| (r.width, r.height));
    let size = print_size(width, height, printed_width((width, height)));
    if orientation.is_none() && crop.is_none() && size.is_none() {
        return Ok(None);
    }
    Ok(Some(prepare(pixels, None, crop, size)))
}

/// `pixels` as a JPEG of quality [`JPEG_QUALITY`], grey or RGB.
pub fn to_jpeg(pixels: &DynamicImage) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
    let result = if pixels.color().has_color() {
        pixels.to_rgb8().write_with_encoder(encoder)
    } else {
        pixels.to_luma8().write_with_encoder(encoder)
    };
    result.map_err(|e| format!("could not be prepared for print: {e}"))?;
    Ok(out)
}

/// The quality a photographed signature is stored at once turned, trimmed or resized.
const JPEG_QUALITY: u8 = 90;

/// A rectangle of pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// The orientation an EXIF block gives, if it gives one other than upright.
pub fn orientation(exif: Option<&[u8]>) -> Option<Orientation> {
    exif.and_then(Orientation::from_exif_chunk)
        .filter(|o| *o != Orientation::NoTransforms)
}

/// Where the ink is in `image`: the box holding all but the faintest specks of what
/// is darker than the paper (or, with transparency, what is not transparent), with a
/// small margin; `None` when there is no margin worth trimming or no ink to go by.
pub fn ink_box(image: &DynamicImage) -> Option<Rect> {
    let (width, height) = image.dimensions();
    let pixels = image.to_luma_alpha8();
    let transparent = pixels.pixels().any(|p| p[1] < 250);
    let paper = if transparent {
        0
    } else {
        median(pixels.pixels().map(|p| p[0]))
    };
    // Ink is a quarter darker than the paper, and at least 24 levels darker.
    let dark = (f32::from(paper) * 0.75).min(f32::from(paper) - 24.0);
    let is_ink = |p: &image::LumaA<u8>| {
        if transparent {
            p[1] >= 64
        } else {
            f32::from(p[0]) < dark
        }
    };
    let mut rows = vec![0u64; height as usize];
    let mut columns = vec![0u64; width as usize];
    let mut total = 0u64;
    for (x, y, p) in pixels.enumerate_pixels() {
        if is_ink(p) {
            rows[y as usize] += 1;
            columns[x as usize] += 1;
            total += 1;
        }
    }
    // Too little ink to tell a signature from noise: leave the image as it is.
    if total < 16 || total * 2000 < u64::from(width) * u64::from(height) {
        return None;
    }
    // Specks far from the signature (dust, a stray mark) hold a few pixels: each side
    // gives up at most 1/400 of the ink.
    let allowance = total / 400;
    let (top, bottom) = span(&rows, allowance);
    let (left, right) = span(&columns, allowance);
    let pad = ((bottom - top).max(right - left) / 25).max(2);
    let rect = Rect {
        x: left.saturating_sub(pad) as u32,
        y: top.saturating_sub(pad) as u32,
        width: (right + pad).min(width as usize - 1) as u32 + 1 - left.saturating_sub(pad) as u32,
        height: (bottom + pad).min(height as usize - 1) as u32 + 1 - top.saturating_sub(pad) as u32,
    };
    // A margin of a few per cent is no margin.
    let trimmed = u64::from(width - rect.width) * 50 > u64::from(width)
        || u64::from(height - rect.height) * 50 > u64::from(height);
    trimmed.then_some(rect)
}

/// The first and last index of `counts` once each end has given up at most
/// `allowance` of its sum.
fn span(counts: &[u64], allowance: u64) -> (usize, usize) {
    let from = |indices: &mut dyn Iterator<Item = usize>| {
        let mut dropped = 0;
        for i in indices {
            dropped += counts[i];
            if dropped > allowance {
                return i;
            }
        }
        0
    };
    let first = from(&mut (0..counts.len()));
    let last = from(&mut (0..counts.len()).rev());
    (first, last.max(first))
}

/// The median of `values`.
fn median(values: impl Iterator<Item = u8>) -> u8 {
    let mut histogram = [0u64; 256];
    let mut count = 0u64;
    for v in values {
        histogram[usize::from(v)] += 1;
        count += 1;
    }
    let mut seen = 0;
    for (value, n) in histogram.iter().enumerate() {
        seen += n;
        if seen * 2 >= count {
            return value as u8;
        }
    }
    255
}

/// The pixel size an image of `width` by `height` pixels needs when printed
/// `printed_width` points wide, if it has more than [`SLACK`] times that.
pub fn print_size(width: u32, height: u32, printed_width: f32) -> Option<(u32, u32)> {
    let needed = (printed_width / 72.0 * PPI).ceil().max(1.0);
    if (width as f32) <= needed * SLACK {
        return None;
    }
    let scale = needed / width as f32;
    let h = (height as f32 * scale).round().max(1.0);
    Some((needed as u32, h as u32))
}

/// `image` turned by `orientation`, cut to `crop`, and resized to `size`, each when
/// given.
pub fn prepare(
    mut image: DynamicImage,
    orientation: Option<Orientation>,
    crop: Option<Rect>,
    size: Option<(u32, u32)>,
) -> DynamicImage {
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    if let Some(r) = crop {
        image = image.crop_imm(r.x, r.y, r.width, r.height);
    }
    if let Some((width, height)) = size {
        // Triangle (bilinear) weights widened to the scale factor: each output pixel
        // averages the input pixels it covers, which is what shrinking a scan needs.
        image = image.resize_exact(width, height, FilterType::Triangle);
    }
    image
}

#[cfg(test)]
mod tests {
    use image::{GrayImage, Luma, Rgba, RgbaImage};

    use super::*;

    /// A photo of a signature: grey paper, a dark stroke in the middle, a speck.
    fn photo() -> DynamicImage {
        let mut image = GrayImage::from_pixel(400, 300, Luma([205]));
        for x in 120..300 {
            for y in 140..150 {
                image.put_pixel(x, y + (x % 17) / 4, Luma([40]));
            }
        }
        image.put_pixel(5, 5, Luma([0]));
        DynamicImage::ImageLuma8(image)
    }

    #[test]
    fn the_paper_around_a_signature_is_trimmed_and_a_speck_ignored() {
        let rect = ink_box(&photo()).unwrap();
        assert!(rect.x > 100 && rect.x < 120, "{rect:?}");
        assert!(
            rect.x + rect.width > 300 && rect.x + rect.width < 320,
            "{rect:?}"
        );
        assert!(rect.y > 125 && rect.y < 140, "{rect:?}");
        assert!(rect.height < 45, "{rect:?}");
    }

    #[test]
    fn transparency_tells_the_ink() {
        let mut image = RgbaImage::from_pixel(200, 100, Rgba([255, 255, 255, 0]));
        for x in 50..150 {
            image.put_pixel(x, 50, Rgba([10, 20, 120, 255]));
        }
        let rect = ink_box(&DynamicImage::ImageRgba8(image)).unwrap();
        assert!(
            rect.y < 50 && rect.y + rect.height > 50 && rect.height < 12,
            "{rect:?}"
        );
    }

    #[test]
    fn a_blank_or_tight_image_is_left_alone() {
        let blank = DynamicImage::ImageLuma8(GrayImage::from_pixel(100, 50, Luma([250])));
        assert_eq!(ink_box(&blank), None);
        let mut tight = GrayImage::from_pixel(100, 50, Luma([250]));
        for x in 0..100 {
            for y in 0..50 {
                if (x + y) % 3 == 0 {
                    tight.put_pixel(x, y, Luma([20]));
                }
            }
        }
        assert_eq!(ink_box(&DynamicImage::ImageLuma8(tight)), None);
    }

    #[test]
    fn large_images_shrink_to_the_printing_resolution() {
        // 60 mm wide at 300 ppi is 709 pixels.
        let printed = 60.0 * 72.0 / 25.4;
        assert_eq!(print_size(4000, 1000, printed), Some((709, 177)));
        assert_eq!(print_size(800, 200, printed), None);
    }

    #[test]
    fn exif_orientation_turns_the_image() {
        // A little-endian TIFF with one IFD entry: orientation 6 (turn 90° clockwise).
        let exif = [
            b'I', b'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0,
            0,
        ];
        let orientation = orientation(Some(&exif)).unwrap();
        let turned = prepare(photo(), Some(orientation), None, None);
        assert_eq!(turned.dimensions(), (300, 400));
        assert_eq!(super::orientation(None), None);
    }
}
