//! The deadlines a report lists across a whole caseload, kept compact. A state's
//! `deadlines` report can list millions of deadlines; a full `Deadline` (its basis, its
//! source, its path in the file) takes some 180 bytes, most of it parts that thousands
//! of deadlines share (the same statute, "the last day of October 2026 in care"). Each
//! listed deadline is kept as a 24-byte row, its parts once each, and made whole again
//! when it is written. Past 262,144 rows (`IN_MEMORY`), the rows are staged in a
//! temporary file as they come (`spill`) and sorted outside memory (`ordered`): a
//! state's 3.3 million (100,000 cases) took 80 MB as rows, 13 MB more to order them.

mod ordered;
mod spill;

use std::sync::Arc;

use chrono::NaiveDate;
use indexmap::IndexSet;

pub use ordered::Ordered;
use ordered::Sizes;
use spill::Spill;
pub use spill::SpillError;

use crate::policy::deadline::{About, Basis, Deadline, Kind, Status};

/// The listed deadlines of the cases a run keeps rows for, in the order the files were
/// checked (each case's deadlines in its own order): the first ones staged in a
/// temporary file once there are more than a run keeps in memory, the last in memory.
#[derive(Debug)]
pub struct Listed {
    /// In chunks of `Sizes::chunk` rows: a single vector would be copied whole each
    /// time it grows, holding a state's rows twice for a moment.
    rows: Vec<Vec<ListedRow>>,
    parts: IndexSet<Parts>,
    /// The rows before those in memory, once there were too many to keep.
    staged: Option<Spill>,
    /// Why rows could not be staged: they are lost, and the report must fail.
    failed: Option<SpillError>,
    /// How the staged rows' cases were renumbered after the run (`renumber`).
    renumbered: Option<Vec<u32>>,
    sizes: Sizes,
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

/// Rows a chunk holds (1.5 MB of them).
const CHUNK: usize = 1 << 16;

/// Rows a run keeps in memory (6 MB of them; every deadline of about 8,000 cases, the
/// deadlines due within 30 days of 20,000): past them, the rows are staged in a
/// temporary file, and then every chunk as soon as it is full.
pub const IN_MEMORY: usize = 1 << 18;

/// Rows sorted at once when the rows are sorted outside memory (7 MB with their
/// numbers), and rows read back at once (48 KB).
const RUN: usize = 1 << 18;
const BLOCK: usize = 1 << 11;

impl Default for Listed {
    fn default() -> Listed {
        Listed::in_memory_up_to(IN_MEMORY)
    }
}

impl Listed {
    /// A list that keeps `rows` rows in memory, and stages the rest in a temporary file.
    pub fn in_memory_up_to(rows: usize) -> Listed {
        let rows = rows.max(1);
        Listed {
            rows: Vec::new(),
            parts: IndexSet::new(),
            staged: None,
            failed: None,
            renumbered: None,
            sizes: Sizes {
                in_memory: rows,
                chunk: CHUNK.min(rows),
                run: RUN.min(rows),
                block: BLOCK.min(rows),
            },
        }
    }

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
            self.push(row);
        }
    }

    fn push(&mut self, row: ListedRow) {
        match self.rows.last_mut() {
            Some(chunk) if chunk.len() < self.sizes.chunk => chunk.push(row),
            _ => {
                let mut chunk = if self.staged.is_some() || self.in_memory() >= self.sizes.in_memory {
                    self.stage()
                } else {
                    None
                }
                .unwrap_or_else(|| Vec::with_capacity(self.sizes.chunk));
                chunk.push(row);
                self.rows.push(chunk);
            }
        }
    }

    /// Writes the rows in memory to the temporary file (made the first time), and
    /// gives back a chunk to fill again. Once a write failed, rows are let go.
    fn stage(&mut self) -> Option<Vec<ListedRow>> {
        if self.failed.is_none() && self.staged.is_none() {
            match Spill::new() {
                Ok(spill) => self.staged = Some(spill),
                Err(e) => self.failed = Some(e),
            }
        }
        if let (None, Some(spill)) = (&self.failed, &mut self.staged) {
            for chunk in &self.rows {
                if let Err(e) = spill.append(chunk) {
                    self.failed = Some(SpillError::write(e));
                    break;
                }
            }
        }
        let mut chunk = self.rows.pop()?;
        self.rows.clear();
        chunk.clear();
        Some(chunk)
    }

    /// How many rows are in memory.
    fn in_memory(&self) -> usize {
        self.rows.iter().map(Vec::len).sum()
    }

    /// How many rows were staged in the file.
    fn staged_len(&self) -> u64 {
        self.staged.as_ref().map_or(0, Spill::len)
    }

    /// How many deadlines are listed.
    pub fn len(&self) -> usize {
        usize::try_from(self.staged_len()).unwrap_or(usize::MAX) + self.in_memory()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `i`th row in the order they were listed, if it is in memory.
    fn row(&self, i: u32) -> Option<&ListedRow> {
        let i = (i as usize).checked_sub(usize::try_from(self.staged_len()).ok()?)?;
        self.rows.get(i / self.sizes.chunk)?.get(i % self.sizes.chunk)
    }

    /// The rows `keep` says, in the order of `key`; rows that tie keep the order they
    /// were listed in. The rows in memory are ordered through their numbers (4 bytes a
    /// row), and stay where they are; staged rows are sorted in temporary files.
    pub fn order<K: Ord>(
        &self,
        keep: impl Fn(&ListedRow) -> bool,
        key: impl Fn(&ListedRow) -> K,
    ) -> Result<Ordered<'_>, SpillError> {
        if let Some(failed) = &self.failed {
            return Err(failed.clone());
        }
        if let Some(staged) = &self.staged {
            return ordered::sort_staged(self, staged, keep, key);
        }
        let mut order: Vec<u32> = (self.rows.iter().flatten().zip(0u32..))
            .filter(|(row, _)| keep(row))
            .map(|(_, i)| i)
            .collect();
        // Unstable, on a key made unique by the row's number: a stable sort would take
        // a buffer of half the order again.
        order.sort_unstable_by_key(|&i| (self.row(i).map(&key), i));
        Ok(Ordered::picked(self, order))
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
    /// where the case that was at `i` is now; once every row is listed. Staged rows are
    /// renumbered as they are read back (`renumbered`).
    pub(super) fn renumber(&mut self, new_of_old: &[u32]) {
        for row in self.rows.iter_mut().flatten() {
            row.case = renumbered(row.case, new_of_old);
        }
        if self.staged.is_some() {
            self.renumbered = Some(match self.renumbered.take() {
                // Renumbered twice: the second numbering of the first.
                Some(first) => first.iter().map(|&c| renumbered(c, new_of_old)).collect(),
                None => new_of_old.to_vec(),
            });
        }
    }

    /// `row` of the file, its case renumbered as `renumber` said.
    fn renumbered(&self, row: ListedRow) -> ListedRow {
        match &self.renumbered {
            Some(new_of_old) => ListedRow {
                case: renumbered(row.case, new_of_old),
                ..row
            },
            None => row,
        }
    }
}

/// Where the case at `case` is after a renumbering (where it was if the renumbering
/// does not say).
fn renumbered(case: u32, new_of_old: &[u32]) -> u32 {
    new_of_old.get(case as usize).copied().unwrap_or(case)
}

/// An index of a set that holds fewer than 2³² items: one item per deadline at most.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests;
