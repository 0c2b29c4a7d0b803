//! One child's case, as docs/case-format.md describes it. Lists keep the order of the
//! file, so that item `i` of a list is at path `visits[i]` in the file's positions.
//!
//! The doc comments of the fields are written for caseworkers: `cplan schema` turns
//! them into the descriptions an editor shows while a case file is typed.

use chrono::NaiveDate;
use schemars::JsonSchema;

use super::schema::{Flag, Id, WillingOrFlag, default_true};
use super::vocab::*;
use super::{Goal, PersonRef, Plan};

/// One child's case file for cplan (case format version 1). Every field is described in docs/case-format.md.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Case {
    /// The case id, for example 2026-0142. It must be unique in the folder (CP005).
    #[schemars(rename = "case", with = "Id", pattern(r"\S"))]
    pub id: String,
    /// Which rules and deadlines apply: federal, california, kansas, or a profile defined in the folder's cplan.yaml. Default: the one cplan.yaml names, otherwise federal.
    #[schemars(extend("examples" = ["federal", "california", "kansas"]))]
    pub jurisdiction: Option<String>,
    /// The assigned caseworker, for example R. Alvarez.
    #[schemars(pattern(r"\S"))]
    pub worker: String,
    /// The worker's supervisor.
    pub supervisor: Option<String>,
    /// The child: name, date of birth, siblings in care.
    pub child: Child,
    /// The parents and legal guardians, one entry each. Other fields name them by their `id`.
    #[schemars(default)]
    pub parents: Vec<Parent>,
    /// Each removal from home (time in out-of-home care), at least one. A child who comes back into care gets a second entry in the same file.
    #[schemars(length(min = 1))]
    pub episodes: Vec<Episode>,
    /// Where the child has lived since removal, one entry per place. When the child moves, close the old entry with `to:` and add a new one.
    #[schemars(default)]
    pub placements: Vec<Placement>,
    /// The concurrent plan: the reunification track, the alternative permanency track, and the documents behind them. Its absence is reported by the rules.
    pub plan: Option<Plan>,
    /// Goals, each with objectives and activities. The plan needs a short-term and a long-term goal (CP302).
    #[schemars(default)]
    pub goals: Vec<Goal>,
    /// Services referred or provided, with the family's response.
    #[schemars(default)]
    pub services: Vec<Service>,
    /// The parent–child visit log: one entry per visit and parent, missed visits too (`held: false`).
    #[schemars(default)]
    pub visits: Vec<Visit>,
    /// Visits and other contact between the child and brothers and sisters placed apart, one entry per visit (42 USC 671(a)(31)(B); CP207).
    #[schemars(default)]
    pub sibling_visits: Vec<SiblingVisit>,
    /// The caseworker's own contacts with the child, the parents and the caregiver. Every full month in care needs one `with: child` (CP204).
    #[schemars(default)]
    pub contacts: Vec<Contact>,
    /// Full disclosure interviews (FDI) with the parents.
    #[schemars(default)]
    pub disclosures: Vec<Disclosure>,
    /// The diligent search for absent parents and relatives (one section, not a list).
    pub search: Option<Search>,
    /// Reasonable efforts toward reunification: an entry at least every 90 days while services are ordered (CP307).
    #[schemars(default)]
    pub efforts: Vec<Effort>,
    /// Court hearings, past and scheduled (a future date is a scheduled hearing).
    #[schemars(default)]
    pub court: Vec<Hearing>,
    /// Staffings, case reviews, administrative reviews and team meetings.
    #[schemars(default)]
    pub reviews: Vec<Review>,
    /// Anything else, as free text. No rule reads it.
    pub notes: Option<String>,
}

/// The child.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Child {
    /// The child's name.
    #[schemars(pattern(r"\S"))]
    pub name: String,
    /// Date of birth, YYYY-MM-DD. Children under 3 need more visits; APPLA is only for youth 16 and over.
    pub born: NaiveDate,
    /// Case ids of brothers and sisters whose cases are in care too, for example [2026-0143]. Each should have its own file in the folder.
    #[schemars(default, with = "Vec<Id>")]
    pub siblings: Vec<String>,
}

/// A parent or legal guardian.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Parent {
    /// A short word, unique in the file, for example mother, father, father2. The rest of the file refers to the parent by it (`with: mother`).
    #[schemars(with = "Id", pattern(r"\S"))]
    pub id: String,
    /// The parent's name, or Unknown.
    #[schemars(pattern(r"\S"))]
    pub name: String,
    /// The parent's relationship to the child.
    pub relationship: Relationship,
    /// Whether the parent can be found. Default: known.
    #[schemars(default)]
    pub whereabouts: Whereabouts,
}

