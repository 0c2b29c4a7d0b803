//! Findings as LSP diagnostics, each linked to its rule's explanation.
//!
//! cplan has no web site, and a caseworker's machine may be offline: the link opens
//! the explanation page of the running binary (what `cplan explain CODE` prints),
//! written once into the user's cache folder. Hover shows the same text.

use std::path::{Path, PathBuf};

use lsp_types::{CodeDescription, Diagnostic, DiagnosticSeverity, NumberOrString, Position, Range, Uri};

use super::text::Lines;
use super::uri;
use crate::finding::{Finding, Severity};

/// Where the explanation pages are, if they could be written.
pub struct Pages {
    folder: Option<PathBuf>,
}

impl Pages {
    /// Writes every rule's page into the cache folder (only those that differ), so
    /// that a diagnostic's link opens the text of this version of cplan.
    pub fn write() -> Pages {
        let folder = cache_folder().map(|c| c.join("cplan").join(env!("CARGO_PKG_VERSION")).join("rules"));
        let written = folder.filter(|folder| match write_pages(folder) {
            Ok(()) => true,
            Err(e) => {
                eprintln!(
                    "cplan server: cannot write the rule pages in {}: {e}; diagnostics link to none",
                    folder.display()
                );
                false
            }
        });
        Pages { folder: written }
    }

    pub fn href(&self, code: &str) -> Option<Uri> {
        let folder = self.folder.as_ref()?;
        crate::rules::lookup(code)?;
        uri::from_path(&folder.join(format!("{code}.md")))
    }
}

fn cache_folder() -> Option<PathBuf> {
    let from = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if cfg!(windows) {
        return from("LOCALAPPDATA");
    }
    from("XDG_CACHE_HOME")
        .filter(|p| p.is_absolute())
        .or_else(|| from("HOME").map(|home| home.join(".cache")))
}

fn write_pages(folder: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    for rule in crate::rules::RULES {
        let path = folder.join(format!("{}.md", rule.code));
        if std::fs::read_to_string(&path).ok().as_deref() != Some(rule.explain) {
            std::fs::write(&path, rule.explain)?;
        }
    }
    Ok(())
}

/// One finding as a diagnostic, its range in the client's encoding.
pub fn diagnostic(finding: &Finding, lines: &Lines<'_>, pages: &Pages) -> Diagnostic {
    let mut message = finding.message.clone();
    if let Some(help) = &finding.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    Diagnostic {
        range: range(finding, lines),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.to_string())),
        code_description: pages
            .href(finding.rule.as_str())
            .map(|href| CodeDescription { href }),
        source: Some("cplan".to_owned()),
        message,
        ..Diagnostic::default()
    }
}

/// Where a finding is: `width` characters from its place, kept on its line; a finding
/// about the whole file (too large, unreadable) marks the start of the first line.
pub fn range(finding: &Finding, lines: &Lines<'_>) -> Range {
    match finding.loc {
        Some(loc) => lines.range_of(loc.line, loc.column, finding.width),
        None => {
            let first = lines.line(0).chars().take(80).count() as u32;
            lines.range_of(1, 1, first.max(1))
        }
    }
}

/// A diagnostic for a document that could not be checked at all, at its start.
pub fn not_checked(why: &str) -> Diagnostic {
    Diagnostic {
        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some("cplan".to_owned()),
        message: why.to_owned(),
        ..Diagnostic::default()
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}
