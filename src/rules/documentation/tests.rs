use std::path::Path;

use crate::policy::arith::Span;
use crate::policy::{Config, Profile};
use crate::rules::check_case;

fn federal() -> Profile {
    let config = Config::builtin();
    (config.profile_for(Some("federal")).map(|p| (**p).clone())).unwrap_or_else(|e| panic!("{e:?}"))
}

/// A case with one known mother, removed on `removed`; `rest` is appended YAML.
fn case(removed: &str, rest: &str) -> String {
    format!(
        "case: T-1\nworker: A. Moreno\nchild:\n  name: Ana Test\n  born: 2019-01-01\n\
         parents:\n  - id: mother\n    name: Eva Test\n    relationship: mother\n\
         episodes:\n  - removed: {removed}\n{rest}"
    )
}

/// Messages of `code` on the case text, checked on 2026-11-24.
fn fired(code: &str, text: &str, profile: &Profile) -> Vec<String> {
    let file = crate::load::load_text(Path::new("t.yaml"), text);
    assert!(file.findings.is_empty(), "{:#?}", file.findings);
    let as_of = "2026-11-24".parse().unwrap_or_default();
    (check_case(&file, profile, as_of).into_iter())
        .filter(|f| f.rule == code)
        .map(|f| f.message)
        .collect()
}

fn activity(start: &str, due: &str) -> String {
    format!(
        "goals:\n  - id: G1\n    track: reunification\n    term: long\n    text: Home.\n    objectives:\n\
         \x20     - id: G1.1\n        text: Sober.\n        activities:\n          - id: A1\n\
         \x20           text: Treatment.\n            start: {start}\n            due: {due}\n"
    )
}

#[test]
fn cp301_and_cp302_wait_until_the_day_after_the_case_plan_due_date() {
    let p = federal();
    // Removed 2026-09-25: case plan due 2026-11-24, the as-of date itself.
    assert!(fired("CP301", &case("2026-09-25", ""), &p).is_empty());
    assert!(fired("CP302", &case("2026-09-25", ""), &p).is_empty());
    assert_eq!(
        fired("CP301", &case("2026-09-24", ""), &p),
        [
            "No written agreement with the parents (case plan due 2026-11-23): write the steps for the child's return home with mother and agency, have it signed and record `plan.written_agreement.signed` and `.by`"
        ]
    );
    // A case plan completed early makes the goals due at once.
    let done = case("2026-09-25", "plan:\n  case_plan: 2026-11-01\n");
    assert_eq!(
        fired("CP302", &done, &p),
        [
            "The plan has no goals (case plan completed 2026-11-01): add a long-term and a short-term goal, each with at least one objective"
        ]
    );
}

#[test]
fn cp305_fires_the_day_after_the_limit_and_follows_the_profile() {
    let mut p = federal();
    let text = case("2026-01-10", &activity("2026-01-10", "2026-07-10"));
    assert!(fired("CP305", &text, &p).is_empty());
    let text = case("2026-01-10", &activity("2026-01-10", "2026-07-11"));
    assert_eq!(
        fired("CP305", &text, &p),
        [
            "Activity A1 runs 6 months and 1 day (2026-01-10 to 2026-07-11), longer than 6 months: split it into steps of at most 6 months that can be checked at each review"
        ]
    );
    p.activity_max = Span::Days(90);
    let text = case("2026-01-10", &activity("2026-01-10", "2026-04-10"));
    assert!(fired("CP305", &text, &p).is_empty());
    let text = case("2026-01-10", &activity("2026-01-10", "2026-04-11"));
    assert!(
        fired("CP305", &text, &p)[0].contains("runs 91 days (2026-01-10 to 2026-04-11), longer than 90 days")
    );
}

#[test]
fn cp306_counts_more_than_the_response_days() {
    let mut p = federal();
    let service = |started: &str| {
        case(
            "2026-01-10",
            &format!("services:\n  - name: Parenting class\n    started: {started}\n"),
        )
    };
    assert!(fired("CP306", &service("2026-10-25"), &p).is_empty());
    assert_eq!(fired("CP306", &service("2026-10-24"), &p).len(), 1);
    p.service_response_days = 31;
    assert!(fired("CP306", &service("2026-10-24"), &p).is_empty());
}

