//! `cplan status`: one row per case, with a totals line.

use serde::Serialize;

use crate::model::Vocab;
use crate::output::table::{MakeRows, Mark, Table};
use crate::policy::care::Stage;
use crate::policy::deadline::{Kind, Status};
use crate::policy::words;
use crate::summary::CaseSummary;

/// `--sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortBy {
    /// Overdue first, then the soonest next deadline.
    Deadline,
    Case,
    Worker,
    Stage,
    /// Longest in care first.
    Days,
}

/// A status row, as the table shows it and `--format json` writes it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StatusRow {
    pub case: String,
    pub child: String,
    pub age: u32,
    pub worker: String,
    pub days_in_care: i64,
    pub stage: String,
    pub primary: String,
    pub concurrent: Option<String>,
    pub placement: Option<String>,
    pub next_deadline: Option<NextDeadline>,
    pub errors: usize,
    pub warnings: usize,
    pub file: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NextDeadline {
    #[serde(serialize_with = "super::as_word::display")]
    pub kind: Kind,
    /// The deadline in words, as the table shows it: "caseworker visit (October 2026)".
    pub label: String,
    pub due: String,
    #[serde(serialize_with = "super::as_word::display")]
    pub status: Status,
}

pub fn rows(cases: &[&CaseSummary], sort: SortBy) -> Vec<StatusRow> {
    sorted(cases, sort).iter().map(|c| row(c)).collect()
}

/// The cases in the order of `--sort`.
pub fn sorted<'a>(cases: &[&'a CaseSummary], sort: SortBy) -> Vec<&'a CaseSummary> {
    let mut cases = cases.to_vec();
    // Keys borrow the case id: a key that clones it allocates on every comparison.
    match sort {
        SortBy::Case => cases.sort_by(|a, b| a.id.cmp(&b.id)),
        SortBy::Worker => cases.sort_by(|a, b| (&a.worker, &a.id).cmp(&(&b.worker, &b.id))),
        SortBy::Stage => cases.sort_by(|a, b| (!a.open, a.stage, &a.id).cmp(&(!b.open, b.stage, &b.id))),
        SortBy::Days => cases.sort_by(|a, b| {
            let key = |c: &'a CaseSummary| (!c.open, std::cmp::Reverse(c.days_in_care), &c.id);
            key(a).cmp(&key(b))
        }),
        SortBy::Deadline => cases.sort_by(|a, b| {
            let key = |c: &'a CaseSummary| {
                let next = c.next_deadline();
                (
                    next.is_none(),
                    next.map(|d| (d.status != Status::Overdue, d.due)),
                    &c.id,
                )
            };
            key(a).cmp(&key(b))
        }),
    }
    cases
}

fn stage_text(c: &CaseSummary) -> String {
    if c.open {
        c.stage.short().to_owned()
    } else {
        "closed".to_owned()
    }
}

/// A case's row; its people as `--redact` asks (`CaseSummary::people`).
pub fn row(c: &CaseSummary) -> StatusRow {
    let placement = match (c.setting, &c.caregiver) {
        (Some(setting), Some(caregiver)) => Some(format!(
            "{}: {}",
            words::setting(setting),
            c.people.name(caregiver)
        )),
        (Some(setting), None) => Some(words::setting(setting).to_owned()),
        (None, _) => None,
    };
    StatusRow {
        case: c.id.clone(),
        child: c.people.name(&c.child),
        age: c.age,
        worker: c.worker.clone(),
        days_in_care: c.days_in_care,
        stage: stage_text(c),
        primary: c.primary.word().to_owned(),
        concurrent: c.concurrent_goal.map(|g| g.word().to_owned()),
        placement,
        next_deadline: c.next_deadline().map(|d| NextDeadline {
            kind: d.kind,
            label: c.people.text(&d.label),
            due: d.due.to_string(),
            status: d.status,
        }),
        errors: c.errors,
        warnings: c.warnings,
        file: c.file.display().to_string(),
    }
}

/// The table's columns, and how much each matters on a narrow terminal.
pub const COLUMNS: [(&str, u8); 11] = [
    ("case", 0),
    ("child", 6),
    ("age", 3),
    ("worker", 7),
    ("days", 4),
    ("stage", 8),
    ("primary", 2),
    ("concurrent", 5),
    ("placement", 1),
    ("next deadline", 9),
    ("err/warn", 8),
];

