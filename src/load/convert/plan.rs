//! The plan sections of docs/case-format.md: `plan` (both tracks), `goals` with their
//! objectives and activities, and `services`. As in `case.rs`, each converter reads
//! every key of its mapping before deciding whether the item can be kept.

use super::{Conv, NAME, WORDS};
use crate::load::node::Node;
use crate::load::positions::Place;
use crate::model::*;

pub(super) fn read_plan(c: &mut Conv, node: &Node, path: Place) -> Option<Plan> {
    let mut o = c.obj(node, path)?;
    let staffing = c.get(&mut o, "staffing");
    let staffing = c.date(&staffing);
    let prognosis = c.get(&mut o, "prognosis");
    let prognosis = prognosis.node.and_then(|n| read_prognosis(c, n, prognosis.path));
    let agreement = c.get(&mut o, "written_agreement");
    let written_agreement = agreement.node.and_then(|n| read_agreement(c, n, agreement.path));
    let case_plan = c.get(&mut o, "case_plan");
    let case_plan = c.date(&case_plan);
    let primary = c.get(&mut o, "primary");
    let primary = c.word(&primary).unwrap_or_default();
    let reunification = c.get(&mut o, "reunification");
    let reunification = reunification
        .node
        .and_then(|n| read_reunification(c, n, reunification.path));
    let concurrent = c.get(&mut o, "concurrent");
    let concurrent = concurrent
        .node
        .and_then(|n| read_concurrent(c, n, concurrent.path));
    let exception = c.get(&mut o, "tpr_exception");
    let tpr_exception = c.word(&exception);
    let note = c.get(&mut o, "tpr_exception_note");
    let tpr_exception_note = c.text(&note);
    let youth_consulted = c.get(&mut o, "youth_consulted");
    let youth_consulted = c.date(&youth_consulted);
    let transition_plan = c.get(&mut o, "transition_plan");
    let transition_plan = c.date(&transition_plan);
    c.finish(o);
    Some(Plan {
        staffing,
        prognosis,
        written_agreement,
        case_plan,
        primary,
        reunification,
        concurrent,
        tpr_exception,
        tpr_exception_note,
        youth_consulted,
        transition_plan,
    })
}

fn read_prognosis(c: &mut Conv, node: &Node, path: Place) -> Option<Prognosis> {
    let mut o = c.obj(node, path)?;
    let favorable = c.get(&mut o, "favorable");
    let favorable = c.texts(&favorable);
    let poor = c.get(&mut o, "poor");
    let poor = c.texts(&poor);
    c.finish(o);
    Some(Prognosis { favorable, poor })
}

fn read_agreement(c: &mut Conv, node: &Node, path: Place) -> Option<WrittenAgreement> {
    let mut o = c.obj(node, path)?;
    let signed = c.get(&mut o, "signed");
    let signed = c.date(&signed);
    let by = c.get(&mut o, "by");
    let by = c.texts(&by);
    c.finish(o);
    Some(WrittenAgreement { signed, by })
}

fn read_reunification(c: &mut Conv, node: &Node, path: Place) -> Option<ReunificationPlan> {
    let mut o = c.obj(node, path)?;
    let target = c.get(&mut o, "target");
    let target = c.date(&target);
    let conditions = c.get(&mut o, "conditions");
    let conditions = c.texts(&conditions);
    c.finish(o);
    Some(ReunificationPlan { target, conditions })
}

fn read_concurrent(c: &mut Conv, node: &Node, path: Place) -> Option<ConcurrentPlan> {
    let mut o = c.obj(node, path)?;
    let goal = c.get(&mut o, "goal");
    let goal = c.word(&goal);
    let resource = c.get(&mut o, "resource");
    let resource = c.name(&resource, NAME).filter(|r| !r.trim().is_empty());
    let checks = c.get(&mut o, "checks");
    let checks = checks
        .node
        .and_then(|n| read_checks(c, n, checks.path))
        .unwrap_or_default();
    let recruitment = c.get(&mut o, "recruitment");
    let recruitment = c.items(&recruitment, read_recruitment_step);
    c.finish(o);
    Some(ConcurrentPlan {
        goal,
        resource,
        checks,
        recruitment,
    })
}

