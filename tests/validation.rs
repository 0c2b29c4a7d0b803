//! What `cplan new` and a folder's `cplan.yaml` may not do: write the settings file or
//! outside the folder, inject YAML through a profile name, or hold a setting so large or
//! negative that a deadline silently moves, vanishes or cannot be written.

use std::path::Path;
use std::process::Output;

use common::{AS_OF, cplan_in, cplan_undated};

mod common;

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The files of `dir`, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("readable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn new_in(dir: &Path, args: &[&str]) -> Output {
    cplan_undated()
        .arg("new")
        .args(args)
        .arg("--dir")
        .arg(dir)
        .output()
        .expect("cplan runs")
}

#[test]
fn new_refuses_ids_that_are_no_case_file_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let refused = [
        ("cplan", "cplan.yaml is the folder's settings file, never a case"),
        ("CPLAN", "cplan.yaml is the folder's settings file, never a case"),
        ("Cplan", "cplan.yaml is the folder's settings file, never a case"),
        ("../x", "cannot be a case id: use letters, digits"),
        ("x/../../y", "cannot be a case id: use letters, digits"),
        ("a\\b", "cannot be a case id: use letters, digits"),
        (".hidden", "cannot be a case id: use letters, digits"),
        ("x\ry", "`x\\ry` cannot be a case id"),
        ("x\u{1b}[31m", "`x\\u{1b}[31m` cannot be a case id"),
        ("x\u{202e}y", "cannot be a case id"),
        ("a b", "cannot be a case id"),
        ("con", "Windows keeps that name for a device"),
        ("LPT1.x", "Windows keeps that name for a device"),
    ];
    for (id, message) in refused {
        let output = new_in(dir.path(), &[id]);
        assert_eq!(output.status.code(), Some(2), "{id:?}");
        assert!(stderr(&output).contains(message), "{id:?}: {}", stderr(&output));
    }
    let long = "x".repeat(65);
    let output = new_in(dir.path(), &[&long]);
    assert!(
        stderr(&output).contains("a case id has at most 64 characters"),
        "{}",
        stderr(&output)
    );
    assert!(
        files(dir.path()).is_empty(),
        "nothing written: {:?}",
        files(dir.path())
    );
    // Ids that only look like the settings file are ordinary ids.
    for id in ["cplan-2026", "cplan.2026", "x.cplan"] {
        assert_eq!(new_in(dir.path(), &[id]).status.code(), Some(0), "{id}");
    }
}

#[test]
fn new_writes_a_jurisdiction_that_cannot_inject_yaml() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in [
        "x\nnotes: y",
        "kansas\nnotes: y",
        "kansas\"\nnotes: \"y",
        "../kansas",
        "",
    ] {
        let output = new_in(dir.path(), &["X-1", "--jurisdiction", name]);
        assert_eq!(output.status.code(), Some(2), "{name:?}");
        assert!(
            stderr(&output).contains("cannot be a profile name"),
            "{name:?}: {}",
            stderr(&output)
        );
    }
    assert!(
        files(dir.path()).is_empty(),
        "nothing written: {:?}",
        files(dir.path())
    );
    let output = new_in(dir.path(), &["X-1", "--jurisdiction", "Kansas"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(dir.path().join("X-1.yaml")).expect("written");
    assert!(
        text.contains("\ncase: \"X-1\"\njurisdiction: \"kansas\"\n"),
        "{text}"
    );
}

/// `cplan check` of a folder holding this `cplan.yaml` and a sample case: exit 2 and
/// every message.
fn assert_refused(settings: &str, messages: &[&str]) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("cplan.yaml"), settings).expect("write");
    std::fs::copy("cases-sample/2026-0201.yaml", dir.path().join("2026-0201.yaml")).expect("copy");
    let output = cplan_in(dir.path(), &["check", "."])
        .output()
        .expect("cplan runs");
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{settings}\n{err}");
    for message in messages {
        assert!(err.contains(message), "{settings}\nwants {message}\n{err}");
    }
}

#[test]
fn durations_longer_than_100_years_are_refused() {
    let longer = "is longer than 100 years, the longest duration cplan accepts; \
                  write at most 36525d, 5217w, 1200mo or 100y";
    let cases = [
        (
            "deadlines:\n  case_plan: removed + 1000000000000000000d\n",
            "cplan.yaml:2:14: `deadlines.case_plan`: `removed + 1000000000000000000d`: `1000000000000000000d` ",
        ),
        (
            "deadlines:\n  case_plan: removed - 800000d\n",
            "cplan.yaml:2:14: `deadlines.case_plan`: `removed - 800000d`: `800000d` ",
        ),
        (
            "deadlines:\n  permanency_hearing:\n    first: [efc + 12mo, bypass + 5218w]\n",
            "cplan.yaml:3:25: `deadlines.permanency_hearing.first[1]`: `bypass + 5218w`: `5218w` ",
        ),
        (
            "deadlines:\n  periodic_review:\n    first: efc + 6mo\n    every: 1201mo\n",
            "cplan.yaml:4:12: `deadlines.periodic_review.every`: `1201mo` ",
        ),
        (
            "warning_window: 101y\n",
            "cplan.yaml:1:17: `warning_window`: `101y` ",
        ),
        (
            "activity_max: 36526d\n",
            "cplan.yaml:1:15: `activity_max`: `36526d` ",
        ),
    ];
    for (settings, located) in cases {
        assert_refused(settings, &[&format!("{located}{longer}")]);
    }
}

