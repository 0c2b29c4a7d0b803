//! The profiles a folder's cases can use: the built-in ones, and what the folder's
//! `cplan.yaml` adds or changes.
//!
//! `cplan.yaml` is a profile document: its top level adjusts the profile it
//! `extends` (default `federal`) *under that profile's name*, and that profile
//! becomes the default for cases that name no `jurisdiction`. So a folder of
//! California cases writes `extends: california` and its changes apply to every
//! case that says `jurisdiction: california`. Further profiles can be defined (or a
//! built-in one redefined) under `profiles:`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::document;
use super::profile::Profile;
use crate::finding::{Finding, shared_path};
use crate::load::convert::{Conv, Obj};
use crate::load::node::Node;
use crate::load::{LoadOptions, POLICY_FILE, parse};

/// The built-in profile documents, base first.
const BUILTIN: &[(&str, &str)] = &[
    ("federal", include_str!("profiles/federal.yaml")),
    ("california", include_str!("profiles/california.yaml")),
    ("kansas", include_str!("profiles/kansas.yaml")),
];

pub const DEFAULT_PROFILE: &str = "federal";

/// Every profile of a folder, and its loader settings.
#[derive(Debug, Clone)]
pub struct Config {
    profiles: BTreeMap<String, Arc<Profile>>,
    default: String,
    pub load: LoadOptions,
    /// The `cplan.yaml` this came from, if any.
    pub source: Option<PathBuf>,
}

/// A `cplan.yaml` (or built-in profile) that cannot be used: the run stops (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot be read: {reason}", path.display())]
    Unreadable { path: PathBuf, reason: String },
    #[error("{} has {} problem{}:\n{}", path.display(), problems.len(), if problems.len() == 1 { "" } else { "s" }, list(problems))]
    Invalid { path: PathBuf, problems: Vec<String> },
}

