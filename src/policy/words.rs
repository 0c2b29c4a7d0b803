//! Deadlines in a caseworker's words, in one place: what a deadline is ("full
//! disclosure interview (mother)"), why it falls on its date ("6 months after entering
//! foster care on 2026-06-30"), and how it stands ("OVERDUE 24d", "overdue by 24 days").
//! Every report, format and rule message says a deadline through these functions, so a
//! deadline has one name everywhere and no internal word ("efc", a setting key) reaches
//! a reader. Free text inside (an activity's own words) is the caller's to redact.

use chrono::NaiveDate;

use super::arith::Span;
use super::care::Stage;
use super::deadline::{About, Basis, Deadline, Kind, Status};
use super::formula::{Anchor, Formula, Sign, Term};
use crate::model::{HearingKind, Vocab};

/// The kind in words: "case plan", "full disclosure interview".
pub fn kind(kind: Kind) -> &'static str {
    match kind {
        Kind::CasePlan => "case plan",
        Kind::RelativesNotice => "notice to relatives",
        Kind::DiligentSearch => "diligent search",
        Kind::PeriodicReview => "periodic review",
        Kind::PermanencyHearing => "permanency hearing",
        Kind::EffortsFindingRemoval => "court finding on efforts to prevent removal",
        Kind::EffortsFindingPermanency => "court finding on efforts to finalize the permanency plan",
        Kind::Tpr15Of22 => "TPR petition (15 of 22 months)",
        Kind::CaseworkerVisit => "caseworker visit",
        Kind::Fdi => "full disclosure interview",
        Kind::Activity => "activity",
        Kind::Hearing => "court hearing",
        Kind::CourtReport => "court report",
        Kind::ReunificationPeriodEnd => "end of the reunification period",
        Kind::TransitionPlan => "transition plan",
        Kind::StageChange => "next stage",
    }
}

/// What a deadline is about in words: "October 2026", "A2", "mother", "review hearing".
pub fn about(about: &About) -> String {
    match about {
        About::Month(first) => first.format("%B %Y").to_string(),
        About::Activity(text) | About::Parent(text) => text.clone(),
        About::Hearing(kind) => format!("{} hearing", hearing(*kind)),
        About::Stage(stage) => stage.label().to_owned(),
    }
}

/// What a deadline is: "caseworker visit (October 2026)", "court report (review
/// hearing)", "full disclosure interview (mother)".
pub fn what(d: &Deadline) -> String {
    match &d.about {
        // "court hearing (permanency)", not "court hearing (permanency hearing)".
        Some(About::Hearing(k)) if d.kind == Kind::Hearing => {
            format!("{} ({})", kind(d.kind), hearing(*k))
        }
        Some(a) => format!("{} ({})", kind(d.kind), about(a)),
        None => kind(d.kind).to_owned(),
    }
}

/// Why the deadline falls on its date, in words: "6 months after entering foster care
/// on 2026-06-30".
pub fn why(d: &Deadline) -> String {
    basis_of(d.kind, &d.basis)
}

/// Why, with the statute or source behind it: "6 months after entering foster care on
/// 2026-06-30 (42 USC 675(5)(B))", for a sentence (a rule's message, a calendar event).
pub fn why_with_source(d: &Deadline) -> String {
    format!("{} ({})", why(d), d.source)
}

/// A basis in words, for a deadline of any kind.
pub fn basis(basis: &Basis) -> String {
    basis_of(Kind::Activity, basis)
}

/// What restarts a recurring deadline of `kind`, for "6 months after the latest review".
fn restarted_by(kind: Kind) -> &'static str {
    match kind {
        Kind::PeriodicReview => "review",
        Kind::PermanencyHearing => "permanency hearing",
        Kind::Fdi => "interview",
        Kind::EffortsFindingPermanency => "finding",
        _ => "one",
    }
}

