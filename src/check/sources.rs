//! Which case files a run reads: every path typed, folders walked, each file once.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::PathError;
use crate::load::{self, Discovered};

/// The name standard input goes by in diagnostics (`cplan check -`).
pub const STDIN_NAME: &str = "<stdin>";

/// How a case file was reached, which decides how it may be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Found by walking a folder: regular files only.
    Walked,
    /// Typed on the command line: read even when it is not a regular file
    /// (`/dev/stdin`, `<(cat f.yaml)`), as the user asked.
    Named,
    /// `-`: one case from standard input.
    Stdin,
}

/// One case file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    pub origin: Origin,
}

/// Every case file under the paths typed, in order (each folder's files sorted), and
/// the folders that could not be listed.
#[derive(Debug, Default)]
pub struct Sources {
    pub files: Vec<Source>,
    pub unlisted: Vec<(PathBuf, String)>,
}

impl Sources {
    /// The text of file `index` read again, for the source lines of the folder rules'
    /// findings: only a file found by walking a folder is; one typed on the command line
    /// may be a pipe or standard input, which cannot be read twice (the folder rules keep
    /// those few files' lines instead).
    pub fn read_again(&self, index: usize, options: load::LoadOptions) -> Option<String> {
        let source = self.files.get(index)?;
        (source.origin == Origin::Walked)
            .then(|| load::read_text_again(&source.path, options))
            .flatten()
    }
}

/// Finds the case files under `paths`. The same file reached twice (overlapping
/// folders, `./x` and `x`, a link to a file already found) is read once, so no case is
/// counted twice or reported as a duplicate of itself. A path that does not exist, or
/// under which no case file is found, stops the run: a cron job pointed at the wrong
/// folder must not report "nothing to do" for ever.
pub fn find(paths: &[PathBuf]) -> Result<Sources, PathError> {
    let mut sources = Sources::default();
    let mut seen = HashSet::new();
    for root in paths {
        let found = files_under(root)?;
        if found.files.is_empty() && found.unlisted.is_empty() {
            return Err(PathError::NoCaseFiles(root.clone()));
        }
        sources.unlisted.extend(found.unlisted);
        for (source, key) in found.files {
            if seen.insert(key) {
                sources.files.push(source);
            }
        }
    }
    Ok(sources)
}

/// What one path typed gives: its files, each with the key that says which file it
/// really is, and the folders under it that could not be listed.
struct Under {
    files: Vec<(Source, PathBuf)>,
    unlisted: Vec<(PathBuf, String)>,
}

fn files_under(root: &Path) -> Result<Under, PathError> {
    if root == Path::new("-") {
        let source = Source {
            path: PathBuf::from(STDIN_NAME),
            origin: Origin::Stdin,
        };
        return Ok(Under {
            files: vec![(source, PathBuf::from(STDIN_NAME))],
            unlisted: Vec::new(),
        });
    }
    let metadata = match std::fs::metadata(root) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(PathError::NotFound(root.to_path_buf()));
        }
        Err(e) => return Err(PathError::Unreadable(root.to_path_buf(), e.to_string())),
    };
    if !metadata.is_dir() {
        let source = Source {
            path: root.to_path_buf(),
            origin: Origin::Named,
        };
        return Ok(Under {
            files: vec![(source, real_path(root))],
            unlisted: Vec::new(),
        });
    }
    if let Err(e) = std::fs::read_dir(root) {
        return Err(PathError::Unreadable(root.to_path_buf(), e.to_string()));
    }
    let Discovered { files, unreadable } = load::discover(root);
    // The walk follows no folder link, so a file that is not a link is the real folder
    // of the root plus its path below the root: only links need resolving.
    let real_root = real_path(root);
    let files = files
        .into_iter()
        .map(|path| {
            let is_link = path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink());
            let key = match path.strip_prefix(root) {
                Ok(below) if !is_link => real_root.join(below),
                _ => real_path(&path),
            };
            let source = Source {
                path,
                origin: Origin::Walked,
            };
            (source, key)
        })
        .collect();
    Ok(Under {
        files,
        unlisted: unreadable,
    })
}

/// The file a path leads to, links resolved; the path itself when that fails (a broken
/// link is still read once, and the loader says why it cannot be).
fn real_path(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for file in files {
            let path = dir.path().join(file);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("folders");
            }
            std::fs::write(path, "case: x\n").expect("write");
        }
        dir
    }

    fn paths(sources: &Sources) -> Vec<PathBuf> {
        sources.files.iter().map(|s| s.path.clone()).collect()
    }

    #[test]
    fn the_same_file_reached_twice_is_read_once() {
        let dir = folder_with(&["a.yaml", "north/b.yaml"]);
        let root = dir.path().to_path_buf();
        let found = find(&[
            root.clone(),
            root.join("."),
            root.join("north/b.yaml"),
            root.join("north/../a.yaml"),
        ])
        .expect("found");
        assert_eq!(paths(&found), [root.join("a.yaml"), root.join("north/b.yaml")]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_file_already_found_is_not_read_again() {
        let dir = folder_with(&["a.yaml"]);
        std::os::unix::fs::symlink(dir.path().join("a.yaml"), dir.path().join("link.yaml")).expect("link");
        let found = find(&[dir.path().to_path_buf()]).expect("found");
        assert_eq!(paths(&found), [dir.path().join("a.yaml")]);
    }

    #[test]
    fn a_folder_without_case_files_stops_the_run() {
        let dir = folder_with(&["notes.txt", "cplan.yaml"]);
        let error = find(&[dir.path().to_path_buf()]).expect_err("no case file");
        assert!(matches!(error, PathError::NoCaseFiles(_)), "{error}");
        let missing = find(&[dir.path().join("nothing-here")]).expect_err("missing");
        assert!(matches!(missing, PathError::NotFound(_)), "{missing}");
    }

    #[test]
    fn a_dash_is_standard_input_once() {
        let found = find(&[PathBuf::from("-"), PathBuf::from("-")]).expect("stdin");
        assert_eq!(found.files.len(), 1);
        assert_eq!(found.files[0].origin, Origin::Stdin);
        assert_eq!(found.files[0].path, Path::new(STDIN_NAME));
    }
}
