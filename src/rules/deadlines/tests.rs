use std::path::Path;

use crate::policy::{Config, Profile};
use crate::rules::check_case;

fn profile(name: &str) -> Profile {
    let config = Config::builtin();
    (config.profile_for(Some(name)).map(|p| (**p).clone())).unwrap_or_else(|e| panic!("{e:?}"))
}

/// A federal case of a child born on `born`, with `episode` lines under `- removed:` and
/// `rest` appended at the top level.
fn case(born: &str, removed: &str, episode: &str, rest: &str) -> String {
    format!(
        "case: T-1\nworker: A. Moreno\nchild:\n  name: Ana Test\n  born: {born}\n\
         parents:\n  - id: mother\n    name: Eva Test\n    relationship: mother\n\
         episodes:\n  - removed: {removed}\n{episode}{rest}"
    )
}

/// Messages of `code` on the case text, checked on `as_of`.
fn fired(code: &str, text: &str, as_of: &str) -> Vec<String> {
    let file = crate::load::load_text(Path::new("t.yaml"), text);
    assert!(file.findings.is_empty(), "{:#?}", file.findings);
    let as_of = as_of.parse().unwrap_or_default();
    (check_case(&file, &profile("federal"), as_of).into_iter())
        .filter(|f| f.rule == code)
        .map(|f| f.message)
        .collect()
}

#[test]
fn cp410_fires_in_the_90_days_before_18_while_nothing_is_made_in_them() {
    // Born 2009-05-30: 18 on 2027-05-30, due 2027-05-29, the 90 days from 2027-03-01.
    let youth = |plan: &str| case("2009-05-30", "2026-06-16", "", plan);
    let made = |date: &str| format!("plan:\n  transition_plan: {date}\n");
    // (plan, as-of, fires, why)
    let table = [
        (String::new(), "2027-02-28", false, "the day before the 90 days"),
        (String::new(), "2027-03-01", true, "the first of the 90 days"),
        (String::new(), "2027-05-29", true, "the due date, still 17"),
        (
            String::new(),
            "2027-05-30",
            false,
            "18: the rule asks it of a youth of 17",
        ),
        (
            made("2027-03-01"),
            "2027-04-01",
            false,
            "made on the first of the 90 days",
        ),
        (made("2027-02-28"), "2027-04-01", true, "made the day before them"),
    ];
    for (plan, as_of, fires, why) in table {
        let found = fired("CP410", &youth(&plan), as_of);
        assert_eq!(!found.is_empty(), fires, "{why}: {found:?}");
    }
    assert_eq!(
        fired("CP410", &youth(&made("2026-12-01")), "2027-04-01"),
        [
            "`plan.transition_plan` is 2026-12-01, before the 90 days before the youth turns 18 on 2027-05-30 (they began 2027-03-01); a new plan is due 2027-05-29 (42 USC 675(5)(H)): make the plan with the youth (housing, health insurance, education, work, mentors, services) and record its date in `plan.transition_plan`"
        ]
    );
    assert!(
        fired("CP410", &youth(&made("2027-04-10")), "2027-04-01")[0]
            .starts_with("`plan.transition_plan` is 2027-04-10, after the as-of date 2027-04-01: the youth turns 18 on 2027-05-30 and the plan is due 2027-05-29"),
        "a date still to come is named"
    );
    let left = case(
        "2009-05-30",
        "2026-06-16",
        "    exited: 2027-03-15\n    exit_reason: reunification\n",
        "",
    );
    assert!(fired("CP410", &left, "2027-04-01").is_empty(), "a closed case");
}

