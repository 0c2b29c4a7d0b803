//! A document as terminal text: every string escaped for a terminal (`Sink::Terminal`),
//! strong and alert spans in ANSI bold (red) when colour is on, paragraphs and list
//! items wrapped at spaces to the drawing's width, tables fitted to it.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::{Block, Doc, Item, Span, Text};
use crate::output::escape::{Sink, escape};
use crate::output::out::Out;
use crate::output::table::{Drawing, Table};

pub fn render(doc: &Doc<'_>, drawing: Drawing, out: &mut Out<'_>) {
    let color = drawing.color;
    let width = drawing.width;
    for (i, block) in doc.blocks.iter().enumerate() {
        if i > 0 && matches!(block, Block::Heading(_)) {
            out.push('\n');
        }
        match block {
            Block::Title(text) | Block::Heading(text) | Block::Subheading(text) | Block::Para(text) => {
                write_lines(out, lines(text, color, width, "", ""));
            }
            Block::Items(items) => write_items(out, items, 0, drawing),
            Block::MadeItems(list) => {
                for i in 0..list.len() {
                    write_items(out, std::slice::from_ref(&list.item(i)), 0, drawing);
                    out.pass_on();
                    if out.failed() {
                        break;
                    }
                }
            }
            Block::Numbered(texts) => {
                for (n, text) in texts.iter().enumerate() {
                    let number = format!("{:>2}. ", n + 1);
                    write_lines(out, lines(text, color, width, &number, "    "));
                }
            }
            Block::Table(table) => {
                table.write_terminal(out, drawing);
            }
            Block::Records { table, head } => write_records(out, table, *head, width),
            Block::Figure(_) | Block::NewPage => {}
        }
        out.pass_on();
    }
}

fn write_lines(out: &mut Out<'_>, lines: Vec<String>) {
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
}

/// "Label: text" at two spaces a level; an item without a label is a "- " bullet, never
/// at the margin, so that it reads as part of the list above it. Long items wrap under
/// their own text.
fn write_items(out: &mut Out<'_>, items: &[Item], depth: usize, drawing: Drawing) {
    let color = drawing.color;
    for item in items {
        let (first, rest) = match &item.label {
            Some(label) => {
                let indent = "  ".repeat(depth);
                let label = one_line(label, color);
                let sep = if item.text.is_empty() { ":" } else { ": " };
                (format!("{indent}{label}{sep}"), format!("{indent}    "))
            }
            None => {
                let indent = "  ".repeat(depth.max(1));
                (format!("{indent}- "), format!("{indent}  "))
            }
        };
        if item.text.is_empty() {
            let _ = writeln!(out, "{}", first.trim_end());
        } else {
            write_lines(out, lines(&item.text, color, drawing.width, &first, &rest));
        }
        write_items(out, &item.children, depth + 1, drawing);
    }
}

/// Each row: its first `head` cells on a line (the first padded to the widest), then
/// the other cells with their headers below, wrapped under the first cell's width.
fn write_records(out: &mut Out<'_>, table: &Table<'_>, head: usize, width: usize) {
    let cell =
        |row: &[String], i: usize| escape(Sink::Terminal, row.get(i).map_or("", String::as_str)).into_owned();
    let mut first = 0;
    table.each_row(|row, _| {
        first = first.max(cell(row, 0).width());
        true
    });
    let pad = " ".repeat(first + 2);
    table.each_row(|row, _| {
        let mut cells: Vec<String> = (0..head.min(table.headers.len())).map(|i| cell(row, i)).collect();
        if let Some(first_cell) = cells.first_mut() {
            let fill = first.saturating_sub(first_cell.width());
            *first_cell = format!("{first_cell}{}", " ".repeat(fill));
        }
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
        let rest: Vec<String> = (head..table.headers.len())
            .map(|i| format!("{}: {}", table.headers[i], cell(row, i)))
            .collect();
        if !rest.is_empty() {
            let text = Text::plain(rest.join("; "));
            // Already escaped: drawn as it is, wrapped.
            write_lines(out, wrap_pieces(words_of(&text, false, false), width, &pad, &pad));
        }
        out.pass_on();
        !out.failed()
    });
}

