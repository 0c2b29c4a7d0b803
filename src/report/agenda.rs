//! `cplan agenda`: the document a supervisor prints or pastes into the invite of a
//! collaborative case review, staffing or semi-annual review (the README "The review agenda";
//! seeds 000, 002 and 003). It is built here once as data ([`Agenda`], which is also the
//! JSON document), laid out once as a document ([`document`]) and drawn from it as
//! Markdown, text and HTML, so the formats cannot disagree.

mod early;
mod outline;
mod period;
mod questions;
mod render;
mod snapshot;
mod stages;

use crate::policy::words::capitalised;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use early::{Early, build_early};
pub use outline::document;
pub use period::SinceReview;
pub use questions::Question;
pub use render::{MARKDOWN_SEPARATOR, render_markdown, render_text, text_separator};
pub use render::{markdown_one as render_markdown_one, text_one as render_text_one};
pub use snapshot::Snapshot;

use crate::finding::{Finding, Severity};
use crate::model::{HearingKind, Vocab};
use crate::people::People;
use crate::policy::arith::{Span, add_days};
use crate::policy::deadline::{Deadline, Kind, Status};
use crate::policy::words;
use crate::report::deadlines::{Window, select};
use crate::report::detail::Detail;
use crate::summary::CaseSummary;

/// How far ahead the deadlines section looks at the least (the brief of the README: "as in
/// `deadlines`", with a window long enough to prepare a hearing report).
pub const DEADLINE_DAYS: i64 = 60;

/// The whole agenda of one case, in the order of the README: heading, snapshot, deadlines,
/// since the last review, findings, questions, who to invite.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Agenda {
    pub heading: Heading,
    pub snapshot: Snapshot,
    /// Overdue deadlines, and those not met that fall due within the window.
    pub deadlines: Vec<DeadlineItem>,
    /// The last day the deadlines section looks at.
    pub deadlines_until: String,
    pub since_last_review: SinceReview,
    pub findings: Vec<FindingItem>,
    pub questions: Vec<Question>,
    pub invite: Vec<Invitee>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Heading {
    pub case: String,
    pub child: String,
    pub age: u32,
    pub worker: String,
    pub supervisor: Option<String>,
    pub as_of: String,
    pub profile: String,
    pub file: String,
    /// "Six-month periodic review", "Permanency hearing preparation", …
    pub review_type: String,
    /// The review or hearing the type was taken from; `None` for a collaborative review.
    pub review: Option<DeadlineItem>,
    /// For a collaborative review: the next review or hearing, however far off.
    pub next_review: Option<DeadlineItem>,
}

/// One deadline as the agenda shows it: what, when, and why that date.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DeadlineItem {
    #[serde(
        serialize_with = "super::as_word::display",
        deserialize_with = "super::as_word::kind"
    )]
    pub kind: Kind,
    /// The kind in words, with what it is about: "caseworker visit (October 2026)".
    pub what: String,
    pub due: String,
    #[serde(
        serialize_with = "super::as_word::display",
        deserialize_with = "super::as_word::status"
    )]
    pub status: Status,
    pub days_left: i64,
    /// How the date was reached: "removed 2026-02-24 + 60d".
    pub basis: String,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FindingItem {
    pub rule: String,
    pub severity: String,
    pub line: Option<u32>,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Invitee {
    /// "worker", "supervisor", "mother", "caregiver", …
    pub role: String,
    pub name: String,
}

/// What one agenda is built from: the case's row and full file, and the check run's findings.
pub struct Inputs<'a> {
    pub summary: &'a CaseSummary,
    pub detail: Detail<'a>,
    /// Every finding of the run; the agenda keeps those about this case's file.
    pub findings: &'a [Finding],
    /// The last day deadlines and the review type look at ([`horizon`]).
    pub horizon: NaiveDate,
    pub redact: bool,
}