// Written by hand because `vocab!` declares the enum; a parent's whereabouts are known
// unless the file says otherwise (docs/case-format.md).
#[allow(clippy::derivable_impls)]
impl Default for Whereabouts {
    fn default() -> Self {
        Whereabouts::Known
    }
}

/// A `{from, to}` period that covers both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Period {
    /// First day, YYYY-MM-DD.
    pub from: NaiveDate,
    /// Last day, YYYY-MM-DD (included).
    pub to: NaiveDate,
}

/// A trial home visit: the child back home on trial while still in care, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TrialHomeVisit {
    /// First day at home, YYYY-MM-DD.
    pub from: NaiveDate,
    /// Last day (included): the day before the child came back into care, or the planned end.
    pub to: NaiveDate,
    /// Date of the court order that allows the visit to last longer than 6 months. Without one, a visit past 6 months makes the child's return to care a new entry into foster care (45 CFR 1356.21(e); CP408).
    pub extended_by_court: Option<NaiveDate>,
}

impl TrialHomeVisit {
    /// The days of the visit, as a period.
    pub fn period(&self) -> Period {
        Period {
            from: self.from,
            to: self.to,
        }
    }
}

impl From<Period> for TrialHomeVisit {
    fn from(p: Period) -> TrialHomeVisit {
        TrialHomeVisit {
            from: p.from,
            to: p.to,
            extended_by_court: None,
        }
    }
}

/// A removal episode: one stay in out-of-home care, from removal until discharge.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
// `exit_reason` is required as soon as `exited` has a value (the loader's CP003).
#[schemars(extend(
    "if" = { "required": ["exited"], "properties": { "exited": { "type": "string" } } },
    "then" = { "required": ["exit_reason"], "properties": { "exit_reason": { "type": "string" } } }
))]
pub struct Episode {
    /// Date the child was removed from home, YYYY-MM-DD. Month 1 of care starts here.
    pub removed: NaiveDate,
    /// Why the child was removed, in a few words.
    pub reason: Option<String>,
    /// The court's first finding of abuse or neglect (jurisdiction). The child entered foster care (EFC) on the earlier of this date and removal + 60 days.
    pub court_finding: Option<NaiveDate>,
    /// The disposition hearing. In California the case plan and the concurrent goal are due by this date.
    pub disposition: Option<NaiveDate>,
    /// Whether the court ordered reunification services for this episode. Default: true. With false, the rules that expect services and efforts do not apply.
    #[schemars(default = "default_true", with = "Flag")]
    pub services_ordered: bool,
    /// The court found that reasonable efforts to reunify are not required (aggravated circumstances). A permanency hearing is then due within 30 days.
    pub bypass: Option<NaiveDate>,
    /// Trial home visits, as `{from, to}`, with `extended_by_court` when the court allowed one longer than 6 months. These days do not count toward 15 of 22 months.
    #[schemars(default)]
    pub trial_home_visits: Vec<TrialHomeVisit>,
    /// Periods when the child had run away, as `{from, to}`. These days do not count toward 15 of 22 months.
    #[schemars(default)]
    pub runaway: Vec<Period>,
    /// Date the child left care (discharge). Once it has passed, the case is closed and only its format is checked. Needs `exit_reason`.
    pub exited: Option<NaiveDate>,
    /// How the episode ended; required when `exited` is set.
    pub exit_reason: Option<ExitReason>,
}

/// A place the child has lived since removal.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Placement {
    /// First day in this placement, YYYY-MM-DD.
    pub from: NaiveDate,
    /// Last day, or the day of the move. Leave it out for the current placement.
    pub to: Option<NaiveDate>,
    /// The kind of placement.
    pub setting: Setting,
    /// Who the child lives with, for example Lee family. Siblings placed together should have the caregiver written the same way in each file.
    pub caregiver: Option<String>,
    /// Is this caregiver willing to be the child's permanent home if the child cannot go home? "yes", "no" or undecided; put yes and no in quotes. Expected for the current placement (CP105).
    #[schemars(with = "Option<WillingOrFlag>")]
    pub permanency_willing: Option<Willing>,
    /// Are all the child's siblings in care placed here together? true or false.
    #[schemars(with = "Option<Flag>")]
    pub siblings_together: Option<bool>,
    /// Why the siblings are not placed together; expected with `siblings_together: false` (CP106).
    pub siblings_apart_reason: Option<String>,
}

