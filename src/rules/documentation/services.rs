//! CP306, CP307, CP311: services ordered, offered and answered, and the efforts recorded.

use super::{held_in_episode, services_ordered_path};
use crate::finding::{Code, Severity};
use crate::policy::arith::add_days;
use crate::rules::{CaseCtx, Check, Emit, Rule};

pub const CP306: Rule = Rule {
    code: Code::new("CP306"),
    name: "missing-service-response",
    severity: Severity::Warning,
    summary: "A service started over 30 days ago has no recorded family response",
    explain: explain!("CP306"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp306),
};

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

pub const CP307: Rule = Rule {
    code: Code::new("CP307"),
    name: "missing-reasonable-efforts",
    severity: Severity::Error,
    summary: "No reasonable-efforts entry in the last 90 days while services are ordered",
    explain: explain!("CP307"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp307),
};

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
        "No reasonable-efforts entry {what} ({days} days, more than {n}): log what the agency has done toward reunification under `efforts`"
    ));
}

pub const CP311: Rule = Rule {
    code: Code::new("CP311"),
    name: "missing-services",
    severity: Severity::Warning,
    summary: "No services are listed although services are ordered",
    explain: explain!("CP311"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp311),
};

pub fn cp311(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let episode = ctx.facts.episode;
    if episode.services_ordered && ctx.case.services.is_empty() {
        emit.at_key_or("services", &services_ordered_path(ctx), format!(
            "No services are recorded although reunification services are ordered (removed {}): list each service referred, with its provider and dates",
            episode.removed
        ));
    }
}
