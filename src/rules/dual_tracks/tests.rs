use std::path::Path;

use chrono::NaiveDate;

use crate::model::ConcurrentGoal;
use crate::policy::{Config, Profile};
use crate::rules::check_case;

const AS_OF: &str = "2026-11-24";

fn profile(name: &str) -> Profile {
    let config = Config::builtin();
    config
        .profile_for(Some(name))
        .map(|p| (**p).clone())
        .unwrap_or_else(|e| panic!("{e:?}"))
}

/// A case removed on `removed` (episode keys in `episode`), then `rest` as YAML.
fn case(born: &str, removed: &str, episode: &str, rest: &str) -> String {
    format!(
        "case: T-1\nworker: A. Moreno\nchild:\n  name: Mia Test\n  born: {born}\n  siblings: [T-2]\n\
         parents:\n  - id: mother\n    name: Eva Test\n    relationship: mother\n\
         episodes:\n  - removed: {removed}\n{episode}{rest}"
    )
}

/// Messages of `code` on the case text, checked on `as_of`; `clean` = no loader findings.
fn fired_on(code: &str, text: &str, profile: &Profile, as_of: &str, clean: bool) -> Vec<String> {
    let file = crate::load::load_text(Path::new("t.yaml"), text);
    assert!(!clean || file.findings.is_empty(), "{:#?}", file.findings);
    let as_of = as_of.parse().unwrap_or(NaiveDate::MIN);
    (check_case(&file, profile, as_of).into_iter())
        .filter(|f| f.rule == code)
        .map(|f| f.message)
        .collect()
}

fn fired(code: &str, text: &str, profile: &Profile) -> Vec<String> {
    fired_on(code, text, profile, AS_OF, true)
}

const PLAN: &str = "plan:\n  reunification:\n    target: 2027-06-01\n  concurrent:\n";

#[test]
fn cp101_needs_ordered_services_and_no_track_at_all() {
    let p = profile("federal");
    let none = case(
        "2019-01-01",
        "2026-03-02",
        "",
        "plan:\n  primary: reunification\n",
    );
    assert_eq!(fired("CP101", &none, &p).len(), 1);
    let bypass = case("2019-01-01", "2026-03-02", "    services_ordered: false\n", "");
    assert!(fired("CP101", &bypass, &p).is_empty());
    let target_only = case(
        "2019-01-01",
        "2026-03-02",
        "",
        "plan:\n  reunification:\n    target: 2027-01-10\n",
    );
    assert!(fired("CP101", &target_only, &p).is_empty());
}

#[test]
fn cp102_is_due_the_day_after_the_case_plan() {
    let p = profile("federal");
    // Removed 2026-09-25: case plan due 2026-11-24 (the as-of date), goal due the day after.
    assert!(fired("CP102", &case("2019-01-01", "2026-09-25", "", ""), &p).is_empty());
    let late = fired("CP102", &case("2019-01-01", "2026-09-24", "", ""), &p);
    assert!(
        late[0].ends_with("required since 2026-11-24 (the case plan was due 2026-11-23)"),
        "{late:?}"
    );
    // Kansas: staffing + 30 days (2026-10-24 + 30d = 2026-11-23).
    let staffed = case("2019-01-01", "2026-10-20", "", "plan:\n  staffing: 2026-10-25\n");
    assert!(fired("CP102", &staffed, &profile("kansas")).is_empty());
    let staffed = case("2019-01-01", "2026-10-20", "", "plan:\n  staffing: 2026-10-24\n");
    assert_eq!(fired("CP102", &staffed, &profile("kansas")).len(), 1);
    // California: from the disposition date itself.
    let cal = profile("california");
    let today = case("2019-01-01", "2026-11-01", "    disposition: 2026-11-24\n", "");
    assert_eq!(fired("CP102", &today, &cal).len(), 1);
    let tomorrow = case("2019-01-01", "2026-11-01", "    disposition: 2026-11-25\n", "");
    assert!(fired("CP102", &tomorrow, &cal).is_empty());
}

#[test]
fn cp102_and_cp103_read_the_goal_as_written() {
    let p = profile("federal");
    let with_goal = |goal: &str| {
        case(
            "2019-01-01",
            "2026-01-10",
            "",
            &format!("{PLAN}    goal: {goal}\n"),
        )
    };
    // A misspelt goal is CP004's; a word for going home is CP103's; neither is "missing".
    let typo = with_goal("adoptoin");
    assert!(fired_on("CP102", &typo, &p, AS_OF, false).is_empty());
    assert!(fired_on("CP103", &typo, &p, AS_OF, false).is_empty());
    let home = with_goal("\"Reintegration\"  # Kansas word");
    assert!(fired_on("CP102", &home, &p, AS_OF, false).is_empty());
    let found = fired_on("CP103", &home, &p, AS_OF, false);
    assert!(
        found[0].starts_with("`plan.concurrent.goal` is `reintegration`"),
        "{found:?}"
    );
    // An empty goal is missing, whatever follows it.
    for empty in ["", "~", "# to decide", "\n    resource: Okafor family"] {
        assert_eq!(fired("CP102", &with_goal(empty), &p).len(), 1, "goal: {empty}");
        assert!(fired("CP103", &with_goal(empty), &p).is_empty(), "goal: {empty}");
    }
}

