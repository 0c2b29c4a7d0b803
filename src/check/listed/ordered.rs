//! Listed rows in a report's order. Rows kept in memory are ordered through their
//! numbers, as they always were; rows staged in a temporary file (a whole state's) are
//! sorted outside memory: read back `Sizes::run` rows at a time (renumbered, filtered
//! by the report's window), each such run sorted and written to a second file, and the
//! runs merged into a third, read back a block at a time as the report is written (a
//! terminal table reads it twice: measured, then drawn). Memory stays at a run while
//! sorting and a block a run while merging, however many deadlines are listed.

use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BinaryHeap};
use std::io;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use super::spill::{Reader, Spill, SpillError};
use super::{Listed, ListedRow};
use crate::policy::deadline::Status;

/// The listed rows a report shows, in its order, and how many of each status.
#[derive(Debug)]
pub struct Ordered<'a> {
    listed: &'a Listed,
    rows: Rows,
    /// By `Status as usize`.
    counts: [usize; 4],
    /// The first row that could not be read back (`get` then gives nothing): the report
    /// must fail rather than end short.
    failed: OnceLock<SpillError>,
}

#[derive(Debug)]
enum Rows {
    /// Rows of `Listed` in memory, by number.
    Picked(Vec<u32>),
    /// Rows `first..first + len` of a file, and the block of them last read.
    Staged {
        spill: Arc<Spill>,
        first: u64,
        len: usize,
        block: Mutex<Block>,
        block_rows: usize,
    },
}

#[derive(Debug, Default)]
struct Block {
    first: usize,
    rows: Vec<ListedRow>,
}

impl<'a> Ordered<'a> {
    /// The rows of `listed` numbered `picked`, in that order.
    pub(super) fn picked(listed: &'a Listed, picked: Vec<u32>) -> Ordered<'a> {
        let mut counts = [0; 4];
        for row in picked.iter().filter_map(|&i| listed.row(i)) {
            counts[row.status as usize] += 1;
        }
        Ordered::of(listed, Rows::Picked(picked), counts)
    }

    pub(super) fn staged(
        listed: &'a Listed,
        spill: Arc<Spill>,
        first: u64,
        len: usize,
        counts: [usize; 4],
    ) -> Ordered<'a> {
        let block_rows = listed.sizes.block;
        let rows = Rows::Staged {
            spill,
            first,
            len,
            block: Mutex::new(Block::default()),
            block_rows,
        };
        Ordered::of(listed, rows, counts)
    }

    fn of(listed: &'a Listed, rows: Rows, counts: [usize; 4]) -> Ordered<'a> {
        Ordered {
            listed,
            rows,
            counts,
            failed: OnceLock::new(),
        }
    }

    /// The list the rows belong to (their shared parts).
    pub fn listed(&self) -> &'a Listed {
        self.listed
    }

