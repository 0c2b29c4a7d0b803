//! Facts every rule and report asks of a case: which episode and placement are
//! current, whether the case is open, who the people in the file are.

use chrono::NaiveDate;

use super::{Case, Episode, Period, Placement, Whereabouts};

impl Case {
    /// The episode with the latest `removed` (docs/case-format.md), with its index.
    pub fn current_episode(&self) -> Option<(usize, &Episode)> {
        self.episodes
            .iter()
            .enumerate()
            .max_by_key(|(i, e)| (e.removed, *i))
    }

    /// Open on `as_of`: the current episode has not exited on or before that day.
    pub fn is_open(&self, as_of: NaiveDate) -> bool {
        self.current_episode()
            .is_some_and(|(_, e)| e.exited.is_none_or(|exited| exited > as_of))
    }

    /// The placement with no `to`, else the one with the latest `from`.
    pub fn current_placement(&self) -> Option<(usize, &Placement)> {
        let open = self.placements.iter().enumerate().filter(|(_, p)| p.to.is_none());
        open.max_by_key(|(i, p)| (p.from, *i)).or_else(|| {
            self.placements
                .iter()
                .enumerate()
                .max_by_key(|(i, p)| (p.from, *i))
        })
    }

    pub fn parent_ids(&self) -> impl Iterator<Item = &str> {
        self.parents.iter().map(|p| p.id.as_str())
    }

    /// Parents whose whereabouts are known (they sign agreements, get FDIs, are invited).
    pub fn known_parents(&self) -> impl Iterator<Item = &super::Parent> {
        self.parents
            .iter()
            .filter(|p| p.whereabouts == Whereabouts::Known)
    }

    /// The latest held sibling visit dated `from..=to` (CP207, the agenda).
    pub fn last_sibling_visit(&self, from: NaiveDate, to: NaiveDate) -> Option<NaiveDate> {
        (self.sibling_visits.iter())
            .filter(|v| v.held && v.date >= from && v.date <= to)
            .map(|v| v.date)
            .max()
    }

    /// Age in whole years on `day`.
    pub fn age_on(&self, day: NaiveDate) -> u32 {
        day.years_since(self.child.born).unwrap_or(0)
    }

    /// The day the child turns `age`: the first day `age_on` gives it. A child born on
    /// 29 February turns a year older on 1 March when the year has no 29 February.
    pub fn birthday(&self, age: u32) -> NaiveDate {
        use chrono::Datelike;
        let born = self.child.born;
        let year = i32::try_from(age)
            .ok()
            .and_then(|age| born.year().checked_add(age));
        year.and_then(|y| {
            NaiveDate::from_ymd_opt(y, born.month(), born.day()).or_else(|| NaiveDate::from_ymd_opt(y, 3, 1))
        })
        .unwrap_or(NaiveDate::MAX)
    }
}

impl Episode {
    /// The trial home visits and runaway periods: the days away from care that do not
    /// count toward 15 of 22 months.
    pub fn breaks(&self) -> impl Iterator<Item = Period> + '_ {
        (self.trial_home_visits.iter().map(super::TrialHomeVisit::period)).chain(self.runaway.iter().copied())
    }
}

/// Whether two placements name the same caregiver: names compared without surrounding
/// spaces and letter case ("Kettering family", "kettering family "); two placements
/// that name nobody are with the same unnamed caregiver.
pub fn same_caregiver(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.trim().eq_ignore_ascii_case(b.trim()),
        (None, None) => true,
        _ => false,
    }
}
