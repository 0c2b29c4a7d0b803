//! Which case files a run reads: every path typed, folders walked, each file once.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
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
    pub files: SourceList,
    pub unlisted: Vec<(PathBuf, String)>,
}

/// Case files to read, in order, packed: a run holds the list until its last file is
/// read, and a caseload's files share a few folders and most of their names
/// (`G1-000123.yaml`, `G1-000124.yaml`). Each stretch of files in one folder keeps its
/// folder once; each file keeps the part of its name it does not share with the
/// previous one (front coding), 11 bytes a file at 100,000 where a path was 26. A
/// `Source` is made again when a file is read.
#[derive(Debug, Default)]
pub struct SourceList {
    stretches: Vec<Stretch>,
    /// The rest of each name, one after another.
    names: String,
    /// Where each file's rest ends in `names` (it starts where the previous one's ends).
    ends: Vec<u32>,
    /// How many bytes of the previous file's name each file's name starts with; 0 for
    /// every `RESTART`th file, so a name is made from at most that many.
    shared: Vec<u8>,
    /// The last name pushed, whole.
    last: String,
}

/// Files one after another in one folder, reached the same way.
#[derive(Debug)]
struct Stretch {
    first: usize,
    folder: PathBuf,
    origin: Origin,
    /// The folder is the file's whole path: a name that is not UTF-8, or a path its
    /// folder and name would not give back as typed (one file to a stretch).
    whole: bool,
}

/// How often a name is kept whole.
const RESTART: usize = 16;

impl SourceList {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The file at `index` in run order.
    pub fn get(&self, index: usize) -> Option<Source> {
        if index >= self.len() {
            return None;
        }
        let after = self.stretches.partition_point(|s| s.first <= index);
        let stretch = self.stretches.get(after.checked_sub(1)?)?;
        let path = if stretch.whole {
            stretch.folder.clone()
        } else {
            stretch.folder.join(self.name(index)?)
        };
        Some(Source {
            path,
            origin: stretch.origin,
        })
    }

    /// The name of file `index`, made from the last name kept whole before it.
    fn name(&self, index: usize) -> Option<String> {
        let mut name = String::new();
        for i in index - index % RESTART..=index {
            let start = match i.checked_sub(1) {
                Some(previous) => *self.ends.get(previous)? as usize,
                None => 0,
            };
            let shared = *self.shared.get(i)? as usize;
            // Always a boundary: `push` shares whole characters only.
            if !name.is_char_boundary(shared) {
                return None;
            }
            name.truncate(shared);
            name.push_str(self.names.get(start..*self.ends.get(i)? as usize)?);
        }
        Some(name)
    }

    pub fn iter(&self) -> impl Iterator<Item = Source> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    pub fn push(&mut self, source: &Source) {
        let split = (source.path.parent())
            .zip(source.path.file_name().and_then(|n| n.to_str()))
            .filter(|(folder, name)| folder.join(name).as_os_str() == source.path.as_os_str());
        let (folder, name) = split.unwrap_or((source.path.as_path(), ""));
        let whole = name.is_empty();
        let same_stretch = (self.stretches.last()).is_some_and(|last| {
            !last.whole && !whole && last.folder == folder && last.origin == source.origin
        });
        if !same_stretch {
            self.stretches.push(Stretch {
                first: self.len(),
                folder: folder.to_path_buf(),
                origin: source.origin,
                whole,
            });
        }
        let shared = if self.len().is_multiple_of(RESTART) {
            0
        } else {
            shared_prefix(&self.last, name)
        };
        self.names.push_str(&name[shared..]);
        self.ends.push(count(self.names.len()));
        self.shared.push(u8::try_from(shared).unwrap_or(0));
        self.last.clear();
        self.last.push_str(name);
    }
}

/// How many bytes `b` starts with of `a`, at most 255, ending on a character boundary.
fn shared_prefix(a: &str, b: &str) -> usize {
    (a.char_indices().zip(b.chars()))
        .take_while(|((i, x), y)| x == y && i + x.len_utf8() <= usize::from(u8::MAX))
        .last()
        .map_or(0, |((i, x), _)| i + x.len_utf8())
}

/// An index or length as stored: 4 GB of file names would be tens of millions of
/// files, more than any caseload, so saturating only guards against the impossible.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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
    let mut seen = Seen::default();
    for root in paths {
        let found = files_under(root)?;
        if found.files.is_empty() && found.unlisted.is_empty() {
            return Err(PathError::NoCaseFiles(root.clone()));
        }
        sources.unlisted.extend(found.unlisted);
        for path in found.files {
            let key = key_of(&path, root, found.origin, found.real_root.as_deref());
            let source = Source {
                path,
                origin: found.origin,
            };
            if seen.insert(&key, &sources.files) {
                sources.files.push(&source);
            }
        }
    }
    Ok(sources)
}

/// What one path typed gives: its files, how they were reached, and the folders under
/// it that could not be listed.
struct Under {
    files: Vec<PathBuf>,
    origin: Origin,
    /// Where a walked folder really is (links resolved).
    real_root: Option<PathBuf>,
    unlisted: Vec<(PathBuf, String)>,
}

