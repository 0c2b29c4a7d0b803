//! "15 of the most recent 22 months": the target, the due date and why it falls there,
//! and the month-by-month count of the last 22 calendar months.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{EpisodeView, days_inclusive};
use crate::model::{Case, Episode, Period, Vocab};
use crate::policy::CaseFacts;
use crate::policy::arith::{add_days, add_months};
use crate::policy::care::{DayRange, efc, in_care_spans, merge_sorted};
use crate::policy::deadline::{Deadline, Kind};
use crate::policy::fifteen22::months_in_care_grid;
use crate::policy::profile::Profile;
use crate::policy::words::days_words;

/// Months of care that make the petition due (42 USC 675(5)(E)).
const CARE_MONTHS: i32 = 15;
/// How far ahead the deadline list looks for the date (policy/deadlines.rs), so the
/// report can say how far it looked when there is none.
const HORIZON_MONTHS: i32 = 16;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Fifteen22View {
    /// Removal and EFC of the child's first episode: the count starts there.
    pub first_removed: String,
    pub efc: String,
    /// L: the days from the EFC to the same date 15 months later.
    pub target_days: i64,
    pub target_until: String,
    /// The date for a child continuously in care since the EFC: EFC + 15 months - 1 day.
    pub continuous_due: String,
    pub due: Option<String>,
    /// How many days after `continuous_due` the due date falls.
    pub days_later: Option<i64>,
    pub status: Option<&'static str>,
    pub status_text: Option<String>,
    pub met_on: Option<String>,
    pub met_by: Option<String>,
    /// The statute, from the profile's `sources`.
    pub source: String,
    /// Why there is no due date (a closed case, a count that does not reach L).
    pub no_due_reason: Option<String>,
    /// From the EFC to the as-of date: the days that did not count, and why.
    pub not_counted: NotCounted,
    /// The 22 calendar months ending with the as-of month, oldest first.
    pub grid: Vec<GridMonth>,
    pub grid_days_in_care: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NotCounted {
    /// Days from the first EFC through the as-of date (0 before the EFC).
    pub days_since_efc: i64,
    pub in_care: i64,
    pub trial_home_visit_or_runaway: i64,
    /// In care after a later removal but before that episode's EFC.
    pub before_efc_of_later_removal: i64,
    /// At home between episodes, or after the last one ended.
    pub out_of_care: i64,
}

impl NotCounted {
    /// "50 days from the EFC through the as-of date: 50 in care, and not counted: …",
    /// its three clauses joined by `br` (a line break in text, a space in a document).
    pub fn sentence(&self, br: &str) -> String {
        format!(
            "{} from the EFC through the as-of date: {} in care, and not counted:{br}{} on trial \
             home visits or run away, {} at home between or after removals,{br}{} in care after a \
             later removal but before its EFC",
            days_words(self.days_since_efc),
            self.in_care,
            self.trial_home_visit_or_runaway,
            self.out_of_care,
            self.before_efc_of_later_removal
        )
    }
}

impl Fifteen22View {
    /// The section's labelled lines, the same in every format: `br` breaks the long
    /// "so far" value (a line break in text, a space in a document), and `exception`
    /// is the key `plan.tpr_exception` as the format writes a file's key.
    pub fn fields(&self, br: &str, exception: &str) -> Vec<(&'static str, String)> {
        let mut fields = vec![
            (
                "counted from",
                format!(
                    "the EFC of the first removal: {} (removed {})",
                    self.efc, self.first_removed
                ),
            ),
            (
                "target",
                format!(
                    "{} days in care (from {} to {} is 15 months)",
                    self.target_days, self.efc, self.target_until
                ),
            ),
        ];
        match (&self.due, &self.status_text) {
            (Some(due), Some(status)) => {
                fields.push(("petition due", format!("{due}: {status}")));
                fields.push(("why that day", self.why_that_day()));
            }
            _ => fields.push((
                "petition due",
                self.no_due_reason.as_deref().unwrap_or("none").to_owned(),
            )),
        }
        fields.push(("so far", self.not_counted.sentence(br)));
        fields.extend(self.met_by_words(exception).map(|met_by| ("met by", met_by)));
        fields
    }

    /// Why the petition is due on its day: "in care every day since the EFC, so …".
    pub fn why_that_day(&self) -> String {
        let n = &self.not_counted;
        let missed = n.trial_home_visit_or_runaway + n.out_of_care + n.before_efc_of_later_removal;
        match self.days_later {
            Some(0) => format!(
                "in care every day since the EFC, so EFC + 15 months - 1 day = {}",
                self.continuous_due
            ),
            Some(later) if later == missed => format!(
                "{} after {} (EFC + 15 months - 1 day, the date for a child in care every day):\n\
                 each of the {} not counted so far moves it one day later",
                days_words(later),
                self.continuous_due,
                days_words(missed)
            ),
            Some(later) => format!(
                "{} after {} (EFC + 15 months - 1 day, the date for a child in care every day):\n\
                 days on trial home visits, run away or at home do not count, and days more\n\
                 than 22 months back drop out of the count",
                days_words(later),
                self.continuous_due
            ),
            None => String::new(),
        }
    }

    /// What met the petition deadline, and the other way to meet it unless that was an
    /// exception; `exception` is the key as the document writes a file's key.
    pub fn met_by_words(&self, exception: &str) -> Option<String> {
        let met_by = self.met_by.as_deref()?;
        if met_by.contains("tpr_exception") {
            return Some(met_by.to_owned());
        }
        Some(format!("{met_by}, or an exception documented in {exception}"))
    }
}

/// One calendar month of the grid.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct GridMonth {
    /// `2026-07`.
    pub month: String,
    pub days_in_care: u32,
    pub days_in_month: u32,
    pub trial_home_visit_days: i64,
    pub runaway_days: i64,
    /// What happened in the month: "removed 2026-02-03", "EFC 2026-03-04", "as of 2026-11-24".
    pub events: Vec<String>,
}

