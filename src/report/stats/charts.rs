//! The caseload's distributions as bar charts (`stats --format html`): open cases by
//! stage, open cases by months in care, and cases by placement moves. The counts are
//! made here from the cases; `output/svg.rs` only draws bars.

use super::{DAYS_PER_MONTH, Measures};
use crate::output::svg::{Bar, BarChart, Drawing, Figure};
use crate::summary::CaseSummary;

/// The three charts, over the cases shown (`totals` are their measures).
pub fn figures(cases: &[&CaseSummary], totals: &Measures) -> Vec<Figure> {
    vec![
        by_stage(totals),
        by_months_in_care(cases),
        by_placement_moves(cases),
    ]
}

fn bar(label: &str, value: usize, hover: String) -> Bar {
    Bar {
        label: label.to_owned(),
        value: u64::try_from(value).unwrap_or(u64::MAX),
        hover,
    }
}

fn cases_word(n: usize) -> &'static str {
    if n == 1 { "case" } else { "cases" }
}

fn by_stage(m: &Measures) -> Figure {
    let s = &m.by_stage;
    let stages = [
        ("Stage 1", "in stage 1 (Doing For)", s.stage_1),
        ("Stage 2", "in stage 2 (Doing With)", s.stage_2),
        ("Stage 3", "in stage 3 (Moving towards Independence)", s.stage_3),
        ("Past stage 3", "past stage 3", s.past_stage_3),
    ];
    Figure {
        title: "Open cases by stage".to_owned(),
        caption: format!(
            "Open cases by stage of the three-stage casework model ({} open).",
            m.open
        ),
        drawing: Drawing::Bars(BarChart {
            bars: (stages.iter())
                .map(|(label, words, n)| bar(label, *n, format!("{n} open {} {words}", cases_word(*n))))
                .collect(),
        }),
    }
}

/// Bands of months in care, with where each begins (in months, included) and ends
/// (excluded); the last has no end. 15 and 22 are the months of the federal clock.
const MONTH_BANDS: [(&str, f64, Option<f64>); 7] = [
    ("under 3 months", 0.0, Some(3.0)),
    ("3 to 6", 3.0, Some(6.0)),
    ("6 to 9", 6.0, Some(9.0)),
    ("9 to 12", 9.0, Some(12.0)),
    ("12 to 15", 12.0, Some(15.0)),
    ("15 to 22", 15.0, Some(22.0)),
    ("22 or more", 22.0, None),
];

fn by_months_in_care(cases: &[&CaseSummary]) -> Figure {
    let months: Vec<f64> = (cases.iter())
        .filter(|c| c.open)
        .map(|c| c.days_in_care as f64 / DAYS_PER_MONTH)
        .collect();
    let bars = (MONTH_BANDS.iter())
        .map(|(label, from, to)| {
            let n = (months.iter())
                .filter(|m| **m >= *from && to.is_none_or(|to| **m < to))
                .count();
            let range = match to {
                Some(to) => format!("{from} to under {to} months"),
                None => format!("{from} months or more"),
            };
            bar(label, n, format!("{n} open {} in care {range}", cases_word(n)))
        })
        .collect();
    Figure {
        title: "Open cases by months in care".to_owned(),
        caption: format!("Open cases by months in care since the current removal (days / {DAYS_PER_MONTH})."),
        drawing: Drawing::Bars(BarChart { bars }),
    }
}

fn by_placement_moves(cases: &[&CaseSummary]) -> Figure {
    let labels = ["no move", "1 move", "2 moves", "3 moves", "4 or more"];
    let bars = (labels.iter().enumerate())
        .map(|(moves, label)| {
            let n = (cases.iter())
                .filter(|c| c.placement_moves.min(labels.len() - 1) == moves)
                .count();
            bar(label, n, format!("{n} {} with {label}", cases_word(n)))
        })
        .collect();
    Figure {
        title: "Cases by placement moves".to_owned(),
        caption: "Cases by placement moves after the first placement of the current episode \
                  (open and closed cases; a trial home visit is not a move)."
            .to_owned(),
        drawing: Drawing::Bars(BarChart { bars }),
    }
}
