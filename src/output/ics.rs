//! `deadlines --format ics`: one all-day VEVENT per deadline (RFC 5545), for calendars.
//!
//! A UID names the deadline, not its date: the case, the kind, what it is about and
//! which cycle it is. When a due date moves, re-importing the file updates the event
//! instead of adding a second one. DTSTAMP is the as-of date, so the same input gives
//! the same file.
//!
//! Written here rather than with a calendar crate: the few lines of RFC 5545 this
//! needs are simpler than working around one. The `icalendar` crate, used before,
//! wrote a bare CR in a name as it was (a calendar program then read a line break,
//! and a name could add an event of its own), ended every all-day event on the day
//! it began, and named itself in PRODID.
//!
//! Every value passes through `text` (RFC 5545 §3.3.11 TEXT) and every line through
//! `fold`, in `write_events` and nowhere else, so no caller can forget either.

use std::borrow::Borrow;

use chrono::{Datelike, Days, NaiveDate};

use super::out::Out;

use crate::policy::arith::{FIRST_DAY, LAST_DAY};

/// What one calendar event says.
pub struct CalendarEntry {
    /// Stable identity without the date: `2026-0201/periodic_review//2`.
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
    /// A category to file the event under (the worker, with `--by worker`).
    pub category: Option<String>,
}

/// PRODID (RFC 5545 §3.7.3): who wrote the file, with the version that wrote it.
const PRODID: &str = concat!("-//cplan//cplan ", env!("CARGO_PKG_VERSION"), "//EN");
const CALENDAR_NAME: &str = "cplan deadlines";
/// Longest content line in octets, CRLF not counted (RFC 5545 §3.1).
const LINE_OCTETS: usize = 75;

/// The calendar of `entries`. An entry whose date iCalendar cannot write (a year
/// outside 0001–9999) is left out rather than written as a date calendar programs
/// reject. No deadline has such a date (deadlines stop at `FIRST_DAY` and `LAST_DAY`):
/// this is the last line of defence, not a way things are meant to go.
pub fn render(entries: &[CalendarEntry], as_of: NaiveDate) -> String {
    let mut out = Out::kept();
    write_events(&mut out, entries.iter(), as_of);
    out.into_text()
}

/// `render` written to `w` an event at a time, as `entries` are made: a state's
/// calendar is never held whole.
pub fn write<E: Borrow<CalendarEntry>>(
    w: &mut dyn std::io::Write,
    entries: impl Iterator<Item = E>,
    as_of: NaiveDate,
) -> std::io::Result<()> {
    let mut out = Out::to(w);
    write_events(&mut out, entries, as_of);
    out.finish()
}

fn write_events<E: Borrow<CalendarEntry>>(
    out: &mut Out<'_>,
    entries: impl Iterator<Item = E>,
    as_of: NaiveDate,
) {
    let line = |out: &mut Out<'_>, name: &str, value: &str| out.push_str(&fold(&format!("{name}:{value}")));
    line(out, "BEGIN", "VCALENDAR");
    line(out, "VERSION", "2.0");
    line(out, "PRODID", &text(PRODID, Breaks::Space));
    line(out, "CALSCALE", "GREGORIAN");
    line(out, "NAME", &text(CALENDAR_NAME, Breaks::Space));
    line(out, "X-WR-CALNAME", &text(CALENDAR_NAME, Breaks::Space));
    let stamp = format!(
        "{}T000000Z",
        date(as_of.clamp(FIRST_DAY, LAST_DAY)).unwrap_or_default()
    );
    for entry in entries {
        let entry = entry.borrow();
        let Some(start) = date(entry.date) else { continue };
        // Properties in name order, as files written before have them.
        line(out, "BEGIN", "VEVENT");
        if let Some(category) = &entry.category {
            // One category: a comma inside it is escaped by `text`, not a separator.
            line(out, "CATEGORIES", &text(category, Breaks::Space));
        }
        line(out, "DESCRIPTION", &text(&entry.description, Breaks::Escaped));
        // An all-day event ends, exclusively, the next day (RFC 5545 §3.8.2.2). On
        // 9999-12-31 there is no next day to write: without DTEND a DATE event lasts
        // one day all the same (§3.6.1).
        if let Some(end) = entry.date.checked_add_days(Days::new(1)).and_then(date) {
            line(out, "DTEND;VALUE=DATE", &end);
        }
        line(out, "DTSTAMP", &stamp);
        line(out, "DTSTART;VALUE=DATE", &start);
        line(out, "SUMMARY", &text(&entry.summary, Breaks::Space));
        line(out, "UID", &text(&format!("{}@cplan", entry.uid), Breaks::Space));
        line(out, "END", "VEVENT");
        out.pass_on();
        if out.failed() {
            return;
        }
    }
    line(out, "END", "VCALENDAR");
}

/// A DATE value (`YYYYMMDD`), or `None` when the year has not four digits.
fn date(d: NaiveDate) -> Option<String> {
    (FIRST_DAY..=LAST_DAY)
        .contains(&d)
        .then(|| format!("{:04}{:02}{:02}", d.year(), d.month(), d.day()))
}

/// What a line break in a value becomes.
#[derive(Clone, Copy)]
enum Breaks {
    /// `\n`, which calendar programs show as a line break (DESCRIPTION).
    Escaped,
    /// A space: a summary or an identifier is one line.
    Space,
}

/// A TEXT value (RFC 5545 §3.3.11) that no content can break out of: `\`, `;` and `,`
/// escaped; CRLF, CR, LF, NEL and the Unicode line and paragraph separators made one
/// line break each; a tab a space; every other control character (C0, DEL, C1)
/// dropped, as TEXT cannot hold them; and the bidirectional overrides and isolates
/// dropped, which could show a name reversed or disguised.
fn text(value: &str, breaks: Breaks) -> String {
    let line_break = match breaks {
        Breaks::Escaped => "\\n",
        Breaks::Space => " ",
    };
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {} // CRLF: one break, written at its LF
            '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push_str(line_break),
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\t' => out.push(' '),
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// The embeddings, overrides and isolates of the Unicode bidirectional algorithm.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A content line folded at 75 octets (RFC 5545 §3.1), each continuation starting with
/// a space, never inside a UTF-8 character, and ended with CRLF. A fold is moved back
/// before spaces that would end a line, as some readers trim them.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / LINE_OCTETS * 3 + 2);
    let mut rest = line;
    let mut limit = LINE_OCTETS;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let kept = rest[..cut].trim_end_matches(' ');
        if !kept.is_empty() {
            cut = kept.len();
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = LINE_OCTETS - 1; // the leading space counts
    }
    out.push_str(rest);
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests;
