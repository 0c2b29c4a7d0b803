//! CP9xx — handling of the case files themselves.

use super::{CaseCtx, Check, Emit, Rule};
use crate::finding::{Code, Severity};

pub const CP901: Rule = Rule {
    code: Code::new("CP901"),
    name: "world-readable-file",
    severity: Severity::Warning,
    summary: "A case file is readable by every user of the machine (opt-in)",
    explain: explain!("CP901"),
    closed_cases: true,
    opt_in: true,
    check: Check::Case(cp901),
};

/// CP901 world-readable-file: the file's mode lets every user of the machine read
/// it. Opt-in (off in every built-in profile): shared drives often cannot set modes.
pub fn cp901(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    if is_world_readable(&ctx.file.path) {
        emit.at(crate::finding::Loc::START, "This case file is readable by every user of this machine: restrict it (chmod o-r), since it holds a child's confidential record")
            .set_help("chmod o-r FILE, or keep case folders in a directory only the case team can open");
    }
}

#[cfg(unix)]
fn is_world_readable(path: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o004 != 0)
}

#[cfg(not(unix))]
fn is_world_readable(_path: &std::path::Path) -> bool {
    false
}