fn list(problems: &[String]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A case names a jurisdiction no profile has (CP004 on that case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownProfile {
    pub name: String,
    pub known: Vec<String>,
}

impl Config {
    /// The built-in profiles only, as for a folder without `cplan.yaml`.
    pub fn builtin() -> Config {
        let mut config = Config {
            profiles: BTreeMap::new(),
            default: DEFAULT_PROFILE.to_owned(),
            load: LoadOptions::default(),
            source: None,
        };
        for (name, text) in BUILTIN {
            // The built-in documents are part of the program and tested; a mistake in
            // one is a bug, reported like a broken cplan.yaml rather than a panic.
            if let Err(e) = config.read_document(Path::new(&format!("<built-in {name}>")), text, Some(name)) {
                eprintln!("cplan: internal error in a built-in profile: {e}");
            }
        }
        config
    }

    /// The folder's configuration: the built-in profiles, adjusted by `folder/cplan.yaml` if present.
    pub fn for_folder(folder: &Path) -> Result<Config, ConfigError> {
        let path = folder.join(POLICY_FILE);
        let mut config = Config::builtin();
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(config),
            Err(e) => {
                return Err(ConfigError::Unreadable {
                    path,
                    reason: e.to_string(),
                });
            }
        };
        let text =
            parse::decode(&bytes).map_err(|e| invalid(&path, vec![located(&path, e.loc, &e.message)]))?;
        config.read_document(&path, text, None)?;
        config.source = Some(path);
        Ok(config)
    }

    /// The profile for a case's `jurisdiction` (its default when none is written).
    pub fn profile_for(&self, jurisdiction: Option<&str>) -> Result<&Arc<Profile>, UnknownProfile> {
        let name = jurisdiction.unwrap_or(&self.default);
        self.profiles.get(name).ok_or_else(|| UnknownProfile {
            name: name.to_owned(),
            known: self.profiles.keys().cloned().collect(),
        })
    }

    pub fn default_profile(&self) -> &Arc<Profile> {
        // The default is always one of the profiles: it is set only to a name just inserted.
        &self.profiles[&self.default]
    }

    pub fn profile_names(&self) -> impl Iterator<Item = &str> {
        self.profiles.keys().map(String::as_str)
    }

    /// Reads one profile document. `builtin_name` names a built-in document; for a
    /// `cplan.yaml` the profile it extends is adjusted and becomes the default.
    fn read_document(
        &mut self,
        path: &Path,
        text: &str,
        builtin_name: Option<&str>,
    ) -> Result<(), ConfigError> {
        let root = parse::parse_document(text)
            .or_else(|e| {
                if text.trim().is_empty() {
                    Ok(empty_map())
                } else {
                    Err(e)
                }
            })
            .map_err(|e| invalid(path, vec![located(path, e.loc, &e.message)]))?;
        let file = shared_path(path);
        let mut c = Conv::new(&file);
        if let Some(mut o) = c.obj(&root, "") {
            match builtin_name {
                Some(name) => self.read_profile(&mut c, &mut o, name, true),
                None => self.read_folder_config(&mut c, &mut o),
            }
            c.finish(o);
        }
        if c.findings.is_empty() {
            Ok(())
        } else {
            Err(invalid(
                path,
                c.findings.iter().map(|f| describe(path, f)).collect(),
            ))
        }
    }

    fn read_folder_config(&mut self, c: &mut Conv, o: &mut Obj<'_>) {
        let size = c.get(o, "max_file_size");
        if let Some(bytes) = c.parsed::<FileSize>(&size) {
            self.load.max_file_bytes = bytes.0;
        }
        let extends = c.get(o, "extends");
        let base = c.text(&extends).unwrap_or_else(|| DEFAULT_PROFILE.to_owned());
        if !self.profiles.contains_key(&base) {
            if let Some(node) = extends.node {
                c.report_invalid(node, self.unknown_extends(&base));
            }
            return;
        }
        self.read_profile(c, o, &base, false);
        self.default = base;
        let profiles = c.get(o, "profiles");
        for (entry, path) in c.named_entries(&profiles) {
            let Some(mut p) = c.obj(&entry.value, &path) else {
                continue;
            };
            self.read_profile(c, &mut p, &entry.key, true);
            c.finish(p);
        }
    }

    /// Builds profile `name` from the document `o`: over the profile it `extends`
    /// (when `may_extend`), else over the existing profile of that name.
    fn read_profile(&mut self, c: &mut Conv, o: &mut Obj<'_>, name: &str, may_extend: bool) {
        let extends = if may_extend {
            c.get(o, "extends")
        } else {
            crate::load::convert::Field::absent()
        };
        let base_name = c.text(&extends);
        let base = match base_name.as_deref() {
            Some(base) => match self.profiles.get(base) {
                Some(profile) => Some((**profile).clone()),
                None => {
                    if let Some(node) = extends.node {
                        c.report_invalid(node, self.unknown_extends(base));
                    }
                    return;
                }
            },
            None => self.profiles.get(name).map(|p| (**p).clone()),
        };
        let mut profile = base.unwrap_or_else(|| Profile::blank(name));
        if base_name.is_some() {
            profile.extends = base_name;
        }
        profile.name = name.into();
        document::apply(c, o, &mut profile);
        self.profiles.insert(name.to_owned(), Arc::new(profile));
    }

    fn unknown_extends(&self, name: &str) -> String {
        let known: Vec<&str> = self.profile_names().collect();
        format!(
            "`extends: {name}` names no profile; known profiles: {}",
            known.join(", ")
        )
    }
}

fn empty_map() -> Node<'static> {
    Node {
        loc: crate::finding::Loc::START,
        value: crate::load::node::Value::Map(Vec::new()),
    }
}

fn invalid(path: &Path, problems: Vec<String>) -> ConfigError {
    ConfigError::Invalid {
        path: path.to_path_buf(),
        problems,
    }
}

fn located(path: &Path, loc: Option<crate::finding::Loc>, message: &str) -> String {
    match loc {
        Some(loc) => format!("{}:{loc}: {message}", path.display()),
        None => format!("{}: {message}", path.display()),
    }
}

fn describe(path: &Path, finding: &Finding) -> String {
    located(path, finding.loc, &finding.message)
}

/// `max_file_size`: `4MiB`, `512KiB`, `2MB`, or a number of bytes.
struct FileSize(u64);

