//! The agenda as a document: the words are chosen here once, and the document's
//! renderers (text, Markdown, HTML) only decide how a label, a list or a table looks.

mod since;

use super::snapshot::Snapshot;
use super::{Agenda, DeadlineItem};
use crate::model::{PrimaryTrack, Setting, Vocab, Willing};
use crate::output::doc::{Block, Doc, Item, Text};
use crate::output::svg::Figure;
use crate::output::table::{Mark, Table};
use crate::policy::care::Stage;
use crate::policy::deadline::{Kind, Status};

/// A section of the agenda as it is written: a title, a sentence, then its blocks.
struct Section {
    title: String,
    intro: Option<String>,
    blocks: Vec<Block<'static>>,
}

/// "**Label:** text"; both are cplan's words, where backticks quote code.
fn item(label: &str, text: impl AsRef<str>) -> Item {
    Item::labelled(Text::message(label), Text::message(text.as_ref()))
}

/// An item without a label.
fn plain(text: impl AsRef<str>) -> Item {
    Text::message(text.as_ref()).into()
}

/// The whole agenda: its heading section as the title, then one heading per section;
/// a picture of the case, if given, between the heading and the snapshot.
pub fn document(a: &Agenda, picture: Option<Figure>) -> Doc<'static> {
    let mut doc = Doc::new();
    let mut picture = picture;
    for (i, section) in sections(a).into_iter().enumerate() {
        if i == 1 {
            doc.blocks.extend(picture.take().map(Block::Figure));
        }
        let title = Text::message(&section.title);
        if i == 0 {
            doc.push(Block::Title(title));
        } else {
            doc.push(Block::Heading(title));
        }
        match section.intro {
            // The review the agenda is for stands out under the title.
            Some(intro) if i == 0 => doc.push(Block::Para(Text::default().strong(intro))),
            Some(intro) => doc.push(Block::Para(Text::message(&intro))),
            None => {}
        }
        doc.blocks.extend(section.blocks);
    }
    doc
}

fn sections(a: &Agenda) -> Vec<Section> {
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
                a.questions.iter().map(|q| Text::message(&q.text)).collect(),
            )],
        },
        Section {
            title: "Who to invite".to_owned(),
            intro: None,
            blocks: vec![Block::Items(
                (a.invite.iter()).map(|p| item(&p.role, &p.name)).collect(),
            )],
        },
    ]
}

/// "OVERDUE 24d", "due soon (5d)", "in 52d", "met": the status column of `cplan deadlines`.
pub fn status_text(d: &DeadlineItem) -> String {
    match d.status {
        Status::Overdue => format!("OVERDUE {}d", -d.days_left),
        Status::DueSoon => format!("due soon ({}d)", d.days_left),
        Status::Met => "met".to_owned(),
        Status::Upcoming => format!("in {}d", d.days_left),
    }
}

