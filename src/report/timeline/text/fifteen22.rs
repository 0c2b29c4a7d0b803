//! The 15/22 section as text: the target, the due date and why, and the grid.

use crate::policy::words::days_words;
use std::fmt::Write;

use super::field;
use crate::report::timeline::{Fifteen22View, GridMonth};

/// Cells of a month's bar in the grid.
const BAR_CELLS: u32 = 10;

pub(super) fn fifteen22_section(f: &Fifteen22View) -> String {
    let mut out = format!("15 OF THE MOST RECENT 22 MONTHS ({})\n", f.source);
    for (label, value) in f.fields("\n", "`plan.tpr_exception`") {
        field(&mut out, 2, label, &value);
    }
    out.push('\n');
    out.push_str(&grid_text(f));
    out
}

fn grid_text(f: &Fifteen22View) -> String {
    let mut out = "  Days in care per calendar month, the last 22 months: days from an EFC on count, a full bar\n  \
                   is the whole month, T = days on a trial home visit and R = days run away (neither counts)\n"
        .to_owned();
    let quiet = leading_quiet_months(&f.grid);
    if let (Some(first), Some(last)) = (f.grid.first(), quiet.checked_sub(1).and_then(|i| f.grid.get(i))) {
        let _ = writeln!(
            out,
            "  {} to {}: no day in care ({} months)",
            first.month, last.month, quiet
        );
    }
    for m in f.grid.iter().skip(quiet) {
        let line = format!(
            "  {}  {:>2}/{}  {}  {:<9}{}",
            m.month,
            m.days_in_care,
            m.days_in_month,
            bar(m.days_in_care, m.days_in_month),
            breaks(m),
            m.events.join("; ")
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let _ = writeln!(
        out,
        "  total    {} in care in these 22 months; the target is {}",
        days_words(i64::from(f.grid_days_in_care)),
        f.target_days
    );
    out
}

/// The months at the start of the grid with nothing to show (before the first
/// removal, typically), drawn as one line when there are more than one.
pub(in crate::report::timeline) fn leading_quiet_months(grid: &[GridMonth]) -> usize {
    let quiet = grid
        .iter()
        .take_while(|m| m.days_in_care == 0 && m.events.is_empty() && breaks(m).is_empty())
        .count();
    if quiet > 1 { quiet } else { 0 }
}

/// `T26 R3`: the month's days on a trial home visit and run away.
fn breaks(m: &GridMonth) -> String {
    let mut parts = Vec::new();
    if m.trial_home_visit_days > 0 {
        parts.push(format!("T{}", m.trial_home_visit_days));
    }
    if m.runaway_days > 0 {
        parts.push(format!("R{}", m.runaway_days));
    }
    parts.join(" ")
}

/// A 10-cell bar, rounded, but never empty for a month with a day in care nor full
/// for a month with a day out.
fn bar(days: u32, of: u32) -> String {
    let of = of.max(1);
    let mut filled = (days * BAR_CELLS + of / 2) / of;
    if days > 0 {
        filled = filled.max(1);
    }
    if days < of {
        filled = filled.min(BAR_CELLS - 1);
    }
    let filled = filled.min(BAR_CELLS);
    format!(
        "{}{}",
        "█".repeat(filled as usize),
        "░".repeat((BAR_CELLS - filled) as usize)
    )
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn a_bar_is_never_empty_with_a_day_in_care_nor_full_with_a_day_out() {
        assert_eq!(bar(0, 31), "░".repeat(10));
        assert_eq!(bar(31, 31), "█".repeat(10));
        assert_eq!(bar(1, 31), format!("█{}", "░".repeat(9)));
        assert_eq!(bar(30, 31), format!("{}░", "█".repeat(9)));
        assert_eq!(bar(15, 30), format!("{}{}", "█".repeat(5), "░".repeat(5)));
    }
}
