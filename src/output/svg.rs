//! Figures drawn as inline SVG from plain data: a time chart (background bands, lanes of
//! stretches of time, point marks with a status) and a bar chart. Nothing here knows
//! what a case is: the reports map their data to these shapes, and this module only
//! decides how a shape looks. Every string is escaped here (`Sink::Html`, which is also
//! well-formed XML), and every shape carries a `<title>` a browser shows on hover.
//!
//! Colours are the Okabe–Ito palette, which stays distinct for the common forms of
//! colour blindness; no meaning rests on colour alone: each status has its own shape,
//! a stretch its own outline, and the legend says which is which in words.

mod bars;
mod time;

use std::fmt::Write;

use chrono::NaiveDate;
// A figure is staged on disk with its agenda until the end of a run (`cli::agenda`).
use serde::{Deserialize, Serialize};

use super::escape::{Sink, escape};

/// A picture with its accessible title and the sentence printed under it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub title: String,
    pub caption: String,
    pub drawing: Drawing,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Drawing {
    Time(TimeChart),
    Bars(BarChart),
}

/// Lanes of dates against one time axis, over background bands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lane {
    pub label: String,
    pub stretches: Vec<Stretch>,
    pub marks: Vec<Mark>,
}

/// A stretch of time in a lane, both days included.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stretch {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub tone: Tone,
    pub fill: Fill,
    /// Names to write inside, longest first: the first that fits is written.
    pub labels: Vec<String>,
    pub hover: String,
}

/// A point in a lane.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    pub on: NaiveDate,
    pub kind: MarkKind,
    /// Written beside the mark.
    pub label: Option<String>,
    pub hover: String,
}

/// The look of a mark: a shape and a colour each, so that shape alone tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tone {
    Blue,
    Sky,
    Green,
    Purple,
    Grey,
}

/// How a stretch is filled: the outline tells them apart in black and white.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fill {
    Solid,
    /// A pale fill with a solid outline.
    Outline,
    /// White (a gap in what it lies on) with a dashed outline.
    Dashed,
}

/// One entry of a legend, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Legend {
    Mark(MarkKind, String),
    Stretch(Tone, Fill, String),
}

/// Horizontal bars, one per label, each with its value written at its end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BarChart {
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    pub label: String,
    pub value: u64,
    pub hover: String,
}

/// The figure as an `<svg>` element.
pub fn render(figure: &Figure) -> String {
    match &figure.drawing {
        Drawing::Time(chart) => time::chart(figure, chart),
        Drawing::Bars(chart) => bars::chart(figure, chart),
    }
}

pub(super) fn h(text: &str) -> std::borrow::Cow<'_, str> {
    escape(Sink::Html, text)
}

pub(super) fn open_svg(out: &mut String, figure: &Figure, width: f64, height: f64) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" role=\"img\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\">\n<title>{}</title>\n<desc>{}</desc>\n",
        h(&figure.title),
        h(&figure.caption)
    );
}

/// A rough width of `text` in SVG units at `size` (proportional fonts average a little
/// over half their size per character), to decide whether a label fits.
pub(super) fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.56
}

/// `text` cut to fit `width` at `size`, with an ellipsis when cut.
pub(super) fn fitted(text: &str, width: f64, size: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_owned();
    }
    let keep = ((width / (size * 0.56)) as usize).saturating_sub(1);
    let mut cut: String = text.chars().take(keep).collect();
    cut.push('…');
    cut
}

fn colours(tone: Tone) -> (&'static str, &'static str) {
    match tone {
        Tone::Blue => ("#0072B2", "#ffffff"),
        Tone::Sky => ("#56B4E9", "#000000"),
        Tone::Green => ("#009E73", "#ffffff"),
        Tone::Purple => ("#CC79A7", "#000000"),
        Tone::Grey => ("#6b6b6b", "#ffffff"),
    }
}

pub(super) fn stretch_style(tone: Tone, fill: Fill) -> (String, &'static str) {
    let (colour, on_solid) = colours(tone);
    match fill {
        Fill::Solid => (format!("fill=\"{colour}\""), on_solid),
        Fill::Outline => (
            format!("fill=\"{colour}\" fill-opacity=\"0.22\" stroke=\"{colour}\" stroke-width=\"1.2\""),
            "#000000",
        ),
        // A gap: white over whatever it lies on, outlined in dashes.
        Fill::Dashed => (
            format!("fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\""),
            "#000000",
        ),
    }
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

pub(super) fn shape(kind: MarkKind, x: f64, y: f64) -> String {
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
                        labels: vec![label.to_owned()],
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
    fn long_labels_are_cut() {
        assert!(fitted("a very long lane label that cannot fit", 60.0, 11.0).ends_with('…'));
        assert_eq!(fitted("short", 60.0, 11.0), "short");
    }
}
