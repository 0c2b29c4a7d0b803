//! The answers to an editor's questions about an open case, each from its last check:
//! hover, quick fixes, inlay hints and completion.

use lsp_types as lsp;

use super::text::Lines;
use super::{Server, actions, completion, hints, hover};

impl Server<'_> {
    pub(super) fn hover(&mut self, params: lsp::HoverParams) -> Option<lsp::Hover> {
        let at = params.text_document_position_params;
        let encoding = self.encoding;
        self.check(&at.text_document.uri);
        let (document, checked) = self.checked(&at.text_document.uri)?;
        let lines = Lines::new(&document.text, encoding);
        hover::hover(&lines, checked, at.position)
    }

    pub(super) fn code_actions(&mut self, params: lsp::CodeActionParams) -> Vec<lsp::CodeActionOrCommand> {
        let uri = params.text_document.uri;
        let encoding = self.encoding;
        self.check(&uri);
        let Some((document, checked)) = self.checked(&uri) else {
            return Vec::new();
        };
        let lines = Lines::new(&document.text, encoding);
        actions::quick_fixes(&uri, &lines, checked, params.range, &self.pages)
    }

    pub(super) fn inlay_hints(&mut self, params: lsp::InlayHintParams) -> Vec<lsp::InlayHint> {
        let encoding = self.encoding;
        self.check(&params.text_document.uri);
        let Some((document, checked)) = self.checked(&params.text_document.uri) else {
            return Vec::new();
        };
        let Some(case) = checked.case.as_deref() else {
            return Vec::new();
        };
        let lines = Lines::new(&document.text, encoding);
        hints::hints(&lines, case, checked.as_of)
    }

    pub(super) fn completion(&mut self, params: lsp::CompletionParams) -> Vec<lsp::CompletionItem> {
        let at = params.text_document_position;
        let encoding = self.encoding;
        self.check(&at.text_document.uri);
        let Some((document, checked)) = self.checked(&at.text_document.uri) else {
            return Vec::new();
        };
        let case = checked.case.as_ref().and_then(|c| c.file.case.as_ref());
        let path = document.path.as_deref();
        let known = completion::Known {
            parents: document.parents.clone(),
            case_id: case.map(|c| c.id.clone()),
            siblings: case.map(|c| c.child.siblings.clone()).unwrap_or_default(),
            folder_ids: path.map(|p| self.workspace.case_ids_near(p)).unwrap_or_default(),
            profiles: self.workspace.profile_names_near(path),
        };
        let lines = Lines::new(&document.text, encoding);
        let (line, column) = lines.loc_of_position(at.position);
        completion::complete(&lines, line, column, &known)
    }
}
