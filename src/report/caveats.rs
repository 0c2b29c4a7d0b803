//! What every report says besides its rows, so that no report is silently shorter
//! than the caseload: the files whose case could not be read, and the cases whose
//! errors may hide or misstate a deadline.

use crate::policy::words::plural;
use serde::Serialize;

use crate::check::{CheckRun, Unread};
use crate::output::doc::{Block, Item, MakeItems, Text};
use crate::summary::CaseSummary;

/// An unreadable file as the JSON reports list it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct UnreadRow {
    pub file: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: String,
}

impl UnreadRow {
    pub fn of(unread: &Unread) -> UnreadRow {
        UnreadRow {
            file: unread.file.display().to_string(),
            line: unread.loc.map(|l| l.line),
            column: unread.loc.map(|l| l.column),
            message: unread.reason.clone(),
        }
    }
}

/// Every unreadable file of the run, for a JSON report's `unreadable` field.
pub fn unread_rows(run: &CheckRun) -> Vec<UnreadRow> {
    run.unreadable.iter().map(UnreadRow::of).collect()
}

/// "13 cases, 1 file unreadable": what the caseload holds, counting what is missing.
pub fn caseload_count(run: &CheckRun) -> String {
    let cases = run.summaries.len();
    let mut count = plural(cases, "case", "cases");
    if !run.unreadable.is_empty() {
        count.push_str(&format!(
            ", {} unreadable",
            plural(run.unreadable.len(), "file", "files")
        ));
    }
    count
}

/// The line a report writes on standard error when files could not be read, so that a
/// CSV or calendar (pure data) still accounts for them, and so does a cron log:
/// "cplan: 2 case files could not be read: a.yaml (…); b.yaml (…)". `None` when all could.
pub fn stderr_line(run: &CheckRun) -> Option<String> {
    if run.unreadable.is_empty() {
        return None;
    }
    let mut files: Vec<String> = run.unreadable.iter().take(STDERR_FILES).map(located).collect();
    if run.unreadable.len() > STDERR_FILES {
        files.push(format!("and {} more", run.unreadable.len() - STDERR_FILES));
    }
    Some(format!(
        "cplan: {} could not be read and {} in no report: {}; `cplan check` says why",
        plural(run.unreadable.len(), "case file", "case files"),
        if run.unreadable.len() == 1 { "is" } else { "are" },
        files.join("; ")
    ))
}

/// How many unreadable files the stderr line names; the report itself names them all.
const STDERR_FILES: usize = 10;

/// "cases/x.yaml:4:1 (invalid YAML: …)".
fn located(unread: &Unread) -> String {
    let place = match unread.loc {
        Some(loc) => format!("{}:{loc}", unread.file.display()),
        None => unread.file.display().to_string(),
    };
    format!("{place} ({})", unread.reason)
}

/// What a report is of, which decides what an unreadable file takes from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// Rows of the caseload (status, deadlines, stats, `agenda --due-within`): an
    /// unreadable case is missing from them.
    Caseload,
    /// One case (its agenda, its timeline): the other files of the folder only feed the
    /// checks across cases (duplicate ids, siblings).
    OneCase,
}

/// The section a text, Markdown or HTML report ends with when files could not be read.
pub fn unreadable_blocks(run: &CheckRun, coverage: Coverage) -> Vec<Block<'static>> {
    if run.unreadable.is_empty() {
        return Vec::new();
    }
    let n = run.unreadable.len();
    let items = run
        .unreadable
        .iter()
        .map(|u| {
            let place = match u.loc {
                Some(loc) => format!("{}:{loc}", u.file.display()),
                None => u.file.display().to_string(),
            };
            Text::default().code(place).and(format!(": {}", u.reason))
        })
        .map(Item::from)
        .collect();
    let (heading, why) = match coverage {
        Coverage::Caseload => (
            format!(
                "Not in this report: {} could not be read",
                plural(n, "case file", "case files")
            ),
            if n == 1 {
                "Its case is left out and its deadlines are not counted until it is fixed: "
            } else {
                "Their cases are left out and their deadlines are not counted until they are fixed: "
            },
        ),
        Coverage::OneCase => (
            format!(
                "{} of the folder could not be read",
                plural(n, "other case file", "other case files")
            ),
            "The checks across cases (duplicate ids, siblings) could not look at them: ",
        ),
    };
    vec![
        Block::Heading(Text::plain(heading)),
        Block::Para(
            Text::plain(why)
                .code("cplan check")
                .and(" shows each problem with its line."),
        ),
        Block::Items(items),
    ]
}

/// The section listing the cases with errors: an error may hide a deadline (a date
/// that could not be read) or misstate one, so a report of deadlines names them.
pub fn errors_blocks<'a>(cases: &'a [&'a CaseSummary]) -> Vec<Block<'a>> {
    let with_errors = cases.iter().filter(|c| c.errors > 0).count();
    if with_errors == 0 {
        return Vec::new();
    }
    vec![
        Block::Heading(Text::plain(format!(
            "{} with errors",
            plural(with_errors, "case", "cases")
        ))),
        Block::Para(
            Text::plain("A deadline may be missing or wrong until these are fixed: ")
                .code("cplan check")
                .and(" shows each error with its line."),
        ),
        Block::MadeItems(std::sync::Arc::new(WithErrors::of(cases))),
    ]
}

/// The cases with errors, each an item made as the list is written: in a state's
/// caseload they can be most of the cases.
struct WithErrors<'a> {
    cases: Vec<&'a CaseSummary>,
}

impl<'a> WithErrors<'a> {
    fn of(cases: &'a [&'a CaseSummary]) -> WithErrors<'a> {
        WithErrors {
            cases: cases.iter().copied().filter(|c| c.errors > 0).collect(),
        }
    }
}

impl MakeItems for WithErrors<'_> {
    fn len(&self) -> usize {
        self.cases.len()
    }

    fn item(&self, i: usize) -> Item {
        let Some(c) = self.cases.get(i) else {
            return Item::default();
        };
        let worker = if c.worker.trim().is_empty() {
            String::new()
        } else {
            format!(" ({})", c.worker)
        };
        Text::plain(format!("{}{worker}: ", c.id))
            .alert(plural(c.errors, "error", "errors"))
            .and(" in ")
            .code(c.file.display().to_string())
            .into()
    }
}