fn read_recruitment_step(c: &mut Conv, node: &Node, path: Place) -> Option<RecruitmentStep> {
    let mut o = c.obj(node, path)?;
    let date = c.need(&mut o, "date");
    let date = c.date(&date);
    let text = c.need(&mut o, "text");
    let text = c.text(&text);
    c.finish(o);
    Some(RecruitmentStep {
        date: date?,
        text: text?,
    })
}

fn read_checks(c: &mut Conv, node: &Node, path: Place) -> Option<BackgroundChecks> {
    let mut o = c.obj(node, path)?;
    let registry = c.get(&mut o, "registry");
    let registry = c.date(&registry);
    let fingerprints = c.get(&mut o, "fingerprints");
    let fingerprints = c.date(&fingerprints);
    let criminal = c.get(&mut o, "criminal");
    let criminal = c.date(&criminal);
    c.finish(o);
    Some(BackgroundChecks {
        registry,
        fingerprints,
        criminal,
    })
}

pub(super) fn read_goal(c: &mut Conv, node: &Node, path: Place) -> Option<Goal> {
    let mut o = c.obj(node, path)?;
    let id = c.need(&mut o, "id");
    let id = c.text(&id);
    let track = c.need(&mut o, "track");
    let track = c.word(&track);
    let term = c.need(&mut o, "term");
    let term = c.word(&term);
    let text = c.need(&mut o, "text");
    let text = c.name(&text, WORDS);
    let objectives = c.get(&mut o, "objectives");
    let objectives = c.items(&objectives, read_objective);
    c.finish(o);
    Some(Goal {
        id: id?,
        track: track?,
        term: term?,
        text: text.unwrap_or_default(),
        objectives,
    })
}

fn read_objective(c: &mut Conv, node: &Node, path: Place) -> Option<Objective> {
    let mut o = c.obj(node, path)?;
    let id = c.need(&mut o, "id");
    let id = c.text(&id);
    let text = c.need(&mut o, "text");
    let text = c.name(&text, WORDS);
    let measure = c.get(&mut o, "measure");
    let measure = c.text(&measure);
    let agreed = c.get(&mut o, "agreed");
    let agreed = c.date(&agreed);
    let met = c.get(&mut o, "met");
    let met = c.date(&met);
    let activities = c.get(&mut o, "activities");
    let activities = c.items(&activities, read_activity);
    c.finish(o);
    Some(Objective {
        id: id?,
        text: text.unwrap_or_default(),
        measure,
        agreed,
        met,
        activities,
    })
}

fn read_activity(c: &mut Conv, node: &Node, path: Place) -> Option<Activity> {
    let mut o = c.obj(node, path)?;
    let id = c.get(&mut o, "id");
    let id = c.text(&id);
    let text = c.need(&mut o, "text");
    let text = c.name(&text, WORDS);
    let who = c.get(&mut o, "who");
    let who = c.text(&who);
    let place = c.get(&mut o, "where");
    let place = c.text(&place);
    let start = c.get(&mut o, "start");
    let start = c.date(&start);
    let due = c.get(&mut o, "due");
    let due = c.date(&due);
    let done = c.get(&mut o, "done");
    let done = c.date(&done);
    c.finish(o);
    Some(Activity {
        id,
        text: text?,
        who,
        place,
        start,
        due,
        done,
    })
}

pub(super) fn read_service(c: &mut Conv, node: &Node, path: Place) -> Option<Service> {
    let mut o = c.obj(node, path)?;
    let name = c.need(&mut o, "name");
    let name = c.name(&name, WORDS);
    let person = c.get(&mut o, "for");
    let person = c.text(&person);
    let provider = c.get(&mut o, "provider");
    let provider = c.text(&provider);
    let referred = c.get(&mut o, "referred");
    let referred = c.date(&referred);
    let started = c.get(&mut o, "started");
    let started = c.date(&started);
    let ended = c.get(&mut o, "ended");
    let ended = c.date(&ended);
    let response = c.get(&mut o, "response");
    let response = c.text(&response);
    c.finish(o);
    Some(Service {
        name: name?,
        person,
        provider,
        referred,
        started,
        ended,
        response,
    })
}
