//! The question a youth about to leave care raises: the transition plan of 42 USC
//! 675(5)(H), asked from the review before it is due, so the team plans it in time.

use super::situations::before_next_review;
use super::{Facts, Question, question};
use crate::policy::arith::add_days;

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
