//! `cplan deadlines`: every deadline in a window, overdue first, then by date.

use chrono::NaiveDate;
use serde::Serialize;

use crate::check::{CheckRun, Ordered, SpillError};
use crate::output::ics::CalendarEntry;
use crate::output::table::{MakeRows, Mark, Table};
use crate::policy::arith::Span;
use crate::policy::deadline::{About, Deadline, Kind, Status};
use crate::policy::words;
use crate::summary::CaseSummary;

/// Which deadlines to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Overdue ones, and those not yet met that fall due within the span.
    Within(Span),
    /// Every deadline, met ones too.
    All,
    /// Only overdue ones, however old.
    Overdue,
}

/// One deadline of one case, as `--format json` writes it (the README).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DeadlineRow {
    pub case: String,
    pub worker: String,
    pub kind: String,
    pub due: String,
    pub status: String,
    pub days_left: i64,
    pub met_on: Option<String>,
    pub file: String,
    /// What the table shows: the deadline in words, the child, why this date and the
    /// source (added fields; the ones above keep their meaning).
    pub label: String,
    pub child: String,
    pub why: String,
    pub source: String,
}

/// A selected deadline with its case, in report order.
#[derive(Clone, Copy)]
pub struct Selected<'a> {
    pub case: &'a CaseSummary,
    pub deadline: &'a Deadline,
    /// Which cycle of its kind and label this is (0 = first), for stable calendar UIDs.
    pub cycle: usize,
}

/// The deadlines of `cases` in the window, overdue first, then by date, case and kind:
/// for one case's or a few cases' deadlines (an agenda); a whole caseload's are a
/// `Listing`.
pub fn select<'a>(cases: &[&'a CaseSummary], window: Window, as_of: NaiveDate) -> Vec<Selected<'a>> {
    let mut out: Vec<Selected<'a>> = cases
        .iter()
        .flat_map(|case| {
            case.deadlines.iter().map(move |deadline| Selected {
                case,
                deadline,
                cycle: deadline.cycle,
            })
        })
        .filter(|s| shows(s.deadline.status, s.deadline.due, window, as_of))
        .collect();
    out.sort_by(|a, b| {
        // Borrows the case id: a key that clones it allocates on every comparison.
        let key = |s: &Selected<'a>| {
            report_order(
                s.deadline.status,
                s.deadline.due,
                s.case.id.as_str(),
                s.deadline.kind,
            )
        };
        key(a).cmp(&key(b))
    });
    out
}

/// The order of every list of deadlines: overdue first, then by due date, case and
/// kind. `case` is the case id, or anything that sorts as it does (`listing` uses the
/// rank of the id among the run's cases).
fn report_order<C: Ord>(status: Status, due: NaiveDate, case: C, kind: Kind) -> (bool, NaiveDate, C, Kind) {
    (status != Status::Overdue, due, case, kind)
}

fn shows(status: Status, due: NaiveDate, window: Window, as_of: NaiveDate) -> bool {
    match window {
        Window::All => true,
        Window::Overdue => status == Status::Overdue,
        Window::Within(span) => {
            status == Status::Overdue || (status != Status::Met && due <= span.after(as_of))
        }
    }
}

/// The deadlines a run listed (`check::Listed`) in the window, in the order `select`
/// gives, each made whole only while it is written: a state's deadlines report holds
/// about 28 bytes a deadline (its row and its place in the order) up to a million
/// deadlines, and sorts those of a whole state in temporary files (`check::Ordered`).
pub struct Listing<'a> {
    cases: &'a [CaseSummary],
    /// Which rows of the run's `Listed`, in order.
    ordered: Ordered<'a>,
}

