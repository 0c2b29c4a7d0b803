//! The `CaseRef`s of a folder (or of one bucket of a caseload, `Buckets`), packed. A
//! run keeps one per case until its last file is read, so what it keeps per case is
//! what its memory grows with, up to `IN_MEMORY` cases: the
//! ids and caregivers go into one text, each place is a position and a width, and the
//! source line of a place is not kept but read again from its file for the few places
//! a folder rule reports on (`place::draw_lines`).

use super::CaseRef;
use super::place::{Place, place};
use crate::finding::Severity;

/// Every case file's `CaseRef`, in the order they were pushed (file order).
#[derive(Debug, Default)]
pub struct CaseRefs {
    /// Case ids, sibling ids and caregivers, one after another.
    text: String,
    cases: Vec<Entry>,
    siblings: Vec<Sibling>,
    /// The source lines kept whole, for files that cannot be read again.
    kept_lines: Vec<Box<str>>,
}

/// A piece of `CaseRefs::text`.
#[derive(Debug, Clone, Copy)]
struct Text {
    start: u32,
    len: u32,
}

/// A sibling id of a case, where it is, and which of the case's siblings it is (the
/// order the findings about one place come in).
#[derive(Debug, Clone, Copy)]
struct Sibling {
    id: Text,
    at: Place,
    index: u32,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Which file, as the caller numbers them.
    file: u32,
    id: Text,
    id_at: Place,
    /// Where this case's siblings end in `CaseRefs::siblings` (they start where the
    /// previous case's end).
    siblings_end: u32,
    sibling_severity: Option<Severity>,
    apart_severity: Option<Severity>,
    placement: Option<Placement>,
}

#[derive(Debug, Clone, Copy)]
struct Placement {
    caregiver: Text,
    apart_reason: bool,
    at: Place,
}

/// One case file's summary as the folder rules read it.
#[derive(Clone, Copy)]
pub struct CaseView<'a> {
    refs: &'a CaseRefs,
    index: usize,
    entry: &'a Entry,
}

/// A case as it is pushed once its places are made (`place`): how the cases staged on
/// disk are pushed again when they are read back (`Buckets`).
pub(super) struct Placed<'a, S> {
    pub file: u32,
    pub id: &'a str,
    pub id_at: Place,
    /// Each sibling id, where it is, and which of the case's siblings it is.
    pub siblings: S,
    pub sibling_severity: Option<Severity>,
    pub apart_severity: Option<Severity>,
    /// The caregiver, whether a reason to place the siblings apart is recorded, where.
    pub placement: Option<(&'a str, bool, Place)>,
}

impl CaseRefs {
    pub fn with_capacity(cases: usize) -> CaseRefs {
        CaseRefs {
            cases: Vec::with_capacity(cases),
            ..CaseRefs::default()
        }
    }

    /// Adds the case of file number `file`. `keep_lines`: the file cannot be read again
    /// (standard input, a pipe), so its source lines are kept whole.
    pub fn push(&mut self, case: &CaseRef, file: u32, keep_lines: bool) {
        let kept = &mut self.kept_lines;
        let id_at = place(&case.id_at, keep_lines, kept);
        let siblings: Vec<(&str, Place, u32)> = (case.siblings.iter().zip(0..))
            .map(|((id, at), index)| (id.as_str(), place(at, keep_lines, kept), index))
            .collect();
        let placement = (case.placement.as_ref()).map(|p| {
            (
                p.caregiver.as_str(),
                p.apart_reason,
                place(&p.at, keep_lines, kept),
            )
        });
        self.push_placed(Placed {
            file,
            id: &case.id,
            id_at,
            siblings,
            sibling_severity: case.sibling_severity,
            apart_severity: case.apart_severity,
            placement,
        });
    }

