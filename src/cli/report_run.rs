//! What the report commands share: run the check pipeline over the path, keep the
//! cases the filters ask for, and turn `--strict` into an exit status.

use std::process::ExitCode;

use anyhow::Result;

use super::args::{GlobalArgs, ReportArgs};
use crate::check::{CheckOptions, CheckRun, Keep};
use crate::report::CaseFilter;
use crate::summary::CaseSummary;

/// Checks the report's folder, keeping of each case what the report shows.
pub fn run_check(global: &GlobalArgs, args: &ReportArgs, keep: Keep) -> Result<CheckRun> {
    let options = CheckOptions::new(super::as_of(global)).keeping(keep);
    let paths = std::slice::from_ref(&args.path);
    let filter = case_filter(args);
    let shows = |case: &CaseSummary| filter.keeps(case);
    Ok(super::progress_bar::check_showing_progress(
        paths, options, &shows,
    )?)
}

pub fn filtered<'a>(run: &'a CheckRun, args: &ReportArgs) -> Vec<&'a CaseSummary> {
    let filter = case_filter(args);
    run.summaries.iter().filter(|c| filter.keeps(c)).collect()
}

fn case_filter(args: &ReportArgs) -> CaseFilter {
    CaseFilter {
        worker: args.worker.clone(),
        case: args.case_id.clone(),
        jurisdiction: args.jurisdiction.clone(),
        stage: args.stage,
    }
}

/// Reports exit 0 when they printed; with `--strict`, 1 when a case shown has errors
/// or an overdue deadline (CLI.md), so cron can mail only then.
pub fn exit_status(cases: &[&CaseSummary], strict: bool) -> ExitCode {
    let trouble = cases.iter().any(|c| c.errors > 0 || c.overdue() > 0);
    ExitCode::from(if strict && trouble {
        super::EXIT_FINDINGS
    } else {
        super::EXIT_OK
    })
}

/// The terminal's width when stdout is one; `None` writes tables at full width.
pub fn terminal_width() -> Option<u16> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    comfy_table::Table::new().width().or(Some(80))
}

/// "the closest ids are 2026-0205, 2026-0206, 2026-0207": ids containing what was
/// typed first (`0205` finds `2026-0205`), then by edit distance.
pub fn closest_ids(run: &CheckRun, id: &str) -> String {
    let typed = id.to_lowercase();
    let mut ids: Vec<(bool, usize, &str)> = run
        .summaries
        .iter()
        .map(|c| {
            let known = c.id.to_lowercase();
            (
                !known.contains(&typed),
                strsim::damerau_levenshtein(&typed, &known),
                c.id.as_str(),
            )
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let nearest: Vec<&str> = ids.iter().take(3).map(|(_, _, id)| *id).collect();
    match nearest.as_slice() {
        [] => "the folder holds no readable case".to_owned(),
        [one] => format!("the only id there is {one}"),
        _ => format!("the closest ids are {}", nearest.join(", ")),
    }
}

/// When an id is not found, it may belong to a file whose case could not be read.
pub fn unread_hint(run: &CheckRun) -> String {
    match run.files.saturating_sub(run.summaries.len()) {
        0 => String::new(),
        1 => " (1 file could not be read as a case: run `cplan check`)".to_owned(),
        n => format!(" ({n} files could not be read as cases: run `cplan check`)"),
    }
}
