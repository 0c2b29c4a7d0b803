//! The `CaseRef`s of a whole run, packed. A caseload's check keeps one per case until
//! its last file is read, so what it keeps per case is what its memory grows with: the
//! ids and caregivers go into one text, each place is a position and a width, and the
//! source line of a place is not kept but read again from its file for the few places
//! a folder rule reports on (`CaseRefs::draw_lines`).

use std::hash::Hasher;

use super::{CaseRef, Located};
use crate::finding::{Finding, Loc, Severity};

/// Every case file's `CaseRef`, in the order they were pushed (file order).
#[derive(Debug, Default)]
pub struct CaseRefs {
    /// Case ids, sibling ids and caregivers, one after another.
    text: String,
    cases: Vec<Entry>,
    siblings: Vec<(Text, Place)>,
    /// The source lines kept whole, for files that cannot be read again.
    kept_lines: Vec<Box<str>>,
}

/// A piece of `CaseRefs::text`.
#[derive(Debug, Clone, Copy)]
struct Text {
    start: u32,
    len: u32,
}

/// A place in a case file as a folder rule reports it.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub loc: Loc,
    pub width: u32,
    line: LineAt,
}

/// How a place's source line is found again when a finding is drawn there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineAt {
    /// The file has no line there.
    Missing,
    /// Read again from the file; drawn only if the line there still hashes so (the
    /// file may have changed since it was checked).
    Hash([u32; 2]),
    /// Kept whole (`CaseRefs::kept_lines`): the file cannot be read again.
    Kept(u32),
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

