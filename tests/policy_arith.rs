//! docs/deadlines.md "Arithmetic" and "15 of the most recent 22 months", to the letter: the
//! worked example, table tests of every edge the wording has, and properties.

use chrono::{Datelike, NaiveDate};
use cplan::model::{Case, Episode, Period, TrialHomeVisit};
use cplan::policy::arith::{FIRST_DAY, LAST_DAY, Span, SpanError, add_days, add_months, end_of_month};
use cplan::policy::care::{
    DEFAULT_STAGES, Stage, efc, in_care_spans, month_of_care, next_stage_boundary, stage_of, stage_start,
};
use cplan::policy::fifteen22::{months_in_care_grid, tpr_due};
use proptest::prelude::*;

fn d(text: &str) -> NaiveDate {
    text.parse().expect("a YYYY-MM-DD date")
}

fn period(from: &str, to: &str) -> Period {
    Period {
        from: d(from),
        to: d(to),
    }
}

fn visit(from: &str, to: &str) -> TrialHomeVisit {
    period(from, to).into()
}

fn episode(removed: &str, court_finding: Option<&str>, exited: Option<&str>) -> Episode {
    Episode {
        removed: d(removed),
        reason: None,
        court_finding: court_finding.map(d),
        disposition: None,
        services_ordered: true,
        bypass: None,
        trial_home_visits: Vec::new(),
        runaway: Vec::new(),
        exited: exited.map(d),
        exit_reason: None,
    }
}

fn case(episodes: Vec<Episode>) -> Case {
    Case {
        id: "test".to_owned(),
        episodes,
        ..Case::default()
    }
}

/// The worked example's episode: removed 2026-01-10, court finding 2026-02-20, open.
fn worked() -> Episode {
    episode("2026-01-10", Some("2026-02-20"), None)
}

const HORIZON: &str = "2060-01-01";

fn due(episodes: Vec<Episode>) -> Option<NaiveDate> {
    tpr_due(&case(episodes), d(HORIZON))
}

/// docs/deadlines.md read literally, one day at a time: a day is in care when some episode has
/// it between its EFC and the day before its exit and outside that episode's trial home
/// visits and runaway periods; D is due when its 22-month window holds L such days.
fn oracle(case: &Case, horizon: NaiveDate) -> Option<NaiveDate> {
    let earliest = case.episodes.iter().min_by_key(|e| e.removed)?;
    let e = efc(earliest);
    let needed = (add_months(e, 15) - e).num_days();
    let in_care = |day: NaiveDate| {
        case.episodes.iter().any(|ep| {
            let covered = |p: &Period| p.from <= day && day <= p.to;
            efc(ep) <= day
                && ep.exited.is_none_or(|x| day < x)
                && !ep.trial_home_visits.iter().any(|v| covered(&v.period()))
                && !ep.runaway.iter().any(covered)
        })
    };
    let start = case.episodes.iter().map(efc).min()?;
    let days: Vec<NaiveDate> = start.iter_days().take_while(|x| *x <= horizon).collect();
    let mut through = vec![0i64]; // through[i]: in-care days in days[..i]
    for day in &days {
        through.push(through.last().unwrap() + i64::from(in_care(*day)));
    }
    let index = |day: NaiveDate| {
        usize::try_from((day - start).num_days())
            .unwrap_or(0)
            .min(days.len())
    };
    days.iter().copied().find(|&day| {
        let from = add_days(add_months(day, -22), 1).max(start);
        through[index(day) + 1] - through[index(from)] == needed
    })
}

// ---------------------------------------------------------------- worked example

#[test]
fn worked_example_of_policy_md() {
    let removed = d("2026-01-10");
    let e = efc(&worked());
    assert_eq!(
        e,
        d("2026-02-20"),
        "the finding is earlier than removed + 60 days"
    );
    assert_eq!(add_days(removed, 30), d("2026-02-09"), "relatives notice");
    assert_eq!(add_days(removed, 60), d("2026-03-11"), "case plan");
    assert_eq!(add_months(e, 6), d("2026-08-20"), "first periodic review");
    assert_eq!(add_months(e, 12), d("2027-02-20"), "permanency hearing");
    assert_eq!(due(vec![worked()]), Some(d("2027-05-19")), "15/22");
    assert_eq!("30d".parse::<Span>().unwrap().after(removed), d("2026-02-09"));
    assert_eq!("6mo".parse::<Span>().unwrap().after(e), d("2026-08-20"));
}

