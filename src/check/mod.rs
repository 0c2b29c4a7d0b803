//! The `check` pipeline: find the files, read each, run its case rules, then the
//! folder rules; findings come back sorted so output is stable.

mod detail;
pub mod sources;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::finding::{Finding, Loc, Severity, shared_path};
use crate::load;
use crate::policy::deadline::Status;
use crate::policy::{Config, ConfigError, Configs, Profile};
use crate::progress::Progress;
use crate::rules::{self, folder::CaseRef};
use crate::summary::CaseSummary;
pub use detail::Detail;
use sources::{Origin, Source};

/// Settings of one run. Build it with `CheckOptions::new` so that settings added
/// later keep their defaults.
#[derive(Debug, Clone, Copy)]
pub struct CheckOptions {
    pub as_of: NaiveDate,
    /// What of each case to keep for a report once its file is checked.
    pub keep: Keep,
    /// Whether reports show people by initials only (`--redact`): each row then keeps
    /// the words of the names of its case, to cut them out of the text it prints.
    pub redact: bool,
}

/// How much of each case a run keeps after checking its file. Memory grows with what
/// is kept per case, so each command keeps only what it shows: `check` keeps no rows,
/// most reports keep the deadlines still to be met, `deadlines --all` keeps all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Findings only.
    Nothing,
    /// A row per case with its next deadline (status, stats).
    Rows,
    /// A row per case with its deadlines not yet met that are overdue or due by the date.
    Due(NaiveDate),
    /// A row per case with its deadlines not yet met.
    Open,
    /// A row per case with every deadline, met ones too.
    All,
}

impl CheckOptions {
    pub fn new(as_of: NaiveDate) -> CheckOptions {
        CheckOptions {
            as_of,
            keep: Keep::Nothing,
            redact: false,
        }
    }

    pub fn keeping(self, keep: Keep) -> CheckOptions {
        CheckOptions { keep, ..self }
    }

    pub fn redacting(self, redact: bool) -> CheckOptions {
        CheckOptions { redact, ..self }
    }
}

/// A path on the command line that cannot be worked on: the run stops (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum PathError {
    #[error("{}: no such file or folder", .0.display())]
    NotFound(PathBuf),
    #[error("{}: cannot be read: {}", .0.display(), .1)]
    Unreadable(PathBuf, String),
    #[error("{}: no case file (*.yaml or *.yml) in this folder or the folders below it", .0.display())]
    NoCaseFiles(PathBuf),
    #[error(transparent)]
    Config(#[from] ConfigError),
}

/// What a run found.
#[derive(Debug, Default)]
pub struct CheckRun {
    pub as_of: Option<NaiveDate>,
    pub files: usize,
    /// Files whose case could be read (so the rules ran on it).
    pub cases: usize,
    pub findings: Vec<Finding>,
    /// One row per readable case, sorted by case id, for the reports.
    pub summaries: Vec<CaseSummary>,
    /// Files (and folders) whose case could not be read: no report may leave them out
    /// silently, so every report names them.
    pub unreadable: Vec<Unread>,
}

/// A file whose case could not be read (so no report has a row for it), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    pub file: Arc<Path>,
    /// The first error that kept the case from being read, as `check` reports it.
    pub reason: String,
    pub loc: Option<Loc>,
}

impl Unread {
    /// Why the case of `file` could not be read: its first error finding.
    fn of(file: &Arc<Path>, findings: &[Finding]) -> Unread {
        let first = findings.iter().find(|f| f.severity == Severity::Error);
        Unread {
            file: Arc::clone(file),
            reason: first.map_or_else(
                || "the case has no removal episode that could be read".to_owned(),
                |f| f.message.clone(),
            ),
            loc: first.and_then(|f| f.loc),
        }
    }
}

impl CheckRun {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    /// Whether any finding is at or above `level` (the exit status contract).
    pub fn fails_at(&self, level: Severity) -> bool {
        self.findings.iter().any(|f| f.severity >= level)
    }
}

/// Files checked in parallel before their results are merged: enough to keep every
/// thread busy (a batch is a second or more of work), few enough that the results
/// waiting to be merged stay a few megabytes.
const BATCH: usize = 2048;

/// Checks every case file under `paths`.
pub fn check_paths(paths: &[PathBuf], options: CheckOptions) -> Result<CheckRun, PathError> {
    check_paths_counting(paths, options, &Progress::new(), &|_| true)
}

