//! `cplan stats`.

use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::args::{GlobalArgs, GroupBy, StatsArgs, TableFormat};
use super::print;
use super::report_run::{case_filter, drawing, exit_status, filtered, run_check, scope};
use crate::check::CheckRun;
use crate::output;
use crate::output::doc::{Block, Doc, Text};
use crate::output::svg::Figure;
use crate::report::caveats::{self, UnreadRow};
use crate::report::stats::{self, Stats};

/// `stats --format json`: the figures and the files they leave out.
#[derive(Serialize)]
struct JsonReport<'a> {
    #[serde(flatten)]
    stats: &'a Stats,
    unreadable: Vec<UnreadRow>,
}

pub fn run(global: &GlobalArgs, args: &StatsArgs, color: bool) -> Result<ExitCode> {
    let as_of = super::as_of(global);
    let run = run_check(global, &args.report, crate::check::Keep::Rows)?;
    let cases = filtered(&run, &args.report);
    let stats = Stats::of(&cases, as_of, args.by == Some(GroupBy::Worker));
    let text = match args.format {
        TableFormat::Json => output::json(&JsonReport {
            stats: &stats,
            unreadable: caveats::unread_rows(&run),
        }),
        TableFormat::Csv => stats::csv_table(&stats).render_csv()?,
        TableFormat::Markdown => document(args, &run, &stats, cases.len(), Vec::new()).to_markdown(),
        TableFormat::Html => {
            let charts = stats::figures(&cases, &stats.totals);
            document(args, &run, &stats, cases.len(), charts).to_html()
        }
        TableFormat::Table => {
            document(args, &run, &stats, cases.len(), Vec::new()).to_text(drawing(global, color))
        }
    };
    print(&text)?;
    Ok(exit_status(&run, &cases, args.report.strict))
}

/// Heading, the table, what the figures are made of, the charts (HTML), and the files
/// left out.
fn document(
    args: &StatsArgs,
    run: &CheckRun,
    stats: &Stats,
    shown: usize,
    charts: Vec<Figure>,
) -> Doc<'static> {
    let filter = case_filter(&args.report);
    let scope = scope(&args.report, &filter, stats.as_of);
    let mut doc = Doc::new();
    doc.push(scope.title("Caseload"));
    doc.push(scope.counts(run, shown));
    doc.push(Block::Table(match stats.by_worker {
        Some(_) => stats::worker_table(stats),
        None => stats::totals_table(&stats.totals),
    }));
    doc.push(Block::Items(
        notes().into_iter().map(|n| Text::plain(n).into()).collect(),
    ));
    if !charts.is_empty() {
        doc.push(Block::Heading(Text::plain("How the cases are spread")));
        doc.blocks.extend(charts.into_iter().map(Block::Figure));
    }
    doc.blocks
        .extend(caveats::unreadable_blocks(run, caveats::Coverage::Caseload));
    doc
}

/// What the figures are made of, under the table.
fn notes() -> Vec<String> {
    vec![
        format!(
            "Months in care: days since the current removal / {}, open cases.",
            stats::DAYS_PER_MONTH
        ),
        "Placement moves: changes of caregiver or setting after the first placement of the current episode (a trial home visit is not one), open and closed cases."
            .to_owned(),
    ]
}
