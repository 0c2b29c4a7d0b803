//! The picture of a case a supervisor reads at a glance (`timeline` and `agenda` in
//! HTML): the removal episodes, stages 1–3 as bands, the two tracks with the day the
//! concurrent goal became primary, placements, hearings held and scheduled, every
//! deadline as a mark of its status, and the 15-of-22 clock. This maps the case to the
//! lanes, stretches and marks of `output/svg.rs`, which draws them.

use crate::policy::words::capitalised;
use chrono::{Datelike, NaiveDate};

mod lanes;
mod tracks;

use lanes::{court_lane, episodes_lane, fifteen22_lane, placements_lane};
use tracks::track_lanes;

use super::Timeline;
use super::deadlines::about;
use crate::model::Case;
use crate::output::svg::{Band, Drawing, Figure, Fill, Lane, Legend, Mark, MarkKind, TimeChart, Tone};
use crate::people::People;
use crate::policy::CaseFacts;
use crate::policy::arith::add_days;
use crate::policy::care::{Stage, stage_start};
use crate::policy::deadline::{Deadline, Kind, Status};
use crate::policy::words;
use crate::report::detail::Detail;

/// The picture of the case `detail` holds, whose timeline is `t`.
pub fn picture(detail: &Detail<'_>, t: &Timeline, redact: bool) -> Option<Figure> {
    let facts = detail.facts()?;
    let case = detail.case;
    let people = People::of(case, redact);
    let (from, to) = axis_range(case, &facts, detail.deadlines);
    let end = last_day(&facts);
    let mark = |d: &Deadline| deadline_mark(d, &facts, &people);
    let in_lane = |kinds: &[Kind]| -> Vec<Mark> {
        (detail.deadlines.iter())
            .filter(|d| kinds.contains(&d.kind))
            .map(mark)
            .collect()
    };
    let mut lanes = vec![
        episodes_lane(case, facts.as_of),
        placements_lane(case, end, &people),
    ];
    let (reunification, concurrent) = track_lanes(case, &facts, end);
    lanes.push(Lane {
        marks: [reunification.marks, in_lane(&[Kind::ReunificationPeriodEnd])].concat(),
        ..reunification
    });
    lanes.push(concurrent);
    let petition = (detail.deadlines.iter())
        .find(|d| d.kind == Kind::Tpr15Of22)
        .map(|d| d.due);
    let mut clock = fifteen22_lane(case, t, &facts, petition);
    clock.marks.extend(
        (detail.deadlines.iter())
            .filter(|d| d.kind == Kind::Tpr15Of22)
            .map(|d| Mark {
                label: Some(format!("petition due {}", d.due)),
                ..mark(d)
            }),
    );
    lanes.push(clock);
    let mut court = court_lane(case, facts.as_of);
    court.marks.extend(in_lane(&[Kind::Hearing]));
    lanes.push(court);
    for kind in Kind::ALL {
        if matches!(
            kind,
            Kind::Hearing | Kind::ReunificationPeriodEnd | Kind::Tpr15Of22
        ) {
            continue;
        }
        let marks = in_lane(&[kind]);
        if !marks.is_empty() {
            lanes.push(Lane {
                label: lane_name(kind).to_owned(),
                stretches: Vec::new(),
                marks,
            });
        }
    }
    let legend = legend(&lanes);
    Some(Figure {
        title: format!("Where case {} stands on {}", t.case.id, t.as_of),
        caption: caption(t, detail.deadlines),
        drawing: Drawing::Time(TimeChart {
            from,
            to,
            now: Some((facts.as_of, format!("as of {}", facts.as_of))),
            bands: stage_bands(&facts, detail.profile.stages, to),
            lanes,
            legend,
        }),
    })
}

/// From the first of the month of the first removal to the end of the month of the
/// latest date drawn (the as-of date, a deadline, an exit, a placement or a hearing).
fn axis_range(case: &Case, facts: &CaseFacts<'_>, deadlines: &[Deadline]) -> (NaiveDate, NaiveDate) {
    let first = (case.episodes.iter())
        .map(|e| e.removed)
        .min()
        .unwrap_or(facts.as_of);
    let dates = (deadlines.iter().map(|d| d.due))
        .chain(case.episodes.iter().filter_map(|e| e.exited))
        .chain(case.placements.iter().map(|p| p.to.unwrap_or(p.from)))
        .chain(case.court.iter().map(|h| h.date));
    let last = dates.fold(facts.as_of, NaiveDate::max);
    (first.with_day(1).unwrap_or(first), month_end(last))
}

