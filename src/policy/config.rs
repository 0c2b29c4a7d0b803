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

mod names;

pub use names::check_profile_name;

use super::document;
use super::profile::Profile;
use crate::finding::{Finding, code, shared_path};
use crate::load::convert::{Conv, Field, Obj, Parsed};
use crate::load::node::Node;
use crate::load::positions::Place;
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
    /// The rule codes its documents may name.
    codes: RuleCodes,
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

/// The rule codes a profile may name under `rules:`. The rules layer gives them
/// (`rules::codes()`) to whoever reads a `cplan.yaml`, so that profiles do not depend on
/// the rules above them; the built-in documents, part of the program and tested, name
/// only rules that exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleCodes {
    /// Every code of the catalogue.
    Known(&'static [&'static str]),
    /// Any code (the built-in documents).
    Trusted,
}

impl RuleCodes {
    /// The code as the catalogue writes it (`cp203` is `CP203`), if it is one.
    pub fn find(self, code: &str) -> Option<String> {
        match self {
            RuleCodes::Known(codes) => codes
                .iter()
                .find(|known| known.eq_ignore_ascii_case(code))
                .map(|known| (*known).to_owned()),
            RuleCodes::Trusted => Some(code.to_ascii_uppercase()),
        }
    }

    /// Every code, for a "did you mean" (none when trusted).
    pub fn all(self) -> &'static [&'static str] {
        match self {
            RuleCodes::Known(codes) => codes,
            RuleCodes::Trusted => &[],
        }
    }
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
            codes: RuleCodes::Trusted,
        };
        for (name, text) in BUILTIN {
            // The built-in documents are part of the program, and a test reads each
            // without a problem (`builtin_profiles_read_without_problems`): a mistake in
            // one is a bug of the build, which a debug build stops at and a release build
            // cannot meet. The library prints nothing of its own.
            let read = config.read_document(Path::new(&format!("<built-in {name}>")), text, Some(name));
            debug_assert!(read.is_ok(), "a built-in profile: {read:?}");
        }
        config
    }

    /// The configuration of the case files in `folder`: the built-in profiles, adjusted
    /// by the nearest `cplan.yaml` in that folder or a folder above it (see
    /// `nearest_policy_file`), so a case gets the same verdict whichever path was typed.
    pub fn for_folder(folder: &Path, codes: RuleCodes) -> Result<Config, ConfigError> {
        match nearest_policy_file(folder) {
            Some(path) => Config::from_policy_file(&path, codes),
            None => Ok(Config::builtin()),
        }
    }

    /// The built-in profiles adjusted by the policy file at `path`, whose `rules:` may
    /// name the rule `codes`.
    pub fn from_policy_file(path: &Path, codes: RuleCodes) -> Result<Config, ConfigError> {
        let mut config = Config::builtin();
        config.codes = codes;
        // The same guards as case files: a regular file of a bounded size, so a link to
        // /dev/zero or a named pipe called cplan.yaml cannot hang the run or fill memory.
        let bytes =
            crate::load::read_regular_file(path, crate::load::DEFAULT_MAX_FILE_BYTES).map_err(|reason| {
                ConfigError::Unreadable {
                    path: path.to_path_buf(),
                    reason,
                }
            })?;
        let text =
            parse::decode(&bytes).map_err(|e| invalid(path, vec![located(path, e.loc, &e.message)]))?;
        config.read_document(path, text, None)?;
        config.source = Some(path.to_path_buf());
        Ok(config)
    }

    /// The problems of the `cplan.yaml` at `path` whose text is `text`, each at its
    /// place, as an editor shows them while the file is written (none: it can be used).
    pub fn policy_file_findings(path: &Path, text: &str, codes: RuleCodes) -> Vec<Finding> {
        let mut config = Config::builtin();
        config.codes = codes;
        let mut findings = config.document_findings(path, text, None);
        crate::load::attach_source_lines(text, &mut findings);
        findings
    }

    /// The profile for a case's `jurisdiction` (its default when none is written).
    ///
    /// Profile names are lower case, but a caseworker who writes the state's name as a
    /// name (`California`) means the same profile: a reference is read without regard
    /// to letter case. Only a profile's definition must be written in lower case.
    pub fn profile_for(&self, jurisdiction: Option<&str>) -> Result<&Arc<Profile>, UnknownProfile> {
        let name = jurisdiction.unwrap_or(&self.default);
        self.profiles
            .get(name)
            .or_else(|| self.profiles.get(&name.to_ascii_lowercase()))
            .ok_or_else(|| UnknownProfile {
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
        let findings = self.document_findings(path, text, builtin_name);
        if findings.is_empty() {
            Ok(())
        } else {
            Err(invalid(
                path,
                findings.iter().map(|f| describe(path, f)).collect(),
            ))
        }
    }

    /// Reads one profile document (see `read_document`), giving its problems.
    fn document_findings(&mut self, path: &Path, text: &str, builtin_name: Option<&str>) -> Vec<Finding> {
        let file = shared_path(path);
        let root = match parse::parse_document(text) {
            Ok(root) => root,
            Err(_) if text.trim().is_empty() => empty_map(),
            Err(e) => {
                let mut finding =
                    Finding::new(code::CP001, crate::finding::Severity::Error, &file, e.message);
                finding.loc = e.loc;
                return vec![finding];
            }
        };
        let mut c = Conv::new(&file);
        if let Some(mut o) = c.obj(&root, Place::TOP) {
            match builtin_name {
                Some(name) => self.read_profile(&mut c, &mut o, name, true),
                None => self.read_folder_config(&mut c, &mut o),
            }
            c.finish(o);
        }
        c.findings
    }

    fn read_folder_config(&mut self, c: &mut Conv, o: &mut Obj<'_>) {
        if let Some(bytes) = c.opt::<Parsed<FileSize>>(o, "max_file_size") {
            self.load.max_file_bytes = bytes.0;
        }
        let extends = c.get(o, "extends");
        let Ok(base) = self.extended(c, &extends) else {
            return;
        };
        let base = base.unwrap_or_else(|| DEFAULT_PROFILE.to_owned());
        self.read_profile(c, o, &base, false);
        self.default = base;
        let profiles = c.get(o, "profiles");
        for (entry, path) in c.named_entries(&profiles) {
            if let Err(why) = check_profile_name(&entry.key) {
                c.report_at(code::CP004, entry.key_loc, format!("`profiles`: {why}"));
                continue;
            }
            let Some(mut p) = c.obj(&entry.value, path) else {
                continue;
            };
            self.read_profile(c, &mut p, &entry.key, true);
            c.finish(p);
        }
    }

    /// The profile an `extends:` names, in lower case (`None` when none is written);
    /// `Err` once reported, when it is not a profile name or names no profile.
    fn extended(&self, c: &mut Conv, field: &Field<'_>) -> Result<Option<String>, Reported> {
        let (Some(node), Some(written)) = (field.node, c.read::<String>(field)) else {
            return Ok(None);
        };
        let name = written.to_ascii_lowercase();
        // Shown as written: when the lower-case name is no name, neither is this one.
        if let (Err(_), Err(why)) = (check_profile_name(&name), check_profile_name(&written)) {
            c.report_invalid(node, format!("`{}`: {why}", c.path_of(field.path)));
            return Err(Reported);
        }
        if !self.profiles.contains_key(&name) {
            c.report_invalid(node, self.unknown_extends(&name));
            return Err(Reported);
        }
        Ok(Some(name))
    }

    /// Builds profile `name` from the document `o`: over the profile it `extends`
    /// (when `may_extend`), else over the existing profile of that name.
    fn read_profile(&mut self, c: &mut Conv, o: &mut Obj<'_>, name: &str, may_extend: bool) {
        let extends = if may_extend {
            c.get(o, "extends")
        } else {
            Field::absent()
        };
        let Ok(base_name) = self.extended(c, &extends) else {
            return;
        };
        let base = self
            .profiles
            .get(base_name.as_deref().unwrap_or(name))
            .map(|p| (**p).clone());
        let mut profile = base.unwrap_or_else(|| Profile::blank(name));
        if base_name.is_some() {
            profile.extends = base_name;
        }
        profile.name = name.into();
        document::apply(c, o, &mut profile, self.codes);
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

/// The `cplan.yaml` that applies to the case files in `folder`: the first one found
/// in that folder or a folder above it, up to the root of the file system (as
/// `.editorconfig` and ruff's settings are found). The folder is made absolute without
/// resolving links, so `cases/north` finds `cases/cplan.yaml` whatever the current folder.
pub fn nearest_policy_file(folder: &Path) -> Option<PathBuf> {
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let absolute = without_dot_dots(&std::path::absolute(folder).ok()?);
    absolute
        .ancestors()
        .map(|dir| dir.join(POLICY_FILE))
        .find(|candidate| candidate.symlink_metadata().is_ok())
}

/// `/srv/cases/north/../south` → `/srv/cases/south`: the folders above are those the
/// user sees in the path typed (`std::path::absolute` keeps `..`).
fn without_dot_dots(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// A problem already reported as a finding.
struct Reported;

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
mod tests;