/// "due 2026-12-30, in 36 days", "on 2027-02-23, in 91 days", "due 2026-10-31, 24 days overdue".
pub fn when(d: &DeadlineItem) -> String {
    let on = if d.kind == Kind::Hearing { "on" } else { "due" };
    let left = match d.days_left {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        n if n > 1 => format!("in {n} days"),
        -1 => "1 day overdue".to_owned(),
        n => format!("{} days overdue", -n),
    };
    let left = if d.status == Status::Met {
        "met".to_owned()
    } else {
        left
    };
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
            item("Child", format!("{}, {}", h.child, years(h.age))),
            item("Worker", worker),
            item("As of", h.as_of.clone()),
            item("Profile", format!("{}; file {}", h.profile, h.file)),
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
    let mut items = vec![item(
        "Removed",
        format!("{}; entered foster care (EFC) {}", s.removed, s.entered_care),
    )];
    if !s.open {
        let reason = s.exit_reason.as_deref().unwrap_or("no exit reason recorded");
        let exited = s.exited.as_deref().unwrap_or("?");
        items.push(item("Closed", format!("left care on {exited} ({reason})")));
    }
    items.push(item(
        "In care",
        format!(
            "{} (month {} of care, {} days)",
            count(s.months_in_care, "month", "months"),
            s.month_of_care,
            s.days_in_care
        ),
    ));
    items.push(stage(s));
    items.push(item("Placement", placement(s)));
    let primary = match (s.primary, &s.reunification_target) {
        (PrimaryTrack::Reunification, Some(target)) => {
            format!("reunification (target date for return home {target})")
        }
        (PrimaryTrack::Reunification, None) => "reunification".to_owned(),
        _ => "the concurrent goal (reunification is no longer the primary goal)".to_owned(),
    };
    items.push(item("Primary goal", primary));
    items.push(item(
        "Concurrent goal",
        s.concurrent_goal
            .clone()
            .unwrap_or_else(|| "none on file".to_owned()),
    ));
    items.push(item("Resource family", resource(s)));
    let parents: Vec<String> = (s.parents.iter())
        .map(|p| format!("{} ({}, whereabouts {})", p.name, p.relationship, p.whereabouts))
        .collect();
    items.push(item("Parents", join_or(&parents, "; ", "none in the file")));
    items.push(item("Siblings in care", siblings(s)));
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
        return item(
            "Stage at exit",
            format!("{}, {} ({})", st.stage.short(), st.name, st.months),
        );
    }
    let label = if st.stage == Stage::Past {
        "Past stage 3".to_owned()
    } else {
        format!("Stage {}, {}", st.stage.short(), st.name)
    };
    let next = st
        .next
        .as_ref()
        .map(|n| {
            let name = if n.stage == Stage::Past {
                "past stage 3".to_owned()
            } else {
                format!("stage {}, {},", n.stage.short(), n.name)
            };
            format!("; {name} from {}", n.from)
        })
        .unwrap_or_default();
    let lines = |items: &[String]| items.iter().map(plain).collect();
    item(&label, format!("{}, since {}{next}", st.months, st.since)).with(vec![
        item("The parent", "").with(lines(&st.parent)),
        item("The worker", "").with(lines(&st.worker)),
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
    let willing = match (p.setting, p.permanency_willing) {
        (Setting::Parent, _) => String::new(),
        (_, willing) => format!(
            "; willing to be the permanent home: {}",
            willing.map_or("not recorded", Willing::word)
        ),
    };
    let setting = p.setting.word().replace('_', " ");
    format!("{setting}{caregiver}, since {}{willing}", p.since)
}

fn resource(s: &Snapshot) -> String {
    match &s.resource {
        None => "none identified".to_owned(),
        Some(r) if r.is_caregiver => format!(
            "{}, the current caregiver (willing: {})",
            r.name,
            r.permanency_willing.map_or("not recorded", Willing::word)
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
            vec![Block::Records {
                table: deadlines_table(&a.deadlines),
                head: 3,
            }],
        )
    };
    Section {
        title: "Deadlines ahead and overdue".to_owned(),
        intro: Some(intro),
        blocks,
    }
}

/// The deadlines as `cplan deadlines` lists them: status, date, what, and why that date.
fn deadlines_table(deadlines: &[DeadlineItem]) -> Table<'static> {
    let mut table = Table::new(&[
        ("status", 0),
        ("due", 0),
        ("deadline", 0),
        ("why this date", 0),
        ("source", 0),
    ]);
    for d in deadlines {
        let mark = match d.status {
            Status::Overdue => Some(Mark::Overdue),
            Status::DueSoon => Some(Mark::DueSoon),
            _ => None,
        };
        table.push_marked(
            vec![
                status_text(d),
                d.due.clone(),
                d.what.clone(),
                d.basis.clone(),
                d.source.clone(),
            ],
            mark,
        );
    }
    table
}

fn findings(a: &Agenda) -> Section {
    let items: Vec<Item> = (a.findings.iter())
        .map(|f| {
            let line = f.line.map(|l| format!("line {l}: ")).unwrap_or_default();
            item(
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
