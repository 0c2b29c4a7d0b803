//! CP1xx — dual tracks: a reunification track and an alternative permanency track, worked on together.

use chrono::NaiveDate;

use super::{CaseCtx, Check, Emit, Rule};
use crate::finding::{Code, Severity};
use crate::model::{
    Case, ConcurrentPlan, CourtFinding, CourtOrder, Hearing, Parent, Placement, PrimaryTrack, Setting, Track,
    Willing,
};

/// The words `plan.concurrent.goal` allows, as messages list them.
const GOAL_WORDS: &str = "adoption, guardianship, relative or appla";

pub const CP101: Rule = Rule {
    code: Code::new("CP101"),
    name: "missing-reunification-track",
    severity: Severity::Error,
    summary: "Services are ordered but the plan has no reunification track",
    explain: explain!("CP101"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp101),
};

pub fn cp101(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let case = ctx.case;
    let on_track = case
        .goals
        .iter()
        .any(|g| matches!(g.track, Track::Reunification | Track::Both));
    if !ctx.facts.episode.services_ordered || has_reunification_plan(case) || on_track {
        return;
    }
    let episode = ctx.facts.episode_path();
    emit.at_key_or(
        "plan.reunification",
        &episode,
        "No reunification track although services are ordered: add `plan.reunification` (target, conditions) \
         and a goal with `track: reunification` or `track: both`",
    )
    .set_help(format!(
        "if the court ordered no reunification services for the removal of {} (a bypass), write \
         `services_ordered: false` on {episode} instead",
        ctx.facts.episode.removed
    ));
}

pub const CP102: Rule = Rule {
    code: Code::new("CP102"),
    name: "missing-concurrent-goal",
    severity: Severity::Error,
    summary: "No alternative permanency goal (plan.concurrent.goal) once the case plan is due",
    explain: explain!("CP102"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp102),
};

/// A goal that is written but not one of the allowed words is CP004's (or CP103's, for
/// a word meaning "home"), and `primary: concurrent` with no goal is CP103's: one cause,
/// one finding.
pub fn cp102(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let Some(due) = ctx.facts.due(&ctx.profile.deadlines.concurrent_goal_due) else {
        return;
    };
    if ctx.as_of < due || goal_written(ctx) || primary(ctx.case) == PrimaryTrack::Concurrent {
        return;
    }
    emit.at_key_or("plan.concurrent.goal", &ctx.facts.episode_path(), format!(
        "No alternative permanency plan: add `plan.concurrent.goal` ({GOAL_WORDS}) — required since {due}{}",
        why_goal_due(ctx, due)
    ));
}

pub const CP103: Rule = Rule {
    code: Code::new("CP103"),
    name: "concurrent-goal-not-alternative",
    severity: Severity::Error,
    summary: "Concurrent goal repeats the primary outcome, or primary: concurrent has no goal",
    explain: explain!("CP103"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp103),
};

pub fn cp103(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let written = written_word(ctx, "plan.concurrent.goal");
    if let Some(word) = written.as_deref().filter(|w| means_going_home(w)) {
        emit.at_value("plan.concurrent.goal", format!(
            "`plan.concurrent.goal` is `{word}`, the same outcome as the primary track: choose a real alternative \
             ({GOAL_WORDS}); a return home belongs on the reunification track"
        ));
    }
    let plan = concurrent_plan(ctx.case);
    if let Some((resource, parent)) = plan.and_then(|c| Some((resource(c)?, named_parent(ctx.case, c)?))) {
        emit.at_value("plan.concurrent.resource", format!(
            "`plan.concurrent.resource` names {resource}, who is `{}` in parents: a return to a parent is the \
             reunification track, not an alternative — name the relative, kin or foster/adopt family who would \
             give {} a permanent home",
            parent.id,
            first_name(ctx.case)
        ));
    }
    let no_goal = plan.and_then(|c| c.goal).is_none() && written.is_none();
    if primary(ctx.case) == PrimaryTrack::Concurrent && no_goal {
        emit.at_key("plan.concurrent.goal", format!(
            "`plan.primary` is `concurrent` but no `plan.concurrent.goal` is set: name the permanency goal the child \
             is now working toward ({GOAL_WORDS})"
        ));
    }
}

pub const CP104: Rule = Rule {
    code: Code::new("CP104"),
    name: "concurrent-track-idle",
    severity: Severity::Warning,
    summary: "Concurrent goal set, but no goal or started activity on the concurrent track",
    explain: explain!("CP104"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp104),
};