#[test]
fn numbers_out_of_range_say_what_is_allowed() {
    let cases = [
        (
            "fdi_interval_days: -5\n",
            "cplan.yaml:1:20: `fdi_interval_days` must be a whole number from 1 to 36525, but is -5",
        ),
        (
            "efforts_interval_days: 0\n",
            "`efforts_interval_days` must be a whole number from 1 to 36525, but is 0",
        ),
        (
            "early_review_days: 36526\n",
            "`early_review_days` must be a whole number from 1 to 36525, but is 36526",
        ),
        (
            "service_response_days: 99999999999999999999999999999999999999\n",
            "`service_response_days` must be a whole number from 1 to 36525, but is 999999999999999999999999…",
        ),
        (
            "court_report_days: -1\n",
            "`court_report_days` must be a whole number from 0 to 36525, but is -1",
        ),
        (
            "reunification_notice_days: 1.5\n",
            "`reunification_notice_days` must be a whole number from 0 to 36525, but is 1.5",
        ),
        (
            "appla_min_age: 22\n",
            "cplan.yaml:1:16: `appla_min_age` must be a whole number from 0 to 21, but is 22",
        ),
        (
            "appla_min_age: sixteen\n",
            "`appla_min_age` must be a whole number from 0 to 21, but is text",
        ),
        (
            "visits:\n  window_days: 400\n",
            "cplan.yaml:2:16: `visits.window_days` must be a whole number from 1 to 366, but is 400",
        ),
        (
            "visits:\n  min: [4, -1, 4]\n",
            "cplan.yaml:2:12: `visits.min[1]` must be a whole number from 0 to 366, but is -1",
        ),
        (
            "visits:\n  min_under_3: 1000\n",
            "`visits.min_under_3` must be a whole number from 0 to 366, but is 1000",
        ),
        (
            "visits:\n  max_gap_days: [10, 14, 0]\n",
            "`visits.max_gap_days[2]` must be a whole number from 1 to 366, but is 0",
        ),
        (
            "stages: [4, 8, 1201]\n",
            "cplan.yaml:1:16: `stages[2]` must be a whole number from 1 to 1200, but is 1201",
        ),
        (
            "stages: [8, 4, 15]\n",
            "cplan.yaml:1:9: `stages` must rise, each stage ending after the one before",
        ),
        (
            "profiles:\n  pilot:\n    fdi_interval_days: -5\n",
            "cplan.yaml:3:24: `profiles.pilot.fdi_interval_days` must be a whole number from 1 to 36525, but is -5",
        ),
    ];
    for (settings, message) in cases {
        assert_refused(settings, &[message]);
    }
}

#[test]
fn profile_names_are_lower_case_letters_digits_dashes_and_underscores() {
    assert_refused(
        "profiles:\n  Pilot:\n    extends: kansas\n  \"x\\nnotes: y\":\n    extends: kansas\n  \
         ok:\n    extends: \"Kansas/x\"\n  san mateo: {}\n",
        &[
            "has 4 problems",
            "cplan.yaml:2:3: `profiles`: `Pilot` cannot be a profile name: write it in lower case, `pilot`",
            "cplan.yaml:4:3: `profiles`: `x\\nnotes: y` cannot be a profile name: use lower-case letters a-z, \
             digits, `-` and `_`, e.g. `pilot` or `san-mateo`",
            "cplan.yaml:7:14: `profiles.ok.extends`: `Kansas/x` cannot be a profile name",
            "cplan.yaml:8:3: `profiles`: `san mateo` cannot be a profile name",
        ],
    );
    assert_refused(
        "extends: \"cali\\u001bfornia\"\n",
        &["cplan.yaml:1:10: `extends`: `cali\\u{1b}fornia` cannot be a profile name"],
    );
    assert_refused(
        &format!("extends: {}\n", "a".repeat(65)),
        &["a profile name has at most 64 characters"],
    );
}

