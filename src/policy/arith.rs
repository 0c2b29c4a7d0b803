//! Calendar arithmetic exactly as docs/deadlines.md "Arithmetic" fixes it.
//!
//! Deadlines are legal dates, so `D + N months` must not drift the way "30 days a
//! month" would, and no input (however odd a case file or flag is) may panic: every
//! function here saturates instead. `add_days` and `add_months` saturate at chrono's
//! first or last representable date, so that loops stepping through months always
//! move past the last date a report can show; a `Span` (the durations files and flags
//! write, at most 100 years) saturates at the first or last day of a four-digit year,
//! so that no deadline a profile computes falls outside what every output format
//! (ISO 8601, iCalendar) can write.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};

/// `d + n` calendar days, `d` being day 0 (2026-01-10 + 60 = 2026-03-11).
///
/// Saturates at `NaiveDate::MIN`/`MAX` so that a far-fetched date in a file becomes a
/// far-fetched deadline rather than a crash.
pub fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    let days = Days::new(n.unsigned_abs());
    if n >= 0 {
        d.checked_add_days(days).unwrap_or(NaiveDate::MAX)
    } else {
        d.checked_sub_days(days).unwrap_or(NaiveDate::MIN)
    }
}

/// The same day of the month `n` months later (`n` may be negative), clamped to the
/// last day of that month: 2026-01-31 + 1 = 2026-02-28, 2028-01-31 + 1 = 2028-02-29.
///
/// The month is computed from `d` in one step, never by chaining single months, so
/// `d + 2 months` keeps the 31st where a month in between has fewer days. A month
/// outside chrono's range saturates to its first or last representable month (with
/// the same clamped day), which keeps "the result's day ≤ the input's day" true.
pub fn add_months(d: NaiveDate, n: i32) -> NaiveDate {
    let first = month_index(NaiveDate::MIN);
    let last = month_index(NaiveDate::MAX);
    let target = (month_index(d) + i64::from(n)).clamp(first, last);
    let (year, month) = split_month_index(target);
    let day = d.day().min(days_in_month(year, month));
    NaiveDate::from_ymd_opt(year, month, day).expect("a clamped day of a month in chrono's range exists")
}

/// The last day of `d`'s calendar month.
pub fn end_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(days_in_month(d.year(), d.month())).unwrap_or(d)
}

/// Number of days of a calendar month (28–31).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    match NaiveDate::from_ymd_opt(next_year, next_month, 1) {
        Some(next) => next.pred_opt().map_or(31, |last| last.day()),
        // December of chrono's last year: the next month does not exist.
        None => 31,
    }
}

/// Months since year 0 (January of year 0 is 0), so month sums are plain integer sums.
fn month_index(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

fn split_month_index(index: i64) -> (i32, u32) {
    let year = i32::try_from(index.div_euclid(12)).expect("month index was clamped to chrono's range");
    let month0 = u32::try_from(index.rem_euclid(12)).expect("rem_euclid(12) is in 0..12");
    (year, month0 + 1)
}

/// The first day every output format can write (ISO 8601 and iCalendar years have four digits).
pub const FIRST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(1, 1, 1) {
    Some(d) => d,
    None => panic!("0001-01-01 is a date"),
};

/// The last day every output format can write.
pub const LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => panic!("9999-12-31 is a date"),
};

/// `d` brought into `FIRST_DAY..=LAST_DAY`.
pub fn writable(d: NaiveDate) -> NaiveDate {
    d.clamp(FIRST_DAY, LAST_DAY)
}

/// The longest duration a file or flag may write. Longer ones are typos, and a
/// deadline a century away is no deadline a caseworker can act on; the bound also
/// keeps every date a profile computes from a case's dates within reach of
/// `FIRST_DAY..=LAST_DAY`.
pub const MAX_YEARS: i64 = 100;
/// `MAX_YEARS` in days (365.25 a year, leap days included) and in months.
const MAX_DAYS: i64 = MAX_YEARS * 36525 / 100;
const MAX_MONTHS: i64 = MAX_YEARS * 12;
const MAX_WEEKS: i64 = MAX_DAYS / 7;

