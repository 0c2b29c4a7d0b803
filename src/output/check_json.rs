//! `check --format json`, exactly the shape the README documents.

use serde::Serialize;

use crate::check::CheckRun;
use crate::finding::Severity;

#[derive(Serialize)]
struct Report<'a> {
    as_of: String,
    files: usize,
    cases: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    diagnostics: Vec<Diagnostic<'a>>,
    /// Files whose case could not be read (each also has its CP001–CP004 diagnostic).
    unreadable: Vec<Unreadable<'a>>,
}

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

pub fn render(run: &CheckRun) -> String {
    let report = Report {
        as_of: run.as_of.map(|d| d.to_string()).unwrap_or_default(),
        files: run.files,
        cases: run.cases,
        errors: run.count(Severity::Error),
        warnings: run.count(Severity::Warning),
        infos: run.count(Severity::Info),
        diagnostics: run
            .findings
            .iter()
            .map(|f| Diagnostic {
                file: f.file.display().to_string(),
                line: f.loc.map(|l| l.line),
                column: f.loc.map(|l| l.column),
                case: f.case.as_deref(),
                rule: f.rule,
                severity: f.severity,
                message: &f.message,
            })
            .collect(),
        unreadable: run
            .unreadable
            .iter()
            .map(|u| Unreadable {
                file: u.file.display().to_string(),
                line: u.loc.map(|l| l.line),
                column: u.loc.map(|l| l.column),
                message: &u.reason,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}
