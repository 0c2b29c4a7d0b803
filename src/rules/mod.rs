//! The rule catalogue. Every rule is a `const Rule` (code, name, default severity,
//! one-line summary, explanation page, applicability, check) written just above its
//! check function in a family file (`dual_tracks`, `stages`, `documentation`,
//! `deadlines`, `file_dates`, `file_refs`, `folder`, `files`; the loader's rules in
//! `loader`); `registry::RULES` lists them all, one row per code.

/// The explanation `cplan explain CODE` prints, kept as a Markdown page per code in
/// docs/rules/ so that the catalogue can be read in the repository too. (Defined
/// before the family modules, which use it.)
macro_rules! explain {
    ($code:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/", $code, ".md"))
    };
}

pub mod deadlines;
pub mod documentation;
pub mod dual_tracks;
mod emit;
pub mod file_dates;
pub mod file_refs;
pub mod files;
pub mod folder;
mod loader;
pub mod registry;
pub mod stages;

use chrono::NaiveDate;

use crate::finding::{Code, Finding, Severity};
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
    pub code: Code,
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
        check(
            ctx,
            &mut Emit::new(rule, severity, ctx.file, &ctx.case.id, &mut findings),
        );
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

/// The severity a rule reports at under a profile, `None` when it is off.
pub fn effective_severity(rule: &Rule, profile: &Profile) -> Option<Severity> {
    part_severity(rule, rule.severity, profile)
}

/// The severity under a profile of a part of `rule` that reports at `default`, `None`
/// when it is off. A profile moves any rule from CP100 up. The file rules (CP0xx)
/// keep their errors whatever it says, since a file that cannot be read cannot be
/// trusted; only a file rule's warning part moves (CP007's sibling with no file in
/// the folder, whose case may be kept in another office).
pub fn part_severity(rule: &Rule, default: Severity, profile: &Profile) -> Option<Severity> {
    let adjustable = !rule.code.is_file_rule() || default < Severity::Error;
    match profile.rule_setting(rule.code.as_str()) {
        Some(RuleSetting::Off) if adjustable => None,
        Some(RuleSetting::At(severity)) if adjustable => Some(severity),
        _ if rule.opt_in => None,
        _ => Some(default),
    }
}