const BOLD: &str = "\u{1b}[1m";
const BOLD_RED: &str = "\u{1b}[1;31m";
const RESET: &str = "\u{1b}[0m";

/// A text on one line (a label), styled.
fn one_line(text: &Text, color: bool) -> String {
    lines(text, color, usize::MAX, "", "").join(" ")
}

/// A piece of a word and its style (`None`: plain).
type Piece = (Option<&'static str>, String);

/// `text` for a terminal in lines of at most `width` columns, broken at spaces only
/// (a word longer than the line stands alone), the first line after `first` and the
/// others after `rest`. Styles are added after the breaks are chosen, so the escape
/// codes never count as width.
fn lines(text: &Text, color: bool, width: usize, first: &str, rest: &str) -> Vec<String> {
    wrap_pieces(words_of(text, color, true), width, first, rest)
}

/// The words of `text` (split at spaces), each as styled pieces: a word that runs from
/// one span into the next stays one word.
fn words_of(text: &Text, color: bool, escaped: bool) -> Vec<Vec<Piece>> {
    let esc = |s: &str| {
        if escaped {
            escape(Sink::Terminal, s).into_owned()
        } else {
            s.to_owned()
        }
    };
    let mut words: Vec<Vec<Piece>> = Vec::new();
    let mut glued = false;
    for span in &text.0 {
        let (style, content) = match span {
            Span::Plain(s) => (None, esc(s)),
            // Backticks, as cplan's own messages quote a command or a key.
            Span::Code(s) => (None, format!("`{}`", esc(s))),
            Span::Strong(s) => (color.then_some(BOLD), esc(s)),
            Span::Alert(s) => (color.then_some(BOLD_RED), esc(s)),
        };
        let starts_with_space = content.starts_with(' ');
        for (i, word) in content.split(' ').enumerate() {
            let continues = i == 0 && glued && !starts_with_space;
            if word.is_empty() {
                continue;
            }
            match words.last_mut() {
                Some(last) if continues => last.push((style, word.to_owned())),
                _ => words.push(vec![(style, word.to_owned())]),
            }
            glued = true;
        }
        glued = glued && !content.ends_with(' ');
    }
    words
}

fn wrap_pieces(words: Vec<Vec<Piece>>, width: usize, first: &str, rest: &str) -> Vec<String> {
    let word_width = |w: &[Piece]| w.iter().map(|(_, t)| t.width()).sum::<usize>();
    let mut lines: Vec<(usize, Vec<&[Piece]>)> = vec![(first.width(), Vec::new())];
    for word in &words {
        let w = word_width(word);
        let (used, empty) = lines.last().map(|(u, l)| (*u, l.is_empty())).unwrap_or((0, true));
        if !empty && used.saturating_add(1 + w) > width {
            lines.push((rest.width(), Vec::new()));
        }
        if let Some((used, line)) = lines.last_mut() {
            *used += w + usize::from(!line.is_empty());
            line.push(word);
        }
    }
    lines
        .into_iter()
        .enumerate()
        .map(|(i, (_, line))| {
            let mut out = if i == 0 { first.to_owned() } else { rest.to_owned() };
            for (j, word) in line.iter().enumerate() {
                if j > 0 {
                    out.push(' ');
                }
                for (style, piece) in word.iter() {
                    match style {
                        Some(style) => {
                            let _ = write!(out, "{style}{piece}{RESET}");
                        }
                        None => out.push_str(piece),
                    }
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_wrap_at_spaces_and_styles_do_not_count_as_width() {
        let text = Text::plain("12 deadlines: ")
            .alert("3 overdue")
            .and(", 0 due soon, 9 upcoming");
        let wrapped = lines(&text, true, 24, "", "");
        assert_eq!(wrapped.len(), 2, "{wrapped:?}");
        assert_eq!(
            wrapped[0],
            "12 deadlines: \u{1b}[1;31m3\u{1b}[0m \u{1b}[1;31moverdue\u{1b}[0m,"
        );
        assert_eq!(wrapped[1], "0 due soon, 9 upcoming");
        let item = lines(&Text::plain("a b c d e f g h"), false, 9, "  - ", "    ");
        assert_eq!(item, ["  - a b c", "    d e f", "    g h"]);
    }
}
