//! The deadlines a case's own record sets: 15 of 22, monthly caseworker visits, plan
//! activities, scheduled hearings and their court reports, the end of the reunification
//! period, the youth's transition plan, and the next stage.

use chrono::{Datelike, NaiveDate};

use super::Deadlines;
use crate::model::{CourtOrder, HearingKind, PersonRef, PrimaryTrack};
use crate::policy::arith::{add_days, add_months};
use crate::policy::care::{Stage, next_stage_boundary};
use crate::policy::deadline::{About, Basis, Kind, Status};
use crate::policy::fifteen22::tpr_due;

/// The age by which every child has left foster care (extended care ends at 21).
const LAST_AGE_IN_CARE: u32 = 21;

impl Deadlines<'_, '_> {
    pub(super) fn tpr_15_of_22(&mut self) {
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
            .map_or(facts.efc, crate::policy::care::efc);
        let basis = Basis::FifteenOf22 {
            first_entry: first_efc,
            days: (add_months(first_efc, 15) - first_efc).num_days(),
        };
        let met_by = if exception.is_some() && filed.is_none() {
            "`plan.tpr_exception`"
        } else {
            "a court order `tpr_petition` or a `tpr` hearing"
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
    ///
    /// Only months the child can be in care count: none before birth, none from the 21st
    /// birthday (foster care ends by 21 at the latest, extended care included, 42 USC
    /// 675(8)(B)). A removal typed centuries early (`0206-09-08`) or an as-of date far
    /// ahead would otherwise list thousands of months, each a deadline held in memory.
    pub(super) fn caseworker_visits(&mut self) {
        let facts = self.facts;
        let removed = facts.episode.removed.max(facts.case.child.born);
        let mut month = first_of_month(removed);
        if removed.day() != 1 {
            month = add_months(month, 1);
        }
        let last_month = facts
            .as_of
            .min(add_days(facts.case.birthday(LAST_AGE_IN_CARE), -1));
        let source_path = "contacts";
        while month <= last_month {
            let last = add_days(add_months(month, 1), -1);
            let met = facts
                .case
                .contacts
                .iter()
                .filter(|c| c.with == PersonRef::Child && c.date >= month && c.date <= last)
                .map(|c| c.date)
                .min();
            self.push(
                Kind::CaseworkerVisit,
                last,
                met,
                "a `contacts` entry `with: child` in that month",
                Basis::MonthInCare { month },
                source_path,
            )
            .about = Some(About::Month(month));
            month = add_months(month, 1);
        }
    }

    pub(super) fn activities(&mut self) {
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
                        "its `done` date",
                        Basis::ActivityDue,
                        &path,
                    )
                    .about = Some(About::Activity(label));
                }
            }
        }
    }

    /// Scheduled hearings, and the court report due before each review or permanency hearing.
    pub(super) fn scheduled_hearings(&mut self) {
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
            self.push(
                Kind::Hearing,
                hearing.date,
                None,
                "the hearing itself",
                Basis::Scheduled {
                    hearing: hearing.hearing,
                },
                &path,
            )
            .about = Some(About::Hearing(hearing.hearing));
            if matches!(hearing.hearing, HearingKind::Review | HearingKind::Permanency) && report_days > 0 {
                let due = add_days(hearing.date, -report_days);
                let basis = Basis::BeforeHearing {
                    hearing: hearing.hearing,
                    date: hearing.date,
                    days: self.profile.court_report_days,
                };
                // Unfiled after its due date the report is overdue (CP409) until the
                // hearing: only hearings after the as-of date get one.
                self.push(
                    Kind::CourtReport,
                    due,
                    hearing.report_filed,
                    "the hearing's `report_filed` date",
                    basis,
                    &path,
                )
                .about = Some(About::Hearing(hearing.hearing));
            }
        }
    }

    pub(super) fn reunification_period_end(&mut self) {
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
        let basis = Basis::ReunificationPeriod {
            term: Box::new(self.basis(&formula)),
            under_3,
        };
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

    /// The youth's transition plan (42 USC 675(5)(H)): due the day before the birthday of
    /// the profile's age (18), listed from `window` (90 days) before that birthday while
    /// the case is open, and met by a `plan.transition_plan` dated from then on (a plan
    /// made earlier is not the one the law asks for; one made late meets it late). A
    /// youth who came into care only after it was due owes none.
    pub(super) fn transition_plan(&mut self) {
        let facts = self.facts;
        let Some(rule) = self.profile.deadlines.transition_plan else {
            return;
        };
        let birthday = facts.case.birthday(rule.age);
        let from = rule.window.before(birthday);
        let due = add_days(birthday, -1);
        if facts.as_of < from || facts.episode.removed > due {
            return;
        }
        let made = (facts.case.plan.as_ref())
            .and_then(|p| p.transition_plan)
            .filter(|d| *d >= from);
        let basis = Basis::BeforeBirthday {
            age: rule.age,
            birthday,
            from,
            window: rule.window,
        };
        self.push(
            Kind::TransitionPlan,
            due,
            made,
            "`plan.transition_plan` dated in the window before the birthday",
            basis,
            "plan.transition_plan",
        );
    }

    pub(super) fn stage_change(&mut self) {
        let facts = self.facts;
        let Some((stage, date)) =
            next_stage_boundary(facts.episode.removed, facts.as_of, self.profile.stages)
        else {
            return;
        };
        let months_before = match stage {
            Stage::One => 0,
            Stage::Two => self.profile.stages[0],
            Stage::Three => self.profile.stages[1],
            Stage::Past => self.profile.stages[2],
        };
        let basis = Basis::StageStart {
            removed: facts.episode.removed,
            month: months_before + 1,
        };
        self.push(
            Kind::StageChange,
            date,
            None,
            "time",
            basis,
            &facts.episode_path(),
        )
        .about = Some(About::Stage(stage));
    }
}

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}
