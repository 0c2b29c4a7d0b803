//! Hostile and broken case files, checked by the real binary in one folder beside a
//! good case: each gets its diagnostic, the good case is still checked, and the run
//! ends in bounded time and memory, without a panic, a hang or a stack overflow.
//!
//! The small text inputs are committed in tests/bad_input/; the ones that are large,
//! binary, not UTF-8, or not files at all (links, a named pipe) are made here at run
//! time. Time and memory are bounded by `runner::cplan_bounded`.
#![cfg(unix)]

#[path = "bad_input/runner.rs"]
mod runner;

use std::collections::BTreeMap;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::Command;

use runner::cplan_bounded;

const AS_OF: &str = "2026-11-24";
/// A sample case with no finding on AS_OF (cases-sample/README.md).
const GOOD: &str = "cases-sample/2026-0201.yaml";
/// The default largest case file (`DEFAULT_MAX_FILE_BYTES`).
const SIZE_LIMIT: usize = 4 * 1024 * 1024;
const DEPTH: usize = 100_000;

/// Every input of the corpus, relative to its folder, with the codes of the
/// diagnostics expected for it (none: the file is accepted and checked clean).
const EXPECTED: &[(&str, &[&str])] = &[
    // Committed in tests/bad_input/.
    ("bad-dates.yaml", &["CP004", "CP004", "CP004"]),
    ("billion-laughs.yaml", &["CP001"]),
    ("comments-only.yaml", &["CP001"]),
    ("duplicate-keys.yaml", &["CP008", "CP008"]),
    ("empty.yaml", &["CP001"]),
    ("list.yaml", &["CP001"]),
    ("malformed.yaml", &["CP001"]),
    ("scalar.yaml", &["CP001"]),
    ("tabs.yaml", &["CP001"]),
    ("two-documents.yaml", &["CP001"]),
    (
        "wrong-types.yaml",
        &[
            "CP004", "CP004", "CP004", "CP004", "CP004", "CP004", "CP004", "CP004", "CP004", "CP004",
            "CP004", "CP004", "CP004", "CP004",
        ],
    ),
    // Made at run time.
    ("binary.yaml", &["CP001"]),
    ("dangling.yaml", &["CP001"]),
    ("deep-block.yaml", &["CP001"]),
    ("deep-flow.yaml", &["CP001"]),
    ("deep-indent.yaml", &["CP001"]),
    ("deep-map.yaml", &["CP001"]),
    ("device.yaml", &["CP001"]),
    ("latin1.yaml", &["CP001"]),
    ("loop-a.yaml", &["CP001"]),
    ("loop-b.yaml", &["CP001"]),
    // pipe.yaml is the file pipe-link.yaml leads to: the same file is read once, under
    // the name found first, so pipe.yaml has no entry of its own.
    ("pipe-link.yaml", &["CP001"]),
    ("too-large.yaml", &["CP001"]),
    ("utf16.yaml", &["CP001"]),
    // Accepted: the good case, with a byte-order mark, with CRLF line ends, and inside
    // a folder named x.yaml (walked like any folder). `loop.yaml`, a link to its own
    // folder, is not followed and so has no entry.
    ("good.yaml", &[]),
    ("bom.yaml", &[]),
    ("crlf.yaml", &[]),
    ("x.yaml/inside.yaml", &[]),
];

/// Files whose case can be read, so the rules ran on them.
const READABLE_CASES: usize = 6;

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

/// The good case under another id (ids must differ across a folder, CP005).
fn good_case(id: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(GOOD);
    let text = std::fs::read_to_string(path).expect("the good sample case");
    assert!(text.contains("case: 2026-0201\n"));
    text.replace("case: 2026-0201\n", &format!("case: {id}\n"))
}