/// A finding of a folder rule, before its source line is drawn.
pub struct Found {
    pub finding: Finding,
    /// The file's number, as given to `CaseRefs::push`.
    pub file: u32,
    pub line: LineAt,
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
        let id = self.text(&case.id);
        let id_at = self.place(&case.id_at, keep_lines);
        for (sibling, at) in &case.siblings {
            let entry = (self.text(sibling), self.place(at, keep_lines));
            self.siblings.push(entry);
        }
        let placement = case.placement.as_ref().map(|p| Placement {
            caregiver: self.text(&p.caregiver),
            apart_reason: p.apart_reason,
            at: self.place(&p.at, keep_lines),
        });
        self.cases.push(Entry {
            file,
            id,
            id_at,
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

    /// Draws the source line of each finding: kept, or read again from its file with
    /// `read` (by file number; `None` when it cannot be), each file once. A line that no
    /// longer is what was checked (the file changed) is left out rather than drawn wrong.
    pub fn draw_lines(&self, found: Vec<Found>, read: &mut dyn FnMut(u32) -> Option<String>) -> Vec<Finding> {
        let mut by_file: Vec<(u32, usize)> = (found.iter().enumerate())
            .filter_map(|(i, f)| matches!(f.line, LineAt::Hash(_)).then_some((f.file, i)))
            .collect();
        by_file.sort_unstable();
        let mut lines: Vec<Option<String>> = vec![None; found.len()];
        for group in by_file.chunk_by(|a, b| a.0 == b.0) {
            let Some(text) = read(group[0].0) else {
                continue;
            };
            for &(_, i) in group {
                let Some(Loc { line, .. }) = found[i].finding.loc else {
                    continue;
                };
                let there = nth_line(&text, line);
                if there.is_some_and(|there| LineAt::Hash(hash(there)) == found[i].line) {
                    lines[i] = there.map(str::to_owned);
                }
            }
        }
        (found.into_iter().zip(lines))
            .map(
                |(
                    Found {
                        mut finding, line, ..
                    },
                    read_again,
                )| {
                    finding.source_line = match line {
                        LineAt::Kept(at) => self.kept_lines.get(at as usize).map(|l| l.to_string()),
                        LineAt::Hash(_) => read_again,
                        LineAt::Missing => None,
                    };
                    finding
                },
            )
            .collect()
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

    fn place(&mut self, at: &Located, keep_lines: bool) -> Place {
        let line = match &at.line {
            None => LineAt::Missing,
            Some(line) if keep_lines => {
                self.kept_lines.push(line.as_str().into());
                LineAt::Kept(count(self.kept_lines.len() - 1))
            }
            Some(line) => LineAt::Hash(hash(line)),
        };
        Place {
            loc: at.loc,
            width: at.width,
            line,
        }
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

    pub fn siblings(&self) -> impl Iterator<Item = (&'a str, Place)> + use<'a> {
        let start = match self.index.checked_sub(1) {
            Some(previous) => self.refs.cases[previous].siblings_end as usize,
            None => 0,
        };
        let end = self.entry.siblings_end as usize;
        let refs = self.refs;
        (refs.siblings.get(start..end).unwrap_or_default())
            .iter()
            .map(move |(id, at)| (refs.get(*id), *at))
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

impl Place {
    pub fn line(&self) -> LineAt {
        self.line
    }
}

/// Line `line` (1-based) of `text`, as `CaseRef::of` took it.
fn nth_line(text: &str, line: u32) -> Option<&str> {
    text.lines().nth((line as usize).checked_sub(1)?)
}

fn hash(line: &str) -> [u32; 2] {
    // Compared within one run only, so the standard hasher's fixed keys will do.
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(line.as_bytes());
    let h = hasher.finish();
    [(h >> 32) as u32, h as u32]
}

/// A length or index as stored: a run's ids and caregivers would need billions of
/// cases to pass 4 GB, so saturating here only ever guards against the impossible.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use super::*;
    use crate::finding::shared_path;
    use crate::rules::folder::{CurrentPlacement, folder_findings};

    fn at(line: u32, column: u32, text: &str) -> Located {
        Located {
            loc: Loc::new(line, column),
            width: 3,
            line: Some(text.to_owned()),
        }
    }

    fn case(id: &str, siblings: &[&str], caregiver: Option<&str>) -> CaseRef {
        CaseRef {
            id: id.to_owned(),
            file: shared_path(Path::new("unused.yaml")),
            id_at: at(1, 7, &format!("case: {id}")),
            siblings: (siblings.iter().enumerate())
                .map(|(i, s)| (s.to_string(), at(4 + i as u32, 7, &format!("    - {s}"))))
                .collect(),
            sibling_severity: Some(Severity::Warning),
            placement: caregiver.map(|c| CurrentPlacement {
                caregiver: c.to_owned(),
                apart_reason: false,
                at: at(9, 5, "  - from: 2025-01-18"),
            }),
            apart_severity: None,
        }
    }

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
                    c.siblings().map(|(s, _)| s).collect(),
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

    /// Two files declare `A-1` (CP005 in each); the first file is unchanged on disk,
    /// the second changed after it was checked, the third was read from a pipe.
    #[test]
    fn a_line_read_again_is_drawn_only_if_it_is_still_what_was_checked() {
        let mut refs = CaseRefs::default();
        refs.push(&case("A-1", &[], None), 0, false);
        refs.push(&case("A-1", &[], None), 1, false);
        refs.push(&case("A-1", &[], None), 2, true);
        let paths = [Path::new("a.yaml"), Path::new("b.yaml"), Path::new("<stdin>")];
        let path = |i: u32| -> Arc<Path> { shared_path(paths[i as usize]) };
        let mut asked = Vec::new();
        let mut read = |i: u32| {
            asked.push(i);
            match i {
                0 => Some("case: A-1\nchild: {}\n".to_owned()),
                1 => Some("# a comment added above\ncase: A-1\n".to_owned()),
                _ => None,
            }
        };
        let mut findings = folder_findings(&refs, &path, &mut read);
        findings.sort_by_key(|f| f.file_path().to_path_buf());
        let lines: Vec<(&Path, Option<&str>)> = (findings.iter())
            .map(|f| (f.file_path(), f.source_line.as_deref()))
            .collect();
        assert_eq!(
            lines,
            [
                (Path::new("<stdin>"), Some("case: A-1")),
                (Path::new("a.yaml"), Some("case: A-1")),
                (Path::new("b.yaml"), None),
            ]
        );
        assert_eq!(asked, [0, 1], "each file read once, never the one kept whole");
    }
}
