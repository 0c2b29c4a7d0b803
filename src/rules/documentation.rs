//! CP3xx — the documentation checklist (seeds 000, 001, 003): the written agreement,
//! the goals, objectives and activities of the case plan, and the logs (services,
//! efforts, search, reviews) that show the work was done.

use chrono::{Datelike, NaiveDate};

use super::{CaseCtx, Emit};
use crate::model::{Activity, Case, Objective, Parent, Relationship, ReviewKind, Term, Whereabouts};
use crate::policy::arith::{Span, add_days, add_months};

/// CP301 missing-written-agreement: No written agreement signed by every known parent and the agency
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
            "No written agreement with the parents (case plan due {due}): write the steps for the child's return home with {}, have it signed and record plan.written_agreement.signed and .by",
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
            "The written agreement has no signed date (case plan due {due}){also}: get every signature and record the date in plan.written_agreement.signed"
        ));
    } else if !unsigned.is_empty() {
        emit.at_value("plan.written_agreement.by", format!(
            "Written agreement not signed by {} (case plan due {due}): every parent whose whereabouts are known and the agency must sign — add each signer to plan.written_agreement.by",
            and_list(&unsigned)
        ));
    }
}

/// CP302 missing-goal-or-objective: No short-term or long-term goal, or a goal has no objective
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

/// CP303 objective-incomplete: An objective has no measure or no agreed date
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

/// CP304 activity-incomplete: An activity lacks who, where, start or due
///
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

/// CP305 activity-too-long: An activity runs longer than activity_max (6 months) from start to due
pub fn cp305(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let max = ctx.profile.activity_max;
    for (path, activity) in activities(ctx.case) {
        let (Some(start), Some(due)) = (activity.start, activity.due) else {
            continue; // CP304 reports the missing date.
        };
        if due > max.after(start) {
            emit.at_value(&format!("{path}.due"), format!(
                "{} runs {} ({start} to {due}), longer than {max}: split it into steps of at most {max} that can be checked at each review",
                activity_name(activity),
                length(start, due, max)
            ));
        }
    }
}

/// CP306 missing-service-response: A service started over 30 days ago has no recorded family response
pub fn cp306(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let days = ctx.profile.service_response_days;
    // Started more than `days` before the as-of date.
    let cutoff = add_days(ctx.as_of, -i64::from(days));
    for (i, service) in ctx.case.services.iter().enumerate() {
        let Some(started) = service.started.filter(|s| *s < cutoff) else {
            continue;
        };
        if service.response.is_none() {
            emit.at_key(&format!("services[{i}]"), format!(
                "Service \"{}\" started {started} ({} days ago, more than {days}) and has no response: record how the family is responding (attendance, progress, concerns)",
                service.name,
                (ctx.as_of - started).num_days()
            ));
        }
    }
}

/// CP307 missing-reasonable-efforts: No reasonable-efforts entry in the last 90 days while services are ordered
///
/// Only entries of the current episode count; with none, the interval runs from the
/// removal, so a new case has `efforts_interval_days` to write its first entry.
pub fn cp307(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let episode = ctx.facts.episode;
    if !episode.services_ordered {
        return;
    }
    let latest = (ctx.case.efforts.iter())
        .map(|e| e.date)
        .filter(|d| held_in_episode(ctx, *d))
        .max();
    let since = latest.unwrap_or(episode.removed);
    let n = ctx.profile.efforts_interval_days;
    if ctx.as_of <= add_days(since, i64::from(n)) {
        return;
    }
    let days = (ctx.as_of - since).num_days();
    let what = match latest {
        Some(date) => format!("since {date}"),
        None => format!("since the removal on {}", episode.removed),
    };
    emit.at_key_or("efforts", &services_ordered_path(ctx), format!(
        "No reasonable-efforts entry {what} ({days} days, more than {n}): log what the agency has done toward reunification under efforts"
    ));
}

/// CP308 missing-prognosis: A staffing was held but no prognosis indicators are noted
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
            "A staffing was held on {date} but no prognosis indicators are noted: record the favorable and poor prognosis indicators under plan.prognosis"
        ));
    }
}

