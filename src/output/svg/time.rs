//! The time chart: background bands, lanes of stretches and marks, a time axis and a key.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::{
    Figure, Lane, Legend, Mark, Stretch, TimeChart, fitted, h, mark_class, open_svg, shape, stretch_style,
    text_width,
};

const WIDTH: f64 = 760.0;
const LABELS: f64 = 148.0;
const RIGHT: f64 = 14.0;
const LANE: f64 = 22.0;
/// Where the first lane begins: above it, a row for the bands' names and one for the
/// label of the `now` line.
const TOP: f64 = 40.0;

/// Where days fall on the axis.
struct Axis {
    from: NaiveDate,
    days: f64,
}

impl Axis {
    fn x(&self, day: NaiveDate) -> f64 {
        let offset = (day - self.from).num_days() as f64;
        LABELS + (offset / self.days).clamp(0.0, 1.0) * (WIDTH - LABELS - RIGHT)
    }

    /// The right edge of `day` (a stretch ends at the end of its last day).
    fn x_end(&self, day: NaiveDate) -> f64 {
        self.x(day.succ_opt().unwrap_or(day))
    }
}

pub(super) fn chart(figure: &Figure, chart: &TimeChart) -> String {
    let axis = Axis {
        from: chart.from,
        days: ((chart.to - chart.from).num_days() + 1).max(1) as f64,
    };
    let lanes_bottom = TOP + chart.lanes.len() as f64 * LANE;
    let axis_y = lanes_bottom + 4.0;
    let legend_rows = legend_layout(&chart.legend);
    let legend_top = axis_y + 40.0;
    let height = legend_top + legend_rows.len() as f64 * 18.0 + 6.0;
    let mut out = String::new();
    open_svg(&mut out, figure, WIDTH, height);
    draw_bands(&mut out, chart, &axis, axis_y);
    for (i, lane) in chart.lanes.iter().enumerate() {
        draw_lane(&mut out, lane, &axis, TOP + i as f64 * LANE);
    }
    draw_axis(&mut out, chart, &axis, axis_y);
    if let Some((day, label)) = &chart.now {
        let x = axis.x(*day);
        let _ = write!(
            out,
            "<g class=\"now\"><title>{}</title><line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{axis_y:.1}\" stroke=\"#000\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>",
            h(label),
            19.0
        );
        // On a row of its own under the bands' names, with a white halo over the bands.
        let anchor = if x > WIDTH - 120.0 { "end" } else { "middle" };
        let _ = writeln!(
            out,
            "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"{anchor}\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text></g>",
            TOP - 7.0,
            h(label)
        );
    }
    draw_legend(&mut out, &legend_rows, legend_top);
    out.push_str("</svg>");
    out
}

fn draw_bands(out: &mut String, chart: &TimeChart, axis: &Axis, axis_y: f64) {
    for (i, band) in chart.bands.iter().enumerate() {
        let (x1, x2) = (axis.x(band.from), axis.x_end(band.to));
        let fill = match (band.current, i % 2) {
            (true, _) => "#dce7f3",
            (false, 0) => "#f1f4f8",
            (false, _) => "#e7edf4",
        };
        let _ = write!(
            out,
            "<g class=\"band\"><title>{}</title><rect x=\"{x1:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\"/><line x1=\"{x1:.1}\" y1=\"{:.1}\" x2=\"{x1:.1}\" y2=\"{axis_y:.1}\" stroke=\"#8a9bb0\" stroke-width=\"0.8\"/>",
            h(&band.hover),
            0.0,
            (x2 - x1).max(0.5),
            axis_y,
            0.0,
        );
        let size = 10.0;
        let label = band.labels.iter().find(|l| text_width(l, size) <= x2 - x1 - 6.0);
        if let Some(label) = label {
            let weight = if band.current { " font-weight=\"bold\"" } else { "" };
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{size}\" text-anchor=\"middle\" fill=\"#26384d\"{weight}>{}</text>",
                (x1 + x2) / 2.0,
                13.0,
                h(label)
            );
        }
        out.push_str("</g>\n");
    }
}