#[test]
fn cp307_counts_from_the_latest_entry_or_the_removal() {
    let mut p = federal();
    let effort = |date: &str| format!("efforts:\n  - date: {date}\n    text: Bus passes.\n");
    assert!(fired("CP307", &case("2026-01-10", &effort("2026-08-26")), &p).is_empty());
    assert_eq!(
        fired("CP307", &case("2026-01-10", &effort("2026-08-25")), &p),
        [
            "No reasonable-efforts entry since 2026-08-25 (91 days, more than 90): log what the agency has done toward reunification under `efforts`"
        ]
    );
    // No entry at all: the removal starts the interval.
    assert!(fired("CP307", &case("2026-08-26", ""), &p).is_empty());
    assert_eq!(fired("CP307", &case("2026-08-25", ""), &p).len(), 1);
    // An entry of an earlier episode does not count for this one.
    let earlier = case("2026-08-25", &effort("2026-08-20"));
    assert!(fired("CP307", &earlier, &p)[0].contains("since the removal on 2026-08-25"));
    let unordered = case("2026-01-10", "    services_ordered: false\n");
    assert!(fired("CP307", &unordered, &p).is_empty());
    p.efforts_interval_days = 91;
    assert!(fired("CP307", &case("2026-01-10", &effort("2026-08-25")), &p).is_empty());
}

#[test]
fn cp309_is_cleared_by_a_late_date_but_not_by_an_earlier_episode() {
    let p = federal();
    let notified = |date: &str| format!("search:\n  relatives_notified: {date}\n");
    // Removed 2026-10-25: notice due 2026-11-24, not yet passed.
    assert!(fired("CP309", &case("2026-10-25", ""), &p).is_empty());
    assert_eq!(fired("CP309", &case("2026-10-24", ""), &p).len(), 1);
    assert!(fired("CP309", &case("2026-01-10", &notified("2026-06-01")), &p).is_empty());
    // A notice of an earlier episode is named with its date, not reported as missing.
    assert_eq!(
        fired("CP309", &case("2026-01-10", &notified("2026-01-09")), &p),
        [
            "The notice to relatives recorded on 2026-01-09 is from before this removal on 2026-01-10 (due 2026-02-09, 30 days after the removal): notify the child's adult relatives of the removal and record `search.relatives_notified`"
        ]
    );
    assert_eq!(
        fired("CP309", &case("2026-01-10", ""), &p),
        [
            "No notice to relatives is recorded (due 2026-02-09, 30 days after the removal): notify the child's adult relatives of the removal and record `search.relatives_notified`"
        ]
    );
    let father = "  - id: father\n    name: Unknown\n    relationship: father\n    whereabouts: unknown\n";
    let searched = case(
        "2026-01-10",
        "search:\n  started: 2025-12-01\n  relatives_notified: 2026-01-20\n",
    )
    .replace("episodes:\n", &format!("{father}episodes:\n"));
    assert_eq!(
        fired("CP309", &searched, &p),
        [
            "The whereabouts of the father (Unknown) are unknown and the diligent search recorded as started on 2025-12-01 is from before this removal on 2026-01-10 (due 2026-02-09, 30 days after the removal): start the search and record `search.started`"
        ]
    );
}

#[test]
fn cp310_any_review_since_removal_clears_it() {
    let mut p = federal();
    let review = |date: &str| format!("reviews:\n  - date: {date}\n    kind: team_meeting\n");
    assert!(fired("CP310", &case("2026-09-25", ""), &p).is_empty());
    assert_eq!(
        fired("CP310", &case("2026-09-24", ""), &p),
        [
            "No collaborative case review in the first 60 days after removal (by 2026-11-23), nor since: hold a staffing or case review with the team and log it under `reviews`"
        ]
    );
    assert!(fired("CP310", &case("2026-01-10", &review("2026-11-01")), &p).is_empty());
    assert_eq!(
        fired("CP310", &case("2026-01-10", &review("2026-01-09")), &p).len(),
        1
    );
    p.early_review_days = 61;
    assert!(fired("CP310", &case("2026-09-24", ""), &p).is_empty());
}

/// A youth born on `born`, removed 2026-01-10 (case plan due 2026-03-11), with `plan`
/// lines; the as-of date is 2026-11-24.
fn youth(born: &str, plan: &str) -> String {
    case("2026-01-10", &format!("plan:\n{plan}")).replace("born: 2019-01-01", &format!("born: {born}"))
}

