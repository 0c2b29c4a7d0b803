//! Builds findings for one rule on one case, pointing at key paths of the file.

use crate::finding::{Finding, Loc, Severity};
use crate::load::CaseFile;

use super::Rule;

pub struct Emit<'a> {
    rule: &'a Rule,
    /// The rule's severity under the case's profile.
    severity: Severity,
    file: &'a CaseFile,
    case_id: &'a str,
    out: &'a mut Vec<Finding>,
}

impl<'a> Emit<'a> {
    pub fn new(
        rule: &'a Rule,
        severity: Severity,
        file: &'a CaseFile,
        case_id: &'a str,
        out: &'a mut Vec<Finding>,
    ) -> Self {
        Emit {
            rule,
            severity,
            file,
            case_id,
            out,
        }
    }

    /// A finding at the key of `path` (or its nearest written parent).
    pub fn at_key(&mut self, path: &str, message: impl Into<String>) -> &mut Finding {
        let (loc, width) = self.file.positions.key_span(path);
        self.at_width(loc, width, message)
    }

    /// A finding at the key of `path` (or its nearest written parent), else at the key
    /// of `instead`: a section missing altogether is better shown by the episode it is
    /// about than by the top of the file.
    pub fn at_key_or(&mut self, path: &str, instead: &str, message: impl Into<String>) -> &mut Finding {
        let positions = &self.file.positions;
        let loc = positions
            .nearest_key(path)
            .unwrap_or_else(|| positions.key(instead));
        self.at(loc, message)
    }

    /// A finding at the value of `path` (or its nearest written parent's key).
    pub fn at_value(&mut self, path: &str, message: impl Into<String>) -> &mut Finding {
        let (loc, width) = self.file.positions.value_span(path);
        self.at_width(loc, width, message)
    }

    /// Where the value of `path` is written (where a fix of it starts).
    pub fn value_loc(&self, path: &str) -> Loc {
        self.file.positions.value_span(path).0
    }

    fn at_width(&mut self, loc: Loc, width: u32, message: impl Into<String>) -> &mut Finding {
        let finding = self.at(loc, message);
        finding.width = width.max(1);
        finding
    }

    pub fn at(&mut self, loc: Loc, message: impl Into<String>) -> &mut Finding {
        let mut finding =
            Finding::new(self.rule.code, self.severity, &self.file.path, message.into()).at(loc);
        finding.case = Some(self.case_id.to_owned());
        self.out.push(finding);
        let last = self.out.len() - 1;
        &mut self.out[last]
    }
}
