//! The logs of the case format (docs/case-format.md): visits, sibling visits, caseworker contacts, full disclosure
//! interviews, reasonable efforts and reviews. As in `case.rs`, each converter reads every key of
//! its mapping before deciding whether the item can be kept.

use chrono::NaiveDate;

use super::{Conv, FromNode, Words};
use crate::load::node::Node;
use crate::load::positions::Place;
use crate::model::*;

impl FromNode for Visit {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let date = c.req::<NaiveDate>(&mut o, "date");
        let with = c.req::<PersonRef>(&mut o, "with");
        let level = c.req::<VisitLevel>(&mut o, "level");
        let held = c.opt::<bool>(&mut o, "held").unwrap_or(true);
        let note = c.opt::<String>(&mut o, "note");
        c.finish(o);
        Some(Visit {
            date: date?,
            with: with?,
            level: level?,
            held,
            note,
        })
    }
}

impl FromNode for Contact {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let date = c.req::<NaiveDate>(&mut o, "date");
        let with = c.req::<PersonRef>(&mut o, "with");
        let place = c.opt::<ContactPlace>(&mut o, "where");
        c.finish(o);
        Some(Contact {
            date: date?,
            with: with?,
            place,
        })
    }
}

impl FromNode for Disclosure {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let date = c.req::<NaiveDate>(&mut o, "date");
        let with = c.req::<PersonRef>(&mut o, "with");
        let note = c.opt::<String>(&mut o, "note");
        c.finish(o);
        Some(Disclosure {
            date: date?,
            with: with?,
            note,
        })
    }
}

impl FromNode for Effort {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let date = c.req::<NaiveDate>(&mut o, "date");
        let text = c.req::<Words>(&mut o, "text");
        c.finish(o);
        Some(Effort {
            date: date?,
            text: text?,
        })
    }
}

impl FromNode for Review {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let date = c.req::<NaiveDate>(&mut o, "date");
        let kind = c.req::<ReviewKind>(&mut o, "kind");
        let attendees = c.list::<PersonRef>(&mut o, "attendees");
        let notes = c.opt::<String>(&mut o, "notes");
        c.finish(o);
        Some(Review {
            date: date?,
            kind: kind?,
            attendees,
            notes,
        })
    }
}

impl FromNode for SiblingVisit {
    type Value = Self;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self> {
        let mut o = c.obj(node, path)?;
        let date = c.req::<NaiveDate>(&mut o, "date");
        let with = c.req::<String>(&mut o, "with");
        let held = c.opt::<bool>(&mut o, "held").unwrap_or(true);
        let note = c.opt::<String>(&mut o, "note");
        c.finish(o);
        Some(SiblingVisit {
            date: date?,
            with: with?,
            held,
            note,
        })
    }
}
