//! CP006: dates that cannot be true (docs/case-format.md, "Dates that must make sense").

use std::fmt::Arguments;

use chrono::NaiveDate;

use super::{CaseCtx, Check, Emit, Rule};
use crate::finding::{Code, Severity};
use crate::model::Case;

pub const CP006: Rule = Rule {
    code: Code::new("CP006"),
    name: "impossible-date",
    severity: Severity::Error,
    summary: "Dates that cannot be true: before birth, end before start, overlap, future log",
    explain: explain!("CP006"),
    closed_cases: true,
    opt_in: false,
    check: Check::Case(check),
};

pub fn check(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let case = ctx.case;
    before_birth(case, emit);
    ends_before_starts(case, emit);
    overlapping_placements(case, emit);
    overlapping_episodes(case, emit);
    logged_in_future(case, ctx.as_of, emit);
}

fn before_birth(case: &Case, emit: &mut Emit<'_>) {
    let born = case.child.born;
    every_date(case, &mut |path, date| {
        if date < born {
            let path = path.to_string();
            emit.at_value(
                &path,
                format!("`{path}` is {date}, before the child was born ({born}): check both dates"),
            );
        }
    });
}

fn ends_before_starts(case: &Case, emit: &mut Emit<'_>) {
    // The path is written out only for a finding: this is asked of every end date.
    let mut check = |end_path: Arguments<'_>,
                     end: Option<NaiveDate>,
                     start_name: &str,
                     start: Option<NaiveDate>| {
        if let (Some(end), Some(start)) = (end, start)
            && end < start
        {
            let end_path = end_path.to_string();
            emit.at_value(&end_path, format!(
                "`{end_path}` ({end}) is before its {start_name} ({start}): an end cannot come before its start"
            ));
        }
    };
    for (i, e) in case.episodes.iter().enumerate() {
        check(
            format_args!("episodes[{i}].exited"),
            e.exited,
            "removal",
            Some(e.removed),
        );
        let visits: Vec<crate::model::Period> = e.trial_home_visits.iter().map(|v| v.period()).collect();
        for (kind, periods) in [("trial_home_visits", &visits), ("runaway", &e.runaway)] {
            for (j, p) in periods.iter().enumerate() {
                check(
                    format_args!("episodes[{i}].{kind}[{j}].to"),
                    Some(p.to),
                    "`from`",
                    Some(p.from),
                );
            }
        }
    }
    for (i, p) in case.placements.iter().enumerate() {
        check(format_args!("placements[{i}].to"), p.to, "`from`", Some(p.from));
    }
    for (i, s) in case.services.iter().enumerate() {
        check(format_args!("services[{i}].ended"), s.ended, "start", s.started);
        check(
            format_args!("services[{i}].started"),
            s.started,
            "referral",
            s.referred,
        );
    }
    for ([g, o, i], a) in activities(case) {
        let path = format_args!("goals[{g}].objectives[{o}].activities[{i}]");
        check(format_args!("{path}.done"), a.done, "start", a.start);
        check(format_args!("{path}.due"), a.due, "start", a.start);
    }
    if let Some(search) = &case.search {
        check(
            format_args!("search.completed"),
            search.completed,
            "start",
            search.started,
        );
    }
}

/// Placements may hand over on the same day (`to` of one = `from` of the next), but
/// a placement with no `to` followed by a later one is the classic forgotten `to:`.
fn overlapping_placements(case: &Case, emit: &mut Emit<'_>) {
    let mut order: Vec<usize> = (0..case.placements.len()).collect();
    order.sort_by_key(|&i| (case.placements[i].from, i));
    for pair in order.windows(2) {
        let (a, b) = (&case.placements[pair[0]], &case.placements[pair[1]]);
        let overlaps = a.to.is_none_or(|to| to > b.from);
        if !overlaps {
            continue;
        }
        let message = match a.to {
            None => format!(
                "placements[{}] (from {}) has no `to`, but the child moved on {} (placements[{}]): add `to: {}`",
                pair[0], a.from, b.from, pair[1], b.from
            ),
            Some(to) => format!(
                "placements[{}] runs to {to}, overlapping placements[{}] from {}: a child lives in one place at a time",
                pair[0], pair[1], b.from
            ),
        };
        emit.at_key(&format!("placements[{}]", pair[0]), message);
    }
}

fn overlapping_episodes(case: &Case, emit: &mut Emit<'_>) {
    let mut order: Vec<usize> = (0..case.episodes.len()).collect();
    order.sort_by_key(|&i| (case.episodes[i].removed, i));
    for pair in order.windows(2) {
        let (a, b) = (&case.episodes[pair[0]], &case.episodes[pair[1]]);
        let message = match a.exited {
            None => format!(
                "episodes[{}] (removed {}) has no `exited`, but the child was removed again on {}: add the discharge date and `exit_reason`",
                pair[0], a.removed, b.removed
            ),
            Some(exited) if exited > b.removed => format!(
                "episodes[{}] ends {exited}, after the next removal on {}: removal episodes cannot overlap",
                pair[0], b.removed
            ),
            Some(_) => continue,
        };
        emit.at_key(&format!("episodes[{}]", pair[0]), message);
    }
}

