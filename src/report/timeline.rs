//! `cplan timeline`: the "why" behind every date of one case, for the caseworker, the
//! supervisor or the judge who asks "why is the petition due on the 19th?".
//!
//! [`build`] turns a case into a [`Timeline`]: the case and its profile, every removal
//! episode with its EFC and how it was chosen, the stages of the current episode, the
//! 15-of-22 count month by month, and every deadline with the profile setting and the
//! statute behind it. `--format json` writes the `Timeline` as is; `text` draws it, and
//! `document` lays it out for HTML below its `picture`.
//! The sections are computed in the submodules and drawn by `timeline/text.rs`.

mod deadlines;
mod document;
mod episodes;
mod fifteen22;
mod picture;
mod text;

use crate::people::People;
use chrono::NaiveDate;
use serde::Serialize;

pub use deadlines::{DeadlineCycle, DeadlineGroup, ProfileSetting};
pub use document::document;
pub use episodes::{EpisodeView, ExcludedPeriod, InCare, StageAhead, StageRow, StagesView};
pub use fifteen22::{Fifteen22View, GridMonth, NotCounted};
pub use picture::picture;
pub use text::render as text;

use crate::model::Vocab;
use crate::policy::{CaseFacts, Profile};
use crate::report::detail::Detail;
use crate::summary::CaseSummary;

/// The whole timeline of one case, as `--format json` writes it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Timeline {
    pub as_of: String,
    pub case: CaseHeader,
    /// Set when the current episode has ended on or before the as-of date.
    pub closed: Option<Closed>,
    /// Oldest removal first.
    pub episodes: Vec<EpisodeView>,
    pub stages: StagesView,
    pub fifteen_of_22: Fifteen22View,
    /// One group per deadline kind (the order of the README's list), cycles in date order;
    /// empty for a closed case.
    pub deadlines: Vec<DeadlineGroup>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CaseHeader {
    pub id: String,
    pub file: String,
    pub child: String,
    pub born: String,
    pub age: u32,
    pub worker: String,
    pub supervisor: Option<String>,
    pub profile: ProfileView,
    pub errors: usize,
    pub warnings: usize,
}

/// The profile the case was checked with, and where its settings come from.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ProfileView {
    pub name: String,
    pub description: String,
    /// `built-in`, or `cplan.yaml` when the folder's file defines or changes it.
    pub origin: &'static str,
    /// The `cplan.yaml` behind an origin of `cplan.yaml`.
    pub file: Option<String>,
}

/// Where a profile's settings come from, as the CLI finds out from the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileOrigin {
    BuiltIn,
    /// Defined, or changed from the built-in one, by this `cplan.yaml`.
    FolderConfig(String),
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Closed {
    pub exited: String,
    pub exit_reason: Option<String>,
}

/// What [`build`] reads.
pub struct Input<'a> {
    pub summary: &'a CaseSummary,
    pub detail: Detail<'a>,
    pub origin: ProfileOrigin,
    pub redact: bool,
}

/// The timeline of a case; `None` for a case without a removal episode (the loader
/// never builds one, so a report row always has one).
pub fn build(input: &Input<'_>) -> Option<Timeline> {
    let detail = input.detail;
    let facts = detail.facts()?;
    let case = detail.case;
    let profile: &Profile = detail.profile;
    let episodes = episodes::episodes(case, &facts);
    Some(Timeline {
        as_of: detail.as_of.to_string(),
        case: header(input, profile),
        closed: closed(&facts),
        stages: episodes::stages(&facts, profile),
        fifteen_of_22: fifteen22::view(case, &facts, profile, &episodes, detail.deadlines),
        episodes,
        deadlines: deadlines::groups(&facts, profile, detail.deadlines, &People::of(case, input.redact)),
    })
}

fn header(input: &Input<'_>, profile: &Profile) -> CaseHeader {
    let s = input.summary;
    let (origin, file) = match &input.origin {
        ProfileOrigin::BuiltIn => ("built-in", None),
        ProfileOrigin::FolderConfig(path) => ("cplan.yaml", Some(path.clone())),
    };
    CaseHeader {
        id: s.id.clone(),
        file: s.file.display().to_string(),
        child: People::for_row(input.detail.case, input.redact).name(&s.child),
        born: s.born.to_string(),
        age: s.age,
        worker: s.worker.clone(),
        supervisor: s.supervisor.clone(),
        profile: ProfileView {
            name: profile.name.to_string(),
            description: profile.description.clone(),
            origin,
            file,
        },
        errors: s.errors,
        warnings: s.warnings,
    }
}

fn closed(facts: &CaseFacts<'_>) -> Option<Closed> {
    if facts.open {
        return None;
    }
    let exited = facts.episode.exited?;
    Some(Closed {
        exited: exited.to_string(),
        exit_reason: facts.episode.exit_reason.map(|r| r.word().to_owned()),
    })
}

/// Days in an inclusive range of days: 2026-07-06 to 2026-08-14 is 40 days.
fn days_inclusive(from: NaiveDate, to: NaiveDate) -> i64 {
    ((to - from).num_days() + 1).max(0)
}
