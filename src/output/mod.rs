//! Writing results in the formats CLI.md lists.
pub mod check_concise;
pub mod check_github;
pub mod check_json;
pub mod check_sarif;
pub mod check_text;
pub mod doc;
pub mod escape;
pub mod ics;
pub mod svg;
pub mod table;

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
