//! An agenda built before the end of its run: `agenda --due-within` builds each case's
//! agenda as soon as the check has read the case, before the rules across files
//! (duplicate ids, siblings) have run, stages it on disk, and adds their findings when
//! the run is over (`cli/agenda/spool.rs` says why).

use serde::{Deserialize, Serialize};

use super::{
    Agenda, FindingItem, Inputs, deadlines_ahead, finding_item, heading, invite, period, questions,
    shown_findings, snapshot,
};
use crate::finding::{Finding, Loc, Severity};
use crate::people::People;

/// An agenda built as soon as its case is checked, from the case's own findings, with
/// what it takes to add the findings of the rules across files (duplicate ids,
/// siblings), known only at the end of the run: the agendas of a state's caseload are
/// built a batch of cases at a time and staged on disk rather than built at the end
/// from every case held in memory.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Early {
    agenda: Agenda,
    /// Where each of `agenda.findings` is in the file, to sort those added among them.
    places: Vec<Option<Loc>>,
    /// Where the question on the findings stands among the questions, asked or not.
    findings_question_at: usize,
    /// How the case's people are shown, for the messages of the findings added.
    names: People,
}

impl Early {
    /// The agenda with `across`, the findings of the rules across files about its
    /// case's file, among its own: as `build` makes it from all of them at once.
    pub fn finish(mut self, across: &[&Finding]) -> Agenda {
        let shown: Vec<&Finding> = across
            .iter()
            .copied()
            .filter(|f| f.severity >= Severity::Warning)
            .collect();
        if shown.is_empty() {
            return self.agenda;
        }
        let had_question = questions::findings(&self.agenda.findings).is_some();
        let own = self.places.into_iter().zip(self.agenda.findings);
        let added = shown.iter().map(|f| (f.loc, finding_item(f, &self.names)));
        let mut findings: Vec<(Option<Loc>, FindingItem)> = own.chain(added).collect();
        // `build` sorts by place and rule; a stable sort, so that among findings at one
        // place and of one rule the file's own come first, as there.
        findings.sort_by(|(a, x), (b, y)| (a, &x.rule).cmp(&(b, &y.rule)));
        self.agenda.findings = findings.into_iter().map(|(_, item)| item).collect();
        let at = self.findings_question_at;
        if had_question {
            self.agenda.questions.remove(at);
        }
        if let Some(question) = questions::findings(&self.agenda.findings) {
            self.agenda.questions.insert(at, question);
        }
        self.agenda
    }
}

/// [`build`] from the case's own findings only (`inputs.findings`), to be finished
/// with those of the rules across files at the end of the run ([`Early::finish`]).
pub fn build_early(inputs: &Inputs<'_>) -> Option<Early> {
    let detail = inputs.detail;
    let case = detail.case;
    let facts = detail.facts()?;
    let as_of = detail.as_of;
    let names = People::of(case, inputs.redact);
    let deadlines = deadlines_ahead(inputs.summary, inputs.horizon, as_of, &names);
    let since = period::since_last_review(case, &facts, &names);
    let shown = shown_findings(inputs.summary, inputs.findings);
    let places = shown.iter().map(|f| f.loc).collect();
    let findings: Vec<FindingItem> = shown.iter().map(|f| finding_item(f, &names)).collect();
    let (questions, findings_question_at) = questions::ask(&questions::Facts {
        case,
        facts: &facts,
        profile: detail.profile,
        summary: inputs.summary,
        since: &since,
        horizon: inputs.horizon,
        findings: &findings,
        names: &names,
    });
    let agenda = Agenda {
        heading: heading(inputs.summary, inputs.horizon, as_of, &names),
        snapshot: snapshot::build(case, &facts, detail.profile, inputs.summary, &names),
        deadlines,
        deadlines_until: inputs.horizon.to_string(),
        since_last_review: since,
        findings,
        questions,
        invite: invite(case, &names, as_of),
    };
    Some(Early {
        agenda,
        places,
        findings_question_at,
        names,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::agenda::{build, horizon, render_markdown_one, render_text_one};
    use crate::report::detail::Detail;
    use crate::summary::CaseSummary;
    use chrono::NaiveDate;

    /// `agenda --due-within` builds each agenda before the rules across files run, stages
    /// it as JSON, reads it back and adds their findings at the end: the agenda must be
    /// the one `build` makes from all the findings at once, in every format.
    #[test]
    fn an_early_agenda_read_back_and_finished_is_the_agenda_built_at_once() {
        use crate::check::{CheckOptions, Keep, KeptDeadlines, check_paths};
        use crate::finding::Code;
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
        let until = horizon(as_of, None);
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("cases-sample");
        let options = CheckOptions::new(as_of)
            .keeping(Keep::Due(until))
            .keeping_cases(KeptDeadlines::StillToBeMet);
        let run = check_paths(&[sample], options).expect("cases-sample exists");
        assert!(run.kept.len() > 10, "every readable sample case is kept");
        let mut asked_anew = 0;
        for kept in &run.kept {
            let row = run.summaries.iter().find(|s| s.file == kept.file).expect("a row");
            let summary = CaseSummary {
                deadlines: kept.deadlines.clone(),
                ..row.clone()
            };
            let detail = Detail::of(kept, as_of);
            let mut own = kept.findings.clone();
            own.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            // Across files: one before every finding of the file, one at the place and of
            // the rule of one of its own (it comes after it), one with no place.
            let mut across = vec![
                Finding::new(Code::new("CP005"), Severity::Error, &kept.file, "a copy".into())
                    .at(Loc::new(1, 1)),
                Finding::new(
                    Code::new("CP007"),
                    Severity::Warning,
                    &kept.file,
                    "no sibling".into(),
                ),
                Finding::new(Code::new("CP106"), Severity::Info, &kept.file, "not shown".into())
                    .at(Loc::new(2, 1)),
            ];
            if let Some(f) = own.iter().find(|f| f.severity >= Severity::Warning) {
                across.push(
                    Finding::new(f.rule, Severity::Warning, &kept.file, "same place".into()).at_opt(f.loc),
                );
            }
            let mut all = [own.clone(), across.clone()].concat();
            all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            let inputs = |findings| Inputs {
                summary: &summary,
                detail,
                findings,
                horizon: until,
                redact: true,
            };
            let Some(whole) = build(&inputs(&all)) else {
                continue;
            };
            let early = build_early(&inputs(&own)).expect("built as the whole");
            asked_anew += usize::from(early.agenda.findings.is_empty());
            let staged = serde_json::to_vec(&early).expect("written");
            let read: Early = serde_json::from_slice(&staged).expect("read back");
            let finished = read.finish(&across.iter().collect::<Vec<_>>());
            let json = |a: &Agenda| serde_json::to_string(a).expect("json");
            assert_eq!(json(&finished), json(&whole), "{}", row.id);
            assert_eq!(render_text_one(&finished), render_text_one(&whole), "{}", row.id);
            assert_eq!(
                render_markdown_one(&finished),
                render_markdown_one(&whole),
                "{}",
                row.id
            );
        }
        assert!(
            asked_anew > 0,
            "a case with no finding of its own gets the question at the end"
        );
    }
}
