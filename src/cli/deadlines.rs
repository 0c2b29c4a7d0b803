//! `cplan deadlines`.

use std::process::ExitCode;

use anyhow::Result;

use super::args::{DeadlineFormat, DeadlinesArgs, GlobalArgs, GroupBy};
use super::report_run::{exit_status, filtered, run_check, terminal_width};
use super::{print, print_with};
use crate::output;
use crate::report::deadlines::{self, Selected, Window};

pub fn run(global: &GlobalArgs, args: &DeadlinesArgs) -> Result<ExitCode> {
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
    let window = if args.all {
        Window::All
    } else if args.overdue {
        Window::Overdue
    } else {
        Window::Within(args.within)
    };
    let selected = deadlines::select(&cases, window, as_of);
    let redact = args.report.redact;
    // JSON and CSV go out a row at a time, never held whole in memory as text.
    match args.format {
        DeadlineFormat::Json => {
            let rows = selected.iter().map(|s| deadlines::row(s, as_of));
            print_with(|w| output::write_json_list(w, rows))?;
            return Ok(exit_status(&cases, args.report.strict));
        }
        DeadlineFormat::Csv => {
            let rows = selected.iter().map(|s| deadlines::cells(s, as_of, redact));
            print_with(|w| output::table::write_csv(w, &deadlines::headers(), rows))?;
            return Ok(exit_status(&cases, args.report.strict));
        }
        _ => {}
    }
    let text = match (args.format, args.by) {
        (DeadlineFormat::Ics, _) => output::ics::render(&deadlines::calendar(&selected, redact), as_of),
        (format, Some(GroupBy::Worker)) => grouped(&selected, format, as_of, redact),
        (DeadlineFormat::Markdown, None) => deadlines::table(&selected, as_of, redact).render_markdown(),
        (_, None) => format!(
            "{}\n{}\n",
            deadlines::table(&selected, as_of, redact).render_terminal(terminal_width()),
            summary_line(&selected)
        ),
    };
    print(&text)?;
    Ok(exit_status(&cases, args.report.strict))
}

/// One table per worker, under the worker's name.
fn grouped(
    selected: &[Selected<'_>],
    format: DeadlineFormat,
    as_of: chrono::NaiveDate,
    redact: bool,
) -> String {
    let mut out = String::new();
    for (worker, items) in deadlines::by_worker(selected) {
        let items: Vec<Selected<'_>> = items
            .iter()
            .map(|s| Selected {
                case: s.case,
                deadline: s.deadline,
                cycle: s.cycle,
            })
            .collect();
        let table = deadlines::table(&items, as_of, redact);
        match format {
            DeadlineFormat::Markdown => {
                out.push_str(&format!("## {worker}\n\n{}\n", table.render_markdown()))
            }
            _ => out.push_str(&format!(
                "{worker}: {}\n{}\n\n",
                summary_line(&items),
                table.render_terminal(terminal_width())
            )),
        }
    }
    out
}

/// "3 deadlines: 1 overdue, 2 due soon".
fn summary_line(selected: &[Selected<'_>]) -> String {
    use crate::policy::deadline::Status;
    let count = |status: Status| selected.iter().filter(|s| s.deadline.status == status).count();
    format!(
        "{} deadline{}: {} overdue, {} due soon, {} upcoming, {} met",
        selected.len(),
        if selected.len() == 1 { "" } else { "s" },
        count(Status::Overdue),
        count(Status::DueSoon),
        count(Status::Upcoming),
        count(Status::Met)
    )
}
