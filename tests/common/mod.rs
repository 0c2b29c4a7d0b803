//! What the CLI test files share: the binary run as a user runs it on the sample
//! caseload, its output when it must succeed, and the invented names the samples hold
//! (for the `--redact` leak tests). Each test file uses part of it.
#![allow(dead_code)]

pub mod hostile;

use std::path::Path;
use std::process::Command;

use insta_cmd::get_cargo_bin;

/// The date every snapshot and sample finding is for (cases-sample/README.md).
pub const AS_OF: &str = "2026-11-24";

/// `cplan --color=never`, run in the project folder with `NO_COLOR` unset: for tests
/// that give their own date, or none.
pub fn cplan_undated() -> Command {
    let mut cmd = Command::new(get_cargo_bin("cplan"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .arg("--color=never");
    cmd
}

/// `cplan --color=never --as-of AS_OF ARGS…`, run in `dir`, with `NO_COLOR` unset.
pub fn cplan_in(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = cplan_undated();
    cmd.current_dir(dir).args(["--as-of", AS_OF]).args(args);
    cmd
}

/// `cplan_in` the project folder, where `cases-sample/` is.
pub fn cplan(args: &[&str]) -> Command {
    cplan_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// The standard output of a run that must exit 0 (stderr is shown when it does not).
pub fn stdout_of(mut cmd: Command) -> String {
    let output = cmd.output().expect("cplan runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

/// `cplan_in(dir, args)`'s output, for a run that may find things but must not fail:
/// exit 0 or 1 (stderr is shown when it is anything else).
pub fn output_finding_or_not(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = cplan_in(dir, args).output().expect("cplan runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Every person's name in the sample cases: the child's and parents' `name`, placement
/// `caregiver`s and the plan's `resource` (two words or more, so that "Unknown" and
/// one-word service names are not taken for people).
pub fn sample_names() -> Vec<String> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases-sample");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(folder).expect("cases-sample") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let mut section = "";
        for raw in text.lines() {
            if !raw.starts_with([' ', '#', '-']) && !raw.is_empty() {
                section = raw.split(':').next().unwrap_or_default();
            }
            let keys: &[&str] = match section {
                "child" | "parents" => &["name:"],
                "placements" => &["caregiver:"],
                "plan" => &["resource:"],
                _ => &[],
            };
            let line = raw.trim().trim_start_matches("- ");
            for key in keys {
                if let Some(value) = line.strip_prefix(key) {
                    let value = value.trim().trim_matches('"');
                    if value.split_whitespace().count() >= 2 && value != "Unknown" {
                        names.push(value.to_owned());
                    }
                }
            }
        }
    }
    names.sort();
    names.dedup();
    names
}
