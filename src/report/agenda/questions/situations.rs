//! The questions a case raises by itself: one per situation a review must settle,
//! most pressing first (the court's findings and the law's clocks, then visits, the
//! concurrent track, and the case plan's own work).

use crate::policy::sources::{Source, cite};
use crate::policy::words;
use crate::policy::words::plural;

use super::{
    Facts, Question, SHORT_PERIOD_DAYS, before_next_review, court, period_days, question,
    reunification_primary, since_phrase, visits, youth,
};
use crate::model::{Setting, Vocab, Whereabouts, Willing};
use crate::policy::arith::add_days;
use crate::policy::care::{Stage, next_stage_boundary};
use crate::policy::deadline::{Deadline, Kind, Status};
use crate::report::agenda::snapshot::{named, same_family};

pub fn all(f: &Facts<'_>) -> Vec<Question> {
    let mut asked: Vec<Question> = Vec::new();
    asked.extend(reunification_ruled_out(f));
    asked.extend(overdue(f));
    asked.extend(fifteen_of_22(f));
    asked.extend(court::efforts_findings(f));
    asked.extend(reunification_period_end(f));
    asked.extend(reunification_target_passed(f));
    asked.extend(youth::transition_plan(f));
    asked.extend(youth::youth_voice(f));
    asked.extend(youth::adult_life(f));
    asked.extend(visits::all_supervised(f));
    asked.extend(visits::missed(f));
    asked.extend(visits::parents_not_visiting(f));
    asked.extend(concurrent_track(f));
    asked.extend(caregiver_willingness(f));
    asked.extend(siblings(f));
    asked.extend(activities_overdue(f));
    asked.extend(services_without_response(f));
    asked.extend(efforts(f));
    asked.extend(whereabouts_unknown(f));
    asked.extend(next_stage(f));
    asked.extend(court_report(f));
    asked
}

/// "the concurrent goal (guardianship)", or a reminder that there is none.
fn concurrent_goal(f: &Facts<'_>) -> String {
    match f.summary.concurrent_goal {
        Some(goal) => format!("the concurrent goal ({goal})"),
        None => "a concurrent goal (none is on file yet)".to_owned(),
    }
}

fn pending<'a>(f: &Facts<'a>, kind: Kind) -> Option<&'a Deadline> {
    (f.summary.deadlines.iter())
        .filter(|d| d.kind == kind && d.status != Status::Met)
        .min_by_key(|d| d.due)
}

fn reunification_ruled_out(f: &Facts<'_>) -> Option<Question> {
    if !reunification_primary(f) {
        return None;
    }
    let goal = concurrent_goal(f);
    if let Some(day) = f.facts.not_viable_on() {
        return Some(question(
            "reunification_not_viable",
            format!("Reunification not viable per the court on {day}: make {goal} primary"),
            "a court finding `reunification_not_viable` (CP108)",
        ));
    }
    let bypass = f.facts.episode.bypass.filter(|d| *d <= f.facts.as_of)?;
    Some(question(
        "reunification_bypass",
        format!(
            "The court found on {bypass} that reunification efforts are not required: make {goal} primary \
             and prepare the permanency hearing"
        ),
        "episodes[].bypass; 42 USC 675(5)(C)",
    ))
}

/// Overdue deadlines other than those with a question of their own.
fn overdue(f: &Facts<'_>) -> Option<Question> {
    let own = [
        Kind::Activity,
        Kind::Tpr15Of22,
        Kind::ReunificationPeriodEnd,
        Kind::EffortsFindingRemoval,
        Kind::EffortsFindingPermanency,
    ];
    let late: Vec<String> = (f.summary.deadlines.iter())
        .filter(|d| d.status == Status::Overdue && !own.contains(&d.kind))
        .map(|d| format!("{} (due {})", f.names.text(&words::what(d)), d.due))
        .collect();
    (!late.is_empty()).then(|| {
        question(
            "overdue_deadlines",
            format!(
                "Overdue: {}. What kept {} from being done on time, and what is the plan now?",
                late.join("; "),
                if late.len() == 1 { "it" } else { "them" }
            ),
            "cplan deadlines --overdue",
        )
    })
}

fn fifteen_of_22(f: &Facts<'_>) -> Option<Question> {
    let d = pending(f, Kind::Tpr15Of22)?;
    let text = if d.status == Status::Overdue {
        format!(
            "15/22 was reached on {}, with no TPR petition and no documented exception: file the TPR petition \
             or document an exception now",
            d.due
        )
    } else if d.due <= before_next_review(f) || f.facts.stage >= Stage::Three {
        format!(
            "15/22 falls on {}: file the TPR petition or document an exception",
            d.due
        )
    } else {
        return None;
    };
    Some(question("tpr_15_of_22", text, &d.source))
}

