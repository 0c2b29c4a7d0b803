//! Output never depends on the number of threads: files are checked in parallel (and
//! agendas built in parallel), but every command writes the same bytes with `-j 1` as
//! with `-j 4`.

use std::path::Path;
use std::process::Command;

use insta_cmd::get_cargo_bin;

const AS_OF: &str = "2026-11-24";

/// Eight offices, each with a copy of every sample case under a new id (so the folder
/// rules see distinct cases), plus one id repeated across offices (CP005).
fn caseload(root: &Path) -> usize {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases-sample");
    let mut files = 0;
    for office in 0..8 {
        let folder = root.join(format!("office-{office}"));
        std::fs::create_dir_all(&folder).expect("temp folder");
        for entry in std::fs::read_dir(&sample).expect("cases-sample").flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("sample case");
            let text = if office == 7 && files % 5 == 0 {
                text // the sample's own id, again: a duplicate across offices
            } else {
                text.replacen("case: 2026-", &format!("case: O{office}-"), 1)
            };
            let name = path.file_name().expect("a file name");
            std::fs::write(folder.join(name), text).expect("write case");
            files += 1;
        }
    }
    files
}

fn run(root: &Path, jobs: &str, args: &[&str]) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    let output = Command::new(get_cargo_bin("cplan"))
        .args(["--color=never", "--as-of", AS_OF, "-j", jobs])
        .args(args)
        .arg(root)
        .output()
        .expect("cplan runs");
    (output.status.code(), output.stdout, output.stderr)
}

#[test]
fn every_command_writes_the_same_output_whatever_the_thread_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = caseload(dir.path());
    assert!(files > 100, "a caseload of {files} files");
    let commands: [&[&str]; 7] = [
        &["check", "--format", "concise"],
        &["check", "--format", "json"],
        &["status", "--format", "csv"],
        &["deadlines", "--all", "--format", "json"],
        &["deadlines", "--format", "ics"],
        &["agenda", "--due-within", "60d", "--format", "json"],
        &["stats", "--format", "json"],
    ];
    for args in commands {
        let one = run(dir.path(), "1", args);
        let four = run(dir.path(), "4", args);
        assert!(!one.1.is_empty(), "{args:?} wrote something");
        assert!(one == four, "{args:?}: -j 1 and -j 4 differ");
    }
}

/// `cplan … | head -1`: when the reader goes away, every command stops quietly with the
/// exit status the run has (so `set -o pipefail` still sees a failed check), whether its
/// output is streamed (JSON, CSV, agendas) or written in one go.
#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let dir = tempfile::tempdir().expect("temp dir");
    caseload(dir.path());
    let commands: [&[&str]; 9] = [
        &["check", "--format", "concise"],
        &["status", "--format", "csv"],
        &["status", "--format", "json"],
        &["status"],
        &["deadlines", "--all", "--format", "csv"],
        &["deadlines", "--all", "--format", "json"],
        &["agenda", "--due-within", "60d", "--format", "json"],
        &["agenda", "--due-within", "60d", "--format", "markdown"],
        &["stats", "--format", "csv"],
    ];
    for args in commands {
        let mut child = Command::new(get_cargo_bin("cplan"))
            .args(["--color=never", "--as-of", AS_OF])
            .args(args)
            .arg(dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("cplan runs");
        // Closed before cplan has checked the folder: its first write finds no reader.
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("cplan ends");
        let (read_whole, _, stderr_whole) = run(dir.path(), "2", args);
        assert_eq!(
            (output.status.code(), output.stderr),
            (read_whole, stderr_whole),
            "{args:?}: the same status and standard error, and no word about the pipe"
        );
        if args[0] == "check" {
            assert_eq!(read_whole, Some(1), "the caseload has errors");
        }
    }
}
