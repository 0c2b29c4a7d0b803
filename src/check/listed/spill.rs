//! Listed rows staged in a temporary file: those of a whole state are more than a
//! report may hold (3.3 million deadlines, 80 MB, at 100,000 cases), and they are
//! read back a block at a time, in the order they were written, to be sorted.
//!
//! Each row is written as 22 bytes: its case number, due and met dates, kind and status
//! codes, cycle and number of shared parts. No name, no text: the parts (basis, source,
//! what a deadline is about) stay in memory. The file is made by `tempfile::tempfile()`
//! in the temporary folder ($TMPDIR, else /tmp): removed from the folder as it is
//! created (no other process can open it by a name), readable by its owner only, and
//! gone when cplan ends, however it ends. The README says so.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{Datelike, NaiveDate};

use super::ListedRow;
use crate::policy::deadline::{Kind, Status};

/// Bytes a row takes in the file.
const ROW_BYTES: usize = 22;

/// The statuses by their code (`Status as u8`).
const STATUSES: [Status; 4] = [Status::Overdue, Status::DueSoon, Status::Upcoming, Status::Met];

/// Why the deadlines of a report could not be staged and sorted in a temporary file.
/// The report fails rather than leave deadlines out.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SpillError {
    #[error(
        "cannot make a temporary file to sort the deadlines in (in {}; set TMPDIR to another folder)",
        dir.display()
    )]
    Create {
        dir: PathBuf,
        #[source]
        source: Arc<io::Error>,
    },
    #[error(
        "cannot sort the deadlines in a temporary file (in {}; set TMPDIR to a folder with more room)",
        dir.display()
    )]
    Write {
        dir: PathBuf,
        #[source]
        source: Arc<io::Error>,
    },
    #[error("cannot read back the deadlines sorted in a temporary file (in {}): the report is incomplete", dir.display())]
    Read {
        dir: PathBuf,
        #[source]
        source: Arc<io::Error>,
    },
}

impl SpillError {
    pub(super) fn write(source: io::Error) -> SpillError {
        SpillError::Write {
            dir: std::env::temp_dir(),
            source: Arc::new(source),
        }
    }

    pub(super) fn read(source: io::Error) -> SpillError {
        SpillError::Read {
            dir: std::env::temp_dir(),
            source: Arc::new(source),
        }
    }
}

/// Rows written one after the other to a temporary file, and read back by number.
#[derive(Debug)]
pub struct Spill {
    /// Behind a lock: the rows are read back from the threads that write a report.
    file: Mutex<File>,
    rows: u64,
}

impl Spill {
    /// An empty file.
    pub(super) fn new() -> Result<Spill, SpillError> {
        let file = tempfile::tempfile().map_err(|source| SpillError::Create {
            dir: std::env::temp_dir(),
            source: Arc::new(source),
        })?;
        Ok(Spill::in_file(file))
    }

    /// Rows staged in `file` (tests give one that fails).
    pub(super) fn in_file(file: File) -> Spill {
        Spill {
            file: Mutex::new(file),
            rows: 0,
        }
    }

    /// How many rows were written.
    pub(super) fn len(&self) -> u64 {
        self.rows
    }

    /// Writes `rows` after those written before.
    pub(super) fn append(&mut self, rows: &[ListedRow]) -> io::Result<()> {
        let file = self.file.get_mut().unwrap_or_else(PoisonError::into_inner);
        let mut bytes = Vec::with_capacity(rows.len().min(4096) * ROW_BYTES);
        for piece in rows.chunks(4096) {
            bytes.clear();
            for row in piece {
                bytes.extend_from_slice(&encode(row));
            }
            file.write_all(&bytes)?;
        }
        self.rows += rows.len() as u64;
        Ok(())
    }

    /// Rows `first..first + count` (as many as were written), in place of what `into` held.
    pub(super) fn read(&self, first: u64, count: usize, into: &mut Vec<ListedRow>) -> io::Result<()> {
        into.clear();
        let count = count.min(usize::try_from(self.rows.saturating_sub(first)).unwrap_or(usize::MAX));
        let mut bytes = vec![0; count * ROW_BYTES];
        {
            // A poisoned lock only means another thread panicked while reading.
            let mut file = self.file.lock().unwrap_or_else(PoisonError::into_inner);
            file.seek(SeekFrom::Start(first * ROW_BYTES as u64))?;
            file.read_exact(&mut bytes)?;
        }
        for row in bytes.chunks_exact(ROW_BYTES) {
            into.push(decode(row)?);
        }
        Ok(())
    }
}

/// Rows `next..end` of a spill, read a block at a time.
pub(super) struct Reader<'s> {
    spill: &'s Spill,
    next: u64,
    end: u64,
    block: Vec<ListedRow>,
    at: usize,
    block_rows: usize,
}

impl<'s> Reader<'s> {
    pub(super) fn new(spill: &'s Spill, first: u64, end: u64, block_rows: usize) -> Reader<'s> {
        Reader {
            spill,
            next: first,
            end: end.min(spill.len()),
            block: Vec::new(),
            at: 0,
            block_rows: block_rows.max(1),
        }
    }
}

impl Iterator for Reader<'_> {
    type Item = io::Result<ListedRow>;

