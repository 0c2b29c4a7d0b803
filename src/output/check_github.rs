//! `check --format github`: one GitHub Actions workflow command per finding, so that a
//! case folder kept in a repository gets inline annotations on a pull request:
//!
//! ```text
//! ::error file=cases/2026-0209.yaml,line=4,col=1,title=CP002::unknown key `caseworker` …
//! ```
//!
//! Errors are `::error`, warnings `::warning`, infos `::notice`. The summary line ends
//! the output as plain text, which the workflow log shows as it is.

use std::fmt::Write;

use super::CheckWriter;
use super::escape::{Sink, escape};
use crate::check::CheckRun;
use crate::finding::{Finding, Severity};

/// One workflow command per finding as it comes, then the summary line.
pub struct Writer;

impl CheckWriter for Writer {
    fn finding(&mut self, out: &mut dyn std::io::Write, f: &Finding) -> std::io::Result<()> {
        writeln!(out, "{}", command(f))
    }

    fn end(&mut self, out: &mut dyn std::io::Write, run: &CheckRun) -> std::io::Result<()> {
        writeln!(out, "{}", super::check_text::summary(run))
    }
}

/// The whole text of a finished run.
pub fn render(run: &CheckRun) -> String {
    super::render_check(&mut Writer, run)
}

/// The workflow command of one finding.
fn command(f: &Finding) -> String {
    // Escaped for a terminal first (the workflow log is one), then as the runner reads.
    let file = f.file.display().to_string();
    let mut properties = format!("file={}", escape_property(&escape(Sink::Terminal, &file)));
    if let Some(loc) = f.loc {
        let _ = write!(properties, ",line={},col={}", loc.line, loc.column);
    }
    let _ = write!(properties, ",title={}", escape_property(f.rule.as_str()));
    let message = escape(Sink::Terminal, &f.message);
    let message = match &f.help {
        Some(help) => format!("{message}\nhelp: {}", escape(Sink::Terminal, help)),
        None => message.into_owned(),
    };
    format!(
        "::{} {properties}::{}",
        command_name(f.severity),
        escape_data(&message)
    )
}

fn command_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// The message: `%`, CR and LF are percent-encoded, as the runner decodes them (a
/// message may then span several lines in the annotation).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property value: as the message, and `:` and `,` too, which end a value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::{escape_data, escape_property};

    #[test]
    fn escapes_what_the_runner_decodes() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a,b:c%"), "a%2Cb%3Ac%25");
    }
}
