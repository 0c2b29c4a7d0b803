//! CP2xx — stages and contact (the three-stage casework model, seed 002).

use chrono::NaiveDate;

use super::{CaseCtx, Check, Emit, Rule};
use crate::finding::{Code, Severity};
use crate::model::{Case, Episode, HearingKind, Period, VisitLevel};
use crate::policy::arith::{add_days, add_months};
use crate::policy::care::{Stage, stage_start};

/// CP203 looks at the visits of this many days up to the as-of date (docs/rules fixes
/// it; the profile has no setting for it).
const SUPERVISED_LOOKBACK_DAYS: u32 = 60;
/// A permanency hearing at least every 12 months (42 USC 675(5)(C)).
const PERMANENCY_HEARING_MONTHS: i32 = 12;

pub const CP201: Rule = Rule {
    code: Code::new("CP201"),
    name: "visits-too-few",
    severity: Severity::Warning,
    summary: "Fewer visits held in the visit window (28 days) than the stage minimum",
    explain: explain!("CP201"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp201),
};

pub fn cp201(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let Some(first) = window_start(ctx.as_of, ctx.profile.visits.window_days) else {
        return;
    };
    let episode = ctx.facts.episode;
    // A child removed inside the window has not had a whole window to be visited in, a
    // child at home on a trial visit (or run away) is not visited, and with no parent
    // whose whereabouts are known there is nobody who could visit.
    if episode.removed > first
        || away_from_care(episode.breaks(), first, ctx.as_of)
        || ctx.case.known_parents().next().is_none()
    {
        return;
    }
    let (needed, requirement) = visits_needed(ctx);
    let held = held_between(ctx.case, first, ctx.as_of).len();
    if u32::try_from(held).unwrap_or(u32::MAX) >= needed {
        return;
    }
    let days = ctx.profile.visits.window_days;
    let as_of = ctx.as_of;
    let count = match held {
        0 => "No visits".to_owned(),
        1 => "Only 1 visit".to_owned(),
        n => format!("Only {n} visits"),
    };
    let message = format!(
        "{count} held in the {days} days to {as_of}; {requirement}: \
         schedule more parent–child visits and make up cancelled ones"
    );
    let finding = emit.at_key_or("visits", &ctx.facts.episode_path(), message);
    let missed = not_held_between(ctx.case, first, as_of);
    if !missed.is_empty() {
        finding.set_help(format!("not held in those days: {}", missed.join(", ")));
    }
}

pub const CP202: Rule = Rule {
    code: Code::new("CP202"),
    name: "visit-gap-too-long",
    severity: Severity::Warning,
    summary: "A gap between held visits in the current stage exceeds `max_gap_days`",
    explain: explain!("CP202"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp202),
};

/// CP202 visit-gap-too-long: A gap between held visits in the current stage exceeds max_gap_days
///
/// Only gaps between two held visits count: the days from the stage's start to its
/// first visit, and from the last visit to the as-of date, are not gaps between visits
/// (CP201 catches visits that have stopped). A gap the child spent at home on a trial
/// visit, or on the run, is not a gap in visiting either.
pub fn cp202(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let stage = ctx.facts.stage;
    let episode = ctx.facts.episode;
    let start = stage_start(episode.removed, stage, ctx.profile.stages);
    let visits = held_between(ctx.case, start, ctx.as_of);
    let Some((days, before, after)) = longest_gap(ctx.case, episode, &visits) else {
        return;
    };
    let limit = ctx.profile.visits.max_gap_days[stage_index(stage)];
    if days <= i64::from(limit) {
        return;
    }
    let (from, to) = (ctx.case.visits[before].date, ctx.case.visits[after].date);
    let allowed = match stage {
        Stage::Past => format!("past stage 3 the stage-3 limit of {limit} applies"),
        _ => format!("{} allows at most {limit}", stage_label(stage)),
    };
    let message = format!(
        "{days} days passed between held visits on {from} and {to}; {allowed}: \
         keep visits at least every {limit} days"
    );
    emit.at_value(&format!("visits[{after}].date"), message);
}

pub const CP203: Rule = Rule {
    code: Code::new("CP203"),
    name: "visits-still-supervised",
    severity: Severity::Info,
    summary: "In stage 3, every visit of the last 60 days is still supervised",
    explain: explain!("CP203"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp203),
};

pub fn cp203(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let stage = ctx.facts.stage;
    if stage < Stage::Three {
        return;
    }
    let Some(first) = window_start(ctx.as_of, SUPERVISED_LOOKBACK_DAYS) else {
        return;
    };
    // A trial home visit in those days is more than any unsupervised visit.
    let visits_home = ctx.facts.episode.trial_home_visits.iter().map(|v| v.period());
    if away_from_care(visits_home, first, ctx.as_of) {
        return;
    }
    let visits = held_between(ctx.case, first, ctx.as_of);
    let Some(&last) = visits.last() else { return };
    let supervised = |&i: &usize| ctx.case.visits[i].level == VisitLevel::Supervised;
    if !visits.iter().all(supervised) {
        return;
    }
    let count = match visits.len() {
        1 => "the only visit".to_owned(),
        n => format!("all {n} visits"),
    };
    let when = match stage {
        Stage::Past => "past stage 3",
        _ => "in stage 3",
    };
    let (as_of, month) = (ctx.as_of, ctx.facts.month);
    let message = format!(
        "Every visit in the {SUPERVISED_LOOKBACK_DAYS} days to {as_of} was supervised ({count}), \
         {when} (month {month}): discuss at the next review whether the parent is ready for \
         unsupervised or overnight visits"
    );
    emit.at_value(&format!("visits[{last}].level"), message);
}

