//! CP107–CP111: the alternative home itself: its background checks, a named resource,
//! APPLA only for a youth old enough, the court turning the plan to it, and a child
//! moved from home to home while no home is settled.

use super::{caregiver, concurrent_plan, first_name, primary, resource, ruling_words, same_name};
use crate::finding::{Code, Fix, Severity};
use crate::model::{ConcurrentGoal, CourtOrder, Placement, PrimaryTrack, Setting, Vocab, Willing};
use crate::policy::arith::{add_days, add_months};
use crate::policy::care::{Stage, stage_start};
use crate::policy::words::and_list;
use crate::rules::{CaseCtx, Check, Emit, Rule};

pub const CP107: Rule = Rule {
    code: Code::new("CP107"),
    name: "missing-background-checks",
    severity: Severity::Error,
    summary: "The resource family for adoption (profile: guardianship) lacks a check",
    explain: explain!("CP107"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp107),
};

pub fn cp107(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let Some(plan) = concurrent_plan(ctx.case) else {
        return;
    };
    let (Some(goal), Some(resource)) = (plan.goal, resource(plan)) else {
        return;
    };
    if !ctx.profile.checks_required_for.contains(&goal) {
        return;
    }
    let checks = &plan.checks;
    let missing: Vec<&str> = [
        ("registry", checks.registry),
        ("fingerprints", checks.fingerprints),
        ("criminal", checks.criminal),
    ]
    .into_iter()
    .filter(|(_, date)| date.is_none())
    .map(|(name, _)| name)
    .collect();
    let Some(first) = missing.first() else {
        return;
    };
    // "(Rosa Delgado (maternal aunt))" would read badly.
    let family = if resource.contains('(') {
        format!(", {resource},")
    } else {
        format!(" ({resource})")
    };
    emit.at_key(&format!("plan.concurrent.checks.{first}"), format!(
        "Background checks of the resource family{family} are incomplete: {} missing — record the date of \
         each check (registry, fingerprints, criminal)",
        and_list(&missing)
    ))
    .set_help(format!(
        "the {} profile requires the checks for a concurrent goal of {goal} (checks_required_for)",
        ctx.profile.name
    ));
}

pub const CP108: Rule = Rule {
    code: Code::new("CP108"),
    name: "primary-not-switched",
    severity: Severity::Error,
    summary: "The court ruled out reunification but plan.primary is still reunification",
    explain: explain!("CP108"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp108),
};

/// A later hearing that orders reunification services again reopens the track, so
/// only rulings after the latest such order count.
pub fn cp108(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    if primary(ctx.case) != PrimaryTrack::Reunification {
        return;
    }
    let reopened = (ctx.facts.current_hearings())
        .filter(|h| h.orders.contains(&CourtOrder::ReunificationServices))
        .map(|h| h.date)
        .max();
    let Some(ruling) = (ctx.facts.current_hearings())
        .filter(|h| ruling_words(h).is_some() && reopened.is_none_or(|r| h.date > r))
        .min_by_key(|h| h.date)
    else {
        return;
    };
    let court = ctx
        .case
        .court
        .iter()
        .position(|h| std::ptr::eq(h, ruling))
        .unwrap_or(0);
    let goal = concurrent_plan(ctx.case)
        .and_then(|c| c.goal)
        .map_or(String::new(), |g| format!(" ({g})"));
    let finding = emit.at_key_or("plan.primary", &format!("court[{court}]"), format!(
        "The court {} on {}: set `plan.primary: concurrent` — the alternative permanency goal{goal} becomes the \
         primary goal",
        ruling_words(ruling).unwrap_or("ruled"),
        ruling.date
    ));
    if let Some(at) = ctx.file.positions.exact("plan.primary") {
        finding.fix = Some(Fix::new(
            at.value,
            PrimaryTrack::Reunification.word(),
            PrimaryTrack::Concurrent.word(),
        ));
    }
}

pub const CP109: Rule = Rule {
    code: Code::new("CP109"),
    name: "appla-under-age",
    severity: Severity::Error,
    summary: "APPLA is the concurrent goal for a child younger than `appla_min_age` (16)",
    explain: explain!("CP109"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp109),
};

/// CP109 appla-under-age: APPLA is the concurrent goal for a child younger than appla_min_age (16)
pub fn cp109(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    if concurrent_plan(ctx.case).and_then(|c| c.goal) != Some(ConcurrentGoal::Appla) {
        return;
    }
    let (age, min) = (ctx.facts.age_on(ctx.as_of), ctx.profile.appla_min_age);
    if age >= min {
        return;
    }
    let months = i32::try_from(min.saturating_mul(12)).unwrap_or(i32::MAX);
    let turns = add_months(ctx.case.child.born, months);
    emit.at_value("plan.concurrent.goal", format!(
        "APPLA is the concurrent goal but the child is {age} (APPLA needs {min} or older): choose adoption, \
         guardianship or relative"
    ))
    .set_help(format!("{} turns {min} on {turns}", first_name(ctx.case)));
}

pub const CP110: Rule = Rule {
    code: Code::new("CP110"),
    name: "missing-concurrent-resource",
    severity: Severity::Warning,
    summary: "No concurrent resource family identified by the end of stage 1",
    explain: explain!("CP110"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp110),
};

pub fn cp110(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    if ctx.facts.stage == Stage::One || concurrent_plan(ctx.case).and_then(resource).is_some() {
        return;
    }
    let end = add_days(
        stage_start(ctx.facts.episode.removed, Stage::Two, ctx.profile.stages),
        -1,
    );
    emit.at_key_or("plan.concurrent.resource", &ctx.facts.episode_path(), format!(
        "No concurrent resource family identified by the end of stage 1 ({end}): name the relative, kin or \
         foster/adopt family in `plan.concurrent.resource`"
    ));
}

pub const CP111: Rule = Rule {
    code: Code::new("CP111"),
    name: "repeated-moves",
    severity: Severity::Warning,
    summary: "A third home in this stay in care, and the current one is not settled as permanent",
    explain: explain!("CP111"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp111),
};

/// How many homes make "moved again and again": a third home is a second move.
const HOMES: usize = 3;

/// CP111: the homes of the current stay in care, counted from the removal to the as-of
/// date (a stay with a parent is a trial home visit, not a move), number three or more,
/// and the current caregiver has not said yes to being the permanent home nor is the
/// concurrent resource family. Each move is a loss for the child that concurrent
/// planning exists to spare.
pub fn cp111(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let removed = ctx.facts.episode.removed;
    let homes: Vec<(usize, &Placement)> = (ctx.case.placements.iter().enumerate())
        .filter(|(_, p)| p.from >= removed && p.from <= ctx.as_of && p.setting != Setting::Parent)
        .collect();
    let Some(&(last, current)) = homes.iter().max_by_key(|(i, p)| (p.from, *i)) else {
        return;
    };
    let settled = current.permanency_willing == Some(Willing::Yes)
        || (concurrent_plan(ctx.case).and_then(resource))
            .zip(current.caregiver.as_deref())
            .is_some_and(|(r, c)| same_name(r, c));
    if homes.len() < HOMES || settled {
        return;
    }
    let names: Vec<String> = homes.iter().map(|(_, p)| caregiver(p)).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let (child, now) = (first_name(ctx.case), caregiver(current));
    emit.at_key(&format!("placements[{last}]"), format!(
        "{child} has lived in {} homes since the removal on {removed} ({}), and {now} has not said yes to being the permanent home: talk with {now} about permanency now and record the answer in `permanency_willing`; if {child} must move again, let it be to the concurrent resource family, so that the move is the last",
        homes.len(),
        and_list(&names),
    ));
}
