//! One converter per section of docs/case-format.md. Each reads every key of its mapping
//! before deciding whether the item can be kept, so that all problems are reported.

use super::logs::{read_contact, read_disclosure, read_effort, read_review, read_sibling_visit, read_visit};
use super::plan::{read_goal, read_plan, read_service};
use super::{Conv, Field, NAME};
use crate::finding::code;
use crate::load::node::{Node, Value};
use crate::load::positions::Place;
use crate::model::*;

/// The most parents, and sibling case ids, read from a file. No child in care has fifty
/// of either, and rules work on them in pairs: each visit naming nobody listed every
/// parent id in its help (14,000 parents and as many visits, a 1.3 MB file, took 1.4 GB),
/// and each sibling id cost the folder rules a copy of its line (200,000 ids, 24 GB).
pub const MAX_PEOPLE: usize = 50;

/// Keeps the first `MAX_PEOPLE` items of a list, reporting the rest (CP004).
fn at_most<T>(c: &mut Conv, field: &Field<'_>, items: &mut Vec<T>) {
    if let Some(node) = field.node
        && items.len() > MAX_PEOPLE
    {
        let message = format!(
            "`{}` lists {} people; only the first {MAX_PEOPLE} are read",
            c.path_of(field.path),
            items.len()
        );
        c.report_invalid(node, message);
        items.truncate(MAX_PEOPLE);
    }
}

/// Reads a whole case. `None` when its core (id, birth date, an episode) is unreadable;
/// the problems are in `conv.findings` either way.
pub(crate) fn convert_case(c: &mut Conv, root: &Node) -> Option<Case> {
    let mut o = c.obj(root, Place::TOP)?;
    let id = c.need(&mut o, "case");
    let id = c.text(&id);
    c.case_id.clone_from(&id);
    let jurisdiction = c.get(&mut o, "jurisdiction");
    let jurisdiction = c.text(&jurisdiction);
    let worker = c.need(&mut o, "worker");
    let worker = c.name(&worker, NAME);
    let supervisor = c.get(&mut o, "supervisor");
    let supervisor = c.name(&supervisor, NAME);
    let child = c.need(&mut o, "child");
    let child = child.node.and_then(|n| read_child(c, n, child.path));
    let parents_field = c.get(&mut o, "parents");
    let mut parents = c.items(&parents_field, read_parent);
    at_most(c, &parents_field, &mut parents);
    let episodes_field = c.need(&mut o, "episodes");
    let episodes = c.items(&episodes_field, read_episode);
    let placements = c.get(&mut o, "placements");
    let placements = c.items(&placements, read_placement);
    let plan = c.get(&mut o, "plan");
    let plan = plan.node.and_then(|n| read_plan(c, n, plan.path));
    let goals = c.get(&mut o, "goals");
    let goals = c.items(&goals, read_goal);
    let services = c.get(&mut o, "services");
    let services = c.items(&services, read_service);
    let visits = c.get(&mut o, "visits");
    let visits = c.items(&visits, read_visit);
    let sibling_visits = c.get(&mut o, "sibling_visits");
    let sibling_visits = c.items(&sibling_visits, read_sibling_visit);
    let contacts = c.get(&mut o, "contacts");
    let contacts = c.items(&contacts, read_contact);
    let disclosures = c.get(&mut o, "disclosures");
    let disclosures = c.items(&disclosures, read_disclosure);
    let search = c.get(&mut o, "search");
    let search = search.node.and_then(|n| read_search(c, n, search.path));
    let efforts = c.get(&mut o, "efforts");
    let efforts = c.items(&efforts, read_effort);
    let court = c.get(&mut o, "court");
    let court = c.items(&court, read_hearing);
    let reviews = c.get(&mut o, "reviews");
    let reviews = c.items(&reviews, read_review);
    let notes = c.get(&mut o, "notes");
    let notes = c.text(&notes);
    c.finish(o);

    if let Some(Node {
        value: Value::Seq(items),
        loc,
    }) = episodes_field.node
        && items.is_empty()
    {
        let message =
            "`episodes` is empty: a case needs at least one removal episode (`- removed: YYYY-MM-DD`)";
        c.report_at(code::CP003, *loc, message.to_owned());
    }
    let child = child?;
    if episodes.is_empty() {
        return None;
    }
    Some(Case {
        id: id?,
        jurisdiction,
        worker: worker.unwrap_or_default(),
        supervisor,
        child,
        parents,
        episodes,
        placements,
        plan,
        goals,
        services,
        visits,
        sibling_visits,
        contacts,
        disclosures,
        search,
        efforts,
        court,
        reviews,
        notes,
    })
}

fn read_child(c: &mut Conv, node: &Node, path: Place) -> Option<Child> {
    let mut o = c.obj(node, path)?;
    let name = c.need(&mut o, "name");
    let name = c.name(&name, NAME);
    let born = c.need(&mut o, "born");
    let born = c.date(&born);
    let siblings_field = c.get(&mut o, "siblings");
    let mut siblings = c.texts(&siblings_field);
    at_most(c, &siblings_field, &mut siblings);
    c.finish(o);
    Some(Child {
        name: name.unwrap_or_default(),
        born: born?,
        siblings,
    })
}

fn read_parent(c: &mut Conv, node: &Node, path: Place) -> Option<Parent> {
    let mut o = c.obj(node, path)?;
    let id = c.need(&mut o, "id");
    let id = c.text(&id);
    let name = c.need(&mut o, "name");
    let name = c.name(&name, NAME);
    let relationship = c.need(&mut o, "relationship");
    let relationship = c.word(&relationship);
    let whereabouts = c.get(&mut o, "whereabouts");
    let whereabouts = c.word(&whereabouts).unwrap_or(Whereabouts::Known);
    c.finish(o);
    Some(Parent {
        id: id?,
        name: name.unwrap_or_default(),
        relationship: relationship?,
        whereabouts,
    })
}

