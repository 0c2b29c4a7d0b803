//! What a case file, or the program around it, must never be able to do: overflow the
//! stack by nesting, leak a name past `--redact`, reach the network, or change a file
//! it reads.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use common::{cplan, sample_names, stdout_of};
use cplan::load::parse::MAX_DEPTH;

mod common;

/// The CP001 messages of a text read by the loader.
fn unreadable(text: &str) -> Vec<String> {
    cplan::load::load_text(Path::new("deep.yaml"), text)
        .findings
        .into_iter()
        .filter(|f| f.rule == "CP001")
        .map(|f| f.message)
        .collect()
}

/// A document nesting lists or mappings `n` levels deep.
type Nesting = fn(usize) -> String;

/// Every way of nesting, just within the limit and 100,000 levels deep, read on a
/// thread with the stack of a rayon worker (2 MiB, where `check` parses files) in
/// this debug build, whose frames are far larger than a release build's.
#[test]
fn nesting_is_stopped_before_it_can_overflow_a_worker_stack() {
    let ok = MAX_DEPTH - 1; // below the top-level mapping
    let deep = 100_000;
    let forms: [(&str, Nesting); 5] = [
        ("flow lists", |n| {
            format!("notes: {}x{}\n", "[".repeat(n), "]".repeat(n))
        }),
        ("flow mappings", |n| {
            format!("notes: {}x{}\n", "{a: ".repeat(n), "}".repeat(n))
        }),
        ("flow lists of mappings", |n| {
            let pairs = n / 2;
            format!("notes: {}x{}\n", "[{a: ".repeat(pairs), "}]".repeat(pairs))
        }),
        ("block lists", |n| format!("notes:\n{}x\n", "- ".repeat(n))),
        (
            "block mappings",
            // Indented one space a level, so capped at 2,000 levels (100,000 would be
            // 5 GB of spaces, far over the file size limit).
            |n| {
                let n = n.min(2000);
                let keys: String = (0..n).map(|i| format!("{}k:\n", " ".repeat(i + 1))).collect();
                format!("notes:\n{keys}{}x\n", " ".repeat(n + 1))
            },
        ),
    ];
    let worker = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let too_deep = [format!(
                "the file is nested too deeply (more than {MAX_DEPTH} levels of lists and mappings)"
            )];
            for (form, text) in &forms {
                assert_eq!(unreadable(&text(ok)), Vec::<String>::new(), "{form}, {ok} levels");
                assert_eq!(unreadable(&text(deep)), too_deep, "{form}, {deep} levels");
            }
            // Depth through aliases: no list is too deep where it is written, only
            // once an alias puts one inside another; and a chain of 60 anchors, each
            // 20 levels around the alias of the one before.
            let lists = |n: usize, inner: &str| format!("{}{inner}{}", "[".repeat(n), "]".repeat(n));
            let half = MAX_DEPTH / 2;
            let through_alias = format!(
                "a: &deep {}\nnotes: {}\n",
                lists(half, "x"),
                lists(half + 1, "*deep")
            );
            assert_eq!(unreadable(&through_alias), too_deep, "through an alias");
            let mut chain = format!("a0: &a0 {}\n", lists(20, "x"));
            for i in 1..60 {
                chain.push_str(&format!("a{i}: &a{i} {}\n", lists(20, &format!("*a{}", i - 1))));
            }
            assert_eq!(unreadable(&chain), too_deep, "a chain of aliases");
        })
        .expect("thread");
    worker.join().expect("no panic and no stack overflow");
}

/// Every finding keeps its own copy of its source line: a long line holding many
/// findings gives the text to the first few only, so memory stays proportional to the
/// file (`visits: [{}, {}, …]` on one line once cost 90 GB for a 300 KB file).
#[test]
fn a_line_with_many_findings_is_copied_a_few_times_only() {
    let items = vec!["{}"; 1000].join(", ");
    let text = format!("case: X-1\nvisits: [{items}]\n");
    let file = cplan::load::load_text(Path::new("many.yaml"), &text);
    let on_line_2: Vec<_> = file
        .findings
        .iter()
        .filter(|f| f.loc.is_some_and(|l| l.line == 2))
        .collect();
    assert!(on_line_2.len() >= 3000, "{} findings", on_line_2.len());
    let with_text = on_line_2.iter().filter(|f| f.source_line.is_some()).count();
    assert_eq!(with_text, cplan::load::SOURCE_COPIES_PER_LINE);
}

fn sample_case_ids() -> Vec<String> {
    let json = stdout_of(cplan(&["status", "cases-sample", "--format", "json"]));
    let rows: serde_json::Value = serde_json::from_str(&json).expect("json");
    rows["cases"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["case"].as_str().expect("case").to_owned())
        .collect()
}

