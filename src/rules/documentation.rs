//! CP3xx — the documentation checklist (seeds 000, 001, 003): the written agreement,
//! the goals, objectives and activities of the case plan, and the logs (services,
//! efforts, search, reviews) that show the work was done.

use chrono::{Datelike, NaiveDate};

use super::{CaseCtx, Check, Emit, Rule};
use crate::finding::{Code, Severity};
use crate::model::{Activity, Case, Objective, Parent, Relationship, ReviewKind, Term};
use crate::policy::arith::{Span, add_days, add_months};
use crate::policy::words::{self, and_list};

pub const CP301: Rule = Rule {
    code: Code::new("CP301"),
    name: "missing-written-agreement",
    severity: Severity::Error,
    summary: "No written agreement signed by every known parent and the agency",
    explain: explain!("CP301"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp301),
};

pub fn cp301(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let Some(due) = passed(ctx, ctx.facts.case_plan_due) else {
        return;
    };
    // Parents whose whereabouts are unknown, or who are deceased, cannot sign.
    let signers: Vec<&str> = (ctx.case.known_parents().map(|p| p.id.as_str()))
        .chain(["agency"])
        .collect();
    let agreement = ctx.case.plan.as_ref().and_then(|p| p.written_agreement.as_ref());
    let Some(agreement) = agreement else {
        emit.at_key_or("plan.written_agreement", &ctx.facts.episode_path(), format!(
            "No written agreement with the parents (case plan due {due}): write the steps for the child's return home with {}, have it signed and record `plan.written_agreement.signed` and `.by`",
            and_list(&signers)
        ));
        return;
    };
    let unsigned: Vec<&str> = (signers.iter().copied())
        .filter(|s| !agreement.by.iter().any(|b| ctx.case.written(b) == *s))
        .collect();
    if agreement.signed.is_none() {
        let also = match unsigned.as_slice() {
            [] => String::new(),
            who => format!(
                ", and {} {} not signed",
                and_list(who),
                if who.len() == 1 { "has" } else { "have" }
            ),
        };
        emit.at_key("plan.written_agreement.signed", format!(
            "The written agreement has no signed date (case plan due {due}){also}: get every signature and record the date in `plan.written_agreement.signed`"
        ));
    } else if !unsigned.is_empty() {
        emit.at_value("plan.written_agreement.by", format!(
            "Written agreement not signed by {} (case plan due {due}): every parent whose whereabouts are known and the agency must sign — add each signer to `plan.written_agreement.by`",
            and_list(&unsigned)
        ));
    }
}

pub const CP302: Rule = Rule {
    code: Code::new("CP302"),
    name: "missing-goal-or-objective",
    severity: Severity::Error,
    summary: "No short-term or long-term goal, or a goal has no objective",
    explain: explain!("CP302"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp302),
};

pub fn cp302(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let Some(since) = case_plan_required(ctx) else {
        return;
    };
    let goals = &ctx.case.goals;
    if goals.is_empty() {
        // One cause, one finding: both terms are missing because nothing is written.
        emit.at_key_or("goals", &ctx.facts.episode_path(), format!(
            "The plan has no goals ({since}): add a long-term and a short-term goal, each with at least one objective"
        ));
        return;
    }
    for (term, label) in [(Term::Short, "short-term"), (Term::Long, "long-term")] {
        if !goals.iter().any(|g| g.term == term) {
            emit.at_key("goals", format!(
                "The plan has no {label} goal ({since}): add a goal with term: {term} and at least one objective"
            ));
        }
    }
    for (g, goal) in goals.iter().enumerate().filter(|(_, g)| g.objectives.is_empty()) {
        emit.at_key(&format!("goals[{g}]"), format!(
            "Goal {} has no objective: add at least one objective that says what must change, how it is measured and when it was agreed",
            goal.id
        ));
    }
}

pub const CP303: Rule = Rule {
    code: Code::new("CP303"),
    name: "objective-incomplete",
    severity: Severity::Warning,
    summary: "An objective has no measure or no agreed date",
    explain: explain!("CP303"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp303),
};

