//! Rules that look across the case files of a folder: CP005, CP007 (siblings) and CP106.

use chrono::NaiveDate;
use cplan::check::{CheckOptions, check_paths};

fn rules_in(dir: &std::path::Path) -> Vec<(String, &'static str)> {
    let options = CheckOptions::new(NaiveDate::from_ymd_opt(2026, 11, 24).expect("date"));
    let run = check_paths(&[dir.to_path_buf()], options).expect("folder");
    run.findings
        .iter()
        .filter(|f| f.rule == "CP106" || f.rule == "CP007")
        .map(|f| {
            (
                f.file
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                f.rule.as_str(),
            )
        })
        .collect()
}

/// The sample siblings 2026-0202 and 2026-0203 live together; move one and see.
fn siblings(second_caregiver: &str, reason: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = std::fs::read_to_string("cases-sample/2026-0202.yaml").expect("sample");
    let second = std::fs::read_to_string("cases-sample/2026-0203.yaml").expect("sample");
    let mut second = second.replace(
        "caregiver: Whitfield family",
        &format!("caregiver: {second_caregiver}"),
    );
    if let Some(reason) = reason {
        second = second.replace(
            "siblings_together: true",
            &format!("siblings_together: false\n    siblings_apart_reason: {reason}"),
        );
    }
    std::fs::write(dir.path().join("2026-0202.yaml"), first).expect("write");
    std::fs::write(dir.path().join("2026-0203.yaml"), second).expect("write");
    dir
}

#[test]
fn siblings_with_the_same_caregiver_are_together() {
    assert_eq!(rules_in(siblings("whitfield family ", None).path()), vec![]);
}

#[test]
fn siblings_with_different_caregivers_and_no_reason_are_reported_in_both_files() {
    assert_eq!(
        rules_in(siblings("Okonkwo family", None).path()),
        vec![
            ("2026-0202.yaml".to_owned(), "CP106"),
            ("2026-0203.yaml".to_owned(), "CP106")
        ]
    );
}

#[test]
fn a_reason_in_one_file_clears_that_file_only() {
    let dir = siblings(
        "Okonkwo family",
        Some("Therapeutic placement for the older brother"),
    );
    assert_eq!(rules_in(dir.path()), vec![("2026-0202.yaml".to_owned(), "CP106")]);
}

#[test]
fn a_sibling_without_a_file_is_a_cp007_warning() {
    let dir = siblings("Whitfield family", None);
    std::fs::remove_file(dir.path().join("2026-0203.yaml")).expect("remove");
    assert_eq!(rules_in(dir.path()), vec![("2026-0202.yaml".to_owned(), "CP007")]);
}
