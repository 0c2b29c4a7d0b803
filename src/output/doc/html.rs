//! A document as one self-contained HTML page: the style sheet inline, no script, no
//! font or image fetched (a Content-Security-Policy says so to the browser too), every
//! string escaped (`Sink::Html`). Printed, it fits A4 and Letter: tables repeat their
//! headers on each page, rows and figures are not split, and `Block::NewPage` starts
//! a section on a new page. Overdue rows are marked by a symbol, a word and a border,
//! not by colour alone.

use std::fmt::Write;

use super::{Block, Doc, Item, Span, Text};
use crate::output::escape::{Sink, escape};
use crate::output::out::Out;
use crate::output::svg;
use crate::output::table::{Mark, Table};

fn h(text: &str) -> std::borrow::Cow<'_, str> {
    escape(Sink::Html, text)
}

/// The page up to the start of its content: doctype, head with the style sheet, `<main>`.
pub fn html_start(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<meta name=\"generator\" content=\"cplan\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n",
        h(title)
    )
}

/// The end of the page `html_start` began.
pub const HTML_END: &str = "</main>\n</body>\n</html>\n";

const STYLE: &str = include_str!("html.css");

/// The document as an `<article>`: what comes before the first heading, then one
/// `<section>` per heading. A section after `Block::NewPage` starts a printed page; a
/// short one (a few lines and lists, no table or picture) is kept on one page.
pub fn article(doc: &Doc<'_>, out: &mut Out<'_>) {
    out.push_str("<article>\n");
    let first = (doc.blocks.iter())
        .position(|b| matches!(b, Block::Heading(_)))
        .unwrap_or(doc.blocks.len());
    for block in &doc.blocks[..first] {
        write_block(out, block);
    }
    let mut new_page = false;
    let mut rest = &doc.blocks[first..];
    while let Some((Block::Heading(heading), after)) = rest.split_first() {
        let end = (after.iter())
            .position(|b| matches!(b, Block::Heading(_)))
            .unwrap_or(after.len());
        let (body, next) = after.split_at(end);
        let short = body.iter().map(lines).sum::<usize>() <= SHORT_SECTION;
        let classes: Vec<&str> = [(new_page, "new-page"), (short, "keep")]
            .into_iter()
            .filter_map(|(on, class)| on.then_some(class))
            .collect();
        let class = if classes.is_empty() {
            String::new()
        } else {
            format!(" class=\"{}\"", classes.join(" "))
        };
        let _ = writeln!(out, "<section{class}>\n<h2>{}</h2>", line(heading));
        new_page = matches!(body.last(), Some(Block::NewPage));
        write_groups(out, body);
        out.push_str("</section>\n");
        rest = next;
    }
    out.push_str("</article>\n");
}

/// A section's blocks: those before its first subheading, then each subheading with
/// what follows it as a group, kept on one printed page when short.
fn write_groups(out: &mut Out<'_>, body: &[Block<'_>]) {
    let first = (body.iter())
        .position(|b| matches!(b, Block::Subheading(_)))
        .unwrap_or(body.len());
    for block in &body[..first] {
        write_block(out, block);
    }
    let mut rest = &body[first..];
    while let Some((head, after)) = rest.split_first() {
        let end = (after.iter())
            .position(|b| matches!(b, Block::Subheading(_)))
            .unwrap_or(after.len());
        let group = &rest[..=end];
        let short = group.iter().map(lines).sum::<usize>() <= SHORT_SECTION;
        out.push_str(if short {
            "<div class=\"group keep\">\n"
        } else {
            "<div class=\"group\">\n"
        });
        write_block(out, head);
        for block in &after[..end] {
            write_block(out, block);
        }
        out.push_str("</div>\n");
        rest = &after[end..];
    }
}

/// The most lines a section may take to be kept on one printed page.
const SHORT_SECTION: usize = 16;

/// About how many printed lines a block takes (a line holds some 90 characters, a table
/// row two); a picture counts as a long block.
fn lines(block: &Block<'_>) -> usize {
    fn of(text: &Text) -> usize {
        1 + text.words().chars().count() / 90
    }
    fn list(items: &[Item]) -> usize {
        (items.iter())
            .map(|i| of(&i.text) + i.label.as_ref().map_or(0, |l| l.words().len() / 90) + list(&i.children))
            .sum()
    }
    match block {
        Block::Title(text) | Block::Heading(text) | Block::Subheading(text) | Block::Para(text) => of(text),
        Block::Items(items) => list(items),
        Block::MadeItems(items) => items.len(),
        Block::Numbered(list) => list.iter().map(of).sum(),
        Block::Table(table) | Block::Records { table, .. } => 2 + 2 * table.len(),
        Block::Figure(_) => SHORT_SECTION + 1,
        Block::NewPage => 0,
    }
}

