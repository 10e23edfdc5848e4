//! JPEG signatures are embedded as they are (DCTDecode), so a file that does not decode
//! would make a PDF that viewers cannot draw. Before one is used, its markers are
//! walked from the start of the image to its end-of-image marker (a file cut short
//! never has one: the byte 0xFF is escaped inside the compressed data), and the whole
//! image is decoded with zune-jpeg in strict mode, which reports missing or malformed
//! data as an error rather than filling it in. Corruption inside the compressed data
//! that still decodes cannot be told from a picture, by this or by any decoder.

use zune_jpeg::zune_core::bytestream::ZCursor;
use zune_jpeg::zune_core::options::DecoderOptions;
use zune_jpeg::JpegDecoder;

/// What the frame header says, for the image dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub width: u32,
    pub height: u32,
    /// 1 (gray), 3 (RGB) or 4 (CMYK).
    pub components: u8,
    /// An Adobe APP14 segment: CMYK samples are stored inverted.
    pub adobe: bool,
}

/// The most bytes a signature may decode to (as for PNG).
const MAX_DECODED: u64 = 64 * 1024 * 1024;

/// Checks that `bytes` are a whole JPEG that decodes, and reads its frame header.
pub fn check(bytes: &[u8]) -> Result<Frame, String> {
    let frame = markers(bytes)?;
    // Decoded as RGB (or CMYK): refuse a huge image before allocating for it.
    let decoded = u64::from(frame.width) * u64::from(frame.height) * 4;
    if decoded > MAX_DECODED {
        return Err("is too large an image for a signature".to_string());
    }
    let options = DecoderOptions::default()
        .set_strict_mode(true)
        .set_max_width(usize::from(u16::MAX))
        .set_max_height(usize::from(u16::MAX));
    JpegDecoder::new_with_options(ZCursor::new(bytes), options)
        .decode()
        .map_err(|e| {
            let reason = e.to_string();
            format!(
                "is not a readable JPEG image: {}",
                reason.trim().trim_matches('"').trim()
            )
        })?;
    Ok(frame)
}

const TRUNCATED: &str = "is a truncated JPEG: it ends before its end-of-image marker";

/// Walks the markers from SOI to EOI, skipping the compressed data of each scan, and
/// returns the frame header.
fn markers(bytes: &[u8]) -> Result<Frame, String> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return Err("is not a JPEG image".to_string());
    }
    let mut frame: Option<Frame> = None;
    let mut adobe = false;
    let mut i = 2;
    loop {
        let (&first, &marker) = match (bytes.get(i), bytes.get(i + 1)) {
            (Some(first), Some(marker)) => (first, marker),
            _ => return Err(TRUNCATED.to_string()),
        };
        if first != 0xFF {
            return Err("is not a readable JPEG image (bad marker)".to_string());
        }
        match marker {
            // Fill bytes before a marker.
            0xFF => {
                i += 1;
                continue;
            }
            0xD9 => break,
            // Markers without a segment.
            0x01 | 0xD0..=0xD7 => {
                i += 2;
                continue;
            }
            _ => {}
        }
        let (segment, length) = segment(bytes, i)?;
        match marker {
            0xEE if segment.starts_with(b"Adobe") => adobe = true,
            0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                frame = Some(frame_header(segment)?);
            }
            _ => {}
        }
        i += 2 + length;
        if marker == 0xDA {
            i = scan_end(bytes, i).ok_or(TRUNCATED)?;
        }
    }
    let mut frame = frame.ok_or("is not a readable JPEG image (no frame header)")?;
    frame.adobe = adobe;
    Ok(frame)
}

/// The data of the segment whose marker is at `i`, and its length field (which counts
/// itself and the data).
fn segment(bytes: &[u8], i: usize) -> Result<(&[u8], usize), String> {
    let length = match (bytes.get(i + 2), bytes.get(i + 3)) {
        (Some(high), Some(low)) => usize::from(u16::from_be_bytes([*high, *low])),
        _ => return Err(TRUNCATED.to_string()),
    };
    if length < 2 {
        return Err("is not a readable JPEG image (bad segment length)".to_string());
    }
    let segment = bytes.get(i + 4..i + 2 + length).ok_or(TRUNCATED)?;
    Ok((segment, length))
}

/// Where the compressed data of a scan starting at `start` ends: at the next marker
/// that is neither an escaped 0xFF (`FF 00`) nor a restart marker.
fn scan_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    loop {
        let at = i + memchr::memchr(0xFF, bytes.get(i..)?)?;
        match bytes.get(at + 1)? {
            0x00 | 0xD0..=0xD7 | 0xFF => i = at + 1,
            _ => return Some(at),
        }
    }
}

fn frame_header(segment: &[u8]) -> Result<Frame, String> {
    if segment.len() < 6 {
        return Err("is a truncated JPEG".to_string());
    }
    let bits = segment[0];
    let height = u32::from(u16::from_be_bytes([segment[1], segment[2]]));
    let width = u32::from(u16::from_be_bytes([segment[3], segment[4]]));
    let components = segment[5];
    if !matches!(components, 1 | 3 | 4) {
        return Err(format!("is a JPEG with {components} color components"));
    }
    if width == 0 || height == 0 || bits != 8 {
        return Err("is a JPEG this PDF writer cannot embed (not 8-bit)".to_string());
    }
    Ok(Frame {
        width,
        height,
        components,
        adobe: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIGNATURE: &[u8] = include_bytes!("../../../../tests/fixtures/signature.jpg");

    #[test]
    fn a_whole_jpeg_passes_and_its_frame_is_read() {
        let frame = check(SIGNATURE).unwrap();
        assert_eq!((frame.components, frame.adobe), (3, false));
        assert!(frame.width > frame.height);
    }

    #[test]
    fn a_jpeg_cut_anywhere_is_refused() {
        let step = (SIGNATURE.len() / 97).max(1);
        let cuts = (2..SIGNATURE.len()).step_by(step).chain([
            SIGNATURE.len() - 3,
            SIGNATURE.len() - 2,
            SIGNATURE.len() - 1,
        ]);
        for cut in cuts {
            let error = check(&SIGNATURE[..cut]).unwrap_err();
            assert!(
                error.contains("truncated") || error.starts_with("is not a readable JPEG"),
                "cut at {cut}: {error}"
            );
        }
        assert!(check(&SIGNATURE[..SIGNATURE.len() - 2])
            .unwrap_err()
            .contains("end-of-image marker"));
    }

    #[test]
    fn bytes_after_the_end_of_the_image_do_not_matter() {
        let mut bytes = SIGNATURE.to_vec();
        bytes.extend_from_slice(b"trailing bytes");
        assert!(check(&bytes).is_ok());
    }

    #[test]
    fn malformed_tables_are_refused_by_the_decoder() {
        // The first Huffman table's code counts, all 0xFF.
        let dht = SIGNATURE
            .windows(2)
            .position(|w| w == [0xFF, 0xC4])
            .unwrap();
        let mut bytes = SIGNATURE.to_vec();
        bytes[dht + 5..dht + 21].fill(0xFF);
        let error = check(&bytes).unwrap_err();
        assert!(
            error.starts_with("is not a readable JPEG image: "),
            "{error}"
        );
        assert!(!error.contains('"'), "{error}");
    }
}
