//! CP410: the youth's transition plan, made with the youth in the window before the
//! birthday of the profile's age (the 90 days before 18).

use crate::finding::{Code, Severity};
use crate::policy::deadline::{Kind, Status};
use crate::policy::words;
use crate::rules::{CaseCtx, Check, Emit, Rule};

pub const CP410: Rule = Rule {
    code: Code::new("CP410"),
    name: "missing-transition-plan",
    severity: Severity::Error,
    summary: "A youth in care within 90 days of 18 has no transition plan",
    explain: explain!("CP410"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp410),
};

/// CP410 missing-transition-plan: the youth is in care in the window before the birthday
/// of the profile's age (the 90 days before 18) and no `plan.transition_plan` is dated
/// in it. docs/rules limits it to the youth still under that age; after the birthday the
/// deadline stays overdue in the deadline reports.
pub fn cp410(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let Some(rule) = ctx.profile.deadlines.transition_plan else {
        return;
    };
    let Some(d) = (ctx.deadlines.iter())
        .find(|d| d.kind == Kind::TransitionPlan && d.status != Status::Met && ctx.as_of <= d.due)
    else {
        return;
    };
    let birthday = ctx.case.birthday(rule.age);
    let from = rule.window.before(birthday);
    let window = words::span(rule.window);
    let recorded = ctx.case.plan.as_ref().and_then(|p| p.transition_plan);
    let what = match recorded {
        Some(made) if made < from => format!(
            "`plan.transition_plan` is {made}, before the {window} before the youth turns {} on {birthday} (they began {from}); a new plan is due",
            rule.age
        ),
        Some(made) if made > ctx.as_of => format!(
            "`plan.transition_plan` is {made}, after the as-of date {}: the youth turns {} on {birthday} and the plan is due",
            ctx.as_of, rule.age
        ),
        _ => format!(
            "The youth turns {} on {birthday} and has no transition plan, due",
            rule.age
        ),
    };
    emit.at_key_or("plan.transition_plan", &ctx.facts.episode_path(), format!(
        "{what} {} ({}): make the plan with the youth (housing, health insurance, education, work, mentors, services) and record its date in `plan.transition_plan`",
        d.due, d.source
    ));
}
