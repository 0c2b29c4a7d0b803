//! CP411 and CP412: the court's findings on reasonable efforts, without which title IV-E
//! does not pay for the child's placement (45 CFR 1356.21(b)). The messages say what the
//! child loses, and where the finding can still be asked for.

use super::{due_text, overdue_open_cycle};
use crate::finding::{Code, Severity};
use crate::model::Vocab;
use crate::policy::arith::{add_months, end_of_month};
use crate::policy::deadline::{Kind, Status};
use crate::policy::efforts::{About, EffortsFinding, findings, next_hearings};
use crate::rules::{CaseCtx, Check, Emit, Rule};

/// What a missing or negative removal finding costs, in the words of the messages.
const WHOLE_STAY: &str = "the child is not eligible for title IV-E foster care maintenance payments for this whole stay in care, so the placement is not paid for by title IV-E until the child leaves care";

pub const CP412: Rule = Rule {
    code: Code::new("CP412"),
    name: "removal-efforts-finding-missing",
    severity: Severity::Error,
    summary: "No court determination on efforts to prevent removal within 60 days: no title IV-E",
    explain: explain!("CP412"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp412),
};

/// CP412 removal-efforts-finding-missing: no court determination on reasonable efforts
/// to prevent removal by its due date (removed + 60 days), or the court found none then.
/// A determination made later does not count (45 CFR 1356.21(b)(1)(ii)); a positive one
/// in time outweighs a negative one, which the court may have revisited.
pub fn cp412(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let Some(d) = (ctx.deadlines.iter()).find(|d| d.kind == Kind::EffortsFindingRemoval) else {
        return;
    };
    let removal: Vec<EffortsFinding> = findings(&ctx.facts)
        .into_iter()
        .filter(|f| f.about == About::PreventRemoval)
        .collect();
    let in_time = |f: &&EffortsFinding| f.date <= d.due;
    if removal.iter().filter(in_time).any(|f| f.made) {
        return;
    }
    if let Some(none) = removal.iter().find(in_time) {
        emit.at_value(&format!("court[{}].findings", none.hearing), format!(
            "The court found no reasonable efforts to prevent the removal on {} ({}): {WHOLE_STAY}. Tell the title IV-E eligibility worker; if the court's order says otherwise, record its words in court[{}].findings",
            none.date, d.source, none.hearing
        ));
        return;
    }
    if d.status != Status::Overdue {
        return;
    }
    let late = removal.first();
    let (late_text, path) = match late {
        Some(f) => (
            format!(
                "; the determination of {} came {} after it and does not count",
                f.date,
                days((f.date - d.due).num_days())
            ),
            format!("court[{}].findings", f.hearing),
        ),
        None => (String::new(), "court".to_owned()),
    };
    emit.at_key_or(&path, &ctx.facts.episode_path(), format!(
        "No court determination on reasonable efforts to prevent removal, {}{late_text}: {WHOLE_STAY}. If the court made it in time, record it under `court` (`findings: [efforts_to_prevent_removal]`); if not, tell the title IV-E eligibility worker",
        due_text(d)
    ));
}

pub const CP411: Rule = Rule {
    code: Code::new("CP411"),
    name: "finalize-efforts-finding-missing",
    severity: Severity::Error,
    summary: "No court finding on efforts to finalize the permanency plan: title IV-E stops paying",
    explain: explain!("CP411"),
    closed_cases: false,
    opt_in: false,
    check: Check::Case(cp411),
};

/// CP411 finalize-efforts-finding-missing: the open cycle of the finding on reasonable
/// efforts to finalize the permanency plan is overdue. From the end of the month it was
/// due the child is not eligible until the finding is made (45 CFR 1356.21(b)(2)(ii)).
pub fn cp411(ctx: &CaseCtx<'_>, emit: &mut Emit<'_>) {
    let Some(d) = overdue_open_cycle(ctx, Kind::EffortsFindingPermanency) else {
        return;
    };
    let month_end = end_of_month(d.due);
    let month = d.due.format("%B %Y");
    let from = if ctx.as_of > month_end {
        format!("Since the end of {month} ({month_end})")
    } else {
        format!("From the end of {month} ({month_end})")
    };
    let refused = findings(&ctx.facts)
        .into_iter()
        .rev()
        .find(|f| f.about == About::FinalizePlan && !f.made && f.date > add_months(d.due, -12))
        .map(|f| format!("; the court found no reasonable efforts on {}", f.date))
        .unwrap_or_default();
    let ask = match next_hearings(&ctx.facts).first() {
        Some((_, h)) => format!("at the {} hearing on {}", h.hearing.word(), h.date),
        None => "at a hearing set as soon as possible".to_owned(),
    };
    emit.at_key_or("court", &ctx.facts.episode_path(), format!(
        "No court finding on reasonable efforts to finalize the permanency plan, {}{refused}. {from} the child is not eligible for title IV-E foster care maintenance payments: the placement is not paid for by title IV-E until the court makes the finding. Ask the court for it {ask} and record it under `court` (`findings: [efforts_to_finalize_plan]`)",
        due_text(d)
    ));
}

/// "1 day", "4 days".
fn days(n: i64) -> String {
    format!("{n} day{}", if n == 1 { "" } else { "s" })
}