/// A service referred or provided.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Service {
    /// The service, for example "Outpatient substance use treatment".
    #[schemars(pattern(r"\S"))]
    pub name: String,
    /// Who receives the service: a parent id, or one of child, caregiver, …
    #[schemars(rename = "for", with = "Option<Id>")]
    pub person: Option<PersonRef>,
    /// Who provides it.
    pub provider: Option<String>,
    /// Date of referral.
    pub referred: Option<NaiveDate>,
    /// Date the service started.
    pub started: Option<NaiveDate>,
    /// Date it ended.
    pub ended: Option<NaiveDate>,
    /// The family's response: attendance, progress, problems. Expected 30 days after `started` (CP306).
    pub response: Option<String>,
}

/// A parent–child visit.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Visit {
    /// Date of the visit; not after today.
    pub date: NaiveDate,
    /// The parent who visited: a parent id. (The worker's visits go in `contacts`.)
    #[schemars(with = "Id", pattern(r"\S"))]
    pub with: PersonRef,
    /// The level of the visit. Visits are expected to become unsupervised, overnight and extended over time (CP203).
    pub level: VisitLevel,
    /// false if the visit was missed or cancelled. Default: true.
    #[schemars(default = "default_true", with = "Flag")]
    pub held: bool,
    /// A short note.
    pub note: Option<String>,
}

/// A visit between the child and a brother or sister placed elsewhere.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SiblingVisit {
    /// Date of the visit; not after today.
    pub date: NaiveDate,
    /// The sibling: a case id from `child.siblings`, for example 2026-0215.
    #[schemars(with = "Id")]
    pub with: String,
    /// false if the visit was missed or cancelled. Default: true.
    #[schemars(default = "default_true", with = "Flag")]
    pub held: bool,
    /// A short note: where, how it went, or why it did not happen.
    pub note: Option<String>,
}

/// A caseworker contact.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Contact {
    /// Date of the contact; not after today.
    pub date: NaiveDate,
    /// Who the worker saw: child, a parent id, or caregiver.
    #[schemars(with = "Id", pattern(r"\S"))]
    pub with: PersonRef,
    /// Where: placement is the child's residence, home the parent's home. Most contacts with the child each year should be at the placement (42 USC 624(e)(2)(A); CP208).
    #[schemars(rename = "where")]
    pub place: Option<ContactPlace>,
}

/// A full disclosure interview (FDI) with a parent.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Disclosure {
    /// Date of the interview; not after today.
    pub date: NaiveDate,
    /// The parent interviewed: a parent id.
    #[schemars(with = "Id", pattern(r"\S"))]
    pub with: PersonRef,
    /// What was covered.
    pub note: Option<String>,
}

/// The diligent search for absent parents and relatives.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Search {
    /// Date the search started; due within 30 days of removal when a parent's whereabouts are unknown (CP309).
    pub started: Option<NaiveDate>,
    /// Date the search was completed.
    pub completed: Option<NaiveDate>,
    /// Date the relatives were notified that the child is in care; due within 30 days of removal (CP309).
    pub relatives_notified: Option<NaiveDate>,
    /// Who was found, and the outcome, for example "Maria Ruiz, maternal aunt (declined placement)".
    #[schemars(default)]
    pub found: Vec<String>,
}

/// A reasonable effort toward reunification.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Effort {
    /// Date of the effort; not after today.
    pub date: NaiveDate,
    /// What the agency did.
    #[schemars(pattern(r"\S"))]
    pub text: String,
}

/// A court hearing, past or scheduled (a date after the as-of date).
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Hearing {
    /// Date of the hearing; a future date is a scheduled hearing.
    pub date: NaiveDate,
    /// The kind of hearing.
    pub hearing: HearingKind,
    /// What the court found, as a list even with one item: [reasonable_efforts].
    #[schemars(default)]
    pub findings: Vec<CourtFinding>,
    /// What the court ordered, as a list even with one item: [reunification_services].
    #[schemars(default)]
    pub orders: Vec<CourtOrder>,
    /// Date the court report for this hearing was filed. A review or permanency hearing needs it 10 days before (California: CRC 5.708, WIC 366.21(c)); unfiled after that it is overdue (CP409).
    pub report_filed: Option<NaiveDate>,
    /// A short note.
    pub note: Option<String>,
}

/// A collaborative review held by the agency.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Review {
    /// Date of the meeting; not after today.
    pub date: NaiveDate,
    /// The kind of meeting.
    pub kind: ReviewKind,
    /// Who took part, for example [worker, supervisor, mother, caregiver].
    #[schemars(default, with = "Vec<Id>")]
    pub attendees: Vec<PersonRef>,
    /// What was decided.
    pub notes: Option<String>,
}