/// The last day an agenda looks ahead to: 60 days, or the `--due-within` span if longer,
/// so the review that put a case on the list is always in its deadlines.
pub fn horizon(as_of: NaiveDate, due_within: Option<Span>) -> NaiveDate {
    let least = add_days(as_of, DEADLINE_DAYS);
    due_within.map_or(least, |span| span.after(as_of).max(least))
}

/// The nearest review or hearing not met, overdue or due on or before `until`.
pub fn due_review(summary: &CaseSummary, until: NaiveDate) -> Option<&Deadline> {
    summary
        .deadlines
        .iter()
        .filter(|d| {
            matches!(
                d.kind,
                Kind::PeriodicReview | Kind::PermanencyHearing | Kind::Hearing
            )
        })
        .filter(|d| d.status != Status::Met && (d.status == Status::Overdue || d.due <= until))
        .min_by_key(|d| (d.due, d.kind))
}

/// The cases with a review or hearing due by `until` (or overdue), the soonest first.
pub fn cases_due<'a>(cases: &[&'a CaseSummary], until: NaiveDate) -> Vec<&'a CaseSummary> {
    let mut due: Vec<(NaiveDate, &'a CaseSummary)> = cases
        .iter()
        .filter_map(|c| due_review(c, until).map(|d| (d.due, *c)))
        .collect();
    due.sort_by(|(a_due, a), (b_due, b)| (a_due, &a.id, &a.file).cmp(&(b_due, &b.id, &b.file)));
    due.into_iter().map(|(_, c)| c).collect()
}

/// Builds the agenda; `None` when the case has no removal episode to count from.
pub fn build(inputs: &Inputs<'_>) -> Option<Agenda> {
    build_early(inputs).map(|early| early.finish(&[]))
}

fn heading(summary: &CaseSummary, horizon: NaiveDate, as_of: NaiveDate, names: &People) -> Heading {
    let review = due_review(summary, horizon);
    Heading {
        case: summary.id.clone(),
        child: names.name(&summary.child),
        age: summary.age,
        worker: summary.worker.clone(),
        supervisor: summary.supervisor.clone(),
        as_of: as_of.to_string(),
        profile: summary.profile.to_string(),
        file: summary.file.display().to_string(),
        review_type: review.map_or("Collaborative case review".to_owned(), review_type),
        review: review.map(|d| deadline_item(d, as_of, names)),
        next_review: review
            .is_none()
            .then(|| due_review(summary, NaiveDate::MAX))
            .flatten()
            .map(|d| deadline_item(d, as_of, names)),
    }
}

/// The kind of meeting a due review or hearing calls for.
fn review_type(d: &Deadline) -> String {
    let hearing = match &d.about {
        Some(crate::policy::deadline::About::Hearing(kind)) => Some(*kind),
        _ => None,
    };
    match (d.kind, hearing) {
        (Kind::PeriodicReview, _) => "Six-month periodic review".to_owned(),
        (Kind::PermanencyHearing, _) | (_, Some(HearingKind::Permanency)) => {
            "Permanency hearing preparation".to_owned()
        }
        (_, Some(HearingKind::Review)) => "Court review hearing preparation".to_owned(),
        (_, Some(HearingKind::Tpr)) => "TPR hearing preparation".to_owned(),
        (_, Some(HearingKind::Other) | None) => "Court hearing preparation".to_owned(),
        (_, Some(kind)) => format!("{} hearing preparation", capitalised(kind.word())),
    }
}

/// Section 3: what `cplan deadlines --within` would list for this case up to `horizon`.
fn deadlines_ahead(
    summary: &CaseSummary,
    horizon: NaiveDate,
    as_of: NaiveDate,
    names: &People,
) -> Vec<DeadlineItem> {
    let window = Window::Within(Span::Days((horizon - as_of).num_days().max(0)));
    select(&[summary], window, as_of)
        .iter()
        .map(|s| deadline_item(s.deadline, as_of, names))
        .collect()
}