fn files_under(root: &Path) -> Result<Under, PathError> {
    if root == Path::new("-") {
        return Ok(Under {
            files: vec![PathBuf::from(STDIN_NAME)],
            origin: Origin::Stdin,
            real_root: None,
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
        return Ok(Under {
            files: vec![root.to_path_buf()],
            origin: Origin::Named,
            real_root: None,
            unlisted: Vec::new(),
        });
    }
    if let Err(e) = std::fs::read_dir(root) {
        return Err(PathError::Unreadable(root.to_path_buf(), e.to_string()));
    }
    let Discovered { files, unreadable } = load::discover(root);
    Ok(Under {
        files,
        origin: Origin::Walked,
        real_root: Some(real_path(root)),
        unlisted: unreadable,
    })
}

/// Which file `path` (reached from `root` as `origin` says) really is.
fn key_of(path: &Path, root: &Path, origin: Origin, real_root: Option<&Path>) -> PathBuf {
    match (origin, real_root) {
        (Origin::Stdin, _) => path.to_path_buf(),
        // The walk follows no folder link, so a file that is not a link is the real
        // folder of the root plus its path below the root: only links need resolving.
        (Origin::Walked, Some(real_root)) => {
            let is_link = path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink());
            match path.strip_prefix(root) {
                Ok(below) if !is_link => real_root.join(below),
                _ => real_path(path),
            }
        }
        _ => real_path(path),
    }
}

/// The files already found, each by the hash of its key, with the file's number: a
/// whole caseload's keys are not kept, only compared again (from the file's path) when
/// two hashes meet, so the same file is never read twice and two files whose keys
/// merely hash alike are both read.
#[derive(Default)]
struct Seen {
    first: HashMap<u64, u32>,
    /// Keys whose hash met another key's: kept whole.
    collided: HashSet<PathBuf>,
}

impl Seen {
    /// Whether the file whose key is `key` is new, `found` being the files so far.
    fn insert(&mut self, key: &Path, found: &SourceList) -> bool {
        let mut hasher = std::hash::DefaultHasher::new();
        key.hash(&mut hasher);
        match self.first.entry(hasher.finish()) {
            Entry::Vacant(vacant) => {
                vacant.insert(count(found.len()));
                true
            }
            Entry::Occupied(earlier) => {
                let same =
                    (found.get(*earlier.get() as usize)).is_some_and(|earlier| key_again(&earlier) == key);
                !same && self.collided.insert(key.to_path_buf())
            }
        }
    }
}

/// The key of a file found earlier, from its path alone.
fn key_again(source: &Source) -> PathBuf {
    match source.origin {
        Origin::Stdin => source.path.clone(),
        Origin::Walked | Origin::Named => real_path(&source.path),
    }
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
        sources.files.iter().map(|s| s.path).collect()
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
    fn the_packed_list_gives_back_each_path_as_it_was_found() {
        let found = [
            ("north/a.yaml", Origin::Walked),
            ("north/b.yaml", Origin::Walked),
            ("north/sub/c.yaml", Origin::Walked),
            ("north/d.yaml", Origin::Walked),
            ("./e.yml", Origin::Named),
            ("f.yaml", Origin::Named),
            ("north/b.yaml/", Origin::Named),
            ("/", Origin::Named),
            (STDIN_NAME, Origin::Stdin),
        ];
        let mut list = SourceList::default();
        for (path, origin) in found {
            list.push(&Source {
                path: PathBuf::from(path),
                origin,
            });
        }
        let back: Vec<(String, Origin)> = (list.iter())
            .map(|s| (s.path.as_os_str().to_string_lossy().into_owned(), s.origin))
            .collect();
        let found: Vec<(String, Origin)> = found.iter().map(|(p, o)| (p.to_string(), *o)).collect();
        assert_eq!(back, found);
        assert_eq!(list.len(), 9);
        assert!(list.get(9).is_none());
    }

    #[test]
    fn names_that_share_their_start_are_given_back_whole() {
        let long = "x".repeat(300);
        let mut names: Vec<String> = (0..40).map(|i| format!("G1-{i:06}.yaml")).collect();
        names.extend(["G1-000039.yml", "Åsa-1.yaml", "Åsa-2.yaml", "Åse.yaml", "b.yaml"].map(String::from));
        names.extend([
            format!("{long}a.yaml"),
            format!("{long}b.yaml"),
            "é.yaml".to_owned(),
        ]);
        let mut list = SourceList::default();
        for (i, name) in names.iter().enumerate() {
            let folder = if i < 20 { "north" } else { "south" };
            list.push(&Source {
                path: Path::new(folder).join(name),
                origin: Origin::Walked,
            });
        }
        let back: Vec<PathBuf> = list.iter().map(|s| s.path).collect();
        let given: Vec<PathBuf> = (names.iter().enumerate())
            .map(|(i, name)| Path::new(if i < 20 { "north" } else { "south" }).join(name))
            .collect();
        assert_eq!(back, given);
        // The shared starts are not kept twice: eight bytes of 37 of the first forty
        // names (the others start a restart), 255 of the second long one.
        let whole: usize = names.iter().map(String::len).sum();
        assert!(
            whole - list.names.len() >= 37 * 8 + 255,
            "{} of {whole}",
            list.names.len()
        );
    }

    #[test]
    fn a_dash_is_standard_input_once() {
        let found = find(&[PathBuf::from("-"), PathBuf::from("-")]).expect("stdin");
        assert_eq!(found.files.len(), 1);
        let source = found.files.get(0).expect("one file");
        assert_eq!(source.origin, Origin::Stdin);
        assert_eq!(source.path, Path::new(STDIN_NAME));
    }
}
