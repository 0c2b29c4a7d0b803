//! Every deadline kind in every built-in profile, from docs/deadlines.md's worked example and
//! cases of our own: month ends, leap days, bypass, restarts, several episodes.

use std::path::Path;

use chrono::NaiveDate;
use cplan::load::load_text;
use cplan::policy::deadline::{Deadline, Kind, Status};
use cplan::policy::deadlines::deadlines;
use cplan::policy::{CaseFacts, Config};

fn d(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

/// A case file with `episode` (indented list item lines) and `extra` top-level YAML.
fn case_yaml(jurisdiction: &str, born: &str, episode: &str, extra: &str) -> String {
    format!(
        "case: T-1\njurisdiction: {jurisdiction}\nworker: A. Moreno\nchild:\n  name: Lena Vos\n  born: {born}\n\
         parents:\n  - id: mother\n    name: Ida Vos\n    relationship: mother\nepisodes:\n{episode}\n{extra}"
    )
}

fn all_deadlines(yaml: &str, as_of: &str) -> Vec<Deadline> {
    let file = load_text(Path::new("t.yaml"), yaml);
    assert_eq!(file.findings, vec![], "test case must be a clean file");
    let case = file.case.expect("case");
    let config = Config::builtin();
    let profile = config.profile_for(case.jurisdiction.as_deref()).expect("profile");
    let facts = CaseFacts::new(&case, profile, d(as_of)).expect("facts");
    deadlines(&facts, profile)
}

/// The due date of the open (last) cycle of a kind.
fn due(list: &[Deadline], kind: Kind) -> Option<NaiveDate> {
    list.iter().rfind(|x| x.kind == kind).map(|x| x.due)
}

fn first_due(list: &[Deadline], kind: Kind) -> Option<NaiveDate> {
    list.iter().find(|x| x.kind == kind).map(|x| x.due)
}

const WORKED: &str = "  - removed: 2026-01-10\n    court_finding: 2026-02-20";

#[test]
fn policy_worked_example() {
    let list = all_deadlines(&case_yaml("federal", "2016-05-01", WORKED, ""), "2026-02-01");
    assert_eq!(due(&list, Kind::RelativesNotice), Some(d("2026-02-09")));
    assert_eq!(due(&list, Kind::CasePlan), Some(d("2026-03-11")));
    assert_eq!(due(&list, Kind::PeriodicReview), Some(d("2026-08-20")));
    assert_eq!(due(&list, Kind::PermanencyHearing), Some(d("2027-02-20")));
    assert_eq!(due(&list, Kind::Tpr15Of22), Some(d("2027-05-19")));
    assert_eq!(
        due(&list, Kind::DiligentSearch),
        None,
        "every parent's whereabouts are known"
    );
    let case_plan = list.iter().find(|x| x.kind == Kind::CasePlan).expect("case plan");
    assert_eq!(
        (case_plan.status, &*case_plan.source),
        (Status::Upcoming, "45 CFR 1356.21(g)")
    );
    assert_eq!(
        cplan::policy::words::why(case_plan),
        "60 days after the removal on 2026-01-10"
    );
}

/// docs/deadlines.md's example: a 45-day trial home visit moves 15/22 by 45 days.
#[test]
fn a_trial_home_visit_moves_15_of_22_day_for_day() {
    let episode =
        format!("{WORKED}\n    trial_home_visits:\n      - from: 2026-09-01\n        to: 2026-10-15");
    let list = all_deadlines(&case_yaml("federal", "2016-05-01", &episode, ""), "2026-11-01");
    assert_eq!(due(&list, Kind::Tpr15Of22), Some(d("2027-07-03")));
}

#[test]
fn california_differences() {
    let episode = format!("{WORKED}\n    disposition: 2026-03-05");
    let toddler = all_deadlines(&case_yaml("california", "2024-05-01", &episode, ""), "2026-02-01");
    assert_eq!(
        due(&toddler, Kind::CasePlan),
        Some(d("2026-03-05")),
        "disposition comes before removed + 60d"
    );
    assert_eq!(
        due(&toddler, Kind::PeriodicReview),
        Some(d("2026-09-05")),
        "disposition + 6mo before EFC + 12mo"
    );
    assert_eq!(
        due(&toddler, Kind::PermanencyHearing),
        Some(d("2027-02-20")),
        "EFC + 12mo before removed + 18mo"
    );
    assert_eq!(
        due(&toddler, Kind::ReunificationPeriodEnd),
        Some(d("2026-09-05")),
        "under 3: disposition + 6mo"
    );
    let older = all_deadlines(&case_yaml("california", "2016-05-01", &episode, ""), "2026-02-01");
    assert_eq!(
        due(&older, Kind::ReunificationPeriodEnd),
        Some(d("2027-02-20")),
        "3 or older: EFC + 12mo"
    );
    let late_finding = "  - removed: 2026-01-10\n    court_finding: 2026-03-20";
    let list = all_deadlines(
        &case_yaml("california", "2016-05-01", late_finding, ""),
        "2026-02-01",
    );
    assert_eq!(
        due(&list, Kind::PermanencyHearing),
        Some(d("2027-03-11")),
        "EFC is removed + 60d when the finding is later"
    );
    let federal = all_deadlines(&case_yaml("federal", "2016-05-01", &episode, ""), "2026-02-01");
    assert_eq!(
        due(&federal, Kind::ReunificationPeriodEnd),
        None,
        "no federal reunification period"
    );
}

#[test]
fn kansas_differences() {
    let staffed = "plan:\n  staffing: 2026-01-20\n";
    let list = all_deadlines(&case_yaml("kansas", "2016-05-01", WORKED, staffed), "2026-02-01");
    assert_eq!(
        due(&list, Kind::CasePlan),
        Some(d("2026-02-19")),
        "staffing + 30d"
    );
    assert_eq!(
        due(&list, Kind::PermanencyHearing),
        Some(d("2027-01-10")),
        "removed + 12mo, not EFC"
    );
    let unstaffed = all_deadlines(&case_yaml("kansas", "2016-05-01", WORKED, ""), "2026-02-01");
    assert_eq!(
        due(&unstaffed, Kind::CasePlan),
        Some(d("2026-03-11")),
        "no staffing: the federal rule"
    );
    let not_viable =
        "court:\n  - date: 2026-06-01\n    hearing: review\n    findings: [reunification_not_viable]\n";
    let list = all_deadlines(
        &case_yaml("kansas", "2016-05-01", WORKED, not_viable),
        "2026-06-10",
    );
    assert_eq!(
        due(&list, Kind::PermanencyHearing),
        Some(d("2026-07-01")),
        "30 days after not viable"
    );
}

/// Kansas PPM 3232 1.c puts the case plan 30 days after the staffing, but 45 CFR
/// 1356.21(g)(2) allows no more than 60 days from removal and no state rule extends it:
/// the due date is the earlier of the two.
#[test]
fn kansas_case_plan_is_never_past_removed_plus_60_days() {
    // (staffing, due, why). Removed 2026-01-10 (day 0), so removed + 60d = 2026-03-11.
    let table = [
        // Day 10: 2026-01-20 + 30d = 2026-02-19, before 2026-03-11.
        ("2026-01-20", "2026-02-19", "staffing + 30d is sooner"),
        // Day 30: 2026-02-09 + 30d = 2026-03-11, the same day as removed + 60d.
        ("2026-02-09", "2026-03-11", "the two agree on day 60"),
        // Day 45: 2026-02-24 + 30d = 2026-03-26 would be day 75, past the federal limit.
        ("2026-02-24", "2026-03-11", "removed + 60d caps a late staffing"),
        // A staffing after the case plan was due cannot move it either.
        ("2026-04-01", "2026-03-11", "staffing after day 60"),
    ];
    for (staffing, expected, why) in table {
        let plan = format!("plan:\n  staffing: {staffing}\n");
        let list = all_deadlines(&case_yaml("kansas", "2016-05-01", WORKED, &plan), "2026-02-01");
        assert_eq!(due(&list, Kind::CasePlan), Some(d(expected)), "{why}");
    }
}

/// K.S.A. 38-2264(e): a permanency hearing within 30 days of a finding that reintegration
/// is not viable, unless the finding was made at a permanency hearing. A hearing held
/// before the finding cannot meet the hearing the finding makes due.
#[test]
fn kansas_not_viable_hearing_is_not_met_by_an_earlier_hearing() {
    // Removed 2027-06-01: the permanency hearing is due removed + 12mo = 2028-06-01 and is
    // held early, on 2028-03-01. The finding of 2028-04-24 (at a review hearing) makes
    // another one due 2028-04-24 + 30d = 2028-05-24, sooner than 2028-03-01 + 12mo =
    // 2029-03-01. Counting the finding in the first cycle gave two 2028-05-24 rows, one
    // "met 2028-03-01", a date before the finding that set it.
    let episode = "  - removed: 2027-06-01\n    court_finding: 2027-06-20";
    let court = "court:\n  - date: 2028-03-01\n    hearing: permanency\n\
                 \x20 - date: 2028-04-24\n    hearing: review\n    findings: [reunification_not_viable]\n";
    let list = all_deadlines(&case_yaml("kansas", "2016-05-01", episode, court), "2028-05-01");
    let hearings: Vec<_> = list
        .iter()
        .filter(|x| x.kind == Kind::PermanencyHearing)
        .map(|x| (x.due, x.met_on, x.status))
        .collect();
    assert_eq!(
        hearings,
        vec![
            (d("2028-06-01"), Some(d("2028-03-01")), Status::Met),
            (d("2028-05-24"), None, Status::Upcoming),
        ],
        "one 2028-05-24 hearing, open"
    );
    let open = list
        .iter()
        .rfind(|x| x.kind == Kind::PermanencyHearing)
        .expect("open cycle");
    assert_eq!(
        cplan::policy::words::why(open),
        "30 days after the court's finding on 2028-04-24 that reunification is not viable, sooner than 12 months after the latest permanency hearing on 2028-03-01"
    );

    // The same finding made at the permanency hearing itself: that hearing met the 30-day
    // hearing it owed (2028-03-01 + 30d = 2028-03-31, before removed + 12mo), and the
    // next is 12 months later (2028-03-01 + 12mo = 2029-03-01), not 30 days after.
    let at_hearing =
        "court:\n  - date: 2028-03-01\n    hearing: permanency\n    findings: [reunification_not_viable]\n";
    let list = all_deadlines(
        &case_yaml("kansas", "2016-05-01", episode, at_hearing),
        "2028-05-01",
    );
    let hearings: Vec<_> = list
        .iter()
        .filter(|x| x.kind == Kind::PermanencyHearing)
        .map(|x| (x.due, x.met_on))
        .collect();
    assert_eq!(
        hearings,
        vec![(d("2028-03-31"), Some(d("2028-03-01"))), (d("2029-03-01"), None)]
    );

    // An early permanency hearing (2027-10-01) that finds reintegration not viable meets
    // the 30-day hearing it owes (2027-10-01 + 30d = 2027-10-31), then yearly from it.
    let early =
        "court:\n  - date: 2027-10-01\n    hearing: permanency\n    findings: [reunification_not_viable]\n";
    let list = all_deadlines(&case_yaml("kansas", "2016-05-01", episode, early), "2027-11-01");
    let hearings: Vec<_> = list
        .iter()
        .filter(|x| x.kind == Kind::PermanencyHearing)
        .map(|x| (x.due, x.met_on))
        .collect();
    assert_eq!(
        hearings,
        vec![(d("2027-10-31"), Some(d("2027-10-01"))), (d("2028-10-01"), None)]
    );
}

/// The same rule for a federal bypass: a bypass after an early permanency hearing makes
/// a new hearing due 30 days after it; the earlier hearing does not meet it.
#[test]
fn a_bypass_after_a_permanency_hearing_is_a_new_cycle() {
    // EFC 2026-02-20; permanency hearing held early, 2026-06-01; bypass 2026-08-01, so a
    // hearing is due 2026-08-01 + 30d = 2026-08-31 (before 2026-06-01 + 12mo).
    let episode = format!("{WORKED}\n    bypass: 2026-08-01");
    let court = "court:\n  - date: 2026-06-01\n    hearing: permanency\n";
    let list = all_deadlines(&case_yaml("federal", "2016-05-01", &episode, court), "2026-08-10");
    let hearings: Vec<_> = list
        .iter()
        .filter(|x| x.kind == Kind::PermanencyHearing)
        .map(|x| (x.due, x.met_on))
        .collect();
    assert_eq!(
        hearings,
        vec![(d("2027-02-20"), Some(d("2026-06-01"))), (d("2026-08-31"), None)],
        "EFC + 12mo met early by 2026-06-01; the bypass's hearing is open"
    );
}

#[test]
fn month_ends_clamp_and_leap_days_count() {
    // EFC 2026-08-31: + 6 months is 2027-02-28; EFC 2027-08-31 + 6 months is 2028-02-29.
    let a = all_deadlines(
        &case_yaml(
            "federal",
            "2016-05-01",
            "  - removed: 2026-07-03\n    court_finding: 2026-08-31",
            "",
        ),
        "2026-08-01",
    );
    assert_eq!(due(&a, Kind::PeriodicReview), Some(d("2027-02-28")));
    assert_eq!(due(&a, Kind::PermanencyHearing), Some(d("2027-08-31")));
    let b = all_deadlines(
        &case_yaml(
            "federal",
            "2016-05-01",
            "  - removed: 2027-07-03\n    court_finding: 2027-08-31",
            "",
        ),
        "2027-08-01",
    );
    assert_eq!(due(&b, Kind::PeriodicReview), Some(d("2028-02-29")));
    let leap = all_deadlines(
        &case_yaml("federal", "2016-05-01", "  - removed: 2028-02-29", ""),
        "2028-03-01",
    );
    assert_eq!(due(&leap, Kind::RelativesNotice), Some(d("2028-03-30")));
    assert_eq!(due(&leap, Kind::CasePlan), Some(d("2028-04-29")));
    assert_eq!(
        due(&leap, Kind::StageChange),
        Some(d("2028-06-29")),
        "month 5 starts removed + 4 months"
    );
    let jan31 = all_deadlines(
        &case_yaml("federal", "2016-05-01", "  - removed: 2026-01-31", ""),
        "2026-02-01",
    );
    assert_eq!(due(&jan31, Kind::StageChange), Some(d("2026-05-31")));
    let fdi = jan31
        .iter()
        .find(|x| x.kind == Kind::Fdi)
        .expect("fdi for the mother");
    assert_eq!(
        fdi.due,
        d("2026-05-30"),
        "end of stage 1 is the day before month 5"
    );
}

#[test]
fn a_bypass_brings_the_permanency_hearing_forward() {
    let episode = format!("{WORKED}\n    bypass: 2026-03-01");
    let list = all_deadlines(&case_yaml("federal", "2016-05-01", &episode, ""), "2026-03-02");
    assert_eq!(due(&list, Kind::PermanencyHearing), Some(d("2026-03-31")));
}

#[test]
fn recurring_deadlines_restart_from_the_latest_event() {
    let court =
        "court:\n  - date: 2026-08-15\n    hearing: review\n  - date: 2027-02-10\n    hearing: permanency\n";
    let list = all_deadlines(&case_yaml("federal", "2016-05-01", WORKED, court), "2027-03-01");
    let reviews: Vec<_> = list.iter().filter(|x| x.kind == Kind::PeriodicReview).collect();
    assert_eq!(reviews.len(), 3);
    assert_eq!(
        (reviews[0].due, reviews[0].met_on, reviews[0].status),
        (d("2026-08-20"), Some(d("2026-08-15")), Status::Met)
    );
    assert_eq!(
        (reviews[1].due, reviews[1].met_on),
        (d("2027-02-15"), Some(d("2027-02-10"))),
        "a permanency hearing is a review too"
    );
    assert_eq!(
        (reviews[2].due, reviews[2].status),
        (d("2027-08-10"), Status::Upcoming)
    );
    assert_eq!(due(&list, Kind::PermanencyHearing), Some(d("2028-02-10")));
    // A review held late still meets its cycle, and shows as met late.
    let late = "court:\n  - date: 2026-09-01\n    hearing: review\n";
    let list = all_deadlines(&case_yaml("federal", "2016-05-01", WORKED, late), "2026-10-01");
    let first = list
        .iter()
        .find(|x| x.kind == Kind::PeriodicReview)
        .expect("review");
    assert!(first.met_late());
    assert_eq!(due(&list, Kind::PeriodicReview), Some(d("2027-03-01")));
}

#[test]
fn overdue_and_due_soon_follow_the_as_of_date() {
    let list = all_deadlines(&case_yaml("federal", "2016-05-01", WORKED, ""), "2026-03-12");
    let case_plan = list.iter().find(|x| x.kind == Kind::CasePlan).expect("case plan");
    assert_eq!(
        (case_plan.status, case_plan.days_left(d("2026-03-12"))),
        (Status::Overdue, -1)
    );
    let on_the_day = all_deadlines(&case_yaml("federal", "2016-05-01", WORKED, ""), "2026-03-11");
    assert_eq!(
        on_the_day
            .iter()
            .find(|x| x.kind == Kind::CasePlan)
            .map(|x| x.status),
        Some(Status::DueSoon)
    );
    let window_edge = all_deadlines(&case_yaml("federal", "2016-05-01", WORKED, ""), "2026-02-25");
    assert_eq!(
        window_edge
            .iter()
            .find(|x| x.kind == Kind::CasePlan)
            .map(|x| x.status),
        Some(Status::DueSoon),
        "14 days ahead"
    );
    let outside = all_deadlines(&case_yaml("federal", "2016-05-01", WORKED, ""), "2026-02-24");
    assert_eq!(
        outside
            .iter()
            .find(|x| x.kind == Kind::CasePlan)
            .map(|x| x.status),
        Some(Status::Upcoming)
    );
    let done = all_deadlines(
        &case_yaml(
            "federal",
            "2016-05-01",
            WORKED,
            "plan:\n  case_plan: 2026-03-01\n",
        ),
        "2026-04-01",
    );
    let met = done.iter().find(|x| x.kind == Kind::CasePlan).expect("case plan");
    assert_eq!((met.status, met.met_on), (Status::Met, Some(d("2026-03-01"))));
}

#[test]
fn caseworker_visits_are_due_each_month_in_care_from_removal() {
    let contacts = "contacts:\n  - date: 2026-10-07\n    with: child\n    where: placement\n  - date: 2026-10-20\n    with: mother\n";
    let list = all_deadlines(
        &case_yaml("federal", "2016-05-01", "  - removed: 2026-09-15", contacts),
        "2026-11-24",
    );
    let months: Vec<_> = list
        .iter()
        .filter(|x| x.kind == Kind::CaseworkerVisit)
        .map(|x| (x.due, x.status))
        .collect();
    assert_eq!(
        months,
        vec![(d("2026-10-31"), Status::Met), (d("2026-11-30"), Status::DueSoon)],
        "September was not a full month"
    );
    let first_of_month = all_deadlines(
        &case_yaml("federal", "2016-05-01", "  - removed: 2026-10-01", ""),
        "2026-11-24",
    );
    let months: Vec<_> = first_of_month
        .iter()
        .filter(|x| x.kind == Kind::CaseworkerVisit)
        .map(|x| (x.due, x.status))
        .collect();
    assert_eq!(
        months,
        vec![
            (d("2026-10-31"), Status::Overdue),
            (d("2026-11-30"), Status::DueSoon)
        ]
    );
}

#[test]
fn hearings_court_reports_and_stage_changes_are_listed() {
    let court = "court:\n  - date: 2026-12-10\n    hearing: review\n";
    let list = all_deadlines(
        &case_yaml("federal", "2016-05-01", "  - removed: 2026-09-15", court),
        "2026-11-24",
    );
    let hearing = list.iter().find(|x| x.kind == Kind::Hearing).expect("hearing");
    assert_eq!((hearing.due, hearing.status), (d("2026-12-10"), Status::Upcoming));
    let report = list
        .iter()
        .find(|x| x.kind == Kind::CourtReport)
        .expect("court report");
    assert_eq!((report.due, report.status), (d("2026-11-30"), Status::DueSoon));
    assert_eq!(due(&list, Kind::StageChange), Some(d("2027-01-15")));
    assert_eq!(first_due(&list, Kind::Activity), None);
}

/// `court[].report_filed` meets that hearing's court report, due hearing - 10 days.
#[test]
fn a_filed_court_report_meets_its_deadline() {
    // Review hearing 2026-12-10: report due 2026-12-10 - 10d = 2026-11-30.
    let report = |filed: &str, as_of: &str| {
        let court = format!("court:\n  - date: 2026-12-10\n    hearing: review\n{filed}");
        let list = all_deadlines(
            &case_yaml("federal", "2016-05-01", "  - removed: 2026-09-15", &court),
            as_of,
        );
        list.into_iter()
            .find(|x| x.kind == Kind::CourtReport)
            .map(|x| (x.status, x.met_on, x.met_late()))
    };
    let filed = |date: &str| format!("    report_filed: {date}\n");
    // (report_filed line, as-of, expected, why)
    let table = [
        (
            "".to_owned(),
            "2026-12-02",
            Some((Status::Overdue, None, false)),
            "2 days past 2026-11-30",
        ),
        (
            filed("2026-11-27"),
            "2026-12-02",
            Some((Status::Met, Some(d("2026-11-27")), false)),
            "filed 3 days early",
        ),
        (
            filed("2026-12-01"),
            "2026-12-02",
            Some((Status::Met, Some(d("2026-12-01")), true)),
            "filed a day late: met late",
        ),
        (
            filed("2026-12-05"),
            "2026-12-02",
            Some((Status::Overdue, None, false)),
            "a filing date after the as-of date has not happened",
        ),
        (
            "".to_owned(),
            "2026-12-10",
            None,
            "the hearing is on the as-of date: no longer a scheduled one",
        ),
    ];
    for (line, as_of, expected, why) in table {
        assert_eq!(report(&line, as_of), expected, "{why}");
    }
}

#[test]
fn a_documented_exception_meets_15_of_22() {
    let plan =
        "plan:\n  tpr_exception: relative\n  tpr_exception_note: Placed with grandmother, who will adopt.\n";
    let list = all_deadlines(&case_yaml("federal", "2016-05-01", WORKED, plan), "2027-06-01");
    let tpr = list.iter().find(|x| x.kind == Kind::Tpr15Of22).expect("15/22");
    assert_eq!(
        (tpr.due, tpr.status, tpr.met_by),
        (d("2027-05-19"), Status::Met, "`plan.tpr_exception`")
    );
    let filed = "court:\n  - date: 2027-04-02\n    hearing: review\n    orders: [tpr_petition]\n";
    let list = all_deadlines(&case_yaml("federal", "2016-05-01", WORKED, filed), "2027-06-01");
    let tpr = list.iter().find(|x| x.kind == Kind::Tpr15Of22).expect("15/22");
    assert_eq!((tpr.status, tpr.met_on), (Status::Met, Some(d("2027-04-02"))));
}

#[test]
fn a_closed_case_has_no_deadlines() {
    let episode = format!("{WORKED}\n    exited: 2026-09-01\n    exit_reason: reunification");
    assert_eq!(
        all_deadlines(&case_yaml("federal", "2016-05-01", &episode, ""), "2026-10-01"),
        vec![]
    );
}

#[test]
fn one_time_deadlines_count_only_events_of_the_current_episode() {
    let episodes = "  - removed: 2024-01-10\n    exited: 2024-06-01\n    exit_reason: reunification\n  - removed: 2026-01-10";
    let search = "search:\n  relatives_notified: 2024-01-20\n";
    let list = all_deadlines(
        &case_yaml("federal", "2016-05-01", episodes, search),
        "2026-03-01",
    );
    let notice = list
        .iter()
        .find(|x| x.kind == Kind::RelativesNotice)
        .expect("notice");
    assert_eq!(
        (notice.due, notice.status),
        (d("2026-02-09"), Status::Overdue),
        "the 2024 notice was for the first removal"
    );
}

#[test]
fn a_re_entry_after_more_than_22_months_out_starts_15_of_22_afresh() {
    // First episode: 6 months in care from its EFC, then 2 years at home. Those days
    // fall out of the 22-month window, so the new episode needs its own 15 months' worth
    // of days: L (456) is counted from the first EFC, 2023-01-20, and 2025-09-10 + 15
    // months also happens to span 456 days.
    let episodes = "  - removed: 2023-01-10\n    court_finding: 2023-01-20\n    exited: 2023-07-20\n    exit_reason: reunification\n  - removed: 2025-09-01\n    court_finding: 2025-09-10";
    let list = all_deadlines(&case_yaml("federal", "2016-05-01", episodes, ""), "2025-10-01");
    assert_eq!(
        due(&list, Kind::Tpr15Of22),
        Some(d("2026-12-09")),
        "EFC 2025-09-10 + 15 months - 1 day"
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A case with met, overdue and upcoming deadlines of several kinds on 2026-11-24.
    fn base() -> String {
        case_yaml(
            "federal",
            "2016-05-01",
            "  - removed: 2025-09-01\n    court_finding: 2025-10-01",
            "plan:\n  case_plan: 2025-10-20\nsearch:\n  relatives_notified: 2025-09-15\n\
             court:\n  - date: 2026-03-20\n    hearing: review\n  - date: 2026-09-15\n    hearing: permanency\n\
             contacts:\n  - date: 2025-10-10\n    with: child\n  - date: 2026-02-11\n    with: child\n\
             disclosures:\n  - date: 2025-12-01\n    with: mother\n",
        )
    }

    /// Log entries that no deadline counts: visits, efforts, and contacts with others.
    fn unrelated_events() -> impl Strategy<Value = Vec<(u8, u32)>> {
        prop::collection::vec((0u8..3, 0u32..445), 0..25)
    }

    fn with_events(events: &[(u8, u32)]) -> String {
        let day = |n: u32| cplan::policy::arith::add_days(d("2025-09-01"), i64::from(n));
        let (mut visits, mut efforts, mut contacts) = (String::new(), String::new(), String::new());
        for (kind, n) in events {
            let date = day(*n);
            match kind {
                0 => visits.push_str(&format!(
                    "  - date: {date}\n    with: mother\n    level: supervised\n"
                )),
                1 => efforts.push_str(&format!("  - date: {date}\n    text: Bus passes for visits.\n")),
                _ => contacts.push_str(&format!("  - date: {date}\n    with: mother\n")),
            }
        }
        let base = base().replace("contacts:\n", &format!("contacts:\n{contacts}"));
        let mut text = base;
        if !visits.is_empty() {
            text.push_str(&format!("visits:\n{visits}"));
        }
        if !efforts.is_empty() {
            text.push_str(&format!("efforts:\n{efforts}"));
        }
        text
    }

    proptest! {
        #[test]
        fn a_met_deadline_stays_met_when_unrelated_events_are_added(events in unrelated_events()) {
            let before = all_deadlines(&base(), "2026-11-24");
            let after = all_deadlines(&with_events(&events), "2026-11-24");
            let met: Vec<_> = before.iter().filter(|x| x.status == Status::Met).collect();
            prop_assert!(met.len() >= 5, "the base case has met deadlines to keep");
            for deadline in met {
                let same = after.iter().find(|x| x.kind == deadline.kind && x.due == deadline.due && x.about == deadline.about);
                prop_assert_eq!(same.map(|x| (x.status, x.met_on)), Some((Status::Met, deadline.met_on)), "{:?}", deadline);
            }
            prop_assert_eq!(before.len(), after.len(), "unrelated events add or remove no deadline");
        }
    }
}

/// 42 USC 675(5)(H): the transition plan is due the day before the 18th birthday, is
/// listed from 90 days before that birthday while the youth is in care, and is met by a
/// `plan.transition_plan` dated from the first of those 90 days on.
#[test]
fn the_transition_plan_falls_in_the_90_days_before_18() {
    let transition = |jurisdiction: &str, born: &str, removed: &str, plan: &str, as_of: &str| {
        let episode = format!("  - removed: {removed}");
        let list = all_deadlines(&case_yaml(jurisdiction, born, &episode, plan), as_of);
        list.into_iter()
            .find(|x| x.kind == Kind::TransitionPlan)
            .map(|x| (x.due, x.status, x.met_on))
    };
    let made = |date: &str| format!("plan:\n  transition_plan: {date}\n");
    // Born 2009-05-30: 18 on 2027-05-30, due 2027-05-29. The 90 days run from
    // 2027-05-30 - 90d = 2027-03-01 (March 2-31 is 30 days, April 30, May 1-30 another 30).
    let may = |plan: &str, as_of: &str| transition("federal", "2009-05-30", "2026-06-16", plan, as_of);
    assert_eq!(
        may("", "2027-02-28"),
        None,
        "the day before the 90 days: not listed yet"
    );
    assert_eq!(
        may("", "2027-03-01"),
        Some((d("2027-05-29"), Status::Upcoming, None)),
        "listed from the first of the 90 days"
    );
    assert_eq!(
        may(&made("2027-02-28"), "2027-05-30"),
        Some((d("2027-05-29"), Status::Overdue, None)),
        "a plan made the day before the 90 days does not meet it"
    );
    assert_eq!(
        may(&made("2027-03-01"), "2027-03-10"),
        Some((d("2027-05-29"), Status::Met, Some(d("2027-03-01")))),
        "made on the first of the 90 days"
    );
    // Born 2008-02-29: 2026 has no 29 February, so the youth turns 18 on 2026-03-01 and
    // the plan is due 2026-02-28. 2026-03-01 - 90d = 2025-12-01 (December 1-31 is 30
    // days, January 31, February 28, and 1 March the 90th).
    let leap =
        |removed: &str, plan: &str, as_of: &str| transition("federal", "2008-02-29", removed, plan, as_of);
    assert_eq!(leap("2025-06-02", "", "2025-11-30"), None);
    assert_eq!(
        leap("2025-06-02", "", "2025-12-01"),
        Some((d("2026-02-28"), Status::Upcoming, None))
    );
    assert_eq!(
        leap("2025-06-02", &made("2026-03-05"), "2026-03-10"),
        Some((d("2026-02-28"), Status::Met, Some(d("2026-03-05")))),
        "made after 18: met late (5 days after 2026-02-28)"
    );
    // Removed within the 90 days: the plan is still owed. Removed after the due date (a
    // youth of 18 entering care): none is.
    assert_eq!(
        leap("2026-01-15", "", "2026-01-20"),
        Some((d("2026-02-28"), Status::Upcoming, None))
    );
    assert_eq!(leap("2026-03-02", "", "2026-03-10"), None, "came into care at 18");
    // California and Kansas inherit the federal rule.
    for jurisdiction in ["california", "kansas"] {
        assert_eq!(
            transition(jurisdiction, "2009-05-30", "2026-06-16", "", "2027-04-01"),
            Some((d("2027-05-29"), Status::Upcoming, None)),
            "{jurisdiction}"
        );
    }
}

/// 45 CFR 1356.21(e) (CP408): a trial home visit past six months without a court order
/// makes the return to care a new entry into foster care. cplan leaves the episode as the
/// file records it; recorded as a new episode, the return has its own EFC and 15/22 moves
/// later by the days from the return to that EFC, so the unsplit date is never the later.
#[test]
fn a_return_after_a_long_trial_home_visit_counts_from_its_own_efc_once_recorded() {
    // E = 2025-10-20 (court finding); L = days to 2027-01-20 = 457. In care 2025-10-20 to
    // 2026-03-01: 133 days (12 + 30 + 31 + 31 + 28 + 1). Home 2026-03-02 to 2026-09-09
    // (covers 2026-09-02, six months on), back in care 2026-09-10: 457 - 133 = 324 more
    // days, 2026-09-10 + 323 = 2027-07-30; its window starts 2025-10-01, before E, so no
    // day drops out.
    let long_visit = "  - removed: 2025-10-06\n    court_finding: 2025-10-20\n    trial_home_visits:\n\
                      \x20     - {from: 2026-03-02, to: 2026-09-09}";
    let list = all_deadlines(&case_yaml("federal", "2016-05-01", long_visit, ""), "2026-11-24");
    assert_eq!(due(&list, Kind::Tpr15Of22), Some(d("2027-07-30")));
    // A court extension changes nothing in the count: visit days never count.
    let extended = long_visit.replace(
        "to: 2026-09-09}",
        "to: 2026-09-09, extended_by_court: 2026-08-20}",
    );
    let list = all_deadlines(&case_yaml("federal", "2016-05-01", &extended, ""), "2026-11-24");
    assert_eq!(due(&list, Kind::Tpr15Of22), Some(d("2027-07-30")));
    // Recorded as the law counts it: discharged home when the six months were up
    // (2026-09-02), a new removal on the return, 2026-09-10, with a court finding on
    // 2026-09-24, its EFC. The 14 days 2026-09-10 to 2026-09-23 no longer count:
    // 2027-07-30 + 14 = 2027-08-13 (window from 2025-10-14, still before E).
    let split = "  - removed: 2025-10-06\n    court_finding: 2025-10-20\n    trial_home_visits:\n\
                 \x20     - {from: 2026-03-02, to: 2026-09-01}\n    exited: 2026-09-02\n    exit_reason: reunification\n\
                 \x20 - removed: 2026-09-10\n    court_finding: 2026-09-24";
    let list = all_deadlines(&case_yaml("federal", "2016-05-01", split, ""), "2026-11-24");
    assert_eq!(due(&list, Kind::Tpr15Of22), Some(d("2027-08-13")));
    assert_eq!(
        due(&list, Kind::PeriodicReview),
        Some(d("2027-03-24")),
        "the new EFC 2026-09-24 + 6 months"
    );
}

/// Caseworker visits are owed only for months the child can be in care: none before
/// birth (a removal typed `0206` for `2026`), none from the 21st birthday (an as-of
/// date far ahead). Without the bounds, such a file listed thousands of months.
#[test]
fn caseworker_visits_only_for_months_a_child_can_be_in_care() {
    let visits = |list: &[Deadline]| -> Vec<NaiveDate> {
        list.iter()
            .filter(|x| x.kind == Kind::CaseworkerVisit)
            .map(|x| x.due)
            .collect()
    };
    let file = load_text(
        Path::new("t.yaml"),
        &case_yaml("federal", "2015-03-02", "  - removed: 0206-09-08", ""),
    );
    let case = file.case.expect("the core of the case is read");
    let config = Config::builtin();
    let profile = config.profile_for(None).expect("federal");
    let facts = CaseFacts::new(&case, profile, d("2026-11-24")).expect("facts");
    let typo = visits(&deadlines(&facts, profile));
    // From April 2015 (the first full month after birth on 2 March) to November 2026.
    assert_eq!(typo.first(), Some(&d("2015-04-30")));
    assert_eq!(typo.last(), Some(&d("2026-11-30")));
    assert_eq!(typo.len(), 140);

    let far = visits(&all_deadlines(
        &case_yaml("federal", "2016-05-01", WORKED, ""),
        "9999-12-31",
    ));
    // The 21st birthday is 2037-05-01: April 2037 is the last month in care.
    assert_eq!(far.last(), Some(&d("2037-04-30")));
    assert_eq!(far.first(), Some(&d("2026-02-28")));
}

/// The efforts finding of `kind` on `as_of`, for the case removed 2026-01-10 with court
/// entries `court` (YAML list lines) and episode lines `episode`: (due, status, met on).
fn efforts(
    kind: Kind,
    jurisdiction: &str,
    episode: &str,
    court: &str,
    as_of: &str,
) -> Vec<(NaiveDate, Status, Option<NaiveDate>)> {
    let extra = if court.is_empty() {
        String::new()
    } else {
        format!("court:\n{court}")
    };
    let episode = format!("  - removed: 2026-01-10\n{episode}");
    let list = all_deadlines(&case_yaml(jurisdiction, "2016-05-01", &episode, &extra), as_of);
    list.into_iter()
        .filter(|x| x.kind == kind)
        .map(|x| (x.due, x.status, x.met_on))
        .collect()
}

/// 45 CFR 1356.21(b)(1): the court's determination on reasonable efforts to prevent the
/// removal is due within 60 days of removal; a later one does not count, and none is due
/// when a bypass (efforts not required) comes by then. Removed 2026-01-10: + 60 days is
/// 2026-03-11 (21 days to the end of January, 28 in February, 11 in March).
#[test]
fn the_removal_finding_is_due_60_days_after_removal_and_only_an_early_one_meets_it() {
    let removal = |court: &str, episode: &str, as_of: &str| {
        efforts(Kind::EffortsFindingRemoval, "federal", episode, court, as_of)
    };
    let hearing = |date: &str, finding: &str| {
        format!("  - {{date: {date}, hearing: jurisdiction, findings: [{finding}]}}\n")
    };
    let due = d("2026-03-11");
    // (court entries, as-of, expected, why)
    let table = [
        (
            String::new(),
            "2026-03-11",
            (due, Status::DueSoon, None),
            "due today, not made",
        ),
        (
            String::new(),
            "2026-03-12",
            (due, Status::Overdue, None),
            "the day after: overdue",
        ),
        (
            hearing("2026-03-11", "efforts_to_prevent_removal"),
            "2026-03-12",
            (due, Status::Met, Some(due)),
            "made on day 60",
        ),
        (
            hearing("2026-03-12", "efforts_to_prevent_removal"),
            "2026-03-12",
            (due, Status::Overdue, None),
            "made on day 61: too late to meet it (1356.21(b)(1)(ii))",
        ),
        (
            hearing("2026-03-11", "reasonable_efforts"),
            "2026-04-01",
            (due, Status::Met, Some(due)),
            "the old word on day 60 is the removal finding",
        ),
        (
            hearing("2026-03-12", "reasonable_efforts"),
            "2026-04-01",
            (due, Status::Overdue, None),
            "the old word on day 61 is about the permanency plan",
        ),
        (
            hearing("2026-02-01", "no_reasonable_efforts"),
            "2026-04-01",
            (due, Status::Met, Some(d("2026-02-01"))),
            "a finding of no reasonable efforts is a determination (CP412 reports it)",
        ),
        (
            hearing("2026-03-20", "efforts_to_finalize_plan"),
            "2026-04-01",
            (due, Status::Overdue, None),
            "the finding on the permanency plan is another finding",
        ),
    ];
    for (court, as_of, expected, why) in table {
        assert_eq!(removal(&court, "", as_of), vec![expected], "{why}");
    }
    // A bypass on day 60 makes the determination unnecessary; one on day 61 does not.
    assert_eq!(removal("", "    bypass: 2026-03-11\n", "2026-04-01"), vec![]);
    assert_eq!(
        removal("", "    bypass: 2026-03-12\n", "2026-04-01"),
        vec![(due, Status::Overdue, None)]
    );
    // California and Kansas inherit the federal rule.
    for jurisdiction in ["california", "kansas"] {
        assert_eq!(
            efforts(Kind::EffortsFindingRemoval, jurisdiction, "", "", "2026-03-12"),
            vec![(due, Status::Overdue, None)],
            "{jurisdiction}"
        );
    }
}

/// A determination made in an earlier episode does not count for a new removal.
#[test]
fn the_removal_finding_of_an_earlier_episode_does_not_count() {
    let episodes = "  - removed: 2025-01-10\n    exited: 2025-06-01\n    exit_reason: reunification\n  - removed: 2026-01-10";
    let court =
        "court:\n  - {date: 2025-01-12, hearing: detention, findings: [efforts_to_prevent_removal]}\n";
    let list = all_deadlines(&case_yaml("federal", "2016-05-01", episodes, court), "2026-03-12");
    let removal: Vec<_> = (list.iter())
        .filter(|x| x.kind == Kind::EffortsFindingRemoval)
        .map(|x| (x.due, x.status))
        .collect();
    assert_eq!(removal, vec![(d("2026-03-11"), Status::Overdue)]);
}

/// 45 CFR 1356.21(b)(2): the finding on reasonable efforts to finalize the permanency plan
/// is due 12 months after the child entered foster care, then within 12 months of the
/// latest such finding. Removed 2026-01-10, court finding 2026-02-20: entered foster care
/// 2026-02-20 (removal + 60 days, 2026-03-11, is later), so the first is due 2027-02-20.
#[test]
fn the_permanency_finding_is_due_12_months_after_entering_care_then_yearly() {
    let cycles = |court: &str, as_of: &str| {
        efforts(
            Kind::EffortsFindingPermanency,
            "federal",
            "    court_finding: 2026-02-20\n",
            court,
            as_of,
        )
    };
    let at = |date: &str, hearing: &str, finding: &str| {
        format!("  - {{date: {date}, hearing: {hearing}, findings: [{finding}]}}\n")
    };
    assert_eq!(
        cycles("", "2027-02-20"),
        vec![(d("2027-02-20"), Status::DueSoon, None)],
        "EFC 2026-02-20 + 12 months"
    );
    assert_eq!(
        cycles("", "2027-02-21"),
        vec![(d("2027-02-20"), Status::Overdue, None)]
    );
    // The old word within 60 days of removal is the removal finding: the first cycle is
    // still open.
    assert_eq!(
        cycles(
            &at("2026-02-20", "jurisdiction", "reasonable_efforts"),
            "2027-02-21"
        ),
        vec![(d("2027-02-20"), Status::Overdue, None)]
    );
    // The old word is read by its date: on 2026-03-11, day 60 after removal, it is the
    // removal finding; on 2026-03-12, day 61, the first finding on the permanency plan,
    // and the next is due 2026-03-12 + 12 months = 2027-03-12.
    assert_eq!(
        cycles(
            &at("2026-03-11", "disposition", "reasonable_efforts"),
            "2026-04-01"
        ),
        vec![(d("2027-02-20"), Status::Upcoming, None)]
    );
    assert_eq!(
        cycles(
            &at("2026-03-12", "disposition", "reasonable_efforts"),
            "2026-04-01"
        ),
        vec![
            (d("2027-02-20"), Status::Met, Some(d("2026-03-12"))),
            (d("2027-03-12"), Status::Upcoming, None)
        ]
    );
    // The old word at the six-month review (after the 60 days) meets the first cycle
    // early: the next is due 2026-08-20 + 12 months = 2027-08-20.
    assert_eq!(
        cycles(&at("2026-08-20", "review", "reasonable_efforts"), "2027-03-01"),
        vec![
            (d("2027-02-20"), Status::Met, Some(d("2026-08-20"))),
            (d("2027-08-20"), Status::Upcoming, None)
        ]
    );
    // Made on the due date: met; the next 2028-02-20.
    assert_eq!(
        cycles(
            &at("2027-02-20", "permanency", "efforts_to_finalize_plan"),
            "2027-03-01"
        ),
        vec![
            (d("2027-02-20"), Status::Met, Some(d("2027-02-20"))),
            (d("2028-02-20"), Status::Upcoming, None)
        ]
    );
    // Made 9 days late: met late (title IV-E did not pay from the end of February to
    // then); the next is counted from the finding: 2027-03-01 + 12 months = 2028-03-01.
    assert_eq!(
        cycles(
            &at("2027-03-01", "permanency", "efforts_to_finalize_plan"),
            "2027-03-02"
        ),
        vec![
            (d("2027-02-20"), Status::Met, Some(d("2027-03-01"))),
            (d("2028-03-01"), Status::Upcoming, None)
        ]
    );
    // A finding of no reasonable efforts does not meet it.
    assert_eq!(
        cycles(
            &at("2027-02-10", "permanency", "no_reasonable_efforts"),
            "2027-02-21"
        ),
        vec![(d("2027-02-20"), Status::Overdue, None)]
    );
    // A finding on 29 February: 2028-02-29 + 12 months = 2029-02-28 (clamped).
    let leap = format!(
        "{}{}",
        at("2027-02-20", "permanency", "efforts_to_finalize_plan"),
        at("2028-02-29", "permanency", "efforts_to_finalize_plan")
    );
    assert_eq!(
        cycles(&leap, "2028-03-01").last(),
        Some(&(d("2029-02-28"), Status::Upcoming, None))
    );
}
