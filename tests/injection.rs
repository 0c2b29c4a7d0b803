//! Safe to open anywhere: a caseload whose names, ids, notes and file names hold
//! spreadsheet formulas, terminal escapes, Markdown and HTML, and iCalendar line breaks
//! goes through every command in every format, and each format's own parser (csv,
//! pulldown-cmark, ical, serde_json) sees exactly the rows, events and nodes it should.
//! The hostile strings are made by functions here (YAML escapes), never pasted raw.

mod common;

use std::path::Path;
use std::process::Output;

use common::hostile::{Hostile, case_yaml};
use common::{AS_OF, output_finding_or_not};

/// Spreadsheet formulas (CWE-1236).
const FORMULA_NAME: &str = "=HYPERLINK(\"http://evil.example/?x\",\"click\")";
const FORMULA_WORKER: &str = "@SUM(1+1)";
const FORMULA_ID: &str = "=cmd|'/C calc'!A0";

/// Terminal escapes: colour, bell, backspace, a right-to-left override; OSC 52 writes
/// the clipboard.
fn ansi_name() -> String {
    "Kid\u{1b}[31mRED\u{7}\u{8}\u{202E}gnp.exe".to_owned()
}
fn osc_parent_id() -> String {
    "mo\u{1b}]52;c;aGVsbG8=\u{7}ther".to_owned()
}

/// Markdown and HTML in a worker's name: a heading, an image with a script, a link.
fn markdown_worker() -> String {
    "Okafor\n\n<img src=x onerror=alert(1)>\n\n## Fake section\n[click](https://evil.example)".to_owned()
}

/// A bare CR that would end an iCalendar line and start a forged event.
fn ics_name() -> String {
    "Kid\rEND:VEVENT\rBEGIN:VEVENT\rUID:fake@evil\rSUMMARY:FAKE EVENT\rEND:VEVENT\rBEGIN:VEVENT".to_owned()
}

/// The hostile caseload: three cases and two files whose names hold a terminal escape
/// and a line break (and whose YAML is broken, so the path is printed in a finding).
fn hostile_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = [
        Hostile {
            id: FORMULA_ID.to_owned(),
            worker: FORMULA_WORKER.to_owned(),
            child: FORMULA_NAME.to_owned(),
            parent_id: osc_parent_id(),
            parent_name: ansi_name(),
            caregiver: "<script>alert(1)</script>".to_owned(),
            relative: FORMULA_NAME.to_owned(),
            note: format!("{} [click](https://evil.example) `code` | pipe", ansi_name()),
        },
        Hostile {
            id: "2026-0902".to_owned(),
            worker: markdown_worker(),
            child: ics_name(),
            parent_id: "mother".to_owned(),
            parent_name: "-2+3".to_owned(),
            caregiver: "+cmd|' /C calc'!A0".to_owned(),
            relative: markdown_worker(),
            note: markdown_worker(),
        },
        Hostile {
            id: "2026-0903".to_owned(),
            worker: "T. Okafor".to_owned(),
            child: ics_name(),
            parent_id: "mother".to_owned(),
            parent_name: "Ana\r\nEND:VCALENDAR".to_owned(),
            caregiver: "Kettering family".to_owned(),
            relative: ics_name(),
            note: ics_name(),
        },
    ];
    for (i, case) in cases.iter().enumerate() {
        std::fs::write(dir.path().join(format!("case-{i}.yaml")), case_yaml(case)).expect("write");
    }
    for name in [
        "evil\u{1b}[31m\u{202E}.yaml",
        "line\nforged.yaml:1:1: CP999 forged.yaml",
    ] {
        std::fs::write(dir.path().join(name), "case: [\n").expect("write");
    }
    dir
}

const CASES: usize = 3;
const UNREADABLE: usize = 2;

fn run(dir: &Path, args: &[&str]) -> Output {
    output_finding_or_not(dir, args)
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Bytes and characters that a terminal, a log or a mail would act on.
fn assert_plain(args: &[&str], output: &str) {
    for (i, c) in output.char_indices() {
        let unsafe_char = (c.is_control() && c != '\n')
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c);
        assert!(
            !unsafe_char,
            "{args:?}: U+{:04X} at byte {i} in\n{output}",
            u32::from(c)
        );
    }
}

