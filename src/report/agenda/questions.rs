//! Section 6 of the agenda: questions for the meeting. First those the case itself
//! raises (most pressing first), then the four that every review asks (seed 000).

mod court;
mod situations;
mod visits;
mod youth;

use crate::policy::sources::{Source, cite};
use crate::policy::words::plural;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::FindingItem;
use super::period::SinceReview;
use crate::model::{Case, PrimaryTrack};
use crate::people::People;
use crate::policy::arith::add_months;
use crate::policy::{CaseFacts, Profile};
use crate::summary::CaseSummary;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Question {
    /// A stable word for what the question is about ("supervised_visits", …).
    pub topic: String,
    pub text: String,
    /// Why it is asked: the rule, finding or seed behind it.
    pub basis: String,
}

/// Everything the questions are derived from.
pub struct Facts<'a> {
    pub case: &'a Case,
    pub facts: &'a CaseFacts<'a>,
    pub profile: &'a Profile,
    pub summary: &'a CaseSummary,
    pub since: &'a SinceReview,
    /// The last day the agenda looks ahead to.
    pub horizon: NaiveDate,
    pub findings: &'a [FindingItem],
    pub names: &'a People,
}

fn question(topic: &str, text: String, basis: &str) -> Question {
    Question {
        topic: topic.to_owned(),
        text,
        basis: basis.to_owned(),
    }
}

/// The questions, and where the one on the findings stands among them, asked or not:
/// the findings of the rules across files may change it at the end of the run.
pub fn ask(f: &Facts<'_>) -> (Vec<Question>, usize) {
    let mut asked = Vec::new();
    if f.facts.open {
        asked.extend(situations::all(f));
    }
    let findings_at = asked.len();
    asked.extend(findings(f.findings));
    asked.extend(review_goals(f));
    (asked, findings_at)
}

/// The question on the file's errors and warnings, if it has any.
pub(super) fn findings(findings: &[FindingItem]) -> Option<Question> {
    let count = |severity: &str| findings.iter().filter(|x| x.severity == severity).count();
    let counted: Vec<String> = [("error", "errors"), ("warning", "warnings")]
        .into_iter()
        .map(|(one, many)| (count(one), one, many))
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| plural(n, one, many))
        .collect();
    if counted.is_empty() {
        return None;
    }
    Some(question(
        "findings",
        format!(
            "The file has {} (see the findings above): who corrects {}, and by when?",
            counted.join(" and "),
            if findings.len() == 1 { "it" } else { "each" }
        ),
        "cplan check",
    ))
}

/// "the staffing of 2026-09-01" or "removal on 2026-06-02".
pub(super) fn since_phrase(since: &SinceReview) -> String {
    match &since.last_review {
        Some(review) => format!("the {} of {}", review.kind, review.date),
        None => format!("removal on {}", since.from),
    }
}

/// The four goals of agency review meetings (seed 000, after the Center for Social
/// Services Research): every agenda asks them, with what the file says where it can.
fn review_goals(f: &Facts<'_>) -> Vec<Question> {
    let basis = &cite(Source::CoreComponents, "goals of agency review meetings");
    let snapshot_goal = f
        .summary
        .concurrent_goal
        .map_or("none".to_owned(), |g| g.to_string());
    let resource = f
        .summary
        .resource
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map_or("none identified".to_owned(), |r| f.names.name(r));
    vec![
        question(
            "concurrent_plan_in_place",
            format!(
                "Concurrent plan in place? On file: {}, concurrent goal {snapshot_goal}, resource family \
                 {resource}. Is the alternative being worked on at the same time as reunification?",
                match f.summary.primary {
                    PrimaryTrack::Reunification => "reunification primary",
                    PrimaryTrack::Concurrent => "the concurrent goal primary",
                }
            ),
            basis,
        ),
        question(
            "changes_in_status_or_need",
            format!(
                "Changes in status or need: what has changed for the child, the parents or the caregiver since {}, \
                 and does the plan have to change with it?",
                since_phrase(f.since)
            ),
            basis,
        ),
        question(
            "alternatives_discussed",
            "Alternatives: which permanency alternatives has the team weighed for this child (return home, \
             adoption, guardianship, a fit and willing relative), and why is the present order of goals right?"
                .to_owned(),
            basis,
        ),
        question(
            "decision_support",
            format!(
                "Decision support: which decision does {} face before the next review, and what support do \
                 colleagues and the supervisor give?",
                if f.summary.worker.trim().is_empty() { "the worker" } else { f.summary.worker.as_str() }
            ),
            basis,
        ),
    ]
}

/// Milestones falling before the next semi-annual review (Case Planning in Child
/// Welfare: a review every six months) are for this one.
const NEXT_REVIEW_MONTHS: i32 = 6;
/// A period shorter than this is too short to expect a visit or an effort in it.
const SHORT_PERIOD_DAYS: i64 = 28;

/// Whether reunification is still the primary track.
fn reunification_primary(f: &Facts<'_>) -> bool {
    f.summary.primary == PrimaryTrack::Reunification
}

/// The last day of the period this review plans for: up to the next one.
fn before_next_review(f: &Facts<'_>) -> NaiveDate {
    add_months(f.facts.as_of, NEXT_REVIEW_MONTHS)
}

/// How many days the period since the last review covers.
fn period_days(f: &Facts<'_>) -> i64 {
    (f.facts.as_of - f.since.first_day).num_days() + 1
}
