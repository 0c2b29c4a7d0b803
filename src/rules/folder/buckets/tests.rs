//! The cases staged on disk give exactly the findings of the cases held in memory, in
//! the same order, however few cases a bucket holds.

use std::path::Path;
use std::sync::Arc;

use crate::finding::{Finding, Loc, Severity, shared_path};
use crate::rules::folder::{CaseRef, CaseRefs, CurrentPlacement, FolderCases, Located, folder_findings};

/// A case file: its id, siblings, current caregiver (with a reason recorded for
/// placing the siblings apart, or not), and whether its lines are kept whole.
struct File {
    id: &'static str,
    siblings: &'static [&'static str],
    caregiver: Option<(&'static str, bool)>,
    keep_lines: bool,
}

const fn file(
    id: &'static str,
    siblings: &'static [&'static str],
    caregiver: Option<(&'static str, bool)>,
    keep_lines: bool,
) -> File {
    File {
        id,
        siblings,
        caregiver,
        keep_lines,
    }
}

/// Duplicate ids (A-1 and D-4, each twice), unknown siblings (one with a line break,
/// quotes and an accent in its id), a case apart from several siblings (A-1: from
/// D-4, B-2), a sibling id two files declare (D-4: the last one's caregiver counts),
/// a reason recorded for placing them apart, and files whose lines are kept whole.
const FILES: [File; 8] = [
    file(
        "A-1",
        &["D-4", "B-2", "X-9", "C-3"],
        Some(("Ivo Lowry", false)),
        false,
    ),
    file("B-2", &["A-1"], Some(("Dana Pell", false)), false),
    file("C-3", &["A-1"], Some((" ivo LOWRY ", false)), false),
    file("D-4", &["A-1", "Y-8"], Some(("Mara Quist", false)), true),
    file("D-4", &[], Some(("Olu Brand", false)), false),
    file("A-1", &["B-2"], Some(("Ivo Lowry", true)), true),
    file("E-5", &["Z\n\"9\" é"], None, true),
    file("F-6", &["B-2", "D-4"], Some(("Dana Pell", false)), false),
];

fn at(line: u32, text: String) -> Located {
    Located {
        loc: Loc::new(line, 7),
        width: 3,
        line: Some(text),
    }
}

fn case_ref(file: &File) -> CaseRef {
    CaseRef {
        id: file.id.to_owned(),
        file: shared_path(Path::new("unused.yaml")),
        id_at: at(1, format!("case: {}", file.id)),
        siblings: (file.siblings.iter().zip(4..))
            .map(|(s, line)| (s.to_string(), at(line, format!("    - {s}"))))
            .collect(),
        sibling_severity: Some(Severity::Warning),
        placement: file.caregiver.map(|(caregiver, apart_reason)| CurrentPlacement {
            caregiver: caregiver.to_owned(),
            apart_reason,
            at: at(20, format!("  - caregiver: {caregiver}")),
        }),
        apart_severity: Some(Severity::Info),
    }
}

/// The file's text as `CaseRef::of` would have read it: each place's line where it is.
fn text(case: &CaseRef) -> String {
    let mut lines = vec![String::new(); 24];
    let places = std::iter::once(&case.id_at)
        .chain(case.siblings.iter().map(|(_, at)| at))
        .chain(case.placement.iter().map(|p| &p.at));
    for place in places {
        lines[place.loc.line as usize - 1] = place.line.clone().unwrap_or_default();
    }
    lines.join("\n")
}

fn path(i: u32) -> Arc<Path> {
    shared_path(Path::new(&format!("folder/{i}.yaml")))
}

fn in_memory(cases: &[CaseRef]) -> Vec<Finding> {
    let mut refs = CaseRefs::default();
    for ((case, file), i) in cases.iter().zip(&FILES).zip(0..) {
        refs.push(case, i, file.keep_lines);
    }
    folder_findings(&refs, &path, &mut |i| cases.get(i as usize).map(text))
}

fn on_disk(cases: &[CaseRef], in_memory: usize) -> Vec<Finding> {
    let mut store = FolderCases::new(cases.len(), in_memory).expect("temporary files");
    assert!(
        matches!(store, FolderCases::OnDisk(_)),
        "{in_memory} cases in memory"
    );
    for ((case, file), i) in cases.iter().zip(&FILES).zip(0..) {
        store.push(case, i, file.keep_lines);
    }
    let read = &mut |i: u32| cases.get(i as usize).map(text);
    store.findings(&path, read).expect("read back")
}

#[test]
fn cases_staged_on_disk_give_the_findings_held_in_memory_in_the_same_order() {
    let cases: Vec<CaseRef> = FILES.iter().map(case_ref).collect();
    let wanted = in_memory(&cases);
    let rules: Vec<(&str, &str)> = (wanted.iter())
        .map(|f| (f.rule.as_str(), f.case.as_deref().unwrap_or_default()))
        .collect();
    assert_eq!(
        rules,
        [
            ("CP005", "A-1"),
            ("CP007", "A-1"),
            ("CP106", "A-1"),
            ("CP106", "A-1"),
            ("CP106", "B-2"),
            ("CP005", "D-4"),
            ("CP007", "D-4"),
            ("CP106", "D-4"),
            ("CP005", "D-4"),
            ("CP005", "A-1"),
            ("CP007", "E-5"),
            ("CP106", "F-6"),
        ]
    );
    // A-1 lives apart from D-4 (as its last file says) and B-2: in sibling order.
    assert!(
        wanted[2].message.contains("sibling D-4 with Olu Brand"),
        "{}",
        wanted[2].message
    );
    assert!(
        wanted[3].message.contains("sibling B-2 with Dana Pell"),
        "{}",
        wanted[3].message
    );
    let drawn = |f: &Finding| f.source_line.clone().unwrap_or_default();
    assert_eq!(drawn(&wanted[0]), "case: A-1", "read again");
    assert_eq!(drawn(&wanted[6]), "    - Y-8", "kept whole");
    assert_eq!(drawn(&wanted[10]), "    - Z\n\"9\" é");
    for in_memory in [1, 2, 3, 5, 7] {
        assert_eq!(on_disk(&cases, in_memory), wanted, "{in_memory} cases in memory");
    }
}

/// A bucket cut short (a disk that lost its end) is an error, never fewer cases.
#[test]
fn a_bucket_cut_short_cannot_be_read_back() {
    let mut buckets = super::Buckets::new(1).expect("temporary file");
    buckets.push(&case_ref(&FILES[0]), 0, false);
    let bucket = buckets.buckets.pop().expect("one bucket");
    let file = bucket.into_inner().expect("written");
    let whole = file.metadata().expect("metadata").len();
    let (cases, askers) = super::read_bucket(file.try_clone().expect("file")).expect("whole");
    assert_eq!((cases.len(), askers.len()), (1, 4));
    file.set_len(whole - 3).expect("cut");
    assert!(super::read_bucket(file).is_err());
}