/// A basis of a deadline of `kind` in words.
fn basis_of(kind: Kind, basis: &Basis) -> String {
    match basis {
        Basis::Term { anchor, date, offset } => term(*anchor, *date, *offset),
        Basis::Formula(formula) => format!("the profile's rule {formula}, whose dates are not in the file"),
        Basis::Sooner {
            term,
            every,
            previous,
        } => format!(
            "{}, sooner than {} after the latest {} on {previous}",
            basis_of(kind, term),
            span(*every),
            restarted_by(kind)
        ),
        Basis::Restart { previous, every } => {
            format!(
                "{} after the latest {} on {previous}",
                span(*every),
                restarted_by(kind)
            )
        }
        Basis::FifteenOf22 { first_entry, days } => format!(
            "the first day with {days} days in care (15 months) in the 22 months ending that day, counted from entering foster care on {first_entry} (the first removal)"
        ),
        Basis::MonthInCare { month } => {
            format!("the last day of {}, a full month in care", month.format("%B %Y"))
        }
        Basis::ActivityDue => "the due date the plan gives the activity".to_owned(),
        Basis::Scheduled { hearing: kind } => {
            format!("the {} hearing the court has scheduled", hearing(*kind))
        }
        Basis::BeforeHearing {
            hearing: kind,
            date,
            days,
        } => format!(
            "{} before the {} hearing on {date}",
            days_words(i64::from(*days)),
            hearing(*kind)
        ),
        Basis::ReunificationPeriod { term, under_3 } => {
            let why = basis_of(kind, term);
            if *under_3 {
                format!("{why} (the child was under 3 at removal)")
            } else {
                why
            }
        }
        Basis::BeforeBirthday {
            age,
            birthday,
            from,
            window,
        } => format!(
            "the day before the {} birthday on {birthday}, made from {from} ({} before it)",
            ordinal(*age),
            span(*window)
        ),
        Basis::StageStart { removed, month } => format!(
            "{} after the removal on {removed}, when month {month} of care begins",
            span(Span::Months(i32::try_from(*month).unwrap_or(i32::MAX) - 1))
        ),
        Basis::EndOfStage1 => "the end of stage 1".to_owned(),
    }
}

/// "6 months after entering foster care on 2026-06-30", "the disposition hearing on
/// 2026-04-10", "10 days before …".
fn term(anchor: Anchor, date: NaiveDate, offset: Option<(Sign, Span)>) -> String {
    let anchor = anchor_words(anchor, date);
    match offset {
        None => anchor,
        Some((Sign::Plus, s)) => format!("{} after {anchor}", span(s)),
        Some((Sign::Minus, s)) => format!("{} before {anchor}", span(s)),
    }
}

/// A profile's rule in words, without dates: "6 months after entering foster care",
/// "30 days after the staffing, else 60 days after the removal", "the earliest of …".
pub fn formula(formula: &Formula) -> String {
    let choices: Vec<String> = formula
        .0
        .iter()
        .map(|choice| {
            let terms: Vec<String> = choice.0.iter().map(rule_term).collect();
            terms.join(", else ")
        })
        .collect();
    match choices.as_slice() {
        [] => "none".to_owned(),
        [one] => one.clone(),
        many => format!("the earliest of: {}", many.join("; ")),
    }
}

/// A term of a rule in words, without a date: "6 months after entering foster care".
fn rule_term(term: &Term) -> String {
    let anchor = anchor_name(term.anchor);
    match term.offset {
        None => anchor.to_owned(),
        Some((Sign::Plus, s)) => format!("{} after {anchor}", span(s)),
        Some((Sign::Minus, s)) => format!("{} before {anchor}", span(s)),
    }
}

/// A date a formula counts from, in words.
fn anchor_name(anchor: Anchor) -> &'static str {
    match anchor {
        Anchor::Removed => "the removal",
        Anchor::Efc => "entering foster care",
        Anchor::CourtFinding => "the court's finding of abuse or neglect",
        Anchor::Disposition => "the disposition hearing",
        Anchor::Staffing => "the concurrent planning staffing",
        Anchor::Bypass => "the court's finding that reunification efforts are not required",
        Anchor::NotViable => "the court's finding that reunification is not viable",
        Anchor::CasePlanDue => "the case plan's due date",
    }
}

/// A date a formula counts from, in words, with the date.
fn anchor_words(anchor: Anchor, date: NaiveDate) -> String {
    match anchor {
        Anchor::Removed => format!("the removal on {date}"),
        Anchor::Efc => format!("entering foster care on {date}"),
        Anchor::CourtFinding => format!("the court's finding of abuse or neglect on {date}"),
        Anchor::Disposition => format!("the disposition hearing on {date}"),
        Anchor::Staffing => format!("the concurrent planning staffing on {date}"),
        Anchor::Bypass => {
            format!("the court's finding on {date} that reunification efforts are not required")
        }
        Anchor::NotViable => format!("the court's finding on {date} that reunification is not viable"),
        Anchor::CasePlanDue => format!("the case plan's due date, {date}"),
    }
}

