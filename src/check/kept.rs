//! The whole case behind a report row, kept by the check for the reports that show
//! more than a row (an agenda, a timeline), so that no report reads a file again.

use std::path::Path;
use std::sync::Arc;

use crate::finding::Finding;
use crate::model::Case;
use crate::policy::Profile;
use crate::policy::deadline::Deadline;

/// A case as the check read it, with its profile, all its deadlines and its own
/// findings (those of the rules across files stay with the run). Kept only for the
/// cases a report shows, with `CheckOptions::keeping_cases`: memory grows with them.
#[derive(Debug, Clone)]
pub struct KeptCase {
    pub file: Arc<Path>,
    pub case: Case,
    pub profile: Arc<Profile>,
    pub deadlines: Vec<Deadline>,
    pub findings: Vec<Finding>,
}