pub fn view(
    case: &Case,
    facts: &CaseFacts<'_>,
    profile: &Profile,
    episodes: &[EpisodeView],
    deadlines: &[Deadline],
) -> Fifteen22View {
    let as_of = facts.as_of;
    let first = case
        .episodes
        .iter()
        .min_by_key(|e| e.removed)
        .unwrap_or(facts.episode);
    let start = efc(first);
    let until = add_months(start, CARE_MONTHS);
    let continuous = add_days(until, -1);
    let deadline = deadlines.iter().find(|d| d.kind == Kind::Tpr15Of22);
    let grid = grid(case, as_of);
    Fifteen22View {
        first_removed: first.removed.to_string(),
        efc: start.to_string(),
        target_days: (until - start).num_days(),
        target_until: until.to_string(),
        continuous_due: continuous.to_string(),
        due: deadline.map(|d| d.due.to_string()),
        days_later: deadline.map(|d| (d.due - continuous).num_days()),
        status: deadline.map(|d| d.status.word()),
        status_text: deadline.map(|d| crate::policy::words::status_long(d, as_of)),
        met_on: deadline.and_then(|d| d.met_on).map(|d| d.to_string()),
        met_by: deadline.map(|d| d.met_by.to_owned()),
        source: profile.source_of(Kind::Tpr15Of22).to_string(),
        no_due_reason: deadline.is_none().then(|| no_due_reason(facts)),
        not_counted: not_counted(case, start, as_of, episodes),
        grid_days_in_care: grid.iter().map(|m| m.days_in_care).sum(),
        grid,
    }
}

fn no_due_reason(facts: &CaseFacts<'_>) -> String {
    if !facts.open {
        let exited = facts.episode.exited.map(|d| d.to_string()).unwrap_or_default();
        return format!(
            "none: the case closed on {exited}, and no deadline runs for a child no longer in care"
        );
    }
    format!(
        "none: the count does not reach the target by {} (as-of date + {HORIZON_MONTHS} months), \
         because of time recorded out of care ahead",
        add_months(facts.as_of, HORIZON_MONTHS)
    )
}

