//! The real binary, run as a user runs it: exit status, stdout and stderr are
//! snapshotted together (insta-cmd), the way ruff tests its CLI.

use std::path::Path;
use std::process::Command;

use common::{AS_OF, cplan_undated as cplan};
use insta_cmd::assert_cmd_snapshot;

mod common;

/// A sample case with no finding at all on AS_OF (cases-sample/README.md).
const CLEAN_CASE: &str = "cases-sample/2026-0201.yaml";

fn check(args: &[&str]) -> Command {
    let mut cmd = cplan();
    cmd.arg("check").args(["--as-of", AS_OF]).args(args);
    cmd
}

#[test]
fn check_reports_a_typo_with_its_line_and_a_suggestion() {
    assert_cmd_snapshot!(check(&["tests/fixtures/typo-case.yaml"]));
}

#[test]
fn check_of_a_clean_folder_exits_0() {
    assert_cmd_snapshot!(check(&[CLEAN_CASE, "--format", "concise"]));
}

#[test]
fn deny_warnings_turns_a_warning_into_exit_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(CLEAN_CASE).expect("a clean sample case");
    let text = text.replace("  born: 2025-01-18", "  born: 2025-01-18\n  siblings: [T-9999]");
    std::fs::write(dir.path().join("case.yaml"), text).expect("write");
    let path = dir.path().to_str().expect("utf-8 temp path");
    let status = |deny: &str| {
        check(&[path, "--format", "concise", "--deny", deny])
            .output()
            .expect("runs")
            .status
            .code()
    };
    assert_eq!(status("errors"), Some(0));
    assert_eq!(status("warnings"), Some(1));
}

#[test]
fn a_path_that_does_not_exist_exits_2() {
    assert_cmd_snapshot!(check(&["no/such/folder"]));
}

#[test]
fn a_bad_as_of_date_says_what_would_have_worked() {
    assert_cmd_snapshot!(cplan().args(["check", "--as-of", "11/24/2026", "tests/rules/CP002/passes"]));
}