pub fn cp303(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    for (path, objective) in objectives(ctx.case) {
        let id = &objective.id;
        let message = match (objective.measure.is_some(), objective.agreed.is_some()) {
            (true, true) => continue,
            (false, false) => format!(
                "Objective {id} has no measure and no agreed date: write how anyone can tell it is met (measure) and the date it was agreed with the family (agreed)"
            ),
            (false, true) => format!(
                "Objective {id} has no measure: write how anyone can tell it is met, in observable terms (measure)"
            ),
            (true, false) => format!(
                "Objective {id} has no agreed date: go over it with the family and record the day they agreed to it (agreed)"
            ),
        };
        emit.at_key(&path, message);
    }
}

pub const CP304: Rule = Rule {
    code: Code::new("CP304"),
    name: "activity-incomplete",
    severity: Severity::Warning,
    summary: "An activity lacks who, where, start or due",
    explain: explain!("CP304"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp304),
};

/// A `done` activity is checked too (docs/rules/CP304.md makes no exception): the
/// record of who did what, where and when is what the court reads later.
pub fn cp304(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    for (path, activity) in activities(ctx.case) {
        let parts = [
            (activity.who.is_none(), "who", "who does it"),
            (activity.place.is_none(), "where", "where it happens"),
            (activity.start.is_none(), "start", "when it starts"),
            (activity.due.is_none(), "due", "when it should be done"),
        ];
        let lacking: Vec<&str> = parts.iter().filter(|p| p.0).map(|p| p.1).collect();
        let asks: Vec<&str> = parts.iter().filter(|p| p.0).map(|p| p.2).collect();
        if !lacking.is_empty() {
            emit.at_key(
                &path,
                format!(
                    "{} lacks {}: say {}",
                    activity_name(activity),
                    and_list(&lacking),
                    and_list(&asks)
                ),
            );
        }
    }
}

pub const CP305: Rule = Rule {
    code: Code::new("CP305"),
    name: "activity-too-long",
    severity: Severity::Info,
    summary: "An activity runs longer than `activity_max` (6 months) from start to due",
    explain: explain!("CP305"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp305),
};

/// CP305 activity-too-long: An activity runs longer than activity_max (6 months) from start to due
pub fn cp305(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let max = ctx.profile.activity_max;
    let max_words = words::span(max);
    for (path, activity) in activities(ctx.case) {
        let (Some(start), Some(due)) = (activity.start, activity.due) else {
            continue; // CP304 reports the missing date.
        };
        if due > max.after(start) {
            emit.at_value(&format!("{path}.due"), format!(
                "{} runs {} ({start} to {due}), longer than {max_words}: split it into steps of at most {max_words} that can be checked at each review",
                activity_name(activity),
                length(start, due, max)
            ));
        }
    }
}

pub const CP308: Rule = Rule {
    code: Code::new("CP308"),
    name: "missing-prognosis",
    severity: Severity::Warning,
    summary: "A staffing was held but no prognosis indicators are noted",
    explain: explain!("CP308"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp308),
};

pub fn cp308(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let plan = ctx.case.plan.as_ref();
    let prognosis = plan.and_then(|p| p.prognosis.as_ref());
    if prognosis.is_some_and(|p| !p.favorable.is_empty() || !p.poor.is_empty()) {
        return;
    }
    let from_plan = (plan.and_then(|p| p.staffing)).map(|d| (d, "plan.staffing".to_owned()));
    let from_reviews = (ctx.case.reviews.iter().enumerate())
        .filter(|(_, r)| r.kind == ReviewKind::Staffing)
        .map(|(i, r)| (r.date, format!("reviews[{i}]")));
    // The first staffing held: the indicators have been due since then.
    let first = (from_plan.into_iter().chain(from_reviews))
        .filter(|(d, _)| *d <= ctx.as_of)
        .min_by_key(|(d, _)| *d);
    if let Some((date, path)) = first {
        emit.at_key_or("plan.prognosis", &path, format!(
            "A staffing was held on {date} but no prognosis indicators are noted: record the favorable and poor prognosis indicators under `plan.prognosis`"
        ));
    }
}

pub const CP310: Rule = Rule {
    code: Code::new("CP310"),
    name: "missing-early-review",
    severity: Severity::Warning,
    summary: "No collaborative case review within 60 days of removal",
    explain: explain!("CP310"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp310),
};