/// A profile is named without regard to letter case: `extends`, a case's
/// `jurisdiction:` and the report filter all find `kansas` as `Kansas`.
#[test]
fn a_profile_is_named_in_any_letter_case() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("cplan.yaml"),
        "extends: California\nprofiles:\n  pilot:\n    extends: KANSAS\n",
    )
    .expect("write");
    let sample = std::fs::read_to_string("cases-sample/2026-0201.yaml").expect("sample");
    assert!(
        sample.contains("\njurisdiction: federal\n"),
        "the sample names its profile"
    );
    for (id, jurisdiction) in [("2026-0201", "Kansas"), ("2026-0202", "PILOT")] {
        let text = sample
            .replacen("case: 2026-0201", &format!("case: {id}"), 1)
            .replacen(
                "jurisdiction: federal",
                &format!("jurisdiction: {jurisdiction}"),
                1,
            );
        std::fs::write(dir.path().join(format!("{id}.yaml")), text).expect("write");
    }
    let cases_of = |profile: &str| -> Vec<String> {
        let output = cplan_in(
            dir.path(),
            &["status", ".", "--jurisdiction", profile, "--format", "csv"],
        )
        .output()
        .expect("cplan runs");
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let text = String::from_utf8(output.stdout).expect("UTF-8");
        text.lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(cases_of("kansas"), ["2026-0201"]);
    assert_eq!(cases_of("pilot"), ["2026-0202"]);
    assert_eq!(cases_of("KANSAS"), ["2026-0201"]);
    // No case uses the folder's default (california): a filter that matches nothing is
    // taken for a typo (exit 2), naming the profiles the cases use.
    let none = cplan_in(dir.path(), &["status", ".", "--jurisdiction", "California"])
        .output()
        .expect("cplan runs");
    assert_eq!(none.status.code(), Some(2));
    assert!(
        stderr(&none).contains("the profiles used are: kansas, pilot"),
        "{}",
        stderr(&none)
    );
    let check = cplan_in(dir.path(), &["check", ".", "--format", "concise"])
        .output()
        .expect("cplan runs");
    assert!(
        !String::from_utf8_lossy(&check.stdout).contains("CP004"),
        "no unknown profile"
    );
}

#[test]
fn report_spans_are_bounded_too() {
    let too_long = "is longer than 100 years, the longest duration cplan accepts";
    for args in [
        ["deadlines", "cases-sample", "--within", "101y"],
        ["deadlines", "cases-sample", "--within", "1000000000000000000d"],
        ["agenda", "--due-within", "36526d", "cases-sample"],
    ] {
        let output = cplan_undated()
            .args(["--as-of", AS_OF])
            .args(args)
            .output()
            .expect("cplan runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(too_long),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    let output = cplan_undated()
        .args(["--as-of", AS_OF, "deadlines", "cases-sample", "--within", "100y"])
        .output()
        .expect("cplan runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

/// Deadlines counted from dates at the ends of the calendar, with the longest
/// durations, still give a calendar an independent parser reads, every date in it with
/// a four-digit year.
#[test]
fn far_dates_never_reach_the_calendar_outside_four_digit_years() {
    let sample = std::fs::read_to_string("cases-sample/2026-0201.yaml").expect("sample");
    for (year, as_of, edge) in [
        ("9999", "9999-12-31", "99991231"),
        ("0001", "0001-12-31", "00010101"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("cplan.yaml"),
            "deadlines:\n  case_plan: removed + 36525d\n  relatives_notice: removed - 100y\n",
        )
        .expect("write");
        let text = sample
            .replace("2026-", &format!("{year}-"))
            .replace("2025-", &format!("{year}-"));
        std::fs::write(dir.path().join("case.yaml"), text).expect("write");
        let output = cplan_undated()
            .current_dir(dir.path())
            .args(["--as-of", as_of, "deadlines", ".", "--all", "--format", "ics"])
            .output()
            .expect("cplan runs");
        assert!(output.status.code().is_some_and(|c| c < 2), "{}", stderr(&output));
        let ics = String::from_utf8(output.stdout).expect("UTF-8");
        let calendar = ical::IcalParser::new(ics.as_bytes())
            .next()
            .expect("a calendar")
            .expect("valid iCalendar");
        assert!(calendar.events.len() > 5, "{ics}");
        for event in &calendar.events {
            for property in event.properties.iter().filter(|p| p.name.starts_with("DT")) {
                let value = property.value.as_deref().unwrap_or_default();
                assert!(value.len() == 8 || value.len() == 16, "{value}");
                assert!(value[..4] >= *"0001" && value[..4] <= *"9999", "{value}");
            }
        }
        assert!(
            ics.contains(&format!("DTSTART;VALUE=DATE:{edge}")),
            "the longest span stops at {edge}:\n{ics}"
        );
        // Every other format too: stage boundaries and the 15/22 date stop at the edge.
        let csv = cplan_undated()
            .current_dir(dir.path())
            .args(["--as-of", as_of, "deadlines", ".", "--all", "--format", "csv"])
            .output()
            .expect("cplan runs");
        let csv = String::from_utf8(csv.stdout).expect("UTF-8");
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let due_column = (reader.headers().expect("a header").iter())
            .position(|h| h == "due")
            .expect("a due column");
        for record in reader.records() {
            let due = record.expect("a CSV record")[due_column].to_owned();
            assert!(
                chrono::NaiveDate::parse_from_str(&due, "%Y-%m-%d").is_ok() && due.len() == 10,
                "{due}"
            );
        }
    }
}