#[test]
fn terminal_formats_never_emit_a_control_character() {
    let dir = hostile_folder();
    let runs: [&[&str]; 12] = [
        &["check", "."],
        &["check", ".", "--format", "concise"],
        &["check", ".", "--format", "github"],
        &["status", "."],
        &["deadlines", ".", "--all"],
        &["deadlines", ".", "--all", "--by", "worker"],
        &["stats", "."],
        &["stats", ".", "--by", "worker"],
        &["agenda", "--due-within", "60d", ".", "--format", "text"],
        &["agenda", "2026-0902", ".", "--format", "text"],
        &["timeline", "2026-0902", "."],
        &["timeline", "2026-0903", "."],
    ];
    for args in runs {
        let out = run(dir.path(), args);
        assert_plain(args, &text(&out));
        assert_plain(args, &String::from_utf8_lossy(&out.stderr));
    }
}

/// `--format concise` is one finding a line, `file:line:col: CODE message`: a line
/// break in a value or a file name cannot forge a second finding.
#[test]
fn concise_has_one_line_per_finding() {
    let dir = hostile_folder();
    let json: serde_json::Value =
        serde_json::from_str(&text(&run(dir.path(), &["check", ".", "--format", "json"]))).expect("json");
    let findings = json["diagnostics"].as_array().expect("list").len();
    let concise = text(&run(dir.path(), &["check", ".", "--format", "concise"]));
    assert_eq!(concise.lines().count(), findings, "{concise}");
    for line in concise.lines() {
        assert!(line.starts_with("./"), "every line starts with a file: {line}");
    }
    assert_eq!(
        json["unreadable"].as_array().map(Vec::len),
        Some(UNREADABLE),
        "{json}"
    );
}

#[test]
fn csv_cells_are_never_formulas_and_rows_are_rows() {
    let dir = hostile_folder();
    for (args, rows) in [
        (&["status", ".", "--format", "csv"][..], CASES),
        (
            &["stats", ".", "--by", "worker", "--format", "csv"][..],
            CASES + 1,
        ),
    ] {
        let out = text(&run(dir.path(), args));
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("csv")).collect();
        assert_eq!(records.len(), rows, "{args:?}: {out}");
        for cell in records.iter().flatten() {
            let formula = cell.starts_with(['=', '+', '@', '\t', '\r'])
                || (cell.starts_with('-') && cell.parse::<f64>().is_err());
            assert!(!formula, "{args:?}: a formula cell {cell:?}");
        }
    }
    let json: serde_json::Value = serde_json::from_str(&text(&run(
        dir.path(),
        &["deadlines", ".", "--all", "--format", "json"],
    )))
    .expect("json");
    let deadlines = json["deadlines"].as_array().expect("list").len();
    let out = text(&run(dir.path(), &["deadlines", ".", "--all", "--format", "csv"]));
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(reader.records().count(), deadlines);
}

/// Every Markdown report: no HTML, no link, no image; headings only those the report
/// makes; each table has one row per case or deadline.
#[test]
fn markdown_has_no_html_link_or_forged_heading() {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let dir = hostile_folder();
    let runs: [&[&str]; 6] = [
        &["status", ".", "--format", "markdown"],
        &["deadlines", ".", "--all", "--format", "markdown"],
        &[
            "deadlines",
            ".",
            "--all",
            "--by",
            "worker",
            "--format",
            "markdown",
        ],
        &["stats", ".", "--by", "worker", "--format", "markdown"],
        &["agenda", "--due-within", "60d", ".", "--format", "markdown"],
        &["agenda", "2026-0902", ".", "--format", "markdown"],
    ];
    for args in runs {
        let md = text(&run(dir.path(), args));
        let mut headings = Vec::new();
        let mut in_heading = false;
        let mut table_rows = 0;
        for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
            match event {
                Event::Html(html) | Event::InlineHtml(html) => panic!("{args:?}: HTML {html:?}\n{md}"),
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    panic!("{args:?}: a link to {dest_url}\n{md}")
                }
                Event::Start(Tag::Heading { .. }) => {
                    in_heading = true;
                    headings.push(String::new());
                }
                Event::End(pulldown_cmark::TagEnd::Heading(_)) => in_heading = false,
                Event::Text(t) | Event::Code(t) if in_heading => {
                    if let Some(h) = headings.last_mut() {
                        h.push_str(&t);
                    }
                }
                Event::Start(Tag::TableRow) => table_rows += 1,
                _ => {}
            }
        }
        for heading in &headings {
            assert!(
                !heading.starts_with("Fake section"),
                "{args:?}: forged heading\n{md}"
            );
        }
        if args[0] == "status" {
            assert_eq!(table_rows, CASES, "{args:?}\n{md}");
        }
        if args[0] == "deadlines" && args.len() == 5 {
            let json: serde_json::Value = serde_json::from_str(&text(&run(
                dir.path(),
                &["deadlines", ".", "--all", "--format", "json"],
            )))
            .expect("json");
            assert_eq!(
                table_rows,
                json["deadlines"].as_array().map_or(0, Vec::len),
                "{md}"
            );
        }
    }
}

