//! CP3xx — the documentation checklist (seeds 000, 001, 003).

use super::{CaseCtx, Emit};

/// CP301 missing-written-agreement: No written agreement signed by every known parent and the agency
pub fn cp301(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP302 missing-goal-or-objective: No short-term or long-term goal, or a goal has no objective
pub fn cp302(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP303 objective-incomplete: An objective has no measure or no agreed date
pub fn cp303(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP304 activity-incomplete: An activity lacks who, where, start or due
pub fn cp304(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP305 activity-too-long: An activity runs longer than activity_max (6 months) from start to due
pub fn cp305(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP306 missing-service-response: A service started over 30 days ago has no recorded family response
pub fn cp306(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP307 missing-reasonable-efforts: No reasonable-efforts entry in the last 90 days while services are ordered
pub fn cp307(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP308 missing-prognosis: A staffing was held but no prognosis indicators are noted
pub fn cp308(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP309 diligent-search-late: Search for an absent parent, or relatives notice, not done within 30 days
pub fn cp309(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP310 missing-early-review: No collaborative case review within 60 days of removal
pub fn cp310(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP311 missing-services: No services are listed although services are ordered
pub fn cp311(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}