// ---------------------------------------------------------------- days and months

#[test]
fn add_months_clamps_to_the_end_of_the_month() {
    let table = [
        ("2026-01-31", 1, "2026-02-28"),
        ("2028-01-31", 1, "2028-02-29"),
        ("2028-02-29", 12, "2029-02-28"),
        ("2028-02-29", 48, "2032-02-29"),
        ("2026-08-31", 6, "2027-02-28"),
        ("2026-01-31", 2, "2026-03-31"), // computed in one step: no drift through February
        ("2026-01-31", 3, "2026-04-30"),
        ("2026-01-10", 0, "2026-01-10"),
        ("2026-03-31", -1, "2026-02-28"),
        ("2026-01-15", -1, "2025-12-15"),
        ("2026-12-31", -10, "2026-02-28"),
        ("2026-05-31", -22, "2024-07-31"),
        ("2028-03-30", -1, "2028-02-29"),
        ("2026-03-15", -123, "2015-12-15"),
    ];
    for (from, months, want) in table {
        assert_eq!(add_months(d(from), months), d(want), "{from} + {months} months");
    }
}

/// 45 CFR 1356.21(b)(2)(ii): without the finding on efforts to finalize the permanency
/// plan, title IV-E stops paying "at the end of the month in which the judicial
/// determination was required to have been made" (CP411). The last day of that month:
#[test]
fn the_end_of_the_month_a_finding_was_due() {
    let table = [
        ("2026-11-21", "2026-11-30", "30 days hath November"),
        ("2026-11-30", "2026-11-30", "the last day is its own month's end"),
        ("2026-12-01", "2026-12-31", "the first day"),
        ("2027-02-20", "2027-02-28", "February of a common year"),
        (
            "2028-02-01",
            "2028-02-29",
            "February of a leap year (2028 is divisible by 4)",
        ),
        (
            "2100-02-10",
            "2100-02-28",
            "2100 is not a leap year (divisible by 100, not 400)",
        ),
        ("2000-02-10", "2000-02-29", "2000 is (divisible by 400)"),
        ("9999-12-05", "9999-12-31", "the last month that can be written"),
    ];
    for (due, end, why) in table {
        assert_eq!(end_of_month(d(due)), d(end), "{why}");
    }
}

#[test]
fn add_months_and_add_days_saturate() {
    assert_eq!(add_months(NaiveDate::MAX, 1), NaiveDate::MAX);
    assert_eq!(add_months(NaiveDate::MIN, -1), NaiveDate::MIN);
    assert_eq!(add_months(d("2026-01-31"), i32::MAX), NaiveDate::MAX);
    let low = add_months(d("2026-01-31"), i32::MIN);
    assert_eq!(
        (low.year(), low.month(), low.day()),
        (NaiveDate::MIN.year(), 1, 31)
    );
    assert_eq!(add_days(NaiveDate::MAX, 1), NaiveDate::MAX);
    assert_eq!(add_days(NaiveDate::MIN, -1), NaiveDate::MIN);
    assert_eq!(add_days(d("2026-01-10"), i64::MAX), NaiveDate::MAX);
    assert_eq!(add_days(d("2026-01-10"), i64::MIN), NaiveDate::MIN);
    assert_eq!(add_days(d("2026-01-10"), -10), d("2025-12-31"));
}

/// A span, unlike `add_days` and `add_months`, stops at the first and last day of a
/// four-digit year: every deadline a profile computes is a date every format can write.
#[test]
fn spans_saturate_within_four_digit_years() {
    assert_eq!(Span::Days(i64::MIN).before(d("2026-01-10")), LAST_DAY);
    assert_eq!(Span::Months(i32::MIN).before(d("2026-01-10")), LAST_DAY);
    assert_eq!(Span::Days(i64::MAX).before(d("2026-01-10")), FIRST_DAY);
    assert_eq!(Span::Months(1200).after(d("9999-12-01")), LAST_DAY);
    assert_eq!(Span::Days(36525).after(d("9990-06-30")), LAST_DAY);
    assert_eq!(Span::Days(800_000).before(d("2026-09-08")), FIRST_DAY);
    assert_eq!(Span::Months(1200).before(d("0050-03-31")), FIRST_DAY);
    assert_eq!(Span::Days(1).after(d("9999-12-30")), LAST_DAY);
    assert_eq!(Span::Days(1).before(d("0001-01-02")), FIRST_DAY);
    assert_eq!(
        (FIRST_DAY.to_string(), LAST_DAY.to_string()),
        ("0001-01-01".to_owned(), "9999-12-31".to_owned())
    );
}