fn month_end(day: NaiveDate) -> NaiveDate {
    let (year, month) = if day.month() == 12 {
        (day.year() + 1, 1)
    } else {
        (day.year(), day.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1).map_or(day, |next| add_days(next, -1))
}

/// The last day the case's own stretches run to: the day before the exit, or the as-of date.
fn last_day(facts: &CaseFacts<'_>) -> NaiveDate {
    match facts.episode.exited {
        Some(exited) if exited <= facts.as_of => add_days(exited, -1),
        _ => facts.as_of,
    }
}

fn stage_bands(facts: &CaseFacts<'_>, bounds: [u32; 3], to: NaiveDate) -> Vec<Band> {
    let removed = facts.episode.removed;
    let stages = [Stage::One, Stage::Two, Stage::Three, Stage::Past];
    let starts: Vec<NaiveDate> = stages.iter().map(|s| stage_start(removed, *s, bounds)).collect();
    (stages.iter().enumerate())
        .filter_map(|(i, stage)| {
            let from = starts[i];
            let until = starts.get(i + 1).map_or(to, |next| add_days(*next, -1));
            (from <= until && from <= to).then(|| {
                let labels = match stage {
                    Stage::Past => vec!["Past stage 3".to_owned(), "Past 3".to_owned(), "P".to_owned()],
                    s => vec![
                        format!("Stage {} · {}", s.short(), s.name()),
                        format!("Stage {}", s.short()),
                        s.short().to_owned(),
                    ],
                };
                Band {
                    from,
                    to: until.min(to),
                    hover: format!("{} from {from}", labels[0].replace(" · ", ", ")),
                    labels,
                    current: facts.open && facts.stage == *stage,
                }
            })
        })
        .collect()
}

fn mark_kind(status: Status) -> MarkKind {
    match status {
        Status::Overdue => MarkKind::Overdue,
        Status::DueSoon => MarkKind::DueSoon,
        Status::Upcoming => MarkKind::Upcoming,
        Status::Met => MarkKind::Met,
    }
}

fn deadline_mark(d: &Deadline, facts: &CaseFacts<'_>, people: &People) -> Mark {
    let what = match about(d, facts.case, people) {
        Some(about) => format!("{} ({about})", words::kind(d.kind)),
        None => words::kind(d.kind).to_owned(),
    };
    Mark {
        on: d.due,
        kind: mark_kind(d.status),
        label: None,
        hover: format!("{what} {}: {}", d.due, words::status_long(d, facts.as_of)),
    }
}

/// The name of a deadline kind's lane: short enough for the label column.
fn lane_name(kind: Kind) -> &'static str {
    match kind {
        Kind::CasePlan => "Case plan",
        Kind::RelativesNotice => "Notice to relatives",
        Kind::DiligentSearch => "Diligent search",
        Kind::PeriodicReview => "Periodic reviews",
        Kind::PermanencyHearing => "Permanency hearings",
        Kind::EffortsFindingRemoval => "Efforts: removal",
        Kind::EffortsFindingPermanency => "Efforts: permanency",
        Kind::Tpr15Of22 => "15 of 22 months",
        Kind::CaseworkerVisit => "Caseworker visits",
        Kind::Fdi => "Disclosure interviews",
        Kind::Activity => "Plan activities",
        Kind::Hearing => "Court hearings",
        Kind::CourtReport => "Court reports",
        Kind::ReunificationPeriodEnd => "Reunification",
        Kind::TransitionPlan => "Transition plan",
        Kind::StageChange => "Next stage",
    }
}

/// The key: each mark kind and each kind of stretch the picture holds, in words.
fn legend(lanes: &[Lane]) -> Vec<Legend> {
    let marks = |kind: MarkKind| lanes.iter().flat_map(|l| &l.marks).any(|m| m.kind == kind);
    let stretch = |tone: Tone, fill: Fill| {
        (lanes.iter().flat_map(|l| &l.stretches)).any(|s| s.tone == tone && s.fill == fill)
    };
    let mut legend: Vec<Legend> = [
        (MarkKind::Overdue, "overdue"),
        (MarkKind::DueSoon, "due soon"),
        (MarkKind::Upcoming, "upcoming or scheduled"),
        (MarkKind::Met, "met"),
        (MarkKind::Held, "hearing held"),
        (MarkKind::Event, "event (EFC, exit, target, ruling)"),
    ]
    .into_iter()
    .filter(|(kind, _)| marks(*kind))
    .map(|(kind, words)| Legend::Mark(kind, words.to_owned()))
    .collect();
    let stretches = [
        (Tone::Sky, Fill::Solid, "in care, counted"),
        (Tone::Sky, Fill::Outline, "15/22 days still to count"),
        (
            Tone::Grey,
            Fill::Dashed,
            "not counted (trial home visit, run away)",
        ),
        (Tone::Blue, Fill::Solid, "placement"),
        (Tone::Green, Fill::Solid, "reunification, primary"),
        (Tone::Green, Fill::Outline, "reunification, no longer primary"),
        (Tone::Purple, Fill::Solid, "concurrent goal, primary"),
        (Tone::Purple, Fill::Outline, "concurrent goal, alongside"),
    ];
    legend.extend(
        (stretches.into_iter())
            .filter(|(tone, fill, _)| stretch(*tone, *fill))
            .map(|(tone, fill, words)| Legend::Stretch(tone, fill, words.to_owned())),
    );
    legend
}

/// Where the case stands, in one sentence beside the picture's title.
fn caption(t: &Timeline, deadlines: &[Deadline]) -> String {
    let overdue = deadlines.iter().filter(|d| d.status == Status::Overdue).count();
    let overdue = match overdue {
        0 => "no deadline overdue".to_owned(),
        1 => "1 deadline overdue".to_owned(),
        n => format!("{n} deadlines overdue"),
    };
    let stage = if t.stages.stage == Stage::Past {
        "past stage 3".to_owned()
    } else {
        format!("stage {} ({})", t.stages.stage.short(), t.stages.stage_name)
    };
    let now = match &t.closed {
        Some(closed) => format!("closed on {}", closed.exited),
        None => format!("month {} of care, {stage}", t.stages.month),
    };
    let clock = match (&t.fifteen_of_22.due, &t.fifteen_of_22.status_text) {
        (Some(due), Some(status)) => format!("; 15 of 22 months on {due} ({status})"),
        _ => String::new(),
    };
    format!("{}; {overdue}{clock}.", capitalised(&now))
}