/// "6 months", "1 month", "60 days".
pub fn span(s: Span) -> String {
    match s {
        Span::Days(n) => days_words(n),
        Span::Months(1) => "1 month".to_owned(),
        Span::Months(n) => format!("{n} months"),
    }
}

/// "mother", "mother and agency", "mother, father and agency".
pub fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "1 case", "3 cases".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Caseworker visit": the first letter a capital, for the start of a sentence.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "1 day", "24 days".
pub fn days_words(n: i64) -> String {
    if n.abs() == 1 {
        format!("{n} day")
    } else {
        format!("{n} days")
    }
}

/// A hearing's kind in words: "review", "permanency", "termination of parental rights".
fn hearing(kind: HearingKind) -> String {
    match kind {
        HearingKind::Tpr => "termination of parental rights".to_owned(),
        other => other.word().replace('_', " "),
    }
}

/// "18th", "21st".
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// How a deadline stands, in a table's few letters: "OVERDUE 24d", "due soon (5d)",
/// "in 36d", "met", "met late 2026-03-02".
pub fn status_short(d: &Deadline, as_of: NaiveDate) -> String {
    match d.status {
        Status::Met if d.met_late() => {
            format!("met late {}", d.met_on.map(|m| m.to_string()).unwrap_or_default())
        }
        Status::Met => "met".to_owned(),
        Status::Overdue => format!("OVERDUE {}d", -d.days_left(as_of)),
        Status::DueSoon => format!("due soon ({}d)", d.days_left(as_of)),
        Status::Upcoming => format!("in {}d", d.days_left(as_of)),
    }
}

/// How a deadline stands, in a sentence's words: "met on 2026-02-20", "met late on
/// 2026-03-02 (3 days after)", "overdue by 4 days", "due in 95 days", "scheduled, in
/// 92 days".
pub fn status_long(d: &Deadline, as_of: NaiveDate) -> String {
    let days = d.days_left(as_of);
    match d.status {
        Status::Met => match d.met_on {
            Some(on) if on > d.due => {
                format!("met late on {on} ({} after)", days_words((on - d.due).num_days()))
            }
            Some(on) => format!("met on {on}"),
            None => match d.kind {
                Kind::Tpr15Of22 => "met: an exception to filing is documented".to_owned(),
                Kind::ReunificationPeriodEnd => "passed; the concurrent track is primary".to_owned(),
                _ => "met".to_owned(),
            },
        },
        Status::Overdue => format!("overdue by {}", days_words(-days)),
        Status::DueSoon | Status::Upcoming => {
            let when = match days {
                0 => "today".to_owned(),
                n => format!("in {}", days_words(n)),
            };
            match (d.kind, d.status) {
                (Kind::Hearing, _) => format!("scheduled, {when}"),
                (Kind::StageChange, _) => when,
                (_, Status::DueSoon) => format!("due soon, {when}"),
                _ => format!("due {when}"),
            }
        }
    }
}

/// The status in a word for a calendar or a row: "overdue", "due soon", "met".
pub fn status_word(status: Status) -> &'static str {
    match status {
        Status::Overdue => "overdue",
        Status::DueSoon => "due soon",
        Status::Upcoming => "upcoming",
        Status::Met => "met",
    }
}

/// A placement setting in words: "resource family", "shelter".
pub fn setting(setting: crate::model::Setting) -> &'static str {
    use crate::model::Setting;
    match setting {
        Setting::Shelter => "shelter",
        Setting::Foster => "foster home",
        Setting::Kin => "kin",
        Setting::ResourceFamily => "resource family",
        Setting::Group => "group home",
        Setting::Parent => "parent",
        Setting::Other => "other",
    }
}

/// How a report names a case's worker: the name, or "(no worker)" when the file gives
/// none, the same in every report.
pub fn worker(name: &str) -> &str {
    if name.trim().is_empty() { NO_WORKER } else { name }
}

/// A case whose file names no worker.
pub const NO_WORKER: &str = "(no worker)";

/// The name of a stage for a reader: "stage 2 (Doing With)", "past stage 3".
pub fn stage(stage: Stage) -> String {
    match stage {
        Stage::Past => "past stage 3".to_owned(),
        other => format!("stage {} ({})", other.short(), other.name()),
    }
}

#[cfg(test)]
mod tests;