fn deadline_item(d: &Deadline, as_of: NaiveDate, names: &People) -> DeadlineItem {
    // An activity without an id is labelled by its text, which may name someone.
    DeadlineItem {
        kind: d.kind,
        what: names.text(&words::what(d)),
        due: d.due.to_string(),
        status: d.status,
        days_left: d.days_left(as_of),
        basis: names.text(&words::why(d)),
        source: d.source.to_string(),
    }
}

/// Section 5: the errors and warnings `check` reported for this case's file.
fn shown_findings<'a>(summary: &CaseSummary, findings: &'a [Finding]) -> Vec<&'a Finding> {
    findings
        .iter()
        .filter(|f| *f.file == *summary.file && f.severity >= Severity::Warning)
        .collect()
}

fn finding_item(f: &Finding, names: &People) -> FindingItem {
    FindingItem {
        rule: f.rule.to_string(),
        severity: f.severity.word().to_owned(),
        line: f.loc.map(|l| l.line),
        message: names.text(&f.message),
    }
}

/// Section 7: the worker, the supervisor, parents whose whereabouts are known, the caregiver.
/// The age from which the child is invited to the review: old enough to speak to their
/// own plan; from 14 the youth has a say in the case plan (42 USC 675(1)(B)).
pub const YOUTH_INVITED_FROM: u32 = 12;

/// Who to invite: the worker, the supervisor, the parents who can be found, the
/// caregiver, and the child from the age of 12.
fn invite(case: &crate::model::Case, names: &People, as_of: NaiveDate) -> Vec<Invitee> {
    let mut people = vec![Invitee {
        role: "worker".to_owned(),
        name: case.worker.clone(),
    }];
    people.push(Invitee {
        role: "supervisor".to_owned(),
        name: case
            .supervisor
            .clone()
            .unwrap_or_else(|| "(no supervisor named in the file)".to_owned()),
    });
    let age = case.age_on(as_of);
    if age >= YOUTH_INVITED_FROM {
        let role = if age >= 14 {
            format!(
                "youth, {age} (has a say in the case plan and may choose two members of the planning team)"
            )
        } else {
            format!("youth, {age}")
        };
        people.push(Invitee {
            role,
            name: names.name(&case.child.name),
        });
    }
    people.extend(case.known_parents().map(|p| Invitee {
        role: p.relationship.word().replace('_', " "),
        name: names.name(&p.name),
    }));
    if let Some((_, placement)) = case.current_placement() {
        let name = match placement.caregiver.as_deref().map(str::trim) {
            Some(caregiver) if !caregiver.is_empty() => names.name(caregiver),
            _ => format!("(caregiver not named; {} placement)", placement.setting.word()),
        };
        people.push(Invitee {
            role: "caregiver".to_owned(),
            name,
        });
    }
    people
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_horizon_is_60_days_or_the_longer_span() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let as_of = day("2026-11-24");
        assert_eq!(horizon(as_of, None), day("2027-01-23"));
        assert_eq!(horizon(as_of, Some(Span::Days(14))), day("2027-01-23"));
        assert_eq!(horizon(as_of, Some(Span::Months(3))), day("2027-02-24"));
    }

    #[test]
    fn hearing_words_name_the_meeting() {
        let hearing = |word: &str| Deadline {
            kind: Kind::Hearing,
            due: NaiveDate::MIN,
            status: Status::Upcoming,
            met_on: None,
            met_by: "",
            basis: crate::policy::deadline::Basis::ActivityDue,
            source: "".into(),
            about: HearingKind::from_word(word).map(crate::policy::deadline::About::Hearing),
            path: String::new(),
            cycle: 0,
        };
        assert_eq!(
            review_type(&hearing("permanency")),
            "Permanency hearing preparation"
        );
        assert_eq!(review_type(&hearing("tpr")), "TPR hearing preparation");
        assert_eq!(
            review_type(&hearing("selection")),
            "Selection hearing preparation"
        );
        assert_eq!(review_type(&hearing("other")), "Court hearing preparation");
    }
}