pub const CP206: Rule = Rule {
    code: Code::new("CP206"),
    name: "permanency-stalled",
    severity: Severity::Error,
    summary: "Past stage 3 (after month 15) with no permanency hearing in the last 12 months",
    explain: explain!("CP206"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp206),
};

/// A finalised permanency ends the episode with `exited`, which closes the case, so an
/// open case past stage 3 has none. A scheduled (future) hearing does not count until
/// it has been held.
pub fn cp206(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    if ctx.facts.stage != Stage::Past || !ctx.facts.open {
        return;
    }
    let since = add_months(ctx.as_of, -PERMANENCY_HEARING_MONTHS);
    let last_held = ctx
        .facts
        .current_hearings()
        .filter(|h| h.hearing == HearingKind::Permanency)
        .map(|h| h.date)
        .max();
    if last_held.is_some_and(|date| date > since) {
        return;
    }
    let month = ctx.facts.month;
    let last = match last_held {
        Some(date) => format!("since {date}"),
        None => format!("since removal on {}", ctx.facts.episode.removed),
    };
    let message = format!(
        "Past stage 3 (month {month}) with no permanency hearing {last}: \
         ask the court to set a permanency hearing and finalise the child's permanent plan"
    );
    let finding = emit.at_key_or("court", &ctx.facts.episode_path(), message);
    if let Some(next) = next_permanency_hearing(ctx) {
        finding.set_help(format!(
            "a permanency hearing is scheduled for {next}: it counts once it has been held"
        ));
    }
}

/// The first day of a window of `days` days ending on `as_of` (both ends included);
/// `None` for an empty window.
fn window_start(as_of: NaiveDate, days: u32) -> Option<NaiveDate> {
    (days > 0).then(|| add_days(as_of, 1 - i64::from(days)))
}

/// Whether the child was away from care on one of these trial home visits or runaway
/// periods (both ends included) on any day of `from..=to`.
fn away_from_care(mut periods: impl Iterator<Item = Period>, from: NaiveDate, to: NaiveDate) -> bool {
    periods.any(|p| p.from <= to && p.to >= from)
}

/// Indices of the held visits dated `from..=to`, by date (file order on a tie).
fn held_between(case: &Case, from: NaiveDate, to: NaiveDate) -> Vec<usize> {
    let mut held: Vec<usize> = (case.visits.iter().enumerate())
        .filter(|(_, v)| v.held && v.date >= from && v.date <= to)
        .map(|(i, _)| i)
        .collect();
    held.sort_by_key(|&i| (case.visits[i].date, i));
    held
}

/// `date (with)` of each visit dated `from..=to` that was missed or cancelled, by date.
fn not_held_between(case: &Case, from: NaiveDate, to: NaiveDate) -> Vec<String> {
    let mut missed: Vec<_> = (case.visits.iter())
        .filter(|v| !v.held && v.date >= from && v.date <= to)
        .collect();
    missed.sort_by_key(|v| v.date);
    missed
        .iter()
        .map(|v| format!("{} ({})", v.date, case.written(&v.with)))
        .collect()
}

/// The minimum number of held visits in the window and the words that say why: the
/// stage's minimum (stage 3's past stage 3), raised to `min_under_3` for a child under 3.
fn visits_needed(ctx: &CaseCtx<'_>) -> (u32, String) {
    let settings = &ctx.profile.visits;
    let stage = ctx.facts.stage;
    let for_stage = settings.min[stage_index(stage)];
    if ctx.facts.age_on(ctx.as_of) < 3 && settings.min_under_3 > for_stage {
        let needed = settings.min_under_3;
        return (needed, format!("a child under 3 needs at least {needed}"));
    }
    let why = match stage {
        Stage::Past => format!("past stage 3 the stage-3 minimum of {for_stage} applies"),
        _ => format!("{} expects at least {for_stage}", stage_label(stage)),
    };
    (for_stage, why)
}

/// The longest gap in days between consecutive visits of `sorted` (indices into
/// `case.visits`, by date) that the child spent in care, with the indices of the visits
/// before and after it; the earliest of equally long gaps.
fn longest_gap(case: &Case, episode: &Episode, sorted: &[usize]) -> Option<(i64, usize, usize)> {
    let mut longest: Option<(i64, usize, usize)> = None;
    for pair in sorted.windows(2) {
        let (from, to) = (case.visits[pair[0]].date, case.visits[pair[1]].date);
        if away_from_care(episode.breaks(), from, to) {
            continue;
        }
        let days = (to - from).num_days();
        if longest.is_none_or(|(most, _, _)| days > most) {
            longest = Some((days, pair[0], pair[1]));
        }
    }
    longest
}

/// The earliest permanency hearing of the current episode dated after the as-of date.
fn next_permanency_hearing(ctx: &CaseCtx<'_>) -> Option<NaiveDate> {
    (ctx.case.court.iter())
        .filter(|h| h.hearing == HearingKind::Permanency && h.date > ctx.as_of)
        .map(|h| h.date)
        .min()
}

/// Index of a stage's setting in the profile's per-stage lists: past stage 3 uses
/// the stage-3 setting.
fn stage_index(stage: Stage) -> usize {
    match stage {
        Stage::One => 0,
        Stage::Two => 1,
        Stage::Three | Stage::Past => 2,
    }
}

fn stage_label(stage: Stage) -> &'static str {
    match stage {
        Stage::One => "stage 1",
        Stage::Two => "stage 2",
        Stage::Three => "stage 3",
        Stage::Past => "past stage 3",
    }
}

pub mod contact;
#[cfg(test)]
mod tests;
