//! Bar charts as SVG, drawn with plotters' SVG backend: text and shapes only, no script
//! and nothing loaded from anywhere, so the page that holds them is self-contained.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The chart's height, and its width at most, in pixels.
const HEIGHT: u32 = 340;
const MAX_WIDTH: u32 = 760;
/// The width a bar (and the space beside it) takes while the chart can grow.
const BAR_WIDTH: u32 = 90;
/// The room the axis and its labels take.
const AXIS_WIDTH: u32 = 100;

/// How wide a chart of `bars` bars is: narrow for a few bars, so that one day or one
/// recipient is not one bar across the page.
fn width(bars: usize) -> u32 {
    let bars = u32::try_from(bars.max(2)).unwrap_or(u32::MAX);
    AXIS_WIDTH
        .saturating_add(BAR_WIDTH.saturating_mul(bars))
        .clamp(300, MAX_WIDTH)
}
/// The bars' colour.
const BAR: RGBColor = RGBColor(0x1f, 0x5f, 0x8b);
/// At most this many labels along the bottom, however many bars.
const MAX_LABELS: usize = 14;

/// A bar chart of `data` (label, count) titled `title`, as an SVG document.
pub fn bars(title: &str, data: &[(String, usize)]) -> Result<String, String> {
    let mut svg = String::new();
    draw(&mut svg, title, data).map_err(|e| format!("cannot draw the chart `{title}`: {e}"))?;
    Ok(svg)
}

fn draw<'a>(
    svg: &'a mut String,
    title: &str,
    data: &[(String, usize)],
) -> Result<(), Box<dyn std::error::Error + 'a>> {
    // One bar stands in the middle of three segments: plotters cannot place labels
    // in a range of one.
    let offset = usize::from(data.len() == 1);
    let count = (data.len() + 2 * offset).max(1);
    let width = width(count);
    let root = SVGBackend::with_string(svg, (width, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    // A fifth of each bar's segment is space, whatever the width.
    let segment = width.saturating_sub(AXIS_WIDTH) / u32::try_from(count).unwrap_or(u32::MAX);
    let margin = (segment / 10).clamp(1, 20);
    let top = data.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    // Room above the highest bar for its number.
    let ceiling = top + top / 8 + 1;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 20))
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(56)
        // A usize range holds its end, so one segment a bar takes `0..count - 1`.
        .build_cartesian_2d((0..count - 1).into_segmented(), 0..ceiling)?;
    let label = |value: &SegmentValue<usize>| match value {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => i
            .checked_sub(offset)
            .and_then(|i| data.get(i))
            .map(|(l, _)| l.clone())
            .unwrap_or_default(),
        SegmentValue::Last => String::new(),
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .x_labels(count.min(MAX_LABELS))
        .x_label_formatter(&label)
        .y_desc("letters")
        .label_style(("sans-serif", 13))
        .draw()?;
    chart.draw_series(
        Histogram::vertical(&chart)
            .style(BAR.filled())
            .margin(margin)
            .data(data.iter().enumerate().map(|(i, (_, n))| (i + offset, *n))),
    )?;
    if count <= 31 {
        let above = ("sans-serif", 12)
            .into_font()
            .color(&BLACK)
            .pos(Pos::new(HPos::Center, VPos::Bottom));
        chart.draw_series(data.iter().enumerate().map(|(i, (_, n))| {
            Text::new(
                n.to_string(),
                (SegmentValue::CenterOf(i + offset), *n + top / 60),
                above.clone(),
            )
        }))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_chart_is_an_svg_with_its_labels_and_no_script() {
        let data = vec![
            ("ve-attorney-general".to_string(), 20),
            ("ve-un-mission".to_string(), 7),
        ];
        let svg = bars("Letters per recipient", &data).unwrap();
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("ve-attorney-general") && svg.contains("ve-un-mission"));
        assert!(svg.contains("Letters per recipient"));
        assert!(!svg.contains("<script"));
        assert!(bars("Empty", &[]).unwrap().starts_with("<svg"));
    }
}
