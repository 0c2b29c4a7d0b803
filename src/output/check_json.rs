//! `check --format json`, the shape the README documents, written as the run goes.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use super::{CheckWriter, indented_json};
use crate::check::CheckRun;
use crate::finding::{Finding, Severity};

#[derive(Serialize)]
struct Unreadable<'a> {
    file: String,
    line: Option<u32>,
    column: Option<u32>,
    message: &'a str,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    file: String,
    line: Option<u32>,
    column: Option<u32>,
    case: Option<&'a str>,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
}

/// `check --format json`: `as_of`, then the diagnostics as they come, then the counts
/// and the unreadable files (the counts are known only at the end).
#[derive(Default)]
pub struct Writer {
    written: usize,
}

impl CheckWriter for Writer {
    fn start(&mut self, out: &mut dyn Write, as_of: NaiveDate) -> std::io::Result<()> {
        write!(out, "{{\n  \"as_of\": \"{as_of}\",\n  \"diagnostics\": [")
    }

    fn finding(&mut self, out: &mut dyn Write, f: &Finding) -> std::io::Result<()> {
        let diagnostic = Diagnostic {
            file: f.file.display().to_string(),
            line: f.loc.map(|l| l.line),
            column: f.loc.map(|l| l.column),
            case: f.case.as_deref(),
            rule: f.rule.as_str(),
            severity: f.severity,
            message: &f.message,
        };
        let separator = if self.written == 0 { "" } else { "," };
        self.written += 1;
        write!(out, "{separator}\n{}", indented_json(&diagnostic, 4))
    }

    fn end(&mut self, out: &mut dyn Write, run: &CheckRun) -> std::io::Result<()> {
        let close = if self.written == 0 { "]" } else { "\n  ]" };
        let unreadable: Vec<Unreadable<'_>> = run
            .unreadable
            .iter()
            .map(|u| Unreadable {
                file: u.file.display().to_string(),
                line: u.loc.map(|l| l.line),
                column: u.loc.map(|l| l.column),
                message: &u.reason,
            })
            .collect();
        writeln!(
            out,
            "{close},\n  \"files\": {},\n  \"cases\": {},\n  \"errors\": {},\n  \"warnings\": {},\n  \"infos\": {},\n  \"unreadable\": {}\n}}",
            run.files,
            run.cases,
            run.count(Severity::Error),
            run.count(Severity::Warning),
            run.count(Severity::Info),
            indented_json(&unreadable, 2).trim_start()
        )
    }
}

/// The whole document of a finished run.
pub fn render(run: &CheckRun) -> String {
    super::render_check(&mut Writer::default(), run)
}
