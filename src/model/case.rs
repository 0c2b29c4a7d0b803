//! One child's case, as CASE-FORMAT.md describes it. Lists keep the order of the
//! file, so that item `i` of a list is at path `visits[i]` in the file's positions.

use chrono::NaiveDate;

use super::vocab::*;

/// A whole case file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Case {
    pub id: String,
    pub jurisdiction: Option<String>,
    pub worker: String,
    pub supervisor: Option<String>,
    pub child: Child,
    pub parents: Vec<Parent>,
    pub episodes: Vec<Episode>,
    pub placements: Vec<Placement>,
    pub plan: Option<Plan>,
    pub goals: Vec<Goal>,
    pub services: Vec<Service>,
    pub visits: Vec<Visit>,
    pub contacts: Vec<Contact>,
    pub disclosures: Vec<Disclosure>,
    pub search: Option<Search>,
    pub efforts: Vec<Effort>,
    pub court: Vec<Hearing>,
    pub reviews: Vec<Review>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Child {
    pub name: String,
    pub born: NaiveDate,
    pub siblings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Parent {
    pub id: String,
    pub name: String,
    pub relationship: Relationship,
    pub whereabouts: Whereabouts,
}

/// A `{from, to}` period that covers both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Episode {
    pub removed: NaiveDate,
    pub reason: Option<String>,
    pub court_finding: Option<NaiveDate>,
    pub disposition: Option<NaiveDate>,
    pub services_ordered: bool,
    pub bypass: Option<NaiveDate>,
    pub trial_home_visits: Vec<Period>,
    pub runaway: Vec<Period>,
    pub exited: Option<NaiveDate>,
    pub exit_reason: Option<ExitReason>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub setting: Setting,
    pub caregiver: Option<String>,
    pub permanency_willing: Option<Willing>,
    pub siblings_together: Option<bool>,
    pub siblings_apart_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    pub staffing: Option<NaiveDate>,
    pub prognosis: Option<Prognosis>,
    pub written_agreement: Option<WrittenAgreement>,
    pub case_plan: Option<NaiveDate>,
    pub primary: PrimaryTrack,
    pub reunification: Option<ReunificationPlan>,
    pub concurrent: Option<ConcurrentPlan>,
    pub tpr_exception: Option<TprException>,
    pub tpr_exception_note: Option<String>,
}

// Written by hand because `vocab!` declares the enum; reunification is the default track.
#[allow(clippy::derivable_impls)]
impl Default for PrimaryTrack {
    fn default() -> Self {
        PrimaryTrack::Reunification
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prognosis {
    pub favorable: Vec<String>,
    pub poor: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct WrittenAgreement {
    pub signed: Option<NaiveDate>,
    pub by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReunificationPlan {
    pub target: Option<NaiveDate>,
    pub conditions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ConcurrentPlan {
    pub goal: Option<ConcurrentGoal>,
    pub resource: Option<String>,
    pub checks: BackgroundChecks,
}

/// Background checks of the resource family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BackgroundChecks {
    pub registry: Option<NaiveDate>,
    pub fingerprints: Option<NaiveDate>,
    pub criminal: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub id: String,
    pub track: Track,
    pub term: Term,
    pub text: String,
    pub objectives: Vec<Objective>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Objective {
    pub id: String,
    pub text: String,
    pub measure: Option<String>,
    pub agreed: Option<NaiveDate>,
    pub met: Option<NaiveDate>,
    pub activities: Vec<Activity>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub id: Option<String>,
    pub text: String,
    pub who: Option<String>,
    pub place: Option<String>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    pub name: String,
    pub person: Option<String>,
    pub provider: Option<String>,
    pub referred: Option<NaiveDate>,
    pub started: Option<NaiveDate>,
    pub ended: Option<NaiveDate>,
    pub response: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    pub date: NaiveDate,
    pub with: String,
    pub level: VisitLevel,
    pub held: bool,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub date: NaiveDate,
    pub with: String,
    pub place: Option<ContactPlace>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Disclosure {
    pub date: NaiveDate,
    pub with: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Search {
    pub started: Option<NaiveDate>,
    pub completed: Option<NaiveDate>,
    pub relatives_notified: Option<NaiveDate>,
    pub found: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Effort {
    pub date: NaiveDate,
    pub text: String,
}

/// A court hearing, past or scheduled (a date after the as-of date).
#[derive(Debug, Clone, PartialEq)]
pub struct Hearing {
    pub date: NaiveDate,
    pub hearing: HearingKind,
    pub findings: Vec<CourtFinding>,
    pub orders: Vec<CourtOrder>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub date: NaiveDate,
    pub kind: ReviewKind,
    pub attendees: Vec<String>,
    pub notes: Option<String>,
}
