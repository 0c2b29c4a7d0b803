use std::path::Path;

use chrono::NaiveDate;

use crate::policy::{Config, Profile};
use crate::rules::check_case;

fn federal() -> Profile {
    let config = Config::builtin();
    let federal = config.profile_for(Some("federal"));
    federal.map(|p| (**p).clone()).unwrap_or_else(|e| panic!("{e:?}"))
}

/// A case of a child born `born`, removed on `removed`; `episode` is appended to the
/// episode, `rest` (visits, court, …) to the file.
fn case_of(born: &str, removed: &str, episode: &str, rest: &str) -> String {
    format!(
        "case: T-1\nworker: A. Moreno\nchild: {{name: Ana Test, born: {born}}}\n\
         parents: [{{id: mother, name: Eva Test, relationship: mother}}]\n\
         episodes:\n  - removed: {removed}\n{episode}{rest}"
    )
}

/// A school-age child's case.
fn case(removed: &str, rest: &str) -> String {
    case_of("2019-01-01", removed, "", rest)
}

/// `visits:` with one held visit with the mother on each date, at `level`.
fn visits(dates: &[&str], level: &str) -> String {
    let items: String = (dates.iter())
        .map(|d| format!("  - {{date: {d}, with: mother, level: {level}}}\n"))
        .collect();
    format!("visits:\n{items}")
}

/// Messages of `code` on the case text, checked on 2026-11-24.
fn fired(code: &str, text: &str, profile: &Profile) -> Vec<String> {
    let file = crate::load::load_text(Path::new("t.yaml"), text);
    assert!(file.findings.is_empty(), "{:#?}", file.findings);
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    (check_case(&file, profile, as_of).findings.into_iter())
        .filter(|f| f.rule == code)
        .map(|f| f.message)
        .collect()
}

const THREE: [&str; 3] = ["2026-11-03", "2026-11-10", "2026-11-17"];
const FOUR: [&str; 4] = ["2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24"];

#[test]
fn cp201_waits_for_a_whole_window_in_care() {
    // Removed on as_of − 27: the 28-day window is all in care; a day later it is not.
    let found = fired(
        "CP201",
        &case("2026-10-28", &visits(&THREE, "supervised")),
        &federal(),
    );
    let expected = "Only 3 visits held in the 28 days to 2026-11-24; stage 1 expects at least 4";
    assert!(found.len() == 1 && found[0].starts_with(expected), "{found:?}");
    assert!(
        fired(
            "CP201",
            &case("2026-10-29", &visits(&THREE, "supervised")),
            &federal()
        )
        .is_empty()
    );
}

#[test]
fn cp201_minimum_follows_the_profile_and_the_childs_age() {
    let mut p = federal();
    let text = case("2026-01-10", &visits(&THREE, "monitored"));
    assert_eq!(fired("CP201", &text, &p).len(), 1);
    p.visits.min = [4, 4, 3];
    assert!(fired("CP201", &text, &p).is_empty());
    // Three on 2026-11-24, the day of the check, when born 2023-11-24.
    let toddler = case_of("2023-11-25", "2026-01-10", "", &visits(&FOUR, "monitored"));
    let found = fired("CP201", &toddler, &federal());
    assert!(found[0].contains("a child under 3 needs at least 8"), "{found:?}");
    let three = case_of("2023-11-24", "2026-01-10", "", &visits(&FOUR, "monitored"));
    assert!(fired("CP201", &three, &federal()).is_empty());
}

#[test]
fn cp201_is_quiet_during_a_trial_home_visit() {
    let home = "    trial_home_visits: [{from: 2026-11-20, to: 2026-12-20}]\n";
    let text = case_of("2019-01-01", "2026-01-10", home, &visits(&THREE, "monitored"));
    assert!(fired("CP201", &text, &federal()).is_empty());
}

#[test]
fn cp202_fires_on_the_day_after_the_limit() {
    // Removed 2026-06-01: month 6, stage 2 since 2026-10-01, limit 14 days.
    let on_limit = ["2026-10-03", "2026-10-17", "2026-10-31", "2026-11-14"];
    let text = case("2026-06-01", &visits(&on_limit, "monitored"));
    assert!(fired("CP202", &text, &federal()).is_empty());
    let over = ["2026-10-03", "2026-10-18", "2026-10-31", "2026-11-14"];
    let text = case("2026-06-01", &visits(&over, "monitored"));
    assert_eq!(
        fired("CP202", &text, &federal()),
        [
            "15 days passed between held visits on 2026-10-03 and 2026-10-18; \
         stage 2 allows at most 14: keep visits at least every 14 days"
        ]
    );
    let mut wider = federal();
    wider.visits.max_gap_days = [10, 15, 15];
    assert!(fired("CP202", &text, &wider).is_empty());
}

#[test]
fn cp202_ignores_the_start_of_the_stage_and_earlier_visits() {
    // A visit in stage 1, then none until 19 days into stage 2.
    let dates = ["2026-09-01", "2026-10-20", "2026-10-27", "2026-11-03"];
    let text = case("2026-06-01", &visits(&dates, "monitored"));
    assert!(fired("CP202", &text, &federal()).is_empty());
}

#[test]
fn cp203_looks_back_exactly_60_days() {
    // Removed 2026-01-10: month 11, stage 3. The 60 days start on 2026-09-26.
    let supervised = visits(&["2026-10-01", "2026-11-01"], "supervised");
    let unsupervised = |date: &str| format!("  - {{date: {date}, with: mother, level: unsupervised}}\n");
    let before = case("2026-01-10", &(supervised.clone() + &unsupervised("2026-09-25")));
    assert_eq!(fired("CP203", &before, &federal()).len(), 1);
    let inside = case("2026-01-10", &(supervised.clone() + &unsupervised("2026-09-26")));
    assert!(fired("CP203", &inside, &federal()).is_empty());
    assert!(fired("CP203", &case("2026-06-01", &supervised), &federal()).is_empty());
}

#[test]
fn cp206_counts_the_12_months_up_to_the_as_of_date() {
    let hearing = |date: &str| format!("court: [{{date: {date}, hearing: permanency}}]\n");
    assert_eq!(
        fired("CP206", &case("2025-01-10", &hearing("2025-11-24")), &federal()),
        [
            "Past stage 3 (month 23) with no permanency hearing since 2025-11-24: \
         ask the court to set a permanency hearing and finalise the child's permanent plan"
        ]
    );
    assert!(fired("CP206", &case("2025-01-10", &hearing("2025-11-25")), &federal()).is_empty());
    // Past stage 3 from removed + 15 months (2025-08-24 + 15 months = the as-of date).
    assert_eq!(fired("CP206", &case("2025-08-24", ""), &federal()).len(), 1);
    assert!(fired("CP206", &case("2025-08-25", ""), &federal()).is_empty());
}