#[test]
fn cp312_wants_a_consultation_since_14_or_since_the_latest_case_plan() {
    let mut p = federal();
    let at = |born: &str, plan: &str, p: &Profile| fired("CP312", &youth(born, plan), p);
    // (born, plan lines, fires, why)
    let table = [
        // 14th birthday 2026-11-24, the as-of date itself: 14 today, nothing recorded.
        (
            "2012-11-24",
            "  case_plan: 2026-03-01\n",
            true,
            "14 on the as-of date",
        ),
        (
            "2012-11-25",
            "  case_plan: 2026-03-01\n",
            false,
            "13 until tomorrow",
        ),
        // Turned 14 on 2026-05-01; consulted that very day.
        (
            "2012-05-01",
            "  case_plan: 2026-03-01\n  youth_consulted: 2026-05-01\n",
            false,
            "on the 14th birthday",
        ),
        (
            "2012-05-01",
            "  case_plan: 2026-03-01\n  youth_consulted: 2026-04-30\n",
            false,
            "a day before 14, but after the latest case plan",
        ),
        (
            "2012-05-01",
            "  case_plan: 2026-06-01\n  youth_consulted: 2026-04-30\n",
            true,
            "before 14 and before the case plan",
        ),
        // Consulted at 13 on the day of the latest case plan: either date will do.
        (
            "2012-08-01",
            "  case_plan: 2026-03-01\n  youth_consulted: 2026-03-01\n",
            false,
            "on the latest case plan",
        ),
        (
            "2012-08-01",
            "  case_plan: 2026-03-01\n  youth_consulted: 2026-02-28\n",
            true,
            "before both",
        ),
        // Born 2012-02-29: turns 14 on 2026-03-01 (2026 has no 29 February).
        (
            "2012-02-29",
            "  case_plan: 2026-03-05\n  youth_consulted: 2026-02-28\n",
            true,
            "leap-day child still 13 on 02-28",
        ),
        (
            "2012-02-29",
            "  case_plan: 2026-03-05\n  youth_consulted: 2026-03-01\n",
            false,
            "leap-day child 14 on 03-01",
        ),
        // A consultation in an earlier episode (before the removal of 2026-01-10).
        (
            "2010-01-01",
            "  case_plan: 2026-03-01\n  youth_consulted: 2025-12-01\n",
            true,
            "before this removal",
        ),
    ];
    for (born, plan, fires, why) in table {
        assert_eq!(
            !at(born, plan, &p).is_empty(),
            fires,
            "{why}: {:?}",
            at(born, plan, &p)
        );
    }
    // Nothing is asked before the case plan is due (2026-03-11) or done.
    let early = case("2026-10-01", "").replace("born: 2019-01-01", "born: 2010-01-01");
    assert!(fired("CP312", &early, &p).is_empty());
    assert_eq!(
        at(
            "2012-02-29",
            "  case_plan: 2026-03-05\n  youth_consulted: 2026-02-28\n",
            &p
        ),
        [
            "`plan.youth_consulted` is 2026-02-28, before the youth turned 14 on 2026-03-01 and before the case plan of 2026-03-05: develop the plan with the youth, offer to add up to two members of the case planning team the youth chooses, and record the date in `plan.youth_consulted` (42 USC 675(1)(B), 675a(b))"
        ]
    );
    p.youth_consultation_age = 16;
    assert!(
        at("2010-12-01", "  case_plan: 2026-03-01\n", &p).is_empty(),
        "15 under a profile of 16"
    );
}

