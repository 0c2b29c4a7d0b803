//! The run over a caseload: find the files and their configurations first (every
//! reason the run cannot start is known before anything is written), then check the
//! files a batch at a time in parallel, handing each file's findings on in file order
//! as the batch is merged, and the rules across files last.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::file::{CheckedFile, check_source};
use super::file_configs::FileConfigs;
use super::sources::{self, Source};
use super::{CheckOptions, CheckRun, KeptCase, PathError, Unread};
use crate::finding::{Finding, Severity, code, shared_path};
use crate::policy::{Config, Configs};
use crate::progress::Progress;
use crate::rules;
use crate::summary::CaseSummary;

/// Files checked in parallel before their results are merged: enough to keep every
/// thread busy (a batch is half a second of work on two cores), few enough that the
/// results waiting to be merged stay small. Halving it from 2,048 took 8–12 MB off the
/// peak of a whole state's `deadlines` (100,000 messy cases: 158–162 MB to 150 MB).
const BATCH: usize = 1024;

/// Which cases a report shows: the others keep their row (totals, "did you mean" for a
/// mistyped `--case`) but not their deadlines, nor their whole case.
pub type Shows<'a> = &'a (dyn Fn(&CaseSummary) -> bool + Sync);

/// Where a run hands the whole cases it keeps as each batch is merged, with the rows
/// of that batch, instead of holding them all in `CheckRun::kept`: a report over a
/// whole state uses each batch's cases and lets them go. The rows it gives back are
/// the run's rows: it may drop those (or the deadlines of those) it has no use for.
pub type KeptSink<'a> = &'a mut dyn FnMut(Vec<KeptCase>, Vec<CaseSummary>) -> Vec<CaseSummary>;

/// Everything a run needs before it checks a file: the case files and the
/// configuration of each. Preparing fails (exit 2) on a path that does not exist, a
/// path with no case file, or a `cplan.yaml` that cannot be used.
pub struct Prepared {
    sources: sources::Sources,
    configs: FileConfigs,
}

/// Finds the case files under `paths` and the `cplan.yaml` of each.
pub fn prepare(paths: &[PathBuf]) -> Result<Prepared, PathError> {
    let sources = sources::find(paths)?;
    // A caseload spreads over a handful of folders: each cplan.yaml is read once.
    let known = Configs::new(crate::rules::codes());
    let mut configs = FileConfigs::default();
    for source in sources.files.iter() {
        configs.push(known.for_file(&source.path)?);
    }
    Ok(Prepared { sources, configs })
}

impl Prepared {
    /// How many case files the run will check.
    pub fn files(&self) -> usize {
        self.sources.files.len()
    }

    /// Checks every file, handing the findings of each file to `sink` in file order
    /// (sorted by place) as each batch is merged, then the findings of the rules across
    /// files. Files are independent until those rules, so they are checked in parallel;
    /// results come back in the order of the (sorted) file list whatever the number of
    /// threads, so the output never depends on scheduling. Fails only if the temporary
    /// files of the rules across files cannot be made, written or read back.
    pub fn run(
        self,
        options: CheckOptions,
        progress: &Progress,
        shows: Shows<'_>,
        sink: &mut dyn FnMut(&[Finding]),
    ) -> Result<CheckRun, PathError> {
        self.run_handing_kept(options, progress, shows, sink, None)
    }

