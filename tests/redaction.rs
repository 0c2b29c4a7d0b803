//! `--redact` hides every person: a caseload whose people are named in Latin, Cyrillic
//! (upper and lower case), Chinese and Arabic script, with names written where ids
//! belong (`with:`, `for:`, `who:`) and inside notes, services, efforts and the search,
//! goes through every report in every format, and no word of any name comes out.

mod common;

use std::path::Path;

use common::hostile::{Hostile, case_yaml};
use common::output_finding_or_not;

fn caseload() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = [
        Hostile {
            id: "2026-0801".to_owned(),
            worker: "T. Okafor".to_owned(),
            child: "Xanthippe Dunmore".to_owned(),
            parent_id: "mother".to_owned(),
            parent_name: "Alicia Reyes".to_owned(),
            caregiver: "ОЛЕНА Коваленко".to_owned(),
            relative: "Bartholomew Quist".to_owned(),
            note: "alicia and REYES met олена коваленко; xanthippe asked for Bartholomew (Alicia Reyes attends NA)".to_owned(),
        },
        Hostile {
            id: "2026-0802".to_owned(),
            worker: "R. Alvarez".to_owned(),
            child: "李小龙".to_owned(),
            parent_id: "father".to_owned(),
            parent_name: "محمد عبدالله".to_owned(),
            caregiver: "Олена Шевченко".to_owned(),
            relative: "Zephyrine Abernathy-Holt".to_owned(),
            note: "李小龙来了; محمد visited with عبدالله and والمحمد; ОЛЕНА said шевченко; zephyrine and ABERNATHY-HOLT called".to_owned(),
        },
    ];
    for case in &cases {
        std::fs::write(dir.path().join(format!("{}.yaml", case.id)), case_yaml(case)).expect("write");
    }
    dir
}

/// Every word of every name above, lower-cased.
const NAME_WORDS: [&str; 16] = [
    "xanthippe",
    "dunmore",
    "alicia",
    "reyes",
    "олена",
    "коваленко",
    "bartholomew",
    "quist",
    "李小龙",
    "محمد",
    "عبدالله",
    "шевченко",
    "zephyrine",
    "abernathy",
    "holt",
    "小龙",
];

fn output(dir: &Path, args: &[&str]) -> String {
    let out = output_finding_or_not(dir, args);
    // Calendar lines are folded at 75 octets: unfold, so no name hides across a fold.
    String::from_utf8_lossy(&out.stdout).replace("\r\n ", "")
}

#[test]
fn no_word_of_any_name_is_in_any_report_with_redact() {
    let dir = caseload();
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for format in ["table", "json", "csv", "markdown", "html"] {
        runs.push(vec!["status", ".", "--format", format]);
        runs.push(vec!["stats", ".", "--by", "worker", "--format", format]);
    }
    for format in ["table", "json", "csv", "markdown", "ics", "html"] {
        runs.push(vec!["deadlines", ".", "--all", "--format", format]);
        runs.push(vec![
            "deadlines",
            ".",
            "--all",
            "--by",
            "worker",
            "--format",
            format,
        ]);
    }
    for format in ["markdown", "text", "json", "html"] {
        for case in ["2026-0801", "2026-0802"] {
            runs.push(vec!["agenda", case, ".", "--format", format]);
        }
        runs.push(vec!["agenda", "--due-within", "90d", ".", "--format", format]);
    }
    for format in ["text", "json", "html"] {
        for case in ["2026-0801", "2026-0802"] {
            runs.push(vec!["timeline", case, ".", "--format", format]);
        }
    }
    for mut args in runs {
        args.push("--redact");
        let text = output(dir.path(), &args).to_lowercase();
        for word in NAME_WORDS {
            assert!(
                !text.contains(word),
                "{word:?} in {args:?}:\n{}",
                text.lines()
                    .filter(|l| l.contains(word))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}

/// Without `--redact` the same reports name the people (the check above can fail).
#[test]
fn without_redact_the_names_are_there() {
    let dir = caseload();
    let agenda = output(dir.path(), &["agenda", "2026-0801", ".", "--format", "markdown"]);
    for name in ["Xanthippe Dunmore", "Alicia Reyes", "ОЛЕНА Коваленко"] {
        assert!(agenda.contains(name), "{name}\n{agenda}");
    }
    let status = output(dir.path(), &["status", ".", "--format", "csv"]);
    assert!(status.contains("李小龙"), "{status}");
}
