//! The bar chart: a label, a bar and its value on each row.

use std::fmt::Write;

use super::{BarChart, Figure, fitted, h, open_svg};

const BARS_WIDTH: f64 = 520.0;
const BARS_LABELS: f64 = 150.0;

pub(super) fn chart(figure: &Figure, chart: &BarChart) -> String {
    let row = 22.0;
    let height = chart.bars.len() as f64 * row + 10.0;
    let max = chart.bars.iter().map(|b| b.value).max().unwrap_or(0).max(1) as f64;
    let room = BARS_WIDTH - BARS_LABELS - 40.0;
    let mut out = String::new();
    open_svg(&mut out, figure, BARS_WIDTH, height);
    for (i, bar) in chart.bars.iter().enumerate() {
        let top = 5.0 + i as f64 * row;
        let width = bar.value as f64 / max * room;
        let _ = writeln!(
            out,
            "<g class=\"bar\"><title>{}</title><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\">{}</text><rect x=\"{BARS_LABELS:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"14\" fill=\"#0072B2\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" font-weight=\"bold\">{}</text></g>",
            h(&bar.hover),
            BARS_LABELS - 8.0,
            top + 11.0,
            h(&fitted(&bar.label, BARS_LABELS - 12.0, 11.0)),
            top + 1.0,
            width.max(1.0),
            BARS_LABELS + width.max(1.0) + 5.0,
            top + 12.0,
            bar.value
        );
    }
    let _ = writeln!(
        out,
        "<line x1=\"{BARS_LABELS:.1}\" y1=\"2\" x2=\"{BARS_LABELS:.1}\" y2=\"{:.1}\" stroke=\"#333333\"/>",
        height - 3.0
    );
    out.push_str("</svg>");
    out
}
