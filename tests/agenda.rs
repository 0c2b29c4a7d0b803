//! `cplan agenda` over the sample caseload: the real binary, every format snapshotted,
//! the questions a case must raise, the `--due-within` list, bad ids, and `--redact`.

use std::path::Path;
use std::process::Command;

use common::{sample_names, stdout_of};
use insta_cmd::assert_cmd_snapshot;

mod common;

/// Stage 3 (month 10), visits all monitored, a "not viable" finding, missed visits, two
/// findings: the sample case that gives an agenda the most to say (cases-sample/README.md).
const STAGE_3_CASE: &str = "2026-0211";

/// `cplan agenda ARGS…` in `dir`.
fn cplan_in(dir: &Path, args: &[&str]) -> Command {
    common::cplan_in(dir, &[&["agenda"], args].concat())
}

fn cplan(args: &[&str]) -> Command {
    cplan_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// `--due-within` is run inside the sample folder: the folder is then the default `.`.
fn in_sample(args: &[&str]) -> Command {
    cplan_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("cases-sample"), args)
}

#[test]
fn agenda_in_every_format() {
    for format in ["markdown", "text", "json"] {
        insta::with_settings!({snapshot_suffix => format}, {
            assert_cmd_snapshot!(cplan(&[STAGE_3_CASE, "cases-sample", "--format", format]));
        });
    }
}

