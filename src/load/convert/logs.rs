//! The logs of CASE-FORMAT.md: visits, sibling visits, caseworker contacts, full disclosure
//! interviews, reasonable efforts and reviews. As in `case.rs`, each converter reads every key of
//! its mapping before deciding whether the item can be kept.

use super::{Conv, WORDS};
use crate::load::node::Node;
use crate::load::positions::Place;
use crate::model::*;

pub(super) fn read_visit(c: &mut Conv, node: &Node, path: Place) -> Option<Visit> {
    let mut o = c.obj(node, path)?;
    let date = c.need(&mut o, "date");
    let date = c.date(&date);
    let with = c.need(&mut o, "with");
    let with = c.text(&with);
    let level = c.need(&mut o, "level");
    let level = c.word(&level);
    let held = c.get(&mut o, "held");
    let held = c.flag(&held).unwrap_or(true);
    let note = c.get(&mut o, "note");
    let note = c.text(&note);
    c.finish(o);
    Some(Visit {
        date: date?,
        with: with?,
        level: level?,
        held,
        note,
    })
}

pub(super) fn read_contact(c: &mut Conv, node: &Node, path: Place) -> Option<Contact> {
    let mut o = c.obj(node, path)?;
    let date = c.need(&mut o, "date");
    let date = c.date(&date);
    let with = c.need(&mut o, "with");
    let with = c.text(&with);
    let place = c.get(&mut o, "where");
    let place = c.word(&place);
    c.finish(o);
    Some(Contact {
        date: date?,
        with: with?,
        place,
    })
}

pub(super) fn read_disclosure(c: &mut Conv, node: &Node, path: Place) -> Option<Disclosure> {
    let mut o = c.obj(node, path)?;
    let date = c.need(&mut o, "date");
    let date = c.date(&date);
    let with = c.need(&mut o, "with");
    let with = c.text(&with);
    let note = c.get(&mut o, "note");
    let note = c.text(&note);
    c.finish(o);
    Some(Disclosure {
        date: date?,
        with: with?,
        note,
    })
}

pub(super) fn read_effort(c: &mut Conv, node: &Node, path: Place) -> Option<Effort> {
    let mut o = c.obj(node, path)?;
    let date = c.need(&mut o, "date");
    let date = c.date(&date);
    let text = c.need(&mut o, "text");
    let text = c.name(&text, WORDS);
    c.finish(o);
    Some(Effort {
        date: date?,
        text: text?,
    })
}

pub(super) fn read_review(c: &mut Conv, node: &Node, path: Place) -> Option<Review> {
    let mut o = c.obj(node, path)?;
    let date = c.need(&mut o, "date");
    let date = c.date(&date);
    let kind = c.need(&mut o, "kind");
    let kind = c.word(&kind);
    let attendees = c.get(&mut o, "attendees");
    let attendees = c.texts(&attendees);
    let notes = c.get(&mut o, "notes");
    let notes = c.text(&notes);
    c.finish(o);
    Some(Review {
        date: date?,
        kind: kind?,
        attendees,
        notes,
    })
}

pub(super) fn read_sibling_visit(c: &mut Conv, node: &Node, path: Place) -> Option<SiblingVisit> {
    let mut o = c.obj(node, path)?;
    let date = c.need(&mut o, "date");
    let date = c.date(&date);
    let with = c.need(&mut o, "with");
    let with = c.text(&with);
    let held = c.get(&mut o, "held");
    let held = c.flag(&held).unwrap_or(true);
    let note = c.get(&mut o, "note");
    let note = c.text(&note);
    c.finish(o);
    Some(SiblingVisit {
        date: date?,
        with: with?,
        held,
        note,
    })
}
