//! The open documents: opened, changed and closed by the editor, changed on disk by
//! others; each checked once typing rests, and its diagnostics published.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::Instant;

use lsp_server::Notification;
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::{self as lsp, Uri};

use super::text::Lines;
use super::workspace::Checked;
use super::{Document, Server, diagnostics, text, uri};

impl Server<'_> {
    pub(super) fn did_open(&mut self, params: lsp::DidOpenTextDocumentParams) {
        let document = params.text_document;
        let path = uri::to_path(&document.uri);
        self.docs.insert(
            document.uri.clone(),
            Document {
                path,
                text: document.text,
                version: document.version,
                checked: None,
                parents: Vec::new(),
            },
        );
        self.check(&document.uri);
    }

    pub(super) fn did_change(&mut self, params: lsp::DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let encoding = self.encoding;
        let Some(document) = self.docs.get_mut(&uri) else {
            return;
        };
        for change in params.content_changes {
            match change.range {
                Some(range) => text::apply_change(&mut document.text, range, &change.text, encoding),
                None => document.text = change.text,
            }
        }
        document.version = params.text_document.version;
        document.checked = None;
        self.changed(uri);
    }

    pub(super) fn did_close(&mut self, params: lsp::DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.pending.retain(|u| *u != uri);
        if let Some(path) = self.docs.remove(&uri).and_then(|d| d.path) {
            self.workspace.closed(&path);
            self.folder_changed(&path);
        }
        self.publish(uri, Vec::new(), None);
    }

    pub(super) fn files_changed(&mut self, params: lsp::DidChangeWatchedFilesParams) {
        let paths: Vec<PathBuf> = params
            .changes
            .iter()
            .filter_map(|c| uri::to_path(&c.uri))
            .collect();
        let open: Vec<PathBuf> = self.docs.values().filter_map(|d| d.path.clone()).collect();
        self.workspace
            .files_changed(&paths, &|p| open.iter().any(|o| o == p));
        if paths
            .iter()
            .any(|p| p.file_name().is_some_and(|n| n == crate::load::POLICY_FILE))
        {
            self.all_changed();
        } else {
            for path in &paths {
                self.folder_changed(path);
            }
        }
    }

    /// Every open document is to be checked again (the date or a cplan.yaml changed).
    pub(super) fn all_changed(&mut self) {
        let uris: Vec<Uri> = self.docs.keys().cloned().collect();
        for uri in uris {
            self.changed(uri);
        }
    }

    /// The open documents whose folder holds `path` (other than it) are to be checked again.
    pub(super) fn folder_changed(&mut self, path: &Path) {
        let uris: Vec<Uri> = self
            .docs
            .iter()
            .filter(|(_, d)| {
                d.path
                    .as_deref()
                    .is_some_and(|p| p != path && p.parent() == path.parent())
            })
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in uris {
            self.changed(uri);
        }
    }

    pub(super) fn changed(&mut self, uri: Uri) {
        if let Some(document) = self.docs.get_mut(&uri) {
            document.checked = None;
        }
        if !self.pending.contains(&uri) {
            self.pending.push(uri);
        }
        let now = Instant::now();
        self.first_change.get_or_insert(now);
        self.last_change = Some(now);
    }

    /// Checks every document changed since its last check.
    pub(super) fn check_pending(&mut self) {
        self.first_change = None;
        self.last_change = None;
        for uri in std::mem::take(&mut self.pending) {
            self.check(&uri);
        }
    }

    /// Checks a document now if its last check is not of its text, and publishes its
    /// diagnostics.
    pub(super) fn check(&mut self, uri: &Uri) {
        self.pending.retain(|u| u != uri);
        let as_of = self.as_of();
        let Some(document) = self.docs.get_mut(uri) else {
            return;
        };
        if document.checked.as_ref().is_some_and(|c| c.as_of == as_of) {
            return;
        }
        let workspace = &mut self.workspace;
        let (path, text) = (document.path.as_deref(), document.text.as_str());
        let checked = match catch_unwind(AssertUnwindSafe(|| workspace.check(path, text, as_of))) {
            Ok(checked) => checked,
            Err(_) => {
                eprintln!(
                    "cplan server: internal error while checking {}; going on",
                    uri.as_str()
                );
                Checked {
                    findings: Vec::new(),
                    case: None,
                    not_checked: Some(
                        "cplan had an internal error checking this file (the server's log has it); please report it"
                            .to_owned(),
                    ),
                    as_of,
                }
            }
        };
        if let Some(case) = checked.case.as_ref().and_then(|c| c.file.case.as_ref()) {
            document.parents = case
                .parents
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect();
        }
        let lines = Lines::new(&document.text, self.encoding);
        let mut diagnostics: Vec<lsp::Diagnostic> = checked
            .findings
            .iter()
            .map(|f| diagnostics::diagnostic(f, &lines, &self.pages))
            .collect();
        diagnostics.extend(checked.not_checked.as_deref().map(diagnostics::not_checked));
        let version = document.version;
        document.checked = Some(checked);
        self.publish(uri.clone(), diagnostics, Some(version));
    }

    pub(super) fn publish(&self, uri: Uri, diagnostics: Vec<lsp::Diagnostic>, version: Option<i32>) {
        let params = lsp::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Notification::new(
            note::PublishDiagnostics::METHOD.to_owned(),
            params,
        ));
    }

    /// The document of a request and its last check (see `check`, called first).
    pub(super) fn checked(&self, uri: &Uri) -> Option<(&Document, &Checked)> {
        let document = self.docs.get(uri)?;
        Some((document, document.checked.as_ref()?))
    }
}
