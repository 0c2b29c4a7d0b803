//! `cplan status`.

use std::process::ExitCode;

use anyhow::Result;

use super::args::{GlobalArgs, StatusArgs, TableFormat};
use super::report_run::{exit_status, filtered, run_check, terminal_width};
use super::{print, print_with};
use crate::output;
use crate::report::status;

pub fn run(global: &GlobalArgs, args: &StatusArgs) -> Result<ExitCode> {
    let run = run_check(global, &args.report, crate::check::Keep::Rows)?;
    let cases = filtered(&run, &args.report);
    let sorted = status::sorted(&cases, args.sort);
    let redact = args.report.redact;
    // JSON and CSV go out a row at a time (a cron job's state-wide report is never
    // held twice in memory); the table and Markdown need every row to size columns.
    let row = |c: &&crate::summary::CaseSummary| status::row(c, redact);
    match args.format {
        TableFormat::Json => print_with(|w| output::write_json_list(w, sorted.iter().map(row)))?,
        TableFormat::Csv => print_with(|w| {
            let cells = sorted.iter().map(|c| status::cells(&row(c)));
            output::table::write_csv(w, &status::headers(), cells)
        })?,
        TableFormat::Markdown | TableFormat::Table => {
            print(&whole_table(args.format, &sorted, &cases, redact))?
        }
    }
    Ok(exit_status(&cases, args.report.strict))
}

fn whole_table(
    format: TableFormat,
    sorted: &[&crate::summary::CaseSummary],
    cases: &[&crate::summary::CaseSummary],
    redact: bool,
) -> String {
    let rows: Vec<status::StatusRow> = sorted.iter().map(|c| status::row(c, redact)).collect();
    match format {
        TableFormat::Markdown => format!(
            "{}\n{}\n",
            status::table(&rows).render_markdown(),
            status::totals(cases)
        ),
        _ => format!(
            "{}\n{}\n",
            status::table(&rows).render_terminal(terminal_width()),
            status::totals(cases)
        ),
    }
}
