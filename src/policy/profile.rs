//! Rule profiles: every timing setting and rule switch of a jurisdiction.
//!
//! A profile is a YAML document; the built-in `federal`, `california` and `kansas`
//! profiles (src/policy/profiles/) are written in exactly the format a user writes
//! in `cplan.yaml`: `extends:` a profile, then only what differs.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::arith::Span;
use super::formula::Formula;
use crate::finding::Severity;
use crate::model::ConcurrentGoal;

/// The settings one case is checked with.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// Shared with every case row checked under it (a state's caseload names a few).
    pub name: Arc<str>,
    pub description: String,
    /// The profile this one was built on, for `explain --profile`.
    pub extends: Option<String>,
    pub deadlines: DeadlineRules,
    /// Last month of stages 1, 2 and 3 (months counted from removal).
    pub stages: [u32; 3],
    pub visits: VisitSettings,
    pub fdi_interval_days: u32,
    /// CP207: days between visits of siblings placed apart.
    pub sibling_visit_days: u32,
    pub efforts_interval_days: u32,
    /// CP314: days between steps to find a permanent family while none is identified.
    pub recruitment_interval_days: u32,
    pub early_review_days: u32,
    pub activity_max: Span,
    pub service_response_days: u32,
    pub warning_window: Span,
    pub court_report_days: u32,
    /// CP407 warns this many days before the reunification period ends.
    pub reunification_notice_days: u32,
    pub checks_required_for: Vec<ConcurrentGoal>,
    pub appla_min_age: u32,
    /// From this age the youth is consulted on the case plan (CP312).
    pub youth_consultation_age: u32,
    /// Rules turned off or given another severity, by code.
    pub rules: BTreeMap<String, RuleSetting>,
    /// The statute or policy behind each deadline kind, by kind word (`case_plan`).
    /// Shared with every deadline that cites it, rather than copied into each.
    pub sources: BTreeMap<String, Arc<str>>,
}

/// When each deadline of docs/deadlines.md falls, as formulas.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DeadlineRules {
    pub relatives_notice: Formula,
    pub diligent_search: Formula,
    pub case_plan: Formula,
    pub periodic_review: Recurring,
    pub permanency_hearing: Recurring,
    pub reunification_period_end: ByAge,
    /// From when CP102 requires a concurrent goal.
    pub concurrent_goal_due: Formula,
    /// The court's determination on reasonable efforts to prevent removal (45 CFR
    /// 1356.21(b)(1)): none when a bypass falls on or before it.
    pub efforts_finding_removal: Formula,
    /// The court's finding on reasonable efforts to finalize the permanency plan (45 CFR
    /// 1356.21(b)(2)), restarted by each such finding.
    pub efforts_finding_permanency: Recurring,
    /// The youth's transition plan before leaving care (42 USC 675(5)(H)); `None` when
    /// a profile turns it off.
    pub transition_plan: Option<TransitionRule>,
}

/// `transition_plan: {age: 18, window: 90d}`: due the day before the birthday of `age`,
/// made (and listed) from `window` before that birthday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransitionRule {
    pub age: u32,
    pub window: Span,
}

impl std::fmt::Display for TransitionRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{{age: {}, window: {}}}", self.age, self.window)
    }
}

/// A deadline that comes back: first due by `first`, then `every` after the latest
/// qualifying event. After a restart, terms of `first` anchored on a date after the
/// latest event (a bypass, a "not viable" finding) still apply.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Recurring {
    pub first: Formula,
    pub every: Option<Span>,
}

/// A formula that differs for children under 3 on the day of removal (WIC 361.5(a)).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ByAge {
    pub under_3: Formula,
    pub otherwise: Formula,
}

#[derive(Debug, Clone, PartialEq)]
pub struct VisitSettings {
    pub window_days: u32,
    /// Visits held in the window, per stage.
    pub min: [u32; 3],
    /// The minimum for a child under 3, whatever the stage.
    pub min_under_3: u32,
    /// Longest gap between held visits, per stage.
    pub max_gap_days: [u32; 3],
}

/// A `rules:` entry: `off`, or the severity to report the rule at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSetting {
    Off,
    At(Severity),
}

impl RuleSetting {
    pub fn word(self) -> &'static str {
        match self {
            RuleSetting::Off => "off",
            RuleSetting::At(severity) => severity.word(),
        }
    }
}

impl std::str::FromStr for RuleSetting {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "off" | "false" => Ok(RuleSetting::Off),
            other => Severity::from_word(other)
                .map(RuleSetting::At)
                .ok_or_else(|| format!("`{other}` is not a rule setting; write off, error, warning or info")),
        }
    }
}

impl Profile {
    /// A profile with nothing set: the base the built-in `federal` document fills in.
    pub(crate) fn blank(name: &str) -> Profile {
        Profile {
            name: name.into(),
            description: String::new(),
            extends: None,
            deadlines: DeadlineRules::default(),
            stages: [4, 8, 15],
            visits: VisitSettings {
                window_days: 0,
                min: [0; 3],
                min_under_3: 0,
                max_gap_days: [0; 3],
            },
            fdi_interval_days: 0,
            sibling_visit_days: 0,
            efforts_interval_days: 0,
            recruitment_interval_days: 0,
            early_review_days: 0,
            activity_max: Span::Months(6),
            service_response_days: 0,
            warning_window: Span::Days(0),
            court_report_days: 0,
            reunification_notice_days: 0,
            checks_required_for: Vec::new(),
            appla_min_age: 0,
            youth_consultation_age: 0,
            rules: BTreeMap::new(),
            sources: BTreeMap::new(),
        }
    }

