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
use super::out::Out;

/// Headers and rows of text, and how much each column matters when space is short.
/// Rows are kept (`push`), or made when the table is drawn (`Table::made`) from what
/// the report already holds: a whole state's deadlines are a million rows, which as
/// text would be most of the memory a report takes.
#[derive(Clone)]
pub struct Table<'a> {
    pub headers: Vec<&'static str>,
    /// Lower numbers are dropped first when a terminal is too narrow (0 = never).
    pub importance: Vec<u8>,
    kept: Vec<(Vec<String>, Option<Mark>)>,
    made: Option<std::sync::Arc<dyn MakeRows + Send + Sync + 'a>>,
    /// The cells `without` took out of each made row (kept rows lose them at once).
    hidden: Vec<usize>,
}

/// Rows made on demand: a table may make each row more than once (a terminal table is
/// measured before it is drawn), so making one must not change anything.
pub trait MakeRows {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The cells of row `i`, in the order of the table's columns, and how it stands
    /// out: an overdue row is bold red on a colour terminal; HTML gives marked rows a
    /// class, a symbol and a border.
    fn row(&self, i: usize) -> (Vec<String>, Option<Mark>);
}

impl std::fmt::Debug for Table<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Table")
            .field("headers", &self.headers)
            .field("rows", &self.len())
            .finish()
    }
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