#[test]
fn cp103_knows_a_parent_by_id_or_name_but_not_a_relative() {
    let p = profile("federal");
    let with = |resource: &str| {
        let plan = format!("{PLAN}    goal: relative\n    resource: {resource}\n");
        fired("CP103", &case("2019-01-01", "2026-03-02", "", &plan), &p)
    };
    assert_eq!(with("mother").len(), 1);
    assert_eq!(with("eva test").len(), 1);
    assert!(with("Rosa Test (the mother's sister)").is_empty());
    let primary = case("2019-01-01", "2026-03-02", "", "plan:\n  primary: concurrent\n");
    assert_eq!(fired("CP103", &primary, &p).len(), 1);
}

#[test]
fn cp104_counts_activities_started_by_the_as_of_date() {
    let p = profile("federal");
    let started = |start: &str| {
        let goals = format!(
            "goals:\n  - id: G2\n    track: both\n    term: short\n    text: Ready to adopt.\n    objectives:\n\
             \x20     - id: G2.1\n        text: Home study.\n        activities:\n\
             \x20         - text: Interviews\n            start: {start}\n"
        );
        fired(
            "CP104",
            &case(
                "2019-01-01",
                "2026-03-02",
                "",
                &format!("{PLAN}    goal: adoption\n{goals}"),
            ),
            &p,
        )
    };
    assert!(started(AS_OF).is_empty());
    assert_eq!(started("2026-11-25").len(), 1);
}

#[test]
fn cp105_treats_the_unwilling_caregiver_as_no_resource() {
    let p = profile("federal");
    let placed = |setting: &str, willing: &str, resource: &str| {
        let text = format!(
            "placements:\n  - from: 2026-03-02\n    setting: {setting}\n    caregiver: Okafor family\n{willing}\
             {PLAN}    goal: adoption\n    resource: {resource}\n"
        );
        fired("CP105", &case("2019-01-01", "2026-03-02", "", &text), &p)
    };
    let no = "    permanency_willing: no\n";
    assert_eq!(placed("foster", no, "okafor family").len(), 1);
    assert!(placed("foster", no, "Rosa Test (aunt)").is_empty());
    assert!(placed("foster", "    permanency_willing: undecided\n", "").is_empty());
    assert!(placed("parent", "", "").is_empty());
    assert_eq!(placed("foster", "", "Okafor family").len(), 1);
}

#[test]
fn cp106_needs_listed_siblings_and_a_written_reason() {
    let p = profile("federal");
    let apart = |reason: &str| {
        let text = format!(
            "placements:\n  - from: 2026-03-02\n    setting: foster\n    siblings_together: false\n{reason}"
        );
        fired_on(
            "CP106",
            &case("2019-01-01", "2026-03-02", "", &text),
            &p,
            AS_OF,
            true,
        )
    };
    assert_eq!(apart("    siblings_apart_reason: \" \"\n").len(), 1);
    assert!(apart("    siblings_apart_reason: Medical foster home.\n").is_empty());
}

#[test]
fn cp107_checks_the_goals_the_profile_names() {
    let plan = format!("{PLAN}    goal: guardianship\n    resource: Rosa Test\n");
    let text = case("2019-01-01", "2026-03-02", "", &plan);
    assert!(fired("CP107", &text, &profile("federal")).is_empty());
    let mut p = profile("federal");
    p.checks_required_for.push(ConcurrentGoal::Guardianship);
    let found = fired("CP107", &text, &p);
    assert!(
        found[0].contains("registry, fingerprints and criminal missing"),
        "{found:?}"
    );
    let unnamed = case(
        "2019-01-01",
        "2026-03-02",
        "",
        &format!("{PLAN}    goal: guardianship\n"),
    );
    assert!(fired("CP107", &unnamed, &p).is_empty());
}

#[test]
fn cp108_ignores_scheduled_and_reopened_rulings() {
    let p = profile("federal");
    let court = |hearings: &str| {
        fired(
            "CP108",
            &case("2019-01-01", "2026-01-10", "", &format!("court:\n{hearings}")),
            &p,
        )
    };
    let ruled = "  - date: 2026-09-14\n    hearing: review\n    orders: [terminate_services]\n";
    assert_eq!(court(ruled).len(), 1);
    assert!(court(&ruled.replace("2026-09-14", "2026-11-25")).is_empty());
    let reopened = "  - date: 2026-10-20\n    hearing: review\n    orders: [reunification_services]\n";
    assert!(court(&format!("{ruled}{reopened}")).is_empty());
}

