//! CP312: a youth of 14 or older takes part in the case plan (42 USC 675(1)(B), 675a(b)).

use super::{case_plan_required, held_in_episode};
use crate::finding::{Code, Severity};
use crate::rules::{CaseCtx, Check, Emit, Rule};

pub const CP312: Rule = Rule {
    code: Code::new("CP312"),
    name: "youth-not-consulted",
    severity: Severity::Warning,
    summary: "A youth of 14 or older has no recorded consultation on the case plan",
    explain: explain!("CP312"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp312),
};

/// CP312 youth-not-consulted: the youth is old enough to be consulted on the case plan
/// (profile `youth_consultation_age`, 14) and, once the case plan is due or done, no
/// `plan.youth_consulted` of this episode is dated on or after the birthday of that age
/// or on or after the latest case plan (docs/rules: either date will do).
pub fn cp312(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let age = ctx.profile.youth_consultation_age;
    let now = ctx.facts.age_on(ctx.as_of);
    if now < age {
        return;
    }
    let Some(since) = case_plan_required(ctx) else {
        return;
    };
    let turned = ctx.case.birthday(age);
    let plan = ctx.case.plan.as_ref();
    let case_plan = (plan.and_then(|p| p.case_plan)).filter(|d| held_in_episode(ctx, *d));
    let from = case_plan.map_or(turned, |done| done.min(turned));
    let recorded = plan.and_then(|p| p.youth_consulted);
    let removed = ctx.facts.episode.removed;
    let what = match recorded {
        Some(d) if held_in_episode(ctx, d) && d >= from => return,
        None => format!("The youth is {now} and no consultation on the case plan is recorded ({since})"),
        Some(d) if d < removed => {
            format!("`plan.youth_consulted` is {d}, before this removal on {removed} ({since})")
        }
        Some(d) if d > ctx.as_of => {
            format!(
                "`plan.youth_consulted` is {d}, after the as-of date {}",
                ctx.as_of
            )
        }
        Some(d) => {
            let plan_too = case_plan
                .map(|done| format!(" and before the case plan of {done}"))
                .unwrap_or_default();
            format!("`plan.youth_consulted` is {d}, before the youth turned {age} on {turned}{plan_too}")
        }
    };
    emit.at_key_or("plan.youth_consulted", &ctx.facts.episode_path(), format!(
        "{what}: develop the plan with the youth, offer to add up to two members of the case planning team the youth chooses, and record the date in `plan.youth_consulted` (42 USC 675(1)(B), 675a(b))"
    ));
}
