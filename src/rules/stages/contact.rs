//! CP207 and CP208: contact the law asks for beyond parent–child visits: between siblings
//! placed apart (42 USC 671(a)(31)(B)), and the caseworker's visits where the child lives
//! (42 USC 624(e)(2)(A)).

use chrono::{Datelike, NaiveDate};

use crate::finding::{Code, Severity};
use crate::model::{Case, Contact, ContactPlace, PersonRef};
use crate::policy::arith::add_days;
use crate::rules::{CaseCtx, Check, Emit, Rule};

pub const CP207: Rule = Rule {
    code: Code::new("CP207"),
    name: "sibling-visits-missing",
    severity: Severity::Warning,
    summary: "Siblings in care are placed apart and no sibling visit in the last 30 days",
    explain: explain!("CP207"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp207),
};

/// CP207 sibling-visits-missing: the current placement says the siblings in care are not
/// placed together, and no held `sibling_visits` entry of this episode falls in the last
/// `sibling_visit_days` (30). The days count from the latest held visit, or from when the
/// siblings were placed apart (the first of the placements up to the current one that say
/// so, not before the removal) when that is later.
pub fn cp207(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let Some((index, placement)) = ctx.case.current_placement() else {
        return;
    };
    if placement.siblings_together != Some(false) {
        return;
    }
    let removed = ctx.facts.episode.removed;
    let apart = apart_since(ctx.case, removed);
    let latest = ctx.case.last_sibling_visit(removed, ctx.as_of);
    let since = latest.map_or(apart, |visit| visit.max(apart));
    let n = ctx.profile.sibling_visit_days;
    if ctx.as_of <= add_days(since, i64::from(n)) {
        return;
    }
    let days = (ctx.as_of - since).num_days();
    let what = match latest {
        Some(date) if date >= apart => {
            format!("the last sibling visit was on {date} ({days} days ago, more than {n})")
        }
        _ => format!(
            "no sibling visit is logged since they were placed apart on {apart} ({days} days, more than {n})"
        ),
    };
    let finding = emit.at_key_or(
        "sibling_visits",
        &format!("placements[{index}].siblings_together"),
        format!(
            "Siblings in care are placed apart and {what}: arrange a visit, or a call when a visit cannot happen, and log each under `sibling_visits` (42 USC 671(a)(31)(B))"
        ),
    );
    let missed: Vec<String> = (ctx.case.sibling_visits.iter())
        .filter(|v| !v.held && v.date > since && v.date <= ctx.as_of)
        .map(|v| format!("{} ({})", v.date, v.with))
        .collect();
    if !missed.is_empty() {
        finding.set_help(format!("not held since: {}", missed.join(", ")));
    }
}

/// The day the siblings were placed apart: the `from` of the earliest placement in the
/// unbroken run of `siblings_together: false` placements that ends with the current one,
/// and never before the removal.
pub(crate) fn apart_since(case: &Case, removed: NaiveDate) -> NaiveDate {
    let mut placements: Vec<_> = (case.placements.iter()).filter(|p| p.from >= removed).collect();
    placements.sort_by_key(|p| p.from);
    let first = placements
        .iter()
        .rev()
        .take_while(|p| p.siblings_together == Some(false))
        .last()
        .map_or(removed, |p| p.from);
    first.max(removed)
}

pub const CP208: Rule = Rule {
    code: Code::new("CP208"),
    name: "contacts-not-at-residence",
    severity: Severity::Warning,
    summary: "This fiscal year, fewer than half of the caseworker contacts were where the child lives",
    explain: explain!("CP208"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp208),
};

/// CP208 contacts-not-at-residence: in the federal fiscal year of the as-of date (from
/// 1 October; from the removal when that is later), at least two caseworker contacts
/// with the child are logged and fewer than half were where the child lives. A contact
/// with no `where` cannot be counted as one at the residence, and the message says how
/// many there are; `where: home` counts while the child is home on a trial home visit,
/// as the parent's home is then where the child lives.
pub fn cp208(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let fiscal_year = fiscal_year_start(ctx.as_of);
    let removed = ctx.facts.episode.removed;
    let from = fiscal_year.max(removed);
    let contacts: Vec<&Contact> = (ctx.case.contacts.iter())
        .filter(|c| c.with == PersonRef::Child && c.date >= from && c.date <= ctx.as_of)
        .collect();
    let total = contacts.len();
    let at_home = contacts.iter().filter(|c| at_residence(ctx, c)).count();
    if total < 2 || at_home * 2 >= total {
        return;
    }
    let period = if from == fiscal_year {
        format!(
            "in federal fiscal year {} (from {fiscal_year})",
            fiscal_year.year() + 1
        )
    } else {
        format!("since the removal on {removed}")
    };
    let unrecorded = contacts.iter().filter(|c| c.place.is_none()).count();
    let unrecorded = match unrecorded {
        0 => String::new(),
        1 => "; 1 records no `where`".to_owned(),
        n => format!("; {n} record no `where`"),
    };
    let how_many = match at_home {
        0 => format!("None of the {total} caseworker contacts with the child {period} was"),
        n => format!("Only {n} of the {total} caseworker contacts with the child {period} were"),
    };
    emit.at_key("contacts", format!(
        "{how_many} where the child lives (where: placement){unrecorded}: most of the monthly visits must be in the child's residence, so hold the next ones there (42 USC 624(e)(2)(A))"
    ));
}

/// 1 October of the federal fiscal year `day` falls in.
pub(crate) fn fiscal_year_start(day: NaiveDate) -> NaiveDate {
    let year = if day.month() >= 10 {
        day.year()
    } else {
        day.year() - 1
    };
    NaiveDate::from_ymd_opt(year, 10, 1).unwrap_or(day)
}

/// Whether a contact was where the child lives: `where: placement`, or `where: home`
/// during a trial home visit.
fn at_residence(ctx: &CaseCtx<'_>, contact: &Contact) -> bool {
    match contact.place {
        Some(ContactPlace::Placement) => true,
        Some(ContactPlace::Home) => (ctx.facts.episode.trial_home_visits.iter())
            .any(|v| v.from <= contact.date && contact.date <= v.to),
        _ => false,
    }
}