/// Malformed YAML, a list, an empty file and non-UTF-8 bytes each give one CP001,
/// and the good file beside them is still checked.
#[test]
fn broken_files_never_stop_the_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).expect("write");
    write(
        "a-malformed.yaml",
        b"case: X-1\nworker: [A. Moreno\nchild:\n  name: x\n",
    );
    write("b-list.yaml", b"- case: X-2\n- worker: A. Moreno\n");
    write("c-empty.yaml", b"");
    write("d-latin1.yaml", b"case: X-4\nworker: Jos\xe9 Pe\xf1a\n");
    let good = std::fs::read("tests/rules/CP002/passes/case.yaml").expect("fixture");
    write("e-good.yaml", &good);
    let good_with_typo = String::from_utf8(good)
        .expect("utf-8")
        .replace("case: T-0001", "case: T-0002")
        .replace("  - removed:", "  - remved: 2026-09-01\n    removed:");
    write("f-typo.yaml", good_with_typo.as_bytes());

    let output = check(&[dir.path().to_str().expect("utf-8"), "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["files"], 6);
    assert_eq!(json["cases"], 2);
    let rules_by_file: Vec<(String, String, serde_json::Value)> = json["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .filter(|d| d["rule"].as_str().is_some_and(|r| r < "CP100"))
        .map(|d| {
            let file = Path::new(d["file"].as_str().expect("file"))
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            (
                file,
                d["rule"].as_str().expect("rule").to_owned(),
                d["line"].clone(),
            )
        })
        .collect();
    assert_eq!(
        rules_by_file,
        vec![
            ("a-malformed.yaml".into(), "CP001".into(), serde_json::json!(3)),
            ("b-list.yaml".into(), "CP001".into(), serde_json::json!(1)),
            ("c-empty.yaml".into(), "CP001".into(), serde_json::json!(1)),
            ("d-latin1.yaml".into(), "CP001".into(), serde_json::json!(2)),
            ("f-typo.yaml".into(), "CP002".into(), serde_json::json!(11)),
        ]
    );
}

#[test]
fn json_has_the_documented_shape() {
    assert_cmd_snapshot!(check(&["tests/rules/CP004/fires/case.yaml", "--format", "json"]));
}

#[test]
fn output_to_a_closed_pipe_exits_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = check(&["tests/rules", "--format", "concise"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read");
    let status = child.wait().expect("exits");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    assert!(status.code().is_some(), "killed by a signal");
}

#[test]
fn explain_prints_the_rule_and_its_fix() {
    let output = cplan().args(["explain", "cp002"]).output().expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(text.starts_with("CP002 unknown-key (error)"), "{text}");
    for heading in [
        "## What it checks",
        "## Why it matters",
        "## Example",
        "## How to fix",
        "## Turning it off",
        "## Source",
    ] {
        assert!(text.contains(heading), "missing {heading}");
    }
}

#[test]
fn explain_of_an_unknown_code_names_the_closest() {
    assert_cmd_snapshot!(cplan().args(["explain", "CP0009"]));
}

/// The README's main command: the whole sample caseload, as a caseworker sees it.
#[test]
fn check_over_cases_sample_text() {
    assert_cmd_snapshot!(check(&["cases-sample"]));
}

#[test]
fn check_over_cases_sample_json() {
    assert_cmd_snapshot!(check(&["cases-sample", "--format", "json"]));
}

#[test]
fn check_over_cases_sample_concise() {
    assert_cmd_snapshot!(check(&["cases-sample", "--format", "concise"]));
}

#[test]
fn explain_all_lists_every_rule() {
    assert_cmd_snapshot!(cplan().args(["explain", "--all"]));
}

#[test]
fn explain_profile_prints_the_effective_settings() {
    assert_cmd_snapshot!(cplan().args(["explain", "--profile", "california"]));
}

/// A cplan.yaml with mistakes stops the run (exit 2) and lists each with its line.
#[test]
fn a_broken_cplan_yaml_exits_2_with_every_problem_located() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("cplan.yaml"),
        "extends: california\nvisit:\n  min: [6, 4, 4]\nrules:\n  CP203: of\n",
    )
    .expect("write");
    std::fs::copy("tests/rules/CP002/passes/case.yaml", dir.path().join("case.yaml")).expect("copy");
    let output = check(&[dir.path().to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        output.stdout.is_empty(),
        "nothing is reported from a half-configured run"
    );
    let stderr = String::from_utf8(output.stderr).expect("utf-8");
    assert!(stderr.contains("cplan.yaml has 2 problems"), "{stderr}");
    assert!(
        stderr.contains(
            "cplan.yaml:2:1: unknown key `visit` in the top level of the file: did you mean `visits`?"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "cplan.yaml:5:10: `rules.CP203`: `of` is not a rule setting; write off, error, warning or info"
        ),
        "{stderr}"
    );
}

/// `rules:` in cplan.yaml turns a rule off, changes its severity, or turns on CP901.
#[test]
fn cplan_yaml_rules_change_what_check_reports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let case = std::fs::read_to_string("tests/rules/CP002/passes/case.yaml").expect("fixture");
    std::fs::write(
        dir.path().join("case.yaml"),
        case.replace("  born: 2015-03-02", "  born: 2015-03-02\n  siblings: [T-9]"),
    )
    .expect("write");
    let path = dir.path().to_str().expect("utf-8");
    let rules_of = |cplan_yaml: &str| {
        std::fs::write(dir.path().join("cplan.yaml"), cplan_yaml).expect("write");
        let output = check(&[path, "--format", "json"]).output().expect("runs");
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
        json["diagnostics"]
            .as_array()
            .expect("list")
            .iter()
            .map(|d| {
                format!(
                    "{} {}",
                    d["rule"].as_str().unwrap_or(""),
                    d["severity"].as_str().unwrap_or("")
                )
            })
            .filter(|r| r.starts_with("CP007") || r.starts_with("CP204") || r.starts_with("CP901"))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
    };
    assert_eq!(rules_of("{}\n"), ["CP007 warning", "CP204 error"]);
    assert_eq!(rules_of("rules:\n  CP007: info\n  CP204: off\n"), ["CP007 info"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file = dir.path().join("case.yaml");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        assert_eq!(
            rules_of("rules:\n  CP007: off\n  CP204: off\n  CP901: warning\n"),
            ["CP901 warning"]
        );
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        assert_eq!(
            rules_of("rules:\n  CP007: off\n  CP204: off\n  CP901: warning\n"),
            Vec::<String>::new()
        );
    }
}
