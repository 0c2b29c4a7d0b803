//! Figures drawn as inline SVG from plain data: a time chart (background bands, lanes of
//! stretches of time, point marks with a status) and a bar chart. Nothing here knows
//! what a case is: the reports map their data to these shapes, and this module only
//! decides how a shape looks. Every string is escaped here (`Sink::Html`, which is also
//! well-formed XML), and every shape carries a `<title>` a browser shows on hover.
//!
//! Colours are the Okabe–Ito palette, which stays distinct for the common forms of
//! colour blindness; no meaning rests on colour alone: each status has its own shape,
//! a stretch its own outline, and the legend says which is which in words.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::escape::{Sink, escape};

/// A picture with its accessible title and the sentence printed under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub title: String,
    pub caption: String,
    pub drawing: Drawing,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Drawing {
    Time(TimeChart),
    Bars(BarChart),
}

/// Lanes of dates against one time axis, over background bands.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeChart {
    /// The first and last day the axis shows.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// A day drawn as a line across every lane, with its label ("as of 2026-11-24").
    pub now: Option<(NaiveDate, String)>,
    pub bands: Vec<Band>,
    pub lanes: Vec<Lane>,
    pub legend: Vec<Legend>,
}

/// A stretch of the axis shaded behind every lane, named at the top.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Names to try, longest first: the first that fits the band is drawn.
    pub labels: Vec<String>,
    pub hover: String,
    /// Drawn a shade darker, its label in bold.
    pub current: bool,
}

/// One row of the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub label: String,
    pub stretches: Vec<Stretch>,
    pub marks: Vec<Mark>,
}

/// A stretch of time in a lane, both days included.
#[derive(Debug, Clone, PartialEq)]
pub struct Stretch {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub tone: Tone,
    pub fill: Fill,
    /// Written inside when it fits.
    pub label: Option<String>,
    pub hover: String,
}

/// A point in a lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub on: NaiveDate,
    pub kind: MarkKind,
    /// Written beside the mark.
    pub label: Option<String>,
    pub hover: String,
}

/// The look of a mark: a shape and a colour each, so that shape alone tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkKind {
    /// A triangle, vermillion.
    Overdue,
    /// A diamond, orange.
    DueSoon,
    /// A hollow circle, blue.
    Upcoming,
    /// A filled circle, bluish green.
    Met,
    /// A filled square, dark grey.
    Held,
    /// A thin upright bar, black.
    Event,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Blue,
    Sky,
    Green,
    Purple,
    Grey,
}

/// How a stretch is filled: the outline tells them apart in black and white.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    Solid,
    /// A pale fill with a solid outline.
    Outline,
    /// A pale fill with a dashed outline.
    Dashed,
}

/// One entry of a legend, in words.
#[derive(Debug, Clone, PartialEq)]
pub enum Legend {
    Mark(MarkKind, String),
    Stretch(Tone, Fill, String),
}

/// Horizontal bars, one per label, each with its value written at its end.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: u64,
    pub hover: String,
}

/// The figure as an `<svg>` element.
pub fn render(figure: &Figure) -> String {
    match &figure.drawing {
        Drawing::Time(chart) => time_chart(figure, chart),
        Drawing::Bars(chart) => bar_chart(figure, chart),
    }
}

fn h(text: &str) -> std::borrow::Cow<'_, str> {
    escape(Sink::Html, text)
}

fn open_svg(out: &mut String, figure: &Figure, width: f64, height: f64) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" role=\"img\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\">\n<title>{}</title>\n<desc>{}</desc>\n",
        h(&figure.title),
        h(&figure.caption)
    );
}

/// A rough width of `text` in SVG units at `size` (proportional fonts average a little
/// over half their size per character), to decide whether a label fits.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.56
}

/// `text` cut to fit `width` at `size`, with an ellipsis when cut.
fn fitted(text: &str, width: f64, size: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_owned();
    }
    let keep = ((width / (size * 0.56)) as usize).saturating_sub(1);
    let mut cut: String = text.chars().take(keep).collect();
    cut.push('…');
    cut
}

