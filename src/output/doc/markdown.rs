//! A document as CommonMark with GitHub tables: every string escaped for Markdown
//! (`Sink::Markdown`), code spans kept as code spans.

use std::fmt::Write;

use super::{Block, Doc, Item, Span, Text};
use crate::output::escape::{Sink, escape};
use crate::output::out::Out;

pub fn render(doc: &Doc<'_>, out: &mut Out<'_>) {
    for block in &doc.blocks {
        match block {
            Block::Title(text) => {
                let _ = writeln!(out, "# {}\n", line(text));
            }
            Block::Heading(text) => {
                let _ = writeln!(out, "## {}\n", line(text));
            }
            Block::Subheading(text) => {
                let _ = writeln!(out, "### {}\n", line(text));
            }
            Block::Para(text) => {
                let _ = writeln!(out, "{}\n", line(text));
            }
            Block::Items(items) if items.is_empty() => {}
            Block::MadeItems(list) if list.is_empty() => {}
            Block::MadeItems(list) => {
                for i in 0..list.len() {
                    write_items(out, std::slice::from_ref(&list.item(i)), 0);
                    out.pass_on();
                }
                out.push('\n');
            }
            Block::Items(items) => {
                write_items(out, items, 0);
                out.push('\n');
            }
            Block::Numbered(lines) if lines.is_empty() => {}
            Block::Numbered(lines) => {
                for (n, text) in lines.iter().enumerate() {
                    let _ = writeln!(out, "{}. {}", n + 1, line(text));
                }
                out.push('\n');
            }
            Block::Table(table) | Block::Records { table, .. } => {
                table.write_markdown(out);
                out.push('\n');
            }
            Block::Figure(_) | Block::NewPage => {}
        }
        out.pass_on();
    }
}

fn write_items(out: &mut Out<'_>, items: &[Item], depth: usize) {
    for item in items {
        let indent = "  ".repeat(depth);
        let _ = match &item.label {
            Some(label) if item.text.is_empty() => writeln!(out, "{indent}- **{}:**", line(label)),
            Some(label) => writeln!(out, "{indent}- **{}:** {}", line(label), line(&item.text)),
            None => writeln!(out, "{indent}- {}", line(&item.text)),
        };
        write_items(out, &item.children, depth + 1);
    }
}

fn line(text: &Text) -> String {
    let mut out = String::new();
    for span in &text.0 {
        match span {
            Span::Plain(s) => out.push_str(&escape(Sink::Markdown, s)),
            Span::Code(s) => out.push_str(&code(s)),
            Span::Strong(s) | Span::Alert(s) => {
                let _ = write!(out, "**{}**", escape(Sink::Markdown, s));
            }
        }
    }
    out
}

/// `s` as a Markdown code span: inside one nothing is markup but a backtick ends it,
/// so a backtick in a file name is shown as `'`; a line break would end the paragraph.
fn code(s: &str) -> String {
    let inner: String = escape(Sink::Terminal, s)
        .chars()
        .map(|c| if c == '`' { '\'' } else { c })
        .collect();
    format!("`{inner}`")
}