    fn next(&mut self) -> Option<io::Result<ListedRow>> {
        if self.at == self.block.len() {
            if self.next >= self.end {
                return None;
            }
            let count =
                usize::try_from(self.end - self.next).map_or(self.block_rows, |n| n.min(self.block_rows));
            if let Err(e) = self.spill.read(self.next, count, &mut self.block) {
                // Nothing after a failed read: the reader ends on the error.
                self.next = self.end;
                self.block.clear();
                self.at = 0;
                return Some(Err(e));
            }
            self.next += self.block.len() as u64;
            self.at = 0;
            if self.block.is_empty() {
                self.next = self.end;
                return None;
            }
        }
        let row = self.block.get(self.at).copied();
        self.at += 1;
        row.map(Ok)
    }
}

fn encode(row: &ListedRow) -> [u8; ROW_BYTES] {
    let mut bytes = [0; ROW_BYTES];
    bytes[0..4].copy_from_slice(&row.case.to_le_bytes());
    bytes[4..8].copy_from_slice(&row.due.num_days_from_ce().to_le_bytes());
    let met_on = row.met_on.map_or(i32::MIN, |d| d.num_days_from_ce());
    bytes[8..12].copy_from_slice(&met_on.to_le_bytes());
    bytes[12] = row.kind as u8;
    bytes[13] = row.status as u8;
    bytes[14..18].copy_from_slice(&row.cycle.to_le_bytes());
    bytes[18..22].copy_from_slice(&row.parts.to_le_bytes());
    bytes
}

fn decode(bytes: &[u8]) -> io::Result<ListedRow> {
    let broken = || io::Error::new(io::ErrorKind::InvalidData, "a row staged in the file is broken");
    let u32_at = |at: usize| -> io::Result<u32> {
        let four = bytes.get(at..at + 4).and_then(|b| <[u8; 4]>::try_from(b).ok());
        four.map(u32::from_le_bytes).ok_or_else(broken)
    };
    let date_at = |at: usize| -> io::Result<Option<NaiveDate>> {
        let days = u32_at(at)?.cast_signed();
        if days == i32::MIN {
            return Ok(None);
        }
        NaiveDate::from_num_days_from_ce_opt(days)
            .map(Some)
            .ok_or_else(broken)
    };
    let code = |at: usize| bytes.get(at).map(|&c| usize::from(c)).ok_or_else(broken);
    Ok(ListedRow {
        case: u32_at(0)?,
        due: date_at(4)?.ok_or_else(broken)?,
        met_on: date_at(8)?,
        kind: Kind::ALL.get(code(12)?).copied().ok_or_else(broken)?,
        status: STATUSES.get(code(13)?).copied().ok_or_else(broken)?,
        cycle: u32_at(14)?,
        parts: u32_at(18)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(case: u32, due: &str, met_on: Option<&str>, kind: Kind, status: Status) -> ListedRow {
        let date = |d: &str| d.parse::<NaiveDate>().expect("date");
        ListedRow {
            case,
            due: date(due),
            met_on: met_on.map(date),
            kind,
            status,
            cycle: case.wrapping_mul(7),
            parts: case.wrapping_mul(3),
        }
    }

    #[test]
    fn every_kind_and_status_is_read_back_as_written() {
        let mut rows = Vec::new();
        for (i, &kind) in Kind::ALL.iter().enumerate() {
            for (j, &status) in STATUSES.iter().enumerate() {
                let met_on = (j % 2 == 0).then_some("2025-02-28");
                let case = u32::try_from(i * 4 + j).expect("small");
                rows.push(row(case, "2026-11-24", met_on, kind, status));
            }
        }
        rows.push(row(
            u32::MAX,
            "0001-01-01",
            Some("9999-12-31"),
            Kind::StageChange,
            Status::Met,
        ));
        for row in &rows {
            assert_eq!(decode(&encode(row)).expect("decoded"), *row);
        }
        for (i, status) in STATUSES.into_iter().enumerate() {
            assert_eq!(status as usize, i);
        }
        let mut spill = Spill::new().expect("a temporary file");
        spill.append(&rows[..5]).expect("written");
        spill.append(&rows[5..]).expect("written");
        assert_eq!(spill.len(), rows.len() as u64);
        let back: Vec<ListedRow> = Reader::new(&spill, 0, spill.len(), 3)
            .collect::<io::Result<_>>()
            .expect("read");
        assert_eq!(back, rows);
        let mut some = Vec::new();
        spill.read(62, 10, &mut some).expect("read");
        assert_eq!(some, rows[62..]);
    }

    #[test]
    fn a_broken_row_is_an_error_not_a_row() {
        let mut bytes = encode(&row(1, "2026-11-24", None, Kind::Fdi, Status::Overdue));
        bytes[12] = 200;
        assert!(decode(&bytes).is_err());
    }
}
