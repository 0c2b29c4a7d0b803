//! Deadline formulas, the part of a profile that says when something is due:
//! `removed + 60d`, `staffing + 30d else removed + 60d`, and lists of them, whose
//! earliest date wins (`[removed + 60d, disposition]`). Writing them as data lets a
//! state profile change a deadline without changing the program.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::arith::{Span, SpanError};

/// A date of the case a formula counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// `removed` of the current episode.
    Removed,
    /// The date the child is considered to have entered foster care (docs/deadlines.md).
    Efc,
    CourtFinding,
    Disposition,
    /// `plan.staffing`.
    Staffing,
    /// `bypass`: the court found reunification efforts not required.
    Bypass,
    /// The first court finding `reunification_not_viable` in the current episode.
    NotViable,
    /// The case plan's own due date (for rules keyed to it, such as CP102).
    CasePlanDue,
}

const ANCHORS: &[(&str, Anchor)] = &[
    ("removed", Anchor::Removed),
    ("efc", Anchor::Efc),
    ("court_finding", Anchor::CourtFinding),
    ("disposition", Anchor::Disposition),
    ("staffing", Anchor::Staffing),
    ("bypass", Anchor::Bypass),
    ("not_viable", Anchor::NotViable),
    ("case_plan_due", Anchor::CasePlanDue),
];

impl Anchor {
    pub fn word(self) -> &'static str {
        ANCHORS.iter().find(|(_, a)| *a == self).map_or("?", |(w, _)| w)
    }
}

/// `ANCHOR`, `ANCHOR + SPAN` or `ANCHOR - SPAN`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub anchor: Anchor,
    pub offset: Option<(Sign, Span)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sign {
    Plus,
    Minus,
}

/// Terms joined by `else`: the first whose anchor date is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice(pub Vec<Term>);

/// Choices of which the earliest known date is the due date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Formula(pub Vec<Choice>);

/// What a formula reads from a case.
pub trait Anchors {
    fn date(&self, anchor: Anchor) -> Option<NaiveDate>;
}

impl Term {
    pub fn eval(&self, anchors: &dyn Anchors) -> Option<NaiveDate> {
        let date = anchors.date(self.anchor)?;
        Some(match self.offset {
            None => date,
            Some((Sign::Plus, span)) => span.after(date),
            Some((Sign::Minus, span)) => span.before(date),
        })
    }
}

impl Choice {
    pub fn eval(&self, anchors: &dyn Anchors) -> Option<NaiveDate> {
        self.0.iter().find_map(|term| term.eval(anchors))
    }
}

impl Formula {
    /// The earliest date of the choices whose anchors are known; `None` when none is.
    pub fn eval(&self, anchors: &dyn Anchors) -> Option<NaiveDate> {
        self.0.iter().filter_map(|choice| choice.eval(anchors)).min()
    }