/// Which cases a report shows: the others keep their row (totals, "did you mean" for a
/// mistyped `--case`) but not their deadlines.
pub type Shows<'a> = &'a (dyn Fn(&CaseSummary) -> bool + Sync);

/// `check_paths`, counting files found and checked in `progress` as it goes, and
/// dropping the deadlines of the cases a report does not show as each batch is merged:
/// `deadlines --all --worker X` over a state holds X's deadlines, not everyone's.
pub fn check_paths_counting(
    paths: &[PathBuf],
    options: CheckOptions,
    progress: &Progress,
    shows: Shows<'_>,
) -> Result<CheckRun, PathError> {
    let mut run = CheckRun {
        as_of: Some(options.as_of),
        ..CheckRun::default()
    };
    let mut refs = Vec::new();
    let sources = sources::find(paths)?;
    progress.add_found(sources.files.len());
    for (folder, reason) in sources.unlisted {
        let folder = shared_path(&folder);
        let message = format!("cannot read this folder or file: {reason}");
        run.findings
            .push(Finding::new("CP001", Severity::Error, &folder, message.clone()));
        run.unreadable.push(Unread {
            file: folder,
            reason: message,
            loc: None,
        });
    }
    let configs = Configs::new();
    // Files are independent until the folder rules: check them in parallel. The
    // results come back in the order of the (sorted) file list whatever the number
    // of threads, so output never depends on scheduling. A batch at a time, so
    // what waits to be merged is one batch of results, not a whole state's.
    for batch in sources.files.chunks(BATCH) {
        // Each file's cplan.yaml, found before the parallel part: a batch shares a
        // handful of folders, and a broken cplan.yaml stops the run (exit 2).
        let configs: Vec<Arc<Config>> = batch
            .iter()
            .map(|source| configs.for_file(&source.path))
            .collect::<Result<_, _>>()?;
        let checked: Vec<CheckedFile> = batch
            .par_iter()
            .zip(configs.par_iter())
            .map(|(source, config)| {
                let checked = check_source(source, config, options);
                progress.add_checked();
                checked
            })
            .collect();
        for file in checked {
            run.files += 1;
            run.cases += usize::from(file.case_ref.is_some());
            run.findings.extend(file.findings);
            run.unreadable.extend(file.unread);
            refs.extend(file.case_ref);
            if let Some(mut summary) = file.summary {
                if !shows(&summary) {
                    summary.keep_deadlines(|_| false);
                }
                run.summaries.push(summary);
            }
        }
    }
    let file_findings = run.findings.len();
    run.findings.extend(rules::folder::duplicate_case_ids(&refs));
    run.findings.extend(rules::folder::unknown_siblings(&refs));
    run.findings.extend(rules::folder::siblings_apart(&refs));
    let folder_findings = run.findings.len() - file_findings;
    count_folder_findings(
        &mut run.summaries,
        &run.findings[run.findings.len() - folder_findings..],
    );
    // A stable sort: findings at one place keep the order their rule gave them (the
    // months of CP204 by date, not alphabetically).
    run.findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    run.summaries
        .sort_by(|a, b| (&a.id, &a.file).cmp(&(&b.id, &b.file)));
    Ok(run)
}

/// Adds the folder rules' findings to the counts of the cases they are about (each
/// file's own findings were counted when it was checked).
fn count_folder_findings(summaries: &mut [CaseSummary], findings: &[Finding]) {
    let index: std::collections::HashMap<&Path, usize> =
        summaries.iter().enumerate().map(|(i, s)| (&*s.file, i)).collect();
    let targets: Vec<(usize, Severity)> = findings
        .iter()
        .filter_map(|f| index.get(&*f.file).map(|&i| (i, f.severity)))
        .collect();
    for (i, severity) in targets {
        summaries[i].add_finding(severity);
    }
}

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
fn check_source(source: &Source, config: &Config, options: CheckOptions) -> CheckedFile {
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
    let mut findings = std::mem::take(&mut file.findings);
    let profile = match &file.case {
        Some(case) => profile_of(&file, case, config, &mut findings),
        None => config.default_profile(),
    };
    let mut checked = rules::check_case(&file, profile, options.as_of);
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
            summary.people = crate::report::people::People::for_row(case, options.redact);
        }
    }
    CheckedFile {
        findings,
        case_ref: CaseRef::of(&file, profile, options.as_of),
        summary: checked.summary,
        unread,
    }
}