/// Fills `dir` with the whole corpus.
fn build_corpus(dir: &Path) {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_input");
    for entry in std::fs::read_dir(&committed).expect("tests/bad_input") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let name = path.file_name().expect("name");
            std::fs::copy(&path, dir.join(name)).expect("copy");
        }
    }
    let file = |name: &str, bytes: &[u8]| write(&dir.join(name), bytes);

    file("good.yaml", good_case("2026-0201").as_bytes());
    file("bom.yaml", format!("\u{feff}{}", good_case("B-0101")).as_bytes());
    file("crlf.yaml", good_case("B-0102").replace('\n', "\r\n").as_bytes());
    std::fs::create_dir(dir.join("x.yaml")).expect("mkdir");
    file("x.yaml/inside.yaml", good_case("B-0103").as_bytes());

    file("latin1.yaml", b"case: B-0201\nworker: Jos\xe9 Pe\xf1a\n");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "case: B-0202\nworker: A. Moreno\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    file("utf16.yaml", &utf16);
    // The start of a spreadsheet (a zip archive) saved under a case file's name.
    file(
        "binary.yaml",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00b\xee\x9dh^\x01\x00\x00\x90\x04\x00\x00\x13\x00[Content_Types].xml",
    );
    // Valid YAML (comments), one byte over the default limit.
    let mut large = String::with_capacity(SIZE_LIMIT + 80);
    while large.len() <= SIZE_LIMIT {
        large.push_str("# a line of a very long file, repeated until it is over the limit\n");
    }
    file("too-large.yaml", large.as_bytes());

    // 100,000 levels: flow lists, flow mappings, and block lists written compactly
    // (`- - - x`); block mappings indented one space a level, 1,000 deep (100,000 would
    // be 5 GB of spaces).
    let flow = format!("case: {}{}\n", "[".repeat(DEPTH), "]".repeat(DEPTH));
    file("deep-flow.yaml", flow.as_bytes());
    let map = format!("case: {}x{}\n", "{a: ".repeat(DEPTH), "}".repeat(DEPTH));
    file("deep-map.yaml", map.as_bytes());
    file(
        "deep-block.yaml",
        format!("case: B-0301\nnotes:\n{}x\n", "- ".repeat(DEPTH)).as_bytes(),
    );
    let indent: String = (0..1000).map(|i| format!("{}k{i}:\n", " ".repeat(i))).collect();
    file(
        "deep-indent.yaml",
        format!("{indent}{}x\n", " ".repeat(1000)).as_bytes(),
    );

    let link = |target: &str, name: &str| symlink(target, dir.join(name)).expect("symlink");
    link("loop-b.yaml", "loop-a.yaml");
    link("loop-a.yaml", "loop-b.yaml");
    link(".", "loop.yaml");
    link("no-such-file.yaml", "dangling.yaml");
    link("/dev/zero", "device.yaml");
    // Opening a named pipe blocks until a writer comes: the loader must not open it.
    let status = Command::new("mkfifo")
        .arg(dir.join("pipe.yaml"))
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    link("pipe.yaml", "pipe-link.yaml");
}

