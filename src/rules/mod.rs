//! The rule catalogue. Every rule is a small item (code, name, default severity,
//! one-line summary, explanation, check); `registry::RULES` lists them all, one row
//! per code. The family files (`file_dates`, `file_refs`, `folder`, …) hold the checks.

pub mod deadlines;
pub mod documentation;
pub mod dual_tracks;
mod emit;
pub mod file_dates;
pub mod file_refs;
pub mod files;
pub mod folder;
pub mod registry;
pub mod stages;

use chrono::NaiveDate;

use crate::finding::{Finding, Severity};
use crate::load::CaseFile;
use crate::model::Case;
use crate::policy::deadline::Deadline;
use crate::policy::{CaseFacts, Profile, RuleSetting};
pub use emit::Emit;
pub use registry::{RULES, codes, lookup};

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

/// What a case rule sees: the case, where things are in its file, its profile, and
/// the facts of the as-of date (current episode, EFC, month and stage of care).
pub struct CaseCtx<'a> {
    pub case: &'a Case,
    pub file: &'a CaseFile,
    pub as_of: NaiveDate,
    pub profile: &'a Profile,
    pub facts: CaseFacts<'a>,
    /// Every deadline of the case (none when it is closed), computed once.
    pub deadlines: Vec<Deadline>,
}

impl<'a> CaseCtx<'a> {
    /// The case of `file` as the rules see it on `as_of`, its deadlines computed once;
    /// `None` when the file's case could not be read or has no removal episode to
    /// count from (the loader has said why).
    pub fn new(file: &'a CaseFile, profile: &'a Profile, as_of: NaiveDate) -> Option<CaseCtx<'a>> {
        let case = file.case.as_ref()?;
        let facts = CaseFacts::new(case, profile, as_of)?;
        let deadlines = crate::policy::deadlines::deadlines(&facts, profile);
        Some(CaseCtx {
            case,
            file,
            as_of,
            profile,
            facts,
            deadlines,
        })
    }
}

/// Runs every case rule that applies to this case under its profile and returns
/// the findings, at the profile's severities, with source lines attached.
pub fn case_findings(ctx: &CaseCtx<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in RULES {
        let Some(severity) = effective_severity(rule, ctx.profile) else {
            continue;
        };
        let Check::Case(check) = rule.check else { continue };
        if !(ctx.facts.open || rule.closed_cases) {
            continue;
        }
        let first = findings.len();
        let mut emit = Emit::new(rule, ctx.file, &ctx.case.id, &mut findings);
        check(ctx, &mut emit);
        for finding in &mut findings[first..] {
            // A rule may report one part at a lower severity (CP007's siblings); a
            // profile setting moves the rule's default, keeping that difference.
            if finding.severity == rule.severity {
                finding.severity = severity;
            }
        }
    }
    ctx.file.attach_source_lines(&mut findings);
    findings
}

/// The case rules' findings on the case of `file` (none when it could not be read).
pub fn check_case(file: &CaseFile, profile: &Profile, as_of: NaiveDate) -> Vec<Finding> {
    CaseCtx::new(file, profile, as_of)
        .map(|ctx| case_findings(&ctx))
        .unwrap_or_default()
}

/// The severity a rule reports at under a profile, `None` when it is off. File rules
/// (CP0xx) cannot be turned off or lowered: a file that cannot be read cannot be trusted.
pub fn effective_severity(rule: &Rule, profile: &Profile) -> Option<Severity> {
    let adjustable = rule.code >= "CP100";
    match profile.rule_setting(rule.code) {
        Some(RuleSetting::Off) if adjustable => None,
        Some(RuleSetting::At(severity)) if adjustable => Some(severity),
        _ if rule.opt_in => None,
        _ => Some(rule.severity),
    }
}