    pub fn len(&self) -> usize {
        match &self.rows {
            Rows::Picked(picked) => picked.len(),
            Rows::Staged { len, .. } => *len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many of the rows have `status`.
    pub fn count(&self, status: Status) -> usize {
        self.counts[status as usize]
    }

    /// The `i`th row (`None` past the end, or when it cannot be read back: see `failure`).
    pub fn get(&self, i: usize) -> Option<ListedRow> {
        match &self.rows {
            Rows::Picked(picked) => self.listed.row(*picked.get(i)?).copied(),
            Rows::Staged {
                spill,
                first,
                len,
                block,
                block_rows,
            } => {
                if i >= *len {
                    return None;
                }
                let mut block = block.lock().unwrap_or_else(PoisonError::into_inner);
                if i < block.first || i >= block.first + block.rows.len() {
                    // Read as blocks from the start: a table reads its rows in order.
                    block.first = i - i % block_rows;
                    let count = (*block_rows).min(len - block.first);
                    let at = first + block.first as u64;
                    if let Err(e) = spill.read(at, count, &mut block.rows) {
                        block.rows.clear();
                        let _ = self.failed.set(SpillError::read(e));
                        return None;
                    }
                }
                block.rows.get(i - block.first).copied()
            }
        }
    }

    /// Why a row could not be read back, if one could not.
    pub fn failure(&self) -> Option<&SpillError> {
        self.failed.get()
    }

    /// The rows in groups by `key`, groups in the order of their key, each in the order
    /// of these rows.
    pub fn groups<K: Ord + Clone>(
        &self,
        key: impl Fn(&ListedRow) -> K,
    ) -> Result<Vec<(K, Ordered<'a>)>, SpillError> {
        let listed = self.listed;
        let (spill, first, len) = match &self.rows {
            Rows::Picked(picked) => {
                let mut groups: BTreeMap<K, Vec<u32>> = BTreeMap::new();
                for &at in picked {
                    if let Some(row) = listed.row(at) {
                        groups.entry(key(row)).or_default().push(at);
                    }
                }
                let groups = groups.into_iter();
                return Ok(groups
                    .map(|(k, picked)| (k, Ordered::picked(listed, picked)))
                    .collect());
            }
            Rows::Staged {
                spill, first, len, ..
            } => (spill, *first, *len),
        };
        let rows = Reader::new(spill, first, first + len as u64, listed.sizes.block);
        let runs = Runs::sort(rows, &key, listed.sizes)?;
        let mut groups: Vec<(K, u64, usize, [usize; 4])> = Vec::new();
        let spill = Arc::new(runs.merge(&key, |at, row, k| match groups.last_mut() {
            Some((last, _, len, counts)) if last == k => {
                *len += 1;
                counts[row.status as usize] += 1;
            }
            _ => {
                let mut counts = [0; 4];
                counts[row.status as usize] += 1;
                groups.push((k.clone(), at, 1, counts));
            }
        })?);
        Ok(groups
            .into_iter()
            .map(|(k, first, len, counts)| {
                (k, Ordered::staged(listed, Arc::clone(&spill), first, len, counts))
            })
            .collect())
    }
}

/// How many rows a list keeps in memory, sorts at once, and reads back at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Sizes {
    /// Rows kept in memory before any is staged.
    pub in_memory: usize,
    /// Rows of a chunk (the rows in memory are kept in chunks).
    pub chunk: usize,
    /// Rows sorted at once.
    pub run: usize,
    /// Rows read back at once.
    pub block: usize,
}

/// Sorted runs in a temporary file: each a stretch of the rows given, in the order
/// given, sorted by a key, ties in the order given.
struct Runs {
    spill: Spill,
    /// Where each run starts and ends in `spill`.
    bounds: Vec<(u64, u64)>,
    block: usize,
}

impl Runs {
    /// `rows` in runs of `sizes.run`, each sorted by `key`.
    fn sort<K: Ord>(
        rows: impl Iterator<Item = io::Result<ListedRow>>,
        key: &impl Fn(&ListedRow) -> K,
        sizes: Sizes,
    ) -> Result<Runs, SpillError> {
        let mut runs = Runs {
            spill: Spill::new()?,
            bounds: Vec::new(),
            block: sizes.block,
        };
        let mut run = Vec::with_capacity(sizes.run);
        for row in rows {
            run.push(row.map_err(SpillError::read)?);
            if run.len() == sizes.run {
                runs.push(&mut run, key).map_err(SpillError::write)?;
            }
        }
        if !run.is_empty() {
            runs.push(&mut run, key).map_err(SpillError::write)?;
        }
        Ok(runs)
    }

