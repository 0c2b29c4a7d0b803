//! Every deadline of an open case under its profile (docs/deadlines.md), met or not.
//!
//! One-time deadlines are met by their event on or after the current removal;
//! recurring ones (periodic review, permanency hearing, FDI) are walked cycle by
//! cycle: each qualifying event meets the cycle it falls in and the next one runs
//! from it, so the last entry of a kind is the one still open.

use chrono::NaiveDate;

use super::deadline::{Basis, Deadline, Kind, Status};
use super::facts::CaseFacts;
use super::formula::Formula;
use super::profile::Profile;
use crate::model::Whereabouts;

mod case_events;
mod efforts;
mod recurring;

/// The deadlines of a case on the as-of date, in no particular order; none for a closed case.
pub fn deadlines(facts: &CaseFacts<'_>, profile: &Profile) -> Vec<Deadline> {
    if !facts.open {
        return Vec::new();
    }
    let mut out = Deadlines {
        facts,
        profile,
        list: Vec::new(),
    };
    out.one_time();
    out.periodic_review();
    out.permanency_hearing();
    out.efforts_finding_removal();
    out.efforts_finding_permanency();
    out.tpr_15_of_22();
    out.caseworker_visits();
    out.fdi();
    out.activities();
    out.scheduled_hearings();
    out.reunification_period_end();
    out.transition_plan();
    out.stage_change();
    number_cycles(&mut out.list);
    out.list
}

/// Numbers the deadlines of each kind and label in due-date order (see `Deadline::cycle`).
fn number_cycles(list: &mut [Deadline]) {
    let mut order: Vec<usize> = (0..list.len()).collect();
    order.sort_by(|&a, &b| {
        (list[a].kind, &list[a].about, list[a].due).cmp(&(list[b].kind, &list[b].about, list[b].due))
    });
    let mut previous: Option<(Kind, Option<super::deadline::About>)> = None;
    let mut cycle = 0;
    for i in order {
        let key = (list[i].kind, list[i].about.clone());
        cycle = if previous.as_ref() == Some(&key) {
            cycle + 1
        } else {
            0
        };
        list[i].cycle = cycle;
        previous = Some(key);
    }
}

struct Deadlines<'f, 'a> {
    facts: &'f CaseFacts<'a>,
    profile: &'f Profile,
    list: Vec<Deadline>,
}

impl Deadlines<'_, '_> {
    fn push(
        &mut self,
        kind: Kind,
        due: NaiveDate,
        met_on: Option<NaiveDate>,
        met_by: &'static str,
        basis: Basis,
        path: &str,
    ) -> &mut Deadline {
        // A date typed centuries off (9999 for 2026) can put a stage boundary or the
        // 15/22 date past year 9999, which no report format can write.
        let due = crate::policy::arith::writable(due);
        let facts = self.facts;
        let status = if kind.is_informational() {
            Status::of(due, None, facts.as_of, self.profile.warning_window)
                .min(Status::Upcoming)
                .max(Status::DueSoon)
        } else {
            Status::of(due, met_on, facts.as_of, self.profile.warning_window)
        };
        self.list.push(Deadline {
            kind,
            due,
            status,
            met_on: met_on.filter(|d| *d <= facts.as_of),
            met_by,
            basis,
            source: self.profile.source_of(kind),
            about: None,
            path: path.to_owned(),
            cycle: 0,
        });
        let last = self.list.len() - 1;
        &mut self.list[last]
    }

    /// How the due date was reached: the deciding term with its anchor's date, such as
    /// 12 months after entering foster care on 2025-07-01 (the timeline shows the whole
    /// formula beside it).
    fn basis(&self, formula: &Formula) -> Basis {
        let Some(choice) = formula.deciding_choice(self.facts) else {
            return Basis::Formula(formula.to_string());
        };
        let anchors: &dyn super::formula::Anchors = self.facts;
        choice
            .0
            .iter()
            .find_map(|t| {
                anchors.date(t.anchor).map(|date| Basis::Term {
                    anchor: t.anchor,
                    date,
                    offset: t.offset,
                })
            })
            .unwrap_or_else(|| Basis::Formula(choice.to_string()))
    }

    /// An event date counts for the current episode only.
    fn in_episode(&self, date: Option<NaiveDate>) -> Option<NaiveDate> {
        date.filter(|d| *d >= self.facts.episode.removed)
    }

    fn one_time(&mut self) {
        let case = self.facts.case;
        let d = &self.profile.deadlines;
        let search = case.search.as_ref();
        let plan = case.plan.as_ref();
        let notified = self.in_episode(search.and_then(|s| s.relatives_notified));
        self.formula_deadline(
            Kind::RelativesNotice,
            &d.relatives_notice.clone(),
            notified,
            "`search.relatives_notified`",
            "search.relatives_notified",
        );
        if case.parents.iter().any(|p| p.whereabouts == Whereabouts::Unknown) {
            let started = self.in_episode(search.and_then(|s| s.started));
            self.formula_deadline(
                Kind::DiligentSearch,
                &d.diligent_search.clone(),
                started,
                "`search.started`",
                "search.started",
            );
        }
        let case_plan = self.in_episode(plan.and_then(|p| p.case_plan));
        self.formula_deadline(
            Kind::CasePlan,
            &d.case_plan.clone(),
            case_plan,
            "`plan.case_plan`",
            "plan.case_plan",
        );
    }

    fn formula_deadline(
        &mut self,
        kind: Kind,
        formula: &Formula,
        met_on: Option<NaiveDate>,
        met_by: &'static str,
        path: &str,
    ) {
        if let Some(due) = self.facts.due(formula) {
            let basis = self.basis(formula);
            self.push(kind, due, met_on, met_by, basis, path);
        }
    }
}