#[test]
fn agenda_json_has_the_seven_sections() {
    let text = stdout_of(cplan(&[STAGE_3_CASE, "cases-sample", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    for key in [
        "heading",
        "snapshot",
        "deadlines",
        "since_last_review",
        "findings",
        "questions",
        "invite",
    ] {
        assert!(json.get(key).is_some(), "no `{key}` in {json}");
    }
    let rules: Vec<&str> = (json["findings"].as_array().expect("list").iter())
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert_eq!(rules, ["CP108", "CP202"]);
}

#[test]
fn a_case_file_gives_the_same_agenda_as_its_id() {
    let by_id = stdout_of(cplan(&["2026-0201", "cases-sample"]));
    let by_file = stdout_of(cplan(&["cases-sample/2026-0201.yaml"]));
    assert_eq!(by_id, by_file);
}

#[test]
fn every_agenda_asks_the_four_review_questions_of_seed_000() {
    for case in ["2026-0201", "2026-0207", "2026-0208", STAGE_3_CASE] {
        let text = stdout_of(cplan(&[case, "cases-sample", "--format", "json"]));
        let json: serde_json::Value = serde_json::from_str(&text).expect("json");
        let topics: Vec<&str> = (json["questions"].as_array().expect("list").iter())
            .filter_map(|q| q["topic"].as_str())
            .collect();
        assert_eq!(
            topics[topics.len() - 4..],
            [
                "concurrent_plan_in_place",
                "changes_in_status_or_need",
                "alternatives_discussed",
                "decision_support"
            ],
            "{case}"
        );
    }
}

#[test]
fn the_case_raises_its_own_questions() {
    let text = stdout_of(cplan(&[STAGE_3_CASE, "cases-sample"]));
    for asked in [
        "Reunification not viable per the court on 2026-08-25: make the concurrent goal (guardianship) primary",
        "15/22 falls on 2027-06-16: file the TPR petition or document an exception",
        "Visits are still all supervised or monitored in stage 3 (month 10;",
        "2 visits were missed since the staffing of 2026-09-01",
    ] {
        assert!(text.contains(asked), "missing {asked:?} in\n{text}");
    }
    let no_concurrent = stdout_of(cplan(&["2026-0212", "cases-sample"]));
    assert!(
        no_concurrent.contains("No concurrent goal is on file"),
        "{no_concurrent}"
    );
    assert!(
        no_concurrent.contains("Kettering family has not decided"),
        "{no_concurrent}"
    );
}

/// No sample case in stage 3 has only `supervised` visits, so a copy of one is made.
#[test]
fn a_stage_3_case_with_all_supervised_visits_asks_about_unsupervised_visits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("cases-sample/{STAGE_3_CASE}.yaml"));
    let text = std::fs::read_to_string(sample).expect("the sample case");
    assert!(text.contains("level: monitored"));
    let file = dir.path().join("case.yaml");
    std::fs::write(&file, text.replace("level: monitored", "level: supervised")).expect("write");
    let agenda = stdout_of(cplan(&[file.to_str().expect("utf-8 temp path")]));
    assert!(
        agenda.contains(
            "Visits are still all supervised in stage 3 (month 10; 9 visits in the last 60 days): \
             is the parent ready for unsupervised or overnight visits?"
        ),
        "{agenda}"
    );
}

#[test]
fn due_within_lists_the_cases_with_a_review_or_hearing_due() {
    assert_cmd_snapshot!(in_sample(&["--due-within", "5w"]));
}

#[test]
fn due_within_separates_agendas_by_a_rule_and_lists_the_soonest_first() {
    let text = stdout_of(in_sample(&["--due-within", "60d"]));
    let cases: Vec<&str> = (text.lines())
        .filter_map(|l| l.strip_prefix("# Review agenda: case "))
        .collect();
    assert_eq!(cases, ["2026-0210", "2026-0213", "2026-0207", "2026-0214"]);
    assert_eq!(text.matches("\n---\n").count(), cases.len() - 1);
    let json = stdout_of(in_sample(&["--due-within", "60d", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(json["agendas"].as_array().map(Vec::len), Some(cases.len()));
    assert_eq!(
        json["unreadable"][0]["file"], "./2026-0299-broken.yaml",
        "the file that could not be read is named beside the agendas"
    );
}

#[test]
fn due_within_with_no_case_due_says_so_and_exits_0() {
    assert_cmd_snapshot!(in_sample(&["--due-within", "14d"]));
    let text = stdout_of(in_sample(&["--due-within", "14d", "--format", "text"]));
    let first = text.lines().next().unwrap_or_default();
    assert!(first.starts_with("No case in "), "{text}");
    assert!(
        text.contains("2026-0299-broken.yaml"),
        "the file that could not be read is named: its case may have a hearing due\n{text}"
    );
}

#[test]
fn an_unknown_case_id_exits_2_naming_the_closest_ids() {
    assert_cmd_snapshot!(cplan(&["2026-0218", "cases-sample"]));
}

#[test]
fn a_file_whose_case_cannot_be_read_exits_2() {
    let output = cplan(&["cases-sample/2026-0299-broken.yaml"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cplan check cases-sample/2026-0299-broken.yaml"),
        "{stderr}"
    );
}

#[test]
fn strict_exits_1_only_for_a_case_with_errors_or_overdue_deadlines() {
    let status = |case: &str| {
        cplan(&[case, "cases-sample", "--strict"])
            .output()
            .expect("runs")
            .status
            .code()
    };
    assert_eq!(status("2026-0212"), Some(1));
    assert_eq!(status("2026-0201"), Some(0));
}

#[test]
fn redact_leaves_no_full_name_in_any_format() {
    let names = sample_names();
    assert!(names.iter().any(|n| n == "Caleb Ferris"), "{names:?}");
    for format in ["markdown", "text", "json"] {
        for args in [
            vec![STAGE_3_CASE, "cases-sample"],
            vec!["2026-0208", "cases-sample"],
            vec!["2026-0201", "cases-sample"],
        ] {
            let mut args = args.clone();
            args.extend(["--redact", "--format", format]);
            let text = stdout_of(cplan(&args));
            for name in &names {
                assert!(!text.contains(name.as_str()), "{name:?} in {format} of {args:?}");
            }
        }
        let text = stdout_of(in_sample(&["--due-within", "1y", "--redact", "--format", format]));
        for name in &names {
            assert!(
                !text.contains(name.as_str()),
                "{name:?} in {format} of --due-within"
            );
        }
        // Free text (service responses, notes) loses the child's first name too.
        assert!(!text.contains("Caleb"), "{text}");
    }
}

/// The youth speaks for themself: invited from 12; from 14 asked what they want and
/// whom they chose for the planning team; from 16 asked about adult life (and, with
/// APPLA, the family still sought).
#[test]
fn the_agenda_speaks_for_the_youth() {
    let questions = |case: &str| -> (Vec<String>, Vec<String>) {
        let text = stdout_of(cplan(&[case, "cases-sample", "--format", "json"]));
        let json: serde_json::Value = serde_json::from_str(&text).expect("json");
        let topics = (json["questions"].as_array().expect("list").iter())
            .filter_map(|q| q["topic"].as_str().map(str::to_owned))
            .collect();
        let roles = (json["invite"].as_array().expect("list").iter())
            .filter_map(|i| i["role"].as_str().map(str::to_owned))
            .collect();
        (topics, roles)
    };
    // Destiny, 17, APPLA.
    let (topics, roles) = questions("2026-0204");
    assert!(topics.contains(&"youth_voice".to_owned()), "{topics:?}");
    assert!(topics.contains(&"adult_life".to_owned()), "{topics:?}");
    assert!(roles.iter().any(|r| r.starts_with("youth, 17")), "{roles:?}");
    // Caleb, 13: invited, not yet consulted on the case plan by law.
    let (topics, roles) = questions("2026-0211");
    assert!(roles.iter().any(|r| r == "youth, 13"), "{roles:?}");
    assert!(!topics.contains(&"youth_voice".to_owned()), "{topics:?}");
    // Mateo, 1: not invited.
    let (_, roles) = questions("2026-0201");
    assert!(!roles.iter().any(|r| r.starts_with("youth")), "{roles:?}");
}

/// The agenda's question text of `topic` for case `id` in the fixture folder `dir`.
fn question_of(id: &str, dir: &str, topic: &str) -> Option<String> {
    let text = stdout_of(cplan(&[id, dir, "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    (json["questions"].as_array().expect("list").iter())
        .find(|q| q["topic"] == topic)
        .and_then(|q| q["text"].as_str())
        .map(str::to_owned)
}

/// The two findings on reasonable efforts decide title IV-E: the agenda says at which
/// hearing to ask for each, and what is lost without it (45 CFR 1356.21(b)).
#[test]
fn the_agenda_asks_for_the_efforts_findings_at_a_hearing() {
    // Due 2026-11-23, a review set for 2026-12-15.
    let overdue = question_of("T-4111", "tests/rules/CP411/fires", "efforts_finding_permanency");
    assert_eq!(
        overdue.as_deref(),
        Some(
            "The court's finding on reasonable efforts to finalize the permanency plan was due 2026-11-23: from the \
             end of November 2026 the placement is not paid for by title IV-E until the court makes it. Ask the \
             court for the finding at the review hearing on 2026-12-15."
        )
    );
    // Due today; the only hearing set (2026-12-03) comes after it.
    let due_today = question_of("T-4122", "tests/rules/CP412/passes", "efforts_finding_removal");
    assert_eq!(
        due_today.as_deref(),
        Some(
            "The court's determination on reasonable efforts to prevent removal is due 2026-11-24. The next \
             hearing, on 2026-12-03, is after that: ask the court for an earlier one, by 2026-11-24. Without it \
             the child is not eligible for title IV-E for the whole stay in care."
        )
    );
    // Met on day 60: nothing to ask.
    assert_eq!(
        question_of("T-4121", "tests/rules/CP412/passes", "efforts_finding_removal"),
        None
    );
}

/// Siblings placed apart: the agenda reports their contact in the snapshot, the period
/// and the question about them (42 USC 671(a)(31)(B)).
#[test]
fn the_agenda_reports_sibling_contact() {
    let text = stdout_of(cplan(&["T-2071", "tests/rules/CP207/fires", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(json["snapshot"]["siblings"]["last_visit"], "2026-10-24");
    let visits = json["since_last_review"]["sibling_visits"]
        .as_array()
        .expect("a list");
    let held: Vec<(&str, bool)> = (visits.iter())
        .map(|v| (v["date"].as_str().unwrap_or_default(), v["held"] == true))
        .collect();
    assert_eq!(
        held,
        [("2026-09-26", true), ("2026-10-24", true), ("2026-11-07", false)]
    );
    let question = question_of("T-2071", "tests/rules/CP207/fires", "siblings_apart").expect("asked");
    assert!(
        question
            .ends_with("The last sibling visit logged was on 2026-10-24: how often do they see each other?"),
        "{question}"
    );
    let none = question_of("T-2072", "tests/rules/CP207/fires", "siblings_apart").expect("asked");
    assert!(
        none.ends_with("No sibling visit is logged: how do they keep in touch?"),
        "{none}"
    );
    // Apart and none logged: an empty list says so.
    let apart = stdout_of(cplan(&["T-2072", "tests/rules/CP207/fires", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&apart).expect("json");
    assert_eq!(json["since_last_review"]["sibling_visits"], serde_json::json!([]));
    // Placed together: no sibling visit list at all.
    let together = stdout_of(cplan(&["T-2074", "tests/rules/CP207/passes", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&together).expect("json");
    assert!(
        json["since_last_review"].get("sibling_visits").is_none(),
        "{json}"
    );
    assert!(json["snapshot"]["siblings"].get("last_visit").is_none());
}

/// The agendas of every case due are built as the check reads the cases and staged in a
/// temporary file until the end of the run (`src/cli/agenda/spool.rs`); each must still
/// be the agenda of its case alone, with the findings across files (a duplicate id)
/// that are known only at the end, and the list in order of review date.
#[test]
fn the_agendas_of_every_case_due_are_each_case_agenda_alone_soonest_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases-sample");
    for entry in std::fs::read_dir(&sample).expect("cases-sample") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let name = path.file_name().expect("a file name");
            std::fs::copy(&path, dir.path().join(name)).expect("copied");
        }
    }
    // A second file with the id of a case due: CP005, a finding of the folder rules.
    std::fs::copy(
        sample.join("2026-0210.yaml"),
        dir.path().join("2026-0210-copy.yaml"),
    )
    .expect("copied");
    // 60 days: one case's agenda looks as far ahead (a longer span looks further).
    let list = stdout_of(cplan_in(dir.path(), &["--due-within", "60d", "--format", "json"]));
    let list: serde_json::Value = serde_json::from_str(&list).expect("json");
    let agendas = list["agendas"].as_array().expect("a list of agendas");
    assert_eq!(agendas.len(), 5, "the four sample cases due, and the copy");
    let mut order = Vec::new();
    for agenda in agendas {
        let file = agenda["heading"]["file"].as_str().expect("the file of the case");
        let alone = stdout_of(cplan_in(dir.path(), &[file, "--format", "json"]));
        let mut alone: serde_json::Value = serde_json::from_str(&alone).expect("json");
        alone.as_object_mut().and_then(|o| o.remove("unreadable"));
        assert_eq!(*agenda, alone, "{file}");
        let due = agenda["heading"]["review"]["due"].as_str().expect("a review due");
        order.push((
            due.to_owned(),
            agenda["heading"]["case"].to_string(),
            file.to_owned(),
        ));
    }
    assert!(order.is_sorted(), "soonest first, then by id and file: {order:?}");
    let duplicated: Vec<&serde_json::Value> = (agendas.iter())
        .filter(|a| a["heading"]["case"] == "2026-0210")
        .collect();
    assert_eq!(duplicated.len(), 2, "both files of the id have an agenda");
    for agenda in duplicated {
        let rules: Vec<&serde_json::Value> = (agenda["findings"].as_array().into_iter().flatten())
            .map(|f| &f["rule"])
            .collect();
        assert!(rules.contains(&&serde_json::json!("CP005")), "{rules:?}");
        let asked = agenda["questions"].as_array().into_iter().flatten();
        assert!(
            asked.clone().any(|q| q["topic"] == "findings"),
            "the findings are asked about"
        );
    }
}
