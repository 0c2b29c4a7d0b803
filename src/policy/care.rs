//! Time in care: the EFC of an episode, months and stages of care, and the days a
//! child counts as in care for 15/22 (docs/deadlines.md "Arithmetic").

use chrono::NaiveDate;

use super::arith::{add_days, add_months};
use crate::model::{Case, Episode};

/// An inclusive range of days, `(first, last)`.
pub type DayRange = (NaiveDate, NaiveDate);

/// The stage bounds docs/deadlines.md gives the federal profile (`stages: [4, 8, 15]`).
pub const DEFAULT_STAGES: [u32; 3] = [4, 8, 15];

/// Date the child is considered to have entered foster care for this episode: the
/// earlier of the court finding and removal + 60 days (42 USC 675(5)(F)). Without a
/// finding the 60-day limit alone applies, because the law does not wait for a court.
pub fn efc(e: &Episode) -> NaiveDate {
    let limit = add_days(e.removed, 60);
    e.court_finding.map_or(limit, |finding| finding.min(limit))
}

/// Month of care on `day`, counted from removal: month 1 runs from `removed` up to
/// (not including) `removed + 1 month`, month k from `removed + (k-1) months`.
/// A day before removal is month 0.
///
/// Each boundary is `removed + k months` computed directly (never month by month), so a
/// removal on the 31st has its months start on the 31st whenever the month has one.
pub fn month_of_care(removed: NaiveDate, day: NaiveDate) -> u32 {
    if day < removed {
        return 0;
    }
    // `removed + m months` lies in `day`'s month for this m; step back one when it
    // falls after `day`. `add_months` is increasing in m, so that is the last start.
    let mut started = months_between(removed, day);
    if add_months(removed, to_i32(started)) > day {
        started -= 1;
    }
    u32::try_from(started + 1).unwrap_or(u32::MAX)
}

/// Calendar months from `from`'s month to `to`'s month (day of month ignored).
fn months_between(from: NaiveDate, to: NaiveDate) -> i64 {
    use chrono::Datelike;
    (i64::from(to.year()) - i64::from(from.year())) * 12 + i64::from(to.month0()) - i64::from(from.month0())
}

fn to_i32(n: impl TryInto<i32>) -> i32 {
    n.try_into().unwrap_or(i32::MAX)
}

/// Practice stages of concurrent planning; `Past` is after the last month of stage 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    One,
    Two,
    Three,
    Past,
}

/// The stage of a month of care, `bounds` being the last months of stages 1, 2 and 3
/// (profile key `stages`). Month 0 (before removal) counts as stage One so that callers
/// need no special case for a removal dated after the as-of day.
pub fn stage_of(month: u32, bounds: [u32; 3]) -> Stage {
    match month {
        m if m <= bounds[0] => Stage::One,
        m if m <= bounds[1] => Stage::Two,
        m if m <= bounds[2] => Stage::Three,
        _ => Stage::Past,
    }
}

/// First day of `stage`: the first day of the month after the previous stage's last
/// month, i.e. `removed + bound months` (stage One starts on `removed`).
pub fn stage_start(removed: NaiveDate, stage: Stage, bounds: [u32; 3]) -> NaiveDate {
    match stage {
        Stage::One => removed,
        Stage::Two => add_months(removed, to_i32(bounds[0])),
        Stage::Three => add_months(removed, to_i32(bounds[1])),
        Stage::Past => add_months(removed, to_i32(bounds[2])),
    }
}

/// The stage that follows the one `day` is in, and its first day; `None` once Past.
///
/// The next stage is the one of the month after the current stage's last month, so
/// a profile with an empty stage (`[4, 4, 15]`) skips it instead of announcing a stage
/// that never happens.
pub fn next_stage_boundary(
    removed: NaiveDate,
    day: NaiveDate,
    bounds: [u32; 3],
) -> Option<(Stage, NaiveDate)> {
    let last_month = match stage_of(month_of_care(removed, day), bounds) {
        Stage::One => bounds[0],
        Stage::Two => bounds[1],
        Stage::Three => bounds[2],
        Stage::Past => return None,
    };
    let next = stage_of(last_month.saturating_add(1), bounds);
    Some((next, add_months(removed, to_i32(last_month))))
}

