//! CP9xx — handling of the case files themselves.

use super::{CaseCtx, Emit};

/// CP901 world-readable-file: A case file is readable by every user of the machine (opt-in)
pub fn cp901(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}
