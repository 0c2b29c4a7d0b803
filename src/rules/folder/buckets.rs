//! The folder rules' cases staged on disk, for a run too large to hold them: a join
//! partitioned by the hash of a case id. Each case goes, as a *case record*, to the
//! bucket of its id; each of its siblings goes, as a *query record* carrying what the
//! asking case needs, to the bucket of the sibling's id. So every file of an id (CP005)
//! and every case a sibling id may name (CP007, CP106) is in the bucket of that id,
//! and at the end each bucket is read back alone and the rules run on it
//! (`super::rules`): memory holds one bucket, about `IN_MEMORY` cases, whatever the
//! size of the caseload.
//!
//! Case data is confidential (case ids, sibling ids, caregivers' names): each bucket is
//! made by `tempfile::tempfile()` in the temporary folder ($TMPDIR, else /tmp), removed
//! from the folder as it is created (no other process can open it by a name), readable
//! by its owner only, and gone when cplan ends, however it ends. The README says so.

use std::fs::File;
use std::hash::Hasher;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::place::{self, LineAt, Place};
use super::store::Placed;
use super::{CaseRef, CaseRefs, in_order, rules};
use crate::finding::{Finding, Loc, Severity};

/// Each bucket's write buffer: a few records at a time, so that hundreds of buckets
/// still take little memory.
const BUFFER: usize = 8 * 1024;

const CASE: u8 = 0;
const QUERY: u8 = 1;

/// The cases of a run, staged in buckets on disk as they are pushed.
pub struct Buckets {
    buckets: Vec<BufWriter<File>>,
    /// The source lines kept whole, for files that cannot be read again: few files
    /// (those typed on the command line), so they stay in memory.
    kept_lines: Vec<Box<str>>,
    /// The record being written, its buffer used again for each.
    record: Vec<u8>,
    /// The first write that failed (a full disk): the run goes on, and fails at the end.
    failed: Option<io::Error>,
}

/// A temporary file of the folder rules that could not be made, written or read back:
/// their findings would be short, so the run fails.
#[derive(Debug, thiserror::Error)]
pub enum SpillError {
    #[error(
        "cannot make a temporary file to stage the case ids and siblings the rules across files compare (in {}; set TMPDIR to another folder)",
        .dir.display()
    )]
    Make {
        dir: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(
        "cannot stage the case ids and siblings the rules across files compare in a temporary file (in {}; set TMPDIR to a folder with more room)",
        .dir.display()
    )]
    Write {
        dir: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(
        "cannot read back the case ids and siblings staged in a temporary file (in {})",
        .dir.display()
    )]
    Read {
        dir: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl Buckets {
    /// `count` empty buckets, each an anonymous temporary file.
    pub fn new(count: usize) -> Result<Buckets, SpillError> {
        let buckets = (0..count.max(1))
            .map(|_| tempfile::tempfile().map(|file| BufWriter::with_capacity(BUFFER, file)))
            .collect::<io::Result<_>>()
            .map_err(|source| SpillError::Make {
                dir: std::env::temp_dir(),
                source,
            })?;
        Ok(Buckets {
            buckets,
            kept_lines: Vec::new(),
            record: Vec::new(),
            failed: None,
        })
    }

    /// Stages the case of file number `file`: its case record, and a query record for
    /// each sibling a rule may report on (see `CaseRefs::push` for `keep_lines`).
    pub fn push(&mut self, case: &CaseRef, file: u32, keep_lines: bool) {
        if self.failed.is_some() {
            return;
        }
        let kept = &mut self.kept_lines;
        let id_at = place::place(&case.id_at, keep_lines, kept);
        let placement = (case.placement.as_ref()).map(|p| {
            (
                p.caregiver.as_str(),
                p.apart_reason,
                place::place(&p.at, keep_lines, kept),
            )
        });
        let mut record = std::mem::take(&mut self.record);
        record.clear();
        record.push(CASE);
        put_u32(&mut record, file);
        put_str(&mut record, &case.id);
        put_place(&mut record, id_at);
        put_placement(&mut record, placement);
        let mut written = self.write(&case.id, &record);
        // CP106 asks a sibling only when this case is placed with no reason recorded
        // for placing the siblings apart.
        let apart = placement.filter(|p| case.apart_severity.is_some() && !p.1);
        if case.sibling_severity.is_some() || apart.is_some() {
            for ((sibling, at), index) in case.siblings.iter().zip(0..) {
                let at = place::place(at, keep_lines, &mut self.kept_lines);
                record.clear();
                record.push(QUERY);
                put_u32(&mut record, file);
                put_str(&mut record, &case.id);
                put_str(&mut record, sibling);
                put_place(&mut record, at);
                put_u32(&mut record, index);
                put_severity(&mut record, case.sibling_severity);
                put_severity(&mut record, case.apart_severity);
                put_placement(&mut record, apart);
                written = written.and_then(|()| self.write(sibling, &record));
            }
        }
        self.record = record;
        if let Err(e) = written {
            self.failed = Some(e);
        }
    }

    /// Every finding of the folder rules over the cases staged (as `folder_findings`
    /// gives them), bucket by bucket.
    pub fn findings(
        self,
        path: &dyn Fn(u32) -> Arc<Path>,
        read: &mut dyn FnMut(u32) -> Option<String>,
    ) -> Result<Vec<Finding>, SpillError> {
        let dir = std::env::temp_dir;
        if let Some(source) = self.failed {
            return Err(SpillError::Write { dir: dir(), source });
        }
        let mut found = Vec::new();
        for bucket in self.buckets {
            let file = (bucket.into_inner()).map_err(|e| SpillError::Write {
                dir: dir(),
                source: e.into_error(),
            })?;
            let (cases, askers) =
                read_bucket(file).map_err(|source| SpillError::Read { dir: dir(), source })?;
            found.extend(rules(&cases, &askers, path));
        }
        in_order(&mut found);
        Ok(place::draw_lines(found, &self.kept_lines, read))
    }

    /// Appends `record` to the bucket of `id`.
    fn write(&mut self, id: &str, record: &[u8]) -> io::Result<()> {
        let mut hasher = std::hash::DefaultHasher::new();
        hasher.write(id.as_bytes());
        let count = self.buckets.len() as u64;
        let at = usize::try_from(hasher.finish() % count.max(1)).unwrap_or(0);
        match self.buckets.get_mut(at) {
            Some(bucket) => bucket.write_all(record),
            None => Err(io::Error::other("no bucket for a case id")),
        }
    }
}

/// A bucket's cases, and as the asking cases its query records, each with its one
/// sibling (the asking case's own place is not needed: no rule reports there).
fn read_bucket(mut file: File) -> io::Result<(CaseRefs, CaseRefs)> {
    file.seek(SeekFrom::Start(0))?;
    let mut from = BufReader::with_capacity(BUFFER, file);
    let (mut cases, mut askers) = (CaseRefs::default(), CaseRefs::default());
    while !from.fill_buf()?.is_empty() {
        let tag = get_u8(&mut from)?;
        let file = get_u32(&mut from)?;
        let id = get_str(&mut from)?;
        if tag != CASE && tag != QUERY {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "not a record"));
        }
        if tag == CASE {
            let id_at = get_place(&mut from)?;
            let placement = get_placement(&mut from)?;
            cases.push_placed(Placed {
                file,
                id: &id,
                id_at,
                siblings: std::iter::empty(),
                sibling_severity: None,
                apart_severity: None,
                placement: placement.as_ref().map(|(c, r, at)| (c.as_str(), *r, *at)),
            });
            continue;
        }
        let sibling = get_str(&mut from)?;
        let at = get_place(&mut from)?;
        let index = get_u32(&mut from)?;
        let sibling_severity = get_severity(&mut from)?;
        let apart_severity = get_severity(&mut from)?;
        let placement = get_placement(&mut from)?;
        askers.push_placed(Placed {
            file,
            id: &id,
            id_at: Place {
                loc: Loc::default(),
                width: 0,
                line: LineAt::Missing,
            },
            siblings: [(sibling.as_str(), at, index)],
            sibling_severity,
            apart_severity,
            placement: placement.as_ref().map(|(c, r, at)| (c.as_str(), *r, *at)),
        });
    }
    Ok((cases, askers))
}

