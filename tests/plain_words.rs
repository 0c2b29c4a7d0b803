//! Plain words everywhere: no output of any command over the sample caseload says
//! "seed 002", "efc" or a setting key such as court_report_days in its prose. Keys,
//! commands and paths written as code (in backticks) and the JSON's own field names and
//! fixed words (`case_plan`, `due_soon`) are not prose.

mod common;

use common::cplan;

/// Every command in every format over cases-sample.
fn runs() -> Vec<Vec<String>> {
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for format in ["text", "concise", "github", "json", "sarif"] {
        runs.push(vec!["check", "cases-sample", "--format", format]);
    }
    for format in ["table", "markdown", "json", "csv"] {
        runs.push(vec!["status", "cases-sample", "--format", format]);
        runs.push(vec![
            "stats",
            "cases-sample",
            "--by",
            "worker",
            "--format",
            format,
        ]);
    }
    for format in ["table", "markdown", "json", "csv", "ics"] {
        runs.push(vec!["deadlines", "cases-sample", "--all", "--format", format]);
    }
    for format in ["markdown", "text", "json"] {
        runs.push(vec![
            "agenda",
            "--due-within",
            "120d",
            "cases-sample",
            "--format",
            format,
        ]);
    }
    let mut owned: Vec<Vec<String>> = runs
        .into_iter()
        .map(|r| r.into_iter().map(str::to_owned).collect())
        .collect();
    for case in [
        "2026-0201",
        "2026-0202",
        "2026-0203",
        "2026-0204",
        "2026-0205",
        "2026-0206",
        "2026-0207",
        "2026-0208",
        "2026-0209",
        "2026-0210",
        "2026-0211",
        "2026-0212",
        "2026-0213",
    ] {
        for format in ["text", "json"] {
            owned.push(
                ["timeline", case, "cases-sample", "--format", format]
                    .map(str::to_owned)
                    .to_vec(),
            );
        }
        owned.push(["agenda", case, "cases-sample"].map(str::to_owned).to_vec());
    }
    owned
}

/// The prose of an output: JSON string values that are sentences (not ids, words of the
/// format or paths), or the lines of text, without code spans and paths.
fn prose(output: &str, json: bool) -> Vec<String> {
    if json {
        let mut found = Vec::new();
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(output) {
            strings(&value, &mut found);
        }
        return found
            .into_iter()
            .filter(|s| s.contains(' '))
            .map(|s| without_code(&s))
            .collect();
    }
    output.lines().map(without_code).collect()
}

/// The prose cells of a CSV (those with a space): its header row is the JSON's field
/// names and its other cells ids, dates and the JSON's fixed words.
fn csv_prose(output: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(output.as_bytes());
    reader
        .records()
        .filter_map(Result::ok)
        .flat_map(|r| r.iter().map(str::to_owned).collect::<Vec<_>>())
        .filter(|cell| cell.contains(' '))
        .map(|cell| without_code(&cell))
        .collect()
}

/// Every string of a JSON value but a setting's `key` and `value`, which are code, and
/// SARIF's rule help.
fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map
            .iter()
            // SARIF's `help` is a rule's whole explain page: the docs are checked apart.
            .filter(|(k, _)| !matches!(k.as_str(), "key" | "value" | "help" | "fullDescription"))
            .for_each(|(_, v)| strings(v, out)),
        _ => {}
    }
}

/// A line without what is between backticks and without words that are paths,
/// `--options` or keys with a dot (`plan.case_plan`), which a reader types as written.
fn without_code(line: &str) -> String {
    let mut out = String::new();
    for (i, part) in line.split('`').enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
        }
    }
    out.split_whitespace()
        .filter(|w| {
            !(w.contains('/')
                || w.contains('.') && w.contains('_')
                || w.starts_with("--")
                || w.contains(".yaml"))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn no_internal_word_in_any_output() {
    let mut problems = Vec::new();
    for args in runs() {
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = cplan(&argv).output().expect("cplan runs");
        let text = String::from_utf8_lossy(&out.stdout);
        let json = argv.contains(&"json") || argv.contains(&"sarif");
        let lines = if argv.contains(&"csv") {
            csv_prose(&text)
        } else {
            prose(&text, json)
        };
        // A case file's own line (`139 | sibling_visits:`) and the list of the keys
        // allowed in a place are the file's words and the format's keys, not prose.
        let lines = lines.into_iter().filter(|l| {
            let source_line = l
                .split_once(" |")
                .is_some_and(|(n, _)| n.trim().parse::<u32>().is_ok());
            !source_line && !l.contains("keys allowed here are")
        });
        for line in lines {
            let lower = line.to_lowercase();
            // "EFC" is defined where a timeline uses it ("entered foster care (EFC)");
            // the lower-case "efc" of a formula is not a word for readers.
            let internal = lower.contains("seed 0")
                || line.split(|c: char| !c.is_alphanumeric()).any(|w| w == "efc")
                || line.split_whitespace().any(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '_')
                        .contains('_')
                });
            if internal {
                problems.push(format!("{argv:?}: {line}"));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} lines:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
