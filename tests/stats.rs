//! `cplan stats` over the sample caseload, run as a user runs it: every format
//! snapshotted, the two computed figures checked against arithmetic done by hand,
//! `--by worker`, an empty folder, the 15/22 count, bad filters and `--redact`.

use std::process::Command;

use common::{sample_names, stdout_of};
use insta_cmd::assert_cmd_snapshot;
use serde_json::{Value, json};

mod common;

/// `cplan stats ARGS…` in the project folder.
fn cplan(args: &[&str]) -> Command {
    common::cplan(&[&["stats"], args].concat())
}

fn stdout(args: &[&str]) -> String {
    stdout_of(cplan(args))
}

fn stats_json(args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    serde_json::from_str(&stdout(&args)).expect("json")
}

#[test]
fn stats_in_every_format() {
    for format in ["table", "json", "csv", "markdown"] {
        insta::with_settings!({snapshot_suffix => format}, {
            assert_cmd_snapshot!(cplan(&["cases-sample", "--format", format]));
        });
    }
}

#[test]
fn stats_by_worker_in_every_format() {
    for format in ["table", "json", "csv", "markdown"] {
        insta::with_settings!({snapshot_suffix => format}, {
            assert_cmd_snapshot!(cplan(&["cases-sample", "--by", "worker", "--format", format]));
        });
    }
}

/// The two computed figures, worked by hand from cases-sample on 2026-11-24.
///
/// Placement moves = placements of the current episode after the first one; days in
/// care = as-of (or exit) minus the current removal:
///
/// | case | placements in episode | moves | days in care |
/// |---|---|---|---|
/// | 0201 | 1 (grandmother)                         | 0 | 2026-09-08 → 11-24 =  77 |
/// | 0202 | 2 (shelter, Whitfield)                  | 1 | 2026-05-14 → 11-24 = 194 |
/// | 0203 | 2 (shelter, Whitfield)                  | 1 | 2026-05-14 → 11-24 = 194 |
/// | 0204 | 2 (Kimura, Ortega)                      | 1 | 2026-06-16 → 11-24 = 161 |
/// | 0205 | 3 (Haldane, trial home visit, Haldane)  | 0 | 2026-02-03 → 11-24 = 294 |
/// | 0206 | 1 (aunt)                                | 0 | 2026-01-20 → 11-24 = 308 |
/// | 0207 | 2 (Dunmore, Sato)                       | 1 | 2025-06-16 → 11-24 = 526 |
/// | 0208 | 3 (shelter, Caruso, trial home visit)   | 1 | 2025-10-14 → exit 2026-08-18 = 308 (closed) |
/// | 0209 | 2 (Gomez, Nguyen-Park)                  | 1 | 2026-09-15 → 11-24 =  70 |
/// | 0210 | 2 of this episode (Northside, Abara)    | 1 | 2026-06-02 → 11-24 = 175 |
/// | 0211 | 1 (grandparents)                        | 0 | 2026-02-24 → 11-24 = 273 |
/// | 0212 | 1 (Kettering)                           | 0 | 2026-08-18 → 11-24 =  98 |
/// | 0213 | 2 (Hillcrest, Nakamura)                 | 1 | 2026-04-28 → 11-24 = 210 |
/// | 0214 | 1 (aunt)                                | 0 | 2025-09-22 → 11-24 = 428 |
/// | 0215 | 1 (Whitaker)                            | 0 | 2026-08-10 → 11-24 = 106 |
///
/// A trial home visit is not a placement in foster care, and going back to the same
/// caregiver after one is no move (src/summary.rs).
///
/// Moves: 0+1+1+1+0+0+1+1+1+1+0+0+1+0+0 = 8. Days: 77+194+194+161+294+308+526+308+70
/// +175+273+98+210+428+106 = 3422. Rate: 8 / 3422 × 1000 = 2.3378… → 2.34.
///
/// Median months in care of the 14 open cases (0208 is closed): their days sorted are
/// 70, 77, 98, 106, 161, 175, 194, 194, 210, 273, 294, 308, 428, 526; the middle two
/// (7th and 8th) are 194 and 194, so the median is 194 days; 194 / 30.4375 = 6.373… → 6.4.
#[test]
fn placement_moves_and_median_match_the_hand_computation() {
    let totals = &stats_json(&["cases-sample"])["totals"];
    assert_eq!(totals["placement_moves"], 8);
    assert_eq!(totals["days_in_care"], 3422);
    assert_eq!(totals["moves_per_1000_days"], 2.34);
    assert_eq!(totals["median_months_in_care"], 6.4);
    assert_eq!(
        (totals["cases"].clone(), totals["open"].clone()),
        (15.into(), 14.into())
    );
    // 13 of the 14 open cases name a concurrent goal (0212 has none): 92.857… → 92.9.
    assert_eq!(totals["with_concurrent_plan"], 13);
    assert_eq!(totals["concurrent_plan_percent"], 92.9);
}

