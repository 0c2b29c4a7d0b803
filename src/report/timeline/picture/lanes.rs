//! The lanes of the picture drawn from the case file: removal episodes, placements,
//! the 15-of-22 clock and the hearings held.

use chrono::NaiveDate;

use super::super::Timeline;
use crate::model::{Case, Vocab};
use crate::output::svg::{Fill, Lane, Mark, MarkKind, Stretch, Tone};
use crate::people::People;
use crate::policy::CaseFacts;
use crate::policy::arith::add_days;
use crate::policy::care::{efc, in_care_spans};

pub(super) fn episodes_lane(case: &Case, as_of: NaiveDate) -> Lane {
    let mut order: Vec<&crate::model::Episode> = case.episodes.iter().collect();
    order.sort_by_key(|e| e.removed);
    let mut stretches = Vec::new();
    let mut marks = Vec::new();
    for (n, e) in order.iter().enumerate() {
        let end = e.exited.map_or(as_of, |x| add_days(x, -1).min(as_of));
        let exited = match (e.exited, e.exit_reason) {
            (Some(x), Some(reason)) => format!(", exited {x} ({})", reason.word()),
            (Some(x), None) => format!(", exited {x}"),
            (None, _) => ", in care".to_owned(),
        };
        stretches.push(Stretch {
            from: e.removed,
            to: end.max(e.removed),
            tone: Tone::Sky,
            fill: Fill::Solid,
            labels: Vec::new(),
            hover: format!("Removal episode {}: removed {}{exited}", n + 1, e.removed),
        });
        let breaks = (e
            .trial_home_visits
            .iter()
            .map(|v| ("trial home visit", v.period())))
        .chain(e.runaway.iter().map(|p| ("run away", *p)));
        for (what, p) in breaks {
            stretches.push(Stretch {
                from: p.from,
                to: p.to.max(p.from),
                tone: Tone::Grey,
                fill: Fill::Dashed,
                labels: Vec::new(),
                hover: format!("{what} {} to {}: not counted as time in care", p.from, p.to),
            });
        }
        if let Some(exited) = e.exited.filter(|x| *x <= as_of) {
            let reason = e
                .exit_reason
                .map(|r| format!(" ({})", r.word()))
                .unwrap_or_default();
            marks.push(Mark {
                on: exited,
                kind: MarkKind::Event,
                label: Some("left care".to_owned()),
                hover: format!("Left care on {exited}{reason}"),
            });
        }
        marks.push(Mark {
            on: efc(e),
            kind: MarkKind::Event,
            label: Some("EFC".to_owned()),
            hover: format!(
                "Entered foster care (EFC) {}: the 15/22 count starts here",
                efc(e)
            ),
        });
    }
    Lane {
        label: "Removal episodes".to_owned(),
        stretches,
        marks,
    }
}

/// One stretch a placement, alternately solid and outlined so that a move shows in
/// black and white too; the setting written inside, the caregiver in the hover text.
pub(super) fn placements_lane(case: &Case, end: NaiveDate, people: &People) -> Lane {
    let mut placements: Vec<&crate::model::Placement> = case.placements.iter().collect();
    placements.sort_by_key(|p| p.from);
    let stretches = (placements.iter().enumerate())
        .map(|(i, p)| {
            let to = p.to.unwrap_or(end).max(p.from);
            let caregiver = p
                .caregiver
                .as_deref()
                .map(|c| format!(", {}", people.name(c)))
                .unwrap_or_default();
            let until = p.to.map_or_else(|| "now".to_owned(), |d| d.to_string());
            Stretch {
                from: p.from,
                to,
                tone: Tone::Blue,
                fill: if i % 2 == 0 { Fill::Solid } else { Fill::Outline },
                labels: vec![p.setting.word().replace('_', " ")],
                hover: format!(
                    "Placement {}: {}{caregiver}, {} to {until}",
                    i + 1,
                    p.setting.word().replace('_', " "),
                    p.from
                ),
            }
        })
        .collect();
    Lane {
        label: "Placements".to_owned(),
        stretches,
        marks: Vec::new(),
    }
}

/// The 15-of-22 clock: the days counted so far (from each EFC, less the days out of
/// care), then the days still to count until the petition is due.
pub(super) fn fifteen22_lane(
    case: &Case,
    t: &Timeline,
    facts: &CaseFacts<'_>,
    due: Option<NaiveDate>,
) -> Lane {
    let f = &t.fifteen_of_22;
    let counted = f.not_counted.in_care;
    let to_go = (f.target_days - counted).max(0);
    let spans = in_care_spans(case, facts.as_of);
    let longest = (spans.iter().enumerate())
        .max_by_key(|(i, (from, to))| ((*to - *from).num_days(), std::cmp::Reverse(*i)))
        .map(|(i, _)| i);
    let mut stretches: Vec<Stretch> = (spans.iter().enumerate())
        .map(|(i, &(from, to))| Stretch {
            from,
            to,
            tone: Tone::Sky,
            fill: Fill::Solid,
            labels: if Some(i) == longest && counted >= f.target_days {
                vec![
                    format!("{counted} days counted: 15 of 22 reached"),
                    format!("{counted} days counted"),
                    counted.to_string(),
                ]
            } else if Some(i) == longest {
                vec![
                    format!("{counted} of {} days counted", f.target_days),
                    format!("{counted} of {} days", f.target_days),
                    counted.to_string(),
                ]
            } else {
                Vec::new()
            },
            hover: format!(
                "In care {from} to {to}, counted; {counted} days counted in all through {}, the target is {}",
                facts.as_of, f.target_days
            ),
        })
        .collect();
    if let Some(due) = due.filter(|d| *d > facts.as_of) {
        stretches.push(Stretch {
            from: add_days(facts.as_of, 1),
            to: due,
            tone: Tone::Sky,
            fill: Fill::Outline,
            labels: Vec::new(),
            hover: format!("{to_go} days in care still to count until the petition is due on {due}"),
        });
    }
    Lane {
        label: "15 of 22 months".to_owned(),
        stretches,
        marks: Vec::new(),
    }
}

/// Hearings held (scheduled ones are deadlines, drawn with their status).
pub(super) fn court_lane(case: &Case, as_of: NaiveDate) -> Lane {
    let marks = (case.court.iter())
        .filter(|h| h.date <= as_of)
        .map(|h| {
            let mut parts = vec![format!("{} hearing held {}", h.hearing.word(), h.date)];
            if !h.findings.is_empty() {
                let words: Vec<String> = h.findings.iter().map(|f| f.word().replace('_', " ")).collect();
                parts.push(format!("findings: {}", words.join(", ")));
            }
            if !h.orders.is_empty() {
                let words: Vec<String> = h.orders.iter().map(|o| o.word().replace('_', " ")).collect();
                parts.push(format!("orders: {}", words.join(", ")));
            }
            Mark {
                on: h.date,
                kind: MarkKind::Held,
                label: None,
                hover: parts.join("; "),
            }
        })
        .collect();
    Lane {
        label: "Court hearings".to_owned(),
        stretches: Vec::new(),
        marks,
    }
}
