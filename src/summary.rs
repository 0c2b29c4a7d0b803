//! The few facts of a case that reports show, kept after the case itself is dropped,
//! so a report over a whole state's caseload holds rows, not parsed files.

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::finding::{Finding, Severity};
use crate::model::{Case, ConcurrentGoal, PrimaryTrack, Setting, Willing};
use crate::people::People;
use crate::policy::care::Stage;
use crate::policy::deadline::{Deadline, Kind, Status};
use crate::policy::{CaseFacts, Profile};

/// One case as the reports see it.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseSummary {
    pub id: String,
    pub file: Arc<Path>,
    pub child: String,
    pub born: NaiveDate,
    pub age: u32,
    pub worker: String,
    pub supervisor: Option<String>,
    /// The profile the case was checked with.
    pub profile: Arc<str>,
    pub removed: NaiveDate,
    /// Days since the current removal (to the exit, for a closed case).
    pub days_in_care: i64,
    pub month: u32,
    pub stage: Stage,
    pub open: bool,
    pub primary: PrimaryTrack,
    pub concurrent_goal: Option<ConcurrentGoal>,
    pub resource: Option<String>,
    pub setting: Option<Setting>,
    pub caregiver: Option<String>,
    pub permanency_willing: Option<Willing>,
    /// Placement changes after the first placement of the current episode.
    pub placement_moves: usize,
    /// The deadlines the run kept (see `check::Keep`): all, or a part of them.
    pub deadlines: Vec<Deadline>,
    /// The first deadline still to be met, overdue first (kept whatever `Keep` drops).
    pub next: Option<NextDue>,
    /// When 15 of the last 22 months in care is (or was) reached with neither a
    /// petition nor a documented exception (kept whatever `Keep` drops, for `stats`).
    pub fifteen_22_unmet: Option<NaiveDate>,
    /// How many deadlines are overdue (counted before any are dropped).
    pub overdue: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// How the case's people are shown (`--redact`): the words of their names, kept
    /// only when redacting, for the free text a report row prints (an activity's text).
    pub people: People,
}

impl CaseSummary {
    pub fn new(
        case: &Case,
        file: &Arc<Path>,
        facts: &CaseFacts<'_>,
        profile: &Profile,
        deadlines: Vec<Deadline>,
    ) -> Self {
        let episode = facts.episode;
        let end = episode
            .exited
            .filter(|e| *e <= facts.as_of)
            .unwrap_or(facts.as_of);
        let placement = case.current_placement().map(|(_, p)| p);
        CaseSummary {
            id: case.id.clone(),
            file: Arc::clone(file),
            child: case.child.name.clone(),
            born: case.child.born,
            age: case.age_on(facts.as_of),
            worker: case.worker.clone(),
            supervisor: case.supervisor.clone(),
            profile: profile.name.clone(),
            removed: episode.removed,
            days_in_care: (end - episode.removed).num_days().max(0),
            month: facts.month,
            stage: facts.stage,
            open: facts.open,
            primary: case.plan.as_ref().map(|p| p.primary).unwrap_or_default(),
            concurrent_goal: case
                .plan
                .as_ref()
                .and_then(|p| p.concurrent.as_ref())
                .and_then(|c| c.goal),
            resource: case
                .plan
                .as_ref()
                .and_then(|p| p.concurrent.as_ref())
                .and_then(|c| c.resource.clone()),
            setting: placement.map(|p| p.setting),
            caregiver: placement.and_then(|p| p.caregiver.clone()),
            permanency_willing: placement.and_then(|p| p.permanency_willing),
            placement_moves: moves_in_episode(case, episode.removed, end),
            next: next_deadline(&deadlines).map(NextDue::of),
            fifteen_22_unmet: deadlines
                .iter()
                .find(|d| d.kind == Kind::Tpr15Of22 && d.status != Status::Met)
                .map(|d| d.due),
            overdue: deadlines.iter().filter(|d| d.status == Status::Overdue).count(),
            deadlines,
            errors: 0,
            warnings: 0,
            infos: 0,
            people: People::default(),
        }
    }

    /// The first deadline still to be met: overdue first, then the soonest.
    pub fn next_deadline(&self) -> Option<&NextDue> {
        self.next.as_ref()
    }

    pub fn overdue(&self) -> usize {
        self.overdue
    }

    /// Keeps only the deadlines a report shows: most of the memory a case row takes
    /// (every met monthly visit and past review) need not outlive the check.
    pub fn keep_deadlines(&mut self, keep: impl Fn(&Deadline) -> bool) {
        self.deadlines.retain(|d| keep(d));
        self.deadlines.shrink_to_fit();
    }

    /// Drops the words a list of deadlines does not show (the supervisor, the plan's
    /// resource, the caregiver, the next deadline's label): a run that lists deadlines
    /// (`CheckOptions::listing`) keeps 100,000 rows for a state, and these are a third
    /// of each. What the list, its filters and `--strict` read stays.
    pub fn keep_what_a_list_shows(&mut self) {
        self.supervisor = None;
        self.resource = None;
        self.caregiver = None;
        self.next = None;
    }

    /// Counts the findings of this case's own file (the loader's and the case rules').
    pub fn count_findings(&mut self, findings: &[Finding]) {
        for f in findings {
            self.add_finding(f.severity);
        }
    }

    pub fn add_finding(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }
}

/// What a case row shows of its next deadline: a few bytes, where the whole deadline
/// (basis, source, path) would be most of the row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextDue {
    pub kind: Kind,
    pub due: NaiveDate,
    pub status: Status,
    /// Its name in words ("full disclosure interview (mother)"), as every report says it.
    pub label: String,
}

impl NextDue {
    fn of(d: &Deadline) -> NextDue {
        NextDue {
            kind: d.kind,
            due: d.due,
            status: d.status,
            label: crate::policy::words::what(d),
        }
    }
}

/// The first deadline still to be met: overdue first, then the soonest; the stage
/// boundary is a milestone, not something to do.
fn next_deadline(deadlines: &[Deadline]) -> Option<&Deadline> {
    deadlines
        .iter()
        .filter(|d| d.status != Status::Met && d.kind != Kind::StageChange)
        .min_by_key(|d| (d.status != Status::Overdue, d.due, d.kind))
}

/// Moves between placements in care during the current episode, up to `end`: each
/// time the child goes to a different caregiver or setting after the first placement.
/// A trial home visit (a placement with the parent) is not a placement in foster care,
/// so going home on one and back to the same caregiver is no move.
fn moves_in_episode(case: &Case, removed: NaiveDate, end: NaiveDate) -> usize {
    let mut in_care: Vec<&crate::model::Placement> = case
        .placements
        .iter()
        .filter(|p| p.from >= removed && p.from <= end && p.setting != Setting::Parent)
        .collect();
    in_care.sort_by_key(|p| p.from);
    in_care
        .windows(2)
        .filter(|pair| {
            pair[0].setting != pair[1].setting
                || !crate::model::same_caregiver(pair[0].caregiver.as_deref(), pair[1].caregiver.as_deref())
        })
        .count()
}
