//! One converter per section of docs/case-format.md. Each reads every key of its mapping
//! before deciding whether the item can be kept, so that all problems are reported.

use chrono::NaiveDate;

use super::{Conv, FromNode, Name, Obj};
use crate::finding::code;
use crate::load::node::{Node, Value};
use crate::load::positions::Place;
use crate::model::*;

/// The most parents, and sibling case ids, read from a file. No child in care has fifty
/// of either, and rules work on them in pairs: each visit naming nobody listed every
/// parent id in its help (14,000 parents and as many visits, a 1.3 MB file, took 1.4 GB),
/// and each sibling id cost the folder rules a copy of its line (200,000 ids, 24 GB).
pub const MAX_PEOPLE: usize = 50;

/// The first `MAX_PEOPLE` readable items of an optional list of people, the rest
/// reported (CP004).
fn list_of_people<T: FromNode>(c: &mut Conv, o: &mut Obj<'_>, key: &'static str) -> Vec<T::Value> {
    let field = c.get(o, key);
    let mut items = c.read::<Vec<T>>(&field).unwrap_or_default();
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
    items
}

/// Reads a whole case. `None` when its core (id, birth date, an episode) is unreadable;
/// the problems are in `conv.findings` either way.
pub(crate) fn convert_case(c: &mut Conv, root: &Node) -> Option<Case> {
    let mut o = c.obj(root, Place::TOP)?;
    let id = c.req::<String>(&mut o, "case");
    c.case_id.clone_from(&id);
    let jurisdiction = c.opt::<String>(&mut o, "jurisdiction");
    let worker = c.req::<Name>(&mut o, "worker");
    let supervisor = c.opt::<Name>(&mut o, "supervisor");
    let child = c.req::<Child>(&mut o, "child");
    let parents = list_of_people::<Parent>(c, &mut o, "parents");
    c.parent_ids = parents.iter().map(|p| p.id.clone()).collect();
    // Read as a field too: an empty list is reported below.
    let episodes_field = c.need(&mut o, "episodes");
    let episodes = c.read::<Vec<Episode>>(&episodes_field).unwrap_or_default();
    let placements = c.list::<Placement>(&mut o, "placements");
    let plan = c.opt::<Plan>(&mut o, "plan");
    let goals = c.list::<Goal>(&mut o, "goals");
    let services = c.list::<Service>(&mut o, "services");
    let visits = c.list::<Visit>(&mut o, "visits");
    let sibling_visits = c.list::<SiblingVisit>(&mut o, "sibling_visits");
    let contacts = c.list::<Contact>(&mut o, "contacts");
    let disclosures = c.list::<Disclosure>(&mut o, "disclosures");
    let search = c.opt::<Search>(&mut o, "search");
    let efforts = c.list::<Effort>(&mut o, "efforts");
    let court = c.list::<Hearing>(&mut o, "court");
    let reviews = c.list::<Review>(&mut o, "reviews");
    let notes = c.opt::<String>(&mut o, "notes");
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

impl FromNode for Child {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let name = c.req::<Name>(&mut o, "name");
        let born = c.req::<NaiveDate>(&mut o, "born");
        let siblings = list_of_people::<String>(c, &mut o, "siblings");
        c.finish(o);
        Some(Child {
            name: name.unwrap_or_default(),
            born: born?,
            siblings,
        })
    }
}

impl FromNode for Parent {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let id = c.req::<String>(&mut o, "id");
        let name = c.req::<Name>(&mut o, "name");
        let relationship = c.req::<Relationship>(&mut o, "relationship");
        let whereabouts = c
            .opt::<Whereabouts>(&mut o, "whereabouts")
            .unwrap_or(Whereabouts::Known);
        c.finish(o);
        Some(Parent {
            id: id?,
            name: name.unwrap_or_default(),
            relationship: relationship?,
            whereabouts,
        })
    }
}

impl FromNode for Period {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let from = c.req::<NaiveDate>(&mut o, "from");
        let to = c.req::<NaiveDate>(&mut o, "to");
        c.finish(o);
        Some(Period { from: from?, to: to? })
    }
}

impl FromNode for TrialHomeVisit {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let from = c.req::<NaiveDate>(&mut o, "from");
        let to = c.req::<NaiveDate>(&mut o, "to");
        let extended_by_court = c.opt::<NaiveDate>(&mut o, "extended_by_court");
        c.finish(o);
        Some(TrialHomeVisit {
            from: from?,
            to: to?,
            extended_by_court,
        })
    }
}

impl FromNode for Episode {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let removed = c.req::<NaiveDate>(&mut o, "removed");
        let reason = c.opt::<String>(&mut o, "reason");
        let court_finding = c.opt::<NaiveDate>(&mut o, "court_finding");
        let disposition = c.opt::<NaiveDate>(&mut o, "disposition");
        let services_ordered = c.opt::<bool>(&mut o, "services_ordered").unwrap_or(true);
        let bypass = c.opt::<NaiveDate>(&mut o, "bypass");
        let trial_home_visits = c.list::<TrialHomeVisit>(&mut o, "trial_home_visits");
        let runaway = c.list::<Period>(&mut o, "runaway");
        // Read as fields: one written without the other is reported.
        let exited = c.get(&mut o, "exited");
        let exited_date = c.read::<NaiveDate>(&exited);
        let exit_reason_field = c.get(&mut o, "exit_reason");
        let exit_reason = c.read::<ExitReason>(&exit_reason_field);
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
}

impl FromNode for Placement {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let from = c.req::<NaiveDate>(&mut o, "from");
        let to = c.opt::<NaiveDate>(&mut o, "to");
        let setting = c.req::<Setting>(&mut o, "setting");
        let caregiver = c.opt::<Name>(&mut o, "caregiver");
        let permanency_willing = c.opt::<WillingAnswer>(&mut o, "permanency_willing");
        let siblings_together = c.opt::<bool>(&mut o, "siblings_together");
        let siblings_apart_reason = c.opt::<String>(&mut o, "siblings_apart_reason");
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
}

/// `permanency_willing`: a `Willing` word, but unquoted `yes`/`no` and `true`/`false`
/// are accepted because YAML 1.1 habits make people write them so (docs/case-format.md).
struct WillingAnswer;

impl FromNode for WillingAnswer {
    type Value = Willing;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Willing> {
        match node
            .value
            .scalar_text()
            .map(|t| t.to_ascii_lowercase())
            .as_deref()
        {
            Some("true") => Some(Willing::Yes),
            Some("false") => Some(Willing::No),
            _ => Willing::from_node(c, node, path),
        }
    }
}

impl FromNode for Search {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let started = c.opt::<NaiveDate>(&mut o, "started");
        let completed = c.opt::<NaiveDate>(&mut o, "completed");
        let relatives_notified = c.opt::<NaiveDate>(&mut o, "relatives_notified");
        let found = c.list::<String>(&mut o, "found");
        c.finish(o);
        Some(Search {
            started,
            completed,
            relatives_notified,
            found,
        })
    }
}

impl FromNode for Hearing {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let date = c.req::<NaiveDate>(&mut o, "date");
        let hearing = c.req::<HearingKind>(&mut o, "hearing");
        let findings = c.list::<CourtFinding>(&mut o, "findings");
        let orders = c.list::<CourtOrder>(&mut o, "orders");
        let report_filed = c.opt::<NaiveDate>(&mut o, "report_filed");
        let note = c.opt::<String>(&mut o, "note");
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
}