#[test]
fn spans_go_both_ways() {
    assert_eq!(Span::Days(10).before(d("2026-03-11")), d("2026-03-01"));
    assert_eq!(Span::Days(10).after(d("2026-03-01")), d("2026-03-11"));
    assert_eq!(Span::Months(6).before(d("2026-08-31")), d("2026-02-28"));
    assert_eq!(Span::Months(12).after(d("2028-02-29")), d("2029-02-28"));
}

#[test]
fn span_parses_the_duration_syntax() {
    let good = [
        ("30d", Span::Days(30)),
        ("0d", Span::Days(0)),
        ("2w", Span::Days(14)),
        ("6mo", Span::Months(6)),
        ("1y", Span::Months(12)),
        ("18mo", Span::Months(18)),
        ("007d", Span::Days(7)),
        ("36525d", Span::Days(36525)),
        ("5217w", Span::Days(36519)),
        ("1200mo", Span::Months(1200)),
        ("100y", Span::Months(1200)),
    ];
    for (text, want) in good {
        assert_eq!(text.parse::<Span>(), Ok(want), "{text}");
    }
    let bad = [
        "", "30", "d", "mo", "30 d", " 30d", "30d ", "-5d", "+5d", "30D", "6m", "6mos", "6month", "1.5mo",
        "1y2mo", "30days", "2W", "½y", "٣d",
    ];
    for text in bad {
        let err = text.parse::<Span>().expect_err(text);
        assert_eq!(err, SpanError::Invalid(text.to_owned()));
        let message = err.to_string();
        for allowed in ["30d", "2w", "6mo", "1y"] {
            assert!(message.contains(allowed), "{message:?} shows {allowed}");
        }
    }
    for text in [
        "36526d",
        "5218w",
        "1201mo",
        "101y",
        "1000000000000000000d",
        "800000d",
        "99999999999999999999d",
        "3000000000mo",
        "200000000y",
        "2000000000000000000w",
    ] {
        let err = text.parse::<Span>().expect_err(text);
        assert_eq!(err, SpanError::TooLarge(text.to_owned()), "{text}");
        assert_eq!(
            err.to_string(),
            format!(
                "`{text}` is longer than 100 years, the longest duration cplan accepts; \
                 write at most 36525d, 5217w, 1200mo or 100y"
            )
        );
    }
}

#[test]
fn span_display_reads_back() {
    for text in ["30d", "2w", "6mo", "1y", "0d"] {
        let span: Span = text.parse().unwrap();
        assert_eq!(span.to_string().parse::<Span>(), Ok(span));
    }
    assert_eq!(Span::Days(14).to_string(), "14d");
    assert_eq!(Span::Months(6).to_string(), "6mo");
    assert_eq!("1y".parse::<Span>().unwrap().to_string(), "12mo");
}