fn not_counted(case: &Case, start: NaiveDate, as_of: NaiveDate, episodes: &[EpisodeView]) -> NotCounted {
    let since = if as_of < start {
        0
    } else {
        days_inclusive(start, as_of)
    };
    let in_care: i64 = in_care_spans(case, as_of)
        .iter()
        .map(|&(from, to)| days_inclusive(from, to))
        .sum();
    let breaks: i64 = episodes.iter().map(|e| e.in_care.excluded_days).sum();
    let before_efc: i64 = case
        .episodes
        .iter()
        .map(|e| before_efc_days(e, start, as_of))
        .sum();
    NotCounted {
        days_since_efc: since,
        in_care,
        trial_home_visit_or_runaway: breaks,
        before_efc_of_later_removal: before_efc,
        out_of_care: (since - in_care - breaks - before_efc).max(0),
    }
}

/// Days of an episode in care before its EFC that fall after the first EFC `start`
/// (only a later removal has any): they do not count, though the child is in care.
fn before_efc_days(e: &Episode, start: NaiveDate, as_of: NaiveDate) -> i64 {
    let mut last = add_days(efc(e), -1).min(as_of);
    if let Some(exited) = e.exited {
        last = last.min(add_days(exited, -1));
    }
    days_inclusive(e.removed.max(start), last)
}

/// The 22 calendar months ending with the as-of month, with the days of trial home
/// visits and running away in each, and what happened in it.
fn grid(case: &Case, as_of: NaiveDate) -> Vec<GridMonth> {
    let visits = merged(
        case.episodes
            .iter()
            .flat_map(|e| e.trial_home_visits.iter().map(|v| v.period())),
    );
    let runaway = merged(case.episodes.iter().flat_map(|e| e.runaway.iter().copied()));
    months_in_care_grid(case, as_of)
        .into_iter()
        .map(|(start, days_in_care, days_in_month)| {
            let last = add_days(start, i64::from(days_in_month) - 1).min(as_of);
            GridMonth {
                month: start.format("%Y-%m").to_string(),
                days_in_care,
                days_in_month,
                trial_home_visit_days: overlap((start, last), &visits),
                runaway_days: overlap((start, last), &runaway),
                events: events_in(case, start, last, as_of),
            }
        })
        .collect()
}

fn merged(periods: impl Iterator<Item = Period>) -> Vec<DayRange> {
    let mut ranges: Vec<DayRange> = periods
        .filter(|p| p.from <= p.to)
        .map(|p| (p.from, p.to))
        .collect();
    ranges.sort_unstable();
    merge_sorted(ranges)
}

/// Days of `month` covered by the (merged) `ranges`.
fn overlap(month: DayRange, ranges: &[DayRange]) -> i64 {
    ranges
        .iter()
        .map(|&(from, to)| days_inclusive(from.max(month.0), to.min(month.1)))
        .sum()
}

/// Removals, EFCs and exits that fall in the month, and the as-of date in its month.
fn events_in(case: &Case, first: NaiveDate, last: NaiveDate, as_of: NaiveDate) -> Vec<String> {
    let mut events: Vec<(NaiveDate, String)> = Vec::new();
    for e in &case.episodes {
        events.extend(episode_events(e));
    }
    events.retain(|(day, _)| *day >= first && *day <= last);
    if as_of.year() == first.year() && as_of.month() == first.month() {
        events.push((as_of, format!("as of {as_of}")));
    }
    events.sort();
    events.into_iter().map(|(_, text)| text).collect()
}

fn episode_events(e: &Episode) -> Vec<(NaiveDate, String)> {
    let mut events = vec![
        (e.removed, format!("removed {}", e.removed)),
        (efc(e), format!("EFC {}", efc(e))),
    ];
    if let Some(exited) = e.exited {
        let reason = e
            .exit_reason
            .map(|r| format!(" ({})", r.word()))
            .unwrap_or_default();
        events.push((exited, format!("exited {exited}{reason}")));
    }
    events
}
