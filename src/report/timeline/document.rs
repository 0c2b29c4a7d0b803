//! The timeline as a document (`--format html`): the picture of the case, then the
//! sections of the text timeline, in the same words (`text.rs` chooses them), as
//! labelled lists and tables.

use super::text::{
    counted_text, excluded_text, findings_text, leading_quiet_months, months_text, profile_text, stage_now,
    stage_word, status_line,
};
use super::{DeadlineGroup, Fifteen22View, Timeline};
use crate::output::doc::{Block, Doc, Item, Text};
use crate::output::svg::Figure;
use crate::output::table::{Mark, Table};
use crate::policy::words::days_words;

/// The timeline of `t`, with its picture first when there is one.
pub fn document(t: &Timeline, picture: Option<Figure>) -> Doc<'static> {
    let mut doc = Doc::new();
    doc.push(Block::Title(Text::plain(format!(
        "Timeline of case {}, as of {}",
        t.case.id, t.as_of
    ))));
    doc.blocks.extend(picture.map(Block::Figure));
    case_section(&mut doc, t);
    episodes_section(&mut doc, t);
    stages_section(&mut doc, t);
    fifteen22_section(&mut doc, &t.fifteen_of_22);
    deadlines_section(&mut doc, t);
    doc
}

/// "**label:** value", the value in cplan's words (backticks quote code); the lines of
/// a value written on several lines for a terminal are one sentence here.
fn field(label: &str, value: &str) -> Item {
    let value: Vec<&str> = value.lines().map(str::trim).collect();
    Item::labelled(Text::plain(label), Text::message(&value.join(" ")))
}

fn case_section(doc: &mut Doc, t: &Timeline) {
    let c = &t.case;
    let worker = match &c.supervisor {
        Some(supervisor) => format!("{} (supervisor {supervisor})", c.worker),
        None => c.worker.clone(),
    };
    // The profile's name and origin are two facts: the second goes under the first.
    let profile = profile_text(c);
    let mut profile_lines = profile.lines();
    let profile = field("profile", profile_lines.next().unwrap_or_default())
        .with(profile_lines.map(|l| Text::message(l).into()).collect());
    doc.push(Block::Heading(Text::plain("The case")));
    doc.push(Block::Items(vec![
        field("child", &format!("{}, born {}, age {}", c.child, c.born, c.age)),
        field("worker", &worker),
        field("file", &c.file),
        profile,
        field("status", &status_line(t)),
        field("findings", &findings_text(c)),
    ]));
}

fn episodes_section(doc: &mut Doc, t: &Timeline) {
    doc.push(Block::Heading(Text::plain(format!(
        "Removal episodes ({}), each with the date the child entered foster care (EFC)",
        t.episodes.len()
    ))));
    let or_none = |d: &Option<String>| d.clone().unwrap_or_else(|| "none recorded".to_owned());
    let items = (t.episodes.iter())
        .map(|e| {
            let current = if e.current { "current; " } else { "" };
            let exited = match (&e.exited, &e.exit_reason) {
                (Some(d), Some(reason)) => format!("{d} ({reason})"),
                (Some(d), None) => d.clone(),
                (None, _) => "not yet: in care".to_owned(),
            };
            let mut fields = vec![
                field("removed", &e.removed),
                field("court finding", &or_none(&e.court_finding)),
                field("disposition", &or_none(&e.disposition)),
                field("bypass", &or_none(&e.bypass)),
                field("exited", &exited),
                field("EFC", &format!("{}: {}", e.efc, e.efc_why)),
            ];
            fields.extend(e.excluded.iter().map(|p| field("not in care", &excluded_text(p))));
            fields.push(field("counted", &counted_text(e)));
            Item::labelled(
                Text::plain(format!("Episode {}", e.number)),
                Text::plain(current).code(e.path.clone()),
            )
            .with(fields)
        })
        .collect();
    doc.push(Block::Items(items));
}

