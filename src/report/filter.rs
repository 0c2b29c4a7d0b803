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

/// A filter value that matches no case of the caseload: taken for a typo, since a
/// report of nothing would look like an answer ("0 deadlines" for `--worker okafr`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoMatch {
    #[error("no case `{id}`; {closest}")]
    Case { id: String, closest: String },
    #[error("no case has a worker matching `{worker}`; the workers are: {known}")]
    Worker { worker: String, known: String },
    #[error("no case is checked with the `{jurisdiction}` profile; the profiles used are: {known}")]
    Jurisdiction { jurisdiction: String, known: String },
}

impl CaseFilter {
    /// Worker names match case-insensitively and in part ("alvarez" finds "R. Alvarez");
    /// a stage means open cases in that stage (a closed case is in none).
    pub fn keeps(&self, case: &CaseSummary) -> bool {
        self.worker
            .as_deref()
            .is_none_or(|w| worker_matches(&case.worker, w))
            && self.case.as_deref().is_none_or(|c| case.id == c)
            && self
                .jurisdiction
                .as_deref()
                .is_none_or(|j| case.profile.eq_ignore_ascii_case(j))
            && self.stage.is_none_or(|s| case.open && case.stage == s)
    }

    /// Whether each filter given matches some case of `cases` on its own. `--stage`
    /// is not checked: its values are a closed list, so a stage without cases is an
    /// answer ("no case is in stage 3"), not a typo.
    pub fn matches_some(&self, cases: &[CaseSummary]) -> Result<(), NoMatch> {
        if let Some(id) = &self.case
            && !cases.iter().any(|c| &c.id == id)
        {
            return Err(NoMatch::Case {
                id: id.clone(),
                closest: closest_ids(cases, id),
            });
        }
        if let Some(worker) = &self.worker
            && !cases.iter().any(|c| worker_matches(&c.worker, worker))
        {
            return Err(NoMatch::Worker {
                worker: worker.clone(),
                known: known(cases.iter().map(|c| c.worker.trim())),
            });
        }
        if let Some(jurisdiction) = &self.jurisdiction
            && !cases.iter().any(|c| c.profile.eq_ignore_ascii_case(jurisdiction))
        {
            return Err(NoMatch::Jurisdiction {
                jurisdiction: jurisdiction.clone(),
                known: known(cases.iter().map(|c| &*c.profile)),
            });
        }
        Ok(())
    }

    /// The filters given, in words: ["worker okafor", "stage 2"].
    pub fn words(&self) -> Vec<String> {
        let mut words = Vec::new();
        if let Some(worker) = &self.worker {
            words.push(format!("worker {worker}"));
        }
        if let Some(case) = &self.case {
            words.push(format!("case {case}"));
        }
        if let Some(jurisdiction) = &self.jurisdiction {
            words.push(format!("jurisdiction {jurisdiction}"));
        }
        if let Some(stage) = self.stage {
            words.push(match stage {
                Stage::Past => "past stage 3".to_owned(),
                other => format!("stage {}", other.short()),
            });
        }
        words
    }
}

fn worker_matches(worker: &str, typed: &str) -> bool {
    worker.to_lowercase().contains(&typed.to_lowercase())
}

/// "the closest ids are 2026-0205, 2026-0206, 2026-0207": ids containing what was
/// typed first (`0205` finds `2026-0205`), then by edit distance.
pub fn closest_ids(cases: &[CaseSummary], id: &str) -> String {
    let typed = id.to_lowercase();
    let mut ids: Vec<(bool, usize, &str)> = cases
        .iter()
        .map(|c| {
            let known = c.id.to_lowercase();
            (
                !known.contains(&typed),
                strsim::damerau_levenshtein(&typed, &known),
                c.id.as_str(),
            )
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let nearest: Vec<&str> = ids.iter().take(3).map(|(_, _, id)| *id).collect();
    match nearest.as_slice() {
        [] => "the folder holds no readable case".to_owned(),
        [one] => format!("the only id there is {one}"),
        _ => format!("the closest ids are {}", nearest.join(", ")),
    }
}

/// The distinct non-empty values, sorted, joined; "none" when there are none.
fn known<'a>(values: impl Iterator<Item = &'a str>) -> String {
    let set: std::collections::BTreeSet<&str> = values.filter(|v| !v.is_empty()).collect();
    if set.is_empty() {
        "none (the folder holds no readable case)".to_owned()
    } else {
        set.into_iter().collect::<Vec<_>>().join(", ")
    }
}
