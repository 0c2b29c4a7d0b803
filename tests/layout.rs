//! Tables a supervisor can print: at every common width every line fits, and no date,
//! case id or word is split between lines; box lines only in a UTF-8 locale.

mod common;

use common::cplan;

fn widths() -> [u16; 4] {
    [80, 100, 120, 160]
}

/// Every `YYYY-MM-DD` and `YYYY-NNNN` token of a JSON report: each must appear whole.
fn tokens(json: &str) -> Vec<String> {
    let mut found: Vec<String> = json
        .split(|c: char| !(c.is_ascii_digit() || c == '-'))
        .filter(|t| {
            let dates = t.len() == 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-';
            let ids = t.len() == 9 && t.as_bytes()[4] == b'-';
            dates || ids
        })
        .map(str::to_owned)
        .collect();
    found.sort();
    found.dedup();
    found
}

#[test]
fn every_line_fits_and_no_date_or_id_is_split() {
    let reports: [(&[&str], &[&str]); 3] = [
        (
            &["status", "cases-sample"],
            &["status", "cases-sample", "--format", "json"],
        ),
        (
            &["deadlines", "cases-sample", "--within", "60d"],
            &["deadlines", "cases-sample", "--within", "60d", "--format", "json"],
        ),
        (&["stats", "cases-sample", "--by", "worker"], &[]),
    ];
    for (table, json) in reports {
        let expected = if json.is_empty() {
            Vec::new()
        } else {
            tokens(&common::stdout_of(cplan(json)))
        };
        for width in widths() {
            let width_arg = width.to_string();
            let mut args = table.to_vec();
            args.extend(["--width", &width_arg]);
            let text = common::stdout_of(cplan(&args));
            for line in text.lines() {
                assert!(
                    unicode_width::UnicodeWidthStr::width(line) <= usize::from(width),
                    "{args:?}: a line wider than {width}:\n{line}"
                );
            }
            for token in &expected {
                // A value shown in the table is whole; a column dropped at this width
                // shows none of its values.
                let halves = [&token[..5], &token[5..]];
                let split = text
                    .lines()
                    .any(|l| l.trim_end_matches(['│', '|', ' ']).ends_with(halves[0]));
                assert!(!split, "{args:?}: {token} split at width {width}\n{text}");
            }
        }
    }
}

#[test]
fn the_case_id_and_the_next_deadline_are_shown_at_80_columns() {
    let text = common::stdout_of(cplan(&["status", "cases-sample", "--width", "80"]));
    assert!(
        text.contains("2026-0212") && text.contains("2026-10-31"),
        "{text}"
    );
    assert!(text.contains("next deadline"), "{text}");
}

#[test]
fn box_lines_only_in_a_utf8_locale() {
    let run = |lang: &str| {
        let mut cmd = cplan(&["status", "cases-sample"]);
        cmd.env_remove("LC_ALL").env_remove("LC_CTYPE").env("LANG", lang);
        common::stdout_of(cmd)
    };
    let ascii = run("C");
    assert!(ascii.is_ascii() || !ascii.contains('┌'), "{ascii}");
    assert!(ascii.contains("+-") && ascii.contains("| case"), "{ascii}");
    assert!(run("en_US.UTF-8").contains('┌'));
}