#[test]
fn every_bad_input_gets_its_diagnostic_and_the_good_cases_are_still_checked() {
    let temp = tempfile::tempdir().expect("temp dir");
    let corpus = temp.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    build_corpus(&corpus);

    let output = cplan_bounded(temp.path(), AS_OF, &["check", "corpus", "--format", "json"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in json["diagnostics"].as_array().expect("a list") {
        let file = d["file"].as_str().expect("file");
        let file = file.strip_prefix("corpus/").unwrap_or(file).to_owned();
        found
            .entry(file)
            .or_default()
            .push(d["rule"].as_str().expect("rule").to_owned());
    }
    let expected: BTreeMap<String, Vec<String>> = EXPECTED
        .iter()
        .filter(|(_, codes)| !codes.is_empty())
        .map(|(file, codes)| {
            let codes = codes.iter().map(|c| (*c).to_owned()).collect();
            ((*file).to_owned(), codes)
        })
        .collect();
    assert_eq!(found, expected);
    assert_eq!(json["files"], EXPECTED.len(), "every input is a file of the run");
    assert_eq!(json["cases"], READABLE_CASES);

    // What a caseworker reads, paths relative to the folder checked.
    let concise = cplan_bounded(temp.path(), AS_OF, &["check", "corpus", "--format", "concise"]);
    assert_eq!(concise.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8_lossy(&concise.stdout));
    assert_eq!(String::from_utf8_lossy(&concise.stderr), "");
}

/// A path on the command line that does not exist stops the run (exit 2) before any
/// output, even beside a folder that could be checked.
#[test]
fn a_path_that_does_not_exist_exits_2_even_beside_a_good_folder() {
    let temp = tempfile::tempdir().expect("temp dir");
    write(&temp.path().join("good.yaml"), good_case("2026-0201").as_bytes());
    let output = cplan_bounded(
        temp.path(),
        AS_OF,
        &["check", ".", "no/such/folder", "--format", "concise"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "cplan: error: no/such/folder: no such file or folder\n"
    );
}

/// `max_file_size` in cplan.yaml sets the limit: the 9 KB good case is too large
/// for a 4 KiB limit, and a small file beside it is still read.
#[test]
fn the_size_limit_is_set_in_cplan_yaml() {
    let temp = tempfile::tempdir().expect("temp dir");
    write(&temp.path().join("cplan.yaml"), b"max_file_size: 4KiB\n");
    write(&temp.path().join("big.yaml"), good_case("2026-0201").as_bytes());
    write(&temp.path().join("small.yaml"), b"- not a mapping\n");
    let output = cplan_bounded(temp.path(), AS_OF, &["check", ".", "--format", "concise"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "./big.yaml: CP001 the file is larger than the 4 KiB limit for a case file\n\
         ./small.yaml:1:1: CP001 the file is a list, but a case file must be a mapping of `key: value` lines\n"
    );
}

/// A file and a folder nobody may read. Permission bits do not stop root (it can
/// read anything), so when the test runs as root this case cannot be made and is
/// skipped; the corpus's broken link, link loop, pipe and device are unreadable to
/// root too and are always checked.
#[test]
fn unreadable_files_and_folders_are_reported() {
    let temp = tempfile::tempdir().expect("temp dir");
    let file = temp.path().join("locked.yaml");
    write(&file, good_case("B-0401").as_bytes());
    let folder = temp.path().join("locked");
    std::fs::create_dir(&folder).expect("mkdir");
    write(&folder.join("inside.yaml"), good_case("B-0402").as_bytes());
    write(&temp.path().join("good.yaml"), good_case("2026-0201").as_bytes());
    let lock = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    };
    lock(&file, 0o000);
    lock(&folder, 0o000);
    if std::fs::read(&file).is_ok() {
        lock(&folder, 0o755);
        eprintln!("skipped: this test runs as root, whom permission bits do not stop");
        return;
    }
    let output = cplan_bounded(temp.path(), AS_OF, &["check", ".", "--format", "concise"]);
    lock(&folder, 0o755);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        stdout,
        "./locked: CP001 cannot read this folder or file: Permission denied (os error 13)\n\
         ./locked.yaml: CP001 cannot read the file: permission denied\n"
    );
}

/// Inputs that once crashed or hung the fuzz target (fuzz/, docs/development.md), kept
/// so they never come back: each is read like any case file, in bounded time and
/// memory, without a panic. A file here may be a good case, so exit 0 is fine too.
#[test]
fn fuzz_regressions_stay_fixed() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_input/fuzz-regressions");
    let inputs = std::fs::read_dir(&folder)
        .expect("tests/bad_input/fuzz-regressions")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        })
        .count();
    let output = cplan_bounded(&folder, AS_OF, &["check", ".", "--format", "json"]);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["files"], inputs);
    // The fuzz target builds the reports too.
    let reports: [&[&str]; 4] = [
        &["status", "."],
        &["deadlines", ".", "--all", "--format", "ics"],
        &["agenda", "--due-within", "365d", "."],
        &["stats", "."],
    ];
    for args in reports {
        let output = cplan_bounded(&folder, AS_OF, args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// Long lists, each once a blow-up of memory or time: 20,000 empty visits on one line
/// (three findings each, every one holding a copy of the 60 KB line: 3.6 GB), 20,000
/// sibling ids on one line (the folder rules copied the line per id: 2.4 GB), and 2,000
/// parents with 2,000 visits naming nobody (every finding listed every parent). Under
/// the runner's 1 GiB limit each would have been killed.
#[test]
fn long_lists_stay_within_memory() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path();
    let sample = good_case("B-0501");
    let visits_at = sample.find("visits:\n").expect("visits");
    let contacts_at = sample.find("contacts:\n").expect("contacts");
    let without_visits = format!("{}{}", &sample[..visits_at], &sample[contacts_at..]);
    let empty_visits = vec!["{}"; 20_000].join(", ");
    write(
        &dir.join("flow-visits.yaml"),
        format!("{without_visits}visits: [{empty_visits}]\n").as_bytes(),
    );
    let ids: Vec<String> = (0..20_000).map(|i| format!("S-{i}")).collect();
    let siblings = good_case("B-0502").replace(
        "  born: 2025-01-18\n",
        &format!("  born: 2025-01-18\n  siblings: [{}]\n", ids.join(", ")),
    );
    write(&dir.join("siblings.yaml"), siblings.as_bytes());
    let parents: String = (0..2_000)
        .map(|i| format!("  - {{id: p{i}, name: P {i}, relationship: mother}}\n"))
        .collect();
    let visits: String = (0..2_000)
        .map(|i| format!("  - {{date: 2026-11-01, with: q{i}, level: supervised}}\n"))
        .collect();
    let people = good_case("B-0503")
        .replace("\nepisodes:\n", &format!("{parents}\nepisodes:\n"))
        .replace("visits:\n", &format!("visits:\n{visits}"));
    write(&dir.join("people.yaml"), people.as_bytes());

    let output = cplan_bounded(dir, AS_OF, &["check", ".", "--format", "concise"]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut by_file_and_rule: BTreeMap<(String, String), usize> = BTreeMap::new();
    for line in stdout.lines() {
        let file = line.split(':').next().unwrap_or_default().to_owned();
        let rule = line.split_whitespace().nth(1).unwrap_or_default().to_owned();
        *by_file_and_rule.entry((file, rule)).or_default() += 1;
    }
    let count = |file: &str, rule: &str| {
        by_file_and_rule
            .get(&(format!("./{file}"), rule.to_owned()))
            .copied()
            .unwrap_or(0)
    };
    assert_eq!(count("flow-visits.yaml", "CP003"), 60_000);
    assert!(stdout.contains(
        "./siblings.yaml:10:13: CP004 `child.siblings` lists 20000 people; only the first 50 are read"
    ));
    assert_eq!(count("siblings.yaml", "CP007"), 50);
    assert!(stdout.contains("CP004 `parents` lists 2002 people; only the first 50 are read"));
    assert_eq!(count("people.yaml", "CP007"), 2_000);
}