/// A block other than a section's heading.
fn write_block(out: &mut Out<'_>, block: &Block<'_>) {
    match block {
        Block::Title(text) => {
            let _ = writeln!(out, "<h1>{}</h1>", line(text));
        }
        // Only for a document whose first heading `article` did not take (none here).
        Block::Heading(text) => {
            let _ = writeln!(out, "<h2>{}</h2>", line(text));
        }
        Block::Subheading(text) => {
            let _ = writeln!(out, "<h3>{}</h3>", line(text));
        }
        Block::Para(text) => {
            let _ = writeln!(out, "<p>{}</p>", line(text));
        }
        Block::Items(items) if items.is_empty() => {}
        Block::Items(items) => write_items(out, items),
        Block::MadeItems(list) if list.is_empty() => {}
        Block::MadeItems(list) => {
            out.push_str("<ul>\n");
            for i in 0..list.len() {
                write_item(out, &list.item(i));
                out.pass_on();
            }
            out.push_str("</ul>\n");
        }
        Block::Numbered(lines) if lines.is_empty() => {}
        Block::Numbered(lines) => {
            out.push_str("<ol>\n");
            for text in lines {
                let _ = writeln!(out, "<li>{}</li>", line(text));
            }
            out.push_str("</ol>\n");
        }
        Block::Table(table) | Block::Records { table, .. } => write_table(out, table),
        Block::Figure(figure) => {
            let class = match figure.drawing {
                svg::Drawing::Time(_) => "time",
                svg::Drawing::Bars(_) => "bars",
            };
            // Title and sentence above the picture: what to read first.
            let _ = writeln!(
                out,
                "<figure class=\"{class}\">\n<figcaption><strong>{}.</strong> {}</figcaption>\n{}\n</figure>",
                h(&figure.title),
                h(&figure.caption),
                svg::render(figure)
            );
        }
        Block::NewPage => {}
    }
}

fn write_items(out: &mut Out<'_>, items: &[Item]) {
    out.push_str("<ul>\n");
    for item in items {
        write_item(out, item);
    }
    out.push_str("</ul>\n");
}

fn write_item(out: &mut Out<'_>, item: &Item) {
    out.push_str("<li>");
    if let Some(label) = &item.label {
        let _ = write!(out, "<strong class=\"label\">{}:</strong>", line(label));
        if !item.text.is_empty() {
            out.push(' ');
        }
    }
    out.push_str(&line(&item.text));
    if !item.children.is_empty() {
        out.push('\n');
        write_items(out, &item.children);
    }
    out.push_str("</li>\n");
}

/// Which columns are numeric: every cell a number ("12", "0/1", "6.4"), aligned right.
fn numeric_columns(table: &Table<'_>) -> Vec<bool> {
    let mut numeric = vec![true; table.headers.len()];
    let mut seen = vec![false; table.headers.len()];
    table.each_row(|row, _| {
        for (i, cell) in row.iter().enumerate().take(numeric.len()) {
            seen[i] = true;
            numeric[i] = numeric[i] && is_number(cell);
        }
        numeric.iter().any(|n| *n)
    });
    numeric.iter().zip(seen).map(|(n, seen)| *n && seen).collect()
}

fn is_number(cell: &str) -> bool {
    !cell.is_empty()
        && cell.chars().any(|ch| ch.is_ascii_digit())
        && cell
            .chars()
            .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | ',' | '/' | '%'))
}

fn write_table(out: &mut Out<'_>, table: &Table<'_>) {
    let numeric = numeric_columns(table);
    let class = |i: usize| if numeric[i] { " class=\"num\"" } else { "" };
    out.push_str("<table>\n<thead>\n<tr>");
    for (i, header) in table.headers.iter().enumerate() {
        let _ = write!(out, "<th scope=\"col\"{}>{}</th>", class(i), h(header));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    table.each_row(|row, mark| {
        match mark {
            Some(Mark::Overdue) => out.push_str("<tr class=\"overdue\">"),
            Some(Mark::DueSoon) => out.push_str("<tr class=\"due-soon\">"),
            None => out.push_str("<tr>"),
        }
        for i in 0..table.headers.len() {
            let cell = row.get(i).map_or("", String::as_str);
            let flag = if i == 0 && mark == Some(Mark::Overdue) {
                // A symbol and a word beside the colour: read in black and white too.
                "<span class=\"flag\" role=\"img\" aria-label=\"overdue\">⚠</span> "
            } else {
                ""
            };
            let _ = write!(out, "<td{}>{flag}{}</td>", class(i), words(cell));
        }
        out.push_str("</tr>\n");
        out.pass_on();
        !out.failed()
    });
    out.push_str("</tbody>\n</table>\n");
}

/// `text` escaped, each word that holds a digit and a hyphen (a date, a case id) kept
/// on one line: a browser would break "2026-10-31" after a hyphen.
fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.contains('-') && word.chars().any(|c| c.is_ascii_digit()) {
            let _ = write!(out, "<span class=\"nw\">{}</span>", h(word));
        } else {
            out.push_str(&h(word));
        }
    }
    out
}

fn line(text: &Text) -> String {
    let mut out = String::new();
    for span in &text.0 {
        match span {
            Span::Plain(s) => out.push_str(&words(s)),
            Span::Code(s) => {
                let _ = write!(out, "<code>{}</code>", h(s));
            }
            Span::Strong(s) => {
                let _ = write!(out, "<strong>{}</strong>", words(s));
            }
            Span::Alert(s) => {
                let _ = write!(out, "<strong class=\"alert\">{}</strong>", words(s));
            }
        }
    }
    out
}
