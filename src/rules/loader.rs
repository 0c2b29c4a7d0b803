//! The rules the loader reports while it reads a file (its checks are in `load/`):
//! here are their names, summaries and explain pages, for `cplan explain` and the registry.

use super::{Check, Rule};
use crate::finding::{Severity, code};

pub const CP001: Rule = Rule {
    code: code::CP001,
    name: "unreadable-file",
    severity: Severity::Error,
    summary: "Not a readable YAML mapping: bad YAML, not UTF-8, empty, or too large",
    explain: explain!("CP001"),
    closed_cases: true,
    opt_in: false,
    check: Check::Loader,
};

pub const CP002: Rule = Rule {
    code: code::CP002,
    name: "unknown-key",
    severity: Severity::Error,
    summary: "A key the case format does not define (usually a typo); names the closest key",
    explain: explain!("CP002"),
    closed_cases: true,
    opt_in: false,
    check: Check::Loader,
};

pub const CP003: Rule = Rule {
    code: code::CP003,
    name: "missing-required-key",
    severity: Severity::Error,
    summary: "A key the case format requires is missing or empty",
    explain: explain!("CP003"),
    closed_cases: true,
    opt_in: false,
    check: Check::Loader,
};

pub const CP004: Rule = Rule {
    code: code::CP004,
    name: "invalid-value",
    severity: Severity::Error,
    summary: "Wrong type, a word not in the allowed list, or a date not written YYYY-MM-DD",
    explain: explain!("CP004"),
    closed_cases: true,
    opt_in: false,
    check: Check::Loader,
};

pub const CP008: Rule = Rule {
    code: code::CP008,
    name: "duplicate-key",
    severity: Severity::Error,
    summary: "A YAML mapping repeats a key, so one of the two values would be lost",
    explain: explain!("CP008"),
    closed_cases: true,
    opt_in: false,
    check: Check::Loader,
};
