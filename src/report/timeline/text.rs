//! The timeline as plain text: one section after another, labels on the left, each
//! date with the comparison or formula that produced it beside it.

mod deadlines;
mod fifteen22;

use crate::policy::words::days_words;
use std::fmt::Write;

use deadlines::deadlines_section;
use fifteen22::fifteen22_section;
pub(super) use fifteen22::leading_quiet_months;

use super::{CaseHeader, EpisodeView, ExcludedPeriod, StageRow, StagesView, Timeline};
use crate::policy::care::Stage;

/// The timeline as text. Its data (names, labels, the file's path) is written inside
/// lines of cplan's own words; the last pass shows every control character in it as an
/// escape, so none reaches the terminal, and a line break in a value is indented under
/// its label (`field`).
pub fn render(t: &Timeline) -> String {
    crate::output::escape::terminal_lines(&render_raw(t)).into_owned()
}

fn render_raw(t: &Timeline) -> String {
    let mut out = format!("Timeline of case {}, as of {}\n", t.case.id, t.as_of);
    for section in [
        case_section(t),
        episodes_section(&t.episodes),
        stages_section(t),
        fifteen22_section(&t.fifteen_of_22),
        deadlines_section(t),
    ] {
        out.push('\n');
        out.push_str(&section);
    }
    out
}

/// `  label       value`, continuation lines indented under the value.
fn field(out: &mut String, indent: usize, label: &str, value: &str) {
    let pad = " ".repeat(indent);
    let mut lines = value.lines();
    let first = lines.next().unwrap_or("");
    let _ = writeln!(out, "{pad}{label:<16}{first}");
    for line in lines {
        let _ = writeln!(out, "{pad}{:<16}{line}", "");
    }
}

fn case_section(t: &Timeline) -> String {
    let c = &t.case;
    let mut out = "THE CASE\n".to_owned();
    field(
        &mut out,
        2,
        "child",
        &format!("{}, born {}, age {}", c.child, c.born, c.age),
    );
    let worker = match &c.supervisor {
        Some(supervisor) => format!("{} (supervisor {supervisor})", c.worker),
        None => c.worker.clone(),
    };
    field(&mut out, 2, "worker", &worker);
    field(&mut out, 2, "file", &c.file);
    field(&mut out, 2, "profile", &profile_text(c));
    field(&mut out, 2, "status", &status_line(t));
    field(&mut out, 2, "findings", &findings_text(c));
    out
}

pub(super) fn profile_text(c: &CaseHeader) -> String {
    let p = &c.profile;
    let origin = match &p.file {
        Some(file) => {
            let dir = std::path::Path::new(file)
                .parent()
                .map(|d| d.display().to_string())
                .filter(|d| !d.is_empty())
                .unwrap_or_else(|| ".".to_owned());
            format!(
                "set by {file}; `cplan explain --profile {} --dir {dir}` prints every setting",
                p.name
            )
        }
        None => format!(
            "built in; `cplan explain --profile {}` prints every setting",
            p.name
        ),
    };
    format!("{}: {}\n{origin}", p.name, p.description)
}

pub(super) fn status_line(t: &Timeline) -> String {
    match &t.closed {
        Some(closed) => format!(
            "closed on {}{}: no deadlines run",
            closed.exited,
            closed
                .exit_reason
                .as_ref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default()
        ),
        None => format!(
            "open: month {} of care, {}",
            t.stages.month,
            stage_phrase(t.stages.stage, &t.stages.stage_name)
        ),
    }
}

pub(super) fn findings_text(c: &CaseHeader) -> String {
    if c.errors == 0 && c.warnings == 0 {
        return "no errors or warnings".to_owned();
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}: `cplan check {}` lists them",
        plural(c.errors, "error"),
        plural(c.warnings, "warning"),
        c.file
    )
}

