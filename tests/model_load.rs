//! The spec's example case uses every field of the format: it must load completely,
//! with every value typed, and without a single file-level finding.

use chrono::NaiveDate;
use cplan::load::{LoadOptions, load_file};
use cplan::model::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn example() -> cplan::load::CaseFile {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/example-case.yaml");
    load_file(std::path::Path::new(path), LoadOptions::default())
}

#[test]
fn every_field_of_the_example_is_read() {
    let file = example();
    assert_eq!(file.findings, vec![], "the example is a clean file");
    let case = file.case.expect("the case is read");
    assert_eq!(case.id, "2026-0142");
    assert_eq!(case.jurisdiction.as_deref(), Some("california"));
    assert_eq!(case.child.born, date(2023, 5, 14));
    assert_eq!(case.child.siblings, vec!["2026-0143".to_owned()]);
    assert_eq!(case.parents[1].whereabouts, Whereabouts::Unknown);
    let episode = &case.episodes[0];
    assert_eq!(episode.court_finding, Some(date(2026, 2, 20)));
    assert!(episode.services_ordered);
    assert_eq!(
        episode.trial_home_visits,
        vec![TrialHomeVisit {
            from: date(2026, 9, 1),
            to: date(2026, 10, 15),
            extended_by_court: None
        }]
    );
    assert_eq!(case.placements[1].setting, Setting::ResourceFamily);
    assert_eq!(case.placements[1].permanency_willing, Some(Willing::Yes));
    assert_eq!(case.placements[1].siblings_together, Some(true));
    let plan = case.plan.expect("plan");
    assert_eq!(plan.primary, PrimaryTrack::Reunification);
    assert_eq!(plan.prognosis.expect("prognosis").poor.len(), 1);
    assert_eq!(
        plan.written_agreement.expect("agreement").by,
        vec![PersonRef::Parent(0), PersonRef::Agency],
        "[mother, agency]: the parent with id `mother`, and the agency"
    );
    let concurrent = plan.concurrent.expect("concurrent");
    assert_eq!(concurrent.goal, Some(ConcurrentGoal::Adoption));
    assert_eq!(concurrent.checks.fingerprints, Some(date(2026, 2, 12)));
    assert_eq!(plan.reunification.expect("reunification").conditions.len(), 2);
    let activity = &case.goals[0].objectives[0].activities[0];
    assert_eq!(activity.place.as_deref(), Some("County Recovery Center"));
    assert_eq!(
        case.goals[1].objectives[0].activities[0].done,
        Some(date(2026, 4, 18))
    );
    assert_eq!(
        case.services[0].response.as_deref(),
        Some("Attends regularly; missed two sessions in March.")
    );
    assert!(!case.visits[1].held);
    assert_eq!(case.contacts[0].place, Some(ContactPlace::Placement));
    assert_eq!(case.search.expect("search").found.len(), 1);
    assert_eq!(case.court[1].findings, vec![CourtFinding::ReasonableEfforts]);
    assert_eq!(case.court[2].orders, vec![CourtOrder::ReunificationServices]);
    assert_eq!(case.reviews[0].kind, ReviewKind::Staffing);
    assert!(case.notes.expect("notes").starts_with("Free text"));
}

#[test]
fn positions_are_kept_for_valid_values() {
    let file = example();
    // `goal: adoption` is on line 61 of the example, value at column 11.
    let at = file.positions.exact("plan.concurrent.goal").expect("written");
    assert_eq!((at.key.line, at.key.column, at.value.column), (61, 5, 11));
    assert_eq!(file.positions.key("visits[1].level").line, 119);
    // A key that is not written falls back to its nearest written parent.
    assert_eq!(
        file.positions.key("plan.concurrent.checks.extra"),
        file.positions.key("plan.concurrent.checks")
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/example-case.yaml"
    ))
    .expect("fixture");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("crlf.yaml");
    std::fs::write(&path, format!("\u{feff}{}", text.replace('\n', "\r\n"))).expect("write");
    let file = load_file(&path, LoadOptions::default());
    assert_eq!(file.findings, vec![]);
    assert_eq!(
        file.case.expect("read").notes.as_deref(),
        Some("Free text that no rule reads.\n")
    );
}

/// Scalars keep the text they are written with: ids that look like numbers are read as
/// written (`0142` keeps its zero, goal `1.10` is not goal `1.1`), a name in quotes is
/// taken as written, and a number written bare where a name belongs is CP004.
#[test]
fn ids_keep_their_text_and_a_bare_number_is_no_name() {
    let text = "case: 0142\nworker: \"12\"\nchild: {name: 7, born: 2015-03-02}\n\
                episodes: [{removed: 2026-09-01}]\n\
                goals:\n  - {id: 1.1, track: reunification, term: short, text: Visits}\n  \
                - {id: 1.10, track: reunification, term: long, text: Home}\n";
    let file = cplan::load::load_text(std::path::Path::new("ids.yaml"), text);
    let messages: Vec<String> = file
        .findings
        .iter()
        .map(|f| format!("{} {}", f.rule, f.message))
        .collect();
    assert_eq!(messages, ["CP004 `child.name` must be a name, but is a number"]);
    let case = file.case.expect("read");
    assert_eq!(case.id, "0142");
    assert_eq!(case.worker, "12");
    let goals: Vec<&str> = case.goals.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(goals, ["1.1", "1.10"]);
}

/// The fields of issue 19: the two findings on reasonable efforts, recruitment steps of
/// the concurrent plan, and the sibling visit log (`held` defaults to true).
#[test]
fn efforts_findings_recruitment_and_sibling_visits_are_read() {
    let text = "case: T-1\nworker: A. Moreno\nchild: {name: Ana Test, born: 2018-01-01, siblings: [T-2]}\n\
                episodes:\n  - removed: 2026-01-10\n\
                plan:\n  concurrent:\n    goal: adoption\n    recruitment:\n\
                \x20     - {date: 2026-04-01, text: Profile on the adoption exchange}\n\
                sibling_visits:\n  - {date: 2026-03-07, with: T-2}\n  - {date: 2026-03-21, with: T-2, held: false, note: Ill}\n\
                court:\n  - {date: 2026-01-12, hearing: detention, findings: [efforts_to_prevent_removal]}\n\
                \x20 - {date: 2027-01-20, hearing: permanency, findings: [efforts_to_finalize_plan, no_reasonable_efforts]}\n";
    let file = cplan::load::load_text(std::path::Path::new("t.yaml"), text);
    assert_eq!(file.findings, vec![], "a clean file");
    let case = file.case.expect("read");
    let concurrent = case.plan.and_then(|p| p.concurrent).expect("concurrent");
    assert_eq!(
        concurrent.recruitment,
        vec![RecruitmentStep {
            date: date(2026, 4, 1),
            text: "Profile on the adoption exchange".to_owned()
        }]
    );
    assert_eq!(case.sibling_visits.len(), 2);
    assert_eq!(
        (case.sibling_visits[0].with.as_str(), case.sibling_visits[0].held),
        ("T-2", true)
    );
    assert!(!case.sibling_visits[1].held);
    assert_eq!(
        case.court[0].findings,
        vec![CourtFinding::EffortsToPreventRemoval]
    );
    assert_eq!(
        case.court[1].findings,
        vec![
            CourtFinding::EffortsToFinalizePlan,
            CourtFinding::NoReasonableEfforts
        ]
    );
}
