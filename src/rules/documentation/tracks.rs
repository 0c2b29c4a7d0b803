//! CP313 and CP314: what the case plan must document about each permanency track: the
//! conditions and the likely date of the child's return home (42 USC 675(5)(B)), and the
//! steps taken to find an adoptive or other permanent family (42 USC 675(1)(E)).

use super::{case_plan_required, held_in_episode};
use crate::finding::{Code, Severity};
use crate::model::{ConcurrentGoal, PrimaryTrack};
use crate::policy::arith::add_days;
use crate::policy::words::days_words;
use crate::rules::{CaseCtx, Check, Emit, Rule};

pub const CP313: Rule = Rule {
    code: Code::new("CP313"),
    name: "reunification-plan-incomplete",
    severity: Severity::Warning,
    summary: "Reunification is primary but no conditions or target date for return, or the target passed",
    explain: explain!("CP313"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp313),
};

/// CP313 reunification-plan-incomplete: while reunification is the primary goal, the
/// case plan (once due or done) needs `plan.reunification.conditions` and `.target`; and
/// a target that has passed while the child is still in care is out of date. A child at
/// home on a trial home visit on the as-of date is where the target aimed.
pub fn cp313(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let plan = ctx.case.plan.as_ref();
    if plan.map(|p| p.primary).unwrap_or_default() != PrimaryTrack::Reunification {
        return;
    }
    let reunification = plan.and_then(|p| p.reunification.as_ref());
    let has_conditions = reunification.is_some_and(|r| r.conditions.iter().any(|c| !c.trim().is_empty()));
    let target = reunification.and_then(|r| r.target);
    if let Some(since) = case_plan_required(ctx) {
        const CONDITIONS: &str =
            "what must change for the child to return home safely (`plan.reunification.conditions`)";
        const TARGET: &str = "the likely date of return (`plan.reunification.target`)";
        let missing = match (has_conditions, target.is_some()) {
            (true, true) => None,
            (false, true) => Some(("no conditions for a safe return home", CONDITIONS.to_owned())),
            (true, false) => Some(("no target date for the return home", TARGET.to_owned())),
            (false, false) => Some((
                "no conditions for a safe return home and no target date for it",
                format!("{CONDITIONS} and {TARGET}"),
            )),
        };
        if let Some((lacks, write)) = missing {
            emit.at_key_or("plan.reunification", &ctx.facts.episode_path(), format!(
                "Reunification is the primary goal, but the plan has {lacks} ({since}): write down with the family {write} (42 USC 675(5)(B))"
            ));
        }
    }
    let Some(target) = target.filter(|t| *t < ctx.as_of) else {
        return;
    };
    let home_on_trial =
        (ctx.facts.episode.trial_home_visits.iter()).any(|v| v.from <= ctx.as_of && v.to >= ctx.as_of);
    if home_on_trial {
        return;
    }
    let days = (ctx.as_of - target).num_days();
    emit.at_value("plan.reunification.target", format!(
        "The target date for the return home, {target}, passed {} ago and the child is still in care: review the conditions with the family and set a new likely date of return, or make the concurrent goal primary (42 USC 675(5)(B))",
        days_words(days)
    ));
}

pub const CP314: Rule = Rule {
    code: Code::new("CP314"),
    name: "no-recruitment-steps",
    severity: Severity::Warning,
    summary: "Adoption or guardianship goal, no family identified, no recruitment step in 90 days",
    explain: explain!("CP314"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp314),
};

/// CP314 no-recruitment-steps: the concurrent goal is adoption or guardianship, no family
/// is identified (`plan.concurrent.resource`), and no `plan.concurrent.recruitment` step
/// of this episode in the last `recruitment_interval_days` (90). With none at all the
/// interval runs from the removal, as CP307's does.
pub fn cp314(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let Some(concurrent) = ctx.case.plan.as_ref().and_then(|p| p.concurrent.as_ref()) else {
        return;
    };
    let Some(goal) = concurrent.goal else { return };
    if !matches!(goal, ConcurrentGoal::Adoption | ConcurrentGoal::Guardianship)
        || concurrent.resource.is_some()
    {
        return;
    }
    let latest = (concurrent.recruitment.iter())
        .map(|step| step.date)
        .filter(|d| held_in_episode(ctx, *d))
        .max();
    let removed = ctx.facts.episode.removed;
    let since = latest.unwrap_or(removed);
    let n = ctx.profile.recruitment_interval_days;
    if ctx.as_of <= add_days(since, i64::from(n)) {
        return;
    }
    let days = (ctx.as_of - since).num_days();
    let what = match latest {
        Some(date) => format!("since {date}"),
        None => format!("since the removal on {removed}"),
    };
    emit.at_key_or("plan.concurrent.recruitment", "plan.concurrent.goal", format!(
        "The concurrent goal is {goal} and no family is identified, but no step to find one is recorded {what} ({days} days, more than {n}): search for relatives and kin, recruit for this child, and record each step in `plan.concurrent.recruitment`, or name the family in `plan.concurrent.resource` (42 USC 675(1)(E))"
    ));
}
