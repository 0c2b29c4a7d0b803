//! A report's rows as a table, drawn for a terminal (comfy-table), or written as CSV
//! or Markdown. Every tabular report builds one `Table` and picks the format here.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ColumnConstraint, ContentArrangement, Table as Comfy, Width};

use super::escape::{Sink, escape};

/// Headers and rows of text, and how much each column matters when space is short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<&'static str>,
    /// Lower numbers are dropped first when a terminal is too narrow (0 = never).
    pub importance: Vec<u8>,
    pub rows: Vec<Vec<String>>,
    /// How each row stands out where a format can show it (HTML), by row index.
    pub marks: Vec<Option<Mark>>,
}

/// A row that must stand out: HTML gives it a class, a symbol and a border.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Overdue,
    DueSoon,
}

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

    /// For a terminal `width` wide: drops the least important columns until the rest
    /// can fit, then lets comfy-table wrap the cells. `None` (a file, a pipe): full width.
    pub fn render_terminal(&self, width: Option<u16>) -> String {
        let keep = match width {
            Some(width) => self.columns_that_fit(width),
            None => (0..self.headers.len()).collect(),
        };
        let mut table = Comfy::new();
        table.load_style(UTF8_FULL_CONDENSED);
        match width {
            Some(width) => {
                table.set_content_arrangement(ContentArrangement::Dynamic);
                table.set_width(width);
            }
            None => {
                table.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        table.set_header(keep.iter().map(|&i| self.headers[i]));
        for row in &self.rows {
            table.add_row(
                keep.iter()
                    .map(|&i| escape(Sink::Terminal, row.get(i).map_or("", String::as_str))),
            );
        }
        if width.is_some() {
            // Wrap between words, never inside one ("Lindq|vist"): each column keeps
            // the width of its longest word.
            let bounds = keep.iter().map(|&i| {
                let chars = u16::try_from(self.min_width(i)).unwrap_or(u16::MAX);
                ColumnConstraint::LowerBoundary(Width::Fixed(chars))
            });
            table.set_constraints(bounds);
        }
        table.to_string()
    }

    /// Column indices to show at `width`: a column needs its longest word to stay readable.
    fn columns_that_fit(&self, width: u16) -> Vec<usize> {
        let mut keep: Vec<usize> = (0..self.headers.len()).collect();
        let needed =
            |keep: &[usize]| -> usize { keep.iter().map(|&i| self.min_width(i) + 3).sum::<usize>() + 1 };
        while needed(&keep) > usize::from(width) {
            let Some(pos) = keep
                .iter()
                .enumerate()
                .filter(|(_, i)| self.importance[**i] > 0)
                .min_by_key(|(pos, i)| (self.importance[**i], std::cmp::Reverse(*pos)))
                .map(|(pos, _)| pos)
            else {
                break;
            };
            keep.remove(pos);
        }
        keep
    }

    /// The longest single word of a column (cells wrap at spaces, not inside words).
    fn min_width(&self, column: usize) -> usize {
        let words = self
            .rows
            .iter()
            .filter_map(|r| r.get(column))
            .flat_map(|cell| cell.split_whitespace());
        words
            .chain(self.headers[column].split_whitespace())
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(1)
            .min(24)
    }

    /// RFC 4180 CSV with a header row.
    pub fn render_csv(&self) -> std::io::Result<String> {
        let mut bytes = Vec::new();
        write_csv(&mut bytes, &self.headers, &self.rows)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// A GitHub-flavoured Markdown table, ready to paste into an email or a wiki.
    pub fn render_markdown(&self) -> String {
        let mut out = format!("| {} |\n", self.headers.join(" | "));
        out.push_str(&format!("|{}\n", "---|".repeat(self.headers.len())));
        for row in &self.rows {
            let cells: Vec<_> = row.iter().map(|c| escape(Sink::Markdown, c)).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out
    }
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
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut t = Table::new(&[("case", 0), ("child", 2), ("worker", 3), ("note", 1)]);
        t.push(vec![
            "2026-0201".into(),
            "M. R.".into(),
            "R. Alvarez".into(),
            "a long note | with a bar".into(),
        ]);
        t
    }

    #[test]
    fn narrow_terminals_drop_the_least_important_columns_first() {
        let t = sample();
        assert_eq!(t.columns_that_fit(200), vec![0, 1, 2, 3]);
        assert_eq!(t.columns_that_fit(38), vec![0, 1, 2, 3], "exactly wide enough");
        assert_eq!(t.columns_that_fit(34), vec![0, 1, 2], "note goes first");
        assert_eq!(t.columns_that_fit(30), vec![0, 2], "then the child");
        assert_eq!(t.columns_that_fit(10), vec![0], "the case id always stays");
        for line in t.render_terminal(Some(40)).lines() {
            assert!(line.chars().count() <= 40, "{line}");
        }
    }

    #[test]
    fn csv_quotes_and_markdown_escapes() {
        let t = sample();
        assert_eq!(
            t.render_csv().expect("csv"),
            "case,child,worker,note\n2026-0201,M. R.,R. Alvarez,a long note | with a bar\n"
        );
        assert!(t.render_markdown().contains("a long note \\| with a bar"));
    }
}
