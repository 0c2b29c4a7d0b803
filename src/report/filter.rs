//! The filters every report takes: `--worker`, `--case`, `--jurisdiction`, `--stage`.

use crate::policy::care::Stage;
use crate::summary::CaseSummary;

#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub worker: Option<String>,
    pub case: Option<String>,
    pub jurisdiction: Option<String>,
    pub stage: Option<Stage>,
}

impl CaseFilter {
    /// Worker names match case-insensitively and in part ("alvarez" finds "R. Alvarez");
    /// a stage means open cases in that stage (a closed case is in none).
    pub fn keeps(&self, case: &CaseSummary) -> bool {
        let contains = |hay: &str, needle: &str| hay.to_lowercase().contains(&needle.to_lowercase());
        self.worker.as_deref().is_none_or(|w| contains(&case.worker, w))
            && self.case.as_deref().is_none_or(|c| case.id == c)
            && self
                .jurisdiction
                .as_deref()
                .is_none_or(|j| case.profile.eq_ignore_ascii_case(j))
            && self.stage.is_none_or(|s| case.open && case.stage == s)
    }
}
