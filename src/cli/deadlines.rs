//! `cplan deadlines`.

use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::args::{DeadlineFormat, DeadlinesArgs, GlobalArgs, GroupBy};
use super::report_run::{case_filter, drawing, exit_status, filtered, run_check, scope};
use super::{print, print_with};
use crate::check::CheckRun;
use crate::output::doc::{Block, Doc, Text};
use crate::output::{self, Streamed};
use crate::policy::words::{self, plural};
use crate::report::caveats::{self, UnreadRow};
use crate::report::deadlines::{self, Selected, Window};
use crate::summary::CaseSummary;

/// `deadlines --format json`: the rows (or one group per worker with `--by worker`)
/// beside the as-of date and the files left out.
#[derive(Serialize)]
#[serde(bound(serialize = "Streamed<D>: Serialize, Streamed<W>: Serialize"))]
struct JsonReport<D, W> {
    as_of: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    deadlines: Option<Streamed<D>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    by_worker: Option<Vec<WorkerGroup<W>>>,
    unreadable: Vec<UnreadRow>,
}

#[derive(Serialize)]
#[serde(bound(serialize = "Streamed<W>: Serialize"))]
struct WorkerGroup<W> {
    worker: String,
    deadlines: Streamed<W>,
}

pub fn run(global: &GlobalArgs, args: &DeadlinesArgs, color: bool) -> Result<ExitCode> {
    let as_of = super::as_of(global);
    // Met deadlines are shown only with --all; without it, keeping them would only cost memory.
    let keep = if args.all {
        crate::check::Keep::All
    } else if args.overdue {
        crate::check::Keep::Due(as_of)
    } else {
        crate::check::Keep::Due(args.within.after(as_of))
    };
    let run = run_check(global, &args.report, keep)?;
    let cases = filtered(&run, &args.report);
    let window = window(args);
    let selected = deadlines::select(&cases, window, as_of);
    let by_worker = args.by == Some(GroupBy::Worker);
    match args.format {
        // JSON and CSV go out a row at a time, never held whole in memory as text.
        DeadlineFormat::Json => print_with(|w| {
            let row = |s: &Selected<'_>| deadlines::row(s, as_of);
            let groups = by_worker.then(|| {
                deadlines::by_worker(&selected)
                    .into_iter()
                    .map(|(worker, items)| WorkerGroup {
                        worker: worker.to_owned(),
                        deadlines: Streamed::new(items.into_iter().map(&row)),
                    })
                    .collect()
            });
            let report = JsonReport {
                as_of: as_of.to_string(),
                deadlines: (!by_worker).then(|| Streamed::new(selected.iter().map(row))),
                by_worker: groups,
                unreadable: caveats::unread_rows(&run),
            };
            output::write_json(w, &report)
        })?,
        DeadlineFormat::Csv => print_with(|w| {
            let rows = selected.iter().map(|s| deadlines::csv_cells(s, as_of));
            output::table::write_csv(w, &deadlines::CSV_HEADERS, rows)
        })?,
        DeadlineFormat::Ics => print(&output::ics::render(
            &deadlines::calendar(&selected, &args.report.path, by_worker),
            as_of,
        ))?,
        DeadlineFormat::Markdown => print(&document(args, &run, &cases, &selected, as_of).to_markdown())?,
        DeadlineFormat::Html => print(&document(args, &run, &cases, &selected, as_of).to_html())?,
        DeadlineFormat::Table => {
            print(&document(args, &run, &cases, &selected, as_of).to_text(drawing(global, color)))?
        }
    }
    Ok(exit_status(&run, &cases, args.report.strict))
}

/// Which deadlines the flags ask for.
fn window(args: &DeadlinesArgs) -> Window {
    if args.all {
        Window::All
    } else if args.overdue {
        Window::Overdue
    } else {
        Window::Within(args.within)
    }
}

/// The report as a document: heading, the deadlines (one table per worker with
/// `--by worker`), then the cases whose errors may hide a deadline and the files left
/// out. A cron mail sent because the run failed always says why.
fn document(
    args: &DeadlinesArgs,
    run: &CheckRun,
    cases: &[&CaseSummary],
    selected: &[Selected<'_>],
    as_of: chrono::NaiveDate,
) -> Doc<'static> {
    let filter = case_filter(&args.report);
    let scope = scope(&args.report, &filter, as_of);
    let window = window(args);
    let mut doc = Doc::new();
    doc.push(scope.title(&window_title(window)));
    doc.push(scope.counts(run, cases.len()));
    doc.push(Block::Para(summary_line(selected, window)));
    if args.by == Some(GroupBy::Worker) {
        for (i, (worker, items)) in deadlines::by_worker(selected).into_iter().enumerate() {
            let items: Vec<Selected<'_>> = items.into_iter().cloned().collect();
            if i > 0 {
                // Printed, each worker's deadlines start a page of their own.
                doc.push(Block::NewPage);
            }
            doc.push(Block::Heading(Text::plain(worker)));
            doc.push(Block::Para(summary_line(&items, window)));
            // The worker is in the heading: the column would repeat it on every row.
            doc.push(Block::Table(deadlines::table(&items, as_of).without("worker")));
        }
    } else if !selected.is_empty() {
        doc.push(Block::Table(deadlines::table(selected, as_of)));
    }
    doc.blocks.extend(caveats::errors_blocks(cases));
    doc.blocks
        .extend(caveats::unreadable_blocks(run, caveats::Coverage::Caseload));
    doc
}

/// "Overdue deadlines", "Deadlines due within 30 days", "All deadlines".
fn window_title(window: Window) -> String {
    match window {
        Window::Overdue => "Overdue deadlines".to_owned(),
        Window::All => "All deadlines".to_owned(),
        Window::Within(span) => format!("Deadlines overdue or due within {}", words::span(span)),
    }
}

/// "3 deadlines: 1 overdue, 2 due soon, 0 upcoming, 0 met", or, when none is overdue,
/// a sentence that says so (an empty table under a cron subject would say nothing).
fn summary_line(selected: &[Selected<'_>], window: Window) -> Text {
    use crate::policy::deadline::Status;
    let count = |status: Status| selected.iter().filter(|s| s.deadline.status == status).count();
    let overdue = count(Status::Overdue);
    if selected.is_empty() {
        return Text::plain(match window {
            Window::Overdue => "No deadline is overdue.",
            _ => "No deadline in this window.",
        });
    }
    let overdue_words = format!("{overdue} overdue");
    let head = Text::plain(format!("{}: ", plural(selected.len(), "deadline", "deadlines")));
    let head = if overdue > 0 {
        head.alert(overdue_words)
    } else {
        head.and(overdue_words)
    };
    head.and(format!(
        ", {} due soon, {} upcoming, {} met",
        count(Status::DueSoon),
        count(Status::Upcoming),
        count(Status::Met)
    ))
}
