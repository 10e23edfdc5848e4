//! The letter's look: type sizes and leadings, the gaps between paragraphs, colours,
//! the box a signature takes, and how far fitting a letter on fewer pages may tighten
//! its vertical space. Every measure is in points.

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
/// The box a signature image is printed in: 15 mm high, at most 60 mm wide.
pub const SIGNATURE_HEIGHT: f32 = 15.0 * MM;
pub const SIGNATURE_MAX_WIDTH: f32 = 60.0 * MM;

/// The size a signature image of `aspect` (width over height) is printed at: 15 mm
/// high, narrowed to fit 60 mm wide.
pub fn signature_size(aspect: f32) -> (f32, f32) {
    let height = SIGNATURE_HEIGHT.min(SIGNATURE_MAX_WIDTH / aspect.max(0.01));
    (height * aspect, height)
}
/// A signature printed smaller than this, either way, is warned of: it reads as a
/// mark, not a signature.
pub const SIGNATURE_LEGIBLE: f32 = 6.0 * MM;

/// The warning for a signature image of `aspect` (width over height) too wide or too
/// tall to print legibly in its box, if it is.
pub fn signature_warning(aspect: f32, path: &std::path::Path) -> Option<String> {
    let (width, height) = signature_size(aspect);
    if width >= SIGNATURE_LEGIBLE && height >= SIGNATURE_LEGIBLE {
        return None;
    }
    let ratio = if aspect >= 1.0 {
        format!("{:.0}:1", aspect)
    } else {
        format!("1:{:.0}", 1.0 / aspect)
    };
    Some(format!(
        "the signature image {} is {ratio} once its blank margins are trimmed, so it prints {:.0} × {:.0} mm in the {:.0} × {:.0} mm signature box: crop it to the signature, about 4:1 (for example 800 × 200 pixels)",
        path.display(),
        width / MM,
        height / MM,
        SIGNATURE_MAX_WIDTH / MM,
        SIGNATURE_HEIGHT / MM,
    ))
}

/// Room left for a handwritten signature when there is no image.
pub const SIGNATURE_SPACE: f32 = 36.0;

/// How far a letter that would spill onto another page by a little may be tightened
/// (see `fit`): the gaps around the recipient block, subject, salutation and closing to
/// half, the space between paragraphs from 7 to 3 points, then the leading from 14 to
/// 12.65 points (1.15 times the body size, the font's own line height). The body is
/// never set smaller.
pub const TIGHTEST_BLOCK: f32 = 0.5;
pub const TIGHTEST_PARAGRAPH: f32 = 3.0 / PARAGRAPH_GAP;
pub const TIGHTEST_LEADING: f32 = BODY * 1.15;

/// Space between the columns of a list of co-signers.
pub const GUTTER: f32 = 14.0;

/// Where a line's baseline sits in a line box of `leading` for text of `size`.
pub fn baseline_in(leading: f32, size: f32) -> f32 {
    (leading - size) / 2.0 + size * 0.8
}
