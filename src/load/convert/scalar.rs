//! Scalar formats of the case file: dates are `YYYY-MM-DD` and nothing else.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// Why a text is not a date of the case format; the message says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not the YYYY-MM-DD shape, e.g. `01/10/2026` or `26-01-10`.
    Shape(String),
    /// The shape is right but the day does not exist, e.g. `2026-02-30`.
    NoSuchDay { text: String, days_in_month: u32 },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Shape(text) => write!(f, "`{text}` is not a date written YYYY-MM-DD"),
            DateError::NoSuchDay { text, days_in_month } => write!(
                f,
                "`{text}` is not a real date (that month has {days_in_month} days)"
            ),
        }
    }
}

/// Reads a `YYYY-MM-DD` date, strictly: four-digit year, two-digit month and day.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let t = text.trim();
    let b = t.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(DateError::Shape(t.to_owned()));
    }
    let number = |range: std::ops::Range<usize>| t[range].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(0..4) as i32, number(5..7), number(8..10));
    if !(1..=12).contains(&month) {
        return Err(DateError::Shape(t.to_owned()));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| DateError::NoSuchDay {
        text: t.to_owned(),
        days_in_month: days_in_month(year, month),
    })
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|first_of_next| first_of_next.pred_opt())
        .map_or(31, |last| last.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_iso_dates() {
        assert_eq!(
            parse_date("2026-01-10"),
            Ok(NaiveDate::from_ymd_opt(2026, 1, 10).unwrap())
        );
        assert_eq!(parse_date("2028-02-29").map(|d| d.day()), Ok(29));
        for bad in [
            "01/10/2026",
            "26-01-10",
            "2026-1-10",
            "2026-13-01",
            "2026-01-10T00:00",
            "",
        ] {
            assert!(matches!(parse_date(bad), Err(DateError::Shape(_))), "{bad}");
        }
        assert_eq!(
            parse_date("2026-02-30"),
            Err(DateError::NoSuchDay {
                text: "2026-02-30".into(),
                days_in_month: 28
            })
        );
        assert_eq!(
            parse_date("2026-04-31").unwrap_err().to_string(),
            "`2026-04-31` is not a real date (that month has 30 days)"
        );
    }
}