/// A duration as files and flags write it: `30d`, `2w`, `6mo`, `1y`.
///
/// Weeks are stored as days and years as months, because that is what they mean in
/// deadline rules (a year after January 31 is the same clamped day twelve months on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Span {
    Days(i64),
    Months(i32),
}

impl Span {
    /// The date this span after `d` (docs/deadlines.md `D + N days` / `D + N months`),
    /// within `FIRST_DAY..=LAST_DAY`.
    pub fn after(self, d: NaiveDate) -> NaiveDate {
        writable(match self {
            Span::Days(n) => add_days(d, n),
            Span::Months(n) => add_months(d, n),
        })
    }

    /// The date this span before `d`, e.g. a court report due 10 days before a
    /// hearing, within `FIRST_DAY..=LAST_DAY`.
    pub fn before(self, d: NaiveDate) -> NaiveDate {
        writable(match self {
            Span::Days(n) => add_days(d, n.saturating_neg()),
            Span::Months(n) => add_months(d, n.saturating_neg()),
        })
    }
}

/// Writes the canonical form (`14d`, `6mo`), which `FromStr` reads back; `2w` is
/// shown as `14d` and `1y` as `12mo`.
impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Span::Days(n) => write!(f, "{n}d"),
            Span::Months(n) => write!(f, "{n}mo"),
        }
    }
}

/// Why a duration could not be read; the message lists the forms that work.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error(
        "`{0}` is not a duration: write a whole number followed by `d` (days), `w` (weeks), \
         `mo` (months) or `y` (years), e.g. `30d`, `2w`, `6mo`, `1y`"
    )]
    Invalid(String),
    #[error(
        "`{0}` is longer than {MAX_YEARS} years, the longest duration cplan accepts; \
         write at most {MAX_DAYS}d, {MAX_WEEKS}w, {MAX_MONTHS}mo or {MAX_YEARS}y"
    )]
    TooLarge(String),
}

/// Strict: no sign, no spaces, no other units, lower case only, at most 100 years,
/// so a typo in a profile is an error rather than a silently different deadline.
impl FromStr for Span {
    type Err = SpanError;

    fn from_str(text: &str) -> Result<Span, SpanError> {
        let invalid = || SpanError::Invalid(text.to_owned());
        let too_large = || SpanError::TooLarge(text.to_owned());
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        let (number, unit) = text.split_at(digits);
        if number.is_empty() {
            return Err(invalid());
        }
        // Any number of digits is a number: a long one is too large, not "not a duration".
        let scaled = |scale: i64, max: i64| -> Result<i64, SpanError> {
            let n: i64 = number.parse().map_err(|_| too_large())?;
            n.checked_mul(scale)
                .filter(|total| *total <= max)
                .ok_or_else(too_large)
        };
        let months = |scale: i64| -> Result<Span, SpanError> {
            let n = scaled(scale, MAX_MONTHS)?;
            i32::try_from(n).map(Span::Months).map_err(|_| too_large())
        };
        match unit {
            "d" => scaled(1, MAX_DAYS).map(Span::Days),
            "w" => scaled(7, MAX_DAYS).map(Span::Days),
            "mo" => months(1),
            "y" => months(12),
            _ => Err(invalid()),
        }
    }
}

/// Profiles write spans as strings (`warning_window: 14d`).
impl<'de> serde::Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Span, D::Error> {
        struct SpanVisitor;

        impl serde::de::Visitor<'_> for SpanVisitor {
            type Value = Span;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a duration such as `30d`, `2w`, `6mo` or `1y`")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Span, E> {
                text.parse().map_err(E::custom)
            }
        }

        deserializer.deserialize_str(SpanVisitor)
    }
}

/// The canonical string, so a printed profile can be read back.
impl serde::Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
