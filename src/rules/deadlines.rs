//! CP4xx — deadlines computed by the policy engine (POLICY.md).

use super::{CaseCtx, Emit};

/// CP401 case-plan-overdue: The case plan is past its due date and not recorded
pub fn cp401(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP402 periodic-review-overdue: The six-month periodic review is overdue
pub fn cp402(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP403 permanency-hearing-overdue: The permanency hearing is overdue
pub fn cp403(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP404 tpr-petition-overdue: 15 of 22 months in care reached with no TPR petition or documented exception
pub fn cp404(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP405 activity-overdue: An activity is past its due date and not done
pub fn cp405(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP406 deadline-due-soon: A deadline falls within the warning window (14 days by default)
pub fn cp406(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP407 reunification-period-ending: Reunification period ends within 30 days (or ended); primary is reunification
pub fn cp407(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}
