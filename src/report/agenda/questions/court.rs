//! The questions the court's findings on reasonable efforts raise: without them title
//! IV-E does not pay for the placement (45 CFR 1356.21(b)), so the team plans at which
//! hearing the court is asked for each, before it is due.

use chrono::NaiveDate;

use super::before_next_review;
use super::{Facts, Question, question};
use crate::model::Vocab;
use crate::policy::arith::end_of_month;
use crate::policy::deadline::{Deadline, Kind, Status};
use crate::policy::efforts::next_hearings;

pub(super) fn efforts_findings(f: &Facts<'_>) -> Vec<Question> {
    let mut asked = Vec::new();
    asked.extend(removal(f));
    asked.extend(permanency(f));
    asked
}

/// The open deadline of a kind: the earliest not met.
fn open<'a>(f: &Facts<'a>, kind: Kind) -> Option<&'a Deadline> {
    (f.summary.deadlines.iter())
        .filter(|d| d.kind == kind && d.status != Status::Met)
        .min_by_key(|d| d.due)
}

/// "Ask the court for the finding at the review hearing on 2027-01-05", or what to do
/// when no hearing is set by `due` (when the finding may still come in time).
fn ask_the_court(f: &Facts<'_>, due: Option<NaiveDate>) -> String {
    let hearings = next_hearings(f.facts);
    let in_time = hearings.iter().find(|(_, h)| due.is_none_or(|due| h.date <= due));
    match (in_time, hearings.first(), due) {
        (Some((_, h)), _, _) => format!(
            "Ask the court for the finding at the {} hearing on {}",
            h.hearing.word(),
            h.date
        ),
        (None, Some((_, h)), Some(due)) => format!(
            "The next hearing, on {}, is after that: ask the court for an earlier one, by {due}",
            h.date
        ),
        (None, _, Some(due)) => format!("No hearing is set: ask the court for one by {due}"),
        (None, _, None) => "No hearing is set: ask the court to set one now".to_owned(),
    }
}

fn removal(f: &Facts<'_>) -> Option<Question> {
    let d = open(f, Kind::EffortsFindingRemoval)?;
    let text = if d.status == Status::Overdue {
        format!(
            "No court determination on reasonable efforts to prevent removal is recorded by {}: the child is \
             not eligible for title IV-E foster care maintenance payments for this stay in care. Was it made \
             in time and not recorded? Who tells the title IV-E eligibility worker?",
            d.due
        )
    } else if d.due <= before_next_review(f) {
        format!(
            "The court's determination on reasonable efforts to prevent removal is due {}. {}. \
             Without it the child is not eligible for title IV-E for the whole stay in care.",
            d.due,
            ask_the_court(f, Some(d.due))
        )
    } else {
        return None;
    };
    Some(question(
        "efforts_finding_removal",
        text,
        &format!("CP412; {}", d.source),
    ))
}

fn permanency(f: &Facts<'_>) -> Option<Question> {
    let d = open(f, Kind::EffortsFindingPermanency)?;
    let month_end = end_of_month(d.due);
    let text = if d.status == Status::Overdue {
        format!(
            "The court's finding on reasonable efforts to finalize the permanency plan was due {}: from the \
             end of {} the placement is not paid for by title IV-E until the court makes it. {}.",
            d.due,
            d.due.format("%B %Y"),
            ask_the_court(f, None)
        )
    } else if d.due <= before_next_review(f) {
        format!(
            "The court's finding on reasonable efforts to finalize the permanency plan is due {}. {}. \
             Without it the placement is not paid for by title IV-E from {month_end}.",
            d.due,
            ask_the_court(f, Some(d.due))
        )
    } else {
        return None;
    };
    Some(question(
        "efforts_finding_permanency",
        text,
        &format!("CP411; {}", d.source),
    ))
}
