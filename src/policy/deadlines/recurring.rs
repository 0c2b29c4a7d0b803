//! The deadlines that come back: periodic review, permanency hearing, and full
//! disclosure interviews with each parent. Each qualifying event meets the open cycle
//! and starts the next, so the last entry of a kind is the one still open.

use chrono::NaiveDate;

use super::Deadlines;
use crate::model::{HearingKind, ReviewKind};
use crate::policy::arith::{Span, add_days};
use crate::policy::care::{Stage, stage_start};
use crate::policy::deadline::{About, Basis, Kind};
use crate::policy::formula::Formula;
use crate::policy::profile::Recurring;

impl Deadlines<'_, '_> {
    pub(super) fn periodic_review(&mut self) {
        let facts = self.facts;
        let hearings = facts
            .current_hearings()
            .filter(|h| matches!(h.hearing, HearingKind::Review | HearingKind::Permanency))
            .map(|h| h.date);
        let reviews = facts
            .case
            .reviews
            .iter()
            .filter(|r| {
                r.kind == ReviewKind::AdministrativeReview
                    && r.date >= facts.episode.removed
                    && r.date <= facts.as_of
            })
            .map(|r| r.date);
        let events: Vec<NaiveDate> = hearings.chain(reviews).collect();
        let rule = self.profile.deadlines.periodic_review.clone();
        self.recurring(
            Kind::PeriodicReview,
            &rule,
            events,
            "a court `review` or `permanency` hearing, or an `administrative_review`",
            "court",
        );
    }

    pub(super) fn permanency_hearing(&mut self) {
        let events: Vec<NaiveDate> = self
            .facts
            .current_hearings()
            .filter(|h| h.hearing == HearingKind::Permanency)
            .map(|h| h.date)
            .collect();
        let rule = self.profile.deadlines.permanency_hearing.clone();
        self.recurring(
            Kind::PermanencyHearing,
            &rule,
            events,
            "a court `permanency` hearing",
            "court",
        );
    }

    /// One entry per cycle: each event meets the open cycle and starts the next.
    pub(super) fn recurring(
        &mut self,
        kind: Kind,
        rule: &Recurring,
        mut events: Vec<NaiveDate>,
        met_by: &'static str,
        path: &str,
    ) {
        if self.facts.due(&rule.first).is_none() {
            return;
        }
        events.sort_unstable();
        events.dedup();
        let mut previous = None;
        for event in events {
            let Some((due, basis)) = self.cycle_due(rule, previous, Some(event)) else {
                return;
            };
            self.push(kind, due, Some(event), met_by, basis, path);
            if rule.every.is_none() {
                return;
            }
            previous = Some(event);
        }
        if let Some((due, basis)) = self.cycle_due(rule, previous, None) {
            self.push(kind, due, None, met_by, basis, path);
        }
    }

    /// The due date of the cycle that follows the event `previous` (the first cycle when
    /// `None`), with how it was reached. Only anchors dated up to `met_on`, the event that
    /// meets the cycle, count for it: a bypass or "not viable" finding after that event
    /// (K.S.A. 38-2264(e)) sets the next cycle, which an earlier hearing cannot have met.
    fn cycle_due(
        &self,
        rule: &Recurring,
        previous: Option<NaiveDate>,
        met_on: Option<NaiveDate>,
    ) -> Option<(NaiveDate, Basis)> {
        let facts = self.facts;
        let Some(previous) = previous else {
            let within = rule.first.anchored_within(facts, None, met_on);
            // An event before every anchor (a hearing before the EFC) meets the first cycle
            // as the whole formula has it.
            let formula = if facts.due(&within).is_some() {
                &within
            } else {
                &rule.first
            };
            return Some((facts.due(formula)?, self.basis(formula)));
        };
        let every = rule.every?;
        let restart = every.after(previous);
        let sooner = rule.first.anchored_within(facts, Some(previous), met_on);
        Some(match facts.due(&sooner).filter(|d| *d < restart) {
            Some(due) => (
                due,
                Basis::Sooner {
                    term: Box::new(self.basis(&sooner)),
                    every,
                    previous,
                },
            ),
            None => (restart, Basis::Restart { previous, every }),
        })
    }

    /// Full disclosure interviews with each parent whose whereabouts are known: by the
    /// end of stage 1, then within `fdi_interval_days` of the latest.
    pub(super) fn fdi(&mut self) {
        let facts = self.facts;
        let removed = facts.episode.removed;
        let end_of_stage_1 = add_days(stage_start(removed, Stage::Two, self.profile.stages), -1);
        let rule = Recurring {
            first: Formula::default(),
            every: Some(Span::Days(i64::from(self.profile.fdi_interval_days))),
        };
        for parent in facts.case.known_parents() {
            let events: Vec<NaiveDate> = facts
                .case
                .disclosures
                .iter()
                .filter(|d| {
                    facts.case.written(&d.with) == parent.id && d.date >= removed && d.date <= facts.as_of
                })
                .map(|d| d.date)
                .collect();
            let first = self.list.len();
            self.recurring_from(Kind::Fdi, end_of_stage_1, &rule, events, "disclosures");
            for deadline in &mut self.list[first..] {
                deadline.about = Some(About::Parent(parent.id.clone()));
            }
        }
    }

    fn recurring_from(
        &mut self,
        kind: Kind,
        first_due: NaiveDate,
        rule: &Recurring,
        mut events: Vec<NaiveDate>,
        path: &str,
    ) {
        let mut due = first_due;
        let mut basis = Basis::EndOfStage1;
        events.sort_unstable();
        events.dedup();
        for event in events {
            self.push(
                kind,
                due,
                Some(event),
                "a `disclosures` entry with the parent",
                basis.clone(),
                path,
            );
            let Some(every) = rule.every else { return };
            due = every.after(event);
            basis = Basis::Restart {
                previous: event,
                every,
            };
        }
        self.push(
            kind,
            due,
            None,
            "a `disclosures` entry with the parent",
            basis,
            path,
        );
    }
}