/// The table of `cases` (in their order), each row made as it is drawn: a whole
/// state's status table is never held as text.
pub fn table<'a>(cases: &'a [&'a CaseSummary]) -> Table<'a> {
    Table::made(&COLUMNS, Rows(cases))
}

struct Rows<'a>(&'a [&'a CaseSummary]);

impl MakeRows for Rows<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn row(&self, i: usize) -> (Vec<String>, Option<Mark>) {
        let r = row(self.0[i]);
        (cells(&r), mark(&r))
    }
}

/// The CSV's columns: the JSON's field names (snake_case), every field its own column,
/// numbers as numbers (no "2/0" a spreadsheet reads as a date).
pub const CSV_HEADERS: [&str; 16] = [
    "case",
    "child",
    "age",
    "worker",
    "days_in_care",
    "stage",
    "primary",
    "concurrent",
    "placement",
    "next_deadline",
    "next_deadline_kind",
    "next_deadline_due",
    "next_deadline_status",
    "errors",
    "warnings",
    "file",
];

/// A row's CSV cells, in the order of `CSV_HEADERS`.
pub fn csv_cells(r: &StatusRow) -> Vec<String> {
    let next = r.next_deadline.as_ref();
    let field = |f: fn(&NextDeadline) -> String| next.map(f).unwrap_or_default();
    vec![
        r.case.clone(),
        r.child.clone(),
        r.age.to_string(),
        r.worker.clone(),
        r.days_in_care.to_string(),
        r.stage.clone(),
        r.primary.clone(),
        r.concurrent.clone().unwrap_or_default(),
        r.placement.clone().unwrap_or_default(),
        field(|d| d.label.clone()),
        field(|d| d.kind.word().to_owned()),
        field(|d| d.due.clone()),
        field(|d| d.status.word().to_owned()),
        r.errors.to_string(),
        r.warnings.to_string(),
        r.file.clone(),
    ]
}

/// A case whose next deadline is overdue or due soon stands out (in HTML).
fn mark(r: &StatusRow) -> Option<Mark> {
    match r.next_deadline.as_ref().map(|d| d.status) {
        Some(Status::Overdue) => Some(Mark::Overdue),
        Some(Status::DueSoon) => Some(Mark::DueSoon),
        _ => None,
    }
}

/// A row's cells, in the order of `COLUMNS`.
pub fn cells(r: &StatusRow) -> Vec<String> {
    let next = r
        .next_deadline
        .as_ref()
        .map(|d| format!("{} {} ({})", d.label, d.due, d.status.word().replace('_', " ")))
        .unwrap_or_else(|| "—".to_owned());
    vec![
        r.case.clone(),
        r.child.clone(),
        r.age.to_string(),
        words::worker(&r.worker).to_owned(),
        r.days_in_care.to_string(),
        r.stage.clone(),
        r.primary.clone(),
        r.concurrent.clone().unwrap_or_else(|| "—".to_owned()),
        r.placement.clone().unwrap_or_else(|| "—".to_owned()),
        next,
        format!("{}/{}", r.errors, r.warnings),
    ]
}

/// "14 cases: 3 in stage 1, 4 in stage 2, 4 in stage 3, 1 past stage 3, 2 closed;
/// 2 with errors; 1 with overdue deadlines".
pub fn totals(cases: &[&CaseSummary]) -> String {
    let open = cases.iter().filter(|c| c.open);
    let in_stage = |s: Stage| open.clone().filter(|c| c.stage == s).count();
    let closed = cases.iter().filter(|c| !c.open).count();
    let with_errors = cases.iter().filter(|c| c.errors > 0).count();
    let overdue = cases.iter().filter(|c| c.overdue() > 0).count();
    format!(
        "{} {}: {} in stage 1, {} in stage 2, {} in stage 3, {} past stage 3, {closed} closed; {with_errors} with errors; {overdue} with overdue deadlines",
        cases.len(),
        if cases.len() == 1 { "case" } else { "cases" },
        in_stage(Stage::One),
        in_stage(Stage::Two),
        in_stage(Stage::Three),
        in_stage(Stage::Past),
    )
}
