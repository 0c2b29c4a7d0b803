//! Dates at the edges, end to end through the real binary: an as-of date before the
//! removal, events on the as-of date itself, a case open for twenty years, and a child
//! born on 29 February. (The deadline arithmetic itself is tested in deadlines.rs and
//! policy_arith.rs.) Each run has the watchdog and memory limit of bad_input/runner.rs.
#![cfg(unix)]

#[path = "bad_input/runner.rs"]
mod runner;

use std::collections::BTreeMap;
use std::path::Path;

use runner::cplan_bounded;

/// A small case: removed 2026-09-01, one visit on 2026-11-20.
const SMALL: &str = "tests/rules/CP002/passes/case.yaml";
/// A complete case with no finding on 2026-11-24 (cases-sample/README.md).
const SAMPLE: &str = "cases-sample/2026-0201.yaml";

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect("fixture")
}

fn replace(text: &str, old: &str, new: &str) -> String {
    assert_eq!(text.matches(old).count(), 1, "{old:?}");
    text.replace(old, new)
}

/// A folder holding one case file.
fn folder_with(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("case.yaml"), text).expect("write");
    dir
}

/// Exit status and stdout of a bounded run in `dir`.
fn run(dir: &Path, as_of: &str, args: &[&str]) -> (Option<i32>, String) {
    let output = cplan_bounded(dir, as_of, args);
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    (output.status.code(), stdout)
}

/// Every report over the folder exits 0 (no panic, no hang: see the runner).
fn every_report_runs(dir: &Path, as_of: &str, id: &str) {
    let runs: [&[&str]; 8] = [
        &["status", ".", "--format", "json"],
        &["deadlines", ".", "--all", "--format", "json"],
        &["deadlines", ".", "--all", "--format", "ics"],
        &["agenda", id, "."],
        &["agenda", "--due-within", "365d", "."],
        &["timeline", id, "."],
        &["timeline", id, ".", "--format", "json"],
        &["stats", "."],
    ];
    for args in runs {
        let (code, _) = run(dir, as_of, args);
        assert_eq!(code, Some(0), "{args:?} as of {as_of}");
    }
}

