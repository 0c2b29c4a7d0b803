//! CP2xx — stages and contact (the three-stage casework model, seed 002).

use chrono::NaiveDate;

use super::{CaseCtx, Emit};
use crate::model::{Case, Episode, HearingKind, Period, VisitLevel};
use crate::policy::arith::{add_days, add_months};
use crate::policy::care::{Stage, stage_start};

/// CP203 looks at the visits of this many days up to the as-of date (RULES.md fixes
/// it; the profile has no setting for it).
const SUPERVISED_LOOKBACK_DAYS: u32 = 60;
/// A permanency hearing at least every 12 months (42 USC 675(5)(C)).
const PERMANENCY_HEARING_MONTHS: i32 = 12;

/// CP201 visits-too-few: Fewer visits held in the visit window (28 days) than the stage minimum
pub fn cp201(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let Some(first) = window_start(ctx.as_of, ctx.profile.visits.window_days) else {
        return;
    };
    let episode = ctx.facts.episode;
    // A child removed inside the window has not had a whole window to be visited in, a
    // child at home on a trial visit (or run away) is not visited, and with no parent
    // whose whereabouts are known there is nobody who could visit.
    if episode.removed > first
        || away_from_care(&episode.trial_home_visits, first, ctx.as_of)
        || away_from_care(&episode.runaway, first, ctx.as_of)
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

/// CP203 visits-still-supervised: In stage 3, every visit of the last 60 days is still supervised
pub fn cp203(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let stage = ctx.facts.stage;
    if stage < Stage::Three {
        return;
    }
    let Some(first) = window_start(ctx.as_of, SUPERVISED_LOOKBACK_DAYS) else {
        return;
    };
    // A trial home visit in those days is more than any unsupervised visit.
    if away_from_care(&ctx.facts.episode.trial_home_visits, first, ctx.as_of) {
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

/// CP204 missed-caseworker-visit: A full calendar month in care with no caseworker contact with the child
pub fn cp204(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP205 full-disclosure-overdue: No full disclosure interview with a known parent by end of stage 1 or in 90 days
pub fn cp205(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP206 permanency-stalled: Past stage 3 (after month 15) with no permanency hearing in the last 12 months
///
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
fn away_from_care(periods: &[Period], from: NaiveDate, to: NaiveDate) -> bool {
    periods.iter().any(|p| p.from <= to && p.to >= from)
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
        .map(|v| format!("{} ({})", v.date, v.with))
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
        if away_from_care(&episode.trial_home_visits, from, to) || away_from_care(&episode.runaway, from, to)
        {
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use crate::policy::{Config, Profile};
    use crate::rules::check_case;

    fn federal() -> Profile {
        let config = Config::builtin();
        let federal = config.profile_for(Some("federal"));
        federal.map(|p| (**p).clone()).unwrap_or_else(|e| panic!("{e:?}"))
    }

    /// A case of a child born `born`, removed on `removed`; `episode` is appended to the
    /// episode, `rest` (visits, court, …) to the file.
    fn case_of(born: &str, removed: &str, episode: &str, rest: &str) -> String {
        format!(
            "case: T-1\nworker: A. Moreno\nchild: {{name: Ana Test, born: {born}}}\n\
             parents: [{{id: mother, name: Eva Test, relationship: mother}}]\n\
             episodes:\n  - removed: {removed}\n{episode}{rest}"
        )
    }

    /// A school-age child's case.
    fn case(removed: &str, rest: &str) -> String {
        case_of("2019-01-01", removed, "", rest)
    }

    /// `visits:` with one held visit with the mother on each date, at `level`.
    fn visits(dates: &[&str], level: &str) -> String {
        let items: String = (dates.iter())
            .map(|d| format!("  - {{date: {d}, with: mother, level: {level}}}\n"))
            .collect();
        format!("visits:\n{items}")
    }

    /// Messages of `code` on the case text, checked on 2026-11-24.
    fn fired(code: &str, text: &str, profile: &Profile) -> Vec<String> {
        let file = crate::load::load_text(Path::new("t.yaml"), text);
        assert!(file.findings.is_empty(), "{:#?}", file.findings);
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
        (check_case(&file, profile, as_of).findings.into_iter())
            .filter(|f| f.rule == code)
            .map(|f| f.message)
            .collect()
    }

    const THREE: [&str; 3] = ["2026-11-03", "2026-11-10", "2026-11-17"];
    const FOUR: [&str; 4] = ["2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24"];

    #[test]
    fn cp201_waits_for_a_whole_window_in_care() {
        // Removed on as_of − 27: the 28-day window is all in care; a day later it is not.
        let found = fired(
            "CP201",
            &case("2026-10-28", &visits(&THREE, "supervised")),
            &federal(),
        );
        let expected = "Only 3 visits held in the 28 days to 2026-11-24; stage 1 expects at least 4";
        assert!(found.len() == 1 && found[0].starts_with(expected), "{found:?}");
        assert!(
            fired(
                "CP201",
                &case("2026-10-29", &visits(&THREE, "supervised")),
                &federal()
            )
            .is_empty()
        );
    }

    #[test]
    fn cp201_minimum_follows_the_profile_and_the_childs_age() {
        let mut p = federal();
        let text = case("2026-01-10", &visits(&THREE, "monitored"));
        assert_eq!(fired("CP201", &text, &p).len(), 1);
        p.visits.min = [4, 4, 3];
        assert!(fired("CP201", &text, &p).is_empty());
        // Three on 2026-11-24, the day of the check, when born 2023-11-24.
        let toddler = case_of("2023-11-25", "2026-01-10", "", &visits(&FOUR, "monitored"));
        let found = fired("CP201", &toddler, &federal());
        assert!(found[0].contains("a child under 3 needs at least 8"), "{found:?}");
        let three = case_of("2023-11-24", "2026-01-10", "", &visits(&FOUR, "monitored"));
        assert!(fired("CP201", &three, &federal()).is_empty());
    }

    #[test]
    fn cp201_is_quiet_during_a_trial_home_visit() {
        let home = "    trial_home_visits: [{from: 2026-11-20, to: 2026-12-20}]\n";
        let text = case_of("2019-01-01", "2026-01-10", home, &visits(&THREE, "monitored"));
        assert!(fired("CP201", &text, &federal()).is_empty());
    }

    #[test]
    fn cp202_fires_on_the_day_after_the_limit() {
        // Removed 2026-06-01: month 6, stage 2 since 2026-10-01, limit 14 days.
        let on_limit = ["2026-10-03", "2026-10-17", "2026-10-31", "2026-11-14"];
        let text = case("2026-06-01", &visits(&on_limit, "monitored"));
        assert!(fired("CP202", &text, &federal()).is_empty());
        let over = ["2026-10-03", "2026-10-18", "2026-10-31", "2026-11-14"];
        let text = case("2026-06-01", &visits(&over, "monitored"));
        assert_eq!(
            fired("CP202", &text, &federal()),
            [
                "15 days passed between held visits on 2026-10-03 and 2026-10-18; \
             stage 2 allows at most 14: keep visits at least every 14 days"
            ]
        );
        let mut wider = federal();
        wider.visits.max_gap_days = [10, 15, 15];
        assert!(fired("CP202", &text, &wider).is_empty());
    }

    #[test]
    fn cp202_ignores_the_start_of_the_stage_and_earlier_visits() {
        // A visit in stage 1, then none until 19 days into stage 2.
        let dates = ["2026-09-01", "2026-10-20", "2026-10-27", "2026-11-03"];
        let text = case("2026-06-01", &visits(&dates, "monitored"));
        assert!(fired("CP202", &text, &federal()).is_empty());
    }

    #[test]
    fn cp203_looks_back_exactly_60_days() {
        // Removed 2026-01-10: month 11, stage 3. The 60 days start on 2026-09-26.
        let supervised = visits(&["2026-10-01", "2026-11-01"], "supervised");
        let unsupervised = |date: &str| format!("  - {{date: {date}, with: mother, level: unsupervised}}\n");
        let before = case("2026-01-10", &(supervised.clone() + &unsupervised("2026-09-25")));
        assert_eq!(fired("CP203", &before, &federal()).len(), 1);
        let inside = case("2026-01-10", &(supervised.clone() + &unsupervised("2026-09-26")));
        assert!(fired("CP203", &inside, &federal()).is_empty());
        assert!(fired("CP203", &case("2026-06-01", &supervised), &federal()).is_empty());
    }

    #[test]
    fn cp206_counts_the_12_months_up_to_the_as_of_date() {
        let hearing = |date: &str| format!("court: [{{date: {date}, hearing: permanency}}]\n");
        assert_eq!(
            fired("CP206", &case("2025-01-10", &hearing("2025-11-24")), &federal()),
            [
                "Past stage 3 (month 23) with no permanency hearing since 2025-11-24: \
             ask the court to set a permanency hearing and finalise the child's permanent plan"
            ]
        );
        assert!(fired("CP206", &case("2025-01-10", &hearing("2025-11-25")), &federal()).is_empty());
        // Past stage 3 from removed + 15 months (2025-08-24 + 15 months = the as-of date).
        assert_eq!(fired("CP206", &case("2025-08-24", ""), &federal()).len(), 1);
        assert!(fired("CP206", &case("2025-08-25", ""), &federal()).is_empty());
    }
}
