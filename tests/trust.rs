//! A report you can trust in cron: every file accounted for in every command and
//! format, exit statuses that mean one thing, each file read once, and the same
//! configuration for a case whatever path is typed. The real binary, on copies of the
//! sample caseload.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{AS_OF, cplan_in};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cases-sample")
}

/// A folder holding copies of these sample cases.
fn folder_of(cases: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for case in cases {
        std::fs::copy(
            sample().join(format!("{case}.yaml")),
            dir.path().join(format!("{case}.yaml")),
        )
        .expect("copy a sample case");
    }
    dir
}

/// A case file with a tab where YAML wants spaces (CP001): its case cannot be read.
const TABBED: &str = "case: 2026-0290\nworker: T. Okafor\nchild:\n\tname: Wren Castillo\n";

fn output(dir: &Path, args: &[&str]) -> Output {
    cplan_in(dir, args).output().expect("cplan runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_file_that_cannot_be_read_is_named_in_every_command_and_format() {
    let dir = folder_of(&["2026-0201", "2026-0212"]);
    std::fs::write(dir.path().join("2026-0290.yaml"), TABBED).expect("write");
    std::os::unix::fs::symlink("gone.yaml", dir.path().join("2026-0291.yaml")).expect("link");
    let runs: [&[&str]; 14] = [
        &["status", "."],
        &["status", ".", "--format", "markdown"],
        &["status", ".", "--format", "json"],
        &["status", ".", "--format", "csv"],
        &["deadlines", "."],
        &[
            "deadlines",
            ".",
            "--overdue",
            "--by",
            "worker",
            "--format",
            "markdown",
        ],
        &["deadlines", ".", "--format", "json"],
        &["deadlines", ".", "--format", "csv"],
        &["deadlines", ".", "--format", "ics"],
        &["stats", "."],
        &["stats", ".", "--format", "json"],
        &["agenda", "--due-within", "90d", "."],
        &["agenda", "2026-0201", ".", "--format", "json"],
        &["timeline", "2026-0201", "."],
    ];
    for args in runs {
        let out = output(dir.path(), args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out.stderr));
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("2 case files could not be read")
                && stderr.contains("2026-0290.yaml")
                && stderr.contains("2026-0291.yaml"),
            "{args:?}: standard error names both files: {stderr}"
        );
        let stdout = text(&out.stdout);
        let format = args
            .iter()
            .position(|a| *a == "--format")
            .map_or("table", |i| args[i + 1]);
        match format {
            // Pure data: the line on standard error is their account.
            "csv" | "ics" => assert!(!stdout.contains("2026-0290"), "{args:?}"),
            "json" => {
                let json: serde_json::Value = serde_json::from_str(&stdout).expect("json");
                let files: Vec<&str> = json["unreadable"]
                    .as_array()
                    .expect("an unreadable list")
                    .iter()
                    .filter_map(|u| u["file"].as_str())
                    .collect();
                assert_eq!(files, ["./2026-0290.yaml", "./2026-0291.yaml"], "{args:?}");
                assert!(
                    json["unreadable"][0]["message"]
                        .as_str()
                        .is_some_and(|m| m.contains("tab")),
                    "{args:?}: {json}"
                );
            }
            _ => {
                assert!(
                    stdout.contains("could not be read")
                        && stdout.contains("2026-0290.yaml")
                        && stdout.contains("2026-0291.yaml"),
                    "{args:?}: the report itself names both files:\n{stdout}"
                );
            }
        }
    }
    let check = text(&output(dir.path(), &["check", "."]).stdout);
    assert!(
        check.contains("checked 4 files (2 cases, 2 unreadable)"),
        "{check}"
    );
}

#[test]
fn the_count_in_a_report_says_how_many_files_were_left_out() {
    let dir = folder_of(&["2026-0201", "2026-0212"]);
    std::fs::write(dir.path().join("2026-0290.yaml"), TABBED).expect("write");
    let status = text(&output(dir.path(), &["status", "."]).stdout);
    assert!(
        status.contains("The folder holds 2 cases, 1 file unreadable."),
        "{status}"
    );
}

