//! The deadlines a report lists across a whole caseload, kept compact. A state's
//! `deadlines` report can list a million deadlines; a full `Deadline` (its basis, its
//! source, its path in the file) takes some 180 bytes, most of it parts that thousands
//! of deadlines share (the same statute, "the last day of October 2026 in care"). Each
//! listed deadline is kept as a 24-byte row, its parts once each, and made whole again
//! when it is written.

use std::sync::Arc;

use chrono::NaiveDate;
use indexmap::IndexSet;

use crate::policy::deadline::{About, Basis, Deadline, Kind, Status};

/// The listed deadlines of the cases a run keeps rows for, in the order the files were
/// checked (each case's deadlines in its own order).
#[derive(Debug, Default)]
pub struct Listed {
    /// In chunks of `CHUNK` rows: a single vector would be copied whole each time it
    /// grows, holding a state's rows twice for a moment.
    rows: Vec<Vec<ListedRow>>,
    parts: IndexSet<Parts>,
}

/// One deadline: its dates, kind and status, and its shared parts by number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListedRow {
    /// The case's index in `CheckRun::summaries`.
    pub case: u32,
    pub due: NaiveDate,
    pub met_on: Option<NaiveDate>,
    pub kind: Kind,
    pub status: Status,
    cycle: u32,
    parts: u32,
}

/// What many deadlines share: why the date, the source, what meets it, what it is
/// about (a month's visit is about the month its basis names: the two go together).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Parts {
    basis: Basis,
    source: Arc<str>,
    met_by: &'static str,
    about: Option<About>,
}

/// Rows a chunk holds (1.8 MB of them).
const CHUNK: usize = 1 << 16;

impl Listed {
    /// Lists `deadlines` of the case at `case` in the run's rows.
    pub fn add(&mut self, case: u32, deadlines: Vec<Deadline>) {
        for d in deadlines {
            let parts = Parts {
                basis: d.basis,
                source: d.source,
                met_by: d.met_by,
                about: d.about,
            };
            let row = ListedRow {
                case,
                due: d.due,
                met_on: d.met_on,
                kind: d.kind,
                status: d.status,
                cycle: u32::try_from(d.cycle).unwrap_or(u32::MAX),
                parts: index(self.parts.insert_full(parts).0),
            };
            match self.rows.last_mut() {
                Some(chunk) if chunk.len() < CHUNK => chunk.push(row),
                _ => {
                    let mut chunk = Vec::with_capacity(CHUNK);
                    chunk.push(row);
                    self.rows.push(chunk);
                }
            }
        }
    }

    /// How many deadlines are listed.
    pub fn len(&self) -> usize {
        self.rows.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `i`th row, in the order they were listed.
    pub fn row(&self, i: u32) -> Option<&ListedRow> {
        let i = i as usize;
        self.rows.get(i / CHUNK)?.get(i % CHUNK)
    }

    /// The rows in the order they were listed.
    pub fn iter(&self) -> impl Iterator<Item = &ListedRow> {
        self.rows.iter().flatten()
    }

    /// The numbers of the rows `keep` says, in the order of `key`; rows that tie keep
    /// the order they were listed in. Four bytes a row, and the rows stay where they are.
    pub fn order<K: Ord>(
        &self,
        keep: impl Fn(&ListedRow) -> bool,
        key: impl Fn(&ListedRow) -> K,
    ) -> Vec<u32> {
        let mut order: Vec<u32> = (self.iter().zip(0u32..))
            .filter(|(row, _)| keep(row))
            .map(|(_, i)| i)
            .collect();
        // Unstable, on a key made unique by the row's number: a stable sort would take
        // a buffer of half the order again.
        order.sort_unstable_by_key(|&i| (self.row(i).map(&key), i));
        order
    }

    /// The deadline of `row`, whole again, but for its place in the file (`path` is
    /// empty): a listed deadline is shown, never pointed at by a finding.
    pub fn deadline(&self, row: &ListedRow) -> Deadline {
        let parts = self.parts.get_index(row.parts as usize);
        Deadline {
            kind: row.kind,
            due: row.due,
            status: row.status,
            met_on: row.met_on,
            met_by: parts.map_or("", |p| p.met_by),
            basis: parts.map_or(Basis::EndOfStage1, |p| p.basis.clone()),
            source: parts.map_or_else(|| Arc::from(""), |p| Arc::clone(&p.source)),
            about: parts.and_then(|p| p.about.clone()),
            path: String::new(),
            cycle: row.cycle as usize,
        }
    }

    /// Renumbers the rows' cases after the run's rows were sorted: `new_of_old[i]` is
    /// where the case that was at `i` is now.
    pub(super) fn renumber(&mut self, new_of_old: &[u32]) {
        for row in self.rows.iter_mut().flatten() {
            if let Some(&new) = new_of_old.get(row.case as usize) {
                row.case = new;
            }
        }
    }
}

/// An index of a set that holds fewer than 2³² items: one item per deadline at most.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
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
        for (row, whole) in listed.iter().zip(&deadlines) {
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
        assert!(listed.iter().all(|r| r.case == 2));
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
        assert_eq!(listed.order(in_2026, |row| row.due), [2, 0, 1]);
    }

    #[test]
    fn rows_past_the_first_chunk_are_found_by_their_number() {
        let mut listed = Listed::default();
        let days = (0..CHUNK + 3).map(|i| {
            let due =
                NaiveDate::from_ymd_opt(2026, 1, 1).expect("date") + chrono::Days::new((i % 1000) as u64);
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
        let order = listed.order(|_| true, |row| row.due);
        assert_eq!(order.len(), CHUNK + 3);
        // By date, and by the order listed among the same date.
        let cycles: Vec<u32> = order
            .iter()
            .filter_map(|&i| listed.row(i))
            .map(|r| r.cycle)
            .collect();
        assert_eq!(&cycles[..3], [0, 1000, 2000]);
    }

    #[test]
    fn a_row_is_small() {
        assert!(std::mem::size_of::<ListedRow>() <= 24);
    }
}
