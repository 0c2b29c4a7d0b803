//! One row per rule code. Codes never change meaning once released.

use super::{Check, Rule, file_dates, file_refs};
use crate::finding::Severity::Error;

/// The explanation `cplan explain CODE` prints, kept as a Markdown page per code in
/// docs/rules/ so that the catalogue can be read in the repository too.
macro_rules! explain {
    ($code:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/", $code, ".md"))
    };
}

/// A file-level rule: it applies to closed cases too.
const fn file_rule(
    code: &'static str,
    name: &'static str,
    summary: &'static str,
    explain: &'static str,
    check: Check,
) -> Rule {
    Rule {
        code,
        name,
        severity: Error,
        summary,
        explain,
        closed_cases: true,
        opt_in: false,
        check,
    }
}

pub static RULES: &[Rule] = &[
    file_rule(
        "CP001",
        "unreadable-file",
        "Not a readable YAML mapping: bad YAML, not UTF-8, empty, or too large",
        explain!("CP001"),
        Check::Loader,
    ),
    file_rule(
        "CP002",
        "unknown-key",
        "A key the case format does not define (usually a typo); names the closest key",
        explain!("CP002"),
        Check::Loader,
    ),
    file_rule(
        "CP003",
        "missing-required-key",
        "A key the case format requires is missing or empty",
        explain!("CP003"),
        Check::Loader,
    ),
    file_rule(
        "CP004",
        "invalid-value",
        "Wrong type, a word not in the allowed list, or a date not written YYYY-MM-DD",
        explain!("CP004"),
        Check::Loader,
    ),
    file_rule(
        "CP005",
        "duplicate-case-id",
        "Two files in the folder declare the same case id",
        explain!("CP005"),
        Check::Folder,
    ),
    file_rule(
        "CP006",
        "impossible-date",
        "Dates that cannot be true: before birth, end before start, overlap, future log",
        explain!("CP006"),
        Check::Case(file_dates::check),
    ),
    file_rule(
        "CP007",
        "unknown-reference",
        "A person reference names nobody, an id repeats, or a sibling has no file",
        explain!("CP007"),
        Check::Case(file_refs::check),
    ),
    file_rule(
        "CP008",
        "duplicate-key",
        "A YAML mapping repeats a key, so one of the two values would be lost",
        explain!("CP008"),
        Check::Loader,
    ),
];

/// The rule with this code (case-insensitive: `cp002` works too).
pub fn lookup(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code.eq_ignore_ascii_case(code))
}
