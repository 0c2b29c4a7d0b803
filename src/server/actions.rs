//! Quick fixes: the findings whose correction is certain (`Finding::fix`), each as an
//! edit of that key or value alone, offered only while the text still says what the
//! finding saw there.

use std::collections::HashMap;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Uri, WorkspaceEdit};

use super::diagnostics::{self, Pages};
use super::text::Lines;
use super::workspace::Checked;
use crate::finding::Finding;

pub fn quick_fixes(
    uri: &Uri,
    lines: &Lines<'_>,
    checked: &Checked,
    range: Range,
    pages: &Pages,
) -> Vec<CodeActionOrCommand> {
    checked
        .findings
        .iter()
        .filter(|f| overlaps(diagnostics::range(f, lines), range))
        .filter_map(|f| quick_fix(uri, lines, f, pages))
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

// lsp-types hashes a `Uri` by its text, which never changes: the lint's worry (a key
// whose hash changes inside the map) cannot happen.
#[allow(clippy::mutable_key_type)]
fn quick_fix(uri: &Uri, lines: &Lines<'_>, finding: &Finding, pages: &Pages) -> Option<CodeAction> {
    let fix = finding.fix.as_deref()?;
    let width = fix.original.chars().count();
    if lines.text_at(fix.loc.line, fix.loc.column, width)? != fix.original {
        return None;
    }
    let edit = TextEdit {
        range: lines.range_of(fix.loc.line, fix.loc.column, width as u32),
        new_text: fix.replacement.clone(),
    };
    let changes = HashMap::from([(uri.clone(), vec![edit])]);
    Some(CodeAction {
        title: format!("Replace `{}` with `{}`", fix.original, fix.replacement),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostics::diagnostic(finding, lines, pages)]),
        edit: Some(WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        }),
        is_preferred: Some(true),
        ..CodeAction::default()
    })
}

/// Whether two ranges share a place (touching counts: a cursor at the end of a word).
fn overlaps(a: Range, b: Range) -> bool {
    a.start <= b.end && b.start <= a.end
}
