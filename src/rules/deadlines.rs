//! CP4xx — deadlines computed by the policy engine (docs/deadlines.md), and the two contact
//! rules that are deadlines too: CP204 (monthly caseworker visits) and CP205 (FDI).
//! Each message carries the due date, how it was reached, and the law behind it.

use super::{CaseCtx, Check, Emit, Rule};
use crate::finding::{Code, Severity};
use crate::model::PrimaryTrack;
use crate::policy::arith::{add_days, add_months};
use crate::policy::deadline::{Basis, Deadline, Kind, Status};
use crate::policy::words;
use crate::policy::words::capitalised;

/// The open (last) cycle of a kind, when it is overdue.
fn overdue_open_cycle<'c>(ctx: &'c CaseCtx<'_>, kind: Kind) -> Option<&'c Deadline> {
    ctx.deadlines
        .iter()
        .rfind(|d| d.kind == kind)
        .filter(|d| d.status == Status::Overdue)
}

fn overdue_all<'c>(ctx: &'c CaseCtx<'_>, kind: Kind) -> impl Iterator<Item = &'c Deadline> {
    ctx.deadlines
        .iter()
        .filter(move |d| d.kind == kind && d.status == Status::Overdue)
}

/// "due 2026-03-11 (60 days after the removal on 2026-01-10; 45 CFR 1356.21(g))".
fn due_text(d: &Deadline) -> String {
    let source = if d.source.is_empty() {
        String::new()
    } else {
        format!("; {}", d.source)
    };
    format!("due {} ({}{source})", d.due, words::why(d))
}

/// What the deadline is about, in words ("October 2026", "mother"), or `otherwise`.
fn about_or(d: &Deadline, otherwise: &str) -> String {
    d.about
        .as_ref()
        .map_or_else(|| otherwise.to_owned(), words::about)
}

fn days_late(ctx: &CaseCtx<'_>, d: &Deadline) -> i64 {
    -d.days_left(ctx.as_of)
}

pub const CP401: Rule = Rule {
    code: Code::new("CP401"),
    name: "case-plan-overdue",
    severity: Severity::Error,
    summary: "The case plan is past its due date and not recorded",
    explain: explain!("CP401"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp401),
};

/// CP401 case-plan-overdue.
pub fn cp401(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    if let Some(d) = overdue_open_cycle(ctx, Kind::CasePlan) {
        emit.at_key(
            &d.path,
            format!(
                "The case plan is {} days overdue, {}: complete it with the family and record `plan.case_plan`",
                days_late(ctx, d),
                due_text(d)
            ),
        );
    }
}

pub const CP402: Rule = Rule {
    code: Code::new("CP402"),
    name: "periodic-review-overdue",
    severity: Severity::Error,
    summary: "The six-month periodic review is overdue",
    explain: explain!("CP402"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp402),
};

/// CP402 periodic-review-overdue.
pub fn cp402(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    if let Some(d) = overdue_open_cycle(ctx, Kind::PeriodicReview) {
        emit.at_key_or(&d.path, &ctx.facts.episode_path(), format!(
            "The six-month periodic review is {} days overdue, {}: hold a court review or an administrative review and log it",
            days_late(ctx, d),
            due_text(d)
        ));
    }
}

pub const CP403: Rule = Rule {
    code: Code::new("CP403"),
    name: "permanency-hearing-overdue",
    severity: Severity::Error,
    summary: "The permanency hearing is overdue",
    explain: explain!("CP403"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp403),
};

/// CP403 permanency-hearing-overdue.
pub fn cp403(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    if let Some(d) = overdue_open_cycle(ctx, Kind::PermanencyHearing) {
        emit.at_key_or(&d.path, &ctx.facts.episode_path(), format!(
            "The permanency hearing is {} days overdue, {}: ask the court to set it and add it under `court` (hearing: permanency)",
            days_late(ctx, d),
            due_text(d)
        ));
    }
}

pub const CP404: Rule = Rule {
    code: Code::new("CP404"),
    name: "tpr-petition-overdue",
    severity: Severity::Error,
    summary: "15 of 22 months in care reached with no TPR petition or documented exception",
    explain: explain!("CP404"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp404),
};