pub fn cp104(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let Some(goal) = concurrent_plan(ctx.case).and_then(|c| c.goal) else {
        return;
    };
    let on_track: Vec<usize> = (ctx.case.goals.iter().enumerate())
        .filter(|(_, g)| matches!(g.track, Track::Concurrent | Track::Both))
        .map(|(i, _)| i)
        .collect();
    let Some(&first) = on_track.first() else {
        emit.at_key_or("goals", "plan.concurrent.goal", format!(
            "The concurrent plan ({goal}) has no work under way: add a goal with `track: concurrent` or `track: both` and an \
             activity that has a start date — concurrent planning means concurrent doing"
        ));
        return;
    };
    if on_track.iter().any(|&g| goal_started(ctx.case, g, ctx.as_of)) {
        return;
    }
    let ids: Vec<&str> = on_track.iter().map(|&g| ctx.case.goals[g].id.as_str()).collect();
    let (goals, have) = if ids.len() == 1 {
        ("goal", "has")
    } else {
        ("goals", "have")
    };
    emit.at_key(&format!("goals[{first}]"), format!(
        "The concurrent plan ({goal}) has no work under way: {goals} {} {have} no activity started by {} — add \
         an activity (home study, relative assessment) and record its start date; concurrent planning means \
         concurrent doing",
        ids.join(", "),
        ctx.as_of
    ));
}

pub const CP105: Rule = Rule {
    code: Code::new("CP105"),
    name: "caregiver-willingness-unresolved",
    severity: Severity::Warning,
    summary: "Caregiver's willingness to be permanent not recorded, or no with no resource",
    explain: explain!("CP105"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp105),
};

/// A child placed with a parent is on the reunification track: whether that home would
/// be permanent is not the question this rule asks.
pub fn cp105(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let Some((i, placement)) = ctx.case.current_placement() else {
        return;
    };
    if placement.setting == Setting::Parent {
        return;
    }
    let path = format!("placements[{i}].permanency_willing");
    let who = caregiver(placement);
    match placement.permanency_willing {
        None => {
            emit.at_key(&path, format!(
                "The current caregiver's willingness to be a permanent home is not recorded: ask {who} and set \
                 `permanency_willing` (\"yes\", \"no\" or undecided)"
            ));
        }
        Some(Willing::No) => {
            let resource = concurrent_plan(ctx.case).and_then(resource);
            // Naming the unwilling caregiver as the resource is still "no other home found".
            let other = resource.filter(|r| placement.caregiver.as_deref().is_none_or(|c| !same_name(r, c)));
            if other.is_some() {
                return;
            }
            let who = resource.map_or(who, |r| format!("`plan.concurrent.resource` names {r}, who"));
            emit.at_key_or("plan.concurrent.resource", &path, format!(
                "No other permanent home is identified: {who} will not be one (`{path}: no`) — find a relative, kin \
                 or foster/adopt family who could be, and record it in `plan.concurrent.resource`"
            ));
        }
        Some(_) => {}
    }
}

pub const CP106: Rule = Rule {
    code: Code::new("CP106"),
    name: "siblings-apart-unexplained",
    severity: Severity::Warning,
    summary: "Siblings in care are placed apart with no `siblings_apart_reason`",
    explain: explain!("CP106"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp106),
};

/// CP106 siblings-apart-unexplained: Siblings in care are placed apart with no siblings_apart_reason
///
/// Only what this file says; sibling files naming other caregivers are compared in
/// `folder::siblings_apart`.
pub fn cp106(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let siblings = &ctx.case.child.siblings;
    let Some((i, placement)) = ctx.case.current_placement() else {
        return;
    };
    if siblings.is_empty()
        || placement.siblings_together != Some(false)
        || has_text(&placement.siblings_apart_reason)
    {
        return;
    }
    let cases = if siblings.len() == 1 {
        "sibling case"
    } else {
        "sibling cases"
    };
    emit.at_value(&format!("placements[{i}].siblings_together"), format!(
        "{} is placed apart from {cases} {} and no reason is recorded: place the siblings together or write \
         `siblings_apart_reason` on the current placement",
        first_name(ctx.case),
        siblings.join(", ")
    ));
}

fn primary(case: &Case) -> PrimaryTrack {
    case.plan.as_ref().map(|p| p.primary).unwrap_or_default()
}

fn concurrent_plan(case: &Case) -> Option<&ConcurrentPlan> {
    case.plan.as_ref()?.concurrent.as_ref()
}

fn resource(plan: &ConcurrentPlan) -> Option<&str> {
    plan.resource.as_deref().map(str::trim).filter(|r| !r.is_empty())
}

fn has_text(text: &Option<String>) -> bool {
    text.as_deref().is_some_and(|t| !t.trim().is_empty())
}

