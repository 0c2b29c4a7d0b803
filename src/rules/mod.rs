//! The rule catalogue. Every rule is a small item (code, name, default severity,
//! one-line summary, explanation, check); `registry::RULES` lists them all, one row
//! per code. The family files (`file_dates`, `file_refs`, `folder`, …) hold the checks.

mod emit;
pub mod file_dates;
pub mod file_refs;
pub mod folder;
pub mod registry;

use chrono::NaiveDate;

use crate::finding::{Finding, Severity};
use crate::load::CaseFile;
use crate::model::Case;
pub use emit::Emit;
pub use registry::{RULES, lookup};

/// How a rule is run.
#[derive(Clone, Copy)]
pub enum Check {
    /// Reported by the loader while it reads the file (CP001–CP004, CP008).
    Loader,
    /// Looks at one case at a time.
    Case(fn(&CaseCtx<'_>, &mut Emit<'_>)),
    /// Looks across every case of the folder (duplicate ids, siblings).
    Folder,
}

/// One rule of the catalogue.
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// Markdown with the headings What it checks / Why it matters / Example /
    /// How to fix / Turning it off / Source (docs/rules/CODE.md).
    pub explain: &'static str,
    /// Whether it applies to closed cases too (only the file rules do).
    pub closed_cases: bool,
    /// Off unless a profile turns it on (CP901).
    pub opt_in: bool,
    pub check: Check,
}

/// What a case rule sees: the case, where things are in its file, and "today".
pub struct CaseCtx<'a> {
    pub case: &'a Case,
    pub file: &'a CaseFile,
    pub as_of: NaiveDate,
}

/// Runs every case rule that applies to this case and returns its findings, with
/// source lines attached.
pub fn check_case(file: &CaseFile, as_of: NaiveDate) -> Vec<Finding> {
    let Some(case) = &file.case else {
        return Vec::new();
    };
    let ctx = CaseCtx { case, file, as_of };
    let open = case.is_open(as_of);
    let mut findings = Vec::new();
    for rule in RULES.iter().filter(|r| !r.opt_in && (open || r.closed_cases)) {
        if let Check::Case(check) = rule.check {
            let mut emit = Emit::new(rule, file, &case.id, &mut findings);
            check(&ctx, &mut emit);
        }
    }
    file.attach_source_lines(&mut findings);
    findings
}
