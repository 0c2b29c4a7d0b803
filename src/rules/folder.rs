//! Rules that look across every case file of the folder: CP005 (one case id, one
//! file), the sibling part of CP007 (a `child.siblings` id with no case file) and CP106
//! across files (siblings placed apart).
//!
//! They work on `CaseRef`s, small summaries made per file and kept packed
//! (`CaseRefs`), so the folder's cases need not all stay in memory; beyond
//! `IN_MEMORY` files even those are staged on disk (`Buckets`), so that the memory a
//! run takes does not grow with its cases.

mod buckets;
mod by_id;
mod place;
mod store;
#[cfg(test)]
mod test_cases;

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::finding::{Code, Finding, Loc, Severity};
use crate::load::CaseFile;
use crate::policy::Profile;
use crate::rules::{Check, Rule, dual_tracks, effective_severity, file_refs, part_severity};
pub use buckets::{Buckets, SpillError};
use by_id::ById;
pub use place::{Found, LineAt, Place};
pub use store::{CaseRefs, CaseView};

/// What the folder rules need to know of one case file.
#[derive(Debug, Clone)]
pub struct CaseRef {
    pub id: String,
    pub file: Arc<Path>,
    pub id_at: Located,
    pub siblings: Vec<(String, Located)>,
    /// How this case's profile reports the sibling part of CP007 (`None`: off).
    pub sibling_severity: Option<Severity>,
    /// For CP106 across files: where the child lives now, when the case is open.
    pub placement: Option<CurrentPlacement>,
    /// How this case's profile reports CP106 (`None`: off).
    pub apart_severity: Option<Severity>,
}

/// The current placement of an open case, as CP106 compares it between siblings.
#[derive(Debug, Clone)]
pub struct CurrentPlacement {
    pub caregiver: String,
    pub apart_reason: bool,
    pub at: Located,
}

/// A position with its source line, so a finding can be drawn without the file.
#[derive(Debug, Clone)]
pub struct Located {
    pub loc: Loc,
    pub width: u32,
    pub line: Option<String>,
}

impl CaseRef {
    pub fn of(file: &CaseFile, profile: &Profile, as_of: NaiveDate) -> Option<CaseRef> {
        let case = file.case.as_ref()?;
        let located = |path: &str| {
            let (loc, width) = file.positions.value_span(path);
            let line = file.text.lines().nth(loc.line as usize - 1).map(str::to_owned);
            Located { loc, width, line }
        };
        Some(CaseRef {
            id: case.id.clone(),
            file: Arc::clone(&file.path),
            id_at: located("case"),
            siblings: case
                .child
                .siblings
                .iter()
                .enumerate()
                .map(|(i, s)| (s.clone(), located(&format!("child.siblings[{i}]"))))
                .collect(),
            sibling_severity: part_severity(&file_refs::CP007, Severity::Warning, profile),
            placement: case
                .current_placement()
                .filter(|_| case.is_open(as_of))
                .and_then(|(i, p)| {
                    Some(CurrentPlacement {
                        caregiver: p.caregiver.clone()?,
                        apart_reason: p
                            .siblings_apart_reason
                            .as_deref()
                            .is_some_and(|r| !r.trim().is_empty()),
                        at: located(&format!("placements[{i}]")),
                    })
                }),
            apart_severity: effective_severity(&dual_tracks::CP106, profile),
        })
    }
}

/// The cases a run could hold in memory at no cost worth sparing: below this many
/// files the folder rules' store stays in memory (about 150 bytes a case); above it,
/// it is staged on disk in buckets of about this many cases (`Buckets`).
pub const IN_MEMORY: usize = 8192;

/// The `CaseRef`s of a run as the folder rules gather them: in memory for a folder,
/// staged on disk for a caseload, so that a run's memory does not grow with its cases.
pub enum FolderCases {
    InMemory(CaseRefs),
    OnDisk(Buckets),
}

impl FolderCases {
    /// The store for a run over `files` case files, on disk beyond `in_memory` of them.
    pub fn new(files: usize, in_memory: usize) -> Result<FolderCases, SpillError> {
        if files <= in_memory {
            return Ok(FolderCases::InMemory(CaseRefs::with_capacity(files)));
        }
        Ok(FolderCases::OnDisk(Buckets::new(
            files.div_ceil(in_memory.max(1)),
        )?))
    }

    /// Adds the case of file number `file` (see `CaseRefs::push`).
    pub fn push(&mut self, case: &CaseRef, file: u32, keep_lines: bool) {
        match self {
            FolderCases::InMemory(refs) => refs.push(case, file, keep_lines),
            FolderCases::OnDisk(buckets) => buckets.push(case, file, keep_lines),
        }
    }

    /// `folder_findings` over the cases gathered; an error if the cases staged on disk
    /// could not all be written or read back (the findings would be short).
    pub fn findings(
        self,
        path: &dyn Fn(u32) -> Arc<Path>,
        read: &mut dyn FnMut(u32) -> Option<String>,
    ) -> Result<Vec<Finding>, SpillError> {
        match self {
            FolderCases::InMemory(refs) => Ok(folder_findings(&refs, path, read)),
            FolderCases::OnDisk(buckets) => buckets.findings(path, read),
        }
    }
}