    /// Sorts `run` and writes it as the next run, leaving `run` empty.
    fn push<K: Ord>(&mut self, run: &mut Vec<ListedRow>, key: &impl Fn(&ListedRow) -> K) -> io::Result<()> {
        // Through the rows' numbers (4 bytes each), unstable, on a key made unique by
        // the number: a stable sort would take a buffer of as many rows again.
        let mut order: Vec<u32> = (0..u32::try_from(run.len()).unwrap_or(u32::MAX)).collect();
        order.sort_unstable_by_key(|&i| (run.get(i as usize).map(key), i));
        let first = self.spill.len();
        let mut piece = Vec::with_capacity(self.block.min(run.len()));
        for chunk in order.chunks(self.block) {
            piece.clear();
            piece.extend(chunk.iter().filter_map(|&i| run.get(i as usize)));
            self.spill.append(&piece)?;
        }
        self.bounds.push((first, self.spill.len()));
        run.clear();
        Ok(())
    }

    /// The runs merged into one file, in the order of `key` (ties: the earlier run
    /// first, so the order of the rows given), calling `each` with each row's place
    /// in the file, the row and its key.
    fn merge<K: Ord>(
        &self,
        key: &impl Fn(&ListedRow) -> K,
        mut each: impl FnMut(u64, &ListedRow, &K),
    ) -> Result<Spill, SpillError> {
        let mut out = Spill::new()?;
        let mut cursors: Vec<Reader<'_>> = (self.bounds.iter())
            .map(|&(first, end)| Reader::new(&self.spill, first, end, self.block))
            .collect();
        let mut heads = BinaryHeap::with_capacity(cursors.len());
        for (run, cursor) in cursors.iter_mut().enumerate() {
            if let Some(row) = cursor.next() {
                heads.push(Reverse(Head::new(row.map_err(SpillError::read)?, run, key)));
            }
        }
        let mut piece = Vec::with_capacity(self.block);
        while let Some(Reverse(head)) = heads.pop() {
            each(out.len() + piece.len() as u64, &head.row, &head.key);
            piece.push(head.row);
            if piece.len() == self.block {
                out.append(&piece).map_err(SpillError::write)?;
                piece.clear();
            }
            if let Some(row) = cursors.get_mut(head.run).and_then(Iterator::next) {
                heads.push(Reverse(Head::new(row.map_err(SpillError::read)?, head.run, key)));
            }
        }
        out.append(&piece).map_err(SpillError::write)?;
        Ok(out)
    }
}

/// The next row of a run, ordered by its key, then by its run.
struct Head<K> {
    key: K,
    run: usize,
    row: ListedRow,
}

impl<K> Head<K> {
    fn new(row: ListedRow, run: usize, key: &impl Fn(&ListedRow) -> K) -> Head<K> {
        Head {
            key: key(&row),
            run,
            row,
        }
    }
}

impl<K: Ord> Ord for Head<K> {
    fn cmp(&self, other: &Self) -> Ordering {
        (&self.key, self.run).cmp(&(&other.key, other.run))
    }
}

impl<K: Ord> PartialOrd for Head<K> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<K: Ord> PartialEq for Head<K> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl<K: Ord> Eq for Head<K> {}

/// Sorts the rows of `listed` that `keep` says, staged ones (renumbered) and those in
/// memory, outside memory.
pub(super) fn sort_staged<'a, K: Ord>(
    listed: &'a Listed,
    staged: &Spill,
    keep: impl Fn(&ListedRow) -> bool,
    key: impl Fn(&ListedRow) -> K,
) -> Result<Ordered<'a>, SpillError> {
    let sizes = listed.sizes;
    let staged_rows =
        Reader::new(staged, 0, staged.len(), sizes.block).map(|row| row.map(|row| listed.renumbered(row)));
    let in_memory = listed.rows.iter().flatten().map(|row| Ok(*row));
    let rows = staged_rows
        .chain(in_memory)
        .filter(|row| row.as_ref().map_or(true, &keep));
    let runs = Runs::sort(rows, &key, sizes)?;
    let mut counts = [0; 4];
    let mut len = 0;
    let spill = runs.merge(&key, |_, row, _| {
        counts[row.status as usize] += 1;
        len += 1;
    })?;
    Ok(Ordered::staged(listed, Arc::new(spill), 0, len, counts))
}
