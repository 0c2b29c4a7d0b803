//! The whole case behind a report row, for the reports that show more than a row
//! (an agenda, a timeline): what the check kept of it, never the file read again.

use chrono::NaiveDate;

use crate::check::KeptCase;
use crate::finding::Finding;
use crate::model::Case;
use crate::policy::deadline::Deadline;
use crate::policy::{CaseFacts, Profile};

/// One case as the check read it on `as_of`.
#[derive(Clone, Copy)]
pub struct Detail<'a> {
    pub case: &'a Case,
    pub profile: &'a Profile,
    /// Every deadline of the case, met ones too.
    pub deadlines: &'a [Deadline],
    /// The file's own findings (those of the rules across files are the run's).
    pub findings: &'a [Finding],
    pub as_of: NaiveDate,
}

impl<'a> Detail<'a> {
    pub fn of(kept: &'a KeptCase, as_of: NaiveDate) -> Detail<'a> {
        Detail {
            case: &kept.case,
            profile: &kept.profile,
            deadlines: &kept.deadlines,
            findings: &kept.findings,
            as_of,
        }
    }

    /// The facts of the as-of date (current episode, EFC, month and stage).
    pub fn facts(&self) -> Option<CaseFacts<'a>> {
        CaseFacts::new(self.case, self.profile, self.as_of)
    }
}
