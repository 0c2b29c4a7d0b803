//! `cplan status` and `cplan deadlines` over the sample caseload, in every format:
//! snapshots pin the content; the calendar is read back by an independent iCalendar
//! parser, the CSV by the csv crate, and `--redact` is checked for leaks.

use common::{cplan, sample_names, stdout_of};
use insta_cmd::assert_cmd_snapshot;

mod common;

fn stdout(args: &[&str]) -> String {
    stdout_of(cplan(args))
}

#[test]
fn status_in_every_format() {
    for format in ["table", "json", "csv", "markdown"] {
        insta::with_settings!({snapshot_suffix => format}, {
            assert_cmd_snapshot!(cplan(&["status", "cases-sample", "--format", format]));
        });
    }
}

#[test]
fn deadlines_in_every_format() {
    for format in ["table", "json", "csv", "markdown", "ics"] {
        insta::with_settings!({snapshot_suffix => format}, {
            assert_cmd_snapshot!(cplan(&["deadlines", "cases-sample", "--within", "60d", "--format", format]));
        });
    }
}

#[test]
fn deadlines_grouped_by_worker() {
    assert_cmd_snapshot!(cplan(&[
        "deadlines",
        "cases-sample",
        "--within",
        "60d",
        "--by",
        "worker",
        "--format",
        "markdown"
    ]));
}

#[test]
fn the_calendar_is_valid_icalendar_with_one_event_per_deadline() {
    let text = stdout(&["deadlines", "cases-sample", "--all", "--format", "ics"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&[
        "deadlines",
        "cases-sample",
        "--all",
        "--format",
        "json",
    ]))
    .expect("json");
    let expected = json["deadlines"].as_array().expect("list").len();
    let mut reader = ical::IcalParser::new(text.as_bytes());
    let calendar = reader.next().expect("one calendar").expect("parses as iCalendar");
    assert!(reader.next().is_none(), "exactly one VCALENDAR");
    assert_eq!(calendar.events.len(), expected);
    let mut uids = std::collections::HashSet::new();
    for event in &calendar.events {
        let prop = |name: &str| {
            event
                .properties
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.value.clone())
        };
        let start = event
            .properties
            .iter()
            .find(|p| p.name == "DTSTART")
            .expect("DTSTART");
        let is_date = start.params.as_ref().is_some_and(|ps| {
            ps.iter()
                .any(|(k, v)| k == "VALUE" && v.iter().any(|x| x == "DATE"))
        });
        assert!(is_date, "all-day events: {start:?}");
        assert_eq!(start.value.as_deref().map(str::len), Some(8), "YYYYMMDD");
        assert!(prop("SUMMARY").is_some() && prop("DTSTAMP").is_some());
        assert!(uids.insert(prop("UID").expect("UID")), "UIDs are unique");
    }
    assert!(text.contains("\r\n"), "lines end in CRLF (RFC 5545)");
}

#[test]
fn calendar_uids_survive_a_change_of_due_date() {
    // A corrected court-finding date moves the EFC, and with it the due dates counted
    // from it; each deadline keeps its UID, so a re-import moves the events.
    let dir = tempfile::tempdir().expect("temp dir");
    let original = std::fs::read_to_string("cases-sample/2026-0205.yaml").expect("sample");
    let path = dir.path().to_str().expect("utf-8");
    let events = |text: &str| {
        std::fs::write(dir.path().join("case.yaml"), text).expect("write");
        let ics = stdout(&["deadlines", path, "--all", "--format", "ics"]);
        let calendar = ical::IcalParser::new(ics.as_bytes())
            .next()
            .expect("calendar")
            .expect("valid");
        calendar
            .events
            .iter()
            .map(|e| {
                let get = |n: &str| {
                    e.properties
                        .iter()
                        .find(|p| p.name == n)
                        .and_then(|p| p.value.clone())
                        .unwrap_or_default()
                };
                (get("UID"), get("DTSTART"))
            })
            .filter(|(uid, _)| uid.contains("/tpr_15_of_22/"))
            .collect::<Vec<_>>()
    };
    let before = events(&original);
    let after = events(&original.replacen("court_finding: 2026-03-04", "court_finding: 2026-02-24", 1));
    assert_eq!(before.len(), 1);
    assert_eq!(after.len(), 1);
    assert_eq!(before[0].0, after[0].0, "same deadline, same UID");
    assert_ne!(before[0].1, after[0].1, "the date moved");
}