fn read_period(c: &mut Conv, node: &Node, path: Place) -> Option<Period> {
    let mut o = c.obj(node, path)?;
    let from = c.need(&mut o, "from");
    let from = c.date(&from);
    let to = c.need(&mut o, "to");
    let to = c.date(&to);
    c.finish(o);
    Some(Period { from: from?, to: to? })
}

fn read_trial_home_visit(c: &mut Conv, node: &Node, path: Place) -> Option<TrialHomeVisit> {
    let mut o = c.obj(node, path)?;
    let from = c.need(&mut o, "from");
    let from = c.date(&from);
    let to = c.need(&mut o, "to");
    let to = c.date(&to);
    let extended = c.get(&mut o, "extended_by_court");
    let extended_by_court = c.date(&extended);
    c.finish(o);
    Some(TrialHomeVisit {
        from: from?,
        to: to?,
        extended_by_court,
    })
}

fn read_episode(c: &mut Conv, node: &Node, path: Place) -> Option<Episode> {
    let mut o = c.obj(node, path)?;
    let removed = c.need(&mut o, "removed");
    let removed = c.date(&removed);
    let reason = c.get(&mut o, "reason");
    let reason = c.text(&reason);
    let court_finding = c.get(&mut o, "court_finding");
    let court_finding = c.date(&court_finding);
    let disposition = c.get(&mut o, "disposition");
    let disposition = c.date(&disposition);
    let services_ordered = c.get(&mut o, "services_ordered");
    let services_ordered = c.flag(&services_ordered).unwrap_or(true);
    let bypass = c.get(&mut o, "bypass");
    let bypass = c.date(&bypass);
    let trial_home_visits = c.get(&mut o, "trial_home_visits");
    let trial_home_visits = c.items(&trial_home_visits, read_trial_home_visit);
    let runaway = c.get(&mut o, "runaway");
    let runaway = c.items(&runaway, read_period);
    let exited = c.get(&mut o, "exited");
    let exited_date = c.date(&exited);
    let exit_reason_field = c.get(&mut o, "exit_reason");
    let exit_reason = c.word(&exit_reason_field);
    if exited.node.is_some() && exit_reason_field.node.is_none() {
        let loc = exited.node.map_or(o.loc, |n| n.loc);
        c.report_at(code::CP003, loc, format!("`{}` is set, so `exit_reason` is required (reunification, adoption, guardianship, relative, emancipation or other)", c.path_of(exited.path)));
    }
    c.finish(o);
    Some(Episode {
        removed: removed?,
        reason,
        court_finding,
        disposition,
        services_ordered,
        bypass,
        trial_home_visits,
        runaway,
        exited: exited_date,
        exit_reason,
    })
}

fn read_placement(c: &mut Conv, node: &Node, path: Place) -> Option<Placement> {
    let mut o = c.obj(node, path)?;
    let from = c.need(&mut o, "from");
    let from = c.date(&from);
    let to = c.get(&mut o, "to");
    let to = c.date(&to);
    let setting = c.need(&mut o, "setting");
    let setting = c.word(&setting);
    let caregiver = c.get(&mut o, "caregiver");
    let caregiver = c.name(&caregiver, NAME);
    let willing = c.get(&mut o, "permanency_willing");
    let permanency_willing = read_willing(c, &willing);
    let together = c.get(&mut o, "siblings_together");
    let siblings_together = c.flag(&together);
    let reason = c.get(&mut o, "siblings_apart_reason");
    let siblings_apart_reason = c.text(&reason);
    c.finish(o);
    Some(Placement {
        from: from?,
        to,
        setting: setting?,
        caregiver,
        permanency_willing,
        siblings_together,
        siblings_apart_reason,
    })
}

/// `permanency_willing` is a word, but unquoted `yes`/`no` and `true`/`false` are
/// accepted because YAML 1.1 habits make people write them so (docs/case-format.md).
fn read_willing(c: &mut Conv, field: &Field<'_>) -> Option<Willing> {
    let node = field.node?;
    match node
        .value
        .scalar_text()
        .map(|t| t.to_ascii_lowercase())
        .as_deref()
    {
        Some("true") => Some(Willing::Yes),
        Some("false") => Some(Willing::No),
        _ => c.word(field),
    }
}

fn read_search(c: &mut Conv, node: &Node, path: Place) -> Option<Search> {
    let mut o = c.obj(node, path)?;
    let started = c.get(&mut o, "started");
    let started = c.date(&started);
    let completed = c.get(&mut o, "completed");
    let completed = c.date(&completed);
    let notified = c.get(&mut o, "relatives_notified");
    let relatives_notified = c.date(&notified);
    let found = c.get(&mut o, "found");
    let found = c.texts(&found);
    c.finish(o);
    Some(Search {
        started,
        completed,
        relatives_notified,
        found,
    })
}

fn read_hearing(c: &mut Conv, node: &Node, path: Place) -> Option<Hearing> {
    let mut o = c.obj(node, path)?;
    let date = c.need(&mut o, "date");
    let date = c.date(&date);
    let hearing = c.need(&mut o, "hearing");
    let hearing = c.word(&hearing);
    let findings = c.get(&mut o, "findings");
    let findings = c.words(&findings);
    let orders = c.get(&mut o, "orders");
    let orders = c.words(&orders);
    let report_filed = c.get(&mut o, "report_filed");
    let report_filed = c.date(&report_filed);
    let note = c.get(&mut o, "note");
    let note = c.text(&note);
    c.finish(o);
    Some(Hearing {
        date: date?,
        hearing: hearing?,
        findings,
        orders,
        report_filed,
        note,
    })
}