impl std::str::FromStr for FileSize {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let t = text.trim();
        let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
        let (number, unit) = t.split_at(split);
        let factor = match unit.trim() {
            "" | "B" => 1,
            "KiB" | "KB" | "K" => 1024,
            "MiB" | "MB" | "M" => 1024 * 1024,
            _ => 0,
        };
        match number.parse::<u64>() {
            Ok(n) if factor > 0 && n > 0 => Ok(FileSize(n.saturating_mul(factor))),
            _ => Err(format!("`{t}` is not a size; write e.g. 4MiB or 512KiB")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::RuleSetting;

    fn folder_with(text: &str) -> (tempfile::TempDir, Result<Config, ConfigError>) {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(POLICY_FILE), text).expect("write");
        let config = Config::for_folder(dir.path());
        (dir, config)
    }

    #[test]
    fn builtin_profiles_read_without_problems() {
        for (name, text) in BUILTIN {
            let mut config = Config::builtin();
            config
                .read_document(Path::new(name), text, Some(name))
                .expect("a valid built-in profile");
        }
        let config = Config::builtin();
        assert_eq!(
            config.profile_names().collect::<Vec<_>>(),
            ["california", "federal", "kansas"]
        );
        let kansas = config.profile_for(Some("kansas")).expect("kansas");
        assert_eq!(kansas.visits.max_gap_days, [10, 14, 14], "inherited from federal");
        assert_eq!(kansas.checks_required_for.len(), 2);
        assert_eq!(
            kansas.deadlines.case_plan.to_string(),
            "staffing + 30d else removed + 60d"
        );
        assert_eq!(&*config.default_profile().name, "federal");
    }

    #[test]
    fn cplan_yaml_adjusts_the_profile_it_extends_and_makes_it_the_default() {
        let (_dir, config) = folder_with(
            "extends: california\nvisits:\n  min: [6, 4, 4]\nrules:\n  CP203: off\nmax_file_size: 1MiB\n\
             profiles:\n  pilot:\n    extends: kansas\n    fdi_interval_days: 60\n",
        );
        let config = config.expect("valid");
        let california = config.profile_for(None).expect("default");
        assert_eq!(&*california.name, "california");
        assert_eq!(california.visits.min, [6, 4, 4]);
        assert_eq!(california.rule_setting("CP203"), Some(RuleSetting::Off));
        assert_eq!(
            config
                .profile_for(Some("california"))
                .expect("by name")
                .visits
                .min,
            [6, 4, 4]
        );
        assert_eq!(
            config.profile_for(Some("federal")).expect("untouched").visits.min,
            [4, 4, 4]
        );
        let pilot = config.profile_for(Some("pilot")).expect("defined");
        assert_eq!(
            (pilot.fdi_interval_days, pilot.checks_required_for.len()),
            (60, 2)
        );
        assert_eq!(config.load.max_file_bytes, 1024 * 1024);
        assert!(config.profile_for(Some("texas")).is_err());
    }

    #[test]
    fn a_broken_cplan_yaml_lists_every_problem_with_its_line() {
        let (_dir, config) = folder_with(
            "extends: federal\nvisit:\n  min: [6, 4, 4]\nwarning_window: 2 weeks\nrules:\n  CP2O3: off\n",
        );
        let message = config.expect_err("invalid").to_string();
        assert!(message.contains("has 3 problems"), "{message}");
        assert!(
            message.contains("cplan.yaml:2:1: unknown key `visit`"),
            "{message}"
        );
        assert!(message.contains("did you mean `visits`?"), "{message}");
        assert!(message.contains("cplan.yaml:4:17: `warning_window`"), "{message}");
        assert!(
            message.contains("cplan.yaml:6:3: `rules` names `CP2O3`"),
            "{message}"
        );
        let (_dir, config) = folder_with("extends: texas\n");
        assert!(
            config
                .expect_err("invalid")
                .to_string()
                .contains("`extends: texas` names no profile")
        );
        let (_dir, config) = folder_with("rules: [CP203]\n");
        assert!(config.is_err());
    }

    #[test]
    fn the_effective_settings_read_back_as_the_same_profile() {
        let config = Config::builtin();
        for name in ["federal", "california", "kansas"] {
            let profile = config.profile_for(Some(name)).expect("built in");
            let printed = profile.to_string();
            let mut again = Config::builtin();
            again
                .read_document(Path::new("printed"), &printed, Some("again"))
                .expect("printed profile reads back");
            let mut reread = (**again.profile_for(Some("again")).expect("read")).clone();
            reread.name = profile.name.clone();
            reread.extends = profile.extends.clone();
            assert_eq!(&reread, &**profile, "{printed}");
        }
    }
}
