//! The removal episodes (each with its EFC and how it was chosen, and the periods that
//! do not count as time in care) and the stages of the current episode.

use chrono::NaiveDate;
use serde::Serialize;

use super::days_inclusive;
use crate::model::{Case, Episode, Period, Vocab};
use crate::policy::CaseFacts;
use crate::policy::arith::{add_days, add_months};
use crate::policy::care::{DayRange, Stage, efc, in_care_spans, month_of_care, stage_of, stage_start};
use crate::policy::profile::Profile;

/// One removal episode.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EpisodeView {
    /// 1 for the oldest removal.
    pub number: usize,
    /// Where it is in the file: `episodes[0]`.
    pub path: String,
    pub current: bool,
    pub removed: String,
    pub court_finding: Option<String>,
    pub disposition: Option<String>,
    pub bypass: Option<String>,
    pub exited: Option<String>,
    pub exit_reason: Option<String>,
    pub efc: String,
    /// Which date decided the EFC: `court_finding` or `removed_plus_60_days`.
    pub efc_from: &'static str,
    /// The comparison in words: "court finding 2026-02-20 is earlier than removed + 60 days = 2026-03-11".
    pub efc_why: String,
    /// Trial home visits and runaway periods, in date order.
    pub excluded: Vec<ExcludedPeriod>,
    pub in_care: InCare,
}

/// A period that does not count as time in care for 15/22.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ExcludedPeriod {
    /// `trial_home_visit` or `runaway`.
    pub kind: &'static str,
    pub from: String,
    pub to: String,
    /// Both ends included.
    pub days: i64,
    /// Of those, the days that fall in the counted span (EFC to exit or as-of date).
    pub days_in_counted_span: i64,
}

/// The episode's days counted for 15/22 up to the as-of date: from its EFC to the day
/// before it ended (or the as-of date), less its trial home visits and runaway days.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct InCare {
    /// `None` when the span is empty (EFC after the as-of date or after the exit).
    pub from: Option<String>,
    pub through: Option<String>,
    pub span_days: i64,
    pub excluded_days: i64,
    pub days: i64,
}

pub fn episodes(case: &Case, facts: &CaseFacts<'_>) -> Vec<EpisodeView> {
    let mut order: Vec<(usize, &Episode)> = case.episodes.iter().enumerate().collect();
    order.sort_by_key(|(i, e)| (e.removed, *i));
    order
        .into_iter()
        .enumerate()
        .map(|(n, (index, e))| episode(n + 1, index, e, index == facts.episode_index, facts.as_of))
        .collect()
}

fn episode(number: usize, index: usize, e: &Episode, current: bool, as_of: NaiveDate) -> EpisodeView {
    let (efc_from, efc_why) = efc_reason(e);
    let span = counted_span(e, as_of);
    let mut excluded: Vec<ExcludedPeriod> = (e
        .trial_home_visits
        .iter()
        .map(|v| ("trial_home_visit", v.period())))
    .chain(e.runaway.iter().map(|p| ("runaway", *p)))
    .map(|(kind, p)| excluded_period(kind, &p, span))
    .collect();
    excluded.sort_by(|a, b| (&a.from, a.kind).cmp(&(&b.from, b.kind)));
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    EpisodeView {
        number,
        path: format!("episodes[{index}]"),
        current,
        removed: e.removed.to_string(),
        court_finding: date(e.court_finding),
        disposition: date(e.disposition),
        bypass: date(e.bypass),
        exited: date(e.exited),
        exit_reason: e.exit_reason.map(|r| r.word().to_owned()),
        efc: efc(e).to_string(),
        efc_from,
        efc_why,
        excluded,
        in_care: in_care(e, span, as_of),
    }
}

/// Which date made the EFC, and the comparison that chose it (care::efc takes the
/// earlier of the court finding and removal + 60 days).
fn efc_reason(e: &Episode) -> (&'static str, String) {
    let limit = add_days(e.removed, 60);
    match e.court_finding {
        None => (
            "removed_plus_60_days",
            format!("no court finding recorded, so removed + 60 days = {limit}"),
        ),
        Some(found) if found < limit => (
            "court_finding",
            format!("court finding {found} is earlier than removed + 60 days = {limit}"),
        ),
        Some(found) if found == limit => (
            "court_finding",
            format!("court finding {found} is the same day as removed + 60 days"),
        ),
        Some(found) => (
            "removed_plus_60_days",
            format!("removed + 60 days = {limit} is earlier than the court finding {found}"),
        ),
    }
}

/// The days 15/22 could count for this episode so far: EFC to the day before exit,
/// not past the as-of date. `None` when empty.
fn counted_span(e: &Episode, as_of: NaiveDate) -> Option<DayRange> {
    let last = e.exited.map_or(as_of, |exited| add_days(exited, -1).min(as_of));
    let first = efc(e);
    (first <= last).then_some((first, last))
}

fn excluded_period(kind: &'static str, p: &Period, span: Option<DayRange>) -> ExcludedPeriod {
    let overlap = span.map_or(0, |(first, last)| {
        days_inclusive(p.from.max(first), p.to.min(last))
    });
    ExcludedPeriod {
        kind,
        from: p.from.to_string(),
        to: p.to.to_string(),
        days: days_inclusive(p.from, p.to),
        days_in_counted_span: overlap,
    }
}

