//! Every deadline of an open case under its profile (POLICY.md), met or not.
//!
//! One-time deadlines are met by their event on or after the current removal;
//! recurring ones (periodic review, permanency hearing, FDI) are walked cycle by
//! cycle: each qualifying event meets the cycle it falls in and the next one runs
//! from it, so the last entry of a kind is the one still open.

use chrono::{Datelike, NaiveDate};

use super::arith::{Span, add_days, add_months};
use super::care::{Stage, next_stage_boundary, stage_start};
use super::deadline::{Deadline, Kind, Status};
use super::facts::CaseFacts;
use super::fifteen22::tpr_due;
use super::formula::Formula;
use super::profile::{Profile, Recurring};
use crate::model::{CourtOrder, HearingKind, PrimaryTrack, ReviewKind, Whereabouts};

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
    out.tpr_15_of_22();
    out.caseworker_visits();
    out.fdi();
    out.activities();
    out.scheduled_hearings();
    out.reunification_period_end();
    out.stage_change();
    number_cycles(&mut out.list);
    out.list
}

/// Numbers the deadlines of each kind and label in due-date order (see `Deadline::cycle`).
fn number_cycles(list: &mut [Deadline]) {
    let mut order: Vec<usize> = (0..list.len()).collect();
    order.sort_by(|&a, &b| {
        (list[a].kind, &list[a].label, list[a].due).cmp(&(list[b].kind, &list[b].label, list[b].due))
    });
    let mut previous: Option<(Kind, Option<String>)> = None;
    let mut cycle = 0;
    for i in order {
        let key = (list[i].kind, list[i].label.clone());
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
        basis: String,
        path: &str,
    ) -> &mut Deadline {
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
            label: None,
            path: path.to_owned(),
            cycle: 0,
        });
        let last = self.list.len() - 1;
        &mut self.list[last]
    }

    /// How the due date was reached: the deciding term with its date, such as
    /// "efc 2025-07-01 + 12mo" (the timeline shows the whole formula beside it).
    fn basis(&self, formula: &Formula) -> String {
        let Some(choice) = formula.deciding_choice(self.facts) else {
            return formula.to_string();
        };
        let anchors: &dyn super::formula::Anchors = self.facts;
        let Some(term) = choice.0.iter().find(|t| anchors.date(t.anchor).is_some()) else {
            return choice.to_string();
        };
        let date = anchors
            .date(term.anchor)
            .map(|d| d.to_string())
            .unwrap_or_default();
        term.to_string()
            .replacen(term.anchor.word(), &format!("{} {date}", term.anchor.word()), 1)
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
            "search.relatives_notified",
            "search.relatives_notified",
        );
        if case.parents.iter().any(|p| p.whereabouts == Whereabouts::Unknown) {
            let started = self.in_episode(search.and_then(|s| s.started));
            self.formula_deadline(
                Kind::DiligentSearch,
                &d.diligent_search.clone(),
                started,
                "search.started",
                "search.started",
            );
        }
        let case_plan = self.in_episode(plan.and_then(|p| p.case_plan));
        self.formula_deadline(
            Kind::CasePlan,
            &d.case_plan.clone(),
            case_plan,
            "plan.case_plan",
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

    fn periodic_review(&mut self) {
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
            "court review or permanency hearing, or administrative_review",
            "court",
        );
    }

    fn permanency_hearing(&mut self) {
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
            "court permanency hearing",
            "court",
        );
    }

    /// One entry per cycle: each event meets the open cycle and starts the next.
    fn recurring(
        &mut self,
        kind: Kind,
        rule: &Recurring,
        mut events: Vec<NaiveDate>,
        met_by: &'static str,
        path: &str,
    ) {
        let Some(mut due) = self.facts.due(&rule.first) else {
            return;
        };
        let mut basis = self.basis(&rule.first);
        events.sort_unstable();
        events.dedup();
        for event in events {
            self.push(kind, due, Some(event), met_by, basis.clone(), path);
            let Some(every) = rule.every else { return };
            due = every.after(event);
            basis = format!("latest {} {event} + {every}", kind_noun(kind));
            if let Some(sooner) = rule
                .first
                .eval_anchored_after(self.facts, event)
                .filter(|d| *d < due)
            {
                due = sooner;
                basis = format!("{} (before {every} after {event})", self.basis(&rule.first));
            }
        }
        self.push(kind, due, None, met_by, basis, path);
    }

    fn tpr_15_of_22(&mut self) {
        let facts = self.facts;
        let case = facts.case;
        // An open child who stays in care reaches 15 of 22 within 15 months of today.
        let horizon = add_months(facts.as_of, 16);
        let Some(due) = tpr_due(case, horizon) else { return };
        let filed = facts
            .current_hearings()
            .filter(|h| h.hearing == HearingKind::Tpr || h.orders.contains(&CourtOrder::TprPetition))
            .map(|h| h.date)
            .min();
        let exception = case.plan.as_ref().and_then(|p| p.tpr_exception);
        let first_efc = case
            .episodes
            .iter()
            .min_by_key(|e| e.removed)
            .map_or(facts.efc, super::care::efc);
        let basis = format!(
            "15 of the most recent 22 months in care, counted from efc {first_efc} of the first removal"
        );
        let met_by = if exception.is_some() && filed.is_none() {
            "plan.tpr_exception"
        } else {
            "court order tpr_petition or tpr hearing"
        };
        let path = if exception.is_some() {
            "plan.tpr_exception"
        } else {
            "court"
        };
        let deadline = self.push(Kind::Tpr15Of22, due, filed, met_by, basis, path);
        if exception.is_some() && filed.is_none() {
            deadline.status = Status::Met;
        }
    }

    /// A caseworker visit is due by the last day of every calendar month the child
    /// spends in care from removal (42 USC 622(b)(17) counts months in foster care from
    /// the removal, not from the EFC), through the as-of month.
    fn caseworker_visits(&mut self) {
        let facts = self.facts;
        let removed = facts.episode.removed;
        let mut month = first_of_month(removed);
        if removed.day() != 1 {
            month = add_months(month, 1);
        }
        let source_path = "contacts";
        while month <= facts.as_of {
            let last = add_days(add_months(month, 1), -1);
            let met = facts
                .case
                .contacts
                .iter()
                .filter(|c| c.with == "child" && c.date >= month && c.date <= last)
                .map(|c| c.date)
                .min();
            let label = month.format("%B %Y").to_string();
            let basis = format!("last day of {label}, a full month in care");
            self.push(
                Kind::CaseworkerVisit,
                last,
                met,
                "contacts entry with: child in that month",
                basis,
                source_path,
            )
            .label = Some(label);
            month = add_months(month, 1);
        }
    }

    /// Full disclosure interviews with each parent whose whereabouts are known: by the
    /// end of stage 1, then within `fdi_interval_days` of the latest.
    fn fdi(&mut self) {
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
                .filter(|d| d.with == parent.id && d.date >= removed && d.date <= facts.as_of)
                .map(|d| d.date)
                .collect();
            let first = self.list.len();
            self.recurring_from(Kind::Fdi, end_of_stage_1, &rule, events, "disclosures");
            for deadline in &mut self.list[first..] {
                deadline.label = Some(parent.id.clone());
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
        let mut basis = "end of stage 1".to_owned();
        events.sort_unstable();
        events.dedup();
        for event in events {
            self.push(
                kind,
                due,
                Some(event),
                "disclosures entry with the parent",
                basis.clone(),
                path,
            );
            let Some(every) = rule.every else { return };
            due = every.after(event);
            basis = format!("latest interview {event} + {every}");
        }
        self.push(kind, due, None, "disclosures entry with the parent", basis, path);
    }

    fn activities(&mut self) {
        let case = self.facts.case;
        for (g, goal) in case.goals.iter().enumerate() {
            for (o, objective) in goal.objectives.iter().enumerate() {
                for (a, activity) in objective.activities.iter().enumerate() {
                    let Some(due) = activity.due else { continue };
                    let path = format!("goals[{g}].objectives[{o}].activities[{a}].due");
                    let label = activity.id.clone().unwrap_or_else(|| activity.text.clone());
                    self.push(
                        Kind::Activity,
                        due,
                        activity.done,
                        "its done date",
                        "the activity's due date".to_owned(),
                        &path,
                    )
                    .label = Some(label);
                }
            }
        }
    }

    /// Scheduled hearings, and the court report due before each review or permanency hearing.
    fn scheduled_hearings(&mut self) {
        let facts = self.facts;
        let report_days = i64::from(self.profile.court_report_days);
        for (i, hearing) in facts
            .case
            .court
            .iter()
            .enumerate()
            .filter(|(_, h)| h.date > facts.as_of)
        {
            let path = format!("court[{i}].date");
            let word = crate::model::Vocab::word(hearing.hearing);
            self.push(
                Kind::Hearing,
                hearing.date,
                None,
                "the hearing itself",
                format!("scheduled {word} hearing"),
                &path,
            )
            .label = Some(word.to_owned());
            if matches!(hearing.hearing, HearingKind::Review | HearingKind::Permanency) && report_days > 0 {
                let due = add_days(hearing.date, -report_days);
                let basis = format!("{word} hearing {} - {report_days}d", hearing.date);
                self.push(
                    Kind::CourtReport,
                    due,
                    None,
                    "filing the report (not recorded in the case file)",
                    basis,
                    &path,
                )
                .label = Some(word.to_owned());
            }
        }
    }

    fn reunification_period_end(&mut self) {
        let facts = self.facts;
        let by_age = &self.profile.deadlines.reunification_period_end;
        let under_3 = facts.case.age_on(facts.episode.removed) < 3;
        let formula = if under_3 {
            by_age.under_3.clone()
        } else {
            by_age.otherwise.clone()
        };
        let Some(due) = facts.due(&formula) else { return };
        let primary = facts.case.plan.as_ref().map(|p| p.primary).unwrap_or_default();
        let basis = format!(
            "{}{}",
            self.basis(&formula),
            if under_3 {
                " (child under 3 at removal)"
            } else {
                ""
            }
        );
        let deadline = self.push(
            Kind::ReunificationPeriodEnd,
            due,
            None,
            "plan.primary: concurrent",
            basis,
            "plan.primary",
        );
        // Not a task to tick off: once it has passed it is overdue only while the
        // primary track is still reunification.
        if deadline.status == Status::Overdue && primary == PrimaryTrack::Concurrent {
            deadline.status = Status::Met;
        }
    }

    fn stage_change(&mut self) {
        let facts = self.facts;
        let Some((stage, date)) =
            next_stage_boundary(facts.episode.removed, facts.as_of, self.profile.stages)
        else {
            return;
        };
        let label = match stage {
            Stage::One => "stage 1, Doing For",
            Stage::Two => "stage 2, Doing With",
            Stage::Three => "stage 3, Moving towards Independence",
            Stage::Past => "past stage 3",
        };
        let months_before = match stage {
            Stage::One => 0,
            Stage::Two => self.profile.stages[0],
            Stage::Three => self.profile.stages[1],
            Stage::Past => self.profile.stages[2],
        };
        let basis = format!(
            "removed {} + {months_before}mo (month {} begins)",
            facts.episode.removed,
            months_before + 1
        );
        self.push(
            Kind::StageChange,
            date,
            None,
            "time",
            basis,
            &facts.episode_path(),
        )
        .label = Some(label.to_owned());
    }
}

/// What restarts a recurring deadline, in a word for "latest review 2026-07-07 + 6mo".
fn kind_noun(kind: Kind) -> &'static str {
    match kind {
        Kind::PeriodicReview => "review",
        Kind::PermanencyHearing => "permanency hearing",
        Kind::Fdi => "interview",
        _ => "event",
    }
}

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}
