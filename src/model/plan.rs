//! The plan part of a case: the concurrent plan and the goals, objectives and
//! activities (docs/case-format.md, `plan` and `goals`). Doc comments are what an editor
//! shows for each key (`cplan schema`).

use chrono::NaiveDate;
use schemars::JsonSchema;

use super::PersonRef;
use super::schema::Id;
use super::vocab::*;

/// The concurrent plan.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Plan {
    /// Date of the concurrent planning staffing. In Kansas the case plan is due 30 days after it, and never later than 60 days after removal.
    pub staffing: Option<NaiveDate>,
    /// Early reunification prognosis indicators; expected once a staffing is held (CP308).
    pub prognosis: Option<Prognosis>,
    /// The written agreement between the agency and the parents; required once the case plan is due (CP301).
    pub written_agreement: Option<WrittenAgreement>,
    /// Date the case plan was completed: due 60 days after removal (California: by disposition if earlier; Kansas: 30 days after the staffing if that is sooner).
    pub case_plan: Option<NaiveDate>,
    /// Which track is primary now. Default: reunification. Change it to concurrent when the court finds reunification not viable (CP108).
    #[schemars(default)]
    pub primary: PrimaryTrack,
    /// The reunification track: target date and conditions for a safe return home.
    pub reunification: Option<ReunificationPlan>,
    /// The alternative permanency track; its goal is required once the case plan is due (CP102).
    pub concurrent: Option<ConcurrentPlan>,
    /// A documented exception to filing for termination of parental rights at 15 of 22 months.
    pub tpr_exception: Option<TprException>,
    /// The reason for the TPR exception, written out.
    pub tpr_exception_note: Option<String>,
    /// Date the youth, 14 or older, was consulted on the case plan, with the offer to choose up to two members of the case planning team (42 USC 675(1)(B), 675a(b)). Expected once the case plan is due (CP312).
    pub youth_consulted: Option<NaiveDate>,
    /// Date of the youth's personal transition plan, made with the youth in the 90 days before the 18th birthday (42 USC 675(5)(H)). Required while the youth is in care in those 90 days (CP410).
    pub transition_plan: Option<NaiveDate>,
}

// Written by hand because `vocab!` declares the enum; reunification is the default track.
#[allow(clippy::derivable_impls)]
impl Default for PrimaryTrack {
    fn default() -> Self {
        PrimaryTrack::Reunification
    }
}

/// Early prognosis indicators.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Prognosis {
    /// Signs that reunification is likely, for example "Mother asks for help".
    #[schemars(default)]
    pub favorable: Vec<String>,
    /// Signs that it is not, for example "Two earlier removals".
    #[schemars(default)]
    pub poor: Vec<String>,
}

/// The written agreement between the agency and the parents.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct WrittenAgreement {
    /// Date it was signed.
    pub signed: Option<NaiveDate>,
    /// Who signed: every parent whose whereabouts are known (by id), and agency. For example [mother, father, agency].
    #[schemars(default, with = "Vec<Id>")]
    pub by: Vec<PersonRef>,
}

/// The reunification track.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ReunificationPlan {
    /// Target date for the child's return home.
    pub target: Option<NaiveDate>,
    /// What must be true for a safe return home.
    #[schemars(default)]
    pub conditions: Vec<String>,
}

/// The alternative permanency track.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ConcurrentPlan {
    /// The alternative permanency goal.
    pub goal: Option<ConcurrentGoal>,
    /// The identified permanent family, for example Lee family. Leave it empty while searching; expected by the end of stage 1 (CP110).
    pub resource: Option<String>,
    /// Background checks of the resource family. All three are required when the goal is adoption and a resource is named (Kansas: guardianship too) (CP107).
    #[schemars(default)]
    pub checks: BackgroundChecks,
    /// Steps taken to find an adoptive or other permanent family while none is identified, including child-specific recruitment (42 USC 675(1)(E)): one entry per step, at least every 90 days for adoption or guardianship (CP314).
    #[schemars(default)]
    pub recruitment: Vec<RecruitmentStep>,
}

/// One step taken to find a permanent family for the child.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RecruitmentStep {
    /// Date of the step; not after today.
    pub date: NaiveDate,
    /// What was done, for example "Profile featured on the state adoption exchange" or "Relative search letters sent to 6 paternal relatives".
    pub text: String,
}

/// Background checks of the resource family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BackgroundChecks {
    /// Date of the child abuse registry check (Kansas: DCF Central Registry).
    pub registry: Option<NaiveDate>,
    /// Date of the fingerprint check.
    pub fingerprints: Option<NaiveDate>,
    /// Date of the state criminal records check (Kansas: KBI).
    pub criminal: Option<NaiveDate>,
}

/// A goal: the overall outcome, with its objectives.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Goal {
    /// Short text, unique in the file, for example G1.
    #[schemars(with = "Id", pattern(r"\S"))]
    pub id: String,
    /// Which track the goal serves. The concurrent track must be worked on: a goal on concurrent or both with an activity that has started (CP104).
    pub track: Track,
    /// Short-term or long-term goal.
    pub term: Term,
    /// The goal in plain words, for example "Jordan lives safely at home with his mother."
    #[schemars(pattern(r"\S"))]
    pub text: String,
    /// The objectives under this goal; every goal needs at least one (CP302).
    #[schemars(default)]
    pub objectives: Vec<Objective>,
}

/// An objective: a specific, observable outcome.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Objective {
    /// Short text, for example G1.1.
    #[schemars(with = "Id", pattern(r"\S"))]
    pub id: String,
    /// The objective in behavioural terms, for example "Dana stays sober."
    #[schemars(pattern(r"\S"))]
    pub text: String,
    /// How anyone can tell it is met, for example "12 consecutive weekly negative tests" (CP303).
    pub measure: Option<String>,
    /// Date it was agreed with the family (CP303).
    pub agreed: Option<NaiveDate>,
    /// Date it was met.
    pub met: Option<NaiveDate>,
    /// The steps toward it.
    #[schemars(default)]
    pub activities: Vec<Activity>,
}

/// An activity: one task, with someone responsible, a place and a time frame.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Activity {
    /// Short text, for example A1. Names the activity in reports.
    #[schemars(with = "Option<Id>")]
    pub id: Option<String>,
    /// What is to be done.
    #[schemars(pattern(r"\S"))]
    pub text: String,
    /// Who is responsible: a parent id, one of child, worker, supervisor, caregiver, agency, or a provider's name (CP304).
    #[schemars(with = "Option<Id>")]
    pub who: Option<PersonRef>,
    /// Where it happens (CP304).
    #[schemars(rename = "where")]
    pub place: Option<String>,
    /// When it starts (CP304).
    pub start: Option<NaiveDate>,
    /// When it should be finished; may be in the future. Three to six months is the usual span (CP305).
    pub due: Option<NaiveDate>,
    /// When it was finished. Past `due` with no `done` is overdue (CP405).
    pub done: Option<NaiveDate>,
}