/// The case's profile; an unknown `jurisdiction` is CP004 and the default is used.
fn profile_of<'c>(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::deadline::Deadline;

    fn sample() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("cases-sample")
    }

    fn yaml_files_in(folder: &Path) -> usize {
        std::fs::read_dir(folder)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
                    .count()
            })
            .unwrap_or(0)
    }

    fn sample_run(keep: Keep) -> CheckRun {
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
        check_paths(&[sample()], CheckOptions::new(as_of).keeping(keep)).expect("cases-sample exists")
    }

    #[test]
    fn each_report_keeps_only_the_deadlines_it_shows() {
        let all = sample_run(Keep::All);
        assert!(all.summaries.len() > 10, "every readable sample case has a row");
        assert!(
            all.summaries
                .iter()
                .any(|s| s.deadlines.iter().any(|d| d.status == Status::Met))
        );
        assert!(
            sample_run(Keep::Nothing).summaries.is_empty(),
            "check keeps no rows"
        );

        let until = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap_or_default();
        for keep in [Keep::Rows, Keep::Due(until), Keep::Open] {
            let run = sample_run(keep);
            assert_eq!(run.summaries.len(), all.summaries.len(), "{keep:?}");
            for (kept, whole) in run.summaries.iter().zip(&all.summaries) {
                let expected: Vec<&Deadline> = whole
                    .deadlines
                    .iter()
                    .filter(|d| match keep {
                        Keep::Rows => false,
                        Keep::Due(until) => {
                            d.status == Status::Overdue || (d.status != Status::Met && d.due <= until)
                        }
                        _ => d.status != Status::Met,
                    })
                    .collect();
                assert_eq!(
                    kept.deadlines.iter().collect::<Vec<_>>(),
                    expected,
                    "{keep:?} {}",
                    kept.id
                );
                // What a row shows is counted before anything is dropped.
                assert_eq!(
                    (&kept.next, kept.overdue, kept.fifteen_22_unmet, kept.errors),
                    (&whole.next, whole.overdue, whole.fifteen_22_unmet, whole.errors),
                    "{keep:?} {}",
                    kept.id
                );
            }
        }
    }

    #[test]
    fn cases_a_report_does_not_show_keep_their_row_but_not_their_deadlines() {
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
        let options = CheckOptions::new(as_of).keeping(Keep::All);
        let shown = "2026-0201";
        let shows = |case: &CaseSummary| case.id == shown;
        let run = check_paths_counting(&[sample()], options, &Progress::new(), &shows)
            .expect("cases-sample exists");
        let all = sample_run(Keep::All);
        assert_eq!(
            run.summaries.len(),
            all.summaries.len(),
            "every case keeps its row"
        );
        for (kept, whole) in run.summaries.iter().zip(&all.summaries) {
            if kept.id == shown {
                assert!(!kept.deadlines.is_empty());
                assert_eq!(kept.deadlines, whole.deadlines);
            } else {
                assert!(kept.deadlines.is_empty(), "{} keeps no deadline", kept.id);
            }
            assert_eq!(
                (&kept.next, kept.overdue),
                (&whole.next, whole.overdue),
                "{}",
                kept.id
            );
        }
    }

    #[test]
    fn progress_counts_every_file_found_and_checked() {
        let progress = Progress::new();
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
        let run = check_paths_counting(&[sample()], CheckOptions::new(as_of), &progress, &|_| true)
            .expect("cases-sample exists");
        let files = yaml_files_in(&sample());
        assert!(files > 10, "cases-sample has its case files");
        assert_eq!((progress.found(), progress.checked()), (files, files));
        assert_eq!(run.files, files);
    }

    #[test]
    fn progress_adds_up_over_several_paths() {
        let progress = Progress::new();
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
        let one = sample().join("2026-0201.yaml");
        let two = sample().join("2026-0202.yaml");
        let run = check_paths_counting(
            &[one.clone(), two, one],
            CheckOptions::new(as_of),
            &progress,
            &|_| true,
        )
        .expect("the files exist");
        assert_eq!(
            (progress.found(), progress.checked()),
            (2, 2),
            "the same file twice is read once"
        );
        assert_eq!(run.files, 2);
    }
}
