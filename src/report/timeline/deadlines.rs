//! Every deadline of the case, grouped by kind, each group with the profile setting
//! (or the fixed rule) that produces its dates and the statute behind it.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Case, Vocab};
use crate::people::People;
use crate::policy::CaseFacts;
use crate::policy::deadline::{About, Deadline, Kind};
use crate::policy::profile::{Profile, Recurring};
use crate::policy::words;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DeadlineGroup {
    pub kind: &'static str,
    pub title: &'static str,
    /// The profile settings that produce the dates, as a profile writes them.
    pub settings: Vec<ProfileSetting>,
    /// How the dates are fixed beyond (or instead of) a setting.
    pub rule: Option<String>,
    pub source: String,
    /// What in the case file meets a deadline of this kind.
    pub met_by: String,
    pub items: Vec<DeadlineCycle>,
}

/// `deadlines.case_plan: removed + 60d`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ProfileSetting {
    pub key: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DeadlineCycle {
    pub due: String,
    pub status: &'static str,
    /// "met on 2026-02-20", "met late on …", "overdue by 3 days", "due in 95 days".
    pub status_text: String,
    pub days_left: i64,
    pub met_on: Option<String>,
    pub met_late: bool,
    /// How the date was reached, in words: "6 months after entering foster care on 2026-03-04".
    pub basis: String,
    /// What it is about when a kind has several: the parent, the activity, the month.
    pub about: Option<String>,
}

pub fn groups(
    facts: &CaseFacts<'_>,
    profile: &Profile,
    deadlines: &[Deadline],
    people: &People,
) -> Vec<DeadlineGroup> {
    Kind::ALL
        .into_iter()
        .filter_map(|kind| {
            let mut mine: Vec<&Deadline> = deadlines.iter().filter(|d| d.kind == kind).collect();
            let first = *mine.first()?;
            // Interviews are per parent, so each parent's cycles stay together.
            if kind == Kind::Fdi {
                mine.sort_by(|a, b| (&a.about, a.due).cmp(&(&b.about, b.due)));
            } else {
                mine.sort_by(|a, b| (a.due, &a.about).cmp(&(b.due, &b.about)));
            }
            let (settings, rule) = settings_of(kind, facts, profile);
            Some(DeadlineGroup {
                kind: kind.word(),
                title: words::kind(kind),
                settings,
                rule,
                source: first.source.to_string(),
                met_by: first.met_by.to_owned(),
                items: mine
                    .into_iter()
                    .map(|d| item(d, facts.case, facts.as_of, people))
                    .collect(),
            })
        })
        .collect()
}

fn item(d: &Deadline, case: &Case, as_of: NaiveDate, people: &People) -> DeadlineCycle {
    DeadlineCycle {
        due: d.due.to_string(),
        status: d.status.word(),
        status_text: words::status_long(d, as_of),
        days_left: d.days_left(as_of),
        met_on: d.met_on.map(|m| m.to_string()),
        met_late: d.met_late(),
        basis: people.text(&words::why(d)),
        about: about(d, case, people),
    }
}

/// The deadline's label in words safe for `--redact`: an interview names the parent
/// (by initials when redacted), an activity without an id is named by its place in
/// the file when redacted, since its text may name people.
pub(super) fn about(d: &Deadline, case: &Case, people: &People) -> Option<String> {
    Some(match d.about.as_ref()? {
        About::Parent(id) => match case.parents.iter().find(|p| &p.id == id) {
            Some(parent) => format!("{} ({})", people.name(&parent.name), parent.relationship.word()),
            None => people.reference(id),
        },
        About::Activity(label) => {
            let has_id = case
                .goals
                .iter()
                .flat_map(|g| &g.objectives)
                .flat_map(|o| &o.activities)
                .any(|a| a.id.as_deref() == Some(label.as_str()));
            if has_id || !people.redacts() {
                people.text(label)
            } else {
                d.path.trim_end_matches(".due").to_owned()
            }
        }
        other => words::about(other),
    })
}