    /// `run`, handing the cases it keeps to `kept` batch by batch when given.
    pub fn run_handing_kept(
        self,
        options: CheckOptions,
        progress: &Progress,
        shows: Shows<'_>,
        sink: &mut dyn FnMut(&[Finding]),
        mut kept_sink: Option<KeptSink<'_>>,
    ) -> Result<CheckRun, PathError> {
        // Made before anything is written: a run that cannot stage its cases stops first.
        let mut refs = rules::folder::FolderCases::new(self.files(), rules::folder::IN_MEMORY)?;
        let mut run = CheckRun {
            as_of: Some(options.as_of),
            listed: super::Listed::in_memory_up_to(options.listed_in_memory),
            ..CheckRun::default()
        };
        progress.add_found(self.files());
        let unlisted = unlisted_folders(&self.sources.unlisted);
        for (finding, unread) in unlisted {
            run.counted(std::slice::from_ref(&finding));
            sink(std::slice::from_ref(&finding));
            if options.keep_findings {
                run.findings.push(finding);
            }
            run.unreadable.push(unread);
        }
        for first in (0..self.files()).step_by(BATCH) {
            let batch: Vec<(Source, &Arc<Config>)> = (first..self.files().min(first + BATCH))
                .filter_map(|i| Some((self.sources.files.get(i)?, self.configs.get(i)?)))
                .collect();
            let checked: Vec<CheckedFile> = batch
                .par_iter()
                .map(|(source, config)| {
                    let mut checked = check_source(source, config, options, shows);
                    // Sorted here, in parallel, rather than as the batch is merged. A
                    // stable sort: findings at one place keep the order their rule gave
                    // them (the months of CP204 by date, not alphabetically).
                    checked.findings.sort_by(by_place);
                    progress.add_checked();
                    checked
                })
                .collect();
            let first_row = run.summaries.len();
            let mut kept = Vec::new();
            for ((mut file, (source, _)), index) in checked.into_iter().zip(&batch).zip(first..) {
                run.files += 1;
                run.cases += usize::from(file.case_ref.is_some());
                run.counted(&file.findings);
                sink(&file.findings);
                if options.keep_findings {
                    run.findings.extend(file.findings);
                }
                run.unreadable.extend(file.unread);
                if let Some(case_ref) = &file.case_ref {
                    // A file typed on the command line may not be readable twice.
                    let keep_lines = source.origin != sources::Origin::Walked;
                    refs.push(case_ref, u32::try_from(index).unwrap_or(u32::MAX), keep_lines);
                }
                if let (true, Some(summary)) = (options.list_deadlines, &mut file.summary) {
                    let case = u32::try_from(run.summaries.len()).unwrap_or(u32::MAX);
                    run.listed.add(case, std::mem::take(&mut summary.deadlines));
                    summary.keep_what_a_list_shows();
                }
                run.summaries.extend(file.summary);
                kept.extend(file.kept);
            }
            match kept_sink.as_mut() {
                Some(hand) => {
                    let rows = run.summaries.split_off(first_row);
                    run.summaries.extend(hand(kept, rows));
                }
                None => run.kept.extend(kept),
            }
            reserve_rows(&mut run.summaries, first + batch.len(), self.files());
        }
        let path = |i: u32| {
            (self.sources.files.get(i as usize))
                .map_or_else(|| shared_path(Path::new("")), |s| shared_path(&s.path))
        };
        let mut read = |i: u32| {
            let config = self.configs.get(i as usize)?;
            self.sources.read_again(i as usize, config.load)
        };
        let mut across = refs.findings(&path, &mut read)?;
        across.sort_by(by_place);
        count_folder_findings(&mut run.summaries, &across);
        run.counted(&across);
        sink(&across);
        // Kept whatever the options: few, and an agenda shows those of its case.
        run.findings.extend(across);
        sort_rows(&mut run);
        Ok(run)
    }
}

/// Makes room in `rows` for the rows of the files still to check, as many a file as
/// the `done` files so far gave. Grown by doubling, a whole state's rows were held
/// twice while they moved, and a quarter of the room they took stayed empty (status over
/// 100,000 cases: 368-byte rows, 48 MB where 37 were used).
fn reserve_rows<T>(rows: &mut Vec<T>, done: usize, files: usize) {
    let expected = rows.len().saturating_mul(files).div_ceil(done.max(1));
    if expected > rows.capacity() {
        rows.reserve_exact(expected - rows.len());
    }
}

/// Checks every case file under `paths`, keeping every finding.
pub fn check_paths(paths: &[PathBuf], options: CheckOptions) -> Result<CheckRun, PathError> {
    check_paths_counting(paths, options, &Progress::new(), &|_| true)
}

/// `check_paths`, counting files found and checked in `progress` as it goes, and
/// dropping the deadlines of the cases a report does not show as each batch is merged:
/// `deadlines --all --worker X` over a state holds X's deadlines, not everyone's.
/// Findings are sorted by file, place and rule.
pub fn check_paths_counting(
    paths: &[PathBuf],
    options: CheckOptions,
    progress: &Progress,
    shows: Shows<'_>,
) -> Result<CheckRun, PathError> {
    check_paths_handing_kept(paths, options, progress, shows, None)
}

/// `check_paths_counting`, handing the cases it keeps to `kept` when given (see
/// `Prepared::run_handing_kept`).
pub fn check_paths_handing_kept(
    paths: &[PathBuf],
    options: CheckOptions,
    progress: &Progress,
    shows: Shows<'_>,
    kept: Option<KeptSink<'_>>,
) -> Result<CheckRun, PathError> {
    let mut run = prepare(paths)?.run_handing_kept(options, progress, shows, &mut |_| {}, kept)?;
    run.findings.sort_by(by_place);
    Ok(run)
}

