//! `cplan stats`: the caseload at a glance, for the whole folder and (`--by worker`)
//! for each worker's cases. The measures are computed here; `stats/table.rs` lays them
//! out as the table, CSV and Markdown formats; `--format json` writes [`Stats`] as is.

mod charts;
mod table;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

pub use charts::figures;
pub use table::{csv_table, totals_table, worker_table};

use crate::model::{ConcurrentGoal, PrimaryTrack};
use crate::policy::care::Stage;
use crate::summary::CaseSummary;

/// Days in an average month (365.25 / 12), the divisor that turns days in care into
/// months in care.
pub const DAYS_PER_MONTH: f64 = 30.4375;

/// The whole report, as `--format json` writes it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stats {
    #[serde(serialize_with = "iso_date")]
    pub as_of: NaiveDate,
    pub totals: Measures,
    /// One entry per worker (name order, cases without a worker last); only with `--by worker`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_worker: Option<Vec<WorkerMeasures>>,
}

/// The measures of one worker's cases.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WorkerMeasures {
    /// `None` for the cases whose file names no worker.
    pub worker: Option<String>,
    #[serde(flatten)]
    pub measures: Measures,
}

impl WorkerMeasures {
    /// The worker's name as the tables show it.
    pub fn label(&self) -> &str {
        self.worker.as_deref().unwrap_or(crate::policy::words::NO_WORKER)
    }
}

/// The measures of one group of cases. Counts by stage, goal and track are of open
/// cases only: a closed case has no stage and no plan still being worked.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Measures {
    /// Every case shown, open and closed.
    pub cases: usize,
    pub open: usize,
    pub closed: usize,
    pub by_stage: ByStage,
    pub by_concurrent_goal: ByGoal,
    pub by_primary: ByPrimary,
    /// See [`median_months_in_care`].
    pub median_months_in_care: f64,
    /// The numerator of `moves_per_1000_days`: moves after the first placement.
    pub placement_moves: usize,
    /// The denominator of `moves_per_1000_days`: days in care, open and closed cases.
    pub days_in_care: i64,
    /// See [`moves_per_1000_days`].
    pub moves_per_1000_days: f64,
    /// Open cases with a concurrent goal written down.
    pub with_concurrent_plan: usize,
    /// `with_concurrent_plan` as a share of open cases, in percent (one decimal).
    pub concurrent_plan_percent: f64,
    pub with_overdue_deadlines: usize,
    /// Cases that reached 15 of the most recent 22 months in care (see [`past_15_of_22`])
    /// with no TPR petition filed and no exception documented.
    pub past_15_of_22_without_petition: usize,
    pub with_errors: usize,
}

/// Open cases by practice stage.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct ByStage {
    pub stage_1: usize,
    pub stage_2: usize,
    pub stage_3: usize,
    pub past_stage_3: usize,
}

/// Open cases by the goal of their concurrent plan (`none`: no concurrent goal).
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct ByGoal {
    pub adoption: usize,
    pub guardianship: usize,
    pub relative: usize,
    pub appla: usize,
    pub none: usize,
}

/// Open cases by the track the plan works first.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct ByPrimary {
    pub reunification: usize,
    pub concurrent: usize,
}

impl Stats {
    /// The report over `cases` (already filtered); `by_worker` adds one group per worker.
    pub fn of(cases: &[&CaseSummary], as_of: NaiveDate, by_worker: bool) -> Stats {
        Stats {
            as_of,
            totals: Measures::of(cases, as_of),
            by_worker: by_worker.then(|| worker_groups(cases, as_of)),
        }
    }
}

/// One group per worker, in name order; the cases that name no worker come last, so a
/// data problem is not the first row a supervisor reads.
fn worker_groups(cases: &[&CaseSummary], as_of: NaiveDate) -> Vec<WorkerMeasures> {
    let mut groups: BTreeMap<(bool, &str), Vec<&CaseSummary>> = BTreeMap::new();
    for case in cases {
        let worker = case.worker.trim();
        groups.entry((worker.is_empty(), worker)).or_default().push(case);
    }
    groups
        .into_iter()
        .map(|((unnamed, worker), group)| WorkerMeasures {
            worker: (!unnamed).then(|| worker.to_owned()),
            measures: Measures::of(&group, as_of),
        })
        .collect()
}

