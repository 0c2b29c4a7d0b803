//! `--format markdown` (the default): ready to paste into a meeting invite or a wiki.

//!
//! Every text of the outline passes through `md` (cplan's words quote keys and values
//! in backticks, which stay code spans; everything else is escaped), so no name or
//! note can become a heading, a link or HTML.

use super::Agenda;
use super::outline::{Block, Item, Section, sections, status_text};
use crate::output::escape::markdown_message as md;
use crate::output::table::Table;

/// One agenda after another, separated by a horizontal rule.
pub fn render(agendas: &[Agenda]) -> String {
    agendas.iter().map(one).collect::<Vec<_>>().join(SEPARATOR)
}

/// What goes between two agendas.
pub const SEPARATOR: &str = "\n---\n\n";

pub fn one(agenda: &Agenda) -> String {
    let mut out = String::new();
    for (i, section) in sections(agenda).iter().enumerate() {
        write_section(&mut out, section, i == 0);
    }
    // One newline at the end, whatever the last section drew, so agendas join evenly.
    let mut out = out.trim_end().to_owned();
    out.push('\n');
    out
}

fn write_section(out: &mut String, section: &Section, first: bool) {
    let level = if first { "#" } else { "##" };
    out.push_str(&format!("{level} {}\n\n", md(&section.title)));
    match (&section.intro, first) {
        (Some(intro), true) => out.push_str(&format!("**{}**\n\n", md(intro))),
        (Some(intro), false) => out.push_str(&format!("{}\n\n", md(intro))),
        (None, _) => {}
    }
    for block in &section.blocks {
        match block {
            Block::Items(items) if items.is_empty() => continue,
            Block::Items(items) => write_items(out, items, 0),
            Block::Numbered(lines) => {
                for (n, line) in lines.iter().enumerate() {
                    out.push_str(&format!("{}. {}\n", n + 1, md(line)));
                }
            }
            Block::Deadlines(deadlines) => {
                let mut table = Table::new(&[
                    ("status", 0),
                    ("due", 0),
                    ("deadline", 0),
                    ("why this date", 0),
                    ("source", 0),
                ]);
                for d in deadlines {
                    table.push(vec![
                        status_text(d),
                        d.due.clone(),
                        d.what.clone(),
                        d.basis.clone(),
                        d.source.clone(),
                    ]);
                }
                out.push_str(&table.render_markdown());
            }
        }
        out.push('\n');
    }
}

fn write_items(out: &mut String, items: &[Item], depth: usize) {
    for item in items {
        let indent = "  ".repeat(depth);
        let line = match (&item.label, item.text.as_str()) {
            (Some(label), "") => format!("**{}:**", md(label)),
            (Some(label), text) => format!("**{}:** {}", md(label), md(text)),
            (None, text) => md(text),
        };
        out.push_str(&format!("{indent}- {line}\n"));
        write_items(out, &item.children, depth + 1);
    }
}
