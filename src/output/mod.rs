//! Writing results in the formats CLI.md lists.
pub mod check_concise;
pub mod check_github;
pub mod check_json;
pub mod check_sarif;
pub mod check_text;
pub mod ics;
pub mod table;

/// Pretty JSON with a final newline, for every `--format json`.
pub fn json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}