    /// The statute or policy a deadline kind comes from in this profile.
    pub fn source_of(&self, kind: super::deadline::Kind) -> Arc<str> {
        self.sources
            .get(kind.word())
            .map_or_else(|| Arc::from(""), Arc::clone)
    }

    /// How a rule is set in this profile: `None` = its registry default.
    pub fn rule_setting(&self, code: &str) -> Option<RuleSetting> {
        self.rules.get(code).copied()
    }
}

/// The effective settings, written as a profile document a user could copy into
/// `cplan.yaml` (`cplan explain --profile NAME`).
impl std::fmt::Display for Profile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |values: &[u32]| values.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
        writeln!(f, "# Effective settings of the `{}` profile", self.name)?;
        if let Some(base) = &self.extends {
            writeln!(
                f,
                "# (built on `{base}`; every setting is shown, inherited or not)"
            )?;
        }
        writeln!(f, "description: {}", self.description)?;
        writeln!(f, "\ndeadlines:")?;
        let d = &self.deadlines;
        writeln!(f, "  relatives_notice: {}", yaml_formula(&d.relatives_notice))?;
        writeln!(f, "  diligent_search: {}", yaml_formula(&d.diligent_search))?;
        writeln!(f, "  case_plan: {}", yaml_formula(&d.case_plan))?;
        writeln!(
            f,
            "  efforts_finding_removal: {}",
            yaml_formula(&d.efforts_finding_removal)
        )?;
        for (key, recurring) in [
            ("periodic_review", &d.periodic_review),
            ("permanency_hearing", &d.permanency_hearing),
            ("efforts_finding_permanency", &d.efforts_finding_permanency),
        ] {
            writeln!(f, "  {key}:\n    first: {}", yaml_formula(&recurring.first))?;
            match recurring.every {
                Some(every) => writeln!(f, "    every: {every}")?,
                None => writeln!(f, "    every: none")?,
            }
        }
        let by_age = &d.reunification_period_end;
        if by_age.under_3 == by_age.otherwise {
            writeln!(
                f,
                "  reunification_period_end: {}",
                yaml_formula(&by_age.otherwise)
            )?;
        } else {
            writeln!(f, "  reunification_period_end:")?;
            writeln!(f, "    under_3: {}", yaml_formula(&by_age.under_3))?;
            writeln!(f, "    otherwise: {}", yaml_formula(&by_age.otherwise))?;
        }
        writeln!(
            f,
            "  concurrent_goal_due: {}",
            yaml_formula(&d.concurrent_goal_due)
        )?;
        match d.transition_plan {
            Some(rule) => writeln!(f, "  transition_plan: {rule}")?,
            None => writeln!(f, "  transition_plan: none")?,
        }
        writeln!(f, "\nstages: [{}]", list(&self.stages))?;
        writeln!(f, "visits:")?;
        writeln!(f, "  window_days: {}", self.visits.window_days)?;
        writeln!(f, "  min: [{}]", list(&self.visits.min))?;
        writeln!(f, "  min_under_3: {}", self.visits.min_under_3)?;
        writeln!(f, "  max_gap_days: [{}]", list(&self.visits.max_gap_days))?;
        for (key, value) in [
            ("fdi_interval_days", self.fdi_interval_days),
            ("sibling_visit_days", self.sibling_visit_days),
            ("efforts_interval_days", self.efforts_interval_days),
            ("recruitment_interval_days", self.recruitment_interval_days),
            ("early_review_days", self.early_review_days),
        ] {
            writeln!(f, "{key}: {value}")?;
        }
        writeln!(f, "activity_max: {}", self.activity_max)?;
        writeln!(f, "service_response_days: {}", self.service_response_days)?;
        writeln!(f, "warning_window: {}", self.warning_window)?;
        writeln!(f, "court_report_days: {}", self.court_report_days)?;
        writeln!(f, "reunification_notice_days: {}", self.reunification_notice_days)?;
        let goals: Vec<&str> = self
            .checks_required_for
            .iter()
            .map(|g| crate::model::Vocab::word(*g))
            .collect();
        writeln!(f, "checks_required_for: [{}]", goals.join(", "))?;
        writeln!(f, "appla_min_age: {}", self.appla_min_age)?;
        writeln!(f, "youth_consultation_age: {}", self.youth_consultation_age)?;
        writeln!(f, "\nsources:")?;
        for (kind, source) in &self.sources {
            writeln!(f, "  {kind}: \"{}\"", source.replace('"', "'"))?;
        }
        if self.rules.is_empty() {
            writeln!(f, "\nrules: {{}}")
        } else {
            writeln!(f, "\nrules:")?;
            self.rules
                .iter()
                .try_for_each(|(code, setting)| writeln!(f, "  {code}: {}", setting.word()))
        }
    }
}

/// A formula as it is written in a profile: one choice bare, several as a list.
pub fn yaml_formula(formula: &super::formula::Formula) -> String {
    match formula.0.as_slice() {
        [] => "none".to_owned(),
        [one] => one.to_string(),
        many => format!(
            "[{}]",
            many.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
