//! The two tracks of concurrent planning: reunification and the concurrent goal, each
//! solid while it is the primary goal, and the day the concurrent goal took over.

use chrono::NaiveDate;

use crate::model::{Case, CourtFinding, CourtOrder, PrimaryTrack, Vocab};
use crate::output::svg::{Fill, Lane, Mark, MarkKind, Stretch, Tone};
use crate::policy::CaseFacts;
use crate::policy::arith::add_days;

/// The court ruling that ended reunification in the current episode (reasonable
/// efforts found not viable, or services terminated) after the latest order that
/// reopened it; CP108 reads the same hearings.
fn ruling(facts: &CaseFacts<'_>) -> Option<(NaiveDate, &'static str)> {
    let reopened = (facts.current_hearings())
        .filter(|h| h.orders.contains(&CourtOrder::ReunificationServices))
        .map(|h| h.date)
        .max();
    (facts.current_hearings())
        .filter(|h| reopened.is_none_or(|r| h.date > r))
        .filter_map(|h| {
            let not_viable = h.findings.contains(&CourtFinding::ReunificationNotViable);
            let terminated = h.orders.contains(&CourtOrder::TerminateServices);
            match (not_viable, terminated) {
                (true, _) => Some((h.date, "the court found reunification not viable")),
                (false, true) => Some((h.date, "the court terminated reunification services")),
                (false, false) => None,
            }
        })
        .min_by_key(|(date, _)| *date)
}

/// The reunification and concurrent tracks, each solid while it is the primary goal.
pub(super) fn track_lanes(case: &Case, facts: &CaseFacts<'_>, end: NaiveDate) -> (Lane, Lane) {
    let plan = case.plan.as_ref();
    let primary = plan.map(|p| p.primary).unwrap_or_default();
    let goal = plan.and_then(|p| p.concurrent.as_ref()).and_then(|c| c.goal);
    let removed = facts.episode.removed;
    let ruling = ruling(facts);
    // The day the concurrent goal became primary: the ruling, when the file follows it.
    let flip = match (primary, ruling) {
        (PrimaryTrack::Concurrent, Some((day, _))) => Some(day.clamp(removed, end)),
        (PrimaryTrack::Concurrent, None) => Some(removed),
        (PrimaryTrack::Reunification, _) => None,
    };
    // `name` in the hover text, `short` inside the stretch, before "primary goal".
    let track =
        |tone: Tone, primary_from: Option<NaiveDate>, primary_first: bool, name: &str, short: &str| {
            let (first, second) = match (primary_from, primary_first) {
                (Some(day), true) => ((removed, add_days(day, -1), true), (day, end, false)),
                (Some(day), false) => ((removed, add_days(day, -1), false), (day, end, true)),
                (None, first) => ((removed, end, first), (end, add_days(end, -1), false)),
            };
            [first, second]
                .into_iter()
                .filter(|(from, to, _)| from <= to)
                .map(|(from, to, is_primary)| Stretch {
                    from,
                    to,
                    tone,
                    fill: if is_primary { Fill::Solid } else { Fill::Outline },
                    labels: {
                        let role = match (is_primary, primary_first) {
                            (true, _) => "primary goal",
                            // Reunification after the change; the concurrent goal before it.
                            (false, true) => "no longer primary",
                            (false, false) => "alongside",
                        };
                        let bare = short.trim_end_matches([':', ' ']).to_owned();
                        [format!("{short}{role}"), bare]
                            .into_iter()
                            .filter(|l| !l.is_empty())
                            .collect()
                    },
                    hover: format!(
                        "{name} {from} to {to}: {}",
                        match (is_primary, primary_first) {
                            (true, _) => "the primary goal",
                            (false, true) => "no longer the primary goal",
                            (false, false) => "worked alongside the primary goal",
                        }
                    ),
                })
                .collect::<Vec<_>>()
        };
    let mut reunification_marks = Vec::new();
    if let Some(target) = plan.and_then(|p| p.reunification.as_ref()).and_then(|r| r.target) {
        reunification_marks.push(Mark {
            on: target,
            kind: MarkKind::Event,
            label: Some("target".to_owned()),
            hover: format!("Target date for return home {target}"),
        });
    }
    let mut concurrent_marks = Vec::new();
    match (flip, ruling) {
        (Some(day), Some((_, why))) => concurrent_marks.push(Mark {
            on: day,
            kind: MarkKind::Event,
            label: Some("became primary".to_owned()),
            hover: format!("The concurrent goal became the primary goal on {day}: {why}"),
        }),
        (None, Some((day, why))) => reunification_marks.push(Mark {
            on: day,
            kind: MarkKind::Event,
            label: Some("ruled out".to_owned()),
            hover: format!("{day}: {why}, but reunification is still the primary goal in the file"),
        }),
        _ => {}
    }
    let goal_word = goal.map_or_else(|| "none on file".to_owned(), |g| g.word().to_owned());
    let concurrent_stretches = if goal.is_some() {
        track(
            Tone::Purple,
            flip,
            false,
            &format!("Concurrent goal ({goal_word})"),
            &format!("{goal_word}: "),
        )
    } else {
        vec![Stretch {
            from: removed,
            to: end.max(removed),
            tone: Tone::Grey,
            fill: Fill::Outline,
            labels: vec!["no concurrent goal on file".to_owned(), "none on file".to_owned()],
            hover: "No concurrent goal on file".to_owned(),
        }]
    };
    (
        Lane {
            label: "Reunification".to_owned(),
            stretches: track(Tone::Green, flip, true, "Reunification", ""),
            marks: reunification_marks,
        },
        Lane {
            label: "Concurrent goal".to_owned(),
            stretches: concurrent_stretches,
            marks: concurrent_marks,
        },
    )
}
