//! A report as a document: a title, headings, paragraphs, lists and tables, drawn as
//! terminal text or Markdown by one renderer each, which escape every string they write
//! (`escape`). Reports say what to show; only these renderers know a format.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::escape::{Sink, escape};
use super::table::{Drawing, Table};

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

    /// Terminal text, tables fitted to the drawing's width; its `color` draws strong
    /// and alert spans and rows with ANSI styles.
    pub fn to_text(&self, drawing: Drawing) -> String {
        let color = drawing.color;
        let mut out = String::new();
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 && matches!(block, Block::Heading(_)) {
                out.push('\n');
            }
            match block {
                Block::Title(text) | Block::Heading(text) | Block::Para(text) => {
                    for line in terminal_lines(text, color, drawing.width, "", "") {
                        let _ = writeln!(out, "{line}");
                    }
                }
                Block::Items(items) => {
                    for item in items {
                        for line in terminal_lines(item, color, drawing.width, "  - ", "    ") {
                            let _ = writeln!(out, "{line}");
                        }
                    }
                }
                Block::Table(table) => {
                    let _ = writeln!(out, "{}", table.render_terminal(drawing));
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

/// A piece of a word and its style (`None`: plain).
type Piece = (Option<&'static str>, String);

/// `text` for a terminal in lines of at most `width` columns, broken at spaces only
/// (a word longer than the line stands alone), the first line after `first` and the
/// others after `rest`. Styles are added after the breaks are chosen, so the escape
/// codes never count as width.
fn terminal_lines(text: &Text, color: bool, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut words: Vec<Vec<Piece>> = Vec::new();
    let mut glued = false;
    for span in &text.0 {
        let (style, content) = match span {
            Span::Plain(s) => (None, escape(Sink::Terminal, s).into_owned()),
            // Backticks, as cplan's own messages quote a command or a key.
            Span::Code(s) => (None, format!("`{}`", escape(Sink::Terminal, s))),
            Span::Strong(s) => (color.then_some(BOLD), escape(Sink::Terminal, s).into_owned()),
            Span::Alert(s) => (color.then_some(BOLD_RED), escape(Sink::Terminal, s).into_owned()),
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
    let word_width = |w: &[Piece]| w.iter().map(|(_, t)| t.width()).sum::<usize>();
    let mut lines: Vec<(usize, Vec<&[Piece]>)> = vec![(first.width(), Vec::new())];
    for word in &words {
        let w = word_width(word);
        let (used, line) = lines
            .last_mut()
            .map(|(u, l)| (*u, l.is_empty()))
            .unwrap_or((0, true));
        if !line && used + 1 + w > width {
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

    fn drawing(color: bool) -> Drawing {
        Drawing {
            width: 100,
            borders: crate::output::table::Borders::Unicode,
            color,
        }
    }

    #[test]
    fn paragraphs_wrap_at_spaces_and_styles_do_not_count_as_width() {
        let text = Text::plain("12 deadlines: ")
            .alert("3 overdue")
            .and(", 0 due soon, 9 upcoming");
        let lines = terminal_lines(&text, true, 24, "", "");
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(
            lines[0],
            "12 deadlines: \u{1b}[1;31m3\u{1b}[0m \u{1b}[1;31moverdue\u{1b}[0m,"
        );
        assert_eq!(lines[1], "0 due soon, 9 upcoming");
        let item = terminal_lines(&Text::plain("a b c d e f g h"), false, 9, "  - ", "    ");
        assert_eq!(item, ["  - a b c", "    d e f", "    g h"]);
    }

    #[test]
    fn terminal_text_has_no_escape_byte_without_colour() {
        let text = doc().to_text(drawing(false));
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("Kid\\e[31mRED"), "{text}");
        assert!(text.starts_with("Deadlines of `cases/x`y`"), "{text}");
        assert!(
            doc()
                .to_text(drawing(true))
                .contains("\u{1b}[1;31mKid\\e[31mRED\u{1b}[0m")
        );
    }
}
