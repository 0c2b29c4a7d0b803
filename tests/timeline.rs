//! `cplan timeline`, run as a user runs it: the text and JSON of a sample case are
//! snapshotted, the dates of docs/deadlines.md's worked example and of the sample trial home
//! visit are checked one by one, and `--redact` is checked for leaks.

use std::path::Path;
use std::process::Command;

use common::{cplan, sample_names, stdout_of};
use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use serde_json::Value;

mod common;

/// The sample case with a 40-day trial home visit (cases-sample/README.md).
const TRIAL_HOME_VISIT_CASE: &str = "2026-0205";

fn json(cmd: Command) -> Value {
    serde_json::from_str(&stdout_of(cmd)).expect("valid JSON")
}

#[test]
fn timeline_in_every_format() {
    for format in ["text", "json"] {
        insta::with_settings!({snapshot_suffix => format}, {
            assert_cmd_snapshot!(cplan(&["timeline", TRIAL_HOME_VISIT_CASE, "cases-sample", "--format", format]));
        });
    }
}

/// A closed case still shows its episodes and the 15/22 grid, and says why no deadline runs.
#[test]
fn timeline_of_a_closed_case() {
    assert_cmd_snapshot!(cplan(&["timeline", "2026-0208", "cases-sample"]));
}

/// Two episodes: the days at home between them and before the second EFC move 15/22.
#[test]
fn timeline_of_a_case_with_two_removals() {
    assert_cmd_snapshot!(cplan(&["timeline", "2026-0210", "cases-sample"]));
}

#[test]
fn a_trial_home_visit_moves_the_15_of_22_date_by_its_days() {
    let text = stdout_of(cplan(&["timeline", TRIAL_HOME_VISIT_CASE, "cases-sample"]));
    assert!(
        text.contains("petition due    2027-07-13: due in 231 days"),
        "{text}"
    );
    assert!(
        text.contains("trial home visit 2026-07-06 to 2026-08-14: 40 days"),
        "{text}"
    );
    assert!(text.contains("40 days after 2027-06-03"), "{text}");
    assert!(text.contains("2026-07   5/31") && text.contains("T26"), "{text}");

    let doc = json(cplan(&[
        "timeline",
        TRIAL_HOME_VISIT_CASE,
        "cases-sample",
        "--format",
        "json",
    ]));
    let f = &doc["fifteen_of_22"];
    assert_eq!(f["due"], "2027-07-13");
    assert_eq!(f["continuous_due"], "2027-06-03");
    assert_eq!(f["days_later"], 40);
    assert_eq!(f["not_counted"]["trial_home_visit_or_runaway"], 40);
    assert_eq!(f["grid"].as_array().map(Vec::len), Some(22));
    let visit = &doc["episodes"][0]["excluded"][0];
    assert_eq!(visit["kind"], "trial_home_visit");
    assert_eq!(visit["days"], 40);
    let in_month: i64 = (f["grid"].as_array().expect("grid").iter())
        .filter_map(|m| m["trial_home_visit_days"].as_i64())
        .sum();
    assert_eq!(in_month, 40, "the grid marks every day of the visit");
}

#[test]
fn an_unknown_case_id_exits_2_naming_the_closest_ids() {
    assert_cmd_snapshot!(cplan(&["timeline", "2026-0250", "cases-sample"]));
    let output = cplan(&["timeline", "0205", "cases-sample"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the closest ids are 2026-0205,"),
        "part of an id finds it first: {stderr}"
    );
}

/// A case id that is in two files: exit 2, naming the files to choose from.
#[test]
fn a_duplicate_case_id_names_its_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = worked_example_case();
    std::fs::write(dir.path().join("a.yaml"), &text).expect("write");
    std::fs::write(dir.path().join("b.yaml"), &text).expect("write");
    let output = cplan(&["timeline", "EX-1", path_of(dir.path())])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("is in 2 files"), "{stderr}");
    assert!(stderr.contains("a.yaml") && stderr.contains("b.yaml"), "{stderr}");
}

fn worked_example_case() -> String {
    "case: EX-1\nworker: A. Moreno\nchild:\n  name: Jordan Example\n  born: 2020-05-01\n\
     episodes:\n  - removed: 2026-01-10\n    court_finding: 2026-02-20\n"
        .to_owned()
}

fn path_of(dir: &Path) -> &str {
    dir.to_str().expect("utf-8 temp path")
}