/// The settings of `profile` that a kind's dates come from, and the fixed part of
/// the rule in words.
fn settings_of(
    kind: Kind,
    facts: &CaseFacts<'_>,
    profile: &Profile,
) -> (Vec<ProfileSetting>, Option<String>) {
    let d = &profile.deadlines;
    let one = |key: &str, value: String| vec![setting(key, value)];
    let stages = || {
        format!(
            "[{}, {}, {}]",
            profile.stages[0], profile.stages[1], profile.stages[2]
        )
    };
    match kind {
        Kind::RelativesNotice => (
            one("deadlines.relatives_notice", crate::policy::profile::yaml_formula(&d.relatives_notice)),
            None,
        ),
        Kind::DiligentSearch => (
            one("deadlines.diligent_search", crate::policy::profile::yaml_formula(&d.diligent_search)),
            Some("due because a parent's whereabouts are unknown".to_owned()),
        ),
        Kind::CasePlan => (one("deadlines.case_plan", crate::policy::profile::yaml_formula(&d.case_plan)), None),
        Kind::PeriodicReview => (recurring("periodic_review", &d.periodic_review), None),
        Kind::PermanencyHearing => (recurring("permanency_hearing", &d.permanency_hearing), None),
        Kind::EffortsFindingRemoval => (
            one(
                "deadlines.efforts_finding_removal",
                crate::policy::profile::yaml_formula(&d.efforts_finding_removal),
            ),
            Some("a determination made later does not count: without one in time the child is not eligible for title IV-E for this stay in care; none is due when the court found reunification efforts not required (bypass) by then".to_owned()),
        ),
        Kind::EffortsFindingPermanency => (
            recurring("efforts_finding_permanency", &d.efforts_finding_permanency),
            Some("from the end of the month it was due until the finding is made, the placement is not paid for by title IV-E".to_owned()),
        ),
        Kind::Tpr15Of22 => (
            Vec::new(),
            Some("fixed by law, not a profile setting: 15 of the most recent 22 months in care (see above)".to_owned()),
        ),
        Kind::CaseworkerVisit => (
            Vec::new(),
            Some("fixed by law, not a profile setting: the last day of every full calendar month in care, from removal".to_owned()),
        ),
        Kind::Fdi => (
            vec![
                setting("stages", stages()),
                setting("fdi_interval_days", profile.fdi_interval_days.to_string()),
            ],
            Some("for each parent whose whereabouts are known: by the end of stage 1, then within `fdi_interval_days` of the latest interview".to_owned()),
        ),
        Kind::Activity => (Vec::new(), Some("each activity's `due` date in the case file".to_owned())),
        Kind::Hearing => (Vec::new(), Some("each court hearing scheduled after the as-of date".to_owned())),
        Kind::CourtReport => (
            one("court_report_days", profile.court_report_days.to_string()),
            Some("before each scheduled review or permanency hearing".to_owned()),
        ),
        Kind::ReunificationPeriodEnd => reunification_setting(facts, profile),
        Kind::TransitionPlan => (
            one(
                "deadlines.transition_plan",
                d.transition_plan.map_or_else(|| "none".to_owned(), |rule| rule.to_string()),
            ),
            Some("due the day before the birthday of `age`, listed from `window` before that birthday while the youth is in care".to_owned()),
        ),
        Kind::StageChange => (
            one("stages", stages()),
            Some("the first day of the next stage, counted from removal".to_owned()),
        ),
    }
}

fn setting(key: &str, value: String) -> ProfileSetting {
    ProfileSetting {
        key: key.to_owned(),
        value,
    }
}

fn recurring(key: &str, rule: &Recurring) -> Vec<ProfileSetting> {
    vec![
        setting(
            &format!("deadlines.{key}.first"),
            crate::policy::profile::yaml_formula(&rule.first),
        ),
        setting(
            &format!("deadlines.{key}.every"),
            rule.every
                .map_or_else(|| "none".to_owned(), |every| every.to_string()),
        ),
    ]
}

/// The branch of `reunification_period_end` the case falls under (WIC 361.5(a): age on
/// the day of removal), or the one formula when both branches are the same.
fn reunification_setting(facts: &CaseFacts<'_>, profile: &Profile) -> (Vec<ProfileSetting>, Option<String>) {
    let by_age = &profile.deadlines.reunification_period_end;
    let key = "deadlines.reunification_period_end";
    if by_age.under_3 == by_age.otherwise {
        return (
            vec![setting(
                key,
                crate::policy::profile::yaml_formula(&by_age.otherwise),
            )],
            None,
        );
    }
    if facts.case.age_on(facts.episode.removed) < 3 {
        let rule = "the child was under 3 on the day of removal";
        (
            vec![setting(
                &format!("{key}.under_3"),
                crate::policy::profile::yaml_formula(&by_age.under_3),
            )],
            Some(rule.to_owned()),
        )
    } else {
        let rule = "the child was 3 or older on the day of removal";
        (
            vec![setting(
                &format!("{key}.otherwise"),
                crate::policy::profile::yaml_formula(&by_age.otherwise),
            )],
            Some(rule.to_owned()),
        )
    }
}