#[test]
fn cp408_fires_for_a_visit_covering_six_months_on_without_an_order() {
    let visit = |from: &str, to: &str, extra: &str| {
        case(
            "2016-01-01",
            "2025-06-02",
            &format!("    trial_home_visits:\n      - from: {from}\n        to: {to}\n{extra}"),
            "",
        )
    };
    let at = |text: &str, as_of: &str| fired("CP408", text, as_of).len();
    // (from, to, extra lines, as-of, findings, why)
    let table = [
        // 2025-08-31 + 6 months = 2026-02-28 (February has no 31st).
        (
            "2025-08-31",
            "2026-02-27",
            "",
            "2026-11-24",
            0,
            "ends the day before 2026-02-28",
        ),
        (
            "2025-08-31",
            "2026-02-28",
            "",
            "2026-11-24",
            1,
            "covers 2026-02-28",
        ),
        // 2025-09-01 + 6 months = 2026-03-01.
        (
            "2025-09-01",
            "2026-02-28",
            "",
            "2026-11-24",
            0,
            "six months less a day",
        ),
        (
            "2025-09-01",
            "2026-03-01",
            "",
            "2026-11-24",
            1,
            "covers 2026-03-01",
        ),
        (
            "2025-09-01",
            "2026-05-01",
            "        extended_by_court: 2026-02-20\n",
            "2026-11-24",
            0,
            "extended by the court",
        ),
        // Still at home on the as-of date, or set to run past the limit.
        (
            "2026-05-20",
            "2027-01-31",
            "",
            "2026-11-24",
            1,
            "2026-11-20 has passed",
        ),
        (
            "2026-05-20",
            "2027-01-31",
            "",
            "2026-10-01",
            1,
            "set to run past 2026-11-20",
        ),
    ];
    for (from, to, extra, as_of, findings, why) in table {
        assert_eq!(at(&visit(from, to, extra), as_of), findings, "{why}");
    }
    assert_eq!(
        fired("CP408", &visit("2026-05-20", "2027-01-31", ""), "2026-10-01"),
        [
            "The trial home visit of 2026-05-20 to 2027-01-31 runs past 6 months (2026-11-20) with no court extension: ask the court to extend it before 2026-11-20 and record the order in `extended_by_court`, or end it by then (45 CFR 1356.21(e))"
        ]
    );
    // An earlier episode: a seven-month visit that ended in discharge the next day brought
    // no return to care; one followed by more time in care did.
    let earlier = |exited: &str| {
        format!(
            "case: T-1\nworker: A. Moreno\nchild:\n  name: Ana Test\n  born: 2016-01-01\n\
             episodes:\n  - removed: 2024-01-08\n    trial_home_visits:\n      - {{from: 2024-06-03, to: 2025-01-05}}\n\
             \x20   exited: {exited}\n    exit_reason: reunification\n  - removed: 2026-04-01\n"
        )
    };
    assert_eq!(
        at(&earlier("2025-01-06"), "2026-11-24"),
        0,
        "discharged the day after"
    );
    assert_eq!(
        at(&earlier("2025-03-15"), "2026-11-24"),
        1,
        "back in care after it"
    );
}

#[test]
fn cp412_fires_without_a_determination_in_the_60_days_or_with_a_negative_one() {
    // Removed 2026-01-10: the determination is due 2026-01-10 + 60 days = 2026-03-11.
    let child = |court: &str, episode: &str| case("2018-01-01", "2026-01-10", episode, court);
    let at = |date: &str, finding: &str| {
        format!("court:\n  - {{date: {date}, hearing: jurisdiction, findings: [{finding}]}}\n")
    };
    // (court, episode lines, as-of, fires, why)
    let table = [
        (String::new(), "", "2026-03-11", false, "due today"),
        (String::new(), "", "2026-03-12", true, "due yesterday"),
        (
            at("2026-03-11", "efforts_to_prevent_removal"),
            "",
            "2026-06-01",
            false,
            "made on day 60",
        ),
        (
            at("2026-03-12", "efforts_to_prevent_removal"),
            "",
            "2026-06-01",
            true,
            "made on day 61",
        ),
        (
            at("2026-01-12", "reasonable_efforts"),
            "",
            "2026-06-01",
            false,
            "the old word, in time",
        ),
        (
            at("2026-01-12", "no_reasonable_efforts"),
            "",
            "2026-01-20",
            true,
            "found none, before the due date",
        ),
        (
            format!(
                "{}  - {{date: 2026-02-02, hearing: jurisdiction, findings: [efforts_to_prevent_removal]}}\n",
                at("2026-01-12", "no_reasonable_efforts")
            ),
            "",
            "2026-06-01",
            false,
            "found none, then found them made in time",
        ),
        (
            String::new(),
            "    bypass: 2026-02-01\n",
            "2026-06-01",
            false,
            "bypass: none due",
        ),
    ];
    for (court, episode, as_of, fires, why) in table {
        let found = fired("CP412", &child(&court, episode), as_of);
        assert_eq!(found.len(), usize::from(fires), "{why}: {found:?}");
    }
    assert_eq!(
        fired(
            "CP412",
            &child(&at("2026-03-12", "efforts_to_prevent_removal"), ""),
            "2026-06-01"
        ),
        vec![
            "No court determination on reasonable efforts to prevent removal, due 2026-03-11 (60 days after the removal on 2026-01-10; 45 CFR 1356.21(b)(1)); the determination of 2026-03-12 came 1 day after it and does not count: the child is not eligible for title IV-E foster care maintenance payments for this whole stay in care, so the placement is not paid for by title IV-E until the child leaves care. If the court made it in time, record it under `court` (`findings: [efforts_to_prevent_removal]`); if not, tell the title IV-E eligibility worker"
        ]
    );
    let refused = fired(
        "CP412",
        &child(&at("2026-01-12", "no_reasonable_efforts"), ""),
        "2026-01-20",
    );
    assert!(
        refused[0].starts_with("The court found no reasonable efforts to prevent the removal on 2026-01-12 (45 CFR 1356.21(b)(1)): the child is not eligible for title IV-E foster care maintenance payments for this whole stay in care"),
        "{refused:?}"
    );
}

