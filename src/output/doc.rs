//! A report as a document: a title, headings, paragraphs, lists and tables, drawn as
//! terminal text or Markdown by one renderer each, which escape every string they write
//! (`escape`). Reports say what to show; only these renderers know a format.

use std::fmt::Write;

use super::escape::{Sink, escape};
use super::table::Table;

/// A report: blocks in reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The report's title: one per document, first.
    Title(Text),
    Heading(Text),
    Para(Text),
    Items(Vec<Text>),
    Table(Table),
}

/// A run of text made of spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(pub Vec<Span>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Plain(String),
    /// A command, a file name or a key, as it would be typed.
    Code(String),
    Strong(String),
    /// Something overdue or failing: bold red on a colour terminal, bold elsewhere.
    Alert(String),
}

impl Text {
    pub fn plain(text: impl Into<String>) -> Text {
        Text(vec![Span::Plain(text.into())])
    }

    pub fn push(mut self, span: Span) -> Text {
        self.0.push(span);
        self
    }

    pub fn and(self, text: impl Into<String>) -> Text {
        self.push(Span::Plain(text.into()))
    }

    pub fn code(self, text: impl Into<String>) -> Text {
        self.push(Span::Code(text.into()))
    }

    pub fn strong(self, text: impl Into<String>) -> Text {
        self.push(Span::Strong(text.into()))
    }

    pub fn alert(self, text: impl Into<String>) -> Text {
        self.push(Span::Alert(text.into()))
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::plain(text)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text::plain(text)
    }
}

impl Doc {
    pub fn new() -> Doc {
        Doc::default()
    }

    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// Terminal text, tables fitted to `width` (`None`: full width); `color` draws
    /// strong and alert spans with ANSI styles.
    pub fn to_text(&self, width: Option<u16>, color: bool) -> String {
        let mut out = String::new();
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 && matches!(block, Block::Heading(_)) {
                out.push('\n');
            }
            match block {
                Block::Title(text) | Block::Heading(text) | Block::Para(text) => {
                    let _ = writeln!(out, "{}", terminal_text(text, color));
                }
                Block::Items(items) => {
                    for item in items {
                        let _ = writeln!(out, "  - {}", terminal_text(item, color));
                    }
                }
                Block::Table(table) => {
                    let _ = writeln!(out, "{}", table.render_terminal(width));
                }
            }
        }
        out
    }

    /// CommonMark with GitHub tables.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            match block {
                Block::Title(text) => {
                    let _ = writeln!(out, "# {}\n", markdown_text(text));
                }
                Block::Heading(text) => {
                    let _ = writeln!(out, "## {}\n", markdown_text(text));
                }
                Block::Para(text) => {
                    let _ = writeln!(out, "{}\n", markdown_text(text));
                }
                Block::Items(items) => {
                    for item in items {
                        let _ = writeln!(out, "- {}", markdown_text(item));
                    }
                    out.push('\n');
                }
                Block::Table(table) => {
                    let _ = writeln!(out, "{}", table.render_markdown());
                }
            }
        }
        out
    }
}

const BOLD: &str = "\u{1b}[1m";
const BOLD_RED: &str = "\u{1b}[1;31m";
const RESET: &str = "\u{1b}[0m";

fn terminal_text(text: &Text, color: bool) -> String {
    let mut out = String::new();
    for span in &text.0 {
        match span {
            Span::Plain(s) => out.push_str(&escape(Sink::Terminal, s)),
            // Backticks, as cplan's own messages quote a command or a key.
            Span::Code(s) => {
                let _ = write!(out, "`{}`", escape(Sink::Terminal, s));
            }
            Span::Strong(s) if color => {
                let _ = write!(out, "{BOLD}{}{RESET}", escape(Sink::Terminal, s));
            }
            Span::Alert(s) if color => {
                let _ = write!(out, "{BOLD_RED}{}{RESET}", escape(Sink::Terminal, s));
            }
            Span::Strong(s) | Span::Alert(s) => out.push_str(&escape(Sink::Terminal, s)),
        }
    }
    out
}

fn markdown_text(text: &Text) -> String {
    let mut out = String::new();
    for span in &text.0 {
        match span {
            Span::Plain(s) => out.push_str(&escape(Sink::Markdown, s)),
            Span::Code(s) => out.push_str(&markdown_code(s)),
            Span::Strong(s) | Span::Alert(s) => {
                let _ = write!(out, "**{}**", escape(Sink::Markdown, s));
            }
        }
    }
    out
}

/// `s` as a Markdown code span: inside one nothing is markup but a backtick ends it,
/// so a backtick in a file name is shown as `'`; a line break would end the paragraph.
fn markdown_code(s: &str) -> String {
    let inner: String = escape(Sink::Terminal, s)
        .chars()
        .map(|c| if c == '`' { '\'' } else { c })
        .collect();
    format!("`{inner}`")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Doc {
        let mut doc = Doc::new();
        doc.push(Block::Title(Text::plain("Deadlines of ").code("cases/x`y")));
        doc.push(Block::Para(Text::plain("2 overdue: ").alert("Kid\u{1b}[31mRED")));
        doc.push(Block::Heading(Text::plain("## Fake\nheading")));
        doc.push(Block::Items(vec![Text::plain("[click](https://evil.example)")]));
        doc
    }

    #[test]
    fn markdown_escapes_data_in_every_block() {
        let md = doc().to_markdown();
        assert!(md.starts_with("# Deadlines of `cases/x'y`\n"), "{md}");
        assert!(md.contains("**Kid\\e\\[31mRED**"), "{md}");
        assert!(md.contains("## \\#\\# Fake heading\n"), "{md}");
        assert!(md.contains("- \\[click\\](https://evil.example)\n"), "{md}");
    }

    #[test]
    fn terminal_text_has_no_escape_byte_without_colour() {
        let text = doc().to_text(None, false);
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("Kid\\e[31mRED"), "{text}");
        assert!(text.starts_with("Deadlines of `cases/x`y`"), "{text}");
        assert!(
            doc()
                .to_text(None, true)
                .contains("\u{1b}[1;31mKid\\e[31mRED\u{1b}[0m")
        );
    }
}
