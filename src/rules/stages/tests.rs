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
    (check_case(&file, profile, as_of).into_iter())
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

/// `placements:` with one placement per `(from, to, together)`.
fn placements(list: &[(&str, Option<&str>, bool)]) -> String {
    let items: String = (list.iter())
        .map(|(from, to, together)| {
            let to = to.map(|t| format!(", to: {t}")).unwrap_or_default();
            format!("  - {{from: {from}{to}, setting: foster, siblings_together: {together}}}\n")
        })
        .collect();
    format!("placements:\n{items}")
}

/// `sibling_visits:` with one visit with T-2 on each `(date, held)`.
fn sibling_visits(list: &[(&str, bool)]) -> String {
    let items: String = (list.iter())
        .map(|(date, held)| format!("  - {{date: {date}, with: T-2, held: {held}}}\n"))
        .collect();
    format!("sibling_visits:\n{items}")
}

#[test]
fn cp207_expects_a_sibling_visit_every_30_days_while_apart() {
    let apart = placements(&[("2026-06-01", None, false)]);
    let child = |rest: String| case_of("2019-01-01", "2026-06-01", "", &rest);
    // Checked on 2026-11-24: 30 days after 2026-10-25.
    let table = [
        (
            format!("{apart}{}", sibling_visits(&[("2026-10-25", true)])),
            false,
            "a visit 30 days ago",
        ),
        (
            format!("{apart}{}", sibling_visits(&[("2026-10-24", true)])),
            true,
            "the last 31 days ago",
        ),
        (
            format!(
                "{apart}{}",
                sibling_visits(&[("2026-10-24", true), ("2026-11-20", false)])
            ),
            true,
            "a missed visit does not count",
        ),
        (
            placements(&[("2026-06-01", None, true)]),
            false,
            "placed together",
        ),
        (
            placements(&[
                ("2026-06-01", Some("2026-10-25"), true),
                ("2026-10-25", None, false),
            ]),
            false,
            "placed apart 30 days ago",
        ),
        (
            placements(&[
                ("2026-06-01", Some("2026-10-24"), true),
                ("2026-10-24", None, false),
            ]),
            true,
            "placed apart 31 days ago, no visit since",
        ),
        (
            format!(
                "{}{}",
                placements(&[
                    ("2026-06-01", Some("2026-08-01"), false),
                    ("2026-08-01", Some("2026-10-25"), true),
                    ("2026-10-25", None, false)
                ]),
                sibling_visits(&[("2026-07-15", true)])
            ),
            false,
            "apart again since 2026-10-25, 30 days: a visit of an earlier time apart starts no count",
        ),
    ];
    for (rest, fires, why) in table {
        let found = fired("CP207", &child(rest), &federal());
        assert_eq!(found.len(), usize::from(fires), "{why}: {found:?}");
    }
    let mut p = federal();
    p.sibling_visit_days = 14;
    let text = child(format!("{apart}{}", sibling_visits(&[("2026-11-10", true)])));
    assert!(fired("CP207", &text, &p).is_empty(), "14 days");
    let text = child(format!(
        "{apart}{}",
        sibling_visits(&[("2026-11-09", true), ("2026-11-16", false)])
    ));
    assert_eq!(
        fired("CP207", &text, &p),
        vec![
            "Siblings in care are placed apart and the last sibling visit was on 2026-11-09 (15 days ago, more than 14): arrange a visit, or a call when a visit cannot happen, and log each under `sibling_visits` (42 USC 671(a)(31)(B))"
        ]
    );
}

/// `contacts:` with the child on each `(date, where)` (`""`: none written).
fn child_contacts(list: &[(&str, &str)]) -> String {
    let items: String = (list.iter())
        .map(|(date, place)| match *place {
            "" => format!("  - {{date: {date}, with: child}}\n"),
            place => format!("  - {{date: {date}, with: child, where: {place}}}\n"),
        })
        .collect();
    format!("contacts:\n{items}")
}

#[test]
fn cp208_counts_the_contacts_of_the_fiscal_year_where_the_child_lives() {
    use super::contact::fiscal_year_start;
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
    // The federal fiscal year runs from 1 October to 30 September.
    assert_eq!(fiscal_year_start(day("2026-09-30")), day("2025-10-01"));
    assert_eq!(fiscal_year_start(day("2026-10-01")), day("2026-10-01"));
    assert_eq!(fiscal_year_start(day("2027-01-01")), day("2026-10-01"));
    let child = |removed: &str, rest: String| case_of("2019-01-01", removed, "", &rest);
    // Checked on 2026-11-24: fiscal year 2027, from 2026-10-01.
    let table = [
        (
            "2026-06-01",
            child_contacts(&[("2026-10-06", "school")]),
            false,
            "one contact",
        ),
        (
            "2026-06-01",
            child_contacts(&[("2026-10-06", "school"), ("2026-10-20", "placement")]),
            false,
            "one of two: half",
        ),
        (
            "2026-06-01",
            child_contacts(&[
                ("2026-10-06", "school"),
                ("2026-10-20", "placement"),
                ("2026-11-03", "office"),
            ]),
            true,
            "one of three",
        ),
        (
            "2026-06-01",
            child_contacts(&[
                ("2026-09-30", "school"),
                ("2026-10-06", "school"),
                ("2026-10-20", "placement"),
            ]),
            false,
            "30 September is last fiscal year",
        ),
        (
            "2026-06-01",
            child_contacts(&[
                ("2026-10-06", ""),
                ("2026-10-20", "placement"),
                ("2026-11-03", ""),
            ]),
            true,
            "no `where` is not the placement",
        ),
        (
            "2026-10-10",
            child_contacts(&[
                ("2026-10-02", "school"),
                ("2026-10-06", "school"),
                ("2026-10-20", "placement"),
            ]),
            false,
            "contacts before this removal do not count",
        ),
    ];
    for (removed, rest, fires, why) in table {
        let found = fired("CP208", &child(removed, rest), &federal());
        assert_eq!(found.len(), usize::from(fires), "{why}: {found:?}");
    }
    let home = child_contacts(&[
        ("2026-10-06", "school"),
        ("2026-10-20", "home"),
        ("2026-11-03", "home"),
    ]);
    let on_trial = case_of(
        "2019-01-01",
        "2026-06-01",
        "    trial_home_visits: [{from: 2026-10-15, to: 2026-12-31}]\n",
        &home,
    );
    assert!(fired("CP208", &on_trial, &federal()).is_empty(), "home on trial");
    assert_eq!(
        fired("CP208", &child("2026-06-01", home), &federal()),
        vec![
            "None of the 3 caseworker contacts with the child in federal fiscal year 2027 (from 2026-10-01) was where the child lives (where: placement): most of the monthly visits must be in the child's residence, so hold the next ones there (42 USC 624(e)(2)(A))"
        ]
    );
}
