//! `cplan stats`.

use std::process::ExitCode;

use super::report_run::{closest_ids, unread_hint};
use anyhow::{Result, bail};

use super::args::{GlobalArgs, GroupBy, ReportArgs, StatsArgs, TableFormat};
use super::print;
use super::report_run::{exit_status, filtered, run_check, terminal_width};
use crate::check::CheckRun;
use crate::output;
use crate::report::CaseFilter;
use crate::report::stats::{self, Stats};

pub fn run(global: &GlobalArgs, args: &StatsArgs) -> Result<ExitCode> {
    let as_of = super::as_of(global);
    let run = run_check(global, &args.report, crate::check::Keep::Rows)?;
    check_filters(&run, &args.report)?;
    let cases = filtered(&run, &args.report);
    let stats = Stats::of(&cases, as_of, args.by == Some(GroupBy::Worker));
    let text = match args.format {
        TableFormat::Json => output::json(&stats),
        TableFormat::Csv => stats::csv_table(&stats).render_csv()?,
        TableFormat::Markdown => format!(
            "## {}\n\n{}\n{}\n",
            heading(&stats, &args.report),
            body(&stats).render_markdown(),
            notes(&run, &args.report).join(" ")
        ),
        TableFormat::Table => format!(
            "{}\n{}\n{}\n",
            heading(&stats, &args.report),
            body(&stats).render_terminal(terminal_width()),
            notes(&run, &args.report).join("\n")
        ),
    };
    print(&text)?;
    Ok(exit_status(&cases, args.report.strict))
}

/// The wide table with `--by worker`, else the two-column table of the totals.
fn body(stats: &Stats) -> output::table::Table {
    match stats.by_worker {
        Some(_) => stats::worker_table(stats),
        None => stats::totals_table(&stats.totals),
    }
}

/// "Caseload of cases-sample as of 2026-11-24 (worker alvarez)".
fn heading(stats: &Stats, args: &ReportArgs) -> String {
    let mut filters = Vec::new();
    if let Some(worker) = &args.worker {
        filters.push(format!("worker {worker}"));
    }
    if let Some(case) = &args.case_id {
        filters.push(format!("case {case}"));
    }
    if let Some(jurisdiction) = &args.jurisdiction {
        filters.push(format!("jurisdiction {jurisdiction}"));
    }
    if let Some(stage) = args.stage {
        filters.push(format!("stage {}", stage.short()));
    }
    let filters = if filters.is_empty() {
        String::new()
    } else {
        format!(" ({})", filters.join(", "))
    };
    format!(
        "Caseload of {} as of {}{filters}",
        args.path.display(),
        stats.as_of
    )
}

/// What the figures are made of, and what they leave out, under the table.
fn notes(run: &CheckRun, args: &ReportArgs) -> Vec<String> {
    let mut notes = vec![
        format!(
            "Months in care: days since the current removal / {}, open cases.",
            stats::DAYS_PER_MONTH
        ),
        "Placement moves: changes of caregiver or setting after the first placement of the current episode (a trial home visit is not one), open and closed cases."
            .to_owned(),
    ];
    let unread = run.files.saturating_sub(run.summaries.len());
    if unread > 0 {
        notes.push(format!(
            "{unread} file{} in {} could not be read as a case and {} not counted: run `cplan check`.",
            if unread == 1 { "" } else { "s" },
            args.path.display(),
            if unread == 1 { "is" } else { "are" },
        ));
    }
    notes
}

/// A `--case`, `--worker` or `--jurisdiction` that matches no case in the folder is
/// taken for a typo (exit 2, with what would have matched), rather than printing a
/// caseload of zeros that looks like an answer.
fn check_filters(run: &CheckRun, args: &ReportArgs) -> Result<()> {
    let path = args.path.display();
    if let Some(id) = &args.case_id
        && !run.summaries.iter().any(|c| &c.id == id)
    {
        bail!(
            "no case `{id}` in {path}; {}{}",
            closest_ids(run, id),
            unread_hint(run)
        );
    }
    if let Some(worker) = &args.worker {
        let filter = CaseFilter {
            worker: Some(worker.clone()),
            ..CaseFilter::default()
        };
        if !run.summaries.iter().any(|c| filter.keeps(c)) {
            let workers = known(run.summaries.iter().map(|c| c.worker.trim()));
            bail!("no case in {path} has a worker matching `{worker}`; the workers are: {workers}");
        }
    }
    if let Some(jurisdiction) = &args.jurisdiction
        && !run
            .summaries
            .iter()
            .any(|c| c.profile.eq_ignore_ascii_case(jurisdiction))
    {
        let profiles = known(run.summaries.iter().map(|c| &*c.profile));
        bail!(
            "no case in {path} is checked with the `{jurisdiction}` profile; the profiles used are: {profiles}"
        );
    }
    Ok(())
}

/// The distinct non-empty values, sorted, joined; "none" when there are none.
fn known<'a>(values: impl Iterator<Item = &'a str>) -> String {
    let set: std::collections::BTreeSet<&str> = values.filter(|v| !v.is_empty()).collect();
    if set.is_empty() {
        "none (the folder holds no readable case)".to_owned()
    } else {
        set.into_iter().collect::<Vec<_>>().join(", ")
    }
}
