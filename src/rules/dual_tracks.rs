//! CP1xx — dual tracks: a reunification track and an alternative permanency track, worked on together.

use super::{CaseCtx, Emit};

/// CP101 missing-reunification-track: Services are ordered but the plan has no reunification track
pub fn cp101(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP102 missing-concurrent-goal: No alternative permanency goal (plan.concurrent.goal) once the case plan is due
pub fn cp102(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP103 concurrent-goal-not-alternative: Concurrent goal repeats the primary outcome, or primary: concurrent has no goal
pub fn cp103(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP104 concurrent-track-idle: Concurrent goal set, but no goal or started activity on the concurrent track
pub fn cp104(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP105 caregiver-willingness-unresolved: Caregiver's willingness to be permanent not recorded, or no with no resource
pub fn cp105(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP106 siblings-apart-unexplained: Siblings in care are placed apart with no siblings_apart_reason
pub fn cp106(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP107 missing-background-checks: The resource family for adoption (profile: guardianship) lacks a check
pub fn cp107(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP108 primary-not-switched: The court ruled out reunification but plan.primary is still reunification
pub fn cp108(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP109 appla-under-age: APPLA is the concurrent goal for a child younger than appla_min_age (16)
pub fn cp109(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}

/// CP110 missing-concurrent-resource: No concurrent resource family identified by the end of stage 1
pub fn cp110(_ctx: &CaseCtx<'_>, _emit: &mut Emit<'_>) {}