/// 0 = nothing to act on; 1 = something to act on (with --strict for reports);
/// 2 = the run could not do what was asked.
#[test]
fn exit_statuses_mean_one_thing_everywhere() {
    let empty = tempfile::tempdir().expect("temp dir");
    let only_text = tempfile::tempdir().expect("temp dir");
    std::fs::write(only_text.path().join("notes.txt"), "case: 1\n").expect("write");
    std::fs::write(only_text.path().join("cplan.yaml"), "extends: federal\n").expect("write");
    let clean = folder_of(&["2026-0201"]);
    let sample = sample();
    let sample = sample.to_str().expect("utf-8 path");
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        // No case file under the path: a cron job pointed at the wrong folder.
        (
            vec!["check", empty.path().to_str().expect("utf-8")],
            2,
            "no case file",
        ),
        (
            vec!["check", only_text.path().to_str().expect("utf-8")],
            2,
            "no case file",
        ),
        (
            vec!["status", empty.path().to_str().expect("utf-8")],
            2,
            "no case file",
        ),
        (vec!["check", "no/such/folder"], 2, "no such file or folder"),
        // A filter that matches nothing is a typo, with what would have matched.
        (
            vec!["deadlines", sample, "--worker", "okafr", "--overdue", "--strict"],
            2,
            "T. Okafor",
        ),
        (vec!["deadlines", sample, "--jurisdiction", "texas"], 2, "federal"),
        (vec!["deadlines", sample, "--case", "2026-9999"], 2, "closest ids"),
        (vec!["status", sample, "--case", "2026-9999"], 2, "closest ids"),
        (vec!["stats", sample, "--worker", "nobody"], 2, "the workers are"),
        // -j is bounded.
        (vec!["check", sample, "-j", "257"], 2, "257"),
        (vec!["check", sample, "-j", "0"], 2, "0"),
        // Something to act on.
        (vec!["check", sample], 1, ""),
        (vec!["status", sample, "--strict"], 1, ""),
        (vec!["deadlines", sample, "--overdue", "--strict"], 1, ""),
        // Nothing to act on.
        (
            vec!["check", clean.path().to_str().expect("utf-8"), "-j", "256"],
            0,
            "",
        ),
        (
            vec![
                "deadlines",
                clean.path().to_str().expect("utf-8"),
                "--overdue",
                "--strict",
            ],
            0,
            "",
        ),
        (vec!["status", sample], 0, ""),
    ];
    for (args, code, says) in cases {
        let out = output(Path::new(env!("CARGO_MANIFEST_DIR")), &args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?} says {says:?}: {stderr}");
    }
}

/// The README's cron line, run as written over a folder with a broken file: it exits 1
/// and the mail body says why, even when nothing is overdue.
#[test]
fn the_readme_cron_recipe_mails_a_body_that_says_why() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README");
    let line = readme
        .lines()
        .find(|l| l.starts_with("0 7 * * 1-5"))
        .expect("the README has a cron line");
    let command = line
        .split_once("cplan ")
        .and_then(|(_, rest)| rest.split_once(" > "))
        .map(|(command, _)| command)
        .expect("the cron line runs cplan with its output to a file");
    let args_for = |dir: &Path| -> Vec<String> {
        command
            .split_whitespace()
            .map(|a| a.replace("/srv/cases", dir.to_str().expect("utf-8")))
            .collect()
    };

    // Nothing overdue, but a file that cannot be read: the mail says so.
    let dir = folder_of(&["2026-0201"]);
    std::fs::write(dir.path().join("2026-0290.yaml"), TABBED).expect("write");
    let args = args_for(dir.path());
    let out = output(dir.path(), &args.iter().map(String::as_str).collect::<Vec<_>>());
    let body = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {body}");
    assert!(body.contains(AS_OF), "the as-of date: {body}");
    assert!(
        body.contains("The folder holds 1 case, 1 file unreadable."),
        "{body}"
    );
    assert!(body.contains("No deadline is overdue."), "{body}");
    assert!(body.contains("2026-0290.yaml") && body.contains("tab"), "{body}");

    // An overdue visit and a case with errors: both are in the body.
    let dir = folder_of(&["2026-0201", "2026-0212"]);
    let args = args_for(dir.path());
    let out = output(dir.path(), &args.iter().map(String::as_str).collect::<Vec<_>>());
    let body = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{body}");
    assert!(
        body.contains("## T. Okafor") && body.contains("OVERDUE 24d"),
        "{body}"
    );
    assert!(
        body.contains("1 case with errors") && body.contains("2026-0212"),
        "{body}"
    );

    // Nothing to act on: exit 0, so no mail.
    let dir = folder_of(&["2026-0201"]);
    let args = args_for(dir.path());
    let out = output(dir.path(), &args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

fn diagnostics(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("check --format json")
}

#[test]
fn the_same_file_reached_twice_is_read_once() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for args in [
        vec!["check", "cases-sample", "./cases-sample", "--format", "json"],
        vec![
            "check",
            "cases-sample",
            "cases-sample/2026-0211.yaml",
            "--format",
            "json",
        ],
    ] {
        let json = diagnostics(&output(root, &args));
        assert_eq!(json["files"], 16, "{args:?}");
        let duplicates = json["diagnostics"]
            .as_array()
            .expect("list")
            .iter()
            .filter(|d| d["rule"] == "CP005")
            .count();
        assert_eq!(duplicates, 0, "{args:?}: no case is a duplicate of itself");
    }
}