/// docs/deadlines.md: removed 2026-01-10, court finding 2026-02-20 → EFC 2026-02-20 (removed +
/// 60 = 2026-03-11 is later); relatives notice 2026-02-09; case plan 2026-03-11; first
/// periodic review 2026-08-20; permanency hearing 2027-02-20; 15/22 due 2027-05-19.
#[test]
fn the_worked_example_of_policy_md() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("example.yaml"), worked_example_case()).expect("write");
    let run = |format: &str| {
        let mut cmd = Command::new(get_cargo_bin("cplan"));
        cmd.env_remove("NO_COLOR").args([
            "--color=never",
            "timeline",
            "EX-1",
            path_of(dir.path()),
            "--as-of",
            "2026-03-01",
            "--format",
            format,
        ]);
        cmd
    };
    let text = stdout_of(run("text"));
    for expected in [
        "EFC             2026-02-20: court finding 2026-02-20 is earlier than removed + 60 days = 2026-03-11",
        "2026-02-09  overdue by 20 days",
        "2026-03-11  due soon, in 10 days",
        "2026-08-20  due in 172 days",
        "2027-02-20  due in 356 days",
        "petition due    2027-05-19",
        "target          454 days in care",
        "setting         `deadlines.permanency_hearing.first: [efc + 12mo, bypass + 30d]`",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }

    let doc = json(run("json"));
    assert_eq!(doc["episodes"][0]["efc"], "2026-02-20");
    assert_eq!(doc["episodes"][0]["efc_from"], "court_finding");
    assert_eq!(doc["fifteen_of_22"]["due"], "2027-05-19");
    assert_eq!(doc["fifteen_of_22"]["target_days"], 454);
    let first_due = |kind: &str| -> String {
        let groups = doc["deadlines"].as_array().expect("deadline groups");
        let group = groups.iter().find(|g| g["kind"] == kind).expect(kind);
        group["items"][0]["due"].as_str().expect("due").to_owned()
    };
    assert_eq!(first_due("relatives_notice"), "2026-02-09");
    assert_eq!(first_due("case_plan"), "2026-03-11");
    assert_eq!(first_due("periodic_review"), "2026-08-20");
    assert_eq!(first_due("permanency_hearing"), "2027-02-20");
    assert_eq!(first_due("tpr_15_of_22"), "2027-05-19");
}

/// A profile changed by the folder's cplan.yaml says so, and its settings are the
/// changed ones.
#[test]
fn a_profile_changed_by_cplan_yaml_is_named_as_such() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("example.yaml"), worked_example_case()).expect("write");
    std::fs::write(
        dir.path().join("cplan.yaml"),
        "extends: federal\ndeadlines:\n  case_plan: removed + 45d\n",
    )
    .expect("write");
    let mut cmd = Command::new(get_cargo_bin("cplan"));
    cmd.env_remove("NO_COLOR").args([
        "--color=never",
        "timeline",
        "EX-1",
        path_of(dir.path()),
        "--as-of",
        "2026-03-01",
        "--format",
        "json",
    ]);
    let doc = json(cmd);
    assert_eq!(doc["case"]["profile"]["origin"], "cplan.yaml");
    let group = (doc["deadlines"].as_array().expect("groups").iter())
        .find(|g| g["kind"] == "case_plan")
        .cloned()
        .expect("case plan");
    assert_eq!(group["settings"][0]["value"], "removed + 45d");
    assert_eq!(group["items"][0]["due"], "2026-02-24");
}

/// The ids of the readable sample cases, from `cplan status`.
fn sample_ids() -> Vec<String> {
    let doc = json(cplan(&["status", "cases-sample", "--format", "json"]));
    (doc["cases"].as_array().expect("rows").iter())
        .filter_map(|row| row["case"].as_str().map(str::to_owned))
        .collect()
}

/// Capitalised words of sample names that the report prints in their other sense.
const NOT_NAMES: &[&str] = &["June", "Shelter", "Unknown", "House"];

#[test]
fn redact_leaks_no_name_in_any_format() {
    let names = sample_names();
    assert!(names.len() > 20, "the check needs names to look for: {names:?}");
    // Without --redact the names are there, so their absence below means something.
    let plain = stdout_of(cplan(&["timeline", TRIAL_HOME_VISIT_CASE, "cases-sample"]));
    assert!(plain.contains("Noah Brennan") && plain.contains("Kelsey Brennan (mother)"));
    let ids = sample_ids();
    assert!(ids.len() > 10, "{ids:?}");
    for id in &ids {
        for format in ["text", "json"] {
            let args = ["timeline", id, "cases-sample", "--redact", "--format", format];
            let text = stdout_of(cplan(&args));
            for name in &names {
                assert!(
                    !text.contains(name.as_str()),
                    "`{}` leaks {name:?}",
                    args.join(" ")
                );
                // Every capitalised word of the name outside brackets, first names too.
                let outside = name.split('(').next().unwrap_or_default();
                for word in outside.split_whitespace() {
                    if word.len() > 3
                        && word.chars().all(char::is_alphabetic)
                        && word.starts_with(char::is_uppercase)
                        && !NOT_NAMES.contains(&word)
                    {
                        assert!(
                            !text.contains(word),
                            "`{}` leaks {word:?} of {name:?}",
                            args.join(" ")
                        );
                    }
                }
            }
        }
    }
}
