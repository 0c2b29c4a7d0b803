//! The questions a youth's own plan raises: from 14 the youth is consulted on the case
//! plan and may choose two members of the planning team (42 USC 675(1)(B), 675a(b));
//! from 16, the services for adult life and, if the goal is APPLA, the efforts still
//! made to find a family (675a(a)); and before 18 the transition plan (675(5)(H)),
//! asked from the review before it is due, so the team plans it in time.

use super::before_next_review;
use super::{Facts, Question, question};
use crate::model::ConcurrentGoal;
use crate::policy::arith::add_days;

/// From this age the youth is consulted on the case plan (42 USC 675(1)(B)).
const CONSULTED_FROM: u32 = 14;
/// From this age the plan prepares for adult life (Chafee services, 42 USC 677; APPLA
/// only from 16, 675a(a)).
const ADULT_LIFE_FROM: u32 = 16;

/// The youth's own say: what the youth wants, and who the youth chose for the team.
pub(super) fn youth_voice(f: &Facts<'_>) -> Option<Question> {
    let age = f.case.age_on(f.facts.as_of);
    if age < CONSULTED_FROM {
        return None;
    }
    let consulted = f.case.plan.as_ref().and_then(|p| p.youth_consulted).map_or_else(
        || "no consultation on the case plan is recorded (plan.youth_consulted)".to_owned(),
        |d| format!("the youth was last consulted on the case plan on {d}"),
    );
    Some(question(
        "youth_voice",
        format!(
            "The youth is {age} and {consulted}: what does the youth want for where and with whom to live, and has the youth chosen up to two members of the case planning team?"
        ),
        "CP312; 42 USC 675(1)(B), 675a(b)",
    ))
}

/// Adult life from 16: the services that prepare for it, and a family still sought if
/// the goal is another planned permanent living arrangement.
pub(super) fn adult_life(f: &Facts<'_>) -> Option<Question> {
    let age = f.case.age_on(f.facts.as_of);
    if age < ADULT_LIFE_FROM {
        return None;
    }
    let appla = f.summary.concurrent_goal == Some(ConcurrentGoal::Appla);
    let family = if appla {
        " With APPLA as the goal, what intensive efforts to return the youth home or find an adoptive, guardianship or relative family are documented, and does the youth still have a lasting adult connection?"
    } else {
        ""
    };
    Some(question(
        "adult_life",
        format!(
            "The youth is {age}: which independent-living services (education, work, housing, health, money) are in place for the move to adult life?{family}"
        ),
        "42 USC 675a(a), 677",
    ))
}

/// Asked while the transition plan is not yet made (in its window) and is due before the
/// next semi-annual review; once overdue, the overdue question names it.
pub(super) fn transition_plan(f: &Facts<'_>) -> Option<Question> {
    let rule = f.profile.deadlines.transition_plan?;
    let birthday = f.case.birthday(rule.age);
    let from = rule.window.before(birthday);
    let due = add_days(birthday, -1);
    let as_of = f.facts.as_of;
    if as_of > due || f.facts.episode.removed > due || due > before_next_review(f) {
        return None;
    }
    let made = (f.case.plan.as_ref())
        .and_then(|p| p.transition_plan)
        .is_some_and(|d| d >= from && d <= as_of);
    if made {
        return None;
    }
    Some(question(
        "transition_plan",
        format!(
            "The youth turns {} on {birthday}: the transition plan is made with the youth from {from} and due {due}. \
             Who helps the youth plan housing, health insurance, school, work and mentors?",
            rule.age
        ),
        "CP410; 42 USC 675(5)(H)",
    ))
}