/// Logged events are things that happened; scheduled ones (court dates, activity
/// `due`) may be in the future.
fn logged_in_future(case: &Case, as_of: NaiveDate, emit: &mut Emit<'_>) {
    logged_events(case, &mut |path, date| {
        if date > as_of {
            let path = path.to_string();
            emit.at_value(&path, format!(
                "`{path}` is {date}, after the as-of date {as_of}: only scheduled court hearings and due dates may be in the future"
            ));
        }
    });
}

/// Every activity, with the indices of its goal, objective and itself.
fn activities(case: &Case) -> impl Iterator<Item = ([usize; 3], &crate::model::Activity)> {
    case.goals.iter().enumerate().flat_map(|(g, goal)| {
        goal.objectives
            .iter()
            .enumerate()
            .flat_map(move |(o, objective)| {
                (objective.activities.iter().enumerate()).map(move |(a, activity)| ([g, o, a], activity))
            })
    })
}

/// What is done with each date and its path; the path is written out only when a
/// finding needs it, as most dates are fine.
type DateVisit<'v> = dyn FnMut(Arguments<'_>, NaiveDate) + 'v;

/// Dates of things that have happened (docs/case-format.md lists them).
fn logged_events(case: &Case, visit: &mut DateVisit<'_>) {
    let mut push = |path: Arguments<'_>, date: Option<NaiveDate>| {
        if let Some(d) = date {
            visit(path, d);
        }
    };
    for (i, v) in case.visits.iter().enumerate() {
        push(format_args!("visits[{i}].date"), Some(v.date));
    }
    for (i, v) in case.sibling_visits.iter().enumerate() {
        push(format_args!("sibling_visits[{i}].date"), Some(v.date));
    }
    for (i, c) in case.contacts.iter().enumerate() {
        push(format_args!("contacts[{i}].date"), Some(c.date));
    }
    for (i, e) in case.efforts.iter().enumerate() {
        push(format_args!("efforts[{i}].date"), Some(e.date));
    }
    for (i, d) in case.disclosures.iter().enumerate() {
        push(format_args!("disclosures[{i}].date"), Some(d.date));
    }
    for (i, r) in case.reviews.iter().enumerate() {
        push(format_args!("reviews[{i}].date"), Some(r.date));
    }
    for (i, s) in case.services.iter().enumerate() {
        push(format_args!("services[{i}].started"), s.started);
    }
    let signed = case
        .plan
        .as_ref()
        .and_then(|p| p.written_agreement.as_ref())
        .and_then(|w| w.signed);
    push(format_args!("plan.written_agreement.signed"), signed);
    let recruitment = (case.plan.as_ref())
        .and_then(|p| p.concurrent.as_ref())
        .map_or(&[][..], |c| &c.recruitment[..]);
    for (i, step) in recruitment.iter().enumerate() {
        push(
            format_args!("plan.concurrent.recruitment[{i}].date"),
            Some(step.date),
        );
    }
}

/// Every date written in the case, with its path (for "nothing before birth").
fn every_date(case: &Case, visit: &mut DateVisit<'_>) {
    logged_events(case, visit);
    let mut push = |path: Arguments<'_>, date: Option<NaiveDate>| {
        if let Some(d) = date {
            visit(path, d);
        }
    };
    for (i, e) in case.episodes.iter().enumerate() {
        push(format_args!("episodes[{i}].removed"), Some(e.removed));
        push(format_args!("episodes[{i}].court_finding"), e.court_finding);
        push(format_args!("episodes[{i}].disposition"), e.disposition);
        push(format_args!("episodes[{i}].bypass"), e.bypass);
        push(format_args!("episodes[{i}].exited"), e.exited);
        for (j, v) in e.trial_home_visits.iter().enumerate() {
            push(
                format_args!("episodes[{i}].trial_home_visits[{j}].extended_by_court"),
                v.extended_by_court,
            );
        }
    }
    for (i, p) in case.placements.iter().enumerate() {
        push(format_args!("placements[{i}].from"), Some(p.from));
    }
    for (i, h) in case.court.iter().enumerate() {
        push(format_args!("court[{i}].date"), Some(h.date));
        push(format_args!("court[{i}].report_filed"), h.report_filed);
    }
    if let Some(plan) = &case.plan {
        push(format_args!("plan.staffing"), plan.staffing);
        push(format_args!("plan.case_plan"), plan.case_plan);
        push(format_args!("plan.youth_consulted"), plan.youth_consulted);
        push(format_args!("plan.transition_plan"), plan.transition_plan);
    }
    for ([g, o, a], activity) in activities(case) {
        push(
            format_args!("goals[{g}].objectives[{o}].activities[{a}].start"),
            activity.start,
        );
    }
    for (i, s) in case.services.iter().enumerate() {
        push(format_args!("services[{i}].referred"), s.referred);
    }
}