/// The days the child counts as in care for 15/22, on or before `until`, as sorted,
/// merged (non-overlapping, non-adjacent) inclusive day ranges.
///
/// Per episode: from its EFC to the day before `exited`, minus that episode's trial
/// home visits and runaway periods (both ends inclusive). An open episode (no `exited`)
/// runs through `until`: the caller says how far to look (an as-of date, a search
/// horizon), so every range is finite and no sentinel date is needed. An episode whose
/// EFC is on or after its exit contributes nothing, as does a period with `to < from`.
pub fn in_care_spans(case: &Case, until: NaiveDate) -> Vec<DayRange> {
    let mut ranges: Vec<DayRange> = case
        .episodes
        .iter()
        .flat_map(|e| episode_in_care(e, until))
        .collect();
    ranges.sort_unstable();
    merge_sorted(ranges)
}

/// One episode's in-care days on or before `until`, its own breaks taken out.
fn episode_in_care(e: &Episode, until: NaiveDate) -> Vec<DayRange> {
    let last = e.exited.map_or(until, |exited| add_days(exited, -1).min(until));
    let first = efc(e);
    if first > last {
        return Vec::new();
    }
    let mut breaks: Vec<DayRange> = (e.breaks())
        .filter(|p| p.from <= p.to)
        .map(|p| (p.from, p.to))
        .collect();
    breaks.sort_unstable();
    subtract_sorted((first, last), &merge_sorted(breaks))
}

/// Merges sorted inclusive ranges that overlap or touch.
pub fn merge_sorted(ranges: Vec<DayRange>) -> Vec<DayRange> {
    let mut merged: Vec<DayRange> = Vec::with_capacity(ranges.len());
    for (from, to) in ranges {
        match merged.last_mut() {
            Some(last) if from <= add_days(last.1, 1) => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// `span` minus sorted, merged `holes`, all inclusive.
fn subtract_sorted(span: DayRange, holes: &[DayRange]) -> Vec<DayRange> {
    let (mut from, last) = span;
    let mut pieces = Vec::new();
    for &(hole_from, hole_to) in holes {
        if hole_to < from || hole_from > last {
            continue;
        }
        if hole_from > from {
            pieces.push((from, add_days(hole_from, -1)));
        }
        if hole_to >= last {
            return pieces;
        }
        from = add_days(hole_to, 1);
    }
    pieces.push((from, last));
    pieces
}

impl Stage {
    /// "1", "2", "3", "past 3": short, for tables.
    pub fn short(self) -> &'static str {
        match self {
            Stage::One => "1",
            Stage::Two => "2",
            Stage::Three => "3",
            Stage::Past => "past 3",
        }
    }

    /// "stage 2, Doing With": the stage and its name, as a report names a boundary.
    pub fn label(self) -> &'static str {
        match self {
            Stage::One => "stage 1, Doing For",
            Stage::Two => "stage 2, Doing With",
            Stage::Three => "stage 3, Moving towards Independence",
            Stage::Past => "past stage 3",
        }
    }

    /// The stage's name in the three-stage model of casework.
    pub fn name(self) -> &'static str {
        match self {
            Stage::One => "Doing For",
            Stage::Two => "Doing With",
            Stage::Three => "Moving towards Independence",
            Stage::Past => "past stage 3 (month 16 on)",
        }
    }

    /// Reads `1`, `2`, `3` or `past` (for `--stage`).
    pub fn from_word(word: &str) -> Option<Stage> {
        match word {
            "1" | "one" => Some(Stage::One),
            "2" | "two" => Some(Stage::Two),
            "3" | "three" => Some(Stage::Three),
            "past" | "4" => Some(Stage::Past),
            _ => None,
        }
    }
}
