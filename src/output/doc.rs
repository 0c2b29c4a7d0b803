//! A report as a document: a title, headings, paragraphs, lists, tables and figures,
//! drawn as terminal text, Markdown or HTML by one renderer each (`doc/text.rs`,
//! `doc/markdown.rs`, `doc/html.rs`), which escape every string they write. Reports say
//! what to show; only these renderers know a format.

mod html;
mod markdown;
mod text;

pub use html::{HTML_END, html_start};

use std::io;

use super::out::Out;
use super::svg::Figure;
use super::table::{Drawing, Table};

/// A report: blocks in reading order. A table's rows may borrow what the report holds
/// (`Table::made`), hence the lifetime.
#[derive(Debug, Clone, Default)]
pub struct Doc<'a> {
    pub blocks: Vec<Block<'a>>,
}

#[derive(Debug, Clone)]
pub enum Block<'a> {
    /// The report's title: one per document, first.
    Title(Text),
    /// Starts a section.
    Heading(Text),
    /// A heading inside a section.
    Subheading(Text),
    Para(Text),
    /// A list, each item with an optional label and items of its own.
    Items(Vec<Item>),
    /// A list whose items are made as it is written (a whole caseload's cases).
    MadeItems(MadeList<'a>),
    Numbered(Vec<Text>),
    Table(Table<'a>),
    /// A table whose rows read as records: a table in Markdown and HTML; in text, the
    /// first `head` cells of a row on one line and the others below them with their
    /// headers, so that long cells fit a mail or a printed page.
    Records {
        table: Table<'a>,
        head: usize,
    },
    /// A picture (HTML only: text and Markdown say the same in words elsewhere).
    Figure(Figure),
    /// In print, the next section starts a new page (HTML only).
    NewPage,
}

/// Items made on demand, as `MakeRows` makes a table's rows: each item may be made
/// more than once, so making one must not change anything.
pub trait MakeItems {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn item(&self, i: usize) -> Item;
}

/// The items of a `Block::MadeItems`.
pub type MadeList<'a> = std::sync::Arc<dyn MakeItems + Send + Sync + 'a>;

impl std::fmt::Debug for dyn MakeItems + Send + Sync + '_ {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MadeItems({})", self.len())
    }
}

/// A list item: "**Child:** Caleb Ferris, 13 years old", with items under it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Item {
    pub label: Option<Text>,
    pub text: Text,
    pub children: Vec<Item>,
}

impl Item {
    pub fn labelled(label: impl Into<Text>, text: impl Into<Text>) -> Item {
        Item {
            label: Some(label.into()),
            text: text.into(),
            children: Vec::new(),
        }
    }

    pub fn with(mut self, children: Vec<Item>) -> Item {
        self.children = children;
        self
    }
}

impl From<Text> for Item {
    fn from(text: Text) -> Item {
        Item {
            label: None,
            text,
            children: Vec::new(),
        }
    }
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

    /// A sentence in cplan's words, where a key or a value is quoted in backticks
    /// ("set `plan.primary: concurrent`"): what is between two backticks is code, the
    /// rest plain text; a backtick without its pair stays a backtick.
    pub fn message(text: &str) -> Text {
        let parts: Vec<&str> = text.split('`').collect();
        let paired = parts.len() % 2 == 1;
        let mut spans = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            let last = i + 1 == parts.len();
            if i % 2 == 1 && (paired || !last) {
                spans.push(Span::Code((*part).to_owned()));
            } else if i % 2 == 1 {
                spans.push(Span::Plain(format!("`{part}")));
            } else if !part.is_empty() {
                spans.push(Span::Plain((*part).to_owned()));
            }
        }
        Text(spans)
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

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|span| match span {
            Span::Plain(s) | Span::Code(s) | Span::Strong(s) | Span::Alert(s) => s.is_empty(),
        })
    }

    /// The words without their styles (an HTML page's `<title>`).
    pub fn words(&self) -> String {
        self.0
            .iter()
            .map(|span| match span {
                Span::Plain(s) | Span::Code(s) | Span::Strong(s) | Span::Alert(s) => s.as_str(),
            })
            .collect()
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

impl<'a> Doc<'a> {
    pub fn new() -> Doc<'a> {
        Doc::default()
    }

    pub fn push(&mut self, block: Block<'a>) {
        self.blocks.push(block);
    }

    /// The words of the title block, if there is one.
    pub fn title(&self) -> String {
        self.blocks
            .iter()
            .find_map(|b| match b {
                Block::Title(text) => Some(text.words()),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// Terminal text, paragraphs and tables fitted to the drawing's width; its
    /// `color` draws strong and alert spans and overdue rows with ANSI styles.
    pub fn to_text(&self, drawing: Drawing) -> String {
        let mut out = Out::kept();
        text::render(self, drawing, &mut out);
        out.into_text()
    }

    /// `to_text` written to `w` as it is made (a report of a whole caseload).
    pub fn write_text(&self, w: &mut dyn io::Write, drawing: Drawing) -> io::Result<()> {
        let mut out = Out::to(w);
        text::render(self, drawing, &mut out);
        out.finish()
    }

    /// CommonMark with GitHub tables.
    pub fn to_markdown(&self) -> String {
        let mut out = Out::kept();
        markdown::render(self, &mut out);
        out.into_text()
    }

    /// `to_markdown` written to `w` as it is made.
    pub fn write_markdown(&self, w: &mut dyn io::Write) -> io::Result<()> {
        let mut out = Out::to(w);
        markdown::render(self, &mut out);
        out.finish()
    }

    /// One self-contained HTML page: inline style sheet, no script, nothing fetched.
    pub fn to_html(&self) -> String {
        let mut out = Out::kept();
        self.html_page(&mut out);
        out.into_text()
    }

    /// `to_html` written to `w` as it is made.
    pub fn write_html(&self, w: &mut dyn io::Write) -> io::Result<()> {
        let mut out = Out::to(w);
        self.html_page(&mut out);
        out.finish()
    }

    fn html_page(&self, out: &mut Out<'_>) {
        out.push_str(&html_start(&self.title()));
        html::article(self, out);
        out.push_str(HTML_END);
    }

    /// The document as an `<article>`, for a page holding several (agendas).
    pub fn to_html_article(&self) -> String {
        let mut out = Out::kept();
        html::article(self, &mut out);
        out.into_text()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Doc<'static> {
        let mut doc = Doc::new();
        doc.push(Block::Title(Text::plain("Deadlines of ").code("cases/x`y")));
        doc.push(Block::Para(Text::plain("2 overdue: ").alert("Kid\u{1b}[31mRED")));
        doc.push(Block::Heading(Text::plain("## Fake\nheading")));
        doc.push(Block::Items(vec![
            Text::plain("[click](https://evil.example)").into(),
        ]));
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

    #[test]
    fn html_escapes_data_in_every_block() {
        let html = doc().to_html();
        assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
        assert!(html.contains("<title>Deadlines of cases/x`y</title>"), "{html}");
        assert!(
            html.contains("<strong class=\"alert\">Kid\\e[31mRED</strong>"),
            "{html}"
        );
        assert!(html.contains("<h2>## Fake heading</h2>"), "{html}");
        assert!(!html.contains("<a "), "{html}");
    }

    #[test]
    fn a_message_quotes_code_in_backticks_and_keeps_a_lone_one() {
        assert_eq!(
            Text::message("set `plan.primary` now"),
            Text::plain("set ").code("plan.primary").and(" now")
        );
        assert_eq!(Text::message("odd ` one"), Text::plain("odd ").and("` one"));
        assert_eq!(Text::message("plain"), Text::plain("plain"));
    }
}