/// CP309 diligent-search-late: Search for an absent parent, or relatives notice, not done within 30 days
///
/// Per docs/rules/CP309.md a date recorded late still clears the finding: the rule
/// asks for the search or notice to happen, and a late one is no longer missing
/// (the timeline shows it as met late). Dates before the current removal belong to an
/// earlier episode and do not count.
pub fn cp309(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let deadlines = &ctx.profile.deadlines;
    let search = ctx.case.search.as_ref();
    let removed = ctx.facts.episode.removed;
    let recorded = |date: Option<NaiveDate>| date.is_some_and(|d| d >= removed);
    let unknown: Vec<(usize, &Parent)> = (ctx.case.parents.iter().enumerate())
        .filter(|(_, p)| p.whereabouts == Whereabouts::Unknown)
        .collect();
    if let Some(&(first, _)) = unknown.first()
        && let Some(due) = passed(ctx, ctx.facts.due(&deadlines.diligent_search))
        && !recorded(search.and_then(|s| s.started))
    {
        let names: Vec<String> = unknown.iter().map(|(_, p)| parent_name(p)).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let none = earlier_episode(
            search.and_then(|s| s.started),
            removed,
            "the diligent search recorded as started on",
        )
        .unwrap_or_else(|| "no diligent search is recorded".to_owned());
        emit.at_key_or("search.started", &format!("parents[{first}].whereabouts"), format!(
            "The whereabouts of {} are unknown and {none} (due {due}: {}): start the search and record search.started",
            and_list(&names),
            deadlines.diligent_search
        ));
    }
    if let Some(due) = passed(ctx, ctx.facts.due(&deadlines.relatives_notice))
        && !recorded(search.and_then(|s| s.relatives_notified))
    {
        let notified = search.and_then(|s| s.relatives_notified);
        let what = earlier_episode(notified, removed, "The notice to relatives recorded on")
            .unwrap_or_else(|| "No notice to relatives is recorded".to_owned());
        emit.at_key_or("search.relatives_notified", &ctx.facts.episode_path(), format!(
            "{what} (due {due}: {}): notify the child's adult relatives of the removal and record search.relatives_notified",
            deadlines.relatives_notice
        ));
    }
}

/// "the notice to relatives recorded on 2024-01-20 is from before this removal on
/// 2026-01-10": a date of an earlier episode, still in the file but not counted.
fn earlier_episode(date: Option<NaiveDate>, removed: NaiveDate, what: &str) -> Option<String> {
    date.filter(|d| *d < removed)
        .map(|d| format!("{what} {d} is from before this removal on {removed}"))
}

/// CP310 missing-early-review: No collaborative case review within 60 days of removal
///
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
        "No collaborative case review in the first {n} days after removal (by {by}), nor since: hold a staffing or case review with the team and log it under reviews"
    ));
}

/// CP311 missing-services: No services are listed although services are ordered
pub fn cp311(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let episode = ctx.facts.episode;
    if episode.services_ordered && ctx.case.services.is_empty() {
        emit.at_key_or("services", &services_ordered_path(ctx), format!(
            "No services are recorded although reunification services are ordered (removed {}): list each service referred, with its provider and dates",
            episode.removed
        ));
    }
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

/// "a", "a and b", "a, b and c".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// How long `start` to `due` is, in the unit the limit is written in: "10 months",
/// "7 months and 12 days", or "120 days".
fn length(start: NaiveDate, due: NaiveDate, limit: Span) -> String {
    let plural = |n: i64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    if let Span::Days(_) = limit {
        return plural((due - start).num_days(), "day");
    }
    let span = (due.year() - start.year()) * 12 + due.month0() as i32 - start.month0() as i32;
    let months = if add_months(start, span) > due {
        span - 1
    } else {
        span
    };
    let days = (due - add_months(start, months)).num_days();
    match (months, days) {
        (m, 0) => plural(i64::from(m), "month"),
        (0, d) => plural(d, "day"),
        (m, d) => format!("{} and {}", plural(i64::from(m), "month"), plural(d, "day")),
    }
}

#[cfg(test)]
mod tests;
mod tracks;
mod youth;

pub use tracks::{cp313, cp314};
pub use youth::cp312;
