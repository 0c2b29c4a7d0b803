//! What the report commands share: run the check pipeline over the path, refuse a
//! filter that matches nothing, account for every file, and turn `--strict` into an
//! exit status.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::args::{GlobalArgs, ReportArgs};
use crate::check::{CheckOptions, CheckRun, Keep};
use crate::output::table::{Borders, Drawing};
use crate::report::CaseFilter;
use crate::report::caveats;
use crate::report::heading::Scope;
use crate::summary::CaseSummary;

/// Checks the report's folder, keeping of each case what the report shows; a filter
/// that matches no case is an error (exit 2), and unreadable files are named on stderr.
pub fn run_check(global: &GlobalArgs, args: &ReportArgs, keep: Keep) -> Result<CheckRun> {
    run_check_with(args, report_options(global, args, keep))
}

/// `run_check` for a report that lists deadlines across the caseload: they are kept
/// in the run's compact list (`CheckRun::listed`), not in the rows.
pub fn run_check_listing(global: &GlobalArgs, args: &ReportArgs, keep: Keep) -> Result<CheckRun> {
    run_check_with(args, report_options(global, args, keep).listing())
}

/// What every report keeps: `keep` of each case, names cut with `--redact`, and no
/// findings (reports show counts of findings, not the findings).
fn report_options(global: &GlobalArgs, args: &ReportArgs, keep: Keep) -> CheckOptions {
    CheckOptions::new(super::as_of(global))
        .keeping(keep)
        .redacting(args.redact)
        .streaming()
}

fn run_check_with(args: &ReportArgs, options: CheckOptions) -> Result<CheckRun> {
    let paths = std::slice::from_ref(&args.path);
    let filter = case_filter(args);
    let shows = |case: &CaseSummary| filter.keeps(case);
    let run = super::progress_bar::check_showing_progress(paths, options, &shows)?;
    if let Err(no_match) = filter.matches_some(&run.summaries) {
        bail!("in {}: {no_match}{}", args.path.display(), unread_hint(&run));
    }
    announce_unreadable(&run);
    Ok(run)
}

/// Names the files that could not be read on standard error: the account every format
/// gets, CSV and calendars included, and what a cron log shows.
pub fn announce_unreadable(run: &CheckRun) {
    if let Some(line) = caveats::stderr_line(run) {
        eprintln!(
            "{}",
            crate::output::escape::escape(crate::output::escape::Sink::Terminal, &line)
        );
    }
}

pub fn filtered<'a>(run: &'a CheckRun, args: &ReportArgs) -> Vec<&'a CaseSummary> {
    let filter = case_filter(args);
    run.summaries.iter().filter(|c| filter.keeps(c)).collect()
}

pub fn case_filter(args: &ReportArgs) -> CaseFilter {
    CaseFilter {
        worker: args.worker.clone(),
        case: args.case_id.clone(),
        jurisdiction: args.jurisdiction.clone(),
        stage: args.stage,
    }
}

/// What a report covers, for its heading.
pub fn scope<'a>(args: &'a ReportArgs, filter: &'a CaseFilter, as_of: chrono::NaiveDate) -> Scope<'a> {
    Scope {
        folder: &args.path,
        as_of,
        filter,
    }
}

/// Reports exit 0 when they printed; with `--strict`, 1 when there is something to act
/// on: a case shown has errors or an overdue deadline, or a case file could not be read
/// (its deadlines are unknown), so cron can mail only then.
pub fn exit_status(run: &CheckRun, cases: &[&CaseSummary], strict: bool) -> ExitCode {
    strict_status(strict && (!run.unreadable.is_empty() || cases_need_action(cases)))
}

/// `--strict` for a report of the cases shown alone (one case's agenda).
pub fn cases_exit_status(cases: &[&CaseSummary], strict: bool) -> ExitCode {
    strict_status(strict && cases_need_action(cases))
}

fn strict_status(fails: bool) -> ExitCode {
    ExitCode::from(if fails {
        super::EXIT_FINDINGS
    } else {
        super::EXIT_OK
    })
}

/// Whether a case shown has errors or an overdue deadline.
fn cases_need_action(cases: &[&CaseSummary]) -> bool {
    cases.iter().any(|c| c.errors > 0 || c.overdue() > 0)
}

/// How tables are drawn: as wide as `--width`, else `$COLUMNS`, else the terminal, else
/// 100 columns in a pipe or a file (a mail or a printout); box lines when the locale is
/// UTF-8.
pub fn drawing(global: &GlobalArgs, color: bool) -> Drawing {
    Drawing {
        width: usize::from(table_width(global)),
        borders: Borders::of_locale(),
        color,
    }
}

/// Tables are never narrower than this, whatever the terminal says.
const NARROWEST: u16 = 40;

fn table_width(global: &GlobalArgs) -> u16 {
    if let Some(width) = global.width {
        return width;
    }
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok());
    let terminal = terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| w.0);
    columns.or(terminal).unwrap_or(100).max(NARROWEST)
}

/// When an id is not found, it may belong to a file whose case could not be read.
pub fn unread_hint(run: &CheckRun) -> String {
    match run.unreadable.len() {
        0 => String::new(),
        1 => " (1 file could not be read as a case: run `cplan check`)".to_owned(),
        n => format!(" ({n} files could not be read as cases: run `cplan check`)"),
    }
}
