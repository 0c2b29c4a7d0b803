//! The whole case behind a report row, read again for the reports that show more
//! than a row (agenda, timeline).

use std::sync::Arc;

use chrono::NaiveDate;

use crate::load;
use crate::policy::{Config, ConfigError, Configs, Profile};
use crate::summary::CaseSummary;

/// A case file read again, with its profile, its deadlines and its own findings (those
/// of the rules across files stay with the run).
pub struct Detail {
    pub file: load::CaseFile,
    pub profile: Arc<Profile>,
    pub deadlines: Vec<crate::policy::deadline::Deadline>,
    pub findings: Vec<crate::finding::Finding>,
    pub as_of: NaiveDate,
}

impl Detail {
    /// Reads the file of `summary` again with the configuration of its folder (the
    /// same `cplan.yaml` the check used: `configs` reads each once).
    pub fn load(
        summary: &CaseSummary,
        configs: &Configs,
        as_of: NaiveDate,
    ) -> Result<Option<Detail>, ConfigError> {
        Ok(Detail::load_with(
            summary,
            &*configs.for_file(&summary.file)?,
            as_of,
        ))
    }

    /// Reads the file of `summary` again with `config`.
    pub fn load_with(summary: &CaseSummary, config: &Config, as_of: NaiveDate) -> Option<Detail> {
        let mut file = load::load_file(&summary.file, config.load);
        let mut findings = std::mem::take(&mut file.findings);
        let case = file.case.as_ref()?;
        let profile = Arc::clone(super::file::profile_of(&file, case, config, &mut findings));
        let checked = crate::rules::check_case(&file, &profile, as_of);
        findings.extend(checked.findings);
        let deadlines = checked.summary.map(|s| s.deadlines).unwrap_or_default();
        Some(Detail {
            file,
            profile,
            deadlines,
            findings,
            as_of,
        })
    }

    pub fn case(&self) -> &crate::model::Case {
        // `load` returns a Detail only for a file whose case was read.
        self.file.case.as_ref().unwrap_or(&EMPTY_CASE)
    }

    /// The facts of the as-of date (current episode, EFC, month and stage).
    pub fn facts(&self) -> Option<crate::policy::CaseFacts<'_>> {
        crate::policy::CaseFacts::new(self.case(), &self.profile, self.as_of)
    }
}

static EMPTY_CASE: std::sync::LazyLock<crate::model::Case> =
    std::sync::LazyLock::new(crate::model::Case::default);
