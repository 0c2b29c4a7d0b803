//! A report's rows as a table, drawn for a terminal, or written as CSV or Markdown.
//! Every tabular report builds one `Table` and picks the format here.
//!
//! The terminal layout is cplan's own (`layout`): a table is fitted to a width by
//! dropping the least important columns first, then wrapping cells at spaces only, so
//! a date, a case id or a rule code is never split ("2026-10-" / "31").

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::escape::{Sink, escape};

/// Headers and rows of text, and how much each column matters when space is short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<&'static str>,
    /// Lower numbers are dropped first when a terminal is too narrow (0 = never).
    pub importance: Vec<u8>,
    pub rows: Vec<Vec<String>>,
    /// How each row stands out, by row index: an overdue row is bold red on a colour
    /// terminal; HTML gives marked rows a class, a symbol and a border.
    pub marks: Vec<Option<Mark>>,
}

/// A row that must stand out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Overdue,
    DueSoon,
}

/// The lines a table is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Borders {
    /// Box-drawing characters, for terminals whose locale is UTF-8.
    Unicode,
    /// `+`, `-`, `|` and `=`, for any other locale (and `LANG=C`).
    Ascii,
}

impl Borders {
    /// Box-drawing characters when the locale says UTF-8 (`LC_ALL`, else `LC_CTYPE`,
    /// else `LANG`), ASCII otherwise: a terminal set to `C` or Latin-1 shows box
    /// characters as garbage.
    pub fn of_locale() -> Borders {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .unwrap_or_default()
            .to_lowercase();
        if locale.contains("utf-8") || locale.contains("utf8") {
            Borders::Unicode
        } else {
            Borders::Ascii
        }
    }

    /// (left, inner, right, horizontal) of the top, header-rule, bottom lines and the
    /// (left, inner, right) of a row.
    fn glyphs(self) -> Glyphs {
        match self {
            Borders::Unicode => Glyphs {
                top: ['┌', '┬', '┐', '─'],
                rule: ['╞', '╪', '╡', '═'],
                bottom: ['└', '┴', '┘', '─'],
                row: ['│', '┆', '│'],
            },
            Borders::Ascii => Glyphs {
                top: ['+', '+', '+', '-'],
                rule: ['+', '+', '+', '='],
                bottom: ['+', '+', '+', '-'],
                row: ['|', '|', '|'],
            },
        }
    }
}

struct Glyphs {
    top: [char; 4],
    rule: [char; 4],
    bottom: [char; 4],
    row: [char; 3],
}

/// How a table is drawn on a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Drawing {
    /// The widest a line may be, in terminal columns.
    pub width: usize,
    pub borders: Borders,
    /// Alert rows in bold red.
    pub color: bool,
}

impl Drawing {
    /// For text around no table that matters (a note after an agenda): 100 columns,
    /// no colour.
    pub fn plain() -> Drawing {
        Drawing {
            width: 100,
            borders: Borders::of_locale(),
            color: false,
        }
    }
}

const BOLD_RED: &str = "\u{1b}[1;31m";
const RESET: &str = "\u{1b}[0m";

