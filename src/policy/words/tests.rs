use super::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

#[test]
fn a_basis_reads_as_a_sentence_without_internal_words() {
    let review = Basis::Term {
        anchor: Anchor::Efc,
        date: date(2026, 6, 30),
        offset: Some((Sign::Plus, Span::Months(6))),
    };
    assert_eq!(
        basis(&review),
        "6 months after entering foster care on 2026-06-30"
    );
    let restart = Basis::Restart {
        previous: date(2026, 7, 7),
        every: Span::Months(12),
    };
    assert_eq!(
        basis_of(Kind::PermanencyHearing, &restart),
        "12 months after the latest permanency hearing on 2026-07-07"
    );
    let report = Basis::BeforeHearing {
        hearing: HearingKind::Review,
        date: date(2026, 12, 22),
        days: 10,
    };
    assert_eq!(basis(&report), "10 days before the review hearing on 2026-12-22");
    for b in [review, restart, report, Basis::EndOfStage1] {
        let words = basis(&b);
        assert!(!words.contains("efc") && !words.contains('_'), "{words}");
    }
}
