//! Section 2 of the agenda: where the case stands on the as-of date.

use serde::{Deserialize, Serialize};

use super::stages::{expectations, months};
use crate::model::{Case, Placement, PrimaryTrack, Setting, Vocab, Willing};
use crate::people::People;
use crate::policy::care::{Stage, month_of_care, next_stage_boundary, stage_of, stage_start};
use crate::policy::{CaseFacts, Profile};
use crate::summary::CaseSummary;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Snapshot {
    pub open: bool,
    /// Removal date of the current episode.
    pub removed: String,
    /// The date the child is considered to have entered foster care (EFC).
    pub entered_care: String,
    pub exited: Option<String>,
    pub exit_reason: Option<String>,
    /// Whole months since removal (to the exit, for a closed case).
    pub months_in_care: u32,
    pub month_of_care: u32,
    pub days_in_care: i64,
    pub stage: StageView,
    pub placement: Option<PlacementView>,
    pub primary: PrimaryTrack,
    pub reunification_target: Option<String>,
    pub concurrent_goal: Option<String>,
    pub resource: Option<ResourceView>,
    pub parents: Vec<ParentView>,
    pub siblings: SiblingsView,
}

/// The stage of the three-stage model and what it expects (seed 002).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StageView {
    /// "1", "2", "3" or "past 3".
    #[serde(
        serialize_with = "crate::report::as_word::stage",
        deserialize_with = "crate::report::as_word::stage_read"
    )]
    pub stage: Stage,
    pub name: String,
    /// "months 9–15".
    pub months: String,
    pub since: String,
    pub next: Option<NextStage>,
    pub parent: Vec<String>,
    pub worker: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NextStage {
    #[serde(
        serialize_with = "crate::report::as_word::stage",
        deserialize_with = "crate::report::as_word::stage_read"
    )]
    pub stage: Stage,
    pub name: String,
    pub from: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PlacementView {
    #[serde(
        serialize_with = "crate::report::as_word::spaced",
        deserialize_with = "crate::report::as_word::unspaced"
    )]
    pub setting: Setting,
    pub caregiver: Option<String>,
    pub since: String,
    /// Is the caregiver willing to be the child's permanent home: yes, no, undecided.
    pub permanency_willing: Option<Willing>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ResourceView {
    pub name: String,
    /// The resource family is the child's current caregiver.
    pub is_caregiver: bool,
    /// The caregiver's `permanency_willing` when the resource is the caregiver.
    pub permanency_willing: Option<Willing>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ParentView {
    pub id: String,
    pub name: String,
    pub relationship: String,
    pub whereabouts: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SiblingsView {
    /// Case ids of brothers and sisters in care.
    pub cases: Vec<String>,
    pub together: Option<bool>,
    pub apart_reason: Option<String>,
    /// The latest sibling visit held in this episode, when the siblings are placed apart.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_visit: Option<String>,
}

pub fn build(
    case: &Case,
    facts: &CaseFacts<'_>,
    profile: &Profile,
    summary: &CaseSummary,
    names: &People,
) -> Snapshot {
    let episode = facts.episode;
    let end = episode
        .exited
        .filter(|e| *e <= facts.as_of)
        .unwrap_or(facts.as_of);
    let month = month_of_care(episode.removed, end);
    let plan = case.plan.as_ref();
    let placement = case.current_placement().map(|(_, p)| p);
    Snapshot {
        open: facts.open,
        removed: episode.removed.to_string(),
        entered_care: facts.efc.to_string(),
        exited: episode.exited.map(|d| d.to_string()),
        exit_reason: episode.exit_reason.map(|r| r.word().to_owned()),
        months_in_care: month.saturating_sub(1),
        month_of_care: month,
        days_in_care: summary.days_in_care,
        stage: stage_view(facts, profile, stage_of(month, profile.stages)),
        placement: placement.map(|p| placement_view(p, names)),
        primary: summary.primary,
        reunification_target: plan
            .and_then(|p| p.reunification.as_ref())
            .and_then(|r| r.target)
            .map(|d| d.to_string()),
        concurrent_goal: summary.concurrent_goal.map(|g| g.word().to_owned()),
        resource: resource_view(case, placement, names),
        parents: case
            .parents
            .iter()
            .map(|p| ParentView {
                id: p.id.clone(),
                name: names.name(&p.name),
                relationship: p.relationship.word().replace('_', " "),
                whereabouts: p.whereabouts.word().to_owned(),
            })
            .collect(),
        siblings: SiblingsView {
            cases: case.child.siblings.clone(),
            together: placement.and_then(|p| p.siblings_together),
            apart_reason: placement
                .and_then(|p| p.siblings_apart_reason.as_deref())
                .map(|r| names.text(r)),
            last_visit: (placement.and_then(|p| p.siblings_together) == Some(false))
                .then(|| case.last_sibling_visit(episode.removed, facts.as_of))
                .flatten()
                .map(|d| d.to_string()),
        },
    }
}

fn stage_view(facts: &CaseFacts<'_>, profile: &Profile, stage: Stage) -> StageView {
    let removed = facts.episode.removed;
    let said = expectations(stage);
    let lines = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect();
    let next = next_stage_boundary(removed, facts.as_of, profile.stages)
        .filter(|_| facts.open)
        .map(|(next, from)| NextStage {
            stage: next,
            name: next.name().to_owned(),
            from: from.to_string(),
        });
    StageView {
        stage,
        name: stage.name().to_owned(),
        months: months(stage, profile.stages),
        since: stage_start(removed, stage, profile.stages).to_string(),
        next,
        parent: lines(said.parent),
        worker: lines(said.worker),
    }
}

fn placement_view(p: &Placement, names: &People) -> PlacementView {
    PlacementView {
        setting: p.setting,
        caregiver: named(p.caregiver.as_deref()).map(|c| names.name(c)),
        since: p.from.to_string(),
        permanency_willing: p.permanency_willing,
    }
}

fn resource_view(case: &Case, placement: Option<&Placement>, names: &People) -> Option<ResourceView> {
    let resource = named(case.plan.as_ref()?.concurrent.as_ref()?.resource.as_deref())?;
    let caregiver =
        placement.filter(|p| named(p.caregiver.as_deref()).is_some_and(|c| same_family(c, resource)));
    Some(ResourceView {
        name: names.name(resource),
        is_caregiver: caregiver.is_some(),
        permanency_willing: caregiver.and_then(|p| p.permanency_willing),
    })
}

/// A name that is there: not missing, not blank.
pub fn named(name: Option<&str>) -> Option<&str> {
    name.map(str::trim).filter(|n| !n.is_empty())
}

/// "Ortega family" and "Ortega family (long-term foster home)" are the same family:
/// names are compared without what follows a bracket or a semicolon, ignoring case.
pub fn same_family(a: &str, b: &str) -> bool {
    let core = |s: &str| {
        s.split(['(', ';'])
            .next()
            .unwrap_or_default()
            .trim()
            .to_lowercase()
    };
    let (a, b) = (core(a), core(b));
    !a.is_empty() && a == b
}

#[cfg(test)]
mod tests {
    use super::same_family;

    #[test]
    fn a_family_is_the_same_with_or_without_a_note() {
        assert!(same_family(
            "Ortega family",
            "Ortega family (long-term foster home; to 21)"
        ));
        assert!(same_family("nakamura family", "Nakamura family"));
        assert!(!same_family("Abara family", "Sato family"));
        assert!(!same_family("", " (aunt)"));
    }
}