#[test]
fn csv_reads_back_with_a_header_and_iso_dates() {
    let text = stdout(&["deadlines", "cases-sample", "--all", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("header row").clone();
    let due_column = headers.iter().position(|h| h == "due").expect("a due column");
    for header in &headers {
        assert!(
            header.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "snake_case headers: {header}"
        );
    }
    let mut rows = 0;
    for record in reader.records() {
        let record = record.expect("a valid CSV record");
        let due = record.get(due_column).expect("due");
        assert!(
            chrono::NaiveDate::parse_from_str(due, "%Y-%m-%d").is_ok(),
            "ISO date: {due}"
        );
        rows += 1;
    }
    assert!(rows > 50, "every deadline of the sample caseload: {rows}");
    let status = stdout(&["status", "cases-sample", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(status.as_bytes());
    assert_eq!(reader.records().count(), 15, "one row per readable case");
}

#[test]
fn redact_leaks_no_name_in_any_format() {
    let names = sample_names();
    assert!(names.len() > 20, "the check needs names to look for: {names:?}");
    let runs: Vec<Vec<&str>> = vec![
        vec!["status", "cases-sample", "--redact", "--format", "table"],
        vec!["status", "cases-sample", "--redact", "--format", "json"],
        vec!["status", "cases-sample", "--redact", "--format", "csv"],
        vec!["status", "cases-sample", "--redact", "--format", "markdown"],
        vec![
            "deadlines",
            "cases-sample",
            "--all",
            "--redact",
            "--format",
            "table",
        ],
        vec![
            "deadlines",
            "cases-sample",
            "--all",
            "--redact",
            "--format",
            "json",
        ],
        vec![
            "deadlines",
            "cases-sample",
            "--all",
            "--redact",
            "--format",
            "csv",
        ],
        vec![
            "deadlines",
            "cases-sample",
            "--all",
            "--redact",
            "--format",
            "markdown",
        ],
        vec![
            "deadlines",
            "cases-sample",
            "--all",
            "--redact",
            "--format",
            "ics",
        ],
    ];
    for args in runs {
        let text = stdout(&args).replace("\r\n ", "");
        for name in &names {
            assert!(
                !text.contains(name.as_str()),
                "`{}` leaks {name:?}",
                args.join(" ")
            );
            let surname = name.split_whitespace().last().unwrap_or_default();
            if surname.len() > 3
                && surname.chars().all(char::is_alphabetic)
                && !["family", "Shelter", "Unknown"].contains(&surname)
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

#[test]
fn strict_exits_1_only_when_a_case_shown_has_errors_or_overdue_deadlines() {
    let code = |args: &[&str]| cplan(args).output().expect("runs").status.code();
    assert_eq!(
        code(&["deadlines", "cases-sample", "--overdue"]),
        Some(0),
        "reports exit 0 when they printed"
    );
    assert_eq!(
        code(&["deadlines", "cases-sample", "--overdue", "--strict"]),
        Some(1)
    );
    assert_eq!(
        code(&["status", "cases-sample/2026-0201.yaml", "--strict"]),
        Some(0),
        "a clean case"
    );
    assert_eq!(code(&["status", "no/such/folder"]), Some(2));
    assert_eq!(
        code(&["deadlines", "cases-sample", "--within", "2 weeks"]),
        Some(2)
    );
}

/// A case with nothing overdue but the court report of a review hearing six days away
/// (due 2026-11-20, ten days before the hearing), checked on 2026-11-24.
const REPORT_DUE: &str = "case: T-0409
jurisdiction: federal
worker: A. Moreno
child:
  name: Lena Vos
  born: 2015-03-02
parents:
  - id: mother
    name: Ida Vos
    relationship: mother
episodes:
  - removed: 2026-10-20
    court_finding: 2026-10-22
placements:
  - {from: 2026-10-20, setting: kin, caregiver: Rosa Vos (aunt), permanency_willing: \"yes\"}
plan:
  reunification:
    target: 2027-04-30
search:
  relatives_notified: 2026-10-28
services:
  - {name: Parenting class, for: mother, referred: 2026-10-23}
efforts:
  - {date: 2026-10-23, text: Referred the mother to a parenting class.}
contacts:
  - {date: 2026-11-04, with: child, where: placement}
court:
  - {date: 2026-10-22, hearing: jurisdiction, findings: [reasonable_efforts]}
  - {date: 2026-11-30, hearing: review}
";

/// The nightly cron job (`deadlines --overdue --strict`) mailed a false alarm for ten days
/// before every hearing while the report could not be recorded. With `report_filed` the
/// report is met: exit 0 and no court_report row; without it the row is there and exit 1.
#[test]
fn a_filed_court_report_is_not_overdue_for_cron() {
    let run = |text: &str| {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("case.yaml"), text).expect("write");
        let path = dir.path().to_str().expect("utf-8").to_owned();
        let output = cplan(&["deadlines", &path, "--overdue", "--strict", "--format", "csv"])
            .output()
            .expect("runs");
        let stdout = String::from_utf8(output.stdout).expect("utf-8");
        (output.status.code(), stdout)
    };
    let (code, rows) = run(REPORT_DUE);
    assert_eq!(code, Some(1), "not filed: overdue\n{rows}");
    assert!(rows.contains("court report (review hearing)"), "{rows}");

    let filed = REPORT_DUE.replace(
        "{date: 2026-11-30, hearing: review}",
        "{date: 2026-11-30, hearing: review, report_filed: 2026-11-19}",
    );
    let (code, rows) = run(&filed);
    assert_eq!(code, Some(0), "filed: nothing overdue\n{rows}");
    assert!(!rows.contains("court report"), "{rows}");
    assert_eq!(rows.lines().count(), 1, "the header alone: {rows}");
}
