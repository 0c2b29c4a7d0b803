//! `--format text`: plain text with no markdown syntax, for mail and printing.

//!
//! Every text of the outline passes through `t`, escaped for a terminal, so no name
//! or note can send an escape sequence or start a line of its own.

use super::Agenda;
use super::outline::{Block, Item, Section, sections, status_text};
use crate::output::escape::{Sink, escape};

fn t(text: &str) -> std::borrow::Cow<'_, str> {
    escape(Sink::Terminal, text)
}

/// One agenda after another, separated by a line of `=`.
pub fn render(agendas: &[Agenda]) -> String {
    agendas.iter().map(one).collect::<Vec<_>>().join(&separator())
}

/// What goes between two agendas.
pub fn separator() -> String {
    format!("\n{}\n\n", "=".repeat(72))
}

pub fn one(agenda: &Agenda) -> String {
    let mut out = String::new();
    for section in sections(agenda) {
        write_section(&mut out, &section);
    }
    // One newline at the end, whatever the last section drew, so agendas join evenly.
    let mut out = out.trim_end().to_owned();
    out.push('\n');
    out
}

fn write_section(out: &mut String, section: &Section) {
    out.push_str(&format!("{}\n", t(&section.title.to_uppercase())));
    if let Some(intro) = &section.intro {
        out.push_str(&format!("{}\n", t(intro)));
    }
    for block in &section.blocks {
        match block {
            Block::Items(items) => write_items(out, items, 0),
            Block::Numbered(lines) => {
                for (n, line) in lines.iter().enumerate() {
                    out.push_str(&format!("{:>2}. {}\n", n + 1, t(line)));
                }
            }
            Block::Deadlines(deadlines) => {
                for d in deadlines {
                    out.push_str(&format!("{:<13} {}  {}\n", status_text(d), d.due, t(&d.what)));
                    out.push_str(&format!(
                        "{:14}why: {}; source: {}\n",
                        "",
                        t(&d.basis),
                        t(&d.source)
                    ));
                }
            }
        }
    }
    out.push('\n');
}

fn write_items(out: &mut String, items: &[Item], depth: usize) {
    for item in items {
        let indent = "  ".repeat(depth);
        let line = match (&item.label, item.text.as_str()) {
            (Some(label), "") => format!("{}:", t(label)),
            (Some(label), text) => format!("{}: {}", t(label), t(text)),
            (None, text) => format!("• {}", t(text)),
        };
        out.push_str(&format!("{indent}{line}\n"));
        write_items(out, &item.children, depth + 1);
    }
}
