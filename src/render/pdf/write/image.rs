//! Signature images, each checked to decode completely before it is used: a JPEG is
//! passed through as it is (DCTDecode, never recompressed) once `jpeg` found it whole;
//! a PNG is decoded, to its end, and stored losslessly (FlateDecode), its transparency
//! kept as a soft mask. Anything else, or anything cut short or malformed, is an error
//! naming the file.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use flate2::write::ZlibEncoder;
use flate2::Compression;
use sha2::{Digest, Sha256};

use super::jpeg;
use super::raster;
use super::syntax::{self, File};
use crate::error::{Error, Result};
use crate::model::ImageFile;

/// An image ready to become a PDF image XObject.
#[derive(Debug, Clone)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    color_space: &'static str,
    bits: u8,
    /// The encoded samples and the filter that decodes them.
    data: Vec<u8>,
    filter: &'static str,
    /// Decode array for inverted (Adobe) CMYK JPEGs.
    invert: bool,
    /// The alpha channel, Flate-compressed, when the image has one that is used.
    alpha: Option<Vec<u8>>,
}

/// Decoded images by the SHA-256 of their files.
type ImageCache = HashMap<[u8; 32], Arc<Image>>;

/// Decoded images kept per process.
const CACHED_IMAGES: usize = 64;

fn bad(path: &Path, message: impl Into<String>) -> Error {
    Error::Signature {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

impl Image {
    /// Decodes a PNG or JPEG signature. A batch signs many letters with the same image,
    /// so decoded images are kept for the run by the SHA-256 of the file's bytes (at
    /// most [`CACHED_IMAGES`]): a PNG is decoded and recompressed once, not once per
    /// letter. The image is a pure function of the bytes, so a hit changes no output.
    pub fn load(file: &ImageFile) -> Result<Arc<Image>> {
        static CACHE: OnceLock<Mutex<ImageCache>> = OnceLock::new();
        let (path, bytes) = (file.path.as_path(), &file.bytes);
        let key: [u8; 32] = Sha256::digest(bytes).into();
        let cache = CACHE.get_or_init(Mutex::default);
        let lock = || {
            cache
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(hit) = lock().get(&key) {
            return Ok(Arc::clone(hit));
        }
        let image = Arc::new(Image::decode(path, bytes.to_vec())?);
        let mut images = lock();
        if images.len() < CACHED_IMAGES {
            images.insert(key, Arc::clone(&image));
        }
        Ok(image)
    }

    /// Checks that the file decodes completely, then prepares it for print (see
    /// `raster`): as it is when it needs nothing, else its pixels turned, trimmed and
    /// downsampled, stored losslessly.
    fn decode(path: &Path, bytes: Vec<u8>) -> Result<Image> {
        let checked = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            png(&bytes).map_err(|m| bad(path, m))?
        } else if bytes.starts_with(&[0xFF, 0xD8]) {
            jpeg(bytes.clone()).map_err(|m| bad(path, m))?
        } else {
            return Err(bad(path, "is neither a PNG nor a JPEG image"));
        };
        let jpeg_file = checked.filter == "DCTDecode";
        match raster::for_print(&bytes).map_err(|m| bad(path, m))? {
            // A photo stays a JPEG: its grain would not compress losslessly.
            Some(pixels) if jpeg_file => raster::to_jpeg(&pixels)
                .and_then(jpeg)
                .map_err(|m| bad(path, m)),
            Some(pixels) => pixels_image(&pixels).map_err(|m| bad(path, m)),
            None => Ok(checked),
        }
    }

    /// Width over height.
    pub fn aspect(&self) -> f32 {
        self.width as f32 / self.height.max(1) as f32
    }

    /// How many objects [`Image::write`] writes: the image, after its soft mask if it
    /// has one. The image is the last.
    pub fn objects(&self) -> u32 {
        if self.alpha.is_some() {
            2
        } else {
            1
        }
    }

    /// Writes the image XObject (and first its soft mask) from object `first` on.
    pub fn write(&self, file: &mut File, first: u32) {
        let mut id = first;
        let mask = self.alpha.as_ref().map(|alpha| {
            file.begin(id);
            let mut head = self.head("DeviceGray");
            head.extend_from_slice(b"/Filter/FlateDecode");
            syntax::stream(&mut file.bytes, &head, alpha, false);
            file.end_stream();
            id += 1;
            first
        });
        file.begin(id);
        let mut head = self.head(self.color_space);
        head.extend_from_slice(b"/Filter");
        syntax::name(&mut head, self.filter.as_bytes());
        if self.invert {
            head.extend_from_slice(b"/Decode[1 0 1 0 1 0 1 0]");
        }
        if let Some(mask) = mask {
            head.extend_from_slice(b"/SMask ");
            syntax::reference(&mut head, mask);
        }
        syntax::stream(&mut file.bytes, &head, &self.data, false);
        file.end_stream();
    }

    /// An image dictionary's opening entries, up to /BitsPerComponent.
    fn head(&self, color_space: &str) -> Vec<u8> {
        let mut head = b"<</Type/XObject/Subtype/Image/Width ".to_vec();
        syntax::int(&mut head, i64::from(self.width));
        head.extend_from_slice(b"/Height ");
        syntax::int(&mut head, i64::from(self.height));
        head.extend_from_slice(b"/ColorSpace");
        syntax::name(&mut head, color_space.as_bytes());
        head.extend_from_slice(b"/BitsPerComponent ");
        syntax::int(&mut head, i64::from(self.bits));
        head
    }
}

fn deflate(bytes: &[u8]) -> std::result::Result<Vec<u8>, String> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

fn png(bytes: &[u8]) -> std::result::Result<Image, String> {
    let (info, buffer) = decode_png(bytes)?;
    let bytes_per_sample = match info.bit_depth {
        png::BitDepth::Sixteen => 2,
        _ => 1,
    };
    let bits = if bytes_per_sample == 2 { 16 } else { 8 };
    let (colors, has_alpha, color_space) = match info.color_type {
        png::ColorType::Grayscale => (1, false, "DeviceGray"),
        png::ColorType::GrayscaleAlpha => (1, true, "DeviceGray"),
        png::ColorType::Rgb => (3, false, "DeviceRGB"),
        png::ColorType::Rgba => (3, true, "DeviceRGB"),
        png::ColorType::Indexed => return Err("has a palette that cannot be expanded".into()),
    };
    let (samples, alpha) = if has_alpha {
        split_alpha(&buffer, colors, bytes_per_sample)
    } else {
        (buffer, None)
    };
    Ok(Image {
        width: info.width,
        height: info.height,
        color_space,
        bits,
        data: deflate(&samples)?,
        filter: "FlateDecode",
        invert: false,
        alpha: alpha.map(|a| deflate(&a)).transpose()?,
    })
}

/// A PNG's samples, decoded to the end of the file: palettes and low bit depths
/// become 8-bit samples, tRNS an alpha channel; 16-bit samples stay 16-bit (nothing
/// is lost).
fn decode_png(bytes: &[u8]) -> std::result::Result<(png::OutputInfo, Vec<u8>), String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder
        .read_info()
        .map_err(|e| format!("is not a readable PNG image: {e}"))?;
    let size = reader
        .output_buffer_size()
        .ok_or("is too large an image for a signature")?;
    if size > 64 * 1024 * 1024 {
        return Err("is too large an image for a signature".to_string());
    }
    let mut buffer = vec![0; size];
    let info = reader
        .next_frame(&mut buffer)
        .map_err(|e| format!("is not a readable PNG image: {e}"))?;
    // The rest of the file too, up to its end chunk: a PNG cut short is refused even
    // when its pixels are all there.
    reader
        .finish()
        .map_err(|e| format!("is not a readable PNG image: {e}"))?;
    buffer.truncate(info.buffer_size());
    Ok((info, buffer))
}

/// Pixels of `colors` samples and an alpha sample, each `bytes_per_sample` wide, as
/// the colour samples and the alpha channel (none when every pixel is opaque).
fn split_alpha(
    buffer: &[u8],
    colors: usize,
    bytes_per_sample: usize,
) -> (Vec<u8>, Option<Vec<u8>>) {
    let pixel = (colors + 1) * bytes_per_sample;
    let color = colors * bytes_per_sample;
    let mut samples = Vec::with_capacity(buffer.len() / (colors + 1) * colors);
    let mut alpha = Vec::with_capacity(buffer.len() / (colors + 1));
    for px in buffer.chunks_exact(pixel) {
        samples.extend_from_slice(&px[..color]);
        alpha.extend_from_slice(&px[color..]);
    }
    let opaque = alpha.iter().all(|b| *b == 0xFF);
    (samples, (!opaque).then_some(alpha))
}

/// Decoded pixels, stored losslessly: grey or RGB samples of 8 bits, and their alpha
/// channel as a soft mask when some pixel is not opaque.
fn pixels_image(pixels: &image::DynamicImage) -> std::result::Result<Image, String> {
    let grey = !pixels.color().has_color();
    let alpha = pixels.color().has_alpha();
    let (buffer, colors, color_space) = match (grey, alpha) {
        (true, false) => (pixels.to_luma8().into_raw(), 1, "DeviceGray"),
        (true, true) => (pixels.to_luma_alpha8().into_raw(), 1, "DeviceGray"),
        (false, false) => (pixels.to_rgb8().into_raw(), 3, "DeviceRGB"),
        (false, true) => (pixels.to_rgba8().into_raw(), 3, "DeviceRGB"),
    };
    let (samples, alpha) = if alpha {
        split_alpha(&buffer, colors, 1)
    } else {
        (buffer, None)
    };
    Ok(Image {
        width: pixels.width(),
        height: pixels.height(),
        color_space,
        bits: 8,
        data: deflate(&samples)?,
        filter: "FlateDecode",
        invert: false,
        alpha: alpha.map(|a| deflate(&a)).transpose()?,
    })
}

/// A JPEG, once [`jpeg::check`] found that all of it decodes; the data stays as it is.
fn jpeg(bytes: Vec<u8>) -> std::result::Result<Image, String> {
    let frame = jpeg::check(&bytes)?;
    let color_space = match frame.components {
        1 => "DeviceGray",
        3 => "DeviceRGB",
        _ => "DeviceCMYK",
    };
    Ok(Image {
        width: frame.width,
        height: frame.height,
        color_space,
        bits: 8,
        data: bytes,
        filter: "DCTDecode",
        invert: frame.adobe && frame.components == 4,
        alpha: None,
    })
}