fn put_u32(record: &mut Vec<u8>, n: u32) {
    record.extend_from_slice(&n.to_le_bytes());
}

fn put_str(record: &mut Vec<u8>, text: &str) {
    put_u32(record, u32::try_from(text.len()).unwrap_or(u32::MAX));
    record.extend_from_slice(text.as_bytes());
}

fn put_place(record: &mut Vec<u8>, at: Place) {
    put_u32(record, at.loc.line);
    put_u32(record, at.loc.column);
    put_u32(record, at.width);
    match at.line {
        LineAt::Missing => record.push(0),
        LineAt::Hash([high, low]) => {
            record.push(1);
            put_u32(record, high);
            put_u32(record, low);
        }
        LineAt::Kept(i) => {
            record.push(2);
            put_u32(record, i);
        }
    }
}

fn put_severity(record: &mut Vec<u8>, severity: Option<Severity>) {
    record.push(match severity {
        None => 0,
        Some(Severity::Info) => 1,
        Some(Severity::Warning) => 2,
        Some(Severity::Error) => 3,
    });
}

fn put_placement(record: &mut Vec<u8>, placement: Option<(&str, bool, Place)>) {
    let Some((caregiver, apart_reason, at)) = placement else {
        record.push(0);
        return;
    };
    record.push(1);
    put_str(record, caregiver);
    record.push(u8::from(apart_reason));
    put_place(record, at);
}

fn get_u8(from: &mut impl Read) -> io::Result<u8> {
    let mut byte = [0];
    from.read_exact(&mut byte)?;
    Ok(byte[0])
}

fn get_u32(from: &mut impl Read) -> io::Result<u32> {
    let mut bytes = [0; 4];
    from.read_exact(&mut bytes)?;
    Ok(u32::from_le_bytes(bytes))
}

fn get_str(from: &mut impl Read) -> io::Result<String> {
    let mut bytes = vec![0; get_u32(from)? as usize];
    from.read_exact(&mut bytes)?;
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

fn get_place(from: &mut impl Read) -> io::Result<Place> {
    let loc = Loc::new(get_u32(from)?, get_u32(from)?);
    let width = get_u32(from)?;
    let line = match get_u8(from)? {
        0 => LineAt::Missing,
        1 => LineAt::Hash([get_u32(from)?, get_u32(from)?]),
        _ => LineAt::Kept(get_u32(from)?),
    };
    Ok(Place { loc, width, line })
}

fn get_severity(from: &mut impl Read) -> io::Result<Option<Severity>> {
    Ok(match get_u8(from)? {
        0 => None,
        1 => Some(Severity::Info),
        2 => Some(Severity::Warning),
        _ => Some(Severity::Error),
    })
}

fn get_placement(from: &mut impl Read) -> io::Result<Option<(String, bool, Place)>> {
    if get_u8(from)? == 0 {
        return Ok(None);
    }
    let caregiver = get_str(from)?;
    let apart_reason = get_u8(from)? != 0;
    Ok(Some((caregiver, apart_reason, get_place(from)?)))
}

#[cfg(test)]
mod tests;