    /// The formula reduced, in each choice, to the first term whose anchor date is known
    /// and lies after `after` (when given) and on or before `until` (when given).
    ///
    /// A recurring deadline walks cycle by cycle: the cycle an event meets counts only the
    /// anchors up to that event, because a bypass or "not viable" finding made after a
    /// hearing sets a new hearing that the earlier one cannot have met; when the deadline
    /// restarts, a later bypass or finding still brings the next one forward, but the
    /// first-cycle anchors (EFC) do not.
    pub fn anchored_within(
        &self,
        anchors: &dyn Anchors,
        after: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Formula {
        let within = |d: NaiveDate| after.is_none_or(|a| d > a) && until.is_none_or(|u| d <= u);
        Formula(
            self.0
                .iter()
                .filter_map(|choice| {
                    choice
                        .0
                        .iter()
                        .find(|term| anchors.date(term.anchor).is_some_and(within))
                        .map(|term| Choice(vec![*term]))
                })
                .collect(),
        )
    }

    /// The choice that gave the due date, for the timeline's "why".
    pub fn deciding_choice(&self, anchors: &dyn Anchors) -> Option<&Choice> {
        self.0
            .iter()
            .filter_map(|choice| choice.eval(anchors).map(|d| (d, choice)))
            .min_by_key(|(d, _)| *d)
            .map(|(_, choice)| choice)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Why a formula could not be read; the message shows the forms that work, unless the
/// reason already says what to write (a duration longer than 100 years).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}`: {reason}{}", if *.examples { EXAMPLES } else { "" })]
pub struct FormulaError {
    pub text: String,
    pub reason: String,
    pub examples: bool,
}

const EXAMPLES: &str = "; write e.g. `removed + 60d`, `efc + 12mo` or `staffing + 30d else removed + 60d`";

impl FromStr for Term {
    type Err = FormulaError;

    fn from_str(text: &str) -> Result<Term, FormulaError> {
        let error = |reason: String| FormulaError {
            text: text.trim().to_owned(),
            reason,
            examples: true,
        };
        let (anchor_text, offset) = match text.find(['+', '-']) {
            Some(i) => {
                let sign = if text[i..].starts_with('+') {
                    Sign::Plus
                } else {
                    Sign::Minus
                };
                let span: Span = text[i + 1..].trim().parse().map_err(|e| FormulaError {
                    examples: !matches!(e, SpanError::TooLarge(_)),
                    ..error(format!("{e}"))
                })?;
                (&text[..i], Some((sign, span)))
            }
            None => (text, None),
        };
        let word = anchor_text.trim();
        let anchor = ANCHORS
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, a)| *a)
            .ok_or_else(|| {
                let words: Vec<&str> = ANCHORS.iter().map(|(w, _)| *w).collect();
                error(format!(
                    "`{word}` is not a date of the case (one of: {})",
                    words.join(", ")
                ))
            })?;
        Ok(Term { anchor, offset })
    }
}

impl FromStr for Choice {
    type Err = FormulaError;

    fn from_str(text: &str) -> Result<Choice, FormulaError> {
        text.split(" else ")
            .map(str::parse)
            .collect::<Result<Vec<Term>, _>>()
            .map(Choice)
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.anchor.word())?;
        match self.offset {
            None => Ok(()),
            Some((Sign::Plus, span)) => write!(f, " + {span}"),
            Some((Sign::Minus, span)) => write!(f, " - {span}"),
        }
    }
}

impl fmt::Display for Choice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, term) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" else ")?;
            }
            write!(f, "{term}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.as_slice() {
            [] => f.write_str("none"),
            [one] => write!(f, "{one}"),
            many => {
                f.write_str("earliest of [")?;
                for (i, choice) in many.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{choice}")?;
                }
                f.write_str("]")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Dates(Vec<(Anchor, NaiveDate)>);
    impl Anchors for Dates {
        fn date(&self, anchor: Anchor) -> Option<NaiveDate> {
            self.0.iter().find(|(a, _)| *a == anchor).map(|(_, d)| *d)
        }
    }

    fn d(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    fn formula(choices: &[&str]) -> Formula {
        Formula(choices.iter().map(|c| c.parse().expect("formula")).collect())
    }

    #[test]
    fn earliest_known_choice_wins_and_else_falls_back() {
        let case = Dates(vec![
            (Anchor::Removed, d("2026-01-10")),
            (Anchor::Disposition, d("2026-03-05")),
        ]);
        assert_eq!(formula(&["removed + 60d"]).eval(&case), Some(d("2026-03-11")));
        assert_eq!(
            formula(&["removed + 60d", "disposition"]).eval(&case),
            Some(d("2026-03-05"))
        );
        assert_eq!(
            formula(&["staffing + 30d else removed + 60d"]).eval(&case),
            Some(d("2026-03-11"))
        );
        assert_eq!(formula(&["staffing + 30d"]).eval(&case), None);
        assert_eq!(formula(&["disposition - 10d"]).eval(&case), Some(d("2026-02-23")));
    }

    #[test]
    fn bad_formulas_say_what_works() {
        let error = "removal + 60d".parse::<Choice>().unwrap_err().to_string();
        assert!(error.contains("`removal` is not a date of the case"), "{error}");
        assert!("removed + 60 days".parse::<Choice>().is_err());
        assert_eq!(
            formula(&["removed + 60d", "staffing + 30d else removed"]).to_string(),
            "earliest of [removed + 60d, staffing + 30d else removed]"
        );
    }
}
