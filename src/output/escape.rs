//! What each output format does with a string that came from a case file or a file
//! name, in one place per format: called by the renderers only, never at call sites.
//!
//! Case files are written by many hands and copied from e-mails and other systems.
//! A name may hold a terminal escape (`ESC ] 52` writes the clipboard), a line break
//! that forges a line of `--format concise`, a spreadsheet formula, Markdown that
//! becomes a link or HTML, or a right-to-left override that reverses what a reader
//! sees. Each sink turns such text into something its reader shows as text.

use std::borrow::Cow;

/// Where text is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sink {
    /// A terminal, a log or a plain-text mail: one line stays one line.
    Terminal,
    /// CommonMark / GitHub-flavoured Markdown text (also inside table cells).
    Markdown,
}

/// `text` as `sink` must write it.
pub fn escape(sink: Sink, text: &str) -> Cow<'_, str> {
    match sink {
        Sink::Terminal => terminal(text),
        Sink::Markdown => markdown(text),
    }
}

/// Characters a terminal would act on rather than show: C0 and C1 controls (escape
/// sequences, bell, backspace, line breaks), DEL, and the Unicode overrides and
/// separators that reorder or break what is shown.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// A visible stand-in for an unsafe character: `\e`, `\n`, `\r`, `\t`, else `\u{…}`.
fn visible(c: char, out: &mut String) {
    match c {
        '\u{1b}' => out.push_str("\\e"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        other => out.push_str(&format!("\\u{{{:X}}}", u32::from(other))),
    }
}

fn terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_char(c) {
            visible(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Markdown punctuation that could start a link, an image, HTML, code, bold text, a
/// heading or a table cell, each written with a backslash (CommonMark lets any ASCII
/// punctuation be escaped so), so that data is always shown as the text it is. `_`
/// inside a word (`court_report_days`) is left alone: it makes no emphasis there, and
/// escaping it would clutter every mail read as plain text.
fn is_markdown_active(c: char) -> bool {
    matches!(c, '\\' | '|' | '<' | '>' | '[' | ']' | '`' | '*' | '#')
}

fn markdown(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe_char(c) || is_markdown_active(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            // A line break would end a table row or a paragraph: data stays on its line.
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if is_unsafe_char(c) => visible(c, &mut out),
            c if is_markdown_active(c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_sees_no_control_character() {
        let hostile = "mo\u{1b}]52;c;aGVsbG8=\u{7}ther\nnext\u{202E}line\u{8}";
        let shown = escape(Sink::Terminal, hostile);
        assert!(!shown.chars().any(is_unsafe_char), "{shown}");
        assert_eq!(shown, "mo\\e]52;c;aGVsbG8=\\u{7}ther\\nnext\\u{202E}line\\u{8}");
        assert!(matches!(escape(Sink::Terminal, "Lucía Ortiz"), Cow::Borrowed(_)));
    }

    #[test]
    fn markdown_data_cannot_become_markup() {
        let hostile = "Okafor\n\n<img src=x onerror=alert(1)>\r## Fake [click](https://evil.example) | `x`";
        let shown = escape(Sink::Markdown, hostile);
        assert!(!shown.contains('\n') && !shown.contains('\r'), "{shown}");
        let chars: Vec<char> = shown.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if matches!(c, '<' | '>' | '[' | ']' | '|' | '`' | '#') {
                assert_eq!(chars.get(i.wrapping_sub(1)), Some(&'\\'), "{c} at {i} in {shown}");
            }
        }
        assert_eq!(escape(Sink::Markdown, "R. Alvarez"), "R. Alvarez");
    }
}
