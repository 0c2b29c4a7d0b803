//! The court's findings on reasonable efforts that decide a child's title IV-E
//! eligibility (45 CFR 1356.21(b)), read from `court[].findings` as docs/case-format.md says:
//! `efforts_to_prevent_removal` and `efforts_to_finalize_plan` mean what they say; the
//! older `reasonable_efforts`, and `no_reasonable_efforts`, are read by their date.

use chrono::NaiveDate;

use super::CaseFacts;
use super::arith::add_days;
use crate::model::CourtFinding;

/// A plain `reasonable_efforts` (or `no_reasonable_efforts`) dated within this many days
/// of the removal is about the removal, a later one about the permanency plan
/// (docs/case-format.md). It is the format's reading of a word, not a deadline: a profile
/// that moves the removal finding's due date does not move it.
pub const REMOVAL_FINDING_DAYS: i64 = 60;

/// What a finding on reasonable efforts is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum About {
    /// Efforts to prevent the removal (45 CFR 1356.21(b)(1)).
    PreventRemoval,
    /// Efforts to finalize the permanency plan (45 CFR 1356.21(b)(2)).
    FinalizePlan,
}

/// One finding on reasonable efforts, in a hearing of the current episode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EffortsFinding {
    pub date: NaiveDate,
    /// The hearing's index in `court`.
    pub hearing: usize,
    pub about: About,
    /// Whether the court found the efforts made (`no_reasonable_efforts`: not).
    pub made: bool,
}

/// The findings on reasonable efforts in the hearings of the current episode held by the
/// as-of date, by date (file order on a tie).
pub fn findings(facts: &CaseFacts<'_>) -> Vec<EffortsFinding> {
    let removed = facts.episode.removed;
    let old_word_limit = add_days(removed, REMOVAL_FINDING_DAYS);
    let mut out: Vec<EffortsFinding> = Vec::new();
    for (hearing, h) in facts.case.court.iter().enumerate() {
        if h.date < removed || h.date > facts.as_of {
            continue;
        }
        let by_date = if h.date <= old_word_limit {
            About::PreventRemoval
        } else {
            About::FinalizePlan
        };
        for finding in &h.findings {
            let (about, made) = match finding {
                CourtFinding::EffortsToPreventRemoval => (About::PreventRemoval, true),
                CourtFinding::EffortsToFinalizePlan => (About::FinalizePlan, true),
                CourtFinding::ReasonableEfforts => (by_date, true),
                CourtFinding::NoReasonableEfforts => (by_date, false),
                CourtFinding::ReunificationNotViable | CourtFinding::Other => continue,
            };
            out.push(EffortsFinding {
                date: h.date,
                hearing,
                about,
                made,
            });
        }
    }
    out.sort_by_key(|f| (f.date, f.hearing));
    out
}

/// The hearings of the current episode scheduled after the as-of date, by date: where
/// the court can be asked for a finding.
pub fn next_hearings<'a>(facts: &CaseFacts<'a>) -> Vec<(usize, &'a crate::model::Hearing)> {
    let mut out: Vec<(usize, &crate::model::Hearing)> = (facts.case.court.iter().enumerate())
        .filter(|(_, h)| h.date > facts.as_of)
        .collect();
    out.sort_by_key(|(i, h)| (h.date, *i));
    out
}
