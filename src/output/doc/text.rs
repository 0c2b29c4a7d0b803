//! A document as terminal text: every string escaped for a terminal (`Sink::Terminal`),
//! strong and alert spans in ANSI bold (red) when colour is on.

use std::fmt::Write;

use super::{Block, Doc, Item, Span, Text};
use crate::output::escape::{Sink, escape};
use crate::output::table::Table;

pub fn render(doc: &Doc, width: Option<u16>, color: bool) -> String {
    let mut out = String::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        if i > 0 && matches!(block, Block::Heading(_)) {
            out.push('\n');
        }
        match block {
            Block::Title(text) | Block::Heading(text) | Block::Subheading(text) | Block::Para(text) => {
                let _ = writeln!(out, "{}", line(text, color));
            }
            Block::Items(items) => write_items(&mut out, items, 0, color),
            Block::Numbered(lines) => {
                for (n, text) in lines.iter().enumerate() {
                    let _ = writeln!(out, "{:>2}. {}", n + 1, line(text, color));
                }
            }
            Block::Table(table) => {
                let _ = writeln!(out, "{}", table.render_terminal(width));
            }
            Block::Records { table, head } => write_records(&mut out, table, *head),
            Block::Figure(_) | Block::NewPage => {}
        }
    }
    out
}

/// "Label: text" at two spaces a level; an item without a label is a "- " bullet, never
/// at the margin, so that it reads as part of the list above it.
fn write_items(out: &mut String, items: &[Item], depth: usize, color: bool) {
    for item in items {
        let _ = match &item.label {
            Some(label) if item.text.is_empty() => {
                writeln!(out, "{}{}:", "  ".repeat(depth), line(label, color))
            }
            Some(label) => writeln!(
                out,
                "{}{}: {}",
                "  ".repeat(depth),
                line(label, color),
                line(&item.text, color)
            ),
            None => writeln!(out, "{}- {}", "  ".repeat(depth.max(1)), line(&item.text, color)),
        };
        write_items(out, &item.children, depth + 1, color);
    }
}

/// Each row: its first `head` cells on a line (the first padded to the widest), then
/// the other cells with their headers on the line below.
fn write_records(out: &mut String, table: &Table, head: usize) {
    let cell =
        |row: &[String], i: usize| escape(Sink::Terminal, row.get(i).map_or("", String::as_str)).into_owned();
    let first = (table.rows.iter())
        .map(|row| cell(row, 0).chars().count())
        .max()
        .unwrap_or(0);
    for row in &table.rows {
        let mut cells: Vec<String> = (0..head.min(table.headers.len())).map(|i| cell(row, i)).collect();
        if let Some(first_cell) = cells.first_mut() {
            *first_cell = format!("{first_cell:<first$}");
        }
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
        let rest: Vec<String> = (head..table.headers.len())
            .map(|i| format!("{}: {}", table.headers[i], cell(row, i)))
            .collect();
        if !rest.is_empty() {
            let _ = writeln!(out, "{}{}", " ".repeat(first + 2), rest.join("; "));
        }
    }
}

const BOLD: &str = "\u{1b}[1m";
const BOLD_RED: &str = "\u{1b}[1;31m";
const RESET: &str = "\u{1b}[0m";

fn line(text: &Text, color: bool) -> String {
    let mut out = String::new();
    for span in &text.0 {
        match span {
            Span::Plain(s) => out.push_str(&escape(Sink::Terminal, s)),
            // Backticks, as cplan's own messages quote a command or a key.
            Span::Code(s) => {
                let _ = write!(out, "`{}`", escape(Sink::Terminal, s));
            }
            Span::Strong(s) if color => {
                let _ = write!(out, "{BOLD}{}{RESET}", escape(Sink::Terminal, s));
            }
            Span::Alert(s) if color => {
                let _ = write!(out, "{BOLD_RED}{}{RESET}", escape(Sink::Terminal, s));
            }
            Span::Strong(s) | Span::Alert(s) => out.push_str(&escape(Sink::Terminal, s)),
        }
    }
    out
}