/// The calendar: as many events as deadlines, none forged, every property free of
/// control characters.
#[test]
fn the_calendar_has_exactly_one_event_per_deadline() {
    let dir = hostile_folder();
    let json: serde_json::Value = serde_json::from_str(&text(&run(
        dir.path(),
        &["deadlines", ".", "--all", "--format", "json"],
    )))
    .expect("json");
    let deadlines = json["deadlines"].as_array().expect("list").len();
    let ics = text(&run(dir.path(), &["deadlines", ".", "--all", "--format", "ics"]));
    let mut parser = ical::IcalParser::new(ics.as_bytes());
    let calendar = parser.next().expect("a calendar").expect("valid iCalendar");
    assert!(parser.next().is_none(), "one calendar");
    assert_eq!(calendar.events.len(), deadlines);
    for event in &calendar.events {
        for property in &event.properties {
            let value = property.value.as_deref().unwrap_or_default();
            assert!(
                !value.chars().any(char::is_control),
                "{}: {value:?}",
                property.name
            );
            if property.name == "UID" {
                assert!(value.ends_with("@cplan"), "no UID but cplan's: {value}");
            }
        }
    }
    // A reader that splits at any CR or LF finds no other event.
    let begins = ics.split(['\r', '\n']).filter(|l| *l == "BEGIN:VEVENT").count();
    assert_eq!(begins, deadlines);
}

/// JSON keeps the data as it is (escaped by JSON itself) and parses.
#[test]
fn json_holds_the_data_as_written() {
    let dir = hostile_folder();
    for args in [
        &["status", ".", "--format", "json"][..],
        &["deadlines", ".", "--all", "--format", "json"],
        &["check", ".", "--format", "json"],
        &["check", ".", "--format", "sarif"],
        &["agenda", "2026-0902", ".", "--format", "json"],
        &["timeline", "2026-0902", ".", "--format", "json"],
    ] {
        let out = text(&run(dir.path(), args));
        assert!(!out.contains('\u{1b}'), "{args:?}: JSON escapes ESC itself");
        serde_json::from_str::<serde_json::Value>(&out).expect("valid JSON");
    }
    let status: serde_json::Value =
        serde_json::from_str(&text(&run(dir.path(), &["status", ".", "--format", "json"]))).expect("json");
    let children: Vec<&str> = status["cases"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|c| c["child"].as_str())
        .collect();
    assert!(children.contains(&FORMULA_NAME), "{children:?}");
    assert!(children.contains(&ics_name().as_str()), "{children:?}");
}

/// `--color never` writes no ESC byte at all; `--color always` colours.
#[test]
fn no_escape_byte_without_colour() {
    let dir = hostile_folder();
    let never = run(dir.path(), &["check", "."]);
    assert!(!never.stdout.contains(&0x1b), "{}", text(&never));
    let mut always = std::process::Command::new(insta_cmd::get_cargo_bin("cplan"));
    always
        .current_dir(dir.path())
        .args(["--as-of", AS_OF, "--color", "always", "check", "."]);
    assert!(always.output().expect("runs").stdout.contains(&0x1b));
}
