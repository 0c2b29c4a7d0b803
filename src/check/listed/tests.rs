use std::fs::File;

use super::*;
use crate::model::HearingKind;

fn deadline(kind: Kind, due: &str, about: Option<About>, cycle: usize) -> Deadline {
    let due: NaiveDate = due.parse().expect("date");
    Deadline {
        kind,
        due,
        status: Status::Overdue,
        met_on: None,
        met_by: "court: permanency hearing",
        basis: Basis::Scheduled {
            hearing: HearingKind::Permanency,
        },
        source: Arc::from("Adoption and Safe Families Act"),
        about,
        path: "court[0]".to_owned(),
        cycle,
    }
}

/// The rows of `ordered`, in order.
fn rows(ordered: &Ordered<'_>) -> Vec<ListedRow> {
    let rows: Vec<ListedRow> = (0..ordered.len()).filter_map(|i| ordered.get(i)).collect();
    assert_eq!(rows.len(), ordered.len());
    rows
}

#[test]
fn a_listed_deadline_is_made_whole_again_but_for_its_path() {
    let deadlines = vec![
        deadline(
            Kind::Hearing,
            "2026-12-01",
            Some(About::Hearing(HearingKind::Permanency)),
            0,
        ),
        deadline(Kind::PermanencyHearing, "2027-01-05", None, 3),
        deadline(
            Kind::Hearing,
            "2027-02-01",
            Some(About::Hearing(HearingKind::Permanency)),
            1,
        ),
    ];
    let mut listed = Listed::default();
    listed.add(7, deadlines.clone());
    assert_eq!(listed.len(), 3);
    // The two about the permanency hearing share their parts.
    assert_eq!(listed.parts.len(), 2);
    for (row, whole) in listed.rows.iter().flatten().zip(&deadlines) {
        assert_eq!(row.case, 7);
        let again = listed.deadline(row);
        assert_eq!(
            again,
            Deadline {
                path: String::new(),
                ..whole.clone()
            }
        );
    }
    listed.renumber(&[0, 0, 0, 0, 0, 0, 0, 2]);
    assert!(listed.rows.iter().flatten().all(|r| r.case == 2));
}

#[test]
fn the_order_keeps_rows_that_tie_in_the_order_they_were_listed() {
    let parent = |id: &str| Some(About::Parent(id.to_owned()));
    let mut listed = Listed::default();
    listed.add(
        0,
        vec![
            deadline(Kind::Fdi, "2026-12-01", parent("mother"), 0),
            deadline(Kind::Fdi, "2026-12-01", parent("father"), 0),
            deadline(Kind::Fdi, "2026-11-01", parent("father"), 1),
            deadline(Kind::Fdi, "2027-01-01", parent("mother"), 1),
        ],
    );
    let in_2026 = |row: &ListedRow| row.due < "2027-01-01".parse::<NaiveDate>().expect("date");
    let ordered = listed.order(in_2026, |row| row.due).expect("in memory");
    let wanted: Vec<ListedRow> = [2, 0, 1].iter().filter_map(|&i| listed.row(i)).copied().collect();
    assert_eq!(rows(&ordered), wanted);
    assert_eq!(ordered.count(Status::Overdue), 3);
}

#[test]
fn rows_past_the_first_chunk_are_found_by_their_number() {
    let mut listed = Listed::default();
    let days = (0..CHUNK + 3).map(|i| {
        let due = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date") + chrono::Days::new((i % 1000) as u64);
        Deadline {
            due,
            ..deadline(Kind::CaseworkerVisit, "2026-01-01", None, i)
        }
    });
    listed.add(1, days.collect());
    assert_eq!(listed.len(), CHUNK + 3);
    let last = u32::try_from(CHUNK + 2).expect("small");
    assert_eq!(listed.row(last).map(|r| r.cycle as usize), Some(CHUNK + 2));
    assert_eq!(listed.row(last + 1), None);
    let ordered = listed.order(|_| true, |row| row.due).expect("in memory");
    assert_eq!(ordered.len(), CHUNK + 3);
    // By date, and by the order listed among the same date.
    let cycles: Vec<u32> = rows(&ordered).iter().map(|r| r.cycle).collect();
    assert_eq!(&cycles[..3], [0, 1000, 2000]);
}

#[test]
fn a_row_is_small() {
    assert!(std::mem::size_of::<ListedRow>() <= 24);
}

/// The deadlines of 40 cases: few dates, kinds and statuses, so that many tie.
fn caseload() -> Vec<(u32, Vec<Deadline>)> {
    let statuses = [Status::Met, Status::Overdue, Status::Upcoming, Status::DueSoon];
    let kinds = [Kind::CaseworkerVisit, Kind::Fdi, Kind::Hearing];
    let parents = ["mother", "father"];
    let mut n: usize = 7;
    (0..40u32)
        .map(|case| {
            let deadlines = (0..case as usize % 9)
                .map(|i| {
                    n = (n * 31 + 17) % 1009;
                    let due = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date")
                        + chrono::Days::new((n % 6) as u64);
                    let about = Some(About::Parent(parents[n % 2].to_owned()));
                    Deadline {
                        due,
                        status: statuses[n % 4],
                        met_on: n.is_multiple_of(4).then_some(due),
                        ..deadline(kinds[n % 3], "2026-01-01", about, i)
                    }
                })
                .collect();
            (case, deadlines)
        })
        .collect()
}

