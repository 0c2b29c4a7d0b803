//! What a case is on the as-of date, computed once and shared by every rule and
//! deadline: its current episode, EFC, month and stage of care, and the dates its
//! profile's formulas count from.

use chrono::NaiveDate;

use super::care::{Stage, efc, month_of_care, stage_of};
use super::formula::{Anchor, Anchors, Formula};
use super::profile::Profile;
use crate::model::{Case, CourtFinding, Episode};

#[derive(Debug, Clone)]
pub struct CaseFacts<'a> {
    pub case: &'a Case,
    pub as_of: NaiveDate,
    /// The current episode (latest `removed`) and its index in `episodes`.
    pub episode: &'a Episode,
    pub episode_index: usize,
    pub efc: NaiveDate,
    /// Month of care on the as-of date (1 = the month after removal began).
    pub month: u32,
    pub stage: Stage,
    pub open: bool,
    /// The case plan's due date under the profile (CP102, CP301 and CP302 key off it).
    pub case_plan_due: Option<NaiveDate>,
}

impl<'a> CaseFacts<'a> {
    /// `None` for a case with no episode (the loader does not build one, but the
    /// model allows it).
    pub fn new(case: &'a Case, profile: &Profile, as_of: NaiveDate) -> Option<CaseFacts<'a>> {
        let (episode_index, episode) = case.current_episode()?;
        let month = month_of_care(episode.removed, as_of);
        let mut facts = CaseFacts {
            case,
            as_of,
            episode,
            episode_index,
            efc: efc(episode),
            month,
            stage: stage_of(month, profile.stages),
            open: case.is_open(as_of),
            case_plan_due: None,
        };
        facts.case_plan_due = profile.deadlines.case_plan.eval(&facts);
        Some(facts)
    }

    /// A profile formula's date for this case (`None` when its anchors are unknown).
    pub fn due(&self, formula: &Formula) -> Option<NaiveDate> {
        formula.eval(self)
    }

    /// The first court finding that reunification is not viable, in the current episode.
    pub fn not_viable_on(&self) -> Option<NaiveDate> {
        self.current_hearings()
            .filter(|h| h.findings.contains(&CourtFinding::ReunificationNotViable))
            .map(|h| h.date)
            .min()
    }

    /// Court hearings of the current episode held on or before the as-of date.
    pub fn current_hearings(&self) -> impl Iterator<Item = &'a crate::model::Hearing> + '_ {
        let removed = self.episode.removed;
        let as_of = self.as_of;
        self.case
            .court
            .iter()
            .filter(move |h| h.date >= removed && h.date <= as_of)
    }

    /// The path of the current episode in the file (`episodes[1]`).
    pub fn episode_path(&self) -> String {
        format!("episodes[{}]", self.episode_index)
    }

    /// The child's age in whole years on `day`.
    pub fn age_on(&self, day: NaiveDate) -> u32 {
        self.case.age_on(day)
    }
}

impl Anchors for CaseFacts<'_> {
    fn date(&self, anchor: Anchor) -> Option<NaiveDate> {
        let e = self.episode;
        match anchor {
            Anchor::Removed => Some(e.removed),
            Anchor::Efc => Some(self.efc),
            Anchor::CourtFinding => e.court_finding,
            Anchor::Disposition => e.disposition,
            Anchor::Staffing => self.case.plan.as_ref().and_then(|p| p.staffing),
            Anchor::Bypass => e.bypass,
            Anchor::NotViable => self.not_viable_on(),
            Anchor::CasePlanDue => self.case_plan_due,
        }
    }
}
