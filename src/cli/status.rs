//! `cplan status`.

use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::args::{GlobalArgs, StatusArgs, TableFormat};
use super::print_with;
use super::report_run::{case_filter, drawing, exit_status, filtered, run_check, scope};
use crate::check::CheckRun;
use crate::output::doc::{Block, Doc, Text};
use crate::output::{self, Streamed};
use crate::report::caveats::{self, UnreadRow};
use crate::report::status;
use crate::summary::CaseSummary;

/// `status --format json`: the rows beside the as-of date and the files left out.
#[derive(Serialize)]
#[serde(bound(serialize = "Streamed<I>: Serialize"))]
struct JsonReport<I> {
    as_of: String,
    cases: Streamed<I>,
    unreadable: Vec<UnreadRow>,
}

pub fn run(global: &GlobalArgs, args: &StatusArgs, color: bool) -> Result<ExitCode> {
    let as_of = super::as_of(global);
    let run = run_check(global, &args.report, crate::check::Keep::Rows)?;
    let cases = filtered(&run, &args.report);
    let sorted = status::sorted(&cases, args.sort);
    // JSON and CSV go out a row at a time (a cron job's state-wide report is never
    // held twice in memory); the table and Markdown need every row to size columns.
    let row = |c: &&CaseSummary| status::row(c);
    match args.format {
        TableFormat::Json => print_with(|w| {
            let report = JsonReport {
                as_of: as_of.to_string(),
                cases: Streamed::new(sorted.iter().map(row)),
                unreadable: caveats::unread_rows(&run),
            };
            output::write_json(w, &report)
        })?,
        TableFormat::Csv => print_with(|w| {
            let cells = sorted.iter().map(|c| status::csv_cells(&row(c)));
            output::table::write_csv(w, &status::CSV_HEADERS, cells)
        })?,
        TableFormat::Markdown => {
            print_with(|w| document(args, &run, &sorted, &cases, as_of).write_markdown(w))?
        }
        TableFormat::Html => print_with(|w| document(args, &run, &sorted, &cases, as_of).write_html(w))?,
        TableFormat::Table => print_with(|w| {
            document(args, &run, &sorted, &cases, as_of).write_text(w, drawing(global, color))
        })?,
    }
    Ok(exit_status(&run, &cases, args.report.strict))
}

/// The heading, the table, the totals, and the files left out. The table's rows are
/// made as it is written (a whole state's table is not held as text).
fn document<'a>(
    args: &StatusArgs,
    run: &CheckRun,
    sorted: &'a [&'a CaseSummary],
    cases: &[&CaseSummary],
    as_of: chrono::NaiveDate,
) -> Doc<'a> {
    let filter = case_filter(&args.report);
    let scope = scope(&args.report, &filter, as_of);
    let mut doc = Doc::new();
    doc.push(scope.title("Status"));
    doc.push(scope.counts(run, cases.len()));
    doc.push(Block::Table(status::table(sorted)));
    doc.push(Block::Para(Text::plain(status::totals(cases))));
    doc.blocks
        .extend(caveats::unreadable_blocks(run, caveats::Coverage::Caseload));
    doc
}