const WIDTH: f64 = 760.0;
const LABELS: f64 = 148.0;
const RIGHT: f64 = 14.0;
const LANE: f64 = 22.0;
const TOP: f64 = 34.0;

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

fn time_chart(figure: &Figure, chart: &TimeChart) -> String {
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
            TOP - 12.0
        );
        let anchor = if x > WIDTH - 120.0 { "end" } else { "middle" };
        let _ = writeln!(
            out,
            "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"{anchor}\">{}</text></g>",
            TOP - 14.0,
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
            TOP - 30.0,
            (x2 - x1).max(0.5),
            axis_y - (TOP - 30.0),
            TOP - 30.0,
        );
        let size = 10.0;
        let label = band.labels.iter().find(|l| text_width(l, size) <= x2 - x1 - 6.0);
        if let Some(label) = label {
            let weight = if band.current { " font-weight=\"bold\"" } else { "" };
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{size}\" text-anchor=\"middle\" fill=\"#26384d\"{weight}>{}</text>",
                (x1 + x2) / 2.0,
                TOP - 20.0,
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
    for stretch in &lane.stretches {
        draw_stretch(out, stretch, axis, mid);
    }
    for mark in &lane.marks {
        draw_mark(
            out,
            mark,
            axis.x(mark.on) + 0.5 * (axis.x_end(mark.on) - axis.x(mark.on)),
            mid,
        );
    }
    out.push_str("</g>\n");
}

/// Colour of a tone, and the text colour that reads on it when solid.
fn colours(tone: Tone) -> (&'static str, &'static str) {
    match tone {
        Tone::Blue => ("#0072B2", "#ffffff"),
        Tone::Sky => ("#56B4E9", "#000000"),
        Tone::Green => ("#009E73", "#ffffff"),
        Tone::Purple => ("#CC79A7", "#000000"),
        Tone::Grey => ("#9a9a9a", "#000000"),
    }
}

fn stretch_style(tone: Tone, fill: Fill) -> (String, &'static str) {
    let (colour, on_solid) = colours(tone);
    match fill {
        Fill::Solid => (format!("fill=\"{colour}\""), on_solid),
        Fill::Outline => (
            format!("fill=\"{colour}\" fill-opacity=\"0.22\" stroke=\"{colour}\" stroke-width=\"1.2\""),
            "#000000",
        ),
        Fill::Dashed => (
            format!(
                "fill=\"{colour}\" fill-opacity=\"0.1\" stroke=\"{colour}\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\""
            ),
            "#000000",
        ),
    }
}

fn draw_stretch(out: &mut String, stretch: &Stretch, axis: &Axis, mid: f64) {
    let (x1, x2) = (axis.x(stretch.from), axis.x_end(stretch.to));
    let width = (x2 - x1).max(2.0);
    let (style, ink) = stretch_style(stretch.tone, stretch.fill);
    let _ = write!(
        out,
        "<g class=\"stretch\"><title>{}</title><rect x=\"{x1:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"12\" rx=\"2\" {style}/>",
        h(&stretch.hover),
        mid - 6.0
    );
    if let Some(label) = &stretch.label {
        let size = 9.5;
        if text_width(label, size) <= width - 6.0 {
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{size}\" fill=\"{ink}\">{}</text>",
                x1 + 3.0,
                mid + 3.4,
                h(label)
            );
        }
    }
    out.push_str("</g>\n");
}

/// The class a mark kind is written with, for style sheets and tests.
pub fn mark_class(kind: MarkKind) -> &'static str {
    match kind {
        MarkKind::Overdue => "overdue",
        MarkKind::DueSoon => "due-soon",
        MarkKind::Upcoming => "upcoming",
        MarkKind::Met => "met",
        MarkKind::Held => "held",
        MarkKind::Event => "event",
    }
}

