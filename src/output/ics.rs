//! `deadlines --format ics`: one all-day VEVENT per deadline (RFC 5545), for calendars.
//!
//! A UID names the deadline, not its date: the case, the kind, what it is about and
//! which cycle it is. When a due date moves, re-importing the file updates the event
//! instead of adding a second one. DTSTAMP is the as-of date, so the same input gives
//! the same file.

use chrono::NaiveDate;
use icalendar::{Calendar, Component, Event, EventLike};

/// What one calendar event says.
pub struct CalendarEntry {
    /// Stable identity without the date: `2026-0201/periodic_review//2`.
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
}

pub fn render(entries: &[CalendarEntry], as_of: NaiveDate) -> String {
    let stamp = as_of
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or_default();
    let mut calendar = Calendar::new();
    calendar.name("cplan deadlines");
    for entry in entries {
        calendar.push(
            Event::new()
                .uid(&format!("{}@cplan", entry.uid))
                .timestamp(stamp)
                .all_day(entry.date)
                .summary(&entry.summary)
                .description(&entry.description)
                .done(),
        );
    }
    calendar.done().to_string()
}
