//! Questions about visits: the stage model expects them to grow from supervised to
//! overnight and extended (seed 002), and seed 000 asks for the family's response to them.

use super::{Facts, Question, question, since_phrase};
use super::{SHORT_PERIOD_DAYS, period_days, reunification_primary};
use crate::model::{VisitLevel, Vocab};
use crate::policy::arith::add_days;
use crate::policy::care::{Stage, stage_start};
use crate::policy::sources::{Source, cite};
use crate::policy::words::plural;

/// The days CP203 looks back over for visits that are all supervised.
const SUPERVISED_LOOKBACK_DAYS: i64 = 60;

/// Visits still all supervised when the stage expects more (seed 002; CP203 in stage 3).
pub fn all_supervised(f: &Facts<'_>) -> Option<Question> {
    // With the concurrent goal primary, visits no longer lead towards a return home.
    if !reunification_primary(f) {
        return None;
    }
    let (as_of, stage, month) = (f.facts.as_of, f.facts.stage, f.facts.month);
    let first = add_days(as_of, 1 - SUPERVISED_LOOKBACK_DAYS);
    // Stage 2 is asked about only once the 60 days lie wholly inside it.
    let stage_two_long_enough = first >= stage_start(f.facts.episode.removed, Stage::Two, f.profile.stages);
    if stage < Stage::Two || (stage == Stage::Two && !stage_two_long_enough) {
        return None;
    }
    // A trial home visit in those days is more than any unsupervised visit.
    let episode = f.facts.episode;
    if episode.breaks().any(|p| p.from <= as_of && p.to >= first) {
        return None;
    }
    let held: Vec<VisitLevel> = (f.case.visits.iter())
        .filter(|v| v.held && v.date >= first && v.date <= as_of)
        .map(|v| v.level)
        .collect();
    let levels = if held.is_empty() {
        return None;
    } else if held.iter().all(|l| *l == VisitLevel::Supervised) {
        "supervised"
    } else if held
        .iter()
        .all(|l| matches!(l, VisitLevel::Supervised | VisitLevel::Monitored))
    {
        "supervised or monitored"
    } else {
        return None;
    };
    let count = plural(held.len(), "visit", "visits");
    let text = match stage {
        Stage::Two => format!(
            "Every visit of the last 60 days was {levels} ({count}) in stage 2, Doing With, which brings \
             unsupervised and overnight visits: what has to change before visits can step up?"
        ),
        Stage::Three => format!(
            "Visits are still all {levels} in stage 3 (month {month}; {count} in the last 60 days): \
             is the parent ready for unsupervised or overnight visits?"
        ),
        _ => format!(
            "Visits are still all {levels} past stage 3 (month {month}; {count} in the last 60 days): \
             is the parent ready for unsupervised or overnight visits, or is it time for the concurrent plan?"
        ),
    };
    Some(question(
        "supervised_visits",
        text,
        &cite(
            Source::ThreeStageModel,
            "unsupervised and overnight visits in stage 2, extended and overnight visits in stage 3 (CP203)",
        ),
    ))
}

pub fn missed(f: &Facts<'_>) -> Option<Question> {
    let missed = &f.since.missed_visits;
    if missed.is_empty() {
        return None;
    }
    let dates: Vec<String> = missed.iter().map(|m| format!("{} {}", m.date, m.with)).collect();
    Some(question(
        "missed_visits",
        format!(
            "{} since {} ({}): what got in the way, and what would help the parent keep them?",
            plural(missed.len(), "visit was missed", "visits were missed"),
            since_phrase(f.since),
            dates.join(", ")
        ),
        &cite(Source::CoreComponents, "the family's response to visitation"),
    ))
}

/// A known parent with no visit held in the period, while reunification is the plan.
pub fn parents_not_visiting(f: &Facts<'_>) -> Vec<Question> {
    if !reunification_primary(f) || period_days(f) < SHORT_PERIOD_DAYS {
        return Vec::new();
    }
    let visited = |id: &str| {
        let parent = f.case.person(id);
        f.since.visits.iter().any(|t| t.person == parent && t.held > 0)
    };
    (f.case.known_parents())
        .filter(|p| !visited(&p.id))
        .map(|p| {
            question(
                "no_visits",
                format!(
                    "No visit with {} ({}) since {}: is visitation set up, and what stands in the way?",
                    f.names.name(&p.name),
                    p.relationship.word().replace('_', " "),
                    since_phrase(f.since)
                ),
                &cite(Source::ThreeStageModel, "intensive visitation from stage 1"),
            )
        })
        .collect()
}
