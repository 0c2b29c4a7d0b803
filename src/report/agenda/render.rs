//! The agenda in each format, drawn from its one document (`outline::document`):
//! Markdown (the default, ready to paste into a meeting invite or a wiki), plain text
//! for mail and printing, and HTML (`cli/agenda.rs` writes a page of agendas).

use super::Agenda;
use super::outline::document;

/// One agenda after another, separated by a horizontal rule.
pub fn render_markdown(agendas: &[Agenda]) -> String {
    agendas
        .iter()
        .map(markdown_one)
        .collect::<Vec<_>>()
        .join(MARKDOWN_SEPARATOR)
}

/// What goes between two agendas in Markdown.
pub const MARKDOWN_SEPARATOR: &str = "\n---\n\n";

pub fn markdown_one(agenda: &Agenda) -> String {
    one_newline(document(agenda, None).to_markdown())
}

/// One agenda after another, separated by a line of `=`.
pub fn render_text(agendas: &[Agenda]) -> String {
    agendas
        .iter()
        .map(text_one)
        .collect::<Vec<_>>()
        .join(&text_separator())
}

/// What goes between two agendas in plain text.
pub fn text_separator() -> String {
    format!("\n{}\n\n", "=".repeat(72))
}

pub fn text_one(agenda: &Agenda) -> String {
    one_newline(document(agenda, None).to_text(crate::output::table::Drawing::plain()))
}

/// One newline at the end, whatever the last section drew, so agendas join evenly.
fn one_newline(text: String) -> String {
    let mut out = text.trim_end().to_owned();
    out.push('\n');
    out
}