impl<'a> Table<'a> {
    pub fn new(columns: &[(&'static str, u8)]) -> Table<'a> {
        Table {
            headers: columns.iter().map(|(h, _)| *h).collect(),
            importance: columns.iter().map(|(_, i)| *i).collect(),
            kept: Vec::new(),
            made: None,
            hidden: Vec::new(),
        }
    }

    /// A table whose rows are made as it is drawn (after any rows pushed).
    pub fn made(columns: &[(&'static str, u8)], rows: impl MakeRows + Send + Sync + 'a) -> Table<'a> {
        Table {
            made: Some(std::sync::Arc::new(rows)),
            ..Table::new(columns)
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.push_marked(row, None);
    }

    pub fn push_marked(&mut self, row: Vec<String>, mark: Option<Mark>) {
        self.kept.push((row, mark));
    }

    /// How many rows the table has.
    pub fn len(&self) -> usize {
        self.kept.len() + self.made.as_ref().map_or(0, |m| m.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Calls `each` with every row's cells and mark, in order, until it returns false.
    pub fn each_row(&self, mut each: impl FnMut(&[String], Option<Mark>) -> bool) {
        for (cells, mark) in &self.kept {
            if !each(cells, *mark) {
                return;
            }
        }
        let Some(made) = &self.made else {
            return;
        };
        for i in 0..made.len() {
            let (mut cells, mark) = made.row(i);
            for &hidden in self.hidden.iter().rev() {
                if hidden < cells.len() {
                    cells.remove(hidden);
                }
            }
            if !each(&cells, mark) {
                return;
            }
        }
    }

    /// Without the column `header` (a report grouped by it says it once, above).
    pub fn without(mut self, header: &str) -> Table<'a> {
        if let Some(i) = self.headers.iter().position(|h| *h == header) {
            self.headers.remove(i);
            self.importance.remove(i);
            for (row, _) in &mut self.kept {
                if i < row.len() {
                    row.remove(i);
                }
            }
            // In the made rows' numbering: the cells already hidden before it count.
            let mut cell = i;
            for &hidden in &self.hidden {
                if hidden <= cell {
                    cell += 1;
                }
            }
            self.hidden.push(cell);
            self.hidden.sort_unstable();
        }
        self
    }

    /// The table for a terminal `drawing.width` columns wide: the least important
    /// columns are dropped until the others fit with every word whole, then cells wrap
    /// at spaces. Every string is escaped for the terminal first.
    pub fn render_terminal(&self, drawing: Drawing) -> String {
        let mut out = Out::kept();
        self.write_terminal(&mut out, drawing);
        let mut text = out.into_text();
        text.pop(); // the caller ends the table's line
        text
    }

    /// `render_terminal` onto `out`, its last line ended. The rows are measured first,
    /// then made again and drawn one at a time, each passed on as it is drawn: a table
    /// of a whole caseload's deadlines is never held as text.
    pub fn write_terminal(&self, out: &mut Out<'_>, drawing: Drawing) {
        let columns = self.layout(&self.measures(), drawing.width);
        let glyphs = drawing.borders.glyphs();
        let widths: Vec<usize> = columns.iter().map(|c| c.width).collect();
        rule(out, &widths, glyphs.top);
        let header: Vec<&str> = columns.iter().map(|c| self.headers[c.index]).collect();
        draw_row(out, &header, &widths, glyphs.row, None);
        rule(out, &widths, glyphs.rule);
        self.each_row(|row, mark| {
            let cells = terminal_cells(row, self.headers.len());
            let shown: Vec<&str> = columns.iter().map(|c| &*cells[c.index]).collect();
            let style = (drawing.color && mark == Some(Mark::Overdue)).then_some(BOLD_RED);
            draw_row(out, &shown, &widths, glyphs.row, style);
            out.pass_on();
            !out.failed()
        });
        rule(out, &widths, glyphs.bottom);
    }

    /// For each column, the width of its longest word and of its widest cell (header
    /// included), as the terminal shows them (escaped).
    fn measures(&self) -> Vec<(usize, usize)> {
        let mut measures: Vec<(usize, usize)> = (self.headers.iter())
            .map(|h| (longest_word(h), h.width()))
            .collect();
        self.each_row(|row, _| {
            for (cell, (word, widest)) in terminal_cells(row, self.headers.len()).iter().zip(&mut measures) {
                *word = (*word).max(longest_word(cell));
                *widest = (*widest).max(cell.width());
            }
            true
        });
        measures.into_iter().map(|(w, c)| (w.max(1), c.max(1))).collect()
    }

    /// Which columns to show, and how wide: every column as wide as its widest cell
    /// when that fits; else the least important columns are dropped (the first of two
    /// equally important ones last) until each shown column can be drawn at its
    /// comfortable width (its widest cell on two lines, never narrower than its longest
    /// word), and the room left makes short columns whole first, then goes to the
    /// most important. A row of a narrow table takes two lines, not five.
    fn layout(&self, measures: &[(usize, usize)], width: usize) -> Vec<Column> {
        let mut columns: Vec<Column> = (measures.iter().enumerate())
            .map(|(index, &(min, max))| Column {
                index,
                min,
                max,
                width: max,
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
        let mut rows = Vec::with_capacity(self.len());
        self.each_row(|row, _| {
            rows.push(row.to_vec());
            true
        });
        let mut bytes = Vec::new();
        write_csv(&mut bytes, &self.headers, &rows)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// A GitHub-flavoured Markdown table, ready to paste into an email or a wiki.
    pub fn render_markdown(&self) -> String {
        let mut out = Out::kept();
        self.write_markdown(&mut out);
        out.into_text()
    }

    /// `render_markdown` onto `out`, a row at a time, as `write_terminal` is.
    pub fn write_markdown(&self, out: &mut Out<'_>) {
        let _ = writeln!(out, "| {} |", self.headers.join(" | "));
        let _ = writeln!(out, "|{}", "---|".repeat(self.headers.len()));
        self.each_row(|row, _| {
            out.push('|');
            for cell in row {
                let _ = write!(out, " {} |", escape(Sink::Markdown, cell));
            }
            out.push('\n');
            out.pass_on();
            !out.failed()
        });
    }
}

/// A row's cells escaped for the terminal, as many as the table has columns; borrowed
/// where escaping changes nothing (nearly every cell).
fn terminal_cells(row: &[String], columns: usize) -> Vec<Cow<'_, str>> {
    (0..columns)
        .map(|i| escape(Sink::Terminal, row.get(i).map_or("", String::as_str)))
        .collect()
}

fn longest_word(text: &str) -> usize {
    text.split_whitespace()
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
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

fn rule(out: &mut Out<'_>, widths: &[usize], [left, inner, right, line]: [char; 4]) {
    out.push(left);
    for (i, width) in widths.iter().enumerate() {
        if i > 0 {
            out.push(inner);
        }
        for _ in 0..width + 2 {
            out.push(line);
        }
    }
    out.push(right);
    out.push('\n');
}

/// One row, each cell wrapped to its column, as many lines as its tallest cell.
fn draw_row(
    out: &mut Out<'_>,
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