fn in_care(e: &Episode, span: Option<DayRange>, as_of: NaiveDate) -> InCare {
    let Some((first, last)) = span else {
        return InCare {
            from: None,
            through: None,
            span_days: 0,
            excluded_days: 0,
            days: 0,
        };
    };
    // The policy code counts whole cases; a case of this one episode gives its share.
    let alone = Case {
        episodes: vec![e.clone()],
        ..Case::default()
    };
    let days: i64 = in_care_spans(&alone, as_of)
        .iter()
        .map(|&(from, to)| days_inclusive(from, to))
        .sum();
    let span_days = days_inclusive(first, last);
    InCare {
        from: Some(first.to_string()),
        through: Some(last.to_string()),
        span_days,
        excluded_days: span_days - days,
        days,
    }
}

/// The stages of the current episode, and where the case is among them.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StagesView {
    pub removed: String,
    /// The profile setting `stages`: last month of stages 1, 2 and 3.
    pub setting: [u32; 3],
    pub stages: Vec<StageRow>,
    /// Month of care on the as-of date, or on the exit date of a closed case.
    pub month: u32,
    pub month_began: String,
    #[serde(serialize_with = "crate::report::as_word::stage")]
    pub stage: Stage,
    pub stage_name: String,
    /// The next stage boundary; `None` past stage 3 or for a closed case.
    pub next: Option<StageAhead>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StageRow {
    /// `1`, `2`, `3`, `past 3`.
    #[serde(serialize_with = "crate::report::as_word::stage")]
    pub stage: Stage,
    pub name: String,
    pub first_month: u32,
    /// `None` for past stage 3, which has no end.
    pub last_month: Option<u32>,
    pub from: String,
    pub current: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StageAhead {
    #[serde(serialize_with = "crate::report::as_word::stage")]
    pub stage: Stage,
    pub name: String,
    pub from: String,
    pub days_left: i64,
}

pub fn stages(facts: &CaseFacts<'_>, profile: &Profile) -> StagesView {
    let removed = facts.episode.removed;
    let bounds = profile.stages;
    // A closed case stopped counting months when the child left care.
    let day = match facts.episode.exited.filter(|_| !facts.open) {
        Some(exited) => exited,
        None => facts.as_of,
    };
    let month = month_of_care(removed, day);
    let stage = stage_of(month, bounds);
    let next = facts
        .open
        .then(|| crate::policy::care::next_stage_boundary(removed, facts.as_of, bounds))
        .flatten()
        .map(|(next, from)| StageAhead {
            stage: next,
            name: stage_name(next).to_owned(),
            from: from.to_string(),
            days_left: (from - facts.as_of).num_days(),
        });
    StagesView {
        removed: removed.to_string(),
        setting: bounds,
        stages: stage_rows(removed, bounds, stage),
        month,
        month_began: add_months(removed, i32::try_from(month.max(1) - 1).unwrap_or(i32::MAX)).to_string(),
        stage,
        stage_name: stage_name(stage).to_owned(),
        next,
    }
}

/// One row per stage that has months under the profile's bounds (`[4, 4, 15]` has no
/// stage 2), with its first day.
fn stage_rows(removed: NaiveDate, bounds: [u32; 3], now: Stage) -> Vec<StageRow> {
    let stages = [Stage::One, Stage::Two, Stage::Three, Stage::Past];
    let lasts = [Some(bounds[0]), Some(bounds[1]), Some(bounds[2]), None];
    let after = |b: u32| b.saturating_add(1);
    let firsts = [1, after(bounds[0]), after(bounds[1]), after(bounds[2])];
    stages
        .into_iter()
        .zip(firsts.into_iter().zip(lasts))
        .filter(|(_, (first, last))| last.is_none_or(|last| *first <= last))
        .map(|(stage, (first, last))| StageRow {
            stage,
            name: stage_name(stage).to_owned(),
            first_month: first,
            last_month: last,
            from: stage_start(removed, stage, bounds).to_string(),
            current: stage == now,
        })
        .collect()
}

/// The stage's name; past stage 3 without `Stage::name`'s "month 16 on", which holds
/// for the default bounds only.
fn stage_name(stage: Stage) -> &'static str {
    match stage {
        Stage::Past => "past stage 3",
        other => other.name(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn episode(removed: &str, finding: Option<&str>) -> Episode {
        let date = |s: &str| s.parse::<NaiveDate>().expect("date");
        Episode {
            removed: date(removed),
            reason: None,
            court_finding: finding.map(date),
            disposition: None,
            services_ordered: true,
            bypass: None,
            trial_home_visits: Vec::new(),
            runaway: Vec::new(),
            exited: None,
            exit_reason: None,
        }
    }

    #[test]
    fn the_efc_reason_names_the_date_that_won() {
        let (from, why) = efc_reason(&episode("2026-01-10", Some("2026-02-20")));
        assert_eq!(from, "court_finding");
        assert_eq!(
            why,
            "court finding 2026-02-20 is earlier than removed + 60 days = 2026-03-11"
        );
        let (from, why) = efc_reason(&episode("2026-01-10", Some("2026-04-01")));
        assert_eq!(from, "removed_plus_60_days");
        assert!(
            why.starts_with("removed + 60 days = 2026-03-11 is earlier"),
            "{why}"
        );
        let (from, why) = efc_reason(&episode("2026-01-10", None));
        assert_eq!(from, "removed_plus_60_days");
        assert!(why.starts_with("no court finding recorded"), "{why}");
    }

    #[test]
    fn a_profile_without_a_stage_2_shows_none() {
        let removed = "2026-01-10".parse::<NaiveDate>().expect("date");
        let rows = stage_rows(removed, [4, 4, 15], Stage::One);
        let stages: Vec<&str> = rows.iter().map(|r| r.stage.short()).collect();
        assert_eq!(stages, ["1", "3", "past 3"]);
        assert_eq!(rows[1].first_month, 5);
    }
}