fn shape(kind: MarkKind, x: f64, y: f64) -> String {
    match kind {
        MarkKind::Overdue => format!(
            "<polygon points=\"{x:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"#D55E00\" stroke=\"#5a2000\" stroke-width=\"0.8\"/>",
            y - 6.5,
            x + 6.5,
            y + 5.0,
            x - 6.5,
            y + 5.0
        ),
        MarkKind::DueSoon => format!(
            "<polygon points=\"{x:.1},{:.1} {:.1},{y:.1} {x:.1},{:.1} {:.1},{y:.1}\" fill=\"#E69F00\" stroke=\"#5c4000\" stroke-width=\"0.8\"/>",
            y - 6.0,
            x + 6.0,
            y + 6.0,
            x - 6.0
        ),
        MarkKind::Upcoming => {
            format!(
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4.5\" fill=\"#ffffff\" stroke=\"#0072B2\" stroke-width=\"2\"/>"
            )
        }
        MarkKind::Met => {
            format!(
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4.5\" fill=\"#009E73\" stroke=\"#004d38\" stroke-width=\"0.8\"/>"
            )
        }
        MarkKind::Held => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"9\" height=\"9\" fill=\"#444444\"/>",
            x - 4.5,
            y - 4.5
        ),
        MarkKind::Event => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"2.5\" height=\"16\" fill=\"#000000\"/>",
            x - 1.25,
            y - 8.0
        ),
    }
}

fn draw_mark(out: &mut String, mark: &Mark, x: f64, mid: f64) {
    let _ = write!(
        out,
        "<g class=\"mark {}\"><title>{}</title>{}",
        mark_class(mark.kind),
        h(&mark.hover),
        shape(mark.kind, x, mid)
    );
    if let Some(label) = &mark.label {
        let size = 9.5;
        let (lx, anchor) = if x + 9.0 + text_width(label, size) > WIDTH - 2.0 {
            (x - 9.0, "end")
        } else {
            (x + 9.0, "start")
        };
        let _ = write!(
            out,
            "<text x=\"{lx:.1}\" y=\"{:.1}\" font-size=\"{size}\" text-anchor=\"{anchor}\" fill=\"#1a1a1a\">{}</text>",
            mid + 3.4,
            h(label)
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
    let every = if per_month >= 22.0 {
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

const BARS_WIDTH: f64 = 520.0;
const BARS_LABELS: f64 = 150.0;

fn bar_chart(figure: &Figure, chart: &BarChart) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn chart(label: &str) -> Figure {
        Figure {
            title: format!("Case {label}"),
            caption: label.to_owned(),
            drawing: Drawing::Time(TimeChart {
                from: day("2026-01-01"),
                to: day("2026-12-31"),
                now: Some((day("2026-06-15"), format!("as of {label}"))),
                bands: vec![Band {
                    from: day("2026-01-01"),
                    to: day("2026-04-30"),
                    labels: vec![label.to_owned()],
                    hover: label.to_owned(),
                    current: true,
                }],
                lanes: vec![Lane {
                    label: label.to_owned(),
                    stretches: vec![Stretch {
                        from: day("2026-02-01"),
                        to: day("2026-09-30"),
                        tone: Tone::Blue,
                        fill: Fill::Solid,
                        label: Some(label.to_owned()),
                        hover: label.to_owned(),
                    }],
                    marks: vec![Mark {
                        on: day("2026-05-01"),
                        kind: MarkKind::Overdue,
                        label: Some(label.to_owned()),
                        hover: label.to_owned(),
                    }],
                }],
                legend: vec![Legend::Mark(MarkKind::Overdue, label.to_owned())],
            }),
        }
    }

    #[test]
    fn data_in_a_time_chart_is_text_only() {
        let svg = render(&chart("<script>x</script>\"&"));
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("&lt;script&gt;x&lt;/script&gt;&quot;&amp;"), "{svg}");
        assert_eq!(svg.matches("<g class=\"mark overdue\">").count(), 1);
    }

    #[test]
    fn a_date_maps_into_the_plot_and_long_labels_are_cut() {
        let axis = Axis {
            from: day("2026-01-01"),
            days: 365.0,
        };
        assert_eq!(axis.x(day("2026-01-01")), LABELS);
        assert_eq!(axis.x(day("2030-01-01")), WIDTH - RIGHT, "clamped");
        assert!(fitted("a very long lane label that cannot fit", 60.0, 11.0).ends_with('…'));
        assert_eq!(fitted("short", 60.0, 11.0), "short");
    }
}