/// `-`, `/dev/stdin` and a named pipe typed on the command line are each read as one
/// case file (a folder walk still skips pipes).
#[test]
fn standard_input_and_pipes_named_on_the_command_line_are_read() {
    let case = std::fs::read(sample().join("2026-0212.yaml")).expect("sample");
    for path in ["-", "/dev/stdin"] {
        let mut child = common::cplan_undated()
            .args(["--as-of", AS_OF, "check", path, "--format", "concise"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("cplan runs");
        if let Some(mut stdin) = child.stdin.take() {
            std::io::Write::write_all(&mut stdin, &case).expect("write stdin");
        }
        let out = child.wait_with_output().expect("cplan ends");
        let stdout = text(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{path}: {stdout}");
        let name = if path == "-" { "<stdin>" } else { "/dev/stdin" };
        assert!(
            stdout.contains(&format!("{name}:148:1: CP204")),
            "{path}: the case's findings, named {name}: {stdout}"
        );
    }

    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("case.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let writer = {
        let fifo = fifo.clone();
        let case = case.clone();
        std::thread::spawn(move || std::fs::write(fifo, case))
    };
    let out = output(dir.path(), &["check", "case.yaml", "--format", "concise"]);
    writer.join().expect("writer").expect("written");
    assert!(
        text(&out.stdout).contains("case.yaml:148:1: CP204"),
        "{}",
        text(&out.stdout)
    );
}

/// A `cplan.yaml` in `cases/` turning CP202 off applies to `cases/north/…` whether the
/// folder above, the subfolder or the file itself is typed.
#[test]
fn a_case_gets_the_same_verdict_whatever_path_is_typed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let north = dir.path().join("cases/north");
    std::fs::create_dir_all(&north).expect("folders");
    std::fs::copy(sample().join("2026-0211.yaml"), north.join("2026-0211.yaml")).expect("copy");
    std::fs::write(dir.path().join("cases/cplan.yaml"), "rules:\n  CP202: off\n").expect("write");
    let rules = |path: &str| -> Vec<String> {
        let json = diagnostics(&output(dir.path(), &["check", path, "--format", "json"]));
        json["diagnostics"]
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|d| d["rule"].as_str().map(str::to_owned))
            .collect()
    };
    let from_top = rules("cases");
    assert_eq!(from_top, ["CP108"], "CP202 is off for the folder");
    assert_eq!(rules("cases/north"), from_top);
    assert_eq!(rules("cases/north/2026-0211.yaml"), from_top);
    let inside = output(&north, &["check", "2026-0211.yaml", "--format", "concise"]);
    assert!(
        !text(&inside.stdout).contains("CP202"),
        "{}",
        text(&inside.stdout)
    );
}

/// `cplan.yaml` is read with the guards of a case file: a named pipe or a link to a
/// device stops the run at once (exit 2), instead of hanging or filling memory.
#[test]
fn a_policy_file_that_is_not_a_regular_file_stops_the_run() {
    for make in ["fifo", "device"] {
        let dir = folder_of(&["2026-0201"]);
        let policy = dir.path().join("cplan.yaml");
        match make {
            "fifo" => assert!(
                Command::new("mkfifo")
                    .arg(&policy)
                    .status()
                    .expect("mkfifo")
                    .success()
            ),
            _ => std::os::unix::fs::symlink("/dev/zero", &policy).expect("link"),
        }
        let out = output(dir.path(), &["check", "."]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{make}: {stderr}");
        assert!(
            stderr.contains("cplan.yaml: cannot be read") && stderr.contains("not a regular file"),
            "{make}: {stderr}"
        );
    }
}

/// CP204 lists missed months in date order, not alphabetically.
#[test]
fn missed_months_are_listed_in_date_order() {
    let dir = folder_of(&["2026-0201"]);
    let out = common::cplan_undated()
        .current_dir(dir.path())
        .args(["--as-of", "2027-03-24", "check", ".", "--format", "concise"])
        .output()
        .expect("runs");
    let months: Vec<String> = text(&out.stdout)
        .lines()
        .filter(|l| l.contains("CP204"))
        .filter_map(|l| {
            l.split_once("child in ")
                .and_then(|(_, rest)| rest.split_once(" ("))
                .map(|(month, _)| month.to_owned())
        })
        .collect();
    assert_eq!(months, ["December 2026", "January 2027", "February 2027"]);
}
