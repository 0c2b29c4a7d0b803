//! The agendas of every case due, staged on disk while the check goes on. A state's
//! agendas for the next two months are far more than memory holds (a gigabyte of JSON
//! for 100,000 cases), and so are the whole cases they are built from; yet they are
//! written in the order of the list (by review date), and the findings of the rules
//! across files (duplicate ids, siblings), which an agenda shows, are known only at
//! the end of the run. So each agenda is built as soon as the check has read its case
//! (a batch of cases at a time, in parallel), the case is let go, and the agenda is
//! written to a temporary file; at the end the agendas are read back in the order of
//! the list, finished with the findings across files (`agenda::Early`) and written out.
//!
//! Case data is confidential: the file is made by `tempfile::tempfile()` in the
//! temporary folder ($TMPDIR, else /tmp), removed from the folder as it is created
//! (no other process can open it by a name), readable by its owner only, and gone
//! when cplan ends, however it ends. The README says so.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Built, Making, early, not_built};
use crate::check::{CheckRun, KeptCase};
use crate::finding::Finding;
use crate::output::svg::Figure;
use crate::report::agenda::{self, Early};
use crate::summary::CaseSummary;

/// Agendas built in parallel before they are written to the file.
const STAGED_AT_ONCE: usize = 64;

/// One agenda as it is staged: not finished, and the picture of its case.
#[derive(Serialize, Deserialize)]
struct Staged {
    early: Early,
    picture: Option<Figure>,
}

/// Where an agenda lies in the file: its first byte and its length.
#[derive(Debug, Clone, Copy)]
struct Place {
    at: u64,
    len: usize,
}

/// The temporary file being written while the check goes on, and where each agenda is
/// in it, by the case's file. A case due without a place has no agenda (its case has
/// no removal episode to count from): the list says so where it would have been.
pub(super) struct Spool {
    file: File,
    written: u64,
    places: HashMap<Arc<Path>, Place>,
    making: Making,
    until: NaiveDate,
    /// The first write that failed (a full disk): the run goes on, and fails at the end.
    failed: Option<std::io::Error>,
}

impl Spool {
    /// `until`: the last day a review or hearing puts a case on the list.
    pub(super) fn new(making: Making, until: NaiveDate) -> Result<Spool> {
        let file = tempfile::tempfile().with_context(|| {
            format!(
                "cannot make a temporary file to stage the agendas in (in {}; set TMPDIR to another folder)",
                std::env::temp_dir().display()
            )
        })?;
        Ok(Spool {
            file,
            written: 0,
            places: HashMap::new(),
            making,
            until,
            failed: None,
        })
    }

    /// Builds the agendas of a batch of kept cases (`rows`: the batch's rows) in
    /// parallel and appends them to the file; gives back the rows of the cases due as
    /// the list needs them (`listed`).
    pub(super) fn stage(&mut self, mut kept: Vec<KeptCase>, rows: Vec<CaseSummary>) -> Vec<CaseSummary> {
        let by_file: HashMap<&Path, &CaseSummary> = rows.iter().map(|row| (&*row.file, row)).collect();
        // A few agendas at a time, each case let go as its agenda is built: half the
        // files of a batch may be due, and their cases and agendas together would be
        // most of the memory the run takes.
        while self.failed.is_none() && !kept.is_empty() {
            let chunk = kept.split_off(kept.len().saturating_sub(STAGED_AT_ONCE));
            let staged = self.build(chunk, &by_file);
            if let Err(e) = self.append(staged) {
                self.failed = Some(e);
            }
        }
        drop(by_file);
        let until = self.until;
        rows.into_iter().filter_map(|row| listed(row, until)).collect()
    }

    /// The agendas of the cases `kept`, as they are written to the file.
    fn build(
        &self,
        kept: Vec<KeptCase>,
        rows: &HashMap<&Path, &CaseSummary>,
    ) -> Vec<(Arc<Path>, serde_json::Result<Vec<u8>>)> {
        let making = self.making;
        kept.into_par_iter()
            .filter_map(|kept| {
                let row = rows.get(&*kept.file)?;
                let (early, picture) = early(&kept, row, Vec::new(), making)?;
                Some((
                    Arc::clone(&row.file),
                    serde_json::to_vec(&Staged { early, picture }),
                ))
            })
            .collect()
    }

    fn append(&mut self, staged: Vec<(Arc<Path>, serde_json::Result<Vec<u8>>)>) -> std::io::Result<()> {
        for (file, bytes) in staged {
            let bytes = bytes.map_err(std::io::Error::other)?;
            self.file.write_all(&bytes)?;
            let place = Place {
                at: self.written,
                len: bytes.len(),
            };
            self.written += bytes.len() as u64;
            self.places.insert(file, place);
        }
        Ok(())
    }

    /// The agendas staged, to be read back; an error if one could not be written.
    pub(super) fn finished(self) -> Result<Reader> {
        if let Some(e) = self.failed {
            return Err(anyhow::Error::new(e).context(format!(
                "cannot stage the agendas in a temporary file (in {}; set TMPDIR to a folder with more room)",
                std::env::temp_dir().display()
            )));
        }
        Ok(Reader {
            file: Mutex::new(self.file),
            places: self.places,
        })
    }
}

/// The staged agendas, read back one at a time (from several threads).
pub(super) struct Reader {
    file: Mutex<File>,
    places: HashMap<Arc<Path>, Place>,
}

impl Reader {
    /// The agenda of the case of `row`, finished with the findings of the rules across
    /// files about its file (`across`, by file).
    pub(super) fn agenda(&self, row: &CaseSummary, across: &HashMap<&Path, Vec<&Finding>>) -> Result<Built> {
        let place = self.places.get(&row.file).ok_or_else(|| not_built(row))?;
        let bytes = self
            .read(*place)
            .context("cannot read back the agendas staged in a temporary file")?;
        let staged: Staged = serde_json::from_slice(&bytes)
            .context("cannot read back the agendas staged in a temporary file")?;
        let across = across.get(&*row.file).map_or(&[][..], Vec::as_slice);
        Ok(Built {
            agenda: staged.early.finish(across),
            picture: staged.picture,
        })
    }

    fn read(&self, place: Place) -> std::io::Result<Vec<u8>> {
        let mut bytes = vec![0; place.len];
        // A poisoned lock only means another thread panicked while reading.
        let mut file = self.file.lock().unwrap_or_else(PoisonError::into_inner);
        file.seek(SeekFrom::Start(place.at))?;
        file.read_exact(&mut bytes)?;
        Ok(bytes)
    }
}

/// The row of a case due by `until` as the list needs it once its agenda is staged:
/// its id and file (the order of the list, the agenda's place in the file), its due
/// review or hearing (the order), and its counts of errors and overdue deadlines
/// (`--strict`); `None` for a case not due. The rest of a row (names, deadlines) is
/// let go: half a state's cases are due, and their whole rows are more than the memory
/// a run may take.
fn listed(row: CaseSummary, until: NaiveDate) -> Option<CaseSummary> {
    let due = agenda::due_review(&row, until)?.clone();
    Some(CaseSummary {
        deadlines: vec![due],
        child: String::new(),
        worker: String::new(),
        supervisor: None,
        resource: None,
        caregiver: None,
        next: None,
        ..row
    })
}

/// The findings of the rules across files the run kept, by the file they are about.
pub(super) fn across_by_file(run: &CheckRun) -> HashMap<&Path, Vec<&Finding>> {
    let mut by_file: HashMap<&Path, Vec<&Finding>> = HashMap::new();
    for finding in &run.findings {
        by_file.entry(&*finding.file).or_default().push(finding);
    }
    by_file
}