fn draw_lane(out: &mut String, lane: &Lane, axis: &Axis, top: f64) {
    let mid = top + LANE / 2.0;
    let _ = writeln!(
        out,
        "<g class=\"lane\"><line x1=\"4\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#d0d5db\" stroke-width=\"0.6\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#1a1a1a\">{}</text>",
        top + LANE,
        WIDTH - RIGHT,
        top + LANE,
        LABELS - 8.0,
        mid + 4.0,
        h(&fitted(&lane.label, LABELS - 14.0, 11.0))
    );
    // Where text may go: marks and their labels first, then the stretches' names in
    // what room is left, so no two texts of a lane overlap.
    let xs: Vec<f64> = (lane.marks.iter())
        .map(|m| axis.x(m.on) + 0.5 * (axis.x_end(m.on) - axis.x(m.on)))
        .collect();
    let mut taken: Vec<(f64, f64)> = xs.iter().map(|x| (x - 7.0, x + 7.0)).collect();
    let mark_labels: Vec<Option<(f64, &'static str)>> = (lane.marks.iter().zip(&xs))
        .map(|(mark, &x)| {
            let width = text_width(mark.label.as_deref()?, LABEL_SIZE);
            let right = (x + 9.0, x + 9.0 + width);
            let left = (x - 9.0 - width, x - 9.0);
            let place = [(right, "start"), (left, "end")]
                .into_iter()
                .find(|((a, b), _)| *a >= LABELS && *b <= WIDTH - 2.0 && !overlaps(&taken, (*a, *b)));
            let ((a, b), anchor) = place?;
            taken.push((a, b));
            Some((if anchor == "start" { a } else { b }, anchor))
        })
        .collect();
    for stretch in &lane.stretches {
        draw_stretch(out, stretch, axis, mid, &mut taken);
    }
    for ((mark, x), label) in lane.marks.iter().zip(xs).zip(mark_labels) {
        draw_mark(out, mark, x, mid, label);
    }
    out.push_str("</g>\n");
}

const LABEL_SIZE: f64 = 9.5;

fn overlaps(taken: &[(f64, f64)], (a, b): (f64, f64)) -> bool {
    taken.iter().any(|(x, y)| a < *y && *x < b)
}

/// A stretch, with the first of its names that fits inside it and overlaps no text
/// already placed in the lane (`taken`).
fn draw_stretch(out: &mut String, stretch: &Stretch, axis: &Axis, mid: f64, taken: &mut Vec<(f64, f64)>) {
    let (x1, x2) = (axis.x(stretch.from), axis.x_end(stretch.to));
    let width = (x2 - x1).max(2.0);
    let (style, ink) = stretch_style(stretch.tone, stretch.fill);
    let _ = write!(
        out,
        "<g class=\"stretch\"><title>{}</title><rect x=\"{x1:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"12\" rx=\"2\" {style}/>",
        h(&stretch.hover),
        mid - 6.0
    );
    let size = LABEL_SIZE;
    let fits = |label: &&String| {
        let w = text_width(label, size);
        w <= width - 6.0 && !overlaps(taken, (x1 + 3.0, x1 + 3.0 + w))
    };
    if let Some(label) = stretch.labels.iter().find(fits) {
        taken.push((x1 + 3.0, x1 + 3.0 + text_width(label, size)));
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{size}\" fill=\"{ink}\">{}</text>",
            x1 + 3.0,
            mid + 3.4,
            h(label)
        );
    }
    out.push_str("</g>\n");
}