/// Every report command, in every format, with `--redact`: no full name of a child,
/// parent or caregiver of the sample caseload appears.
#[test]
fn redact_holds_in_every_report_and_format() {
    let names = sample_names();
    assert!(names.len() > 20, "the check needs names to look for: {names:?}");
    let mut runs: Vec<Vec<String>> = Vec::new();
    let mut run = |args: &[&str]| runs.push(args.iter().map(|a| (*a).to_owned()).collect());
    for format in ["table", "json", "csv", "markdown"] {
        run(&["status", "cases-sample", "--redact", "--format", format]);
        run(&["stats", "cases-sample", "--redact", "--format", format]);
        run(&[
            "stats",
            "cases-sample",
            "--redact",
            "--by",
            "worker",
            "--format",
            format,
        ]);
    }
    for format in ["table", "json", "csv", "markdown", "ics"] {
        run(&[
            "deadlines",
            "cases-sample",
            "--all",
            "--redact",
            "--format",
            format,
        ]);
        run(&[
            "deadlines",
            "cases-sample",
            "--redact",
            "--by",
            "worker",
            "--format",
            format,
        ]);
    }
    for format in ["markdown", "text", "json"] {
        run(&[
            "agenda",
            "--due-within",
            "365d",
            "cases-sample",
            "--redact",
            "--format",
            format,
        ]);
    }
    for id in sample_case_ids() {
        for format in ["markdown", "text", "json"] {
            run(&["agenda", &id, "cases-sample", "--redact", "--format", format]);
        }
        for format in ["text", "json"] {
            run(&["timeline", &id, "cases-sample", "--redact", "--format", format]);
        }
    }
    assert!(runs.len() > 80, "{} runs", runs.len());
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        // Calendar lines are folded at 75 octets; unfold them before searching.
        let text = stdout_of(cplan(&args)).replace("\r\n ", "");
        for name in &names {
            assert!(
                !text.contains(name.as_str()),
                "`{}` leaks {name:?}",
                args.join(" ")
            );
        }
    }
}

/// Crates that open sockets or speak HTTP or TLS. cplan reads local files and writes
/// to stdout; with none of these in its dependency tree (nor the tests'), it cannot
/// reach the network short of raw system calls, which the next test rules out for
/// our own code.
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "hyper-util",
    "h2",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "attohttpc",
    "native-tls",
    "openssl",
    "openssl-sys",
    "rustls",
    "tokio",
    "async-std",
    "mio",
    "socket2",
    "tungstenite",
];

#[test]
fn no_networking_crate_is_in_the_lock_file() {
    let lock = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock"))
        .expect("Cargo.lock");
    let packages: BTreeSet<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = "))
        .map(|n| n.trim_matches('"'))
        .collect();
    assert!(packages.contains("granit-parser"), "the lock file was read");
    let found: Vec<&&str> = NETWORK_CRATES.iter().filter(|c| packages.contains(**c)).collect();
    assert!(found.is_empty(), "networking crates in Cargo.lock: {found:?}");
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read_dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_source_file_uses_the_standard_networking_api() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    assert!(files.len() > 20);
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        for api in [
            "std::net",
            "TcpStream",
            "TcpListener",
            "UdpSocket",
            "UnixStream",
            "ToSocketAddrs",
        ] {
            assert!(!text.contains(api), "{} uses {api}", file.display());
        }
    }
}

/// The bytes and modification time of every file under `dir`.
fn snapshot_files(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("read_dir") {
        let path = entry.expect("entry").path();
        let meta = std::fs::metadata(&path).expect("metadata");
        if meta.is_dir() {
            files.extend(snapshot_files(&path));
        } else {
            let bytes = std::fs::read(&path).expect("read");
            files.insert(path, (bytes, meta.modified().expect("mtime")));
        }
    }
    files
}

/// Every read-only command over a copy of the sample caseload (with a cplan.yaml)
/// leaves every file's bytes and modification time as they were, and adds no file.
#[test]
fn reading_commands_change_no_file() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path().join("cases");
    std::fs::create_dir(&dir).expect("mkdir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases-sample");
    for entry in std::fs::read_dir(sample).expect("cases-sample") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.join(path.file_name().expect("name"))).expect("copy");
    }
    std::fs::write(dir.join("cplan.yaml"), "max_file_size: 1MiB\n").expect("write");
    let before = snapshot_files(temp.path());
    let path = dir.to_str().expect("utf-8 temp path");
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", path],
        vec!["check", path, "--format", "json"],
        vec!["check", path, "--format", "concise"],
        vec!["check", path, "--format", "github"],
        vec!["check", path, "--format", "sarif"],
        vec!["status", path],
        vec!["deadlines", path, "--all", "--format", "ics"],
        vec!["agenda", "--due-within", "365d", path],
        vec!["agenda", "2026-0201", path],
        vec!["timeline", "2026-0205", path],
        vec!["stats", path, "--by", "worker"],
        vec!["explain", "--profile", "federal"],
    ];
    for args in runs {
        let output = cplan(&args).current_dir(temp.path()).output().expect("runs");
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let after = snapshot_files(temp.path());
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "no file added or removed"
    );
    for (path, (bytes, mtime)) in &before {
        let (bytes_after, mtime_after) = &after[path];
        assert!(bytes == bytes_after, "{} changed", path.display());
        assert_eq!(mtime, mtime_after, "{} was written", path.display());
    }
}