    /// Adds a case whose places are made.
    pub(super) fn push_placed<'a>(
        &mut self,
        case: Placed<'a, impl IntoIterator<Item = (&'a str, Place, u32)>>,
    ) {
        let id = self.text(case.id);
        for (sibling, at, index) in case.siblings {
            let id = self.text(sibling);
            self.siblings.push(Sibling { id, at, index });
        }
        let placement = case.placement.map(|(caregiver, apart_reason, at)| Placement {
            caregiver: self.text(caregiver),
            apart_reason,
            at,
        });
        self.cases.push(Entry {
            file: case.file,
            id,
            id_at: case.id_at,
            siblings_end: count(self.siblings.len()),
            sibling_severity: case.sibling_severity,
            apart_severity: case.apart_severity,
            placement,
        });
    }

    pub fn len(&self) -> usize {
        self.cases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = CaseView<'_>> {
        self.cases.iter().enumerate().map(|(index, entry)| CaseView {
            refs: self,
            index,
            entry,
        })
    }

    /// The case pushed `index`th.
    pub fn case(&self, index: usize) -> Option<CaseView<'_>> {
        let entry = self.cases.get(index)?;
        Some(CaseView {
            refs: self,
            index,
            entry,
        })
    }

    /// The source lines kept whole, for `draw_lines`.
    pub(super) fn kept_lines(&self) -> &[Box<str>] {
        &self.kept_lines
    }

    fn text(&mut self, text: &str) -> Text {
        let start = count(self.text.len());
        self.text.push_str(text);
        Text {
            start,
            len: count(text.len()),
        }
    }

    fn get(&self, text: Text) -> &str {
        let start = text.start as usize;
        self.text
            .get(start..start + text.len as usize)
            .unwrap_or_default()
    }
}

impl<'a> CaseView<'a> {
    pub fn id(&self) -> &'a str {
        self.refs.get(self.entry.id)
    }

    /// The file's number, as given to `CaseRefs::push`.
    pub fn file(&self) -> u32 {
        self.entry.file
    }

    pub fn id_at(&self) -> Place {
        self.entry.id_at
    }

    /// Each sibling id, where it is, and which of the case's siblings it is.
    pub fn siblings(&self) -> impl Iterator<Item = (&'a str, Place, u32)> + use<'a> {
        let start = match self.index.checked_sub(1) {
            Some(previous) => self.refs.cases[previous].siblings_end as usize,
            None => 0,
        };
        let end = self.entry.siblings_end as usize;
        let refs = self.refs;
        (refs.siblings.get(start..end).unwrap_or_default())
            .iter()
            .map(move |s| (refs.get(s.id), s.at, s.index))
    }

    pub fn sibling_severity(&self) -> Option<Severity> {
        self.entry.sibling_severity
    }

    pub fn apart_severity(&self) -> Option<Severity> {
        self.entry.apart_severity
    }

    /// The current placement of an open case: its caregiver, whether a reason for
    /// placing the siblings apart is recorded, and where it is.
    pub fn placement(&self) -> Option<(&'a str, bool, Place)> {
        let p = self.entry.placement?;
        Some((self.refs.get(p.caregiver), p.apart_reason, p.at))
    }
}

/// A length or index as stored: a run's ids and caregivers would need billions of
/// cases to pass 4 GB, so saturating here only ever guards against the impossible.
pub(super) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::folder::test_cases::case;

    #[test]
    fn each_case_reads_back_as_it_was_pushed() {
        let mut refs = CaseRefs::default();
        refs.push(&case("A-1", &["B-2", "C-3"], Some("Ivo Lowry")), 7, false);
        refs.push(&case("B-2", &[], None), 8, false);
        refs.push(&case("C-3", &["A-1"], None), 9, true);
        let read: Vec<(u32, &str, Vec<&str>, Option<&str>)> = refs
            .iter()
            .map(|c| {
                (
                    c.file(),
                    c.id(),
                    c.siblings().map(|(s, _, _)| s).collect(),
                    c.placement().map(|p| p.0),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                (7, "A-1", vec!["B-2", "C-3"], Some("Ivo Lowry")),
                (8, "B-2", vec![], None),
                (9, "C-3", vec!["A-1"], None),
            ]
        );
    }
}
