//! The stats as tables: a "measure | value" table of the totals, a wide table with one
//! row per worker (`--by worker`), and a CSV table of numbers with JSON-like headers.

use super::{Measures, Stats};
use crate::output::table::Table;

/// The totals as two columns, one measure a row, in words a caseworker reads.
pub fn totals_table(m: &Measures) -> Table<'static> {
    let mut table = Table::new(&[("measure", 0), ("value", 0)]);
    for (measure, value) in measure_rows(m) {
        table.push(vec![measure, value]);
    }
    table
}

fn measure_rows(m: &Measures) -> Vec<(String, String)> {
    let s = &m.by_stage;
    let g = &m.by_concurrent_goal;
    let p = &m.by_primary;
    let rows: Vec<(&str, String)> = vec![
        ("cases (open and closed)", m.cases.to_string()),
        ("open", m.open.to_string()),
        ("closed", m.closed.to_string()),
        ("open in stage 1 (Doing For)", s.stage_1.to_string()),
        ("open in stage 2 (Doing With)", s.stage_2.to_string()),
        (
            "open in stage 3 (Moving towards Independence)",
            s.stage_3.to_string(),
        ),
        ("open past stage 3", s.past_stage_3.to_string()),
        ("open, concurrent goal adoption", g.adoption.to_string()),
        ("open, concurrent goal guardianship", g.guardianship.to_string()),
        ("open, concurrent goal relative", g.relative.to_string()),
        ("open, concurrent goal appla", g.appla.to_string()),
        ("open, no concurrent goal", g.none.to_string()),
        ("open, primary track reunification", p.reunification.to_string()),
        ("open, primary track concurrent", p.concurrent.to_string()),
        ("median months in care (open)", months(m)),
        ("placement moves per 1,000 days in care", moves_rate_explained(m)),
        ("open with a concurrent plan", concurrent_plan_share(m)),
        (
            "cases with overdue deadlines",
            m.with_overdue_deadlines.to_string(),
        ),
        (
            "past 15/22 without TPR petition or exception",
            m.past_15_of_22_without_petition.to_string(),
        ),
        ("cases with errors", m.with_errors.to_string()),
    ];
    rows.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

fn months(m: &Measures) -> String {
    format!("{:.1}", m.median_months_in_care)
}

fn moves_rate(m: &Measures) -> String {
    format!("{:.2}", m.moves_per_1000_days)
}

/// "3.81 (11 moves in 2,888 days)": the figure with what it is made of, so a reader can
/// tell a high rate on a few days from one on many.
fn moves_rate_explained(m: &Measures) -> String {
    format!(
        "{} ({} move{} in {} day{})",
        moves_rate(m),
        m.placement_moves,
        if m.placement_moves == 1 { "" } else { "s" },
        thousands(m.days_in_care),
        if m.days_in_care == 1 { "" } else { "s" }
    )
}

/// "2,888": days in care over a caseload run into the thousands.
fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// "11 of 12 (91.7%)".
fn concurrent_plan_share(m: &Measures) -> String {
    format!(
        "{} of {} ({:.1}%)",
        m.with_concurrent_plan, m.open, m.concurrent_plan_percent
    )
}

/// `--by worker`: one row per worker with the measures as columns, then a totals row.
/// On a narrow terminal the breakdowns by goal and track go first, the counts that
/// need action (overdue, 15/22, errors) last.
pub fn worker_table(stats: &Stats) -> Table<'static> {
    let mut table = Table::new(&[
        ("worker", 0),
        ("cases", 0),
        ("open", 6),
        ("closed", 3),
        ("stage 1", 4),
        ("stage 2", 4),
        ("stage 3", 4),
        ("past 3", 4),
        ("adoption", 2),
        ("guardianship", 2),
        ("relative", 2),
        ("appla", 2),
        ("no goal", 5),
        ("primary reunification", 1),
        ("primary concurrent", 1),
        ("median months", 7),
        ("moves per 1,000 days", 7),
        ("concurrent plan", 8),
        ("overdue", 9),
        ("past 15/22", 9),
        ("errors", 9),
    ]);
    for group in stats.by_worker.iter().flatten() {
        table.push(worker_row(group.label(), &group.measures));
    }
    table.push(worker_row("all", &stats.totals));
    table
}

/// The case counts of the wide tables, in their column order (cases to primary track).
fn counts(m: &Measures) -> Vec<String> {
    let s = &m.by_stage;
    let g = &m.by_concurrent_goal;
    let p = &m.by_primary;
    [
        m.cases,
        m.open,
        m.closed,
        s.stage_1,
        s.stage_2,
        s.stage_3,
        s.past_stage_3,
        g.adoption,
        g.guardianship,
        g.relative,
        g.appla,
        g.none,
        p.reunification,
        p.concurrent,
    ]
    .iter()
    .map(usize::to_string)
    .collect()
}

fn worker_row(worker: &str, m: &Measures) -> Vec<String> {
    let mut row = vec![worker.to_owned()];
    row.extend(counts(m));
    row.push(months(m));
    row.push(moves_rate(m));
    row.push(format!(
        "{} ({:.1}%)",
        m.with_concurrent_plan, m.concurrent_plan_percent
    ));
    row.extend(
        [
            m.with_overdue_deadlines,
            m.past_15_of_22_without_petition,
            m.with_errors,
        ]
        .map(|n| n.to_string()),
    );
    row
}

/// CSV: one row per group (each worker with `--by worker`, then "all"), plain numbers
/// under the names the JSON uses, for spreadsheets.
pub fn csv_table(stats: &Stats) -> Table<'static> {
    let mut table = Table::new(&[
        ("group", 0),
        ("cases", 0),
        ("open", 0),
        ("closed", 0),
        ("stage_1", 0),
        ("stage_2", 0),
        ("stage_3", 0),
        ("past_stage_3", 0),
        ("goal_adoption", 0),
        ("goal_guardianship", 0),
        ("goal_relative", 0),
        ("goal_appla", 0),
        ("goal_none", 0),
        ("primary_reunification", 0),
        ("primary_concurrent", 0),
        ("median_months_in_care", 0),
        ("placement_moves", 0),
        ("days_in_care", 0),
        ("moves_per_1000_days", 0),
        ("with_concurrent_plan", 0),
        ("concurrent_plan_percent", 0),
        ("with_overdue_deadlines", 0),
        ("past_15_of_22_without_petition", 0),
        ("with_errors", 0),
    ]);
    for group in stats.by_worker.iter().flatten() {
        table.push(csv_row(group.label(), &group.measures));
    }
    table.push(csv_row("all", &stats.totals));
    table
}

fn csv_row(group: &str, m: &Measures) -> Vec<String> {
    let mut row = vec![group.to_owned()];
    row.extend(counts(m));
    row.push(months(m));
    row.push(m.placement_moves.to_string());
    row.push(m.days_in_care.to_string());
    row.push(moves_rate(m));
    row.push(m.with_concurrent_plan.to_string());
    row.push(format!("{:.1}", m.concurrent_plan_percent));
    row.extend(
        [
            m.with_overdue_deadlines,
            m.past_15_of_22_without_petition,
            m.with_errors,
        ]
        .map(|n| n.to_string()),
    );
    row
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn groups_digits_by_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(2888), "2,888");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(-1000), "-1,000");
    }
}
