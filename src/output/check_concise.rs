//! `check --format concise`: `file:line:col: CODE message`, one a line, for grep and mail.

use std::io::Write;

use super::CheckWriter;
use super::escape::{Sink, escape};
use crate::check::CheckRun;
use crate::finding::Finding;

/// One line per finding, whatever the file name or the message holds: both are escaped
/// for the terminal, so a line break in a value cannot forge a second finding.
pub struct Writer;

impl CheckWriter for Writer {
    fn finding(&mut self, out: &mut dyn Write, f: &Finding) -> std::io::Result<()> {
        let file = f.file.display().to_string();
        let file = escape(Sink::Terminal, &file);
        let place = match f.loc {
            Some(loc) => format!("{file}:{}:{}", loc.line, loc.column),
            None => file.into_owned(),
        };
        writeln!(out, "{place}: {} {}", f.rule, escape(Sink::Terminal, &f.message))
    }

    fn end(&mut self, _out: &mut dyn Write, _run: &CheckRun) -> std::io::Result<()> {
        Ok(())
    }
}

/// The whole text of a finished run.
pub fn render(run: &CheckRun) -> String {
    super::render_check(&mut Writer, run)
}
