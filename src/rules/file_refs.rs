//! CP007 inside one file: `with`/`for`/`who`/`by`/`attendees` must name somebody (a
//! sibling visit names a case id of `child.siblings`), and ids must be unique. (The sibling part looks across files: see `folder`.)

use std::collections::HashMap;
use std::fmt::{self, Arguments};

use super::{CaseCtx, Check, Emit, Rule};
use crate::finding::{Code, Fix, Severity};
use crate::load::convert::closest;
use crate::model::{Case, FIXED_PEOPLE, PersonRef};

pub const CP007: Rule = Rule {
    code: Code::new("CP007"),
    name: "unknown-reference",
    severity: Severity::Error,
    summary: "A person reference names nobody, an id repeats, or a sibling has no file",
    explain: explain!("CP007"),
    closed_cases: true,
    opt_in: false,
    check: Check::Case(check),
};

pub fn check(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let case = ctx.case;
    duplicate_ids(case, emit);
    let parents: Vec<&str> = case.parent_ids().collect();
    let people: Vec<&str> = parents
        .iter()
        .copied()
        .chain(FIXED_PEOPLE.iter().copied())
        .collect();

    for (i, v) in case.visits.iter().enumerate() {
        must_be_one_of(
            case,
            emit,
            format_args!("visits[{i}].with"),
            &v.with,
            &parents,
            "a parent id",
        );
    }
    for (i, d) in case.disclosures.iter().enumerate() {
        must_be_one_of(
            case,
            emit,
            format_args!("disclosures[{i}].with"),
            &d.with,
            &parents,
            "a parent id",
        );
    }
    sibling_visits_with(case, emit);
    let contactable: Vec<&str> = parents.iter().copied().chain(["child", "caregiver"]).collect();
    for (i, c) in case.contacts.iter().enumerate() {
        must_be_one_of(
            case,
            emit,
            format_args!("contacts[{i}].with"),
            &c.with,
            &contactable,
            "`child`, `caregiver` or a parent id",
        );
    }
    for (i, s) in case.services.iter().enumerate() {
        if let Some(person) = &s.person {
            must_be_one_of(
                case,
                emit,
                format_args!("services[{i}].for"),
                person,
                &people,
                "a parent id or a fixed word",
            );
        }
    }
    if let Some(by) = case
        .plan
        .as_ref()
        .and_then(|p| p.written_agreement.as_ref())
        .map(|w| &w.by)
    {
        for (i, who) in by.iter().enumerate() {
            must_be_one_of(
                case,
                emit,
                format_args!("plan.written_agreement.by[{i}]"),
                who,
                &people,
                "a parent id or `agency`",
            );
        }
    }
    for (i, r) in case.reviews.iter().enumerate() {
        for (j, who) in r.attendees.iter().enumerate() {
            must_be_one_of(
                case,
                emit,
                format_args!("reviews[{i}].attendees[{j}]"),
                who,
                &people,
                "a parent id or a fixed word",
            );
        }
    }
    activity_who(case, &people, emit);
}

/// The path is written out only when `who` is not allowed: this is asked of every
/// visit, contact and attendee. The reference is judged as written, so an unlisted one
/// is reported with its text.
fn must_be_one_of(
    case: &Case,
    emit: &mut Emit<'_>,
    path: Arguments<'_>,
    who: &PersonRef,
    allowed: &[&str],
    what: &str,
) {
    let who = case.written(who);
    if allowed.contains(&who) {
        return;
    }
    let path = path.to_string();
    let help = format!("people here are: {}", allowed.join(", "));
    if let Some(id) = parent_named(case, who) {
        let message = format!("`{path}` names the parent `{who}` by name: write the parent's id, `{id}`");
        let fix = Fix::new(emit.value_loc(&path), who, id);
        emit.at_value(&path, message).set_help(help).fix = Some(fix);
        return;
    }
    let message = match closest(who, allowed) {
        Some(s) => format!("`{path}` names `{who}`, who is not in this file: did you mean `{s}`?"),
        None => format!("`{path}` names `{who}`, who is not in this file: it must be {what}"),
    };
    emit.at_value(&path, message).set_help(help);
}

