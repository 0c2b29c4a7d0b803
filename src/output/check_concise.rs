//! `check --format concise`: `file:line:col: CODE message`, one a line, for grep and mail.

use std::fmt::Write;

use super::escape::{Sink, escape};
use crate::check::CheckRun;

/// One line per finding, whatever the file name or the message holds: both are escaped
/// for the terminal, so a line break in a value cannot forge a second finding.
pub fn render(run: &CheckRun) -> String {
    let mut out = String::new();
    for f in &run.findings {
        let file = f.file.display().to_string();
        let file = escape(Sink::Terminal, &file);
        let place = match f.loc {
            Some(loc) => format!("{file}:{}:{}", loc.line, loc.column),
            None => file.into_owned(),
        };
        let _ = writeln!(out, "{place}: {} {}", f.rule, escape(Sink::Terminal, &f.message));
    }
    out
}
