//! `cplan deadlines`.

use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::args::{DeadlineFormat, DeadlinesArgs, GlobalArgs, GroupBy};
use super::print_with;
use super::report_run::{case_filter, drawing, exit_status, filtered, run_check_listing, scope};
use crate::check::CheckRun;
use crate::output::doc::{Block, Doc, Text};
use crate::output::{self, Streamed};
use crate::policy::words::{self, plural};
use crate::report::caveats::{self, UnreadRow};
use crate::report::deadlines::{self, Listing, Selected, Window};
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
    let run = run_check_listing(global, &args.report, keep)?;
    let cases = filtered(&run, &args.report);
    let listing = deadlines::listing(&run, window(args), as_of)?;
    let by_worker = args.by == Some(GroupBy::Worker);
    let groups = if by_worker {
        listing.by_worker()?
    } else {
        Vec::new()
    };
    // Every format goes out a row at a time as it is made: a state's deadlines are never
    // held whole as text.
    match args.format {
        DeadlineFormat::Json => print_with(|w| {
            let row = |s: &Selected<'_>| deadlines::row(s, as_of);
            let report = JsonReport {
                as_of: as_of.to_string(),
                deadlines: (!by_worker).then(|| Streamed::new(listing.map(row))),
                by_worker: by_worker.then(|| {
                    (groups.iter())
                        .map(|(worker, items)| WorkerGroup {
                            worker: (*worker).to_owned(),
                            deadlines: Streamed::new(items.map(row)),
                        })
                        .collect()
                }),
                unreadable: caveats::unread_rows(&run),
            };
            output::write_json(w, &report)
        })?,
        DeadlineFormat::Csv => print_with(|w| {
            let rows = listing.map(|s| deadlines::csv_cells(s, as_of));
            output::table::write_csv(w, &deadlines::CSV_HEADERS, rows)
        })?,
        DeadlineFormat::Ics => print_with(|w| {
            let entries = deadlines::calendar(&listing, &args.report.path, by_worker);
            output::ics::write(w, entries, as_of)
        })?,
        DeadlineFormat::Markdown => {
            print_with(|w| document(args, &run, &cases, &listing, &groups, as_of).write_markdown(w))?
        }
        DeadlineFormat::Html => {
            print_with(|w| document(args, &run, &cases, &listing, &groups, as_of).write_html(w))?
        }
        DeadlineFormat::Table => print_with(|w| {
            document(args, &run, &cases, &listing, &groups, as_of).write_text(w, drawing(global, color))
        })?,
    }
    // A deadline sorted in a temporary file that could not be read back is missing
    // from what was written: a report silently short is worse than none.
    let failure = (groups.iter().map(|(_, items)| items))
        .chain([&listing])
        .find_map(Listing::failure);
    if let Some(failure) = failure {
        return Err(failure.clone().into());
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
/// `--by worker`: `groups`), then the cases whose errors may hide a deadline and the
/// files left out. A cron mail sent because the run failed always says why. The tables'
/// rows are made as they are written.
fn document<'a>(
    args: &DeadlinesArgs,
    run: &CheckRun,
    cases: &'a [&'a CaseSummary],
    listing: &'a Listing<'a>,
    groups: &'a [(&'a str, Listing<'a>)],
    as_of: chrono::NaiveDate,
) -> Doc<'a> {
    let filter = case_filter(&args.report);
    let scope = scope(&args.report, &filter, as_of);
    let window = window(args);
    let mut doc = Doc::new();
    doc.push(scope.title(&window_title(window)));
    doc.push(scope.counts(run, cases.len()));
    doc.push(Block::Para(summary_line(listing, window)));
    if args.by == Some(GroupBy::Worker) {
        for (i, (worker, items)) in groups.iter().enumerate() {
            if i > 0 {
                // Printed, each worker's deadlines start a page of their own.
                doc.push(Block::NewPage);
            }
            doc.push(Block::Heading(Text::plain(*worker)));
            doc.push(Block::Para(summary_line(items, window)));
            // The worker is in the heading: the column would repeat it on every row.
            doc.push(Block::Table(deadlines::table(items, as_of).without("worker")));
        }
    } else if !listing.is_empty() {
        doc.push(Block::Table(deadlines::table(listing, as_of)));
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
fn summary_line(listing: &Listing<'_>, window: Window) -> Text {
    use crate::policy::deadline::Status;
    let count = |status: Status| listing.count(status);
    let overdue = count(Status::Overdue);
    if listing.is_empty() {
        return Text::plain(match window {
            Window::Overdue => "No deadline is overdue.",
            _ => "No deadline in this window.",
        });
    }
    let overdue_words = format!("{overdue} overdue");
    let head = Text::plain(format!("{}: ", plural(listing.len(), "deadline", "deadlines")));
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
