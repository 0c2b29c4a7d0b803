//! A deadline of a case: what is due, when, whether it is met, and why that date.

use std::fmt;

use chrono::NaiveDate;

use super::arith::Span;

/// The deadline kinds of CLI.md, in the words the JSON and the profiles use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    CasePlan,
    RelativesNotice,
    DiligentSearch,
    PeriodicReview,
    PermanencyHearing,
    EffortsFindingRemoval,
    EffortsFindingPermanency,
    Tpr15Of22,
    CaseworkerVisit,
    Fdi,
    Activity,
    Hearing,
    CourtReport,
    ReunificationPeriodEnd,
    TransitionPlan,
    StageChange,
}

impl Kind {
    pub const ALL: [Kind; 16] = [
        Kind::CasePlan,
        Kind::RelativesNotice,
        Kind::DiligentSearch,
        Kind::PeriodicReview,
        Kind::PermanencyHearing,
        Kind::EffortsFindingRemoval,
        Kind::EffortsFindingPermanency,
        Kind::Tpr15Of22,
        Kind::CaseworkerVisit,
        Kind::Fdi,
        Kind::Activity,
        Kind::Hearing,
        Kind::CourtReport,
        Kind::ReunificationPeriodEnd,
        Kind::TransitionPlan,
        Kind::StageChange,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Kind::CasePlan => "case_plan",
            Kind::RelativesNotice => "relatives_notice",
            Kind::DiligentSearch => "diligent_search",
            Kind::PeriodicReview => "periodic_review",
            Kind::PermanencyHearing => "permanency_hearing",
            Kind::EffortsFindingRemoval => "efforts_finding_removal",
            Kind::EffortsFindingPermanency => "efforts_finding_permanency",
            Kind::Tpr15Of22 => "tpr_15_of_22",
            Kind::CaseworkerVisit => "caseworker_visit",
            Kind::Fdi => "fdi",
            Kind::Activity => "activity",
            Kind::Hearing => "hearing",
            Kind::CourtReport => "court_report",
            Kind::ReunificationPeriodEnd => "reunification_period_end",
            Kind::TransitionPlan => "transition_plan",
            Kind::StageChange => "stage_change",
        }
    }

    /// The kind in words, for messages: "case plan", "caseworker visit".
    pub fn title(self) -> &'static str {
        match self {
            Kind::CasePlan => "case plan",
            Kind::RelativesNotice => "notice to relatives",
            Kind::DiligentSearch => "diligent search",
            Kind::PeriodicReview => "periodic review",
            Kind::PermanencyHearing => "permanency hearing",
            Kind::EffortsFindingRemoval => "court finding on efforts to prevent removal",
            Kind::EffortsFindingPermanency => "court finding on efforts to finalize the permanency plan",
            Kind::Tpr15Of22 => "TPR petition (15 of 22 months)",
            Kind::CaseworkerVisit => "caseworker visit",
            Kind::Fdi => "full disclosure interview",
            Kind::Activity => "activity",
            Kind::Hearing => "court hearing",
            Kind::CourtReport => "court report",
            Kind::ReunificationPeriodEnd => "end of the reunification period",
            Kind::TransitionPlan => "transition plan",
            Kind::StageChange => "next stage",
        }
    }

    pub fn from_word(word: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.word() == word)
    }

    /// Reminders and milestones that are listed but can never be overdue.
    pub fn is_informational(self) -> bool {
        matches!(self, Kind::Hearing | Kind::StageChange)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Overdue,
    DueSoon,
    Upcoming,
    Met,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Status::Overdue => "overdue",
            Status::DueSoon => "due_soon",
            Status::Upcoming => "upcoming",
            Status::Met => "met",
        }
    }

    /// POLICY.md: met by a qualifying event on or before the as-of date (a late one
    /// still meets it, and shows as met late); otherwise overdue after the due date,
    /// due soon within the warning window, else upcoming.
    pub fn of(due: NaiveDate, met_on: Option<NaiveDate>, as_of: NaiveDate, window: Span) -> Status {
        if met_on.is_some_and(|met| met <= as_of) {
            Status::Met
        } else if as_of > due {
            Status::Overdue
        } else if due <= window.after(as_of) {
            Status::DueSoon
        } else {
            Status::Upcoming
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// One deadline of one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub kind: Kind,
    pub due: NaiveDate,
    pub status: Status,
    pub met_on: Option<NaiveDate>,
    /// What meets it, in the file's words: `plan.case_plan`, `court: permanency hearing`.
    pub met_by: &'static str,
    /// How the due date was reached: `removed 2026-01-10 + 60d`.
    pub basis: String,
    /// The statute or policy behind it (from the profile's `sources`).
    pub source: std::sync::Arc<str>,
    /// What it is about, when a case has several of a kind: the activity, the parent, the month.
    pub label: Option<String>,
    /// Where in the file a finding about it points.
    pub path: String,
    /// Which cycle of its kind and label this is, 0 first, in due-date order: with the
    /// case, kind and label it names the deadline for calendars whatever its date.
    pub cycle: usize,
}

impl Deadline {
    /// Days from the as-of date to the due date (negative when past).
    pub fn days_left(&self, as_of: NaiveDate) -> i64 {
        (self.due - as_of).num_days()
    }

    /// Met, but by an event after the due date.
    pub fn met_late(&self) -> bool {
        self.met_on.is_some_and(|met| met > self.due)
    }
}