fn episodes_section(episodes: &[EpisodeView]) -> String {
    let mut out = format!(
        "REMOVAL EPISODES ({}), each with the date the child entered foster care (EFC)\n",
        episodes.len()
    );
    for e in episodes {
        let current = if e.current { "current; " } else { "" };
        let _ = writeln!(out, "  Episode {} ({current}{})", e.number, e.path);
        let or_none = |d: &Option<String>| d.clone().unwrap_or_else(|| "none recorded".to_owned());
        field(&mut out, 4, "removed", &e.removed);
        field(&mut out, 4, "court finding", &or_none(&e.court_finding));
        field(&mut out, 4, "disposition", &or_none(&e.disposition));
        field(&mut out, 4, "bypass", &or_none(&e.bypass));
        let exited = match (&e.exited, &e.exit_reason) {
            (Some(d), Some(reason)) => format!("{d} ({reason})"),
            (Some(d), None) => d.clone(),
            (None, _) => "not yet: in care".to_owned(),
        };
        field(&mut out, 4, "exited", &exited);
        field(&mut out, 4, "EFC", &format!("{}: {}", e.efc, e.efc_why));
        for p in &e.excluded {
            field(&mut out, 4, "not in care", &excluded_text(p));
        }
        field(&mut out, 4, "counted", &counted_text(e));
    }
    out
}

pub(super) fn excluded_text(p: &ExcludedPeriod) -> String {
    let what = p.kind.replace('_', " ");
    let part = if p.days_in_counted_span == p.days {
        String::new()
    } else {
        format!(" ({} in the time counted for 15/22)", p.days_in_counted_span)
    };
    format!("{what} {} to {}: {}{part}", p.from, p.to, days_words(p.days))
}

pub(super) fn counted_text(e: &EpisodeView) -> String {
    let c = &e.in_care;
    match (&c.from, &c.through) {
        (Some(from), Some(through)) if c.excluded_days > 0 => format!(
            "{} in care for 15/22: {from} through {through} is {}, less {} not in care",
            days_words(c.days),
            days_words(c.span_days),
            c.excluded_days
        ),
        (Some(from), Some(through)) => format!(
            "{} in care for 15/22: {from} through {through}",
            days_words(c.days)
        ),
        _ => format!(
            "0 days in care for 15/22: the EFC {} is after {}",
            e.efc,
            if e.exited.is_some() {
                "the child left care"
            } else {
                "the as-of date"
            }
        ),
    }
}

fn stages_section(t: &Timeline) -> String {
    let s: &StagesView = &t.stages;
    let mut out = format!(
        "STAGES OF THE CURRENT EPISODE (stages: [{}, {}, {}]; month 1 begins on removal, {})\n",
        s.setting[0], s.setting[1], s.setting[2], s.removed
    );
    for row in &s.stages {
        let marker = if row.current { ">" } else { " " };
        let _ = writeln!(
            out,
            "  {marker} {:<9} {:<14} from {}   {}",
            stage_word(row),
            months_text(row),
            row.from,
            row.name
        );
    }
    let now = match stage_now(t) {
        (now, Some(next)) => format!("{now}\n  {next}"),
        (now, None) => now,
    };
    let _ = writeln!(out, "  {now}");
    out
}

/// "months 1-4", "month 5", "month 16 on".
pub(super) fn months_text(row: &StageRow) -> String {
    match row.last_month {
        Some(last) if last == row.first_month => format!("month {last}"),
        Some(last) => format!("months {}-{last}", row.first_month),
        None => format!("month {} on", row.first_month),
    }
}

/// "stage 2", or "past 3".
pub(super) fn stage_word(row: &StageRow) -> String {
    if row.stage == Stage::Past {
        row.stage.short().to_owned()
    } else {
        format!("stage {}", row.stage.short())
    }
}

/// Where the case is among the stages, and (open cases) what comes next.
pub(super) fn stage_now(t: &Timeline) -> (String, Option<String>) {
    let s: &StagesView = &t.stages;
    match &t.closed {
        Some(closed) => (
            format!(
                "The child left care on {} in month {} of care, {}.",
                closed.exited,
                s.month,
                stage_phrase(s.stage, &s.stage_name)
            ),
            None,
        ),
        None => {
            let next = match &s.next {
                Some(n) => format!(
                    "Next: {} from {}, in {}.",
                    stage_phrase(n.stage, &n.name),
                    n.from,
                    days_words(n.days_left)
                ),
                None => "No further stage.".to_owned(),
            };
            (
                format!(
                    "Now month {} of care (since {}), {}.",
                    s.month,
                    s.month_began,
                    stage_phrase(s.stage, &s.stage_name)
                ),
                Some(next),
            )
        }
    }
}

/// "stage 3 (Moving towards Independence)", or "past stage 3".
pub(super) fn stage_phrase(stage: Stage, name: &str) -> String {
    if stage == Stage::Past {
        name.to_owned()
    } else {
        format!("stage {} ({name})", stage.short())
    }
}
