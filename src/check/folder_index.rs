//! One document checked as an editor holds it: its text in memory, its folder's other
//! case files read once from disk. The rules across files (CP005, the sibling part of
//! CP007, CP106) need only a small summary of each file (`CaseRef`), so the index keeps
//! those and re-runs the folder rules for the one document on every change.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;

use super::file::{check_kept, check_source};
use super::sources::{Origin, Source};
use super::{CheckOptions, Keep};
use crate::finding::Finding;
use crate::load::{self, CaseFile};
use crate::policy::{Config, Configs};
use crate::rules::{
    self,
    folder::{CaseRef, CaseRefs},
};
use crate::summary::CaseSummary;

/// The case files of a folder (and the folders below it, as `check FOLDER` walks
/// them), each as the folder rules see it.
#[derive(Debug)]
pub struct FolderIndex {
    folder: PathBuf,
    as_of: NaiveDate,
    /// One per file whose case could be read, sorted by file: the order `check` reads
    /// them in, so messages naming other files name them in the same order.
    refs: Vec<CaseRef>,
}

/// A document checked in memory: what `check` says of it, and the file itself for
/// the questions an editor asks about it afterwards (what is at this place, which
/// deadlines does this date set).
#[derive(Debug)]
pub struct CheckedDocument {
    pub file: CaseFile,
    /// Its findings, the folder rules' included, in the order `check` prints them.
    pub findings: Vec<Finding>,
    /// Its row with every deadline (none when no case could be read).
    pub summary: Option<CaseSummary>,
}

impl FolderIndex {
    /// Reads every case file under `folder` once; a file whose folder's `cplan.yaml`
    /// cannot be used, or whose case cannot be read, has no part in the folder rules
    /// (as in `check`, where the run would stop or the file is reported on its own).
    pub fn build(folder: &Path, configs: &Configs, as_of: NaiveDate) -> FolderIndex {
        let options = CheckOptions::new(as_of);
        let mut refs: Vec<CaseRef> = load::discover(folder)
            .files
            .par_iter()
            .filter_map(|path| case_ref_on_disk(path, configs, options))
            .collect();
        refs.sort_by(|a, b| a.file.cmp(&b.file));
        FolderIndex {
            folder: folder.to_path_buf(),
            as_of,
            refs,
        }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// Whether the folder rules of this index look at the file at `path`.
    pub fn covers(&self, path: &Path) -> bool {
        path.starts_with(&self.folder)
    }

    /// The case ids of the folder's files.
    pub fn case_ids(&self) -> impl Iterator<Item = &str> {
        self.refs.iter().map(|r| r.id.as_str())
    }

    /// Reads the file at `path` again after it changed on disk (or was deleted).
    pub fn refresh(&mut self, path: &Path, configs: &Configs) {
        let case_ref = if load::discover(path).files.is_empty() {
            None
        } else {
            case_ref_on_disk(path, configs, CheckOptions::new(self.as_of))
        };
        self.put(path, case_ref);
    }

    /// Checks the document at `path` whose text is `text` (the editor's, not the disk's)
    /// with its folder's configuration, the folder rules included; from now on the
    /// other files are checked against this text of it, until it is refreshed.
    pub fn check_document(&mut self, path: &Path, text: &str, config: &Config) -> CheckedDocument {
        let (mut document, case_ref) = check_text(path, text, config, self.as_of);
        self.put(path, case_ref);
        // A folder's worth, packed again at each change: the rules run over all of it
        // anyway. The lines are kept: the document's are the editor's, not the disk's.
        let mut cases = CaseRefs::with_capacity(self.refs.len());
        for (i, case_ref) in self.refs.iter().enumerate() {
            cases.push(case_ref, u32::try_from(i).unwrap_or(u32::MAX), true);
        }
        let refs = &self.refs;
        let file = |i: u32| {
            refs.get(i as usize)
                .map_or_else(|| Arc::from(path), |r| Arc::clone(&r.file))
        };
        let mut across = rules::folder::folder_findings(&cases, &file, &mut |_| None);
        across.retain(|f| f.file_path() == path);
        document.findings.extend(across);
        document.findings.sort_by(super::pipeline::by_place);
        document
    }

    /// Puts (or removes) the file at `path` in its place in file order.
    fn put(&mut self, path: &Path, case_ref: Option<CaseRef>) {
        let at = self.refs.binary_search_by(|r| (*r.file).cmp(path));
        match (at, case_ref) {
            (Ok(i), Some(new)) => self.refs[i] = new,
            (Ok(i), None) => {
                self.refs.remove(i);
            }
            (Err(i), Some(new)) => self.refs.insert(i, new),
            (Err(_), None) => {}
        }
    }
}

/// Checks a document on its own, without the rules across files (a document with no
/// folder: an editor's unsaved buffer).
pub fn check_alone(path: &Path, text: &str, config: &Config, as_of: NaiveDate) -> CheckedDocument {
    check_text(path, text, config, as_of).0
}

fn check_text(
    path: &Path,
    text: &str,
    config: &Config,
    as_of: NaiveDate,
) -> (CheckedDocument, Option<CaseRef>) {
    // The size limit and decoding of a file on disk apply to an editor's text too.
    let mut file = load::load_bytes(path, text.as_bytes(), config.load);
    let options = CheckOptions::new(as_of).keeping(Keep::All);
    let checked = check_kept(&mut file, config, options);
    let mut findings = checked.findings;
    findings.sort_by(super::pipeline::by_place);
    let document = CheckedDocument {
        file,
        findings,
        summary: checked.summary,
    };
    (document, checked.case_ref)
}

fn case_ref_on_disk(path: &Path, configs: &Configs, options: CheckOptions) -> Option<CaseRef> {
    let config = configs.for_file(path).ok()?;
    let source = Source {
        path: path.to_path_buf(),
        origin: Origin::Walked,
    };
    check_source(&source, &config, options, &|_| true).case_ref
}
