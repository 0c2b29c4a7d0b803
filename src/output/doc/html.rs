//! A document as one self-contained HTML page: the style sheet inline, no script, no
//! font or image fetched (a Content-Security-Policy says so to the browser too), every
//! string escaped (`Sink::Html`). Printed, it fits A4 and Letter: tables repeat their
//! headers on each page, rows and figures are not split, and `Block::NewPage` starts
//! a section on a new page. Overdue rows are marked by a symbol, a word and a border,
//! not by colour alone.

use std::fmt::Write;

use super::{Block, Doc, Item, Span, Text};
use crate::output::escape::{Sink, escape};
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
/// `<section>` per heading.
pub fn article(doc: &Doc) -> String {
    let mut out = String::from("<article>\n");
    let mut in_section = false;
    let mut new_page = false;
    for block in &doc.blocks {
        match block {
            Block::Title(text) => {
                let _ = writeln!(out, "<h1>{}</h1>", line(text));
            }
            Block::Heading(text) => {
                if in_section {
                    out.push_str("</section>\n");
                }
                let class = if new_page { " class=\"new-page\"" } else { "" };
                let _ = writeln!(out, "<section{class}>\n<h2>{}</h2>", line(text));
                in_section = true;
                new_page = false;
            }
            Block::Subheading(text) => {
                let _ = writeln!(out, "<h3>{}</h3>", line(text));
            }
            Block::Para(text) => {
                let _ = writeln!(out, "<p>{}</p>", line(text));
            }
            Block::Items(items) if items.is_empty() => {}
            Block::Items(items) => write_items(&mut out, items),
            Block::Numbered(lines) if lines.is_empty() => {}
            Block::Numbered(lines) => {
                out.push_str("<ol>\n");
                for text in lines {
                    let _ = writeln!(out, "<li>{}</li>", line(text));
                }
                out.push_str("</ol>\n");
            }
            Block::Table(table) | Block::Records { table, .. } => write_table(&mut out, table),
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
            Block::NewPage => new_page = true,
        }
    }
    if in_section {
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n");
    out
}

fn write_items(out: &mut String, items: &[Item]) {
    out.push_str("<ul>\n");
    for item in items {
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
    out.push_str("</ul>\n");
}

/// A column whose every cell is a number ("12", "0/1", "6.4") is aligned right.
fn numeric(table: &Table, column: usize) -> bool {
    let cells = || table.rows.iter().filter_map(|r| r.get(column));
    cells().count() > 0
        && cells().all(|c| {
            !c.is_empty()
                && c.chars().any(|ch| ch.is_ascii_digit())
                && c.chars()
                    .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | ',' | '/' | '%'))
        })
}

fn write_table(out: &mut String, table: &Table) {
    let numeric: Vec<bool> = (0..table.headers.len()).map(|i| numeric(table, i)).collect();
    let class = |i: usize| if numeric[i] { " class=\"num\"" } else { "" };
    out.push_str("<table>\n<thead>\n<tr>");
    for (i, header) in table.headers.iter().enumerate() {
        let _ = write!(out, "<th scope=\"col\"{}>{}</th>", class(i), h(header));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for (r, row) in table.rows.iter().enumerate() {
        let mark = table.mark(r);
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
    }
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
