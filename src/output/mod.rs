//! Writing results in the formats the README lists.
pub mod check_concise;
pub mod check_github;
pub mod check_json;
pub mod check_sarif;
pub mod check_text;
pub mod doc;
pub mod escape;
pub mod ics;
pub mod out;
pub mod svg;
pub mod table;

/// A `check` format written as the run goes, so memory never holds a caseload's
/// findings: what comes before the first finding, each finding as the check hands it
/// on, and what comes after the last (the counts, the summary).
pub trait CheckWriter {
    fn start(&mut self, _out: &mut dyn std::io::Write, _as_of: chrono::NaiveDate) -> std::io::Result<()> {
        Ok(())
    }

    fn finding(
        &mut self,
        out: &mut dyn std::io::Write,
        finding: &crate::finding::Finding,
    ) -> std::io::Result<()>;

    fn end(&mut self, out: &mut dyn std::io::Write, run: &crate::check::CheckRun) -> std::io::Result<()>;
}

/// A finished run written whole with `writer` (tests, and callers that hold the run).
pub fn render_check(writer: &mut dyn CheckWriter, run: &crate::check::CheckRun) -> String {
    let mut out = Vec::new();
    let as_of = run.as_of.unwrap_or_default();
    let written = writer.start(&mut out, as_of).and_then(|()| {
        run.findings
            .iter()
            .try_for_each(|f| writer.finding(&mut out, f))
            .and_then(|()| writer.end(&mut out, run))
    });
    // Writing to memory cannot fail.
    debug_assert!(written.is_ok());
    String::from_utf8_lossy(&out).into_owned()
}

/// `value` as pretty JSON, every line indented by `spaces`: an item of a list that a
/// writer streams inside a larger document.
pub fn indented_json<T: serde::Serialize>(value: &T, spaces: usize) -> String {
    let pretty = serde_json::to_string_pretty(value).unwrap_or_default();
    let pad = " ".repeat(spaces);
    pretty
        .lines()
        .map(|line| format!("{pad}{line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Pretty JSON with a final newline, for every `--format json`.
pub fn json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes `value` as pretty JSON with a final newline, as it is serialized: a report
/// holding a `Streamed` list goes out an item at a time.
pub fn write_json<W: std::io::Write, T: serde::Serialize>(out: W, value: &T) -> std::io::Result<()> {
    let mut out = out;
    serde_json::to_writer_pretty(&mut out, value)?;
    out.write_all(b"\n")
}

/// Writes `items` as a pretty JSON list, the same text `json(&vec)` gives, one item at
/// a time: a report over a whole state's caseload is never held as text in memory.
pub fn write_json_list<W, T, I>(out: W, items: I) -> std::io::Result<()>
where
    W: std::io::Write,
    T: serde::Serialize,
    I: IntoIterator<Item = T>,
{
    write_json(out, &Streamed::new(items))
}

/// An iterator that serializes as a JSON list, once, an item at a time: a field of a
/// report that is written as it is made.
pub struct Streamed<I>(std::cell::Cell<Option<I>>);

impl<I> Streamed<I> {
    pub fn new(items: I) -> Streamed<I> {
        Streamed(std::cell::Cell::new(Some(items)))
    }
}

impl<T: serde::Serialize, I: IntoIterator<Item = T>> serde::Serialize for Streamed<I> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A report serializes it exactly once; a second time gives `[]`.
        serializer.collect_seq(self.0.take().into_iter().flatten())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_streamed_json_list_is_the_same_text_as_the_whole_list() {
        for items in [vec![], vec![("a", 1)], vec![("a", 1), ("b\"", 2)]] {
            let mut streamed = Vec::new();
            write_json_list(&mut streamed, items.iter()).expect("writes to memory");
            assert_eq!(String::from_utf8_lossy(&streamed), json(&items));
        }
    }
}