/// CP404 tpr-petition-overdue.
pub fn cp404(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    if let Some(d) = overdue_open_cycle(ctx, Kind::Tpr15Of22) {
        emit.at_key_or(&d.path, &ctx.facts.episode_path(), format!(
            "15 of the last 22 months in care were reached on {} ({}): file the TPR petition (court order `tpr_petition`) or document an exception in `plan.tpr_exception`",
            d.due, d.source
        ));
    }
}

pub const CP405: Rule = Rule {
    code: Code::new("CP405"),
    name: "activity-overdue",
    severity: Severity::Warning,
    summary: "An activity is past its due date and not done",
    explain: explain!("CP405"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp405),
};

/// CP405 activity-overdue.
pub fn cp405(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    for d in overdue_all(ctx, Kind::Activity) {
        let label = about_or(d, "an activity");
        emit.at_value(&d.path, format!(
            "Activity {label} was due {} and is not done: record `done:` or agree a new due date with the family",
            d.due
        ));
    }
}

pub const CP406: Rule = Rule {
    code: Code::new("CP406"),
    name: "deadline-due-soon",
    severity: Severity::Warning,
    summary: "A deadline falls within the warning window (14 days by default)",
    explain: explain!("CP406"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp406),
};

/// CP406 deadline-due-soon: one finding per deadline in the warning window.
pub fn cp406(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    for d in ctx.deadlines.iter().filter(|d| d.status == Status::DueSoon) {
        let days = d.days_left(ctx.as_of);
        let when = match days {
            0 => "today".to_owned(),
            1 => "tomorrow".to_owned(),
            n => format!("in {n} days"),
        };
        let message = format!(
            "{} is due {when}, on {}{}",
            capitalised(&words::what(d)),
            d.due,
            source_suffix(d)
        );
        emit.at_key_or(&d.path, &ctx.facts.episode_path(), message);
    }
}

fn source_suffix(d: &Deadline) -> String {
    if d.source.is_empty() {
        String::new()
    } else {
        format!(" ({})", d.source)
    }
}

pub const CP407: Rule = Rule {
    code: Code::new("CP407"),
    name: "reunification-period-ending",
    severity: Severity::Info,
    summary: "Reunification period ends within 30 days (or ended); primary is reunification",
    explain: explain!("CP407"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp407),
};

/// CP407 reunification-period-ending.
pub fn cp407(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let primary = ctx.case.plan.as_ref().map(|p| p.primary).unwrap_or_default();
    if primary != PrimaryTrack::Reunification {
        return;
    }
    let notice = i64::from(ctx.profile.reunification_notice_days);
    let Some(d) = ctx
        .deadlines
        .iter()
        .find(|d| d.kind == Kind::ReunificationPeriodEnd)
    else {
        return;
    };
    if ctx.as_of > d.due {
        emit.at_key("plan.primary", format!(
            "The reunification services period ended on {} ({}) and the primary plan is still reunification: review whether the concurrent goal should become primary",
            d.due, d.source
        ));
    } else if add_days(ctx.as_of, notice) >= d.due {
        emit.at_key("plan.primary", format!(
            "The reunification services period ends on {} ({}): prepare the court for the decision between reunification and the concurrent goal",
            d.due, d.source
        ));
    }
}

/// Months a trial home visit may last without a court order (45 CFR 1356.21(e)).
const TRIAL_HOME_VISIT_MONTHS: i32 = 6;

pub const CP408: Rule = Rule {
    code: Code::new("CP408"),
    name: "trial-home-visit-too-long",
    severity: Severity::Warning,
    summary: "A trial home visit runs past 6 months with no court extension",
    explain: explain!("CP408"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp408),
};

