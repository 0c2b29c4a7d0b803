//! CP309: the search for an absent parent and the notice to relatives, each in 30 days.

use super::{parent_name, passed};
use crate::finding::{Code, Severity};
use crate::model::{Parent, Whereabouts};
use crate::policy::words::{self, and_list};
use crate::rules::{CaseCtx, Check, Emit, Rule};
use chrono::NaiveDate;

pub const CP309: Rule = Rule {
    code: Code::new("CP309"),
    name: "diligent-search-late",
    severity: Severity::Error,
    summary: "Search for an absent parent, or relatives notice, not done within 30 days",
    explain: explain!("CP309"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp309),
};

/// Per docs/rules/CP309.md a date recorded late still clears the finding: the rule
/// asks for the search or notice to happen, and a late one is no longer missing
/// (the timeline shows it as met late). Dates before the current removal belong to an
/// earlier episode and do not count.
pub fn cp309(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let deadlines = &ctx.profile.deadlines;
    let search = ctx.case.search.as_ref();
    let removed = ctx.facts.episode.removed;
    let recorded = |date: Option<NaiveDate>| date.is_some_and(|d| d >= removed);
    let unknown: Vec<(usize, &Parent)> = (ctx.case.parents.iter().enumerate())
        .filter(|(_, p)| p.whereabouts == Whereabouts::Unknown)
        .collect();
    if let Some(&(first, _)) = unknown.first()
        && let Some(due) = passed(ctx, ctx.facts.due(&deadlines.diligent_search))
        && !recorded(search.and_then(|s| s.started))
    {
        let names: Vec<String> = unknown.iter().map(|(_, p)| parent_name(p)).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let none = earlier_episode(
            search.and_then(|s| s.started),
            removed,
            "the diligent search recorded as started on",
        )
        .unwrap_or_else(|| "no diligent search is recorded".to_owned());
        emit.at_key_or("search.started", &format!("parents[{first}].whereabouts"), format!(
            "The whereabouts of {} are unknown and {none} (due {due}, {}): start the search and record `search.started`",
            and_list(&names),
            words::formula(&deadlines.diligent_search)
        ));
    }
    if let Some(due) = passed(ctx, ctx.facts.due(&deadlines.relatives_notice))
        && !recorded(search.and_then(|s| s.relatives_notified))
    {
        let notified = search.and_then(|s| s.relatives_notified);
        let what = earlier_episode(notified, removed, "The notice to relatives recorded on")
            .unwrap_or_else(|| "No notice to relatives is recorded".to_owned());
        emit.at_key_or("search.relatives_notified", &ctx.facts.episode_path(), format!(
            "{what} (due {due}, {}): notify the child's adult relatives of the removal and record `search.relatives_notified`",
            words::formula(&deadlines.relatives_notice)
        ));
    }
}

/// "the notice to relatives recorded on 2024-01-20 is from before this removal on
/// 2026-01-10": a date of an earlier episode, still in the file but not counted.
fn earlier_episode(date: Option<NaiveDate>, removed: NaiveDate, what: &str) -> Option<String> {
    date.filter(|d| *d < removed)
        .map(|d| format!("{what} {d} is from before this removal on {removed}"))
}
