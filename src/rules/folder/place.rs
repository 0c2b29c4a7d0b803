//! Where a folder rule reports, and how the source line there is drawn at the end of
//! a run: read again from its file (only for the files a finding is about) rather than
//! kept for every case, unless the file cannot be read twice.

use std::hash::Hasher;

use super::Located;
use super::store::count;
use crate::finding::{Finding, Loc};

/// A place in a case file as a folder rule reports it.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub loc: Loc,
    pub width: u32,
    pub(super) line: LineAt,
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

/// A finding of a folder rule, before its source line is drawn.
pub struct Found {
    pub finding: Finding,
    /// The file's number, as given to `CaseRefs::push`.
    pub file: u32,
    pub line: LineAt,
    /// Which of the case's siblings the finding is about (0 for a finding about none):
    /// CP106 finds the one placement of a case apart from several siblings, in this order.
    pub sibling: u32,
}

/// Draws the source line of each finding: kept, or read again from its file with
/// `read` (by file number; `None` when it cannot be), each file once. A line that no
/// longer is what was checked (the file changed) is left out rather than drawn wrong.
pub(super) fn draw_lines(
    found: Vec<Found>,
    kept: &[Box<str>],
    read: &mut dyn FnMut(u32) -> Option<String>,
) -> Vec<Finding> {
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
                    LineAt::Kept(at) => kept.get(at as usize).map(|l| l.to_string()),
                    LineAt::Hash(_) => read_again,
                    LineAt::Missing => None,
                };
                finding
            },
        )
        .collect()
}

/// The place `at` as it is stored: its line hashed to be read again, or kept whole in
/// `kept` when the file cannot be read again (`keep_lines`).
pub(super) fn place(at: &Located, keep_lines: bool, kept: &mut Vec<Box<str>>) -> Place {
    let line = match &at.line {
        None => LineAt::Missing,
        Some(line) if keep_lines => {
            kept.push(line.as_str().into());
            LineAt::Kept(count(kept.len() - 1))
        }
        Some(line) => LineAt::Hash(hash(line)),
    };
    Place {
        loc: at.loc,
        width: at.width,
        line,
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

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use crate::finding::shared_path;
    use crate::rules::folder::test_cases::case;
    use crate::rules::folder::{CaseRefs, folder_findings};

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