/// CP408 trial-home-visit-too-long: a trial home visit that covers the day `from + 6
/// months` (it lasted, or is set to last, more than 6 months) with no `extended_by_court`.
/// A visit that ended the episode (discharge no later than the day after it) brought no
/// return to care, so there is no new entry to record.
///
/// cplan does not split the episode itself (docs/rules/CP408.md): whether and when the
/// child came back, and what the court found then, are in the record, not in the dates.
pub fn cp408(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    for (i, e) in ctx.case.episodes.iter().enumerate() {
        for (j, v) in e.trial_home_visits.iter().enumerate() {
            let limit = add_months(v.from, TRIAL_HOME_VISIT_MONTHS);
            let ended_care = e.exited.is_some_and(|exited| exited <= add_days(v.to, 1));
            if v.to < limit || v.extended_by_court.is_some() || ended_care {
                continue;
            }
            let (from, to) = (v.from, v.to);
            let message = if to < ctx.as_of {
                format!(
                    "The trial home visit of {from} to {to} went past 6 months ({limit}) with no court extension: under 45 CFR 1356.21(e) the child's return to care counts as a new entry into foster care. Record the court's order in `extended_by_court` if there was one; otherwise end this episode and add the return as a new removal episode, with the court's findings on it"
                )
            } else if ctx.as_of >= limit {
                format!(
                    "The trial home visit since {from} has gone past 6 months ({limit}) with no court extension: ask the court to extend it and record the order in `extended_by_court`, or end it; under 45 CFR 1356.21(e) a return to care now counts as a new entry into foster care"
                )
            } else {
                format!(
                    "The trial home visit of {from} to {to} runs past 6 months ({limit}) with no court extension: ask the court to extend it before {limit} and record the order in `extended_by_court`, or end it by then (45 CFR 1356.21(e))"
                )
            };
            emit.at_key(&format!("episodes[{i}].trial_home_visits[{j}]"), message);
        }
    }
}

pub const CP409: Rule = Rule {
    code: Code::new("CP409"),
    name: "court-report-not-filed",
    severity: Severity::Warning,
    summary: "The court report for a scheduled hearing is past its due date and not filed",
    explain: explain!("CP409"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp409),
};

/// CP409 court-report-not-filed: one finding per scheduled hearing whose report is past
/// its due date with no `report_filed` (the deadline exists only until the hearing).
pub fn cp409(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    for d in overdue_all(ctx, Kind::CourtReport) {
        let hearing = about_or(d, "scheduled hearing");
        let filed = format!("{}.report_filed", d.path.trim_end_matches(".date"));
        emit.at_key(&d.path, format!(
            "The court report for the {hearing} is {} days overdue, {}: file it with the court and record the date in `{filed}`",
            days_late(ctx, d),
            due_text(d)
        ));
    }
}

pub const CP204: Rule = Rule {
    code: Code::new("CP204"),
    name: "missed-caseworker-visit",
    severity: Severity::Error,
    summary: "A full calendar month in care with no caseworker contact with the child",
    explain: explain!("CP204"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp204),
};

/// CP204 missed-caseworker-visit: one finding per full month in care, before the
/// as-of month, without a caseworker contact with the child.
pub fn cp204(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    for d in overdue_all(ctx, Kind::CaseworkerVisit) {
        let month = about_or(d, "a month");
        emit.at_key_or("contacts", &ctx.facts.episode_path(), format!(
            "No caseworker contact with the child in {month} ({}): log the visit under `contacts` (with: child), or note why it did not happen",
            d.source
        ));
    }
}

pub const CP205: Rule = Rule {
    code: Code::new("CP205"),
    name: "full-disclosure-overdue",
    severity: Severity::Warning,
    summary: "No full disclosure interview with a known parent by end of stage 1 or in 90 days",
    explain: explain!("CP205"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp205),
};

/// CP205 full-disclosure-overdue: per parent whose whereabouts are known.
pub fn cp205(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    for d in overdue_all(ctx, Kind::Fdi) {
        let parent = about_or(d, "a parent");
        let what = if d.basis == Basis::EndOfStage1 {
            format!(
                "No full disclosure interview with {parent} by the end of stage 1 ({})",
                d.due
            )
        } else {
            format!(
                "The next full disclosure interview with {parent} was due {} ({})",
                d.due,
                words::why(d)
            )
        };
        emit.at_key(
            "disclosures",
            format!("{what}: hold it and log it under `disclosures`"),
        );
    }
}

pub mod efforts;
#[cfg(test)]
mod tests;
pub mod transition;