#[test]
fn cp411_fires_from_the_day_after_the_permanency_finding_was_due() {
    // Removed 2025-09-24 with no court finding: the child entered foster care on
    // 2025-09-24 + 60 days = 2025-11-23, so the finding is due 2026-11-23.
    let child = |court: &str| case("2018-01-01", "2025-09-24", "", court);
    let at =
        |date: &str, finding: &str| format!("  - {{date: {date}, hearing: review, findings: [{finding}]}}\n");
    let court = |entries: &[String]| format!("court:\n{}", entries.concat());
    let table = [
        (String::new(), "2026-11-23", false, "due today"),
        (String::new(), "2026-11-24", true, "due yesterday"),
        (
            court(&[at("2026-11-23", "efforts_to_finalize_plan")]),
            "2026-11-24",
            false,
            "made on the due date",
        ),
        (
            court(&[at("2026-11-25", "efforts_to_finalize_plan")]),
            "2026-11-26",
            false,
            "made late: met late",
        ),
        (
            court(&[at("2026-11-20", "no_reasonable_efforts")]),
            "2026-11-24",
            true,
            "found none",
        ),
        (
            court(&[at("2026-05-20", "reasonable_efforts")]),
            "2027-05-20",
            false,
            "the old word restarted it: due 2027-05-20",
        ),
        (
            court(&[at("2026-05-20", "reasonable_efforts")]),
            "2027-05-21",
            true,
            "and overdue the day after",
        ),
    ];
    for (court, as_of, fires, why) in table {
        let found = fired("CP411", &child(&court), as_of);
        assert_eq!(found.len(), usize::from(fires), "{why}: {found:?}");
    }
    // Within the month it was due, the loss is still to come; after it, it has begun.
    let pending = fired("CP411", &child(""), "2026-11-30");
    assert!(
        pending[0].contains("From the end of November 2026 (2026-11-30) the child is not eligible"),
        "{pending:?}"
    );
    let begun = fired("CP411", &child(""), "2026-12-01");
    assert!(
        begun[0].contains("Since the end of November 2026 (2026-11-30) the child is not eligible"),
        "{begun:?}"
    );
    assert!(
        begun[0].ends_with("Ask the court for it at a hearing set as soon as possible and record it under `court` (`findings: [efforts_to_finalize_plan]`)"),
        "{begun:?}"
    );
    let scheduled = format!(
        "court:\n{}  - {{date: 2027-01-05, hearing: review}}\n",
        at("2026-11-20", "no_reasonable_efforts")
    );
    let asked = fired("CP411", &child(&scheduled), "2026-12-01");
    assert!(
        asked[0].contains("; the court found no reasonable efforts on 2026-11-20.")
            && asked[0].contains("Ask the court for it at the review hearing on 2027-01-05"),
        "{asked:?}"
    );
}