fn stages_section(doc: &mut Doc, t: &Timeline) {
    let s = &t.stages;
    doc.push(Block::Heading(Text::plain(format!(
        "Stages of the current episode (stages: [{}, {}, {}]; month 1 begins on removal, {})",
        s.setting[0], s.setting[1], s.setting[2], s.removed
    ))));
    let mut table = Table::new(&[("stage", 0), ("months", 0), ("from", 0), ("name", 0)]);
    for row in &s.stages {
        let stage = if row.current {
            format!("{} (now)", stage_word(row))
        } else {
            stage_word(row)
        };
        table.push(vec![stage, months_text(row), row.from.clone(), row.name.clone()]);
    }
    doc.push(Block::Table(table));
    let (now, next) = stage_now(t);
    doc.push(Block::Para(Text::plain(now)));
    doc.blocks.extend(next.map(|next| Block::Para(Text::plain(next))));
}

fn fifteen22_section(doc: &mut Doc, f: &Fifteen22View) {
    doc.push(Block::Heading(Text::plain(format!(
        "15 of the most recent 22 months ({})",
        f.source
    ))));
    let items = (f.fields(" ", "plan.tpr_exception").iter())
        .map(|(label, value)| field(label, value))
        .collect();
    doc.push(Block::Items(items));
    doc.push(Block::Subheading(Text::plain(
        "Days in care per calendar month, the last 22 months",
    )));
    doc.push(Block::Para(Text::plain(
        "Days from an EFC on count; days on a trial home visit or run away do not.",
    )));
    let quiet = leading_quiet_months(&f.grid);
    if let (Some(first), Some(last)) = (f.grid.first(), quiet.checked_sub(1).and_then(|i| f.grid.get(i))) {
        doc.push(Block::Para(Text::plain(format!(
            "{} to {}: no day in care ({quiet} months).",
            first.month, last.month
        ))));
    }
    let mut table = Table::new(&[
        ("month", 0),
        ("days in care", 0),
        ("days in month", 0),
        ("not counted", 0),
        ("events", 0),
    ]);
    for m in f.grid.iter().skip(quiet) {
        let mut not_counted = Vec::new();
        if m.trial_home_visit_days > 0 {
            not_counted.push(format!("{} on a trial home visit", m.trial_home_visit_days));
        }
        if m.runaway_days > 0 {
            not_counted.push(format!("{} run away", m.runaway_days));
        }
        table.push(vec![
            m.month.clone(),
            m.days_in_care.to_string(),
            m.days_in_month.to_string(),
            not_counted.join(", "),
            m.events.join("; "),
        ]);
    }
    doc.push(Block::Table(table));
    doc.push(Block::Para(Text::plain(format!(
        "{} in care in these 22 months; the target is {}.",
        days_words(i64::from(f.grid_days_in_care)),
        f.target_days
    ))));
}

fn deadlines_section(doc: &mut Doc, t: &Timeline) {
    doc.push(Block::Heading(Text::plain(format!(
        "Deadlines (profile {}; every one of the current episode, met ones too)",
        t.case.profile.name
    ))));
    if let Some(closed) = &t.closed {
        doc.push(Block::Para(Text::plain(format!(
            "None: the case closed on {}; deadlines run only while the child is in care.",
            closed.exited
        ))));
        return;
    }
    if t.deadlines.is_empty() {
        doc.push(Block::Para(Text::plain("None.")));
    }
    for group in &t.deadlines {
        group_blocks(doc, group);
    }
}

fn group_blocks(doc: &mut Doc, g: &DeadlineGroup) {
    doc.push(Block::Subheading(Text::plain(format!(
        "{} — {}",
        g.title, g.source
    ))));
    let mut items: Vec<Item> = (g.settings.iter())
        .map(|s| {
            Item::labelled(
                Text::plain("setting"),
                Text::default().code(format!("{}: {}", s.key, s.value)),
            )
        })
        .collect();
    items.extend(g.rule.as_deref().map(|rule| field("rule", rule)));
    items.push(field("met by", &g.met_by));
    doc.push(Block::Items(items));
    let mut table = Table::new(&[("due", 0), ("status", 0), ("why this date", 0)]);
    for i in &g.items {
        let about = match &i.about {
            Some(about) if !i.basis.contains(about.as_str()) => format!("{about}: "),
            _ => String::new(),
        };
        let mark = match i.status {
            "overdue" => Some(Mark::Overdue),
            "due_soon" => Some(Mark::DueSoon),
            _ => None,
        };
        table.push_marked(
            vec![
                i.due.clone(),
                i.status_text.clone(),
                format!("{about}{}", i.basis),
            ],
            mark,
        );
    }
    doc.push(Block::Table(table));
}
