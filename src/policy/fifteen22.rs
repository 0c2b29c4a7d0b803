//! "15 of the most recent 22 months" (42 USC 675(5)(E)), exactly as docs/deadlines.md words it.
//!
//! Let E be the EFC of the earliest episode and L the number of days from E to
//! E + 15 months. The due date is the first day D on which the in-care days within
//! [D − 22 months + 1 day, D] number L. The in-care days are built once as merged
//! ranges with running totals, so any window is counted by two binary searches and the
//! search skips ahead by the days still missing: no per-day, per-episode loop.

use chrono::{Datelike, NaiveDate};

use super::arith::{add_days, add_months, days_in_month};
use super::care::{DayRange, efc, in_care_spans};
use crate::model::Case;

/// Months in the look-back window of the rule.
const WINDOW_MONTHS: i32 = 22;
/// Months of care that make the petition due.
const CARE_MONTHS: i32 = 15;

/// The 15/22 due date, searching days up to and including `horizon` (callers pass e.g.
/// as-of + 10 years); `None` when the count is not reached by then, or without episodes.
///
/// For a child continuously in care this is E + 15 months − 1 day. Each trial-home-visit
/// or runaway day, and each day out of care between episodes, moves it a day later,
/// and in-care days older than the 22-month window stop counting.
pub fn tpr_due(case: &Case, horizon: NaiveDate) -> Option<NaiveDate> {
    let earliest = case.episodes.iter().min_by_key(|e| e.removed)?;
    let e = efc(earliest);
    let needed = (add_months(e, CARE_MONTHS) - e).num_days();
    let care = CareIndex::new(in_care_spans(case, horizon));
    let mut day = care.first_day()?;
    while day <= horizon {
        let counted = care.count(window_start(day), day);
        if counted >= needed {
            // The count grows by at most one a day, so the first day at or over L is at L.
            debug_assert_eq!(counted, needed);
            return Some(day);
        }
        // The count cannot reach L sooner than one day per missing day.
        let next = add_days(day, needed - counted);
        if next == day {
            return None; // saturated at chrono's last date
        }
        day = next;
    }
    None
}

/// First day of the 22-month window that ends on `day`: `day − 22 months + 1 day`.
fn window_start(day: NaiveDate) -> NaiveDate {
    add_days(add_months(day, -WINDOW_MONTHS), 1)
}

/// In-care days per calendar month for the 22 months ending with `end`'s month, oldest
/// first, as (first day of the month, days in care, days in the month), for the
/// timeline report. Only days on or before `end` count: an open episode is not assumed
/// to go on, so the last month shows the days in care so far against the whole month.
pub fn months_in_care_grid(case: &Case, end: NaiveDate) -> Vec<(NaiveDate, u32, u32)> {
    let care = CareIndex::new(in_care_spans(case, end));
    let last_month = end.with_day(1).expect("every month has a first day");
    (0..WINDOW_MONTHS)
        .rev()
        .map(|back| add_months(last_month, -back))
        .map(|start| {
            let days = days_in_month(start.year(), start.month());
            let last = add_days(start, i64::from(days) - 1);
            let counted = u32::try_from(care.count(start, last)).unwrap_or(days);
            (start, counted, days)
        })
        .collect()
}

/// Merged in-care ranges with the number of in-care days before each, so the days in
/// any interval are found by binary search.
struct CareIndex {
    ranges: Vec<DayRange>,
    /// `before[i]`: in-care days in `ranges[..i]`.
    before: Vec<i64>,
}

impl CareIndex {
    fn new(ranges: Vec<DayRange>) -> CareIndex {
        let before = ranges
            .iter()
            .scan(0, |total, &(from, to)| {
                let start = *total;
                *total += (to - from).num_days() + 1;
                Some(start)
            })
            .collect();
        CareIndex { ranges, before }
    }

    fn first_day(&self) -> Option<NaiveDate> {
        self.ranges.first().map(|&(from, _)| from)
    }

    /// In-care days on or before `day`.
    fn through(&self, day: NaiveDate) -> i64 {
        let i = self.ranges.partition_point(|&(from, _)| from <= day);
        if i == 0 {
            return 0;
        }
        let (from, to) = self.ranges[i - 1];
        self.before[i - 1] + (to.min(day) - from).num_days() + 1
    }

    /// In-care days in `[from, to]`, both inclusive.
    fn count(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if from > to {
            return 0;
        }
        self.through(to) - from.pred_opt().map_or(0, |before| self.through(before))
    }
}
