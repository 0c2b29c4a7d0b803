//! The calendar read back by an independent parser (the `ical` crate), with every
//! hostile string a case file can hold in a name, an id or a label.

use chrono::NaiveDate;
use ical::parser::ical::component::{IcalCalendar, IcalEvent};

use super::*;

fn d(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

fn entry(uid: &str, date: NaiveDate, summary: &str, description: &str) -> CalendarEntry {
    CalendarEntry {
        category: None,
        uid: uid.to_owned(),
        date,
        summary: summary.to_owned(),
        description: description.to_owned(),
    }
}

/// The one calendar of `ics`, as the `ical` crate reads it.
fn parsed(ics: &str) -> IcalCalendar {
    let mut reader = ical::IcalParser::new(ics.as_bytes());
    let calendar = reader.next().expect("a calendar").expect("valid iCalendar");
    assert!(reader.next().is_none(), "exactly one VCALENDAR");
    calendar
}

fn value(properties: &[ical::property::Property], name: &str) -> String {
    let mut found = properties.iter().filter(|p| p.name == name);
    let property = found.next().unwrap_or_else(|| panic!("{name} is written"));
    assert!(found.next().is_none(), "{name} is written once");
    property.value.clone().unwrap_or_default()
}

fn prop(event: &IcalEvent, name: &str) -> String {
    value(&event.properties, name)
}

/// RFC 5545 §3.3.11 read back: what a calendar program shows.
fn unescaped(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

/// The bidi embeddings, overrides and isolates, listed here rather than taken from
/// the code under test.
const BIDI: [char; 9] = [
    '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}',
];

/// Every physical line of the file: at most 75 octets, no control character, no bidi
/// control, and ended by CRLF.
fn assert_clean_lines(ics: &str) {
    assert!(ics.ends_with("\r\n"), "the last line ends with CRLF");
    for line in ics[..ics.len() - 2].split("\r\n") {
        assert!(line.len() <= LINE_OCTETS, "{} octets: {line:?}", line.len());
        assert!(
            !line.chars().any(|c| c.is_control() || BIDI.contains(&c)),
            "a control character in {line:?}"
        );
    }
}

const INJECTION: &str =
    "END:VEVENT\rBEGIN:VEVENT\rUID:fake@evil\rDTSTART;VALUE=DATE:20270101\rSUMMARY:FAKE EVENT";

/// Every hostile string, as the summary, the description and the id of an event.
fn hostile() -> Vec<(&'static str, String)> {
    // Ends with a letter: the `ical` crate trims spaces at the end of a value.
    let long = format!("{}Zoë", "Zoë Ångström-Łukasiewicz 👧🏽 Ñúñez, ".repeat(6));
    vec![
        ("bare CR", format!("Kid\r{INJECTION}")),
        ("CRLF", format!("Kid\r\n{}", INJECTION.replace('\r', "\r\n"))),
        ("LF", format!("Kid\n{}", INJECTION.replace('\r', "\n"))),
        ("NEL and separators", "a\u{85}b\u{2028}c\u{2029}d".to_owned()),
        ("ESC and BEL", "\u{1b}[31mred\u{1b}[0m\u{7}".to_owned()),
        (
            "C0, DEL and C1",
            "a\u{1}b\u{8}c\u{b}d\u{c}e\u{1f}f\u{7f}g\u{80}h\u{9b}i\u{9f}".to_owned(),
        ),
        ("tab", "a\tb".to_owned()),
        (
            "bidi",
            format!("\u{202e}gnp.exe{}z", BIDI.iter().collect::<String>()),
        ),
        ("TEXT specials", r"a;b,c\d\ne\;".to_owned()),
        ("long multi-byte", long),
    ]
}

/// What a calendar program must show for `raw`, line breaks as `breaks` leaves them.
fn shown(raw: &str, line_break: &str) -> String {
    raw.replace("\r\n", "\n")
        .replace(['\r', '\n', '\u{85}', '\u{2028}', '\u{2029}'], line_break)
        .replace('\t', " ")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .filter(|c| !BIDI.contains(c))
        .collect()
}

#[test]
fn hostile_text_stays_inside_its_own_value() {
    let cases = hostile();
    let entries: Vec<CalendarEntry> = cases
        .iter()
        .enumerate()
        .map(|(i, (_, s))| {
            entry(
                &format!("{i}/{s}"),
                d("2026-12-01"),
                s,
                &format!("Child: {s}\nWorker: R. Alvarez"),
            )
        })
        .collect();
    let ics = render(&entries, d("2026-11-24"));
    assert_clean_lines(&ics);
    let calendar = parsed(&ics);
    assert_eq!(
        calendar.events.len(),
        cases.len(),
        "no event added, none lost:\n{ics}"
    );
    for (event, (what, raw)) in calendar.events.iter().zip(&cases) {
        let summary = unescaped(&prop(event, "SUMMARY"));
        assert_eq!(summary, shown(raw, " "), "{what}");
        assert!(!summary.chars().any(char::is_control), "{what}: {summary:?}");
        assert_eq!(
            unescaped(&prop(event, "DESCRIPTION")),
            format!("Child: {}\nWorker: R. Alvarez", shown(raw, "\n")),
            "{what}"
        );
    }
    let uids: Vec<String> = calendar
        .events
        .iter()
        .map(|e| unescaped(&prop(e, "UID")))
        .collect();
    let want: Vec<String> = cases
        .iter()
        .enumerate()
        .map(|(i, (_, s))| format!("{i}/{}@cplan", shown(s, " ")))
        .collect();
    assert_eq!(uids, want);
    // A lenient reader ends a line at any CR or LF: it must find no more events either.
    let begins = ics.split(['\r', '\n']).filter(|l| *l == "BEGIN:VEVENT").count();
    assert_eq!(begins, cases.len());
}

#[test]
fn all_day_events_end_the_next_day_and_cplan_signs_the_file() {
    let entries = [
        entry("a", d("2026-12-31"), "year end", ""),
        entry("b", d("2028-02-28"), "leap", ""),
    ];
    let ics = render(&entries, d("2026-11-24"));
    let calendar = parsed(&ics);
    assert_eq!(
        value(&calendar.properties, "PRODID"),
        format!("-//cplan//cplan {}//EN", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(value(&calendar.properties, "VERSION"), "2.0");
    assert_eq!(value(&calendar.properties, "X-WR-CALNAME"), "cplan deadlines");
    let dates: Vec<(String, String, String)> = calendar
        .events
        .iter()
        .map(|e| (prop(e, "DTSTART"), prop(e, "DTEND"), prop(e, "DTSTAMP")))
        .collect();
    let stamp = "20261124T000000Z".to_owned();
    assert_eq!(
        dates,
        [
            ("20261231".to_owned(), "20270101".to_owned(), stamp.clone()),
            ("20280228".to_owned(), "20280229".to_owned(), stamp)
        ]
    );
    for event in &calendar.events {
        for name in ["DTSTART", "DTEND"] {
            let property = event.properties.iter().find(|p| p.name == name).expect(name);
            assert_eq!(
                property.params,
                Some(vec![("VALUE".to_owned(), vec!["DATE".to_owned()])]),
                "{name}"
            );
        }
    }
}

/// No deadline computed from a case reaches a year outside 0001–9999 (durations are
/// bounded, and a span stops at 9999-12-31), but were one to, it is left out rather
/// than written as a date no calendar program reads.
#[test]
fn a_date_icalendar_cannot_hold_is_never_written() {
    let far = |y: i32| NaiveDate::from_ymd_opt(y, 6, 1).expect("in chrono's range");
    let entries = [
        entry("year-0", far(0), "", ""),
        entry("year-minus-1", far(-1), "", ""),
        entry("year-10000", far(10000), "", ""),
        entry("first", d("0001-01-01"), "", ""),
        entry("last", d("9999-12-31"), "", ""),
        entry("max", NaiveDate::MAX, "", ""),
        entry("min", NaiveDate::MIN, "", ""),
    ];
    let ics = render(&entries, far(0));
    let calendar = parsed(&ics);
    let uids: Vec<String> = calendar.events.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(uids, ["first@cplan", "last@cplan"]);
    assert_eq!(prop(&calendar.events[0], "DTSTART"), "00010101");
    assert_eq!(prop(&calendar.events[0], "DTEND"), "00010102");
    assert_eq!(prop(&calendar.events[0], "DTSTAMP"), "00010101T000000Z");
    let last = &calendar.events[1];
    assert_eq!(prop(last, "DTSTART"), "99991231");
    assert!(
        !last.properties.iter().any(|p| p.name == "DTEND"),
        "no year 10000: a DATE event without DTEND lasts the day"
    );
}

#[test]
fn text_escapes_per_rfc_5545() {
    assert_eq!(text(r"a;b,c\d", Breaks::Space), r"a\;b\,c\\d");
    assert_eq!(text("a\r\nb\rc\nd", Breaks::Escaped), r"a\nb\nc\nd");
    assert_eq!(text("a\r\nb\rc\nd", Breaks::Space), "a b c d");
    assert_eq!(text("a\r\r\nb", Breaks::Escaped), r"a\n\nb");
    assert_eq!(
        text("\u{0}\u{1b}x\u{7f}\u{9b}\u{202e}y\u{2069}", Breaks::Escaped),
        "xy"
    );
    assert_eq!(text("Zoë 👧🏽", Breaks::Space), "Zoë 👧🏽");
}

#[test]
fn lines_fold_at_75_octets_between_characters() {
    for filler in ["x", "é", "€", "👧", "a€👧é "] {
        let value = filler.repeat(200);
        let folded = fold(&format!("SUMMARY:{value}"));
        assert_clean_lines(&folded);
        assert_eq!(
            folded.replace("\r\n ", ""),
            format!("SUMMARY:{value}\r\n"),
            "{filler}"
        );
        assert!(folded.lines().skip(1).all(|l| l.starts_with(' ')), "{folded}");
    }
    let exactly = format!("SUMMARY:{}", "x".repeat(67));
    assert_eq!(
        fold(&exactly),
        format!("{exactly}\r\n"),
        "75 octets fit on one line"
    );
    // A fold never leaves a space at the end of a line, where some readers drop it.
    let words = fold(&format!("DESCRIPTION:{}end", "word ".repeat(40)));
    assert!(words.split("\r\n").all(|l| !l.ends_with(' ')), "{words}");
}
