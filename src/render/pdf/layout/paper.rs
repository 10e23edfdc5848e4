//! The paper of each [`Layout`]: its size and margins, where the letterhead, the date
//! and the recipient block go, the envelope window, fold and punch marks, and where
//! text starts and ends on first and later pages. All measures are in points from the
//! top-left corner of the page.

use crate::model::Layout;

/// Millimetres to points.
pub const MM: f32 = 72.0 / 25.4;
/// Inches to points.
pub const INCH: f32 = 72.0;

/// The paper, margins and places of a layout.
pub fn geometry(layout: Layout) -> Geometry {
    Geometry {
        name: layout.name(),
        ..measures(layout)
    }
}

fn measures(layout: Layout) -> Geometry {
    match layout {
        Layout::Din5008B => din5008(45.0, 50.0, 98.46, [105.0, 210.0]),
        Layout::Din5008A => din5008(27.0, 32.0, 80.46, [87.0, 192.0]),
        // A #10 envelope's window: 4½ by 1⅛ inches; the address is set from an inch in.
        Layout::UsLetter => Geometry {
            window: Some(Window {
                x: INCH,
                width: 4.25 * INCH,
                top: 2.125 * INCH,
                height: 1.125 * INCH,
                address_top: 2.125 * INCH,
                return_line: false,
                max_lines: None,
            }),
            date: DatePlace::Fixed {
                baseline: 1.75 * INCH,
            },
            first_top: 3.4 * INCH,
            ..plain(612.0, 792.0, INCH, INCH, 0.75 * INCH, false)
        },
        Layout::A4 => plain(595.28, 841.89, 25.0 * MM, 20.0 * MM, 20.0 * MM, true),
        Layout::Letter => plain(612.0, 792.0, INCH, INCH, 0.75 * INCH, false),
    }
}

/// The address field of a window envelope.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    /// Left edge of the address text.
    pub x: f32,
    /// Width of the address text.
    pub width: f32,
    /// Top of the field (the return-address zone included).
    pub top: f32,
    pub height: f32,
    /// Where the address proper starts.
    pub address_top: f32,
    /// A one-line sender address above the recipient, read through the window.
    pub return_line: bool,
    /// The most lines the address zone takes, whatever their size (DIN 5008: 6).
    pub max_lines: Option<usize>,
}

/// Where the date goes.
#[derive(Debug, Clone, Copy)]
pub enum DatePlace {
    /// In the information block beside the address field (DIN 5008), below the
    /// sender's contact lines.
    InfoBlock { x: f32, top: f32 },
    /// At a fixed height, at the left margin (above a US window address).
    Fixed { baseline: f32 },
    /// First in the text flow; right-aligned or at the left margin.
    Flow { right: bool },
}

/// Everything a layout fixes.
#[derive(Debug, Clone)]
pub struct Geometry {
    /// The layout's name, for messages.
    pub name: &'static str,
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    /// Baseline of the organization's name.
    pub name_baseline: f32,
    /// The contact lines go right-aligned in the letterhead (else in the info block).
    pub contact_in_header: bool,
    pub window: Option<Window>,
    pub date: DatePlace,
    /// Where the text starts on page 1 (at least; below the letterhead otherwise).
    pub first_top: f32,
    /// Where the text starts on continuation pages.
    pub top: f32,
    /// Where text must end on every page.
    pub bottom: f32,
    /// Baseline of the continuation header.
    pub header_baseline: f32,
    /// Baseline of the "Page 1 of N" footer on page 1.
    pub footer_baseline: f32,
    /// Fold marks and the hole-punch mark, from the top.
    pub fold_marks: Vec<f32>,
    pub hole_mark: Option<f32>,
}

impl Geometry {
    /// The width of the text column.
    pub fn text_width(&self) -> f32 {
        self.width - self.left - self.right
    }
}

fn din5008(header: f32, info_top: f32, text_top: f32, folds: [f32; 2]) -> Geometry {
    Geometry {
        name: "",
        width: 595.28,
        height: 841.89,
        left: 25.0 * MM,
        right: 20.0 * MM,
        name_baseline: (header * 0.55).max(14.0) * MM,
        contact_in_header: false,
        window: Some(Window {
            x: 25.0 * MM,
            width: 80.0 * MM,
            top: header * MM,
            height: 45.0 * MM,
            address_top: (header + 17.7) * MM,
            return_line: true,
            max_lines: Some(6),
        }),
        date: DatePlace::InfoBlock {
            x: 125.0 * MM,
            top: info_top * MM,
        },
        first_top: text_top * MM,
        top: 27.0 * MM,
        bottom: 270.0 * MM,
        header_baseline: 16.0 * MM,
        footer_baseline: 284.0 * MM,
        fold_marks: folds.iter().map(|y| y * MM).collect(),
        hole_mark: Some(148.5 * MM),
    }
}

fn plain(width: f32, height: f32, left: f32, right: f32, top: f32, date_right: bool) -> Geometry {
    Geometry {
        name: "",
        width,
        height,
        left,
        right,
        name_baseline: top + 12.0,
        contact_in_header: true,
        window: None,
        date: DatePlace::Flow { right: date_right },
        first_top: 0.0,
        top: top + 24.0,
        bottom: height - top - 18.0,
        header_baseline: top + 6.0,
        footer_baseline: height - top + 4.0,
        fold_marks: Vec::new(),
        hole_mark: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn din_window_is_where_the_standard_puts_it() {
        let g = geometry(Layout::Din5008B);
        let w = g.window.unwrap();
        assert!((w.top / MM - 45.0).abs() < 0.01);
        assert!((g.fold_marks[0] / MM - 105.0).abs() < 0.01);
        let a = geometry(Layout::Din5008A);
        assert!((a.window.unwrap().top / MM - 27.0).abs() < 0.01);
    }
}