/// The four sample workers in name order, then 2026-0209 (its `worker:` is misspelt
/// `caseworker:`, so the file names no worker): `null` in JSON, "(no worker)" in the
/// tables, listed last. Each group's cases add up to the totals.
#[test]
fn by_worker_lists_the_four_workers_and_the_case_without_one() {
    let stats = stats_json(&["cases-sample", "--by", "worker"]);
    let groups = stats["by_worker"].as_array().expect("by_worker");
    let workers: Vec<Value> = groups.iter().map(|g| g["worker"].clone()).collect();
    assert_eq!(
        workers,
        [
            json!("J. Lindqvist"),
            json!("R. Alvarez"),
            json!("S. Haddad"),
            json!("T. Okafor"),
            Value::Null
        ]
    );
    let summed: u64 = groups.iter().map(|g| g["cases"].as_u64().expect("count")).sum();
    assert_eq!(Value::from(summed), stats["totals"]["cases"]);
    assert_eq!(groups[4]["cases"], 1);

    let csv = stdout(&["cases-sample", "--by", "worker", "--format", "csv"]);
    let first_column: Vec<&str> = csv.lines().map(|l| l.split(',').next().unwrap_or("")).collect();
    assert_eq!(
        first_column,
        [
            "group",
            "J. Lindqvist",
            "R. Alvarez",
            "S. Haddad",
            "T. Okafor",
            "(no worker)",
            "all"
        ]
    );
    let without = stats_json(&["cases-sample"]);
    assert!(
        without.get("by_worker").is_none(),
        "only --by worker adds the groups"
    );
}

#[test]
fn a_folder_without_a_readable_case_prints_zeros_without_dividing_by_zero() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("broken.yaml"), "case: [\n").expect("write");
    let path = dir.path().to_str().expect("utf-8 temp path");
    let totals = &stats_json(&[path, "--by", "worker"])["totals"];
    for key in [
        "cases",
        "open",
        "median_months_in_care",
        "placement_moves",
        "days_in_care",
        "moves_per_1000_days",
        "concurrent_plan_percent",
        "with_errors",
    ] {
        assert_eq!(totals[key].as_f64(), Some(0.0), "{key}: {totals}");
    }
    for format in ["table", "csv", "markdown"] {
        let text = stdout(&[path, "--format", format]);
        for bad in ["NaN", "inf"] {
            assert!(!text.contains(bad), "{format}: {text}");
        }
    }
    let table = stdout(&[path]);
    assert!(table.contains("0.00 (0 moves in 0 days)"), "{table}");
    assert!(table.contains("0 of 0 (0.0%)"), "{table}");
    let csv = stdout(&[path, "--format", "csv"]);
    assert_eq!(csv.lines().count(), 2, "a header and the `all` row: {csv}");
}