/// The run's listed deadlines that are in the window, in report order: overdue first,
/// then by date, case id and kind, as `select` orders them. An error if they had to be
/// sorted in a temporary file and could not be.
pub fn listing(run: &CheckRun, window: Window, as_of: NaiveDate) -> Result<Listing<'_>, SpillError> {
    let cases = &run.summaries;
    // The cases are in id order, so the rank of each case's id stands in for it
    // (cases that share an id share a rank).
    let mut id_rank = Vec::with_capacity(cases.len());
    for (i, case) in cases.iter().enumerate() {
        let same = i > 0 && cases[i - 1].id == case.id;
        let rank = if same {
            id_rank.last().copied().unwrap_or(0)
        } else {
            i
        };
        id_rank.push(rank);
    }
    let ordered = run.listed.order(
        |row| (row.case as usize) < cases.len() && shows(row.status, row.due, window, as_of),
        |row| {
            let rank = id_rank.get(row.case as usize).copied().unwrap_or(usize::MAX);
            // Then the file: cases that share an id, in the order of the run's rows.
            (report_order(row.status, row.due, rank, row.kind), row.case)
        },
    )?;
    Ok(Listing { cases, ordered })
}

impl<'a> Listing<'a> {
    pub fn len(&self) -> usize {
        self.ordered.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ordered.is_empty()
    }

    /// `f` of the `i`th deadline, made whole for the time `f` takes (`None` past the end).
    pub fn with<T>(&self, i: usize, f: impl FnOnce(&Selected<'_>) -> T) -> Option<T> {
        let row = self.ordered.get(i)?;
        let deadline = self.ordered.listed().deadline(&row);
        Some(f(&Selected {
            case: self.cases.get(row.case as usize)?,
            deadline: &deadline,
            cycle: deadline.cycle,
        }))
    }

    /// `f` of each deadline, in order, made as the iterator is read.
    pub fn map<'s, T>(&'s self, f: impl Fn(&Selected<'_>) -> T + 's) -> impl Iterator<Item = T> + 's {
        (0..self.len()).filter_map(move |i| self.with(i, &f))
    }

    /// How many of the deadlines have `status`.
    pub fn count(&self, status: Status) -> usize {
        self.ordered.count(status)
    }

    /// Why a deadline could not be read back from the temporary file it was sorted in,
    /// if one could not: what was written of the report is incomplete.
    pub fn failure(&self) -> Option<&SpillError> {
        self.ordered.failure()
    }

    /// The weekly supervisor view: one listing per worker, workers in name order.
    pub fn by_worker(&self) -> Result<Vec<(&'a str, Listing<'a>)>, SpillError> {
        let cases = self.cases;
        let groups = self
            .ordered
            .groups(|row| (cases.get(row.case as usize)).map(|case| words::worker(&case.worker)))?;
        Ok((groups.into_iter())
            .filter_map(|(worker, ordered)| Some((worker?, Listing { cases, ordered })))
            .collect())
    }
}

pub fn row(s: &Selected<'_>, as_of: NaiveDate) -> DeadlineRow {
    DeadlineRow {
        case: s.case.id.clone(),
        worker: s.case.worker.clone(),
        kind: s.deadline.kind.word().to_owned(),
        due: s.deadline.due.to_string(),
        status: s.deadline.status.word().to_owned(),
        days_left: s.deadline.days_left(as_of),
        met_on: s.deadline.met_on.map(|d| d.to_string()),
        file: s.case.file.display().to_string(),
        label: what(s),
        child: s.case.people.name(&s.case.child),
        why: words::why(s.deadline),
        source: s.deadline.source.to_string(),
    }
}

/// What a deadline is, with what it is about: "caseworker visit (November 2026)"; an
/// activity's text may name people, which `--redact` cuts.
fn what(s: &Selected<'_>) -> String {
    s.case.people.text(&words::what(s.deadline))
}

/// The table's columns, and how much each matters on a narrow terminal.
pub const COLUMNS: [(&str, u8); 8] = [
    ("status", 0),
    ("due", 0),
    ("case", 0),
    ("child", 3),
    ("worker", 4),
    ("deadline", 5),
    ("why this date", 1),
    ("source", 2),
];

/// The table; overdue rows are alerts (bold red on a colour terminal). Its rows are
/// made as it is drawn.
pub fn table<'a>(listing: &'a Listing<'a>, as_of: NaiveDate) -> Table<'a> {
    Table::made(&COLUMNS, Rows { listing, as_of })
}

