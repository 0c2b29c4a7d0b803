//! A deadline of a case: what is due, when, whether it is met, and why that date.

use std::fmt;

use chrono::NaiveDate;

use super::arith::Span;
use super::care::Stage;
use super::formula::{Anchor, Sign};
use crate::model::{HearingKind, Vocab};

/// The deadline kinds of the README, in the words the JSON and the profiles use.
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

    /// docs/deadlines.md: met by a qualifying event on or before the as-of date (a late one
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
    /// How the due date was reached, as data; `report::words` says it in words.
    pub basis: Basis,
    /// The statute or policy behind it (from the profile's `sources`).
    pub source: std::sync::Arc<str>,
    /// What it is about, when a case has several of a kind: the activity, the parent, the month.
    pub about: Option<About>,
    /// Where in the file a finding about it points.
    pub path: String,
    /// Which cycle of its kind and label this is, 0 first, in due-date order: with the
    /// case, kind and label it names the deadline for calendars whatever its date.
    pub cycle: usize,
}

/// What a deadline is about, when a case has several of its kind.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum About {
    /// A month in care (its first day): monthly caseworker visits.
    Month(NaiveDate),
    /// An activity of the plan: its id, or its text when it has none.
    Activity(String),
    /// A parent, by id: full disclosure interviews.
    Parent(String),
    /// A court hearing of this kind.
    Hearing(HearingKind),
    /// The stage a stage boundary begins.
    Stage(Stage),
}

impl About {
    /// The deadline's identity among those of its kind, the same whatever its date: it
    /// names a calendar event (its UID), so it never changes for a deadline.
    pub fn key(&self) -> String {
        match self {
            About::Month(first) => first.format("%B %Y").to_string(),
            About::Activity(text) | About::Parent(text) => text.clone(),
            About::Hearing(kind) => kind.word().to_owned(),
            About::Stage(stage) => stage.label().to_owned(),
        }
    }
}

/// How a due date was reached: the dates and settings it was counted from. Data, not
/// words: `report::words::why` says it to a reader, rule messages and every report alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Basis {
    /// A profile formula's deciding term: `offset` from `anchor`, which fell on `date`.
    Term {
        anchor: Anchor,
        date: NaiveDate,
        offset: Option<(Sign, Span)>,
    },
    /// A formula none of whose dates is in the file, as the profile writes it.
    Formula(String),
    /// A recurring deadline brought forward by `term` (a bypass, a finding), sooner
    /// than `every` after the latest event on `previous`.
    Sooner {
        term: Box<Basis>,
        every: Span,
        previous: NaiveDate,
    },
    /// A recurring deadline: `every` after the latest event of its kind on `previous`.
    Restart { previous: NaiveDate, every: Span },
    /// The first day with `days` days in care (15 months' worth) in the 22 months
    /// ending that day, counted from the first removal's entry into foster care.
    FifteenOf22 { first_entry: NaiveDate, days: i64 },
    /// The last day of a full calendar month in care.
    MonthInCare { month: NaiveDate },
    /// The due date the plan gives an activity.
    ActivityDue,
    /// A hearing the court has scheduled.
    Scheduled { hearing: HearingKind },
    /// `days` before a scheduled hearing.
    BeforeHearing {
        hearing: HearingKind,
        date: NaiveDate,
        days: u32,
    },
    /// The reunification period, counted by `term`; shorter for a child under 3.
    ReunificationPeriod { term: Box<Basis>, under_3: bool },
    /// The day before the birthday of `age`, made from `from` (`window` before it).
    BeforeBirthday {
        age: u32,
        birthday: NaiveDate,
        from: NaiveDate,
        window: Span,
    },
    /// The first day of month `month` after the removal on `removed`.
    StageStart { removed: NaiveDate, month: u32 },
    /// The last day of stage 1.
    EndOfStage1,
}

impl Basis {
    /// The dates of the file the due date was counted from (an editor shows, on a
    /// date, the deadlines it sets).
    pub fn dates(&self) -> Vec<NaiveDate> {
        match self {
            Basis::Term { date, .. } | Basis::BeforeHearing { date, .. } => vec![*date],
            Basis::Sooner { term, previous, .. } => {
                let mut dates = term.dates();
                dates.push(*previous);
                dates
            }
            Basis::Restart { previous, .. } => vec![*previous],
            Basis::FifteenOf22 { first_entry, .. } => vec![*first_entry],
            Basis::ReunificationPeriod { term, .. } => term.dates(),
            Basis::BeforeBirthday { from, .. } => vec![*from],
            Basis::StageStart { removed, .. } => vec![*removed],
            Basis::Formula(_)
            | Basis::MonthInCare { .. }
            | Basis::ActivityDue
            | Basis::Scheduled { .. }
            | Basis::EndOfStage1 => Vec::new(),
        }
    }
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