fn listed(in_memory: usize) -> Listed {
    let mut listed = Listed::in_memory_up_to(in_memory);
    for (case, deadlines) in caseload() {
        listed.add(case, deadlines);
    }
    // Cases renumbered as a run's rows are sorted: backwards, two by two.
    let new_of_old: Vec<u32> = (0..40u32).map(|c| 39 - (c ^ 1)).collect();
    listed.renumber(&new_of_old);
    listed
}

/// Overdue first, then by date; the case only by its half, so that rows of several
/// cases tie and keep the order they were listed in. Met ones left out.
fn key(row: &ListedRow) -> (bool, NaiveDate, u32) {
    (row.status != Status::Overdue, row.due, row.case / 20)
}

fn shown(row: &ListedRow) -> bool {
    row.status != Status::Met
}

#[test]
fn staged_rows_are_ordered_as_rows_kept_in_memory() {
    let kept = listed(IN_MEMORY);
    assert!(kept.staged.is_none());
    let wanted = kept.order(shown, key).expect("in memory");
    let wanted_rows = rows(&wanted);
    assert!(wanted_rows.len() > 50, "{}", wanted_rows.len());
    let whole: Vec<Deadline> = wanted_rows.iter().map(|r| kept.deadline(r)).collect();
    // One row in memory, runs of one row; several rows a chunk, a run, a block.
    for in_memory in [1, 2, 3, 5, 16, 64] {
        let staged = listed(in_memory);
        assert_eq!(staged.len(), kept.len());
        assert!(staged.staged.as_ref().is_some_and(|s| s.len() > 0));
        let ordered = staged.order(shown, key).expect("sorted in temporary files");
        let got = rows(&ordered);
        assert_eq!(got, wanted_rows, "{in_memory} rows in memory");
        let got_whole: Vec<Deadline> = got.iter().map(|r| staged.deadline(r)).collect();
        assert_eq!(got_whole, whole);
        for status in [Status::Overdue, Status::DueSoon, Status::Upcoming, Status::Met] {
            assert_eq!(ordered.count(status), wanted.count(status), "{status:?}");
        }
        assert!(ordered.get(ordered.len()).is_none());
        assert!(ordered.failure().is_none());
    }
}

#[test]
fn staged_rows_are_grouped_as_rows_kept_in_memory() {
    let kept = listed(IN_MEMORY);
    let group = |row: &ListedRow| row.case % 3;
    let in_order = kept.order(shown, key).expect("in memory");
    let wanted: Vec<(u32, Vec<ListedRow>, usize)> = (in_order.groups(group).expect("in memory").iter())
        .map(|(k, g)| (*k, rows(g), g.count(Status::Overdue)))
        .collect();
    assert_eq!(wanted.len(), 3);
    for in_memory in [1, 3, 7] {
        let staged = listed(in_memory);
        let in_order = staged.order(shown, key).expect("sorted");
        let got: Vec<(u32, Vec<ListedRow>, usize)> = (in_order.groups(group).expect("grouped").iter())
            .map(|(k, g)| (*k, rows(g), g.count(Status::Overdue)))
            .collect();
        assert_eq!(got, wanted, "{in_memory} rows in memory");
    }
}

/// A list that stages its rows in `file`, past two rows in memory.
fn staging_in(file: File) -> Listed {
    let mut listed = Listed::in_memory_up_to(2);
    listed.staged = Some(Spill::in_file(file));
    for (case, deadlines) in caseload().into_iter().take(10) {
        listed.add(case, deadlines);
    }
    listed
}

#[test]
fn rows_that_cannot_be_staged_fail_the_order() {
    let path = tempfile::NamedTempFile::new().expect("a temporary file");
    let read_only = File::open(path.path()).expect("opened");
    let listed = staging_in(read_only);
    assert!(matches!(listed.order(shown, key), Err(SpillError::Write { .. })));
}

#[test]
fn rows_that_cannot_be_read_back_fail_the_order_or_are_a_failure() {
    let path = tempfile::NamedTempFile::new().expect("a temporary file");
    let write_only = || File::options().write(true).open(path.path()).expect("opened");
    let listed = staging_in(write_only());
    assert!(matches!(listed.order(shown, key), Err(SpillError::Read { .. })));
    // Rows sorted, then not read back as the report is written.
    let mut spill = Spill::in_file(write_only());
    let row = listed
        .rows
        .iter()
        .flatten()
        .next()
        .copied()
        .expect("a row in memory");
    spill.append(&[row, row]).expect("written");
    let ordered = Ordered::staged(&listed, Arc::new(spill), 0, 2, [2, 0, 0, 0]);
    assert!(ordered.failure().is_none());
    assert_eq!(ordered.get(1), None);
    assert!(matches!(ordered.failure(), Some(SpillError::Read { .. })));
}