/// Checking a case as of a day before its removal: every event already written is
/// in the future (CP006), the case is in its month 0, and nothing panics.
#[test]
fn an_as_of_date_before_the_removal() {
    let dir = folder_with(&read(SMALL));
    let (code, stdout) = run(dir.path(), "2026-08-15", &["check", ".", "--format", "concise"]);
    assert_eq!(code, Some(1));
    insta::assert_snapshot!(stdout);
    let (_, status) = run(dir.path(), "2026-08-15", &["status", ".", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&status).expect("json");
    assert_eq!(rows["cases"][0]["days_in_care"], 0);
    assert_eq!(rows["cases"][0]["stage"], "1");
    every_report_runs(dir.path(), "2026-08-15", "T-0001");
}

/// The sample case with one more of every kind of event on the as-of date: all are
/// accepted, and the day before each is in the future (CP006), so the boundary is
/// exactly the as-of date.
#[test]
fn events_on_the_as_of_date_are_accepted() {
    let mut text = read(SAMPLE);
    for (old, new) in [
        (
            "  - {date: 2026-11-19, with: mother, where: home}\n",
            "  - {date: 2026-11-19, with: mother, where: home}\n  - {date: 2026-11-24, with: child, where: placement}\n",
        ),
        (
            "    note: Reviewed progress; mother knows the grandmother would seek guardianship.\n",
            "    note: Reviewed progress; mother knows the grandmother would seek guardianship.\n  - date: 2026-11-24\n    with: father\n    note: Explained the concurrent plan to the father, found this week.\n",
        ),
        (
            "    text: Asked the clinic for weekly test results; ran a parent locator search for the father.\n",
            "    text: Asked the clinic for weekly test results; ran a parent locator search for the father.\n  - date: 2026-11-24\n    text: Met the father, found by the parent locator search.\n",
        ),
        (
            "  - {date: 2027-03-30, hearing: review}\n",
            "  - {date: 2026-11-24, hearing: review, findings: [reasonable_efforts], report_filed: 2026-11-13}\n  - {date: 2027-03-30, hearing: review}\n",
        ),
        (
            "    attendees: [worker, mother, caregiver]\n",
            "    attendees: [worker, mother, caregiver]\n  - date: 2026-11-24\n    kind: team_meeting\n    attendees: [worker, supervisor, mother]\n",
        ),
        ("    started: 2026-11-09\n", "    started: 2026-11-24\n"),
        ("            done: 2026-11-16\n", "            done: 2026-11-24\n"),
    ] {
        text = replace(&text, old, new);
    }
    // The sample already has a visit on 2026-11-24.
    assert!(text.contains("{date: 2026-11-24, with: mother, level: supervised}"));
    let dir = folder_with(&text);
    let on_the_day = run(dir.path(), "2026-11-24", &["check", ".", "--format", "concise"]);
    assert_eq!(on_the_day, (Some(0), String::new()));
    let (code, day_before) = run(dir.path(), "2026-11-23", &["check", ".", "--format", "concise"]);
    assert_eq!(code, Some(1));
    insta::assert_snapshot!(day_before);
    every_report_runs(dir.path(), "2026-11-24", "2026-0201");
}

/// The sample case checked twenty years on, still open: one missing caseworker visit
/// per month (CP204) and the other overdue work, at once and without a panic.
#[test]
fn a_case_open_for_twenty_years() {
    let dir = folder_with(&read(SAMPLE));
    let as_of = "2046-11-24";
    let (code, json) = run(dir.path(), as_of, &["check", ".", "--format", "json"]);
    assert_eq!(code, Some(1));
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    let mut by_rule: BTreeMap<String, usize> = BTreeMap::new();
    for d in json["diagnostics"].as_array().expect("list") {
        *by_rule
            .entry(d["rule"].as_str().expect("rule").to_owned())
            .or_default() += 1;
    }
    insta::assert_debug_snapshot!(by_rule);
    let (_, status) = run(dir.path(), as_of, &["status", ".", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&status).expect("json");
    assert_eq!(rows["cases"][0]["age"], 21);
    assert_eq!(rows["cases"][0]["stage"], "past 3");
    assert!(rows["cases"][0]["days_in_care"].as_i64().expect("days") > 20 * 365);
    every_report_runs(dir.path(), as_of, "2026-0201");
}

/// A child born on 29 February, entering care on a 29 February: the age goes up on
/// 1 March in other years, and a deadline twelve months after a 29 February falls on
/// 28 February.
#[test]
fn a_child_born_on_february_29() {
    let text = read(SMALL);
    let text = replace(&text, "  born: 2015-03-02\n", "  born: 2016-02-29\n");
    let text = replace(&text, "  - removed: 2026-09-01\n", "  - removed: 2024-01-15\n");
    let text = replace(
        &text,
        "    court_finding: 2026-09-20\n",
        "    court_finding: 2024-02-29\n",
    );
    let text = replace(
        &text,
        "placements:\n  - from: 2026-09-01\n    to: 2026-09-15\n    setting: shelter\n  - from: 2026-09-15\n",
        "placements:\n  - from: 2024-01-15\n    to: 2024-02-29\n    setting: shelter\n  - from: 2024-02-29\n",
    );
    let text = replace(&text, "  - date: 2026-11-20\n", "  - date: 2025-02-20\n");
    let dir = folder_with(&text);

    let age = |as_of: &str| {
        let (_, status) = run(dir.path(), as_of, &["status", ".", "--format", "json"]);
        let rows: serde_json::Value = serde_json::from_str(&status).expect("json");
        rows["cases"][0]["age"].as_i64().expect("age")
    };
    assert_eq!(age("2025-02-28"), 8);
    assert_eq!(age("2025-03-01"), 9);
    assert_eq!(age("2028-02-28"), 11);
    assert_eq!(age("2028-02-29"), 12);

    let (_, deadlines) = run(
        dir.path(),
        "2025-02-28",
        &["deadlines", ".", "--all", "--format", "json"],
    );
    let deadlines: serde_json::Value = serde_json::from_str(&deadlines).expect("json");
    let due = |kind: &str| -> Vec<String> {
        deadlines["deadlines"]
            .as_array()
            .expect("list")
            .iter()
            .filter(|d| d["kind"] == kind)
            .map(|d| d["due"].as_str().expect("due").to_owned())
            .collect()
    };
    // EFC 2024-02-29 (the court finding, before removal + 60 days): + 6 months, + 12 months.
    assert_eq!(
        due("periodic_review").first().map(String::as_str),
        Some("2024-08-29")
    );
    assert_eq!(due("permanency_hearing"), ["2025-02-28"]);

    let (code, check) = run(dir.path(), "2025-02-28", &["check", ".", "--format", "concise"]);
    assert_eq!(code, Some(1));
    insta::assert_snapshot!(check);
    every_report_runs(dir.path(), "2025-02-28", "T-0001");
    every_report_runs(dir.path(), "2028-02-29", "T-0001");
}