#[test]
fn cp109_age_is_counted_on_the_as_of_date() {
    let plan = format!("{PLAN}    goal: appla\n    resource: Hill family\n");
    let p = profile("federal");
    assert!(fired("CP109", &case("2010-11-24", "2026-03-02", "", &plan), &p).is_empty());
    let found = fired("CP109", &case("2010-11-25", "2026-03-02", "", &plan), &p);
    assert!(
        found[0].contains("the child is 15 (APPLA needs 16 or older)"),
        "{found:?}"
    );
    let mut older = profile("federal");
    older.appla_min_age = 18;
    assert_eq!(
        fired("CP109", &case("2009-01-01", "2026-03-02", "", &plan), &older).len(),
        1
    );
}

#[test]
fn cp110_starts_with_stage_2() {
    let p = profile("federal");
    // Removed 2026-07-24: stage 2 begins on the as-of date (removed + 4 months).
    let found = fired("CP110", &case("2019-01-01", "2026-07-24", "", ""), &p);
    assert!(
        found[0].contains("by the end of stage 1 (2026-11-23)"),
        "{found:?}"
    );
    assert!(fired("CP110", &case("2019-01-01", "2026-07-25", "", ""), &p).is_empty());
    let mut longer = profile("federal");
    longer.stages = [5, 8, 15];
    assert!(fired("CP110", &case("2019-01-01", "2026-07-24", "", ""), &longer).is_empty());
}

/// A case removed on 2026-03-02 (an earlier stay in care ended 2025-06-30) with these
/// placements and the Lindqvist family as the concurrent resource.
fn moved(placements: &str) -> String {
    format!(
        "case: T-1\nworker: A. Moreno\nchild:\n  name: Mia Test\n  born: 2019-01-01\n\
         parents:\n  - id: mother\n    name: Eva Test\n    relationship: mother\n\
         episodes:\n  - removed: 2025-01-06\n    exited: 2025-06-30\n    exit_reason: reunification\n\
         \x20 - removed: 2026-03-02\n\
         placements:\n{placements}\
         plan:\n  concurrent:\n    goal: adoption\n    resource: Lindqvist family\n"
    )
}

fn home(from: &str, setting: &str, caregiver: &str, willing: &str) -> String {
    format!("  - {{from: {from}, setting: {setting}, caregiver: {caregiver}{willing}}}\n")
}

#[test]
fn cp111_counts_the_homes_of_this_stay_up_to_today_and_not_a_settled_one() {
    let p = profile("federal");
    let earlier_stay = home("2025-01-06", "foster", "Brandt family", "");
    let shelter = home("2026-03-02", "shelter", "Eastside Shelter", "");
    let foster = home("2026-03-20", "foster", "Brandt family", "");
    let trial = home("2026-06-01", "parent", "Eva Test", "");
    let kin = |willing: &str| home("2026-08-14", "kin", "Ruth Test", willing);
    let third = format!("{shelter}{foster}{}", kin(""));
    assert_eq!(fired("CP111", &moved(&third), &p).len(), 1);
    assert!(fired("CP111", &moved(&third), &p)[0].starts_with(
        "Mia has lived in 3 homes since the removal on 2026-03-02 (Eastside Shelter, the Brandt family and Ruth Test)"
    ));
    // Two homes of this stay: the home of the earlier stay and a trial home visit with
    // the mother are not moves of this stay.
    let two = format!("{earlier_stay}{foster}{trial}{}", kin(""));
    assert!(fired("CP111", &moved(&two), &p).is_empty());
    // A placement that has not begun on the as-of date is not a home yet.
    let planned = format!(
        "{foster}{}{}",
        kin(""),
        home("2026-12-01", "foster", "Ng family", "")
    );
    assert!(fired("CP111", &moved(&planned), &p).is_empty());
    // Settled: the caregiver said yes, or is the concurrent resource family.
    let yes = format!("{shelter}{foster}{}", kin(", permanency_willing: \"yes\""));
    assert!(fired("CP111", &moved(&yes), &p).is_empty());
    let undecided = format!("{shelter}{foster}{}", kin(", permanency_willing: undecided"));
    assert_eq!(fired("CP111", &moved(&undecided), &p).len(), 1);
    let resource = format!(
        "{shelter}{foster}{}",
        home("2026-08-14", "resource_family", "lindqvist family", "")
    );
    assert!(fired("CP111", &moved(&resource), &p).is_empty());
}