/// A target date or at least one written condition for the return home.
fn has_reunification_plan(case: &Case) -> bool {
    let plan = case.plan.as_ref().and_then(|p| p.reunification.as_ref());
    plan.is_some_and(|r| r.target.is_some() || r.conditions.iter().any(|c| !c.trim().is_empty()))
}

/// Whether `plan.concurrent.goal` holds anything, a word the loader could read or not.
fn goal_written(ctx: &CaseCtx<'_>) -> bool {
    concurrent_plan(ctx.case).and_then(|c| c.goal).is_some()
        || written_word(ctx, "plan.concurrent.goal").is_some()
}

/// The word written as the value of `path`, lower-cased, even one the model has no
/// variant for (`goal: reunification` is CP004 to the loader, but CP103 is about it).
fn written_word(ctx: &CaseCtx<'_>, path: &str) -> Option<String> {
    let at = ctx.file.positions.exact(path)?;
    // An empty value has no text of its own on the key's line.
    if at.value.line != at.key.line || at.value.column <= at.key.column {
        return None;
    }
    let line = ctx
        .file
        .text
        .lines()
        .nth(usize::try_from(at.value.line).ok()?.checked_sub(1)?)?;
    let skip = usize::try_from(at.value.column).ok()?.saturating_sub(1);
    let rest = line.chars().skip(skip).skip_while(|c| matches!(c, '"' | '\''));
    let word: String = rest
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' '))
        .collect();
    let word = word.trim().to_lowercase();
    (!word.is_empty() && word != "null").then_some(word)
}

/// Words people write for "the child goes home" (`reintegration` is Kansas's term).
fn means_going_home(word: &str) -> bool {
    let word = word.replace([' ', '-'], "_");
    ["reunif", "reunit", "reintegrat", "return"]
        .iter()
        .any(|stem| word.contains(stem))
        || ["home", "parent", "parents", "mother", "father"].contains(&word.as_str())
}

/// The parent that `plan.concurrent.resource` names, by id or by name (a note in
/// brackets after it, "Dana Smith (mother)", is ignored).
fn named_parent<'c>(case: &'c Case, plan: &ConcurrentPlan) -> Option<&'c Parent> {
    let resource = resource(plan)?;
    let before_note = resource.split('(').next().unwrap_or(resource);
    case.parents.iter().find(|p| {
        [p.id.as_str(), p.name.as_str()].into_iter().any(|n| {
            !n.trim().eq_ignore_ascii_case("unknown") && (same_name(n, resource) || same_name(n, before_note))
        })
    })
}

fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    !a.is_empty() && a.eq_ignore_ascii_case(b)
}

/// Whether any activity of goal `g` has a start date on or before `as_of`.
fn goal_started(case: &Case, g: usize, as_of: NaiveDate) -> bool {
    (case.goals[g].objectives.iter())
        .flat_map(|o| &o.activities)
        .any(|a| a.start.is_some_and(|s| s <= as_of))
}

/// "the Okafor family", "Rosa Delgado", or "the caregiver" when none is named.
fn caregiver(placement: &Placement) -> String {
    match placement
        .caregiver
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        None => "the caregiver".to_owned(),
        Some(c) if c.to_lowercase().ends_with(" family") && !c.to_lowercase().starts_with("the ") => {
            format!("the {c}")
        }
        Some(c) => c.to_owned(),
    }
}

/// The child's first name as messages use it ("Mia"), else "The child".
fn first_name(case: &Case) -> &str {
    case.child.name.split_whitespace().next().unwrap_or("The child")
}

/// What a hearing decided against reunification, in words; `None` when nothing.
fn ruling_words(h: &Hearing) -> Option<&'static str> {
    let not_viable = h.findings.contains(&CourtFinding::ReunificationNotViable);
    let terminated = h.orders.contains(&CourtOrder::TerminateServices);
    match (not_viable, terminated) {
        (true, true) => Some("found reunification not viable and terminated reunification services"),
        (true, false) => Some("found reunification not viable"),
        (false, true) => Some("terminated reunification services"),
        (false, false) => None,
    }
}

/// Why the concurrent goal is due on `due`, for CP102's message.
fn why_goal_due(ctx: &CaseCtx<'_>, due: NaiveDate) -> String {
    if ctx.facts.episode.disposition == Some(due) {
        return " (the disposition report must contain the concurrent plan)".to_owned();
    }
    match ctx.facts.case_plan_due {
        Some(plan_due) if plan_due < due => format!(" (the case plan was due {plan_due})"),
        Some(plan_due) if plan_due == due => " (the case plan is due)".to_owned(),
        _ => String::new(),
    }
}

pub mod alternative;
#[cfg(test)]
mod tests;
