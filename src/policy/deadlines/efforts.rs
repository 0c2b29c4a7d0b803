//! The two court findings on reasonable efforts that decide title IV-E eligibility
//! (45 CFR 1356.21(b)): on efforts to prevent removal, once, within 60 days of removal;
//! on efforts to finalize the permanency plan, 12 months after the child entered foster
//! care and within 12 months of each such finding after.

use chrono::NaiveDate;

use super::Deadlines;
use crate::policy::deadline::Kind;
use crate::policy::efforts::{About, findings};

impl Deadlines<'_, '_> {
    /// Due by the profile's formula (removed + 60 days) and met only by a determination
    /// made by then, positive or not (`no_reasonable_efforts` is a determination too):
    /// one made later cannot restore the episode's eligibility (45 CFR 1356.21(b)(1)(ii)),
    /// so it leaves the deadline overdue. None is due when the court found reunification
    /// efforts not required (a bypass) on or before the due date.
    pub(super) fn efforts_finding_removal(&mut self) {
        let facts = self.facts;
        let formula = self.profile.deadlines.efforts_finding_removal.clone();
        let Some(due) = facts.due(&formula) else { return };
        if facts.episode.bypass.is_some_and(|b| b <= due) {
            return;
        }
        let made = findings(facts)
            .into_iter()
            .find(|f| f.about == About::PreventRemoval && f.date <= due)
            .map(|f| f.date);
        let basis = self.basis(&formula);
        self.push(
            Kind::EffortsFindingRemoval,
            due,
            made,
            "a court finding `efforts_to_prevent_removal` (or `reasonable_efforts`, `no_reasonable_efforts`) by the due date",
            basis,
            "court",
        );
    }

    /// First due by the profile's formula (the date the child entered foster care + 12
    /// months), then within 12 months of the latest finding that the agency made
    /// reasonable efforts to finalize the plan; a late finding meets its cycle late (the
    /// months between are the months title IV-E did not pay, 45 CFR 1356.21(b)(2)(ii)).
    pub(super) fn efforts_finding_permanency(&mut self) {
        let events: Vec<NaiveDate> = findings(self.facts)
            .into_iter()
            .filter(|f| f.about == About::FinalizePlan && f.made)
            .map(|f| f.date)
            .collect();
        let rule = self.profile.deadlines.efforts_finding_permanency.clone();
        self.recurring(
            Kind::EffortsFindingPermanency,
            &rule,
            events,
            "a court finding `efforts_to_finalize_plan` (or `reasonable_efforts` after the first 60 days)",
            "court",
        );
    }
}
