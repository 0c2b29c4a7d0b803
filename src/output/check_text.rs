//! `check --format text`: rustc-style diagnostics with the source line, then a summary.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use std::io::Write;

use super::CheckWriter;
use super::escape::{Sink, escape, terminal_line_and_span};
use crate::check::CheckRun;
use crate::finding::{Finding, Severity};

/// rustc-style diagnostics, each as it comes, then the summary line.
pub struct Writer {
    renderer: Renderer,
}

impl Writer {
    pub fn new(color: bool) -> Writer {
        Writer {
            renderer: if color {
                Renderer::styled()
            } else {
                Renderer::plain()
            },
        }
    }
}

impl CheckWriter for Writer {
    fn finding(&mut self, out: &mut dyn Write, f: &Finding) -> std::io::Result<()> {
        write!(out, "{}\n\n", render_one(f, &self.renderer))
    }

    fn end(&mut self, out: &mut dyn Write, run: &CheckRun) -> std::io::Result<()> {
        writeln!(out, "{}", summary(run))
    }
}

/// The whole text of a finished run.
pub fn render(run: &CheckRun, color: bool) -> String {
    super::render_check(&mut Writer::new(color), run)
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// One finding, rustc-style. The message, the help, the path and the source line come
/// from case files and their names: each is escaped for the terminal first, so none can
/// send an escape sequence or start a line of its own.
fn render_one(f: &Finding, renderer: &Renderer) -> String {
    let path = escape(Sink::Terminal, &f.file.display().to_string()).into_owned();
    let message = escape(Sink::Terminal, &f.message);
    let title = level(f.severity)
        .primary_title(message.as_ref())
        .id(f.rule.as_str());
    let mut group = match (&f.loc, &f.source_line) {
        (Some(loc), Some(line)) => {
            let first = loc.column.saturating_sub(1) as usize;
            let (line, first, last) = terminal_line_and_span(line, first, first + f.width.max(1) as usize);
            let (start, end) = char_span(&line, first as u32 + 1, (last - first) as u32);
            title.element(
                Snippet::source(line)
                    .line_start(loc.line as usize)
                    .path(path)
                    .annotation(AnnotationKind::Primary.span(start..end)),
            )
        }
        (Some(loc), None) => title.element(
            annotate_snippets::Origin::path(path)
                .line(loc.line as usize)
                .char_column(loc.column as usize),
        ),
        (None, _) => title.element(annotate_snippets::Origin::path(path)),
    };
    if let Some(help) = &f.help {
        group = group.element(Level::HELP.message(escape(Sink::Terminal, help)));
    }
    let report: [Group<'_>; 1] = [group];
    renderer.render(&report)
}

/// The byte range of `width` characters from 1-based character `column`, clamped to the line.
fn char_span(line: &str, column: u32, width: u32) -> (usize, usize) {
    let byte_at = |chars: usize| line.char_indices().nth(chars).map_or(line.len(), |(i, _)| i);
    let start = byte_at(column.saturating_sub(1) as usize);
    let end = byte_at((column.saturating_sub(1) + width.max(1)) as usize).max(start);
    (start, end)
}

/// "checked 14 files (13 cases, 1 unreadable) as of 2026-11-24: 3 errors, 5 warnings, 1 info".
pub fn summary(run: &CheckRun) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let as_of = run.as_of.map(|d| format!(" as of {d}")).unwrap_or_default();
    let unreadable = match run.unreadable.len() {
        0 => String::new(),
        n => format!(", {n} unreadable"),
    };
    format!(
        "checked {} ({}{unreadable}){as_of}: {}, {}, {}",
        plural(run.files, "file", "files"),
        plural(run.cases, "case", "cases"),
        plural(run.count(Severity::Error), "error", "errors"),
        plural(run.count(Severity::Warning), "warning", "warnings"),
        plural(run.count(Severity::Info), "info", "infos"),
    )
}
