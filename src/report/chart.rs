//! Bar charts as SVG, drawn with plotters' SVG backend: text and shapes only, no script
//! and nothing loaded from anywhere, so the page that holds them is self-contained.

use plotters::prelude::*;

/// The chart's size in pixels.
const SIZE: (u32, u32) = (760, 340);
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
    let root = SVGBackend::with_string(svg, SIZE).into_drawing_area();
    root.fill(&WHITE)?;
    let count = data.len().max(1);
    let top = data.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    // Room above the highest bar for its number.
    let ceiling = top + top / 8 + 1;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 20))
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(56)
        .build_cartesian_2d((0..count).into_segmented(), 0..ceiling)?;
    let label = |value: &SegmentValue<usize>| match value {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
            data.get(*i).map(|(l, _)| l.clone()).unwrap_or_default()
        }
        SegmentValue::Last => String::new(),
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(count.min(MAX_LABELS))
        .x_label_formatter(&label)
        .y_desc("letters")
        .label_style(("sans-serif", 13))
        .draw()?;
    chart.draw_series(
        Histogram::vertical(&chart)
            .style(BAR.filled())
            .margin(if count > 20 { 1 } else { 6 })
            .data(data.iter().enumerate().map(|(i, (_, n))| (i, *n))),
    )?;
    if count <= 31 {
        chart.draw_series(data.iter().enumerate().map(|(i, (_, n))| {
            Text::new(
                n.to_string(),
                (SegmentValue::CenterOf(i), *n + top / 40 + 1),
                ("sans-serif", 12).into_font().color(&BLACK),
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
