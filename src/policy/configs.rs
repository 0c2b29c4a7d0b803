//! The configuration of every folder a run reads, each `cplan.yaml` read once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use super::config::{Config, ConfigError, RuleCodes, nearest_policy_file};

/// Finds and keeps the configuration of each folder of case files. A caseload spread
/// over many folders shares a handful of `cplan.yaml` files: each is read once.
#[derive(Debug)]
pub struct Configs {
    known: Mutex<Known>,
    /// The rule codes a `cplan.yaml` may name.
    codes: RuleCodes,
}

#[derive(Debug, Default)]
struct Known {
    /// A folder of case files → the configuration that applies there.
    by_folder: HashMap<PathBuf, Arc<Config>>,
    /// A policy file (`None`: none found, the built-in profiles) → what it configures.
    by_policy_file: HashMap<Option<PathBuf>, Arc<Config>>,
}

impl Configs {
    pub fn new(codes: RuleCodes) -> Configs {
        Configs {
            known: Mutex::default(),
            codes,
        }
    }

    /// The configuration of the case file at `path` (its folder's, see `Config::for_folder`).
    pub fn for_file(&self, path: &Path) -> Result<Arc<Config>, ConfigError> {
        self.for_folder(path.parent().unwrap_or(Path::new(".")))
    }

    /// The configuration of the case files in `folder`.
    pub fn for_folder(&self, folder: &Path) -> Result<Arc<Config>, ConfigError> {
        let mut known = self.known.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(config) = known.by_folder.get(folder) {
            return Ok(Arc::clone(config));
        }
        let policy_file = nearest_policy_file(folder);
        let config = match known.by_policy_file.get(&policy_file) {
            Some(config) => Arc::clone(config),
            None => {
                let config = Arc::new(match &policy_file {
                    Some(path) => Config::from_policy_file(path, self.codes)?,
                    None => Config::builtin(),
                });
                known.by_policy_file.insert(policy_file, Arc::clone(&config));
                config
            }
        };
        known.by_folder.insert(folder.to_path_buf(), Arc::clone(&config));
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subfolder_uses_the_policy_file_above_it_read_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let north = dir.path().join("north");
        std::fs::create_dir(&north).expect("subfolder");
        std::fs::write(dir.path().join("cplan.yaml"), "rules:\n  CP203: off\n").expect("write");
        let configs = Configs::new(RuleCodes::Trusted);
        let top = configs.for_folder(dir.path()).expect("valid");
        let below = configs.for_folder(&north).expect("valid");
        assert!(Arc::ptr_eq(&top, &below), "one cplan.yaml, read once");
        assert_eq!(below.source.as_deref(), Some(&*dir.path().join("cplan.yaml")));
        let file = configs.for_file(&north.join("x.yaml")).expect("valid");
        assert!(Arc::ptr_eq(&top, &file));
    }

    #[test]
    fn the_nearest_policy_file_wins() {
        let dir = tempfile::tempdir().expect("temp dir");
        let north = dir.path().join("north");
        std::fs::create_dir(&north).expect("subfolder");
        std::fs::write(dir.path().join("cplan.yaml"), "extends: kansas\n").expect("write");
        std::fs::write(north.join("cplan.yaml"), "extends: california\n").expect("write");
        let configs = Configs::new(RuleCodes::Trusted);
        let name = |folder: &Path| {
            configs
                .for_folder(folder)
                .expect("valid")
                .default_profile()
                .name
                .to_string()
        };
        assert_eq!(name(dir.path()), "kansas");
        assert_eq!(name(&north), "california");
        assert_eq!(
            name(&north.join("..")),
            "kansas",
            "`north/..` is the folder above"
        );
    }
}