fn reunification_period_end(f: &Facts<'_>) -> Option<Question> {
    let d = pending(f, Kind::ReunificationPeriodEnd)?;
    let goal = concurrent_goal(f);
    let text = if d.status == Status::Overdue {
        format!(
            "The reunification period ended on {} and reunification is still primary: make {goal} primary, or show the court why services should go on",
            d.due
        )
    } else if d.due <= before_next_review(f) {
        format!(
            "The reunification period ends on {}: recommend more services to the court, or make {goal} primary?",
            d.due
        )
    } else {
        return None;
    };
    Some(question("reunification_period_end", text, &d.source))
}

fn reunification_target_passed(f: &Facts<'_>) -> Option<Question> {
    let target = (f.case.plan.as_ref())
        .and_then(|p| p.reunification.as_ref())
        .and_then(|r| r.target)
        .filter(|t| *t < f.facts.as_of && reunification_primary(f))?;
    Some(question(
        "reunification_target_passed",
        format!(
            "The target date for return home ({target}) has passed: set a new target with the family, or make {} primary?",
            concurrent_goal(f)
        ),
        &format!(
            "plan.reunification.target; {}",
            cite(Source::CasePlanning, "a target date for the child's return home")
        ),
    ))
}

fn concurrent_track(f: &Facts<'_>) -> Option<Question> {
    let Some(goal) = f.summary.concurrent_goal else {
        return Some(question(
            "no_concurrent_goal",
            "No concurrent goal is on file: what is the alternative permanency goal if the child cannot return home?"
                .to_owned(),
            &format!("CP102; {}", cite(Source::CoreComponents, "assure that concurrent plans are developed")),
        ));
    };
    if named(f.summary.resource.as_deref()).is_none() {
        return Some(question(
            "no_concurrent_resource",
            format!(
                "No resource family is identified for the concurrent goal ({goal}): who is being considered, \
                 and what has the search for relatives found?"
            ),
            &format!(
                "CP110; {}",
                cite(
                    Source::ThreeStageModel,
                    "ongoing selection process and diligent search"
                )
            ),
        ));
    }
    None
}

/// Whether the caregiver will be the child's permanent home (seed 004), and whether the
/// resource family on file is the family the child lives with.
fn caregiver_willingness(f: &Facts<'_>) -> Option<Question> {
    let basis = &format!(
        "CP105; {}",
        cite(
            Source::Advokids,
            "the caretaker's willingness to provide permanency"
        )
    );
    let (_, placement) = f.case.current_placement()?;
    if placement.setting == Setting::Parent {
        return None;
    }
    let caregiver =
        named(placement.caregiver.as_deref()).map_or("The caregiver".to_owned(), |c| f.names.name(c));
    let resource = named(f.summary.resource.as_deref());
    let elsewhere =
        resource.filter(|r| named(placement.caregiver.as_deref()).is_none_or(|c| !same_family(c, r)));
    let text = match (placement.permanency_willing, elsewhere) {
        (None, _) => format!(
            "{caregiver}: willingness to be the child's permanent home is not recorded. Has anyone asked?"
        ),
        (Some(Willing::Undecided), _) => format!(
            "{caregiver} has not decided whether to be the child's permanent home: what do they need to decide, and by when?"
        ),
        (Some(Willing::No), Some(other)) => format!(
            "{caregiver} will not be the child's permanent home: when and how will the child move to {}, so that the child moves only once more?",
            f.names.name(other)
        ),
        (Some(Willing::No), None) => format!(
            "{caregiver} will not be the child's permanent home and no other family is identified: who could be?"
        ),
        (Some(Willing::Yes), Some(other)) => format!(
            "The resource family on file ({}) is not the family the child lives with ({caregiver}, who is willing): which family is the plan?",
            f.names.name(other)
        ),
        (Some(Willing::Yes), None) => return None,
    };
    Some(question("caregiver_willingness", text, basis))
}

fn siblings(f: &Facts<'_>) -> Option<Question> {
    let ids = &f.case.child.siblings;
    if ids.is_empty() {
        return None;
    }
    let (_, placement) = f.case.current_placement()?;
    let list = ids.join(", ");
    let contact = match f.case.last_sibling_visit(f.facts.episode.removed, f.facts.as_of) {
        Some(day) => format!("The last sibling visit logged was on {day}: how often do they see each other?"),
        None => "No sibling visit is logged: how do they keep in touch?".to_owned(),
    };
    let text = match (
        placement.siblings_together,
        named(placement.siblings_apart_reason.as_deref()),
    ) {
        (Some(true), _) => return None,
        (Some(false), Some(reason)) => format!(
            "The child lives apart from siblings in care ({list}; on file: {}): is placing them together still ruled out? {contact}",
            f.names.text(reason)
        ),
        (Some(false), None) => format!(
            "The child lives apart from siblings in care ({list}) and no reason is recorded: can they be placed together? {contact}"
        ),
        (None, _) => format!("Siblings in care ({list}): are they placed together? The file does not say."),
    };
    Some(question(
        "siblings_apart",
        text,
        &format!(
            "CP106, CP207; 42 USC 671(a)(31); {}",
            cite(Source::Advokids, "siblings placed together")
        ),
    ))
}