struct Rows<'a> {
    listing: &'a Listing<'a>,
    as_of: NaiveDate,
}

impl MakeRows for Rows<'_> {
    fn len(&self) -> usize {
        self.listing.len()
    }

    fn row(&self, i: usize) -> (Vec<String>, Option<Mark>) {
        (self.listing)
            .with(i, |s| (cells(s, self.as_of), mark(s.deadline.status)))
            .unwrap_or_default()
    }
}

/// An overdue or due-soon deadline stands out (in HTML).
pub fn mark(status: Status) -> Option<Mark> {
    match status {
        Status::Overdue => Some(Mark::Overdue),
        Status::DueSoon => Some(Mark::DueSoon),
        Status::Upcoming | Status::Met => None,
    }
}

/// A deadline's cells, in the order of `COLUMNS`.
pub fn cells(s: &Selected<'_>, as_of: NaiveDate) -> Vec<String> {
    let d = s.deadline;
    vec![
        words::status_short(d, as_of),
        d.due.to_string(),
        s.case.id.clone(),
        s.case.people.name(&s.case.child),
        words::worker(&s.case.worker).to_owned(),
        what(s),
        words::why(d),
        d.source.to_string(),
    ]
}

/// The CSV's columns: the JSON's field names (snake_case), with what the table shows
/// (`deadline`, `why`, `source`) and the status as a word and a number of days, which a
/// spreadsheet can sort and filter.
pub const CSV_HEADERS: [&str; 12] = [
    "case",
    "child",
    "worker",
    "kind",
    "deadline",
    "due",
    "status",
    "days_left",
    "met_on",
    "why",
    "source",
    "file",
];

/// A deadline's CSV cells, in the order of `CSV_HEADERS`.
pub fn csv_cells(s: &Selected<'_>, as_of: NaiveDate) -> Vec<String> {
    let d = s.deadline;
    vec![
        s.case.id.clone(),
        s.case.people.name(&s.case.child),
        s.case.worker.clone(),
        d.kind.word().to_owned(),
        what(s),
        d.due.to_string(),
        d.status.word().to_owned(),
        d.days_left(as_of).to_string(),
        d.met_on.map(|m| m.to_string()).unwrap_or_default(),
        words::why(d),
        d.source.to_string(),
        s.case.file.display().to_string(),
    ]
}

/// One event per deadline. A file is named by its path below `folder`, the folder the
/// report is of: a calendar shared beyond the office says nothing of the server's folders.
/// With `by_worker`, each event is filed under its worker (CATEGORIES), so a calendar
/// program can show one worker's deadlines.
pub fn calendar<'s>(
    listing: &'s Listing<'s>,
    folder: &'s std::path::Path,
    by_worker: bool,
) -> impl Iterator<Item = CalendarEntry> + 's {
    listing.map(move |s| calendar_entry(s, folder, by_worker))
}

fn calendar_entry(s: &Selected<'_>, folder: &std::path::Path, by_worker: bool) -> CalendarEntry {
    let d = s.deadline;
    let label = s
        .case
        .people
        .text(&d.about.as_ref().map(About::key).unwrap_or_default());
    let file = s.case.file.strip_prefix(folder).unwrap_or(&s.case.file);
    let file = if file.as_os_str().is_empty() {
        s.case.file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    } else {
        file.display().to_string()
    };
    CalendarEntry {
        uid: format!("{}/{}/{}/{}", s.case.id, d.kind.word(), label, s.cycle),
        date: d.due,
        summary: format!("{}: {} ({})", s.case.id, what(s), words::status_word(d.status)),
        description: format!(
            "Child: {}\nWorker: {}\nDue {}: {}.\nSource: {}\nFile: {file}",
            s.case.people.name(&s.case.child),
            s.case.worker,
            d.due,
            words::why(d),
            d.source,
        ),
        category: by_worker.then(|| words::worker(&s.case.worker).to_owned()),
    }
}

#[cfg(test)]
mod tests;