/// Per docs/rules/CP310.md any review since the removal clears it, even a late one:
/// the rule asks that the team has met, and then it has.
pub fn cp310(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let removed = ctx.facts.episode.removed;
    let n = ctx.profile.early_review_days;
    let by = add_days(removed, i64::from(n));
    if ctx.as_of <= by || ctx.case.reviews.iter().any(|r| held_in_episode(ctx, r.date)) {
        return;
    }
    emit.at_key_or("reviews", &ctx.facts.episode_path(), format!(
        "No collaborative case review in the first {n} days after removal (by {by}), nor since: hold a staffing or case review with the team and log it under `reviews`"
    ));
}

/// The due date, once it has passed (a deadline is met by anything on or before it).
fn passed(ctx: &CaseCtx<'_>, due: Option<NaiveDate>) -> Option<NaiveDate> {
    due.filter(|d| ctx.as_of > *d)
}

/// Why the plan's goals are required now ("case plan due 2026-03-11"), if they are:
/// from the case plan's due date or from its completion, whichever comes first.
fn case_plan_required(ctx: &CaseCtx<'_>) -> Option<String> {
    let removed = ctx.facts.episode.removed;
    let completed =
        (ctx.case.plan.as_ref().and_then(|p| p.case_plan)).filter(|d| *d >= removed && *d <= ctx.as_of);
    match (completed, passed(ctx, ctx.facts.case_plan_due)) {
        (Some(done), due) if due.is_none_or(|due| done <= due) => Some(format!("case plan completed {done}")),
        (_, Some(due)) => Some(format!("case plan due {due}")),
        _ => None,
    }
}

/// A logged event of the current episode that has happened by the as-of date.
fn held_in_episode(ctx: &CaseCtx<'_>, date: NaiveDate) -> bool {
    date >= ctx.facts.episode.removed && date <= ctx.as_of
}

/// Where "services are ordered" is written (else the episode itself).
fn services_ordered_path(ctx: &CaseCtx<'_>) -> String {
    format!("{}.services_ordered", ctx.facts.episode_path())
}

fn objectives(case: &Case) -> impl Iterator<Item = (String, &Objective)> {
    case.goals.iter().enumerate().flat_map(|(g, goal)| {
        (goal.objectives.iter().enumerate()).map(move |(o, obj)| (format!("goals[{g}].objectives[{o}]"), obj))
    })
}

fn activities(case: &Case) -> impl Iterator<Item = (String, &Activity)> {
    objectives(case).flat_map(|(path, objective)| {
        (objective.activities.iter().enumerate())
            .map(move |(a, act)| (format!("{path}.activities[{a}]"), act))
    })
}

/// "Activity A1", or the activity's text when it has no id.
fn activity_name(activity: &Activity) -> String {
    match &activity.id {
        Some(id) => format!("Activity {id}"),
        None => format!("Activity \"{}\"", activity.text),
    }
}

/// "the father (Marcus Torres)"; a parent of another relationship by id.
fn parent_name(parent: &Parent) -> String {
    let who = match parent.relationship {
        Relationship::Mother => "the mother".to_owned(),
        Relationship::Father => "the father".to_owned(),
        Relationship::LegalGuardian => "the legal guardian".to_owned(),
        Relationship::Other => parent.id.clone(),
    };
    format!("{who} ({})", parent.name)
}

/// How long `start` to `due` is, in the unit the limit is written in: "10 months",
/// "7 months and 12 days", or "120 days".
fn length(start: NaiveDate, due: NaiveDate, limit: Span) -> String {
    if let Span::Days(_) = limit {
        return words::span(Span::Days((due - start).num_days()));
    }
    let span = (due.year() - start.year()) * 12 + due.month0() as i32 - start.month0() as i32;
    let months = if add_months(start, span) > due {
        span - 1
    } else {
        span
    };
    let days = (due - add_months(start, months)).num_days();
    match (months, days) {
        (m, 0) => words::span(Span::Months(m)),
        (0, d) => words::span(Span::Days(d)),
        (m, d) => format!(
            "{} and {}",
            words::span(Span::Months(m)),
            words::span(Span::Days(d))
        ),
    }
}

pub mod search;
pub mod services;
#[cfg(test)]
mod tests;
pub mod tracks;
pub mod youth;
