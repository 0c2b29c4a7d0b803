//! The deadlines section as text: one group per kind, its setting, then its cycles.

use std::fmt::Write;

use super::field;
use crate::report::timeline::{DeadlineGroup, Timeline};

pub(super) fn deadlines_section(t: &Timeline) -> String {
    let mut out = format!(
        "DEADLINES (profile {}; every one of the current episode, met ones too)\n",
        t.case.profile.name
    );
    if let Some(closed) = &t.closed {
        let _ = writeln!(
            out,
            "  None: the case closed on {}; deadlines run only while the child is in care.",
            closed.exited
        );
        return out;
    }
    if t.deadlines.is_empty() {
        out.push_str("  None.\n");
        return out;
    }
    let width = t
        .deadlines
        .iter()
        .flat_map(|g| &g.items)
        .map(|i| i.status_text.chars().count())
        .max()
        .unwrap_or(0);
    for group in &t.deadlines {
        out.push('\n');
        out.push_str(&group_text(group, width));
    }
    out
}

fn group_text(g: &DeadlineGroup, width: usize) -> String {
    let mut out = format!("  {} — {}\n", g.title, g.source);
    for s in &g.settings {
        // As written in cplan.yaml: a setting is code an administrator types.
        field(&mut out, 4, "setting", &format!("`{}: {}`", s.key, s.value));
    }
    if let Some(rule) = &g.rule {
        field(&mut out, 4, "rule", rule);
    }
    field(&mut out, 4, "met by", &g.met_by);
    for i in &g.items {
        let about = match &i.about {
            Some(about) if !i.basis.contains(about.as_str()) => format!("{about}: "),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "    {}  {:<width$}  {about}{}",
            i.due, i.status_text, i.basis
        );
    }
    out
}
