//! Checking one case file: its loader findings, its case rules, what the rules across
//! files need of it, and the row the reports keep. The parsed case is dropped here.

use std::path::Path;
use std::sync::Arc;

use super::sources::{Origin, Source};
use super::{CheckOptions, Keep, Unread};
use crate::finding::{Finding, Severity};
use crate::load;
use crate::policy::deadline::Status;
use crate::policy::{Config, Profile};
use crate::rules::{self, folder::CaseRef};
use crate::summary::CaseSummary;

/// What checking one file gives: its findings, what the folder rules need, and the
/// row the reports need. The parsed case itself is dropped here.
pub struct CheckedFile {
    pub findings: Vec<Finding>,
    pub case_ref: Option<CaseRef>,
    pub summary: Option<CaseSummary>,
    /// Why the file's case could not be read, when it could not.
    pub unread: Option<Unread>,
}

/// Reads and checks one case file as its origin allows.
pub(super) fn check_source(source: &Source, config: &Config, options: CheckOptions) -> CheckedFile {
    let file = match source.origin {
        Origin::Walked => load::load_file(&source.path, config.load),
        Origin::Named => load::load_file_as(&source.path, load::Opening::AnyNamed, config.load),
        Origin::Stdin => load::load_stdin(&source.path, config.load),
    };
    check_loaded(file, config, options)
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
    let mut findings = std::mem::take(&mut file.findings);
    let profile = match &file.case {
        Some(case) => profile_of(file, case, config, &mut findings),
        None => config.default_profile(),
    };
    let mut checked = rules::check_case(file, profile, options.as_of);
    findings.extend(checked.findings);
    let unread = checked
        .summary
        .is_none()
        .then(|| Unread::of(&file.path, &findings));
    match options.keep {
        Keep::Nothing => checked.summary = None,
        Keep::Rows => {
            if let Some(summary) = &mut checked.summary {
                summary.keep_deadlines(|_| false);
            }
        }
        Keep::Due(until) => {
            if let Some(summary) = &mut checked.summary {
                summary.keep_deadlines(|d| {
                    d.status == Status::Overdue || (d.status != Status::Met && d.due <= until)
                });
            }
        }
        Keep::Open => {
            if let Some(summary) = &mut checked.summary {
                summary.keep_deadlines(|d| d.status != Status::Met);
            }
        }
        Keep::All => {}
    }
    if let Some(summary) = &mut checked.summary {
        summary.count_findings(&findings);
        if let Some(case) = &file.case {
            summary.people = crate::people::People::for_row(case, options.redact);
        }
    }
    CheckedFile {
        findings,
        case_ref: CaseRef::of(file, profile, options.as_of),
        summary: checked.summary,
        unread,
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
            let mut finding = Finding::new("CP004", Severity::Error, &file.path, message)
                .at(file.positions.value("jurisdiction"))
                .width(unknown.name.chars().count());
            finding.case = Some(case.id.clone());
            finding.help = Some("define it under `profiles:` in cplan.yaml, or correct the name".to_owned());
            let mut one = vec![finding];
            file.attach_source_lines(&mut one);
            findings.extend(one);
            config.default_profile()
        }
    }
}
