//! The `check` pipeline: find the files, read each, run its case rules, then the
//! folder rules; findings come back sorted so output is stable.

mod file;
mod file_configs;
pub mod folder_index;
mod kept;
mod listed;
mod pipeline;
pub mod sources;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::finding::{Finding, Loc, Severity};
use crate::policy::ConfigError;
use crate::summary::CaseSummary;
pub use file::{CheckedFile, check_file, check_kept, check_loaded};
pub use folder_index::{CheckedDocument, FolderIndex, check_alone};
pub use kept::KeptCase;
pub use listed::{Listed, ListedRow, Ordered, SpillError};
pub use pipeline::{
    KeptSink, Prepared, Shows, check_paths, check_paths_counting, check_paths_handing_kept, prepare,
};

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
    /// Whether the run keeps every file's findings (`CheckRun::findings`). `check`
    /// writes them as they come and reports show counts: neither keeps them, so memory
    /// does not grow with the number of findings.
    pub keep_findings: bool,
    /// Whether the run keeps the whole case of each case the report shows
    /// (`CheckRun::kept`), for the reports that show more than a row, and which of
    /// its deadlines.
    pub keep_cases: Option<KeptDeadlines>,
    /// Whether the deadlines each row keeps move into the run's compact list
    /// (`CheckRun::listed`) instead of staying in the row: a report that lists the
    /// deadlines of a whole caseload holds them at 24 bytes each.
    pub list_deadlines: bool,
    /// How many listed deadlines stay in memory: past them, they are staged and sorted
    /// in temporary files (`Listed::in_memory_up_to`).
    pub listed_in_memory: usize,
}

/// Which deadlines a kept case keeps. Most of a case's deadlines are met (a monthly
/// visit for every month in care): the timeline and an agenda's picture show them,
/// an agenda's questions only those still to be met, and a whole state's agendas
/// hold many cases at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeptDeadlines {
    All,
    StillToBeMet,
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
            keep_findings: true,
            keep_cases: None,
            list_deadlines: false,
            listed_in_memory: listed::IN_MEMORY,
        }
    }

    pub fn keeping(self, keep: Keep) -> CheckOptions {
        CheckOptions { keep, ..self }
    }

    pub fn redacting(self, redact: bool) -> CheckOptions {
        CheckOptions { redact, ..self }
    }

    /// Keeping the whole case of each case the report shows (see `Shows`), with
    /// these of its deadlines.
    pub fn keeping_cases(self, deadlines: KeptDeadlines) -> CheckOptions {
        CheckOptions {
            keep_cases: Some(deadlines),
            ..self
        }
    }

    /// Moving the deadlines each row keeps into `CheckRun::listed`.
    pub fn listing(self) -> CheckOptions {
        CheckOptions {
            list_deadlines: true,
            ..self
        }
    }

    /// Staging the listed deadlines in temporary files past `rows` of them (tests
    /// stage a few).
    pub fn staging_listed_past(self, rows: usize) -> CheckOptions {
        CheckOptions {
            listed_in_memory: rows,
            ..self
        }
    }

    /// Not keeping each file's findings (they go to the run's sink only).
    pub fn streaming(self) -> CheckOptions {
        CheckOptions {
            keep_findings: false,
            ..self
        }
    }
}

/// A path on the command line that cannot be worked on, or a run that cannot go on
/// (its temporary files): the run stops (exit 2).
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
    #[error(transparent)]
    Staging(#[from] crate::rules::folder::SpillError),
}

/// What a run found.
#[derive(Debug, Default)]
pub struct CheckRun {
    pub as_of: Option<NaiveDate>,
    pub files: usize,
    /// Files whose case could be read (so the rules ran on it).
    pub cases: usize,
    /// The findings kept (see `CheckOptions::findings`): all of them, or only those of
    /// the rules across files (a report's agenda shows them); the others went to the
    /// run's sink as each file was checked.
    pub findings: Vec<Finding>,
    /// How many findings of each severity the run reported (`Severity as usize`).
    pub counts: [usize; 3],
    /// One row per readable case, sorted by case id, for the reports.
    pub summaries: Vec<CaseSummary>,
    /// Files (and folders) whose case could not be read: no report may leave them out
    /// silently, so every report names them.
    pub unreadable: Vec<Unread>,
    /// The whole case of each case the report shows, with `CheckOptions::keeping_cases`.
    pub kept: Vec<KeptCase>,
    /// The deadlines the rows keep, with `CheckOptions::listing` (the rows then keep none).
    pub listed: Listed,
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
    /// How many findings of `severity` the run reported, kept or not.
    pub fn count(&self, severity: Severity) -> usize {
        self.counts[severity as usize]
    }

    /// Whether any finding is at or above `level` (the exit status contract).
    pub fn fails_at(&self, level: Severity) -> bool {
        [Severity::Info, Severity::Warning, Severity::Error]
            .into_iter()
            .any(|s| s >= level && self.count(s) > 0)
    }

    /// The whole case read from `file`, if the run kept it.
    pub fn kept(&self, file: &Path) -> Option<&KeptCase> {
        self.kept.iter().find(|k| *k.file == *file)
    }

    fn counted(&mut self, findings: &[Finding]) {
        for f in findings {
            self.counts[f.severity as usize] += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::deadline::Deadline;
    use crate::policy::deadline::Status;
    use crate::progress::Progress;

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

    #[test]
    fn the_whole_case_is_kept_only_for_the_cases_a_report_shows() {
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
        let options = CheckOptions::new(as_of).keeping(Keep::Rows);
        let one = |s: &CaseSummary| s.id == "2026-0201";
        let run = check_paths_counting(
            &[sample()],
            options.keeping_cases(KeptDeadlines::All),
            &Progress::new(),
            &one,
        )
        .expect("cases-sample exists");
        let kept: Vec<&str> = run.kept.iter().map(|k| k.case.id.as_str()).collect();
        assert_eq!(kept, ["2026-0201"]);
        let row = run.summaries.iter().find(|s| s.id == "2026-0201");
        let whole = row.and_then(|row| run.kept(&row.file));
        assert!(
            whole.is_some_and(|k| !k.deadlines.is_empty()),
            "every deadline is kept with the case, whatever the row keeps"
        );
        let rows_only =
            check_paths_counting(&[sample()], options, &Progress::new(), &one).expect("cases-sample exists");
        assert!(rows_only.kept.is_empty(), "no case is kept unless asked");
    }
}
