//! The plan sections of docs/case-format.md: `plan` (both tracks), `goals` with their
//! objectives and activities, and `services`. As in `case.rs`, each converter reads
//! every key of its mapping before deciding whether the item can be kept.

use chrono::NaiveDate;

use super::{Conv, FromNode, Name, Words};
use crate::load::node::Node;
use crate::load::positions::Place;
use crate::model::*;

impl FromNode for Plan {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let staffing = c.opt::<NaiveDate>(&mut o, "staffing");
        let prognosis = c.opt::<Prognosis>(&mut o, "prognosis");
        let written_agreement = c.opt::<WrittenAgreement>(&mut o, "written_agreement");
        let case_plan = c.opt::<NaiveDate>(&mut o, "case_plan");
        let primary = c.opt::<PrimaryTrack>(&mut o, "primary").unwrap_or_default();
        let reunification = c.opt::<ReunificationPlan>(&mut o, "reunification");
        let concurrent = c.opt::<ConcurrentPlan>(&mut o, "concurrent");
        let tpr_exception = c.opt::<TprException>(&mut o, "tpr_exception");
        let tpr_exception_note = c.opt::<String>(&mut o, "tpr_exception_note");
        let youth_consulted = c.opt::<NaiveDate>(&mut o, "youth_consulted");
        let transition_plan = c.opt::<NaiveDate>(&mut o, "transition_plan");
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
}

impl FromNode for Prognosis {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let favorable = c.list::<String>(&mut o, "favorable");
        let poor = c.list::<String>(&mut o, "poor");
        c.finish(o);
        Some(Prognosis { favorable, poor })
    }
}

impl FromNode for WrittenAgreement {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let signed = c.opt::<NaiveDate>(&mut o, "signed");
        let by = c.list::<PersonRef>(&mut o, "by");
        c.finish(o);
        Some(WrittenAgreement { signed, by })
    }
}

impl FromNode for ReunificationPlan {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let target = c.opt::<NaiveDate>(&mut o, "target");
        let conditions = c.list::<String>(&mut o, "conditions");
        c.finish(o);
        Some(ReunificationPlan { target, conditions })
    }
}

impl FromNode for ConcurrentPlan {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let goal = c.opt::<ConcurrentGoal>(&mut o, "goal");
        let resource = c.opt::<Name>(&mut o, "resource").filter(|r| !r.trim().is_empty());
        let checks = c.opt::<BackgroundChecks>(&mut o, "checks").unwrap_or_default();
        let recruitment = c.list::<RecruitmentStep>(&mut o, "recruitment");
        c.finish(o);
        Some(ConcurrentPlan {
            goal,
            resource,
            checks,
            recruitment,
        })
    }
}

impl FromNode for RecruitmentStep {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let date = c.req::<NaiveDate>(&mut o, "date");
        let text = c.req::<String>(&mut o, "text");
        c.finish(o);
        Some(RecruitmentStep {
            date: date?,
            text: text?,
        })
    }
}

impl FromNode for BackgroundChecks {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let registry = c.opt::<NaiveDate>(&mut o, "registry");
        let fingerprints = c.opt::<NaiveDate>(&mut o, "fingerprints");
        let criminal = c.opt::<NaiveDate>(&mut o, "criminal");
        c.finish(o);
        Some(BackgroundChecks {
            registry,
            fingerprints,
            criminal,
        })
    }
}

impl FromNode for Goal {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let id = c.req::<String>(&mut o, "id");
        let track = c.req::<Track>(&mut o, "track");
        let term = c.req::<Term>(&mut o, "term");
        let text = c.req::<Words>(&mut o, "text");
        let objectives = c.list::<Objective>(&mut o, "objectives");
        c.finish(o);
        Some(Goal {
            id: id?,
            track: track?,
            term: term?,
            text: text.unwrap_or_default(),
            objectives,
        })
    }
}

impl FromNode for Objective {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let id = c.req::<String>(&mut o, "id");
        let text = c.req::<Words>(&mut o, "text");
        let measure = c.opt::<String>(&mut o, "measure");
        let agreed = c.opt::<NaiveDate>(&mut o, "agreed");
        let met = c.opt::<NaiveDate>(&mut o, "met");
        let activities = c.list::<Activity>(&mut o, "activities");
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
}

impl FromNode for Activity {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let id = c.opt::<String>(&mut o, "id");
        let text = c.req::<Words>(&mut o, "text");
        let who = c.opt::<PersonRef>(&mut o, "who");
        let place = c.opt::<String>(&mut o, "where");
        let start = c.opt::<NaiveDate>(&mut o, "start");
        let due = c.opt::<NaiveDate>(&mut o, "due");
        let done = c.opt::<NaiveDate>(&mut o, "done");
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
}

impl FromNode for Service {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let name = c.req::<Words>(&mut o, "name");
        let person = c.opt::<PersonRef>(&mut o, "for");
        let provider = c.opt::<String>(&mut o, "provider");
        let referred = c.opt::<NaiveDate>(&mut o, "referred");
        let started = c.opt::<NaiveDate>(&mut o, "started");
        let ended = c.opt::<NaiveDate>(&mut o, "ended");
        let response = c.opt::<String>(&mut o, "response");
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
}
