//! `check --format concise`: `file:line:col: CODE message`, one a line, for grep and mail.

use std::fmt::Write;

use crate::check::CheckRun;

pub fn render(run: &CheckRun) -> String {
    let mut out = String::new();
    for f in &run.findings {
        let place = match f.loc {
            Some(loc) => format!("{}:{}:{}", f.file.display(), loc.line, loc.column),
            None => f.file.display().to_string(),
        };
        let _ = writeln!(out, "{place}: {} {}", f.rule, f.message);
    }
    out
}
