//! The letter's look: type sizes and leadings, the gaps between paragraphs, colours,
//! and the box a signature takes. Every measure is in points.

use super::paper::MM;

/// An RGB colour, components 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color(pub f32, pub f32, pub f32);

pub const BLACK: Color = Color(0.0, 0.0, 0.0);
/// The letterhead's name and rule.
pub const ACCENT: Color = Color(0.11, 0.2, 0.36);
/// Contact lines, the return line, page numbers, the footnote rule.
pub const GRAY: Color = Color(0.35, 0.35, 0.35);
/// Hairlines: fold and punch marks, the continuation header's rule.
pub const LIGHT: Color = Color(0.55, 0.55, 0.55);

/// The body text.
pub const BODY: f32 = 11.0;
pub const LEADING: f32 = 14.0;
pub const PARAGRAPH_GAP: f32 = 7.0;
/// Contact lines and page numbers.
pub const SMALL: f32 = 8.5;
pub const SMALL_LEADING: f32 = 10.5;
/// The organization's name in the letterhead.
pub const NAME_SIZE: f32 = 16.0;
/// The address in an envelope window.
pub const ADDRESS_SIZE: f32 = 10.5;
pub const ADDRESS_LEADING: f32 = 12.5;
/// The return line above a window address.
pub const RETURN_SIZE: f32 = 7.0;
/// Footnotes.
pub const NOTE_SIZE: f32 = 8.5;
pub const NOTE_LEADING: f32 = 10.5;
/// The height of a signature image.
pub const SIGNATURE_HEIGHT: f32 = 15.0 * MM;
pub const SIGNATURE_MAX_WIDTH: f32 = 60.0 * MM;
/// Room left for a handwritten signature when there is no image.
pub const SIGNATURE_SPACE: f32 = 36.0;

/// Where a line's baseline sits in a line box of `leading` for text of `size`.
pub fn baseline_in(leading: f32, size: f32) -> f32 {
    (leading - size) / 2.0 + size * 0.8
}
