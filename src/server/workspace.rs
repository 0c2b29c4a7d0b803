//! What the server knows of the folders its documents are in: each folder's
//! configuration (`cplan.yaml`, found the way `check` finds it) and the index of its
//! other case files for the rules across files, each read once and refreshed when a
//! file changes on disk.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::check::{self, CheckedDocument, FolderIndex};
use crate::finding::Finding;
use crate::load::POLICY_FILE;
use crate::policy::{Config, Configs};

/// What checking one document gave.
pub struct Checked {
    /// The findings shown as diagnostics, in the order `check` prints them.
    pub findings: Vec<Finding>,
    /// The checked case, for hover, hints and completion (none for other files).
    pub case: Option<Box<CheckedDocument>>,
    /// Why the document was not checked at all (its folder's cplan.yaml is broken).
    pub not_checked: Option<String>,
    pub as_of: NaiveDate,
}

/// What a document is to cplan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Case,
    /// A folder's `cplan.yaml`, checked as a profile document.
    Policy,
    /// YAML that is not a case (a workflow, a compose file): left alone.
    Other,
}

pub struct Workspace {
    configs: Configs,
    indexes: Vec<FolderIndex>,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            configs: Configs::new(crate::rules::codes()),
            indexes: Vec::new(),
        }
    }
}

impl Workspace {
    /// Checks a document: a case with its folder's configuration and folder rules, a
    /// `cplan.yaml` as what it is, anything else not at all.
    pub fn check(&mut self, path: Option<&Path>, text: &str, as_of: NaiveDate) -> Checked {
        let mut checked = Checked {
            findings: Vec::new(),
            case: None,
            not_checked: None,
            as_of,
        };
        match kind_of(path, text) {
            Kind::Other => {}
            Kind::Policy => {
                let path = path.unwrap_or(Path::new(POLICY_FILE));
                checked.findings = Config::policy_file_findings(path, text, crate::rules::codes());
            }
            Kind::Case => {
                let mut document = match self.case(path, text, as_of) {
                    Ok(document) => document,
                    Err(why) => {
                        checked.not_checked = Some(why);
                        return checked;
                    }
                };
                checked.findings = std::mem::take(&mut document.findings);
                checked.case = Some(Box::new(document));
            }
        }
        checked
    }

    fn case(&mut self, path: Option<&Path>, text: &str, as_of: NaiveDate) -> Result<CheckedDocument, String> {
        let Some((path, folder)) = path.and_then(|p| Some((p, p.parent()?))) else {
            // An unsaved buffer has no folder: the built-in profiles, no folder rules.
            let name = path.unwrap_or(Path::new("untitled.yaml"));
            return Ok(check::check_alone(name, text, &Config::builtin(), as_of));
        };
        let config = self.configs.for_folder(folder).map_err(|e| {
            format!("this folder's cplan.yaml cannot be used, so the case is not checked: {e}")
        })?;
        let index = self.index(folder, as_of);
        Ok(index.check_document(path, text, &config))
    }

    /// The index of `folder`, read now if it is not yet (or was for another day).
    fn index(&mut self, folder: &Path, as_of: NaiveDate) -> &mut FolderIndex {
        self.indexes
            .retain(|i| i.as_of() == as_of || i.folder() != folder);
        let at = match self.indexes.iter().position(|i| i.folder() == folder) {
            Some(at) => at,
            None => {
                self.indexes
                    .push(FolderIndex::build(folder, &self.configs, as_of));
                self.indexes.len() - 1
            }
        };
        &mut self.indexes[at]
    }

    /// Files changed on disk (created, changed or deleted). A `cplan.yaml` changes
    /// the configuration of every folder below it, so everything is read again; a case
    /// file is read again in each index that covers it, unless the editor holds it
    /// (its text there is the one the other files are checked against).
    pub fn files_changed(&mut self, paths: &[PathBuf], open: &dyn Fn(&Path) -> bool) {
        if paths
            .iter()
            .any(|p| p.file_name().is_some_and(|n| n == POLICY_FILE))
        {
            self.configs = Configs::new(crate::rules::codes());
            self.indexes.clear();
            return;
        }
        for path in paths.iter().filter(|p| !open(p)) {
            for index in self.indexes.iter_mut().filter(|i| i.covers(path)) {
                index.refresh(path, &self.configs);
            }
        }
    }

    /// The editor closed the document at `path`: from now on its folder sees the file
    /// on disk again.
    pub fn closed(&mut self, path: &Path) {
        for index in self.indexes.iter_mut().filter(|i| i.covers(path)) {
            index.refresh(path, &self.configs);
        }
    }

    /// The case ids of the other files of the folder of `path`, as indexed.
    pub fn case_ids_near(&self, path: &Path) -> Vec<String> {
        let folder = path.parent();
        self.indexes
            .iter()
            .filter(|i| Some(i.folder()) == folder)
            .flat_map(|i| i.case_ids().map(str::to_owned))
            .collect()
    }

    /// The profile names a case in the folder of `path` may name.
    pub fn profile_names_near(&self, path: Option<&Path>) -> Vec<String> {
        let config = path
            .and_then(Path::parent)
            .and_then(|folder| self.configs.for_folder(folder).ok());
        match config {
            Some(config) => config.profile_names().map(str::to_owned).collect(),
            None => Config::builtin().profile_names().map(str::to_owned).collect(),
        }
    }
}

/// Whether a document is a case, a `cplan.yaml` or other YAML: a case file has a
/// `case:`, `child:` or `episodes:` key at the top (a workflow or compose file has none).
pub fn kind_of(path: Option<&Path>, text: &str) -> Kind {
    if path.is_some_and(|p| p.file_name().is_some_and(|n| n == POLICY_FILE)) {
        return Kind::Policy;
    }
    let case_keys = text.lines().any(|line| {
        let line = line.trim_start_matches('\u{feff}');
        ["case:", "child:", "episodes:"]
            .iter()
            .any(|key| line.starts_with(key))
    });
    // A file too large to be read is a case for the loader to refuse with a finding.
    let too_large = text.len() as u64 > crate::load::DEFAULT_MAX_FILE_BYTES;
    if case_keys || too_large {
        Kind::Case
    } else {
        Kind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_case_files_are_checked_as_cases() {
        let case = "case: 2026-0142\nchild:\n  name: Ana\n";
        assert_eq!(kind_of(Some(Path::new("/c/a.yaml")), case), Kind::Case);
        assert_eq!(kind_of(None, case), Kind::Case);
        assert_eq!(kind_of(Some(Path::new("/c/cplan.yaml")), case), Kind::Policy);
        assert_eq!(
            kind_of(Some(Path::new("/c/.github/ci.yaml")), "on: push\n"),
            Kind::Other
        );
        assert_eq!(
            kind_of(Some(Path::new("/c/compose.yaml")), "services:\n  db: {}\n"),
            Kind::Other
        );
    }
}