/// A sibling visit names the sibling by a case id of `child.siblings`, the list the
/// folder rules check for files: an id written only in the log would escape that check.
fn sibling_visits_with(case: &Case, emit: &mut Emit<'_>) {
    let siblings: Vec<&str> = case.child.siblings.iter().map(String::as_str).collect();
    for (i, v) in case.sibling_visits.iter().enumerate() {
        let who = v.with.as_str();
        if siblings.contains(&who) {
            continue;
        }
        let path = format!("sibling_visits[{i}].with");
        let (message, help) = match closest(who, &siblings) {
            Some(s) => (
                format!("`{path}` names `{who}`, which is not in `child.siblings`: did you mean `{s}`?"),
                format!("`child.siblings` lists: {}", siblings.join(", ")),
            ),
            None if siblings.is_empty() => (
                format!(
                    "`{path}` names `{who}`, but `child.siblings` lists no sibling: add the sibling's case id there"
                ),
                "`child.siblings: [CASE-ID]` lists the case ids of brothers and sisters in care".to_owned(),
            ),
            None => (
                format!(
                    "`{path}` names `{who}`, which is not in `child.siblings`: write a sibling's case id, or add this one there"
                ),
                format!("`child.siblings` lists: {}", siblings.join(", ")),
            ),
        };
        emit.at_value(&path, message).set_help(help);
    }
}

/// The id of the one parent whose name is `who` (as people write a name: any letter
/// case), when only one parent has that name.
fn parent_named<'c>(case: &'c Case, who: &str) -> Option<&'c str> {
    let who = who.trim();
    let mut named = case.parents.iter().filter(|p| {
        p.name.trim().eq_ignore_ascii_case(who) && !p.name.trim().eq_ignore_ascii_case("unknown")
    });
    let parent = named.next()?;
    named.next().is_none().then_some(parent.id.as_str())
}

/// `who` of an activity may be a provider's free-text name; only a single lower-case
/// word close to a known id is taken for a mistyped id (`mothr` → `mother`).
fn activity_who(case: &Case, people: &[&str], emit: &mut Emit<'_>) {
    for (g, goal) in case.goals.iter().enumerate() {
        for (o, objective) in goal.objectives.iter().enumerate() {
            for (a, activity) in objective.activities.iter().enumerate() {
                let Some(who) = activity.who.as_ref().map(|w| case.written(w)) else {
                    continue;
                };
                let looks_like_id = who
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
                if people.contains(&who) || !looks_like_id {
                    continue;
                }
                if let Some(s) = closest(who, people) {
                    let path = format!("goals[{g}].objectives[{o}].activities[{a}].who");
                    emit.at_value(&path, format!("`{path}` names `{who}`, who is not in this file: did you mean `{s}`?"))
                        .set_help("write a parent id or a fixed word (child, worker, supervisor, caregiver, agency), or the provider's name");
                }
            }
        }
    }
}

fn duplicate_ids<'c>(case: &'c Case, emit: &mut Emit<'_>) {
    let mut seen: HashMap<&'c str, IdAt> = HashMap::new();
    let mut note = |id: &'c str, at: IdAt, emit: &mut Emit<'_>| match seen.get(id) {
        Some(first) => {
            let path = at.to_string();
            emit.at_value(
                &path,
                format!("id `{id}` is used twice: `{path}` and `{first}`; ids must be unique in the file"),
            );
        }
        None => {
            seen.insert(id, at);
        }
    };
    for (i, p) in case.parents.iter().enumerate() {
        note(&p.id, IdAt::Parent(i), emit);
    }
    for (g, goal) in case.goals.iter().enumerate() {
        note(&goal.id, IdAt::Goal(g), emit);
        for (o, objective) in goal.objectives.iter().enumerate() {
            note(&objective.id, IdAt::Objective(g, o), emit);
            for (a, activity) in objective.activities.iter().enumerate() {
                if let Some(id) = &activity.id {
                    note(id, IdAt::Activity(g, o, a), emit);
                }
            }
        }
    }
}

/// Where an id is written; its path is written out only when the id is used twice.
#[derive(Clone, Copy)]
enum IdAt {
    Parent(usize),
    Goal(usize),
    Objective(usize, usize),
    Activity(usize, usize, usize),
}

impl fmt::Display for IdAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            IdAt::Parent(i) => write!(f, "parents[{i}].id"),
            IdAt::Goal(g) => write!(f, "goals[{g}].id"),
            IdAt::Objective(g, o) => write!(f, "goals[{g}].objectives[{o}].id"),
            IdAt::Activity(g, o, a) => write!(f, "goals[{g}].objectives[{o}].activities[{a}].id"),
        }
    }
}
