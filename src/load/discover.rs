//! Which files under a path are case files.

use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

/// The policy file at a folder's root; never read as a case.
pub const POLICY_FILE: &str = "cplan.yaml";

/// What walking a path found: case files in a stable (sorted) order, and folders
/// that could not be read (reported, not fatal).
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    pub unreadable: Vec<(PathBuf, String)>,
}

/// Every `*.yaml`/`*.yml` file under `root` (or `root` itself when it is a file).
/// (`check::sources` decides what a path typed on the command line is.)
/// Hidden folders and `target/` are skipped; symlinked folders are not followed
/// (so a symlink loop cannot trap the walk), symlinked files are read. Anything else
/// with a case file's name is listed, so that the loader reports why it cannot be read.
pub fn discover(root: &Path) -> Discovered {
    let mut found = Discovered::default();
    if root.is_file() {
        found.files.push(root.to_path_buf());
        return found;
    }
    let walk = WalkDir::new(root)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_skipped_folder(e));
    for entry in walk {
        match entry {
            Ok(entry) if is_case_file(&entry) => found.files.push(entry.into_path()),
            Ok(_) => {}
            Err(error) => {
                let path = error
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.to_path_buf());
                let reason = error
                    .io_error()
                    .map_or_else(|| error.to_string(), std::string::ToString::to_string);
                found.unreadable.push((path, reason));
            }
        }
    }
    found.files.sort();
    found
}

fn is_skipped_folder(entry: &DirEntry) -> bool {
    let name = entry.file_name().to_string_lossy();
    entry.file_type().is_dir() && (name.starts_with('.') || name == "target")
}

fn is_case_file(entry: &DirEntry) -> bool {
    let path = entry.path();
    let has_yaml_extension = matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"));
    if !has_yaml_extension || entry.file_name() == POLICY_FILE {
        return false;
    }
    if entry.file_type().is_dir() {
        // A folder named x.yaml is walked like any folder, not read.
        return false;
    }
    if !entry.path_is_symlink() {
        // A regular file; or a named pipe, socket or device with a case file's name,
        // which the loader reports without opening it (so it is not silently skipped).
        return true;
    }
    // A symlink to a folder (even one named x.yaml) is not followed; any other symlink
    // is read, and the loader reports a broken or looping one.
    !path.metadata().is_ok_and(|m| m.is_dir())
}
