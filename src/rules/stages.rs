//! CP2xx — stages and contact (the three-stage casework model, seed 002).

use super::{CaseCtx, Emit};

/// CP201 visits-too-few: Fewer visits held in the visit window (28 days) than the stage minimum
pub fn cp201(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP202 visit-gap-too-long: A gap between held visits in the current stage exceeds max_gap_days
pub fn cp202(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP203 visits-still-supervised: In stage 3, every visit of the last 60 days is still supervised
pub fn cp203(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP204 missed-caseworker-visit: A full calendar month in care with no caseworker contact with the child
pub fn cp204(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP205 full-disclosure-overdue: No full disclosure interview with a known parent by end of stage 1 or in 90 days
pub fn cp205(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP206 permanency-stalled: Past stage 3 (after month 15) with no permanency hearing in the last 12 months
pub fn cp206(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}