#[test]
fn span_deserializes_from_a_string() {
    #[derive(serde::Deserialize)]
    struct Settings {
        warning_window: Span,
    }
    let settings: Settings = serde_json::from_str(r#"{"warning_window": "14d"}"#).unwrap();
    assert_eq!(settings.warning_window, Span::Days(14));
    let err = serde_json::from_str::<Settings>(r#"{"warning_window": "14 days"}"#)
        .err()
        .expect("not a duration");
    assert!(err.to_string().contains("`2w`"), "{err}");
    assert!(serde_json::from_str::<Settings>(r#"{"warning_window": 14}"#).is_err());
    assert_eq!(serde_json::to_string(&Span::Months(6)).unwrap(), r#""6mo""#);
}

// ---------------------------------------------------------------- EFC, months, stages

#[test]
fn efc_is_the_earlier_of_finding_and_sixty_days() {
    let table = [
        (Some("2026-02-20"), "2026-02-20"), // the worked example
        (Some("2026-04-01"), "2026-03-11"), // finding later than removed + 60
        (Some("2026-03-11"), "2026-03-11"), // on the 60th day
        (Some("2026-01-10"), "2026-01-10"), // finding on the day of removal
        (None, "2026-03-11"),               // no finding yet: the 60-day limit
    ];
    for (finding, want) in table {
        assert_eq!(efc(&episode("2026-01-10", finding, None)), d(want), "{finding:?}");
    }
}

#[test]
fn month_of_care_and_stage() {
    let removed = d("2026-01-10");
    let table = [
        ("2026-01-09", 0, Stage::One), // before removal
        ("2026-01-10", 1, Stage::One),
        ("2026-02-09", 1, Stage::One),
        ("2026-02-10", 2, Stage::One),
        ("2026-05-09", 4, Stage::One), // the day before month 5
        ("2026-05-10", 5, Stage::Two), // the first day of month 5
        ("2026-09-09", 8, Stage::Two),
        ("2026-09-10", 9, Stage::Three),
        ("2027-04-09", 15, Stage::Three),
        ("2027-04-10", 16, Stage::Past),
        ("2036-01-10", 121, Stage::Past),
    ];
    for (day, month, stage) in table {
        assert_eq!(month_of_care(removed, d(day)), month, "month on {day}");
        assert_eq!(stage_of(month, DEFAULT_STAGES), stage, "stage on {day}");
    }
}

#[test]
fn months_of_care_from_a_31st() {
    let removed = d("2026-01-31");
    let table = [
        ("2026-02-27", 1),
        ("2026-02-28", 2), // removed + 1 month is clamped to February 28
        ("2026-03-30", 2),
        ("2026-03-31", 3), // removed + 2 months is March 31 again
        ("2026-04-30", 4),
        ("2026-05-30", 4),
        ("2026-05-31", 5),
    ];
    for (day, month) in table {
        assert_eq!(month_of_care(removed, d(day)), month, "month on {day}");
    }
}

#[test]
fn stage_starts_and_boundaries() {
    let removed = d("2026-01-10");
    let starts = [
        (Stage::One, "2026-01-10"),
        (Stage::Two, "2026-05-10"),
        (Stage::Three, "2026-09-10"),
        (Stage::Past, "2027-04-10"),
    ];
    for (stage, want) in starts {
        let start = stage_start(removed, stage, DEFAULT_STAGES);
        assert_eq!(start, d(want), "{stage:?}");
        assert_eq!(stage_of(month_of_care(removed, start), DEFAULT_STAGES), stage);
    }
    let next = [
        ("2026-01-09", Some((Stage::Two, "2026-05-10"))),
        ("2026-01-10", Some((Stage::Two, "2026-05-10"))),
        ("2026-05-09", Some((Stage::Two, "2026-05-10"))),
        ("2026-05-10", Some((Stage::Three, "2026-09-10"))),
        ("2027-04-09", Some((Stage::Past, "2027-04-10"))),
        ("2027-04-10", None),
    ];
    for (day, want) in next {
        let want = want.map(|(stage, date)| (stage, d(date)));
        assert_eq!(
            next_stage_boundary(removed, d(day), DEFAULT_STAGES),
            want,
            "after {day}"
        );
    }
    // An empty stage 2 is skipped: the next stage is the one that actually begins.
    assert_eq!(
        next_stage_boundary(removed, d("2026-02-01"), [4, 4, 15]),
        Some((Stage::Three, d("2026-05-10")))
    );
}

// ---------------------------------------------------------------- in-care spans

#[test]
fn in_care_spans_take_out_breaks_and_merge() {
    let mut first = worked(); // in care from its EFC, 2026-02-20
    first.exited = Some(d("2026-12-01"));
    first.trial_home_visits = vec![
        visit("2026-05-01", "2026-05-10"),
        visit("2026-11-20", "2026-12-31"),
    ];
    first.runaway = vec![
        period("2026-05-08", "2026-05-12"),
        period("2026-07-04", "2026-07-04"),
    ];
    let second = episode("2026-12-01", Some("2026-12-01"), None); // starts the day the first exits
    let exited_before_efc = episode("2020-01-01", None, Some("2020-03-01")); // EFC 2020-03-01
    let spans = in_care_spans(&case(vec![second, first, exited_before_efc]), d("2027-01-31"));
    let want = [
        ("2026-02-20", "2026-04-30"),
        ("2026-05-13", "2026-07-03"),
        ("2026-07-05", "2026-11-19"),
        ("2026-12-01", "2027-01-31"), // the open episode stops at `until`
    ];
    let want: Vec<_> = want.iter().map(|(a, b)| (d(a), d(b))).collect();
    assert_eq!(spans, want);
}

#[test]
fn adjacent_episodes_merge_and_until_clips() {
    let first = episode("2026-01-01", Some("2026-01-01"), Some("2026-03-01"));
    let second = episode("2026-03-01", Some("2026-03-01"), None);
    let spans = in_care_spans(&case(vec![first.clone(), second]), d("2026-06-30"));
    assert_eq!(spans, vec![(d("2026-01-01"), d("2026-06-30"))]);
    assert_eq!(in_care_spans(&case(vec![first.clone()]), d("2025-12-31")), vec![]);
    assert_eq!(
        in_care_spans(&case(vec![first]), d("2026-01-15")),
        vec![(d("2026-01-01"), d("2026-01-15"))]
    );
}

// ---------------------------------------------------------------- 15 of 22

/// L, the days from E to E + 15 months, is 12 months (365 or 366 days) plus 3 months (89
/// to 92 days): 454 to 458, as docs/deadlines.md says. For a child in care every day the
/// petition is due on day L - 1 after E, which is E + 15 months - 1 day.
#[test]
fn the_target_l_runs_from_454_to_458_days() {
    // (E, 12 months, 3 months, L)
    let table = [
        // 2026-02-20 -> 2027-02-20 (no 29 February) 365; -> 2027-05-20: 28 + 31 + 30 = 89.
        ("2026-02-20", 365, 89, 454),
        // 2027-01-31 -> 2028-01-31 365; -> 2028-04-30 (clamped): 29 + 31 + 30 = 90.
        ("2027-01-31", 365, 90, 455),
        // 2028-02-29 -> 2029-02-28 (clamped) 365; -> 2029-05-29: 31 + 30 + 31 - 2 = 90.
        ("2028-02-29", 365, 90, 455),
        // 2026-11-30 -> 2027-11-30 365; -> 2028-02-29 (clamped): 30 + 31 + 30 = 91.
        ("2026-11-30", 365, 91, 456),
        // 2026-07-01 -> 2027-07-01 365; -> 2027-10-01: 31 + 31 + 30 = 92.
        ("2026-07-01", 365, 92, 457),
        // 2027-10-20 -> 2028-10-20 spans 2028-02-29: 366; -> 2029-01-20: 31 + 30 + 31 = 92.
        ("2027-10-20", 366, 92, 458),
    ];
    for (e, year, quarter, l) in table {
        let e = d(e);
        let twelve = add_months(e, 12);
        let fifteen = add_months(e, 15);
        assert_eq!(
            ((twelve - e).num_days(), (fifteen - twelve).num_days()),
            (year, quarter),
            "{e}"
        );
        assert_eq!((fifteen - e).num_days(), l, "{e}");
        let continuous = episode(&e.to_string(), Some(&e.to_string()), None);
        assert_eq!(due(vec![continuous]), Some(add_days(e, l - 1)), "{e}: day L - 1");
        assert_eq!(add_days(e, l - 1), add_days(fifteen, -1));
    }
}

#[test]
fn fifteen_of_22_single_episode_table() {
    let with = |thv: &[(&str, &str)], run: &[(&str, &str)]| {
        let mut e = worked();
        e.trial_home_visits = thv.iter().map(|(a, b)| visit(a, b)).collect();
        e.runaway = run.iter().map(|(a, b)| period(a, b)).collect();
        e
    };
    let table = [
        (
            "continuous care: E + 15 months - 1 day",
            with(&[], &[]),
            "2027-05-19",
        ),
        (
            "a 10-day trial home visit: 10 days later",
            with(&[("2026-05-01", "2026-05-10")], &[]),
            "2027-05-29",
        ),
        (
            "a 5-day runaway: 5 days later",
            with(&[], &[("2026-07-04", "2026-07-08")]),
            "2027-05-24",
        ),
        (
            "overlapping visit and runaway count once (12 days)",
            with(&[("2026-05-01", "2026-05-10")], &[("2026-05-08", "2026-05-12")]),
            "2027-05-31",
        ),
        (
            "a visit between removal and EFC is not in care anyway",
            with(&[("2026-01-20", "2026-01-30")], &[]),
            "2027-05-19",
        ),
        (
            "a visit after the due date does not move it",
            with(&[("2027-06-01", "2027-06-30")], &[]),
            "2027-05-19",
        ),
    ];
    for (what, e, want) in table {
        assert_eq!(due(vec![e.clone()]), Some(d(want)), "{what}");
        assert_eq!(
            oracle(&case(vec![e]), d(HORIZON)),
            Some(d(want)),
            "oracle: {what}"
        );
    }
}

#[test]
fn fifteen_of_22_across_episodes() {
    let first = || episode("2026-01-10", Some("2026-02-20"), Some("2026-06-01"));
    let table = [
        (
            // Out of care 2026-06-01 through 2026-06-30: 30 days later than 2027-05-19.
            "a 30-day gap between episodes",
            vec![first(), episode("2026-07-01", Some("2026-07-01"), None)],
            Some("2027-06-18"),
        ),
        (
            // The second episode has no finding, so its EFC is removed + 60 days:
            // the 30 days out of care and its 60 days before EFC make 90 days.
            "a gap and a second episode counted from its own EFC",
            vec![first(), episode("2026-07-01", None, None)],
            Some("2027-08-17"),
        ),
        (
            // In care 2026-02-20 through 2026-05-31 (101 days) and never again.
            "exited before 15 months, no re-entry",
            vec![first()],
            None,
        ),
        (
            // First episode: in care 2020-01-01 through 2020-10-31 (305 days); E =
            // 2020-01-01, so L = 456 days (2020-01-01 to 2021-04-01, a leap year).
            // Re-entry 2023-03-01, more than 22 months later: every window ending on or
            // after that day starts after 2021-05-01, so the old 305 days never count and
            // the new episode alone must supply L = 456 days: 2023-03-01 + 455 days =
            // 2024-05-29. Note it is not new EFC + 15 months - 1 day (2024-05-31): L
            // belongs to the earliest episode's E, and 15 months from 2023-03-01 are 458.
            "re-entry after more than 22 months out of care",
            vec![
                episode("2020-01-01", Some("2020-01-01"), Some("2020-11-01")),
                episode("2023-03-01", Some("2023-03-01"), None),
            ],
            Some("2024-05-29"),
        ),
        (
            // First episode in care 2026-02-20 through 2026-11-30 (284 days), then 8
            // months out. The window reaches back to E only until 2027-12-19, when the
            // count is 284 + 141 = 425; from then on each new day in care is matched by
            // an old one leaving the window, until the first episode has left it
            // entirely. So the new episode alone supplies L = 454 days: 2027-08-01 + 453
            // = 2028-10-27 (not 2027-05-19 + 243 gap days = 2028-01-17).
            "re-entry after 8 months: the old time slides out before it can count",
            vec![
                episode("2026-01-10", Some("2026-02-20"), Some("2026-12-01")),
                episode("2027-08-01", Some("2027-08-01"), None),
            ],
            Some("2028-10-27"),
        ),
        (
            // First episode in care 2026-02-20 (E) through 2026-11-30: 284 days. Back on
            // 2027-07-03: on 2027-12-19 the window starts exactly on E (2027-12-19 - 22
            // months + 1 day) and holds 284 + 170 = 454 = L days.
            "re-entry whose date falls on the last day the window still holds E",
            vec![
                episode("2026-01-10", Some("2026-02-20"), Some("2026-12-01")),
                episode("2027-07-03", Some("2027-07-03"), None),
            ],
            Some("2027-12-19"),
        ),
        (
            // One day later back in care: 2027-12-19 holds 453 days, and from 2027-12-20
            // each new day pushes an old one out of the window, until the window start
            // stalls on 2026-03-01 (2027-12-28 and -29 both minus 22 months clamp to
            // 2026-02-28): 2027-12-29 gains a day without losing one. Ten days later.
            "re-entry one day later: the window slides, then a month-end clamp stalls it",
            vec![
                episode("2026-01-10", Some("2026-02-20"), Some("2026-12-01")),
                episode("2027-07-04", Some("2027-07-04"), None),
            ],
            Some("2027-12-29"),
        ),
    ];
    for (what, episodes, want) in table {
        let want = want.map(d);
        assert_eq!(
            oracle(&case(episodes.clone()), d(HORIZON)),
            want,
            "oracle: {what}"
        );
        assert_eq!(due(episodes), want, "{what}");
    }
}

#[test]
fn fifteen_of_22_horizon_and_empty_cases() {
    let c = case(vec![worked()]);
    assert_eq!(tpr_due(&c, d("2027-05-18")), None, "not reached by the horizon");
    assert_eq!(
        tpr_due(&c, d("2027-05-19")),
        Some(d("2027-05-19")),
        "reached on the horizon"
    );
    assert_eq!(tpr_due(&c, NaiveDate::MAX), Some(d("2027-05-19")));
    assert_eq!(tpr_due(&case(vec![]), d(HORIZON)), None, "no episodes");
    let short = case(vec![episode("2026-01-10", None, Some("2026-02-01"))]);
    assert_eq!(
        tpr_due(&short, NaiveDate::MAX),
        None,
        "never in care, searching to the end of time"
    );
}

/// Nineteen yearly episodes of about four months (2000–2018), some with a trial home
/// visit or a runaway, then an open episode from 2018-08-01 with a 14-day visit.
fn twenty_years() -> Case {
    let mut episodes: Vec<Episode> = (2000..2019)
        .map(|y| {
            let mut e = episode(
                &format!("{y}-01-01"),
                Some(&format!("{y}-01-20")),
                Some(&format!("{y}-06-01")),
            );
            if y % 3 == 0 {
                e.trial_home_visits = vec![visit(&format!("{y}-03-01"), &format!("{y}-03-10"))];
            }
            if y % 4 == 1 {
                e.runaway = vec![period(&format!("{y}-04-05"), &format!("{y}-04-07"))];
            }
            e
        })
        .collect();
    let mut last = episode("2018-08-01", Some("2018-08-01"), None);
    last.trial_home_visits = vec![visit("2019-02-01", "2019-02-14")];
    episodes.push(last);
    case(episodes)
}

#[test]
fn fifteen_of_22_over_a_twenty_year_history() {
    // E = 2000-01-20, L = 456. On 2019-07-04 the window (from 2017-09-05) holds the 2018
    // episode's 132 days (2018-01-20..2018-05-31) and 338 - 14 = 324 days of the open
    // one: 456. Without the 2018 episode it would be 2019-11-13.
    let c = twenty_years();
    assert_eq!(tpr_due(&c, d(HORIZON)), Some(d("2019-07-04")));
    assert_eq!(oracle(&c, d(HORIZON)), Some(d("2019-07-04")));
}

// Speed is measured by the benchmark (bench/), never by a timed test: a 20-year
// history costs microseconds because each window is two binary searches.

// ---------------------------------------------------------------- months grid

#[test]
fn months_grid_covers_22_calendar_months() {
    let mut e = worked();
    e.trial_home_visits = vec![visit("2026-05-01", "2026-05-10")];
    let grid = months_in_care_grid(&case(vec![e]), d("2027-03-15"));
    assert_eq!(grid.len(), 22);
    assert_eq!(grid[0], (d("2025-06-01"), 0, 30));
    assert_eq!(grid[8], (d("2026-02-01"), 9, 28), "from the EFC, 2026-02-20");
    assert_eq!(grid[11], (d("2026-05-01"), 21, 31), "a 10-day trial home visit");
    assert_eq!(grid[20], (d("2027-02-01"), 28, 28));
    assert_eq!(
        grid[21],
        (d("2027-03-01"), 15, 31),
        "only days up to the end date count"
    );
    let total: u32 = grid.iter().map(|(_, days, _)| days).sum();
    let window = grid.iter().map(|(_, _, days)| days).sum::<u32>();
    assert_eq!(
        window,
        30 + 31
            + 31
            + 30
            + 31
            + 30
            + 31
            + 31
            + 28
            + 31
            + 30
            + 31
            + 30
            + 31
            + 31
            + 30
            + 31
            + 30
            + 31
            + 31
            + 28
            + 31
    );
    assert_eq!(
        total,
        9 + 31 + 30 + 21 + 30 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 28 + 15
    );
}

// ---------------------------------------------------------------- properties

fn date_between(from: &str, to: &str) -> impl Strategy<Value = NaiveDate> {
    let (from, to) = (d(from), d(to));
    (0..=(to - from).num_days()).prop_map(move |n| add_days(from, n))
}

fn periods(removed: NaiveDate, max: usize) -> impl Strategy<Value = Vec<Period>> {
    prop::collection::vec((-10i64..420, 1i64..=20), 0..=max).prop_map(move |v| {
        v.into_iter()
            .map(|(start, len)| Period {
                from: add_days(removed, start),
                to: add_days(removed, start + len - 1),
            })
            .collect()
    })
}

/// One open episode with breaks that end by removal + 439 days, before the earliest
/// possible date (E + 453 days). So the child is in care from the date on, and as the
/// breaks total at most 4·20 + 3·20 + 1 days, the date stays within 22 months of E and
/// the window never drops a day in care: the situation in which docs/deadlines.md says each
/// break day moves the date one day. (Where a break or an exit follows the date, one
/// more break day can move it by weeks, or to never; that is the rule, not a defect,
/// so it is not generated.)
fn open_episode_with_breaks() -> impl Strategy<Value = Episode> {
    (
        date_between("2000-01-01", "2040-12-31"),
        prop::option::of(0i64..=90),
    )
        .prop_flat_map(|(removed, finding)| {
            (
                Just(removed),
                Just(finding),
                periods(removed, 4),
                periods(removed, 3),
            )
        })
        .prop_map(|(removed, finding, thv, runaway)| Episode {
            removed,
            court_finding: finding.map(|n| add_days(removed, n)),
            trial_home_visits: thv.into_iter().map(Into::into).collect(),
            runaway,
            ..episode("2000-01-01", None, None)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// (a) One more trial-home-visit day never makes the date earlier, and moves it
    /// by at most one day.
    #[test]
    fn one_more_visit_day_moves_it_at_most_one_day_later(
        base in open_episode_with_breaks(),
        extend in any::<prop::sample::Index>(),
        new_day in -10i64..620,
        extend_existing in any::<bool>(),
    ) {
        let mut more = base.clone();
        if extend_existing && !more.trial_home_visits.is_empty() {
            let visit = extend.get_mut(&mut more.trial_home_visits);
            visit.to = add_days(visit.to, 1);
        } else {
            let day = add_days(base.removed, new_day);
            more.trial_home_visits.push(Period { from: day, to: day }.into());
        }
        let horizon = add_days(base.removed, 3650);
        let before = tpr_due(&case(vec![base]), horizon).expect("reached within 10 years");
        let after = tpr_due(&case(vec![more]), horizon).expect("reached within 10 years");
        prop_assert!(after >= before, "{after} earlier than {before}");
        prop_assert!(after <= add_days(before, 1), "{after} more than a day after {before}");
    }

    /// (b) Continuous care: EFC + 15 months - 1 day, for any removal 2000-2040.
    #[test]
    fn continuous_care_is_efc_plus_15_months_minus_a_day(
        removed in date_between("2000-01-01", "2040-12-31"),
        finding in prop::option::of(-5i64..=120),
        exit_after_years in prop::option::of(2i64..=8),
    ) {
        let mut e = episode("2000-01-01", None, None);
        e.removed = removed;
        e.court_finding = finding.map(|n| add_days(removed, n));
        e.exited = exit_after_years.map(|y| add_days(removed, 365 * y));
        let want = add_days(add_months(efc(&e), 15), -1);
        prop_assert_eq!(tpr_due(&case(vec![e]), add_days(removed, 3650)), Some(want));
    }

    /// (c) add_months never panics, and clamping only ever shortens the day of month.
    #[test]
    fn add_months_never_panics(
        day in (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce()),
        months in any::<i32>(),
        days in any::<i64>(),
    ) {
        let date = NaiveDate::from_num_days_from_ce_opt(day).expect("in chrono's range");
        prop_assert!(add_months(date, months).day() <= date.day());
        let _ = add_days(date, days);
        let _ = Span::Months(months).before(date);
        let _ = Span::Days(days).before(date);
    }

    /// The fast search agrees with the rule read one day at a time, on random histories
    /// of up to four episodes with gaps, breaks, exits and re-entries.
    #[test]
    fn agrees_with_the_day_by_day_reading(
        first in date_between("2000-01-01", "2030-12-31"),
        parts in prop::collection::vec(
            (0i64..400, prop::option::of(0i64..=90), 30i64..700, prop::collection::vec((0i64..500, 1i64..40), 0..3)),
            1..=4,
        ),
        open_last in any::<bool>(),
    ) {
        let mut episodes = Vec::new();
        let mut removed = first;
        let count = parts.len();
        for (i, (gap, finding, length, breaks)) in parts.into_iter().enumerate() {
            removed = add_days(removed, gap);
            let exited = add_days(removed, length);
            let mut e = episode("2000-01-01", None, None);
            e.removed = removed;
            e.court_finding = finding.map(|n| add_days(removed, n));
            e.exited = (!(open_last && i + 1 == count)).then_some(exited);
            for (j, (start, len)) in breaks.into_iter().enumerate() {
                let p = Period { from: add_days(removed, start), to: add_days(removed, start + len - 1) };
                if j % 2 == 0 { e.trial_home_visits.push(p.into()) } else { e.runaway.push(p) }
            }
            episodes.push(e);
            removed = exited;
        }
        let c = case(episodes);
        let horizon = add_days(first, 3650);
        prop_assert_eq!(tpr_due(&c, horizon), oracle(&c, horizon));
    }
}
