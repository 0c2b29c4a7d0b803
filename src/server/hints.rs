//! Inlay hints at the end of each episode's first line and of `plan:`: the stage
//! today and the next deadlines with their dates and how they stand, in the words of
//! the reports.

use chrono::NaiveDate;
use lsp_types::{InlayHint, InlayHintLabel, Position};

use super::text::Lines;
use crate::check::CheckedDocument;
use crate::policy::deadline::{Deadline, Status};
use crate::policy::words;

/// How many deadlines a hint names.
const NEXT: usize = 3;

pub fn hints(lines: &Lines<'_>, document: &CheckedDocument, as_of: NaiveDate) -> Vec<InlayHint> {
    let (Some(case), Some(summary)) = (document.file.case.as_ref(), document.summary.as_ref()) else {
        return Vec::new();
    };
    let positions = &document.file.positions;
    let current = case.current_episode().map(|(i, _)| i);
    let mut hints = Vec::new();
    for (i, episode) in case.episodes.iter().enumerate() {
        let Some(at) = positions.exact(&format!("episodes[{i}]")) else {
            continue;
        };
        let label = if Some(i) != current {
            match episode.exited {
                Some(exited) => format!("earlier episode, left care on {exited}"),
                None => "earlier episode".to_owned(),
            }
        } else if !summary.open {
            match episode.exited {
                Some(exited) => format!("left care on {exited}: the case is closed"),
                None => "the case is closed".to_owned(),
            }
        } else {
            let stage = format!("{}, month {} of care", words::stage(summary.stage), summary.month);
            with_next(stage, &next(&summary.deadlines, |d| !is_plan(d)), as_of)
        };
        hints.push(hint(lines, at.key.line, label));
    }
    if summary.open
        && let Some(at) = positions.exact("plan")
    {
        let label = with_next("plan".to_owned(), &next(&summary.deadlines, is_plan), as_of);
        hints.push(hint(lines, at.key.line, label));
    }
    hints
}

/// Deadlines of the plan: the case plan, its activities, the end of reunification.
fn is_plan(d: &Deadline) -> bool {
    d.path.starts_with("plan") || d.path.starts_with("goals")
}

/// The next deadlines not met that `keep` keeps: overdue first, then by date.
fn next(deadlines: &[Deadline], keep: impl Fn(&Deadline) -> bool) -> Vec<&Deadline> {
    let mut open: Vec<&Deadline> = deadlines
        .iter()
        .filter(|d| d.status != Status::Met && keep(d))
        .collect();
    open.sort_by_key(|d| (d.status != Status::Overdue, d.due));
    open.truncate(NEXT);
    open
}

fn with_next(head: String, next: &[&Deadline], as_of: NaiveDate) -> String {
    if next.is_empty() {
        return format!("{head} · nothing due");
    }
    let items: Vec<String> = next
        .iter()
        .map(|d| format!("{} {} ({})", words::what(d), d.due, words::status_long(d, as_of)))
        .collect();
    format!("{head} · next: {}", items.join("; "))
}

fn hint(lines: &Lines<'_>, line: u32, label: String) -> InlayHint {
    let index = line.saturating_sub(1);
    let end = lines.line(index as usize).chars().count() as u32;
    InlayHint {
        position: Position::new(index, 0).max(lines.position_of_loc(line, end + 1)),
        label: InlayHintLabel::String(label),
        kind: None,
        text_edits: None,
        tooltip: None,
        padding_left: Some(true),
        padding_right: None,
        data: None,
    }
}
