//! The "since the last review" section: what the family and the agency did in the period.

use super::{Section, item, plain};
use crate::output::doc::{Block, Item};
use crate::report::agenda::period::SinceReview;

pub fn section(p: &SinceReview) -> Section {
    let intro = match &p.last_review {
        Some(r) => format!("Since the {} of {}: {} to {}.", r.kind, r.date, p.from, p.to),
        None => format!("No review since removal: {} to {}.", p.from, p.to),
    };
    let none = |items: Vec<Item>, label: &str| {
        if items.is_empty() {
            item(label, "none")
        } else {
            item(label, "").with(items)
        }
    };
    let (held, missed) = (p.visits.iter()).fold((0, 0), |(h, m), t| (h + t.held, m + t.missed));
    let mut visits: Vec<Item> = (p.visits.iter())
        .map(|t| {
            plain(format!(
                "{}, {}: {} held, {} missed",
                t.with, t.level, t.held, t.missed
            ))
        })
        .collect();
    visits.extend(p.missed_visits.iter().map(|m| {
        let note = m.note.as_deref().map(|n| format!(": {n}")).unwrap_or_default();
        plain(format!("missed {} ({}, {}){note}", m.date, m.with, m.level))
    }));
    let visits = if p.visits.is_empty() {
        item("Visits", "none logged")
    } else {
        item("Visits", format!("{held} held, {missed} missed")).with(visits)
    };
    let sibling_visits = p.sibling_visits.as_ref().map(|list| {
        let held = list.iter().filter(|v| v.held).count();
        let items = (list.iter())
            .map(|v| {
                let note = v.note.as_deref().map(|n| format!(": {n}")).unwrap_or_default();
                let missed = if v.held { "" } else { "missed " };
                plain(format!("{missed}{} with {}{note}", v.date, v.with))
            })
            .collect();
        if list.is_empty() {
            item("Sibling visits", "none logged")
        } else {
            item(
                "Sibling visits",
                format!("{held} held, {} missed", list.len() - held),
            )
            .with(items)
        }
    });
    let contacts = (p.contacts.iter())
        .map(|c| {
            let dates: Vec<String> = (c.contacts.iter())
                .map(|x| match &x.place {
                    Some(place) => format!("{} ({place})", x.date),
                    None => x.date.clone(),
                })
                .collect();
            plain(format!("{}: {}", c.with, dates.join(", ")))
        })
        .collect();
    let disclosures = (p.disclosures.iter())
        .map(|d| {
            let note = d.note.as_deref().map(|n| format!(": {n}")).unwrap_or_default();
            plain(format!("{} with {}{note}", d.date, d.with))
        })
        .collect();
    let dated = |items: &[crate::report::agenda::period::Dated]| {
        (items.iter())
            .map(|d| plain(format!("{}: {}", d.date, d.text)))
            .collect::<Vec<_>>()
    };
    let services = (p.services.iter())
        .map(|s| {
            let mut about: Vec<String> = Vec::new();
            about.extend(s.person.as_ref().map(|w| format!("for {w}")));
            about.extend(s.provider.clone());
            about.extend(s.referred.as_ref().map(|d| format!("referred {d}")));
            about.extend(s.started.as_ref().map(|d| format!("started {d}")));
            about.extend(s.ended.as_ref().map(|d| format!("ended {d}")));
            let response = s.response.as_deref().unwrap_or("no response recorded");
            plain(format!("{} ({}): {response}", s.name, about.join("; ")))
        })
        .collect();
    let activity = |a: &crate::report::agenda::period::ActivityItem| {
        let id = a.id.as_deref().map(|i| format!("{i} ")).unwrap_or_default();
        let who = a.who.as_deref().map(|w| format!("{w}, ")).unwrap_or_default();
        let when = match (&a.done, &a.due) {
            (Some(done), _) => format!("done {done}"),
            (None, Some(due)) => format!("due {due}"),
            (None, None) => "no due date".to_owned(),
        };
        plain(format!(
            "{id}({}) {}: {who}{when}",
            a.objective,
            a.text.trim_end_matches('.')
        ))
    };
    let hearings = (p.hearings.iter())
        .map(|h| {
            let mut parts = vec![format!("{} {} hearing", h.date, h.hearing)];
            if !h.findings.is_empty() {
                parts.push(format!("findings: {}", h.findings.join(", ")));
            }
            if !h.orders.is_empty() {
                parts.push(format!("orders: {}", h.orders.join(", ")));
            }
            parts.extend(h.note.clone());
            plain(parts.join("; "))
        })
        .collect();
    let mut items = vec![visits];
    items.extend(sibling_visits);
    items.extend([
        none(contacts, "Caseworker contacts"),
        none(disclosures, "Full disclosure interviews"),
        none(services, "Services and the family's response"),
        none(
            p.activities_done.iter().map(activity).collect(),
            "Activities done",
        ),
        none(
            p.activities_overdue.iter().map(activity).collect(),
            "Activities overdue",
        ),
        none(dated(&p.efforts), "Reasonable efforts"),
        none(hearings, "Court hearings"),
    ]);
    Section {
        title: "Since the last review".to_owned(),
        intro: Some(intro),
        blocks: vec![Block::Items(items)],
    }
}