/// The order of `Finding::sort_key`: by file, place and rule. The paths are compared
/// only when the two findings do not share one: a file's findings share its path, and
/// comparing paths (component by component) was most of what sorting them cost.
pub(crate) fn by_place(a: &Finding, b: &Finding) -> Ordering {
    let file = if Arc::ptr_eq(&a.file, &b.file) {
        Ordering::Equal
    } else {
        a.file.cmp(&b.file)
    };
    file.then_with(|| (a.loc, a.rule).cmp(&(b.loc, b.rule)))
}

/// Sorts the run's rows by case id (then file), and renumbers the listed deadlines'
/// cases to match. In place: a state's rows are tens of megabytes, not to be held twice.
fn sort_rows(run: &mut CheckRun) {
    let rows = &mut run.summaries;
    if run.listed.is_empty() {
        rows.sort_by(|a, b| (&a.id, &a.file).cmp(&(&b.id, &b.file)));
        return;
    }
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| (&rows[a].id, &rows[a].file).cmp(&(&rows[b].id, &rows[b].file)));
    let mut new_of_old = vec![0; rows.len()];
    for (new, &old) in order.iter().enumerate() {
        new_of_old[old] = u32::try_from(new).unwrap_or(u32::MAX);
    }
    gather(rows, &order);
    run.listed.renumber(&new_of_old);
}

/// Puts `items[order[i]]` at `i` for every `i`, in place, following each cycle of the
/// permutation once.
fn gather<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut i = start;
        while !placed[i] {
            placed[i] = true;
            let from = order[i];
            if from == start {
                break;
            }
            items.swap(i, from);
            i = from;
        }
    }
}

/// A folder that could not be listed: its CP001, and its line in every report.
fn unlisted_folders(unlisted: &[(PathBuf, String)]) -> Vec<(Finding, Unread)> {
    unlisted
        .iter()
        .map(|(folder, reason)| {
            let folder = shared_path(folder);
            let message = format!("cannot read this folder or file: {reason}");
            let finding = Finding::new(code::CP001, Severity::Error, &folder, message.clone());
            let unread = Unread {
                file: folder,
                reason: message,
                loc: None,
            };
            (finding, unread)
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Code, Loc};

    #[test]
    fn gather_puts_each_item_where_the_order_says() {
        let orders: [&[usize]; 5] = [&[], &[0], &[1, 2, 0], &[2, 0, 1, 4, 3], &[3, 2, 1, 0, 4]];
        for order in orders {
            let mut items: Vec<usize> = (0..order.len()).map(|i| i * 10).collect();
            gather(&mut items, order);
            let wanted: Vec<usize> = order.iter().map(|&o| o * 10).collect();
            assert_eq!(items, wanted, "{order:?}");
        }
    }

    #[test]
    fn rows_get_room_for_the_files_still_to_come() {
        // 1,024 files of 100,000 checked, 512 rows kept: room for 50,000.
        let mut rows = vec![0u8; 512];
        reserve_rows(&mut rows, 1024, 100_000);
        assert!(rows.capacity() >= 50_000, "{}", rows.capacity());
        assert!(rows.capacity() < 51_000, "{}", rows.capacity());
        let room = rows.capacity();
        rows.resize(room, 0);
        reserve_rows(&mut rows, 100_000, 100_000);
        assert_eq!(rows.capacity(), room, "every file checked: no more room");
    }

    #[test]
    fn findings_are_ordered_as_their_sort_key_says() {
        let a = shared_path(Path::new("north/a.yaml"));
        let a_again = shared_path(Path::new("north/a.yaml"));
        let b = shared_path(Path::new("north/b.yaml"));
        let finding = |file: &Arc<Path>, loc: Option<Loc>, rule: Code| {
            Finding::new(rule, Severity::Warning, file, String::new()).at_opt(loc)
        };
        let mut findings = Vec::new();
        for file in [&b, &a, &a_again] {
            for loc in [
                Some(Loc::new(3, 1)),
                None,
                Some(Loc::new(2, 9)),
                Some(Loc::new(2, 1)),
            ] {
                for rule in [Code::new("CP204"), Code::new("CP101")] {
                    findings.push(finding(file, loc, rule));
                }
            }
        }
        for i in 0..findings.len() {
            for j in 0..findings.len() {
                let (x, y) = (&findings[i], &findings[j]);
                assert_eq!(by_place(x, y), x.sort_key().cmp(&y.sort_key()), "{i} {j}");
            }
        }
    }
}