impl Table {
    pub fn new(columns: &[(&'static str, u8)]) -> Table {
        Table {
            headers: columns.iter().map(|(h, _)| *h).collect(),
            importance: columns.iter().map(|(_, i)| *i).collect(),
            rows: Vec::new(),
            marks: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.push_marked(row, None);
    }

    pub fn push_marked(&mut self, row: Vec<String>, mark: Option<Mark>) {
        self.rows.push(row);
        self.marks.resize(self.rows.len() - 1, None);
        self.marks.push(mark);
    }

    /// The mark of row `row`, if it has one.
    pub fn mark(&self, row: usize) -> Option<Mark> {
        self.marks.get(row).copied().flatten()
    }

    /// Without the column `header` (a report grouped by it says it once, above).
    pub fn without(mut self, header: &str) -> Table {
        if let Some(i) = self.headers.iter().position(|h| *h == header) {
            self.headers.remove(i);
            self.importance.remove(i);
            for row in &mut self.rows {
                if i < row.len() {
                    row.remove(i);
                }
            }
        }
        self
    }

    /// The table for a terminal `drawing.width` columns wide: the least important
    /// columns are dropped until the others fit with every word whole, then cells wrap
    /// at spaces. Every string is escaped for the terminal first.
    pub fn render_terminal(&self, drawing: Drawing) -> String {
        let mut out = String::new();
        self.write_terminal(&mut out, drawing);
        out.pop(); // the caller ends the table's line
        out
    }

    /// `render_terminal` onto the end of `out`, its last line ended: a document of a
    /// whole caseload's deadlines is written once, not built apart and copied in.
    pub fn write_terminal(&self, out: &mut String, drawing: Drawing) {
        // Borrowed where escaping changes nothing (nearly every cell): a table of a whole
        // caseload's deadlines is not held twice.
        let cells: Vec<Vec<Cow<'_, str>>> = self
            .rows
            .iter()
            .map(|row| {
                (0..self.headers.len())
                    .map(|i| escape(Sink::Terminal, row.get(i).map_or("", String::as_str)))
                    .collect()
            })
            .collect();
        let columns = self.layout(&cells, drawing.width);
        let glyphs = drawing.borders.glyphs();
        let widths: Vec<usize> = columns.iter().map(|c| c.width).collect();
        rule(out, &widths, glyphs.top);
        let header: Vec<&str> = columns.iter().map(|c| self.headers[c.index]).collect();
        draw_row(out, &header, &widths, glyphs.row, None);
        rule(out, &widths, glyphs.rule);
        for (i, row) in cells.iter().enumerate() {
            let shown: Vec<&str> = columns.iter().map(|c| &*row[c.index]).collect();
            let alert = self.mark(i) == Some(Mark::Overdue);
            let style = (drawing.color && alert).then_some(BOLD_RED);
            draw_row(out, &shown, &widths, glyphs.row, style);
        }
        rule(out, &widths, glyphs.bottom);
    }

    /// Which columns to show, and how wide: every column as wide as its widest cell
    /// when that fits; else the least important columns are dropped (the first of two
    /// equally important ones last) until each shown column can be drawn at its
    /// comfortable width (its widest cell on two lines, never narrower than its longest
    /// word), and the room left makes short columns whole first, then goes to the
    /// most important. A row of a narrow table takes two lines, not five.
    fn layout(&self, cells: &[Vec<Cow<'_, str>>], width: usize) -> Vec<Column> {
        let measure = |i: usize| -> (usize, usize) {
            let texts = cells.iter().map(|row| &*row[i]).chain([self.headers[i]]);
            let longest_word = texts
                .clone()
                .flat_map(str::split_whitespace)
                .map(UnicodeWidthStr::width)
                .max()
                .unwrap_or(1)
                .max(1);
            let widest = texts.map(UnicodeWidthStr::width).max().unwrap_or(1).max(1);
            (longest_word, widest)
        };
        let mut columns: Vec<Column> = (0..self.headers.len())
            .map(|index| {
                let (min, max) = measure(index);
                Column {
                    index,
                    min,
                    max,
                    width: max,
                }
            })
            .collect();
        let frame = |n: usize| 3 * n + 1;
        let total =
            |cols: &[Column], f: fn(&Column) -> usize| cols.iter().map(f).sum::<usize>() + frame(cols.len());
        if total(&columns, |c| c.max) <= width {
            return columns;
        }
        while total(&columns, Column::comfortable) > width {
            let droppable = columns
                .iter()
                .enumerate()
                .filter(|(_, c)| self.importance[c.index] > 0)
                .min_by_key(|(pos, c)| (self.importance[c.index], std::cmp::Reverse(*pos)))
                .map(|(pos, _)| pos);
            match droppable {
                Some(pos) => {
                    columns.remove(pos);
                }
                // Only columns that must stay are left: the line is wider than asked
                // rather than a date split.
                None => break,
            }
        }
        let mut room = width.saturating_sub(total(&columns, Column::comfortable));
        for column in &mut columns {
            column.width = column.comfortable();
        }
        // The room left first makes whole the columns that need least to be drawn on
        // one line (a worker's name, a status), then goes to the most important: a
        // short name never wraps to give a long note one more word per line.
        let mut order: Vec<usize> = (0..columns.len()).collect();
        order.sort_by_key(|&pos| {
            let c = &columns[pos];
            let importance = self.importance[c.index];
            (
                c.max - c.width,
                std::cmp::Reverse(if importance == 0 { u8::MAX } else { importance }),
                pos,
            )
        });
        for pos in order {
            let column = &mut columns[pos];
            let more = (column.max - column.width).min(room);
            column.width += more;
            room -= more;
        }
        columns
    }

    /// RFC 4180 CSV with a header row.
    pub fn render_csv(&self) -> std::io::Result<String> {
        let mut bytes = Vec::new();
        write_csv(&mut bytes, &self.headers, &self.rows)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// A GitHub-flavoured Markdown table, ready to paste into an email or a wiki.
    pub fn render_markdown(&self) -> String {
        let mut out = String::new();
        self.write_markdown(&mut out);
        out
    }

    /// `render_markdown` onto the end of `out`, as `write_terminal` is.
    pub fn write_markdown(&self, out: &mut String) {
        let _ = writeln!(out, "| {} |", self.headers.join(" | "));
        let _ = writeln!(out, "|{}", "---|".repeat(self.headers.len()));
        for row in &self.rows {
            out.push('|');
            for cell in row {
                let _ = write!(out, " {} |", escape(Sink::Markdown, cell));
            }
            out.push('\n');
        }
    }
}

/// A column shown: which one, the width of its longest word and of its widest cell,
/// and the width it is drawn at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Column {
    index: usize,
    min: usize,
    max: usize,
    width: usize,
}

impl Column {
    /// Wide enough for its widest cell on two lines, and for its longest word.
    fn comfortable(&self) -> usize {
        self.max.div_ceil(2).max(self.min)
    }
}

fn rule(out: &mut String, widths: &[usize], [left, inner, right, line]: [char; 4]) {
    out.push(left);
    for (i, width) in widths.iter().enumerate() {
        if i > 0 {
            out.push(inner);
        }
        out.extend(std::iter::repeat_n(line, width + 2));
    }
    out.push(right);
    out.push('\n');
}

/// One row, each cell wrapped to its column, as many lines as its tallest cell.
fn draw_row(
    out: &mut String,
    cells: &[&str],
    widths: &[usize],
    [left, inner, right]: [char; 3],
    style: Option<&str>,
) {
    let wrapped: Vec<Vec<String>> = cells.iter().zip(widths).map(|(c, w)| wrap(c, *w)).collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    for line in 0..height {
        out.push(left);
        for (i, (lines, width)) in wrapped.iter().zip(widths).enumerate() {
            if i > 0 {
                out.push(inner);
            }
            let text = lines.get(line).map_or("", String::as_str);
            let pad = width.saturating_sub(text.width());
            match style {
                Some(style) if !text.is_empty() => {
                    let _ = write!(out, " {style}{text}{RESET}{} ", " ".repeat(pad));
                }
                _ => {
                    let _ = write!(out, " {text}{} ", " ".repeat(pad));
                }
            }
        }
        out.push(right);
        out.push('\n');
    }
}

/// `text` in lines of at most `width` columns, broken at spaces only: a word longer
/// than the width stands alone on its line, whole.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Writes RFC 4180 CSV with a header row, a row at a time, so a report over a whole
/// state's caseload goes out as it is made instead of being built as one text first.
/// Every cell passes through the CSV escaping (`escape::Sink::Csv`): a name can never
/// become a spreadsheet formula.
pub fn write_csv<W, R, C>(out: W, headers: &[&str], rows: R) -> std::io::Result<()>
where
    W: std::io::Write,
    R: IntoIterator<Item = C>,
    C: IntoIterator,
    C::Item: AsRef<str>,
{
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(headers).map_err(io_error)?;
    for row in rows {
        let cells = row
            .into_iter()
            .map(|cell| escape(Sink::Csv, cell.as_ref()).into_owned());
        writer.write_record(cells).map_err(io_error)?;
    }
    writer.flush()
}

/// The I/O error inside a CSV error as itself, so that a closed pipe (`| head`) is still
/// seen as one and ends the run quietly; csv's own conversion would hide its kind.
fn io_error(error: csv::Error) -> std::io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests;