fn activities_overdue(f: &Facts<'_>) -> Option<Question> {
    let late = &f.since.activities_overdue;
    if late.is_empty() {
        return None;
    }
    let listed: Vec<String> = late
        .iter()
        .map(|a| {
            let id = a.id.clone().unwrap_or_else(|| a.text.clone());
            let who = a.who.as_deref().map(|w| format!("{w}, ")).unwrap_or_default();
            format!("{id} ({who}due {})", a.due.as_deref().unwrap_or("?"))
        })
        .collect();
    Some(question(
        "activities_overdue",
        format!(
            "{} overdue: {}. What stands in the way, and are the time frames still realistic?",
            plural(late.len(), "activity is", "activities are"),
            listed.join("; ")
        ),
        &format!(
            "CP405; {}",
            cite(Source::CasePlanning, "activities with realistic time frames")
        ),
    ))
}

fn services_without_response(f: &Facts<'_>) -> Option<Question> {
    let settled = add_days(f.facts.as_of, -i64::from(f.profile.service_response_days));
    let silent: Vec<String> = (f.case.services.iter())
        .filter(|s| s.started.is_some_and(|d| d <= settled))
        .filter(|s| s.ended.is_none_or(|e| e >= f.since.first_day))
        .filter(|s| named(s.response.as_deref()).is_none())
        .map(|s| f.names.text(&s.name))
        .collect();
    (!silent.is_empty()).then(|| {
        question(
            "service_response",
            format!(
                "No family response is recorded for: {}. How is the family taking part?",
                silent.join("; ")
            ),
            &format!(
                "CP306; {}",
                cite(Source::CoreComponents, "the family's response to services")
            ),
        )
    })
}

fn efforts(f: &Facts<'_>) -> Option<Question> {
    let ordered = f.facts.episode.services_ordered && reunification_primary(f);
    if !ordered || !f.since.efforts.is_empty() || period_days(f) < SHORT_PERIOD_DAYS {
        return None;
    }
    Some(question(
        "reasonable_efforts",
        format!(
            "No reasonable-efforts entry since {}: what has the agency done toward reunification, and is it written down?",
            since_phrase(f.since)
        ),
        &format!(
            "CP307; {}",
            cite(Source::CoreComponents, "document the agency's reasonable efforts")
        ),
    ))
}

fn whereabouts_unknown(f: &Facts<'_>) -> Vec<Question> {
    let started = f.case.search.as_ref().and_then(|s| s.started);
    (f.case.parents.iter())
        .filter(|p| p.whereabouts == Whereabouts::Unknown)
        .map(|p| {
            let search = started.map_or(" (no search start is recorded)".to_owned(), |d| {
                format!(" (search started {d})")
            });
            question(
                "whereabouts_unknown",
                format!(
                    "The whereabouts of {} ({}) are unknown: what has the diligent search found{search}?",
                    f.names.name(&p.name),
                    p.relationship.word().replace('_', " ")
                ),
                &format!(
                    "CP309; {}",
                    cite(Source::ThreeStageModel, "ongoing diligent search")
                ),
            )
        })
        .collect()
}

fn next_stage(f: &Facts<'_>) -> Option<Question> {
    let (stage, from) = next_stage_boundary(f.facts.episode.removed, f.facts.as_of, f.profile.stages)?;
    if from > f.horizon {
        return None;
    }
    let text = match stage {
        Stage::Past => format!(
            "The case passes month 15 on {from}, the end of the three-stage model: is the permanency decision ready?"
        ),
        _ => format!(
            "Stage {} ({}) begins on {from}: what will the parent take on, and what will the worker hand over?",
            stage.short(),
            stage.name()
        ),
    };
    Some(question(
        "next_stage",
        text,
        &cite(Source::ThreeStageModel, "the three-stage casework model"),
    ))
}

fn court_report(f: &Facts<'_>) -> Option<Question> {
    let d = (f.summary.deadlines.iter())
        .filter(|d| d.kind == Kind::CourtReport && d.status != Status::Met)
        .filter(|d| d.due >= f.facts.as_of && d.due <= f.horizon)
        .min_by_key(|d| d.due)?;
    let hearing = d
        .about
        .as_ref()
        .map_or_else(|| "next hearing".to_owned(), words::about);
    Some(question(
        "court_report",
        format!(
            "The court report for the {hearing} is due {}: who writes it, and does it give a clear report of progress?",
            d.due
        ),
        &cite(
            Source::ThreeStageModel,
            "clear report of progress to courts, parent advocates, child attorney",
        ),
    ))
}