/// 2026-0207 reached 15/22 on 2026-10-09 and the court ordered the petition on
/// 2026-07-07. Without that order it is past 15/22 without a petition (the TPR hearing
/// of 2027-01-13 is still ahead); a documented exception clears it again.
#[test]
fn past_15_of_22_counts_only_cases_without_petition_or_exception() {
    let original = std::fs::read_to_string("cases-sample/2026-0207.yaml").expect("sample case");
    let no_order = original.replace(
        "orders: [terminate_services, tpr_petition]",
        "orders: [terminate_services]",
    );
    assert_ne!(no_order, original, "the sample still orders the petition");
    let with_exception = no_order.replace(
        "  primary: concurrent\n",
        "  primary: concurrent\n  tpr_exception: compelling_reason\n",
    );
    assert_ne!(
        with_exception, no_order,
        "the sample's plan is still `primary: concurrent`"
    );
    let count = |text: &str| {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("2026-0207.yaml"), text).expect("write");
        let path = dir.path().to_str().expect("utf-8 temp path");
        stats_json(&[path])["totals"]["past_15_of_22_without_petition"].clone()
    };
    assert_eq!(count(&original), 0, "petition ordered");
    assert_eq!(count(&no_order), 1, "neither petition nor exception");
    assert_eq!(count(&with_exception), 0, "exception documented");
}

#[test]
fn filters_apply_and_a_filter_matching_nothing_says_what_would() {
    let okafor = &stats_json(&["cases-sample", "--worker", "okafor"])["totals"];
    assert_eq!(okafor["cases"], 3);
    assert_eq!(okafor["with_overdue_deadlines"], 1, "2026-0212");
    let stage_one = &stats_json(&["cases-sample", "--stage", "1"])["totals"];
    // 0201, 0209, 0212 and 0215.
    assert_eq!(stage_one["by_stage"]["stage_1"], 4);
    assert_eq!(
        stats_json(&["cases-sample", "--worker", "haddad", "--stage", "1"])["totals"]["cases"],
        0,
        "filters that together match nothing are an answer, not a typo"
    );
    assert_cmd_snapshot!("unknown_case", cplan(&["cases-sample", "--case", "2026-021"]));
    assert_cmd_snapshot!("unknown_worker", cplan(&["cases-sample", "--worker", "alvarex"]));
}

#[test]
fn strict_exits_1_only_when_a_case_shown_has_errors_or_overdue_deadlines() {
    let code = |args: &[&str]| cplan(args).output().expect("runs").status.code();
    assert_eq!(
        code(&["cases-sample"]),
        Some(0),
        "reports exit 0 when they printed"
    );
    assert_eq!(code(&["cases-sample", "--strict"]), Some(1));
    assert_eq!(
        code(&["cases-sample", "--case", "2026-0201", "--strict"]),
        Some(1),
        "the sample's unreadable file may be 2026-0201's sibling or a case of the worker: it fails every strict report"
    );
    let clean = tempfile::tempdir().expect("temp dir");
    for case in ["2026-0201", "2026-0212"] {
        std::fs::copy(
            format!("{}/cases-sample/{case}.yaml", env!("CARGO_MANIFEST_DIR")),
            clean.path().join(format!("{case}.yaml")),
        )
        .expect("copy");
    }
    let clean = clean.path().to_str().expect("utf-8 temp path");
    assert_eq!(code(&[clean, "--case", "2026-0201", "--strict"]), Some(0));
    assert_eq!(
        code(&[clean, "--case", "2026-0212", "--strict"]),
        Some(1),
        "2026-0212 has errors and an overdue visit"
    );
    assert_eq!(code(&[clean, "--strict"]), Some(1));
    assert_eq!(code(&["no/such/folder"]), Some(2));
}

#[test]
fn redact_leaks_no_name_in_any_format() {
    let names = sample_names();
    assert!(names.len() > 20, "the check needs names to look for: {names:?}");
    for format in ["table", "json", "csv", "markdown"] {
        for by in [&[][..], &["--by", "worker"][..]] {
            let mut args = vec!["cases-sample", "--redact", "--format", format];
            args.extend(by);
            let text = stdout(&args);
            for name in &names {
                assert!(
                    !text.contains(name.as_str()),
                    "`{}` leaks {name:?}",
                    args.join(" ")
                );
                let surname = name.split_whitespace().last().unwrap_or_default();
                if surname.len() > 3
                    && surname.chars().all(char::is_alphabetic)
                    && !["family", "Shelter", "Home", "home"].contains(&surname)
                {
                    assert!(
                        !text.contains(surname),
                        "`{}` leaks the surname {surname:?}",
                        args.join(" ")
                    );
                }
            }
        }
    }
}