/// Every finding of the folder rules over `cases`, their source lines drawn: kept, or
/// read again by `read` (by file number, see `place::draw_lines`). `path` gives the
/// path of a file number. Callers sort them by place; those at one place come in the
/// order of the case's siblings.
pub fn folder_findings(
    cases: &CaseRefs,
    path: &dyn Fn(u32) -> Arc<Path>,
    read: &mut dyn FnMut(u32) -> Option<String>,
) -> Vec<Finding> {
    let mut found = rules(cases, cases, path);
    in_order(&mut found);
    place::draw_lines(found, cases.kept_lines(), read)
}

/// The findings of the folder rules about `cases`, each of whose ids have all their
/// cases there, and about the siblings `askers` name: every case of a folder and each
/// of its siblings, or a bucket's cases and the siblings of other cases that name them.
fn rules(cases: &CaseRefs, askers: &CaseRefs, path: &dyn Fn(u32) -> Arc<Path>) -> Vec<Found> {
    let by_id = ById::new(cases);
    let mut found = duplicate_case_ids(&by_id, path);
    found.extend(unknown_siblings(askers, &by_id, path));
    found.extend(siblings_apart(askers, &by_id, path));
    found
}

/// One order for the findings however they were found (in memory or bucket by bucket):
/// by file number, place and rule, and the findings at one place in sibling order.
fn in_order(found: &mut [Found]) {
    found.sort_by(|a, b| {
        let key = |f: &Found| (f.file, f.finding.loc, f.finding.rule, f.sibling);
        key(a).cmp(&key(b))
    });
}

fn finding(
    rule: Code,
    severity: Severity,
    case: &CaseView<'_>,
    path: &dyn Fn(u32) -> Arc<Path>,
    at: Place,
    sibling: u32,
    message: String,
) -> Found {
    let mut f = Finding::new(rule, severity, &path(case.file()), message).at(at.loc);
    f.width = at.width;
    f.case = Some(case.id().to_owned());
    Found {
        finding: f,
        file: case.file(),
        line: at.line(),
        sibling,
    }
}

pub const CP005: Rule = Rule {
    code: Code::new("CP005"),
    name: "duplicate-case-id",
    severity: Severity::Error,
    summary: "Two files in the folder declare the same case id",
    explain: explain!("CP005"),
    closed_cases: true,
    opt_in: false,
    check: Check::Folder,
};

/// CP005: every file that declares an id another file declares too, naming the others.
fn duplicate_case_ids(by_id: &ById<'_>, path: &dyn Fn(u32) -> Arc<Path>) -> Vec<Found> {
    let mut out = Vec::new();
    for files in by_id.shared() {
        for case in &files {
            let id = case.id();
            let others: Vec<String> = files
                .iter()
                .filter(|o| o.file() != case.file() || o.id_at().loc != case.id_at().loc)
                .map(|o| format!("{}:{}", path(o.file()).display(), o.id_at().loc))
                .collect();
            let message = format!(
                "case id `{id}` is also declared in {}: each child's case needs its own id",
                others.join(", ")
            );
            let mut duplicate = finding(CP005.code, CP005.severity, case, path, case.id_at(), 0, message);
            (duplicate.finding).set_help("give each file its own `case:` id, or remove the copy of the file");
            out.push(duplicate);
        }
    }
    out
}

/// CP007 (warning): a sibling id that names no case file in the folder.
fn unknown_siblings(cases: &CaseRefs, by_id: &ById<'_>, path: &dyn Fn(u32) -> Arc<Path>) -> Vec<Found> {
    let mut out = Vec::new();
    for case in cases.iter() {
        let Some(severity) = case.sibling_severity() else {
            continue;
        };
        for (sibling, at, index) in case.siblings() {
            if by_id.cases(sibling).next().is_some() {
                continue;
            }
            let message = format!(
                "sibling `{sibling}` in `child.siblings` has no case file in this folder: check the id, or check the whole folder"
            );
            out.push(finding(
                file_refs::CP007.code,
                severity,
                &case,
                path,
                at,
                index,
                message,
            ));
        }
    }
    out
}

/// CP106 across files: siblings in care whose case files show different current
/// caregivers, with no `siblings_apart_reason` recorded in this child's placement.
fn siblings_apart(cases: &CaseRefs, by_id: &ById<'_>, path: &dyn Fn(u32) -> Arc<Path>) -> Vec<Found> {
    let mut out = Vec::new();
    for case in cases.iter() {
        let (Some(severity), Some((mine, apart_reason, at))) = (case.apart_severity(), case.placement())
        else {
            continue;
        };
        if apart_reason {
            continue;
        }
        for (sibling_id, _, index) in case.siblings() {
            // Of two files that declare the sibling's id (itself a CP005), the last.
            let Some((theirs, _, _)) = by_id.cases(sibling_id).last().and_then(|s| s.placement()) else {
                continue;
            };
            if crate::model::same_caregiver(Some(mine), Some(theirs)) {
                continue;
            }
            let message = format!(
                "Siblings placed apart: this child lives with {mine}, sibling {sibling_id} with {theirs}; record `siblings_apart_reason` in the placement, or plan to place them together"
            );
            out.push(finding(
                dual_tracks::CP106.code,
                severity,
                &case,
                path,
                at,
                index,
                message,
            ));
        }
    }
    out
}