impl Measures {
    pub fn of(cases: &[&CaseSummary], as_of: NaiveDate) -> Measures {
        let open: Vec<&CaseSummary> = cases.iter().copied().filter(|c| c.open).collect();
        let with_concurrent_plan = open.iter().filter(|c| c.concurrent_goal.is_some()).count();
        let placement_moves = cases.iter().map(|c| c.placement_moves).sum();
        let days_in_care = cases.iter().map(|c| c.days_in_care).sum();
        Measures {
            cases: cases.len(),
            open: open.len(),
            closed: cases.len() - open.len(),
            by_stage: ByStage::of(&open),
            by_concurrent_goal: ByGoal::of(&open),
            by_primary: ByPrimary::of(&open),
            median_months_in_care: median_months_in_care(&open),
            placement_moves,
            days_in_care,
            moves_per_1000_days: moves_per_1000_days(placement_moves, days_in_care),
            with_concurrent_plan,
            concurrent_plan_percent: percent(with_concurrent_plan, open.len()),
            with_overdue_deadlines: cases.iter().filter(|c| c.overdue() > 0).count(),
            past_15_of_22_without_petition: cases.iter().filter(|c| past_15_of_22(c, as_of)).count(),
            with_errors: cases.iter().filter(|c| c.errors > 0).count(),
        }
    }
}

impl ByStage {
    fn of(open: &[&CaseSummary]) -> ByStage {
        let count = |stage: Stage| open.iter().filter(|c| c.stage == stage).count();
        ByStage {
            stage_1: count(Stage::One),
            stage_2: count(Stage::Two),
            stage_3: count(Stage::Three),
            past_stage_3: count(Stage::Past),
        }
    }
}

impl ByGoal {
    fn of(open: &[&CaseSummary]) -> ByGoal {
        let count = |goal: Option<ConcurrentGoal>| open.iter().filter(|c| c.concurrent_goal == goal).count();
        ByGoal {
            adoption: count(Some(ConcurrentGoal::Adoption)),
            guardianship: count(Some(ConcurrentGoal::Guardianship)),
            relative: count(Some(ConcurrentGoal::Relative)),
            appla: count(Some(ConcurrentGoal::Appla)),
            none: count(None),
        }
    }
}

impl ByPrimary {
    fn of(open: &[&CaseSummary]) -> ByPrimary {
        let count = |track: PrimaryTrack| open.iter().filter(|c| c.primary == track).count();
        ByPrimary {
            reunification: count(PrimaryTrack::Reunification),
            concurrent: count(PrimaryTrack::Concurrent),
        }
    }
}

/// Median months in care of the open cases, one decimal: the median of their days in
/// care since the current removal, divided by [`DAYS_PER_MONTH`].
///
/// Why days / 30.4375 and not whole months of care (`month_of_care`): a median of
/// whole months hides the difference between a caseload that just entered its third
/// month and one about to leave it, and "month 3 of care" means two full months in
/// care, which readers misread as three. Days are also what the placement-stability
/// measure beside it counts. An even number of cases takes the mean of the middle
/// two; no open case gives 0.
pub fn median_months_in_care(open: &[&CaseSummary]) -> f64 {
    let days: Vec<i64> = open.iter().map(|c| c.days_in_care).collect();
    round_to(median(days) / DAYS_PER_MONTH, 1)
}

/// The middle value (the mean of the two middle values for an even count); 0 for none.
fn median(mut values: Vec<i64>) -> f64 {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => values[n / 2] as f64,
        _ => (values[n / 2 - 1] + values[n / 2]) as f64 / 2.0,
    }
}

/// Placement moves per 1,000 days in care, two decimals, as the federal placement-
/// stability measure (CFSR) computes it: moves after the first placement, summed over
/// the cases, divided by their days in care, summed, times 1,000. Closed cases count
/// with their days up to the exit, as the federal measure counts children who left
/// care. No day in care gives 0.
pub fn moves_per_1000_days(moves: usize, days_in_care: i64) -> f64 {
    if days_in_care <= 0 {
        return 0.0;
    }
    round_to(moves as f64 * 1000.0 / days_in_care as f64, 2)
}

/// `part` as a percentage of `whole`, one decimal; 0 when `whole` is 0.
fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    round_to(part as f64 * 100.0 / whole as f64, 1)
}

/// Whether a case reached 15 of 22 on or before `as_of` (the day itself counts: the
/// petition is due by then) with neither a TPR petition nor a documented exception.
/// The 15/22 deadline is `met` by either (policy/deadlines.rs), so "not met" is the test.
pub fn past_15_of_22(case: &CaseSummary, as_of: NaiveDate) -> bool {
    case.fifteen_22_unmet.is_some_and(|due| due <= as_of)
}

/// `YYYY-MM-DD`, as every date in the JSON formats.
fn iso_date<S: serde::Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

fn round_to(value: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (value * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_even_and_no_values() {
        assert_eq!(median(vec![5, 1, 3]), 3.0);
        assert_eq!(median(vec![4, 1, 3, 2]), 2.5);
        assert_eq!(median(vec![]), 0.0);
    }

    #[test]
    fn rates_never_divide_by_zero() {
        assert_eq!(moves_per_1000_days(3, 0), 0.0);
        assert_eq!(moves_per_1000_days(1, 3), 333.33);
        assert_eq!(percent(0, 0), 0.0);
        assert_eq!(percent(2, 3), 66.7);
    }
}
