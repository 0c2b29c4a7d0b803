//! CP006: dates that cannot be true (docs/case-format.md, "Dates that must make sense").

use chrono::NaiveDate;

use super::{CaseCtx, Emit};
use crate::model::Case;

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
    for (path, date) in every_date(case) {
        if date < born {
            emit.at_value(
                &path,
                format!("`{path}` is {date}, before the child was born ({born}): check both dates"),
            );
        }
    }
}

fn ends_before_starts(case: &Case, emit: &mut Emit<'_>) {
    let mut check = |end_path: String, end: Option<NaiveDate>, start_name: &str, start: Option<NaiveDate>| {
        if let (Some(end), Some(start)) = (end, start)
            && end < start
        {
            emit.at_value(&end_path, format!(
                "`{end_path}` ({end}) is before its {start_name} ({start}): an end cannot come before its start"
            ));
        }
    };
    for (i, e) in case.episodes.iter().enumerate() {
        check(
            format!("episodes[{i}].exited"),
            e.exited,
            "removal",
            Some(e.removed),
        );
        let visits: Vec<crate::model::Period> = e.trial_home_visits.iter().map(|v| v.period()).collect();
        for (kind, periods) in [("trial_home_visits", &visits), ("runaway", &e.runaway)] {
            for (j, p) in periods.iter().enumerate() {
                check(
                    format!("episodes[{i}].{kind}[{j}].to"),
                    Some(p.to),
                    "`from`",
                    Some(p.from),
                );
            }
        }
    }
    for (i, p) in case.placements.iter().enumerate() {
        check(format!("placements[{i}].to"), p.to, "`from`", Some(p.from));
    }
    for (i, s) in case.services.iter().enumerate() {
        check(format!("services[{i}].ended"), s.ended, "start", s.started);
        check(
            format!("services[{i}].started"),
            s.started,
            "referral",
            s.referred,
        );
    }
    for (path, a) in activities(case) {
        check(format!("{path}.done"), a.done, "start", a.start);
        check(format!("{path}.due"), a.due, "start", a.start);
    }
    if let Some(search) = &case.search {
        check(
            "search.completed".to_owned(),
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
    for (path, date) in logged_events(case) {
        if date > as_of {
            emit.at_value(&path, format!(
                "`{path}` is {date}, after the as-of date {as_of}: only scheduled court hearings and due dates may be in the future"
            ));
        }
    }
}

fn activities(case: &Case) -> impl Iterator<Item = (String, &crate::model::Activity)> {
    case.goals.iter().enumerate().flat_map(|(g, goal)| {
        goal.objectives
            .iter()
            .enumerate()
            .flat_map(move |(o, objective)| {
                objective.activities.iter().enumerate().map(move |(a, activity)| {
                    (format!("goals[{g}].objectives[{o}].activities[{a}]"), activity)
                })
            })
    })
}

/// Dates of things that have happened (docs/case-format.md lists them).
fn logged_events(case: &Case) -> Vec<(String, NaiveDate)> {
    let mut out = Vec::new();
    let mut push = |path: String, date: Option<NaiveDate>| {
        if let Some(d) = date {
            out.push((path, d));
        }
    };
    for (i, v) in case.visits.iter().enumerate() {
        push(format!("visits[{i}].date"), Some(v.date));
    }
    for (i, v) in case.sibling_visits.iter().enumerate() {
        push(format!("sibling_visits[{i}].date"), Some(v.date));
    }
    for (i, c) in case.contacts.iter().enumerate() {
        push(format!("contacts[{i}].date"), Some(c.date));
    }
    for (i, e) in case.efforts.iter().enumerate() {
        push(format!("efforts[{i}].date"), Some(e.date));
    }
    for (i, d) in case.disclosures.iter().enumerate() {
        push(format!("disclosures[{i}].date"), Some(d.date));
    }
    for (i, r) in case.reviews.iter().enumerate() {
        push(format!("reviews[{i}].date"), Some(r.date));
    }
    for (i, s) in case.services.iter().enumerate() {
        push(format!("services[{i}].started"), s.started);
    }
    let signed = case
        .plan
        .as_ref()
        .and_then(|p| p.written_agreement.as_ref())
        .and_then(|w| w.signed);
    push("plan.written_agreement.signed".to_owned(), signed);
    let recruitment = (case.plan.as_ref())
        .and_then(|p| p.concurrent.as_ref())
        .map_or(&[][..], |c| &c.recruitment[..]);
    for (i, step) in recruitment.iter().enumerate() {
        push(format!("plan.concurrent.recruitment[{i}].date"), Some(step.date));
    }
    out
}

/// Every date written in the case, with its path (for "nothing before birth").
fn every_date(case: &Case) -> Vec<(String, NaiveDate)> {
    let mut out = logged_events(case);
    let mut push = |path: String, date: Option<NaiveDate>| {
        if let Some(d) = date {
            out.push((path, d));
        }
    };
    for (i, e) in case.episodes.iter().enumerate() {
        push(format!("episodes[{i}].removed"), Some(e.removed));
        push(format!("episodes[{i}].court_finding"), e.court_finding);
        push(format!("episodes[{i}].disposition"), e.disposition);
        push(format!("episodes[{i}].bypass"), e.bypass);
        push(format!("episodes[{i}].exited"), e.exited);
        for (j, v) in e.trial_home_visits.iter().enumerate() {
            push(
                format!("episodes[{i}].trial_home_visits[{j}].extended_by_court"),
                v.extended_by_court,
            );
        }
    }
    for (i, p) in case.placements.iter().enumerate() {
        push(format!("placements[{i}].from"), Some(p.from));
    }
    for (i, h) in case.court.iter().enumerate() {
        push(format!("court[{i}].date"), Some(h.date));
        push(format!("court[{i}].report_filed"), h.report_filed);
    }
    if let Some(plan) = &case.plan {
        push("plan.staffing".to_owned(), plan.staffing);
        push("plan.case_plan".to_owned(), plan.case_plan);
        push("plan.youth_consulted".to_owned(), plan.youth_consulted);
        push("plan.transition_plan".to_owned(), plan.transition_plan);
    }
    for (path, a) in activities(case) {
        push(format!("{path}.start"), a.start);
    }
    for (i, s) in case.services.iter().enumerate() {
        push(format!("services[{i}].referred"), s.referred);
    }
    out
}
