//! The agenda laid out as sections of labelled, nested items: the words are chosen here
//! once, and `markdown` and `text` only decide how a label, a list or a table looks.

mod since;

use super::snapshot::Snapshot;
use super::{Agenda, DeadlineItem};

pub struct Section {
    pub title: String,
    pub intro: Option<String>,
    pub blocks: Vec<Block>,
}

pub enum Block {
    Items(Vec<Item>),
    Numbered(Vec<String>),
    /// A markdown table, or one line per deadline in plain text.
    Deadlines(Vec<DeadlineItem>),
}

pub struct Item {
    pub label: Option<String>,
    pub text: String,
    pub children: Vec<Item>,
}

impl Item {
    fn new(label: &str, text: impl Into<String>) -> Item {
        Item {
            label: Some(label.to_owned()),
            text: text.into(),
            children: Vec::new(),
        }
    }

    fn plain(text: impl Into<String>) -> Item {
        Item {
            label: None,
            text: text.into(),
            children: Vec::new(),
        }
    }

    fn with(mut self, children: Vec<Item>) -> Item {
        self.children = children;
        self
    }
}

pub fn sections(a: &Agenda) -> Vec<Section> {
    vec![
        heading(a),
        snapshot(&a.snapshot),
        deadlines(a),
        since::section(&a.since_last_review),
        findings(a),
        Section {
            title: "Questions for the meeting".to_owned(),
            intro: None,
            blocks: vec![Block::Numbered(
                a.questions.iter().map(|q| q.text.clone()).collect(),
            )],
        },
        Section {
            title: "Who to invite".to_owned(),
            intro: None,
            blocks: vec![Block::Items(
                (a.invite.iter())
                    .map(|p| Item::new(&p.role, p.name.clone()))
                    .collect(),
            )],
        },
    ]
}

/// "OVERDUE 24d", "due soon (5d)", "in 52d", "met": the status column of `cplan deadlines`.
pub fn status_text(d: &DeadlineItem) -> String {
    match d.status.as_str() {
        "overdue" => format!("OVERDUE {}d", -d.days_left),
        "due_soon" => format!("due soon ({}d)", d.days_left),
        "met" => "met".to_owned(),
        _ => format!("in {}d", d.days_left),
    }
}

/// "due 2026-12-30, in 36 days", "on 2027-02-23, in 91 days", "due 2026-10-31, 24 days overdue".
pub fn when(d: &DeadlineItem) -> String {
    let on = if d.kind == "hearing" { "on" } else { "due" };
    let left = match d.days_left {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        n if n > 1 => format!("in {n} days"),
        -1 => "1 day overdue".to_owned(),
        n => format!("{} days overdue", -n),
    };
    let left = if d.status == "met" { "met".to_owned() } else { left };
    format!("{on} {}, {left}", d.due)
}

fn heading(a: &Agenda) -> Section {
    let h = &a.heading;
    let intro = match &h.review {
        Some(review) => format!("{}: {} {}", h.review_type, review.what, when(review)),
        None => match &h.next_review {
            Some(next) => format!("{} (next: {} {})", h.review_type, next.what, when(next)),
            None => format!("{} (no review or hearing ahead)", h.review_type),
        },
    };
    let worker = match &h.supervisor {
        Some(supervisor) => format!("{}; supervisor {supervisor}", or_none(&h.worker, "(not named)")),
        None => or_none(&h.worker, "(not named)"),
    };
    Section {
        title: format!("Review agenda: case {}", h.case),
        intro: Some(intro),
        blocks: vec![Block::Items(vec![
            Item::new("Child", format!("{}, {}", h.child, years(h.age))),
            Item::new("Worker", worker),
            Item::new("As of", h.as_of.clone()),
            Item::new("Profile", format!("{}; file {}", h.profile, h.file)),
        ])],
    }
}

fn years(age: u32) -> String {
    if age == 1 {
        "1 year old".to_owned()
    } else {
        format!("{age} years old")
    }
}

fn or_none(text: &str, none: &str) -> String {
    if text.trim().is_empty() {
        none.to_owned()
    } else {
        text.to_owned()
    }
}

fn snapshot(s: &Snapshot) -> Section {
    let mut items = vec![Item::new(
        "Removed",
        format!("{}; entered foster care (EFC) {}", s.removed, s.entered_care),
    )];
    if !s.open {
        let reason = s.exit_reason.as_deref().unwrap_or("no exit reason recorded");
        let exited = s.exited.as_deref().unwrap_or("?");
        items.push(Item::new("Closed", format!("left care on {exited} ({reason})")));
    }
    items.push(Item::new(
        "In care",
        format!(
            "{} (month {} of care, {} days)",
            count(s.months_in_care, "month", "months"),
            s.month_of_care,
            s.days_in_care
        ),
    ));
    items.push(stage(s));
    items.push(Item::new("Placement", placement(s)));
    let primary = match (s.primary.as_str(), &s.reunification_target) {
        ("reunification", Some(target)) => format!("reunification (target date for return home {target})"),
        ("reunification", None) => "reunification".to_owned(),
        _ => "the concurrent goal (reunification is no longer the primary goal)".to_owned(),
    };
    items.push(Item::new("Primary goal", primary));
    items.push(Item::new(
        "Concurrent goal",
        s.concurrent_goal
            .clone()
            .unwrap_or_else(|| "none on file".to_owned()),
    ));
    items.push(Item::new("Resource family", resource(s)));
    let parents: Vec<String> = (s.parents.iter())
        .map(|p| format!("{} ({}, whereabouts {})", p.name, p.relationship, p.whereabouts))
        .collect();
    items.push(Item::new("Parents", join_or(&parents, "; ", "none in the file")));
    items.push(Item::new("Siblings in care", siblings(s)));
    Section {
        title: "Snapshot".to_owned(),
        intro: None,
        blocks: vec![Block::Items(items)],
    }
}

fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn stage(s: &Snapshot) -> Item {
    let st = &s.stage;
    if !s.open {
        // What a stage expects is for open cases; a closed one only says where it ended.
        return Item::new(
            "Stage at exit",
            format!("{}, {} ({})", st.stage, st.name, st.months),
        );
    }
    let label = if st.stage == "past 3" {
        "Past stage 3".to_owned()
    } else {
        format!("Stage {}, {}", st.stage, st.name)
    };
    let next = st
        .next
        .as_ref()
        .map(|n| {
            let name = if n.stage == "past 3" {
                "past stage 3".to_owned()
            } else {
                format!("stage {}, {},", n.stage, n.name)
            };
            format!("; {name} from {}", n.from)
        })
        .unwrap_or_default();
    let lines = |items: &[String]| items.iter().map(Item::plain).collect();
    Item::new(&label, format!("{}, since {}{next}", st.months, st.since)).with(vec![
        Item::new("The parent", "").with(lines(&st.parent)),
        Item::new("The worker", "").with(lines(&st.worker)),
    ])
}

fn placement(s: &Snapshot) -> String {
    let Some(p) = &s.placement else {
        return "none recorded".to_owned();
    };
    let caregiver = p
        .caregiver
        .as_deref()
        .map(|c| format!(", {c}"))
        .unwrap_or_default();
    // Living with a parent (a trial home visit), there is no caregiver to ask.
    let willing = match (p.setting.as_str(), p.permanency_willing.as_deref()) {
        ("parent", _) => String::new(),
        (_, willing) => format!(
            "; willing to be the permanent home: {}",
            willing.unwrap_or("not recorded")
        ),
    };
    format!("{}{caregiver}, since {}{willing}", p.setting, p.since)
}

fn resource(s: &Snapshot) -> String {
    match &s.resource {
        None => "none identified".to_owned(),
        Some(r) if r.is_caregiver => format!(
            "{}, the current caregiver (willing: {})",
            r.name,
            r.permanency_willing.as_deref().unwrap_or("not recorded")
        ),
        Some(r) => format!("{}, not the current caregiver", r.name),
    }
}

fn siblings(s: &Snapshot) -> String {
    let sib = &s.siblings;
    if sib.cases.is_empty() {
        return "none".to_owned();
    }
    let contact = match &sib.last_visit {
        Some(day) => format!("; last sibling visit {day}"),
        None => "; no sibling visit logged".to_owned(),
    };
    let how = match (sib.together, &sib.apart_reason) {
        (Some(true), _) => "placed together".to_owned(),
        (Some(false), Some(reason)) => format!("placed apart ({reason}){contact}"),
        (Some(false), None) => format!("placed apart, no reason recorded{contact}"),
        (None, _) => "together or apart not recorded".to_owned(),
    };
    format!("{}; {how}", sib.cases.join(", "))
}

fn join_or(items: &[String], sep: &str, none: &str) -> String {
    if items.is_empty() {
        none.to_owned()
    } else {
        items.join(sep)
    }
}

fn deadlines(a: &Agenda) -> Section {
    let (intro, blocks) = if a.deadlines.is_empty() {
        (
            format!("Nothing overdue, and nothing due by {}.", a.deadlines_until),
            Vec::new(),
        )
    } else {
        (
            format!(
                "Overdue, and due by {} (as cplan deadlines lists them):",
                a.deadlines_until
            ),
            vec![Block::Deadlines(a.deadlines.clone())],
        )
    };
    Section {
        title: "Deadlines ahead and overdue".to_owned(),
        intro: Some(intro),
        blocks,
    }
}

fn findings(a: &Agenda) -> Section {
    let items: Vec<Item> = (a.findings.iter())
        .map(|f| {
            let line = f.line.map(|l| format!("line {l}: ")).unwrap_or_default();
            Item::new(
                &format!("{} {}", f.severity, f.rule),
                format!("{line}{}", f.message),
            )
        })
        .collect();
    let intro = if items.is_empty() {
        "None: cplan check reports no error or warning in this file.".to_owned()
    } else {
        format!(
            "What cplan check reports for {} (errors and warnings):",
            a.heading.file
        )
    };
    Section {
        title: "Findings to resolve".to_owned(),
        intro: Some(intro),
        blocks: vec![Block::Items(items)],
    }
}
