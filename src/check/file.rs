//! Checking one case file: its loader findings, its case rules, what the rules across
//! files need of it, and the row the reports keep. The parsed case is dropped here,
//! unless a report shows all of it.

use std::path::Path;
use std::sync::Arc;

use super::sources::{Origin, Source};
use super::{CheckOptions, Keep, KeptCase, KeptDeadlines, Shows, Unread};
use crate::finding::{Finding, Severity, code};
use crate::load;
use crate::policy::deadline::Status;
use crate::policy::{Config, Profile};
use crate::rules::{self, CaseCtx, folder::CaseRef};
use crate::summary::CaseSummary;

/// What checking one file gives: its findings, what the folder rules need, and the
/// row the reports need. The parsed case itself is dropped here, unless the report
/// shows more of it than a row (see `CheckOptions::keeping_cases`).
pub struct CheckedFile {
    pub findings: Vec<Finding>,
    pub case_ref: Option<CaseRef>,
    pub summary: Option<CaseSummary>,
    /// Why the file's case could not be read, when it could not.
    pub unread: Option<Unread>,
    /// The whole case, for a report that shows it (an agenda, a timeline).
    pub kept: Option<KeptCase>,
}

/// Reads and checks one case file as its origin allows. `shows`: whether the report
/// shows the case (the others keep their row but not their deadlines).
pub(super) fn check_source(
    source: &Source,
    config: &Config,
    options: CheckOptions,
    shows: Shows<'_>,
) -> CheckedFile {
    let mut file = match source.origin {
        Origin::Walked => load::load_file(&source.path, config.load),
        Origin::Named => load::load_file_as(&source.path, load::Opening::AnyNamed, config.load),
        Origin::Stdin => load::load_stdin(&source.path, config.load),
    };
    check_showing(&mut file, config, options, shows)
}

/// One file: its loader findings, its case rules, and what the folder rules need.
pub fn check_file(path: &Path, config: &Config, options: CheckOptions) -> CheckedFile {
    check_loaded(load::load_file(path, config.load), config, options)
}

/// A file already loaded (from disk, standard input or an editor's buffer): its case
/// rules, and what the folder rules and the reports need.
pub fn check_loaded(mut file: load::CaseFile, config: &Config, options: CheckOptions) -> CheckedFile {
    check_kept(&mut file, config, options)
}

/// `check_loaded`, leaving the file (its case, positions and text) to the caller: an
/// editor's server answers questions about the document after checking it. The file's
/// own findings move into the result.
pub fn check_kept(file: &mut load::CaseFile, config: &Config, options: CheckOptions) -> CheckedFile {
    check_showing(file, config, options, &|_| true)
}

fn check_showing(
    file: &mut load::CaseFile,
    config: &Config,
    options: CheckOptions,
    shows: Shows<'_>,
) -> CheckedFile {
    let mut findings = std::mem::take(&mut file.findings);
    let profile = match &file.case {
        Some(case) => profile_of(file, case, config, &mut findings),
        None => config.default_profile(),
    };
    let mut read = false;
    let mut summary = None;
    if let Some(ctx) = CaseCtx::new(file, profile, options.as_of) {
        findings.extend(rules::case_findings(&ctx));
        read = true;
        // `check` keeps no rows: none is made.
        summary = (options.keep != Keep::Nothing).then(|| row_of(ctx));
    }
    let unread = (!read).then(|| Unread::of(&file.path, &findings));
    let mut kept = None;
    if let Some(summary) = &mut summary {
        // Every deadline, before the run's `Keep` drops some: the reports that keep
        // the whole case look at all of them.
        let deadlines = options.keep_cases.map(|which| match which {
            KeptDeadlines::All => summary.deadlines.clone(),
            KeptDeadlines::StillToBeMet => (summary.deadlines.iter())
                .filter(|d| d.status != Status::Met)
                .cloned()
                .collect(),
        });
        keep_deadlines(summary, options.keep);
        summary.count_findings(&findings);
        if let Some(case) = &file.case {
            summary.people = crate::people::People::for_row(case, options.redact);
        }
        if !shows(summary) {
            summary.keep_deadlines(|_| false);
        } else if let (Some(case), Some(deadlines)) = (&file.case, deadlines) {
            kept = Some(KeptCase {
                file: Arc::clone(&file.path),
                case: case.clone(),
                profile: Arc::clone(profile),
                deadlines,
                findings: findings.clone(),
            });
        }
    }
    CheckedFile {
        findings,
        case_ref: CaseRef::of(file, profile, options.as_of),
        summary,
        unread,
        kept,
    }
}

/// The case's report row, with every deadline the rules saw.
fn row_of(ctx: CaseCtx<'_>) -> CaseSummary {
    let CaseCtx {
        case,
        file,
        profile,
        facts,
        deadlines,
        ..
    } = ctx;
    CaseSummary::new(case, &file.path, &facts, profile, deadlines)
}

/// Drops the deadlines of `summary` that a run keeping `keep` does not show.
fn keep_deadlines(summary: &mut CaseSummary, keep: Keep) {
    match keep {
        Keep::Nothing | Keep::Rows => summary.keep_deadlines(|_| false),
        Keep::Due(until) => summary
            .keep_deadlines(|d| d.status == Status::Overdue || (d.status != Status::Met && d.due <= until)),
        Keep::Open => summary.keep_deadlines(|d| d.status != Status::Met),
        Keep::All => {}
    }
}

/// The case's profile; an unknown `jurisdiction` is CP004 and the default is used.
pub(super) fn profile_of<'c>(
    file: &load::CaseFile,
    case: &crate::model::Case,
    config: &'c Config,
    findings: &mut Vec<Finding>,
) -> &'c Arc<Profile> {
    match config.profile_for(case.jurisdiction.as_deref()) {
        Ok(profile) => profile,
        Err(unknown) => {
            let message = format!(
                "`jurisdiction: {}` names no profile; known: {} (the case is checked with `{}`)",
                unknown.name,
                unknown.known.join(", "),
                config.default_profile().name
            );
            let mut finding = Finding::new(code::CP004, Severity::Error, &file.path, message)
                .at(file.positions.value("jurisdiction"))
                .width(unknown.name.chars().count());
            finding.case = Some(case.id.clone());
            finding.set_help("define it under `profiles:` in cplan.yaml, or correct the name");
            let mut one = vec![finding];
            file.attach_source_lines(&mut one);
            findings.extend(one);
            config.default_profile()
        }
    }
}
