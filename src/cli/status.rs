//! `cplan status`.

use std::process::ExitCode;

use anyhow::Result;

use super::args::{GlobalArgs, StatusArgs, TableFormat};
use super::print;
use super::report_run::{exit_status, filtered, run_check, terminal_width};
use crate::output;
use crate::report::status;

pub fn run(global: &GlobalArgs, args: &StatusArgs) -> Result<ExitCode> {
    let run = run_check(global, &args.report, crate::check::Keep::Rows)?;
    let cases = filtered(&run, &args.report);
    let rows = status::rows(&cases, args.sort, args.report.redact);
    let text = match args.format {
        TableFormat::Json => output::json(&rows),
        TableFormat::Csv => status::table(&rows).render_csv()?,
        TableFormat::Markdown => format!(
            "{}\n{}\n",
            status::table(&rows).render_markdown(),
            status::totals(&cases)
        ),
        TableFormat::Table => format!(
            "{}\n{}\n",
            status::table(&rows).render_terminal(terminal_width()),
            status::totals(&cases)
        ),
    };
    print(&text)?;
    Ok(exit_status(&cases, args.report.strict))
}