/// A mark, and its label where `draw_lane` found room for it (`x`, anchor).
fn draw_mark(out: &mut String, mark: &Mark, x: f64, mid: f64, label: Option<(f64, &str)>) {
    let _ = write!(
        out,
        "<g class=\"mark {}\"><title>{}</title>{}",
        mark_class(mark.kind),
        h(&mark.hover),
        shape(mark.kind, x, mid)
    );
    if let (Some(text), Some((lx, anchor))) = (&mark.label, label) {
        let _ = write!(
            out,
            "<text x=\"{lx:.1}\" y=\"{:.1}\" font-size=\"{LABEL_SIZE}\" text-anchor=\"{anchor}\" fill=\"#1a1a1a\" stroke=\"#ffffff\" stroke-width=\"2.5\" paint-order=\"stroke\">{}</text>",
            mid + 3.4,
            h(text)
        );
    }
    out.push_str("</g>\n");
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The first day of each month from `from`'s month on, up to `to`.
fn month_starts(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut day = from.with_day(1).unwrap_or(from);
    let mut out = Vec::new();
    while day <= to {
        if day >= from {
            out.push(day);
        }
        day = next_month(day);
    }
    out
}

/// The first day of the month after `day`'s.
fn next_month(day: NaiveDate) -> NaiveDate {
    let (year, month) = if day.month() == 12 {
        (day.year() + 1, 1)
    } else {
        (day.year(), day.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MAX)
}

fn draw_axis(out: &mut String, chart: &TimeChart, axis: &Axis, y: f64) {
    let _ = writeln!(
        out,
        "<g class=\"axis\" font-size=\"9.5\" fill=\"#333333\"><line x1=\"{LABELS:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#333333\"/>",
        WIDTH - RIGHT
    );
    let months = month_starts(chart.from, chart.to);
    let per_month = (WIDTH - LABELS - RIGHT) / (axis.days / 30.44);
    // Every month named when there is room, else every quarter, else only years.
    let every = if per_month >= 26.0 {
        1
    } else if per_month >= 8.0 {
        3
    } else {
        12
    };
    for day in months {
        let x = axis.x(day);
        let named = (day.month0() as usize).is_multiple_of(every);
        let tick = if day.month() == 1 { 7.0 } else { 4.0 };
        let _ = write!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{y:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#333333\"/>",
            y + tick
        );
        if named && every < 12 {
            let _ = write!(
                out,
                "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                y + 15.0,
                MONTHS[day.month0() as usize]
            );
        }
        if day.month() == 1 || day == chart.from.with_day(1).unwrap_or(chart.from) {
            let _ = write!(
                out,
                "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"start\" font-weight=\"bold\">{}</text>",
                y + 28.0,
                day.year()
            );
        }
    }
    out.push_str("</g>\n");
}

/// Legend entries in rows that fit the width: each row a list of (x, entry).
fn legend_layout(legend: &[Legend]) -> Vec<Vec<(f64, &Legend)>> {
    let mut rows: Vec<Vec<(f64, &Legend)>> = Vec::new();
    let mut x = LABELS;
    let mut row = Vec::new();
    for entry in legend {
        let words = match entry {
            Legend::Mark(_, words) | Legend::Stretch(_, _, words) => words,
        };
        let width = 26.0 + text_width(words, 10.0) + 14.0;
        if x + width > WIDTH && !row.is_empty() {
            rows.push(std::mem::take(&mut row));
            x = LABELS;
        }
        row.push((x, entry));
        x += width;
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows
}

fn draw_legend(out: &mut String, rows: &[Vec<(f64, &Legend)>], top: f64) {
    if rows.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<g class=\"legend\" font-size=\"10\"><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-weight=\"bold\">Key</text>",
        LABELS - 8.0,
        top + 4.0
    );
    for (i, row) in rows.iter().enumerate() {
        let y = top + i as f64 * 18.0;
        for (x, entry) in row {
            match entry {
                Legend::Mark(kind, words) => {
                    let _ = write!(
                        out,
                        "{}<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                        shape(*kind, x + 8.0, y),
                        x + 20.0,
                        y + 3.5,
                        h(words)
                    );
                }
                Legend::Stretch(tone, fill, words) => {
                    let (style, _) = stretch_style(*tone, *fill);
                    let _ = write!(
                        out,
                        "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"16\" height=\"10\" rx=\"2\" {style}/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                        y - 5.0,
                        x + 20.0,
                        y + 3.5,
                        h(words)
                    );
                }
            }
        }
    }
    out.push_str("</g>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn a_date_maps_into_the_plot() {
        let axis = Axis {
            from: day("2026-01-01"),
            days: 365.0,
        };
        assert_eq!(axis.x(day("2026-01-01")), LABELS);
        assert_eq!(axis.x(day("2030-01-01")), WIDTH - RIGHT, "clamped");
    }

    #[test]
    fn texts_of_a_lane_never_overlap() {
        assert!(overlaps(&[(10.0, 20.0)], (15.0, 30.0)));
        assert!(!overlaps(&[(10.0, 20.0)], (20.0, 30.0)));
    }
}