#[test]
fn cp313_asks_for_conditions_and_a_target_and_for_a_new_target_once_it_passes() {
    let reunification = |target: &str, conditions: &str| {
        format!("plan:\n  reunification:\n    target: {target}\n    conditions: [{conditions}]\n")
    };
    let ok = reunification("2027-03-01", "Mother stays sober.");
    // (removal, the rest of the file, fires, why); checked on 2026-11-24.
    let table = [
        (
            "2026-09-25",
            String::new(),
            false,
            "the case plan is due today (removed + 60 days)",
        ),
        ("2026-09-24", String::new(), true, "due yesterday, no plan at all"),
        ("2026-05-01", ok.clone(), false, "conditions and a target"),
        (
            "2026-05-01",
            reunification("2027-03-01", "' '"),
            true,
            "a blank condition is none",
        ),
        (
            "2026-05-01",
            "plan:\n  reunification:\n    conditions: [Sober.]\n".to_owned(),
            true,
            "no target",
        ),
        (
            "2026-05-01",
            reunification("2026-11-24", "Sober."),
            false,
            "the target is today",
        ),
        (
            "2026-05-01",
            reunification("2026-11-23", "Sober."),
            true,
            "the target was yesterday",
        ),
        (
            "2026-05-01",
            format!("{}  primary: concurrent\n", reunification("2026-11-23", "Sober.")),
            false,
            "the concurrent goal is primary",
        ),
        (
            "2026-10-20",
            "plan:\n  case_plan: 2026-11-02\n".to_owned(),
            true,
            "the case plan is done before it was due",
        ),
    ];
    for (removed, rest, fires, why) in table {
        let found = fired("CP313", &case(removed, &rest), &federal());
        assert_eq!(found.len(), usize::from(fires), "{why}: {found:?}");
    }
    // Home on a trial home visit on the as-of date: the target is not out of date.
    let on_trial = |to: &str| {
        format!(
            "case: T-1\nworker: A. Moreno\nchild: {{name: Ana Test, born: 2019-01-01}}\n\
             episodes:\n  - removed: 2026-05-01\n    trial_home_visits: [{{from: 2026-11-01, to: {to}}}]\n{}",
            reunification("2026-11-01", "Sober.")
        )
    };
    assert!(fired("CP313", &on_trial("2026-11-24"), &federal()).is_empty());
    assert_eq!(
        fired("CP313", &on_trial("2026-11-23"), &federal()),
        vec![
            "The target date for the return home, 2026-11-01, passed 23 days ago and the child is still in care: review the conditions with the family and set a new likely date of return, or make the concurrent goal primary (42 USC 675(5)(B))"
        ]
    );
    assert_eq!(
        fired("CP313", &case("2026-09-24", ""), &federal()),
        vec![
            "Reunification is the primary goal, but the plan has no conditions for a safe return home and no target date for it (case plan due 2026-11-23): write down with the family what must change for the child to return home safely (`plan.reunification.conditions`) and the likely date of return (`plan.reunification.target`) (42 USC 675(5)(B))"
        ]
    );
}

#[test]
fn cp314_expects_a_recruitment_step_every_90_days_while_no_family_is_identified() {
    let concurrent = |goal: &str, more: &str| format!("plan:\n  concurrent:\n    goal: {goal}\n{more}");
    let step = |date: &str| format!("    recruitment:\n      - {{date: {date}, text: Adoption exchange}}\n");
    // (removal, the rest, fires, why); checked on 2026-11-24, 90 days after 2026-08-26.
    let table = [
        (
            "2026-03-02",
            concurrent("adoption", &step("2026-08-26")),
            false,
            "a step 90 days ago",
        ),
        (
            "2026-03-02",
            concurrent("adoption", &step("2026-08-25")),
            true,
            "the latest 91 days ago",
        ),
        (
            "2026-08-26",
            concurrent("guardianship", ""),
            false,
            "removed 90 days ago",
        ),
        (
            "2026-08-25",
            concurrent("guardianship", ""),
            true,
            "removed 91 days ago, no step",
        ),
        (
            "2026-03-02",
            concurrent("adoption", "    resource: Lee family\n"),
            false,
            "the family is identified",
        ),
        ("2026-03-02", concurrent("relative", ""), false, "a relative goal"),
        ("2026-03-02", concurrent("appla", ""), false, "APPLA"),
        (
            "2026-10-01",
            concurrent("adoption", &step("2025-12-01")),
            false,
            "removed 54 days ago: a step of an earlier episode is not needed yet",
        ),
        (
            "2026-08-01",
            concurrent("adoption", &step("2025-12-01")),
            true,
            "a step of an earlier episode does not count",
        ),
    ];
    for (removed, rest, fires, why) in table {
        let found = fired("CP314", &case(removed, &rest), &federal());
        assert_eq!(found.len(), usize::from(fires), "{why}: {found:?}");
    }
    let mut p = federal();
    p.recruitment_interval_days = 60;
    let text = case("2026-03-02", &concurrent("adoption", &step("2026-09-25")));
    assert!(fired("CP314", &text, &p).is_empty(), "60 days");
    let text = case("2026-03-02", &concurrent("adoption", &step("2026-09-24")));
    assert_eq!(
        fired("CP314", &text, &p),
        vec![
            "The concurrent goal is adoption and no family is identified, but no step to find one is recorded since 2026-09-24 (61 days, more than 60): search for relatives and kin, recruit for this child, and record each step in `plan.concurrent.recruitment`, or name the family in `plan.concurrent.resource` (42 USC 675(1)(E))"
        ]
    );
}
