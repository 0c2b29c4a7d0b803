//! `cplan agenda`: one case by id or file, or every case with a review or hearing due.

use std::path::Path;
use std::process::ExitCode;

use super::report_run::announce_unreadable;
use anyhow::{Result, bail};
use serde::Serialize;

use super::args::{AgendaArgs, AgendaFormat, GlobalArgs};
use super::report_run::{cases_exit_status, exit_status};
use super::{print, print_with};
use crate::check::{CheckOptions, CheckRun, KeptCase, KeptDeadlines, check_paths_handing_kept};
use crate::finding::Finding;
use crate::output::doc::{Doc, HTML_END, Text, html_start};
use crate::output::svg::Figure;
use crate::output::{self, Streamed};
use crate::policy::arith::Span;
use crate::policy::deadline::Status;
use crate::policy::words::plural;
use crate::report::agenda::{self, Agenda, Inputs};
use crate::report::caveats::{self, UnreadRow};
use crate::report::detail::Detail;
use crate::report::timeline;
use crate::summary::CaseSummary;
use rayon::prelude::*;
use spool::Spool;
use wanted::{Wanted, by_file, by_id, wanted};

pub fn run(global: &GlobalArgs, args: &AgendaArgs) -> Result<ExitCode> {
    let as_of = super::as_of(global);
    let (wanted, root) = wanted(args)?;
    let selects = wanted.selects(as_of);
    // The picture of an HTML agenda shows the met deadlines too; the rest of an agenda
    // looks only at those still to be met.
    let kept_deadlines = match args.format {
        AgendaFormat::Html => KeptDeadlines::All,
        _ => KeptDeadlines::StillToBeMet,
    };
    let due_within = match wanted {
        Wanted::Due(span) => Some(span),
        _ => None,
    };
    let making = Making {
        as_of,
        horizon: agenda::horizon(as_of, due_within),
        redact: args.redact,
        pictured: args.format == AgendaFormat::Html,
    };
    // Every case due: each agenda is built as soon as its case is checked and staged
    // on disk (see `spool`); one case's agenda is built from the case the check kept.
    let mut spool = match due_within {
        Some(span) => Some(Spool::new(making, span.after(as_of))?),
        None => None,
    };
    let mut stage = spool
        .as_mut()
        .map(|spool| |kept: Vec<KeptCase>, rows: Vec<CaseSummary>| spool.stage(kept, rows));
    let options = CheckOptions::new(as_of)
        .keeping(crate::check::Keep::Due(agenda_horizon(as_of, args)))
        .keeping_cases(kept_deadlines)
        .streaming();
    let run = super::progress_bar::showing_progress(|progress| {
        let stage = stage.as_mut().map(|stage| stage as crate::check::KeptSink<'_>);
        check_paths_handing_kept(std::slice::from_ref(&root), options, progress, &selects, stage)
    })?;
    announce_unreadable(&run);
    let cases = match &wanted {
        Wanted::Id(id) => by_id(&run, id, &root)?,
        Wanted::File(file) => by_file(&run, file, &root)?,
        Wanted::Due(span) => {
            let due = agenda::cases_due(&run.summaries.iter().collect::<Vec<_>>(), span.after(as_of));
            if due.is_empty() {
                print(&nothing_due(args.format, &run, &root, *span, as_of))?;
                return Ok(exit_status(&run, &due, args.strict));
            }
            due
        }
    };
    let one_object = due_within.is_none() && cases.len() == 1;
    let staged = match spool {
        Some(spool) => Some(spool.finished()?),
        None => None,
    };
    let across = spool::across_by_file(&run);
    let build = |summary: &CaseSummary| match &staged {
        Some(staged) => staged.agenda(summary, &across),
        None => build(&run, summary, making),
    };
    let mut failed = Vec::new();
    let printed = print_with(|w| {
        let (written, errors) = write_agendas(w, &run, &cases, args.format, one_object, &build);
        failed = errors;
        written
    });
    if failed.is_empty() {
        printed?;
        return Ok(agenda_exit_status(&run, &cases, one_object, args.strict));
    }
    for error in &failed {
        let message = format!("{error:#}");
        eprintln!(
            "cplan: error: {}",
            crate::output::escape::terminal_lines(&message)
        );
    }
    printed?;
    bail!(
        "{} of {} agendas could not be built (above) and are missing from the output",
        failed.len(),
        cases.len()
    )
}

/// `--strict`: the agenda of one case fails on that case (its errors, its overdue
/// deadlines); agendas of every case due fail on an unreadable file too, whose case may
/// have a hearing due and no agenda.
fn agenda_exit_status(run: &CheckRun, cases: &[&CaseSummary], one_case: bool, strict: bool) -> ExitCode {
    if one_case {
        cases_exit_status(cases, strict)
    } else {
        exit_status(run, cases, strict)
    }
}

/// An agenda, and the picture of its case when the format draws one (HTML).
struct Built {
    agenda: Agenda,
    picture: Option<Figure>,
}

/// Agendas built in parallel before they are written.
const AGENDA_BATCH: usize = 256;

/// Writes the agendas of `cases` in `format`, built a batch at a time in parallel and
/// written as they come: the agendas of a state's next two months of hearings are never
/// all held in memory (their cases are, as the check kept them). A case whose agenda
/// cannot be built is left out and its error returned, as a broken file is reported by
/// `check` while the run goes on: the others' agendas are still written.
fn write_agendas(
    w: &mut dyn std::io::Write,
    run: &CheckRun,
    cases: &[&CaseSummary],
    format: AgendaFormat,
    one_object: bool,
    build: &(dyn Fn(&CaseSummary) -> Result<Built> + Sync),
) -> (std::io::Result<()>, Vec<anyhow::Error>) {
    let failed = std::cell::RefCell::new(Vec::new());
    let mut built = cases
        .chunks(AGENDA_BATCH)
        .flat_map(|batch| {
            let built: Vec<Result<Built>> = batch.par_iter().map(|summary| build(summary)).collect();
            built
        })
        .filter_map(|built| built.map_err(|e| failed.borrow_mut().push(e)).ok());
    let unreadable = caveats::unread_rows(run);
    // Only HTML draws the pictures; the other formats write the agenda alone.
    let mut agendas = built.by_ref().map(|b| b.agenda);
    let written = match format {
        AgendaFormat::Html => {
            let title = match cases {
                [one] if one_object => format!("Review agenda: case {}", one.id),
                _ => format!("Review agendas: {}", plural(cases.len(), "case", "cases")),
            };
            write_html(w, run, &mut built, &title, one_object)
        }
        // One case is one JSON object; `--due-within` is always a list, however many are due.
        AgendaFormat::Json if one_object => agendas.try_for_each(|agenda| {
            let one = OneAgenda {
                agenda: &agenda,
                unreadable: &unreadable,
            };
            w.write_all(output::json(&one).as_bytes())
        }),
        AgendaFormat::Json => output::write_json(
            w,
            &AgendaList {
                agendas: Streamed::new(agendas),
                unreadable: &unreadable,
            },
        ),
        AgendaFormat::Markdown => write_joined(
            w,
            agendas,
            agenda::MARKDOWN_SEPARATOR,
            agenda::render_markdown_one,
        )
        .and_then(|()| w.write_all(caveats_text(run, format, one_object).as_bytes())),
        AgendaFormat::Text => write_joined(w, agendas, &agenda::text_separator(), agenda::render_text_one)
            .and_then(|()| w.write_all(caveats_text(run, format, one_object).as_bytes())),
    };
    (written, failed.into_inner())
}

/// One HTML page: each agenda an `<article>` with the picture of its case (printed,
/// each on new pages), then the files that could not be read.
fn write_html(
    w: &mut dyn std::io::Write,
    run: &CheckRun,
    built: &mut dyn Iterator<Item = Built>,
    title: &str,
    one_case: bool,
) -> std::io::Result<()> {
    w.write_all(html_start(title).as_bytes())?;
    let caveats = caveats::unreadable_blocks(run, coverage(one_case));
    let mut built = built.peekable();
    let mut written = false;
    while let Some(Built { agenda, picture }) = built.next() {
        let mut doc = agenda::document(&agenda, picture);
        // The files left out end the last agenda, not a printed page of their own.
        if built.peek().is_none() {
            doc.blocks.extend(caveats.iter().cloned());
        }
        w.write_all(doc.to_html_article().as_bytes())?;
        written = true;
    }
    if !written && !caveats.is_empty() {
        w.write_all(Doc { blocks: caveats }.to_html_article().as_bytes())?;
    }
    w.write_all(HTML_END.as_bytes())
}

fn coverage(one_case: bool) -> caveats::Coverage {
    if one_case {
        caveats::Coverage::OneCase
    } else {
        caveats::Coverage::Caseload
    }
}

/// `agenda --format json` for one case: the agenda and the files left out.
#[derive(Serialize)]
struct OneAgenda<'a> {
    #[serde(flatten)]
    agenda: &'a Agenda,
    unreadable: &'a [UnreadRow],
}

/// `agenda --due-within --format json`: every agenda, and the files left out.
#[derive(Serialize)]
#[serde(bound(serialize = "Streamed<I>: Serialize"))]
struct AgendaList<'a, I> {
    agendas: Streamed<I>,
    unreadable: &'a [UnreadRow],
}

/// The section after the agendas naming the files that could not be read: a case
/// among them may have a hearing due and no agenda.
fn caveats_text(run: &CheckRun, format: AgendaFormat, one_case: bool) -> String {
    let blocks = caveats::unreadable_blocks(run, coverage(one_case));
    if blocks.is_empty() {
        return String::new();
    }
    let doc = Doc { blocks };
    match format {
        AgendaFormat::Markdown => format!("\n{}", doc.to_markdown()),
        _ => format!("\n{}", doc.to_text(crate::output::table::Drawing::plain())),
    }
}

/// Each agenda as `render` draws it, with `separator` between two.
fn write_joined(
    w: &mut dyn std::io::Write,
    agendas: impl Iterator<Item = Agenda>,
    separator: &str,
    render: fn(&Agenda) -> String,
) -> std::io::Result<()> {
    for (i, agenda) in agendas.enumerate() {
        if i > 0 {
            w.write_all(separator.as_bytes())?;
        }
        w.write_all(render(&agenda).as_bytes())?;
    }
    Ok(())
}

/// `--due-within` found no case: one line saying so (an empty list in JSON).
fn nothing_due(
    format: AgendaFormat,
    run: &CheckRun,
    root: &Path,
    span: Span,
    as_of: chrono::NaiveDate,
) -> String {
    match format {
        AgendaFormat::Json => output::json(&AgendaList {
            agendas: Streamed::new(std::iter::empty::<Agenda>()),
            unreadable: &caveats::unread_rows(run),
        }),
        _ => {
            let sentence = format!(
                "No case in {} has a review or hearing due by {} (within {span} of {as_of}), and none is overdue.",
                folder_name(root),
                span.after(as_of)
            );
            let mut doc = Doc::new();
            doc.push(crate::output::doc::Block::Para(Text::plain(sentence)));
            doc.blocks
                .extend(caveats::unreadable_blocks(run, caveats::Coverage::Caseload));
            match format {
                AgendaFormat::Markdown => doc.to_markdown(),
                AgendaFormat::Html => {
                    doc.blocks
                        .insert(0, crate::output::doc::Block::Title(Text::plain("Review agendas")));
                    doc.to_html()
                }
                _ => doc.to_text(crate::output::table::Drawing::plain()),
            }
        }
    }
}

/// The folder as a sentence names it: "cases-sample", or "the current folder" for `.`.
fn folder_name(root: &Path) -> String {
    if root == Path::new(".") {
        "the current folder".to_owned()
    } else {
        root.display().to_string()
    }
}

/// How the agendas of a run are made: the day they are for, how far they look ahead
/// (`agenda::horizon`), names by initials (`--redact`), with the picture of the case (HTML).
#[derive(Debug, Clone, Copy)]
struct Making {
    as_of: chrono::NaiveDate,
    horizon: chrono::NaiveDate,
    redact: bool,
    pictured: bool,
}

/// The agenda of one case, from the whole case the check kept.
fn build(run: &CheckRun, summary: &CaseSummary, making: Making) -> Result<Built> {
    let kept = run.kept(&summary.file);
    // The file's own findings, found again with it; those across files from the run.
    let across = run.findings.iter().filter(|f| f.file == summary.file).cloned();
    let early = kept.and_then(|kept| early(kept, summary, across.collect(), making));
    match early {
        Some((early, picture)) => Ok(Built {
            agenda: early.finish(&[]),
            picture,
        }),
        None => Err(not_built(summary)),
    }
}

/// Why a case due has no agenda: its case could not be counted from (no removal
/// episode), or was not kept.
fn not_built(summary: &CaseSummary) -> anyhow::Error {
    anyhow::anyhow!(
        "{}: the agenda of this case could not be built; run `cplan check {}`",
        summary.file.display(),
        summary.file.display()
    )
}

/// The agenda of the case `kept`, whose row is `summary`, with `findings` besides the
/// file's own (those of the rules across files, when known), not yet finished (see
/// `agenda::Early`), and the picture of the case when the format draws one.
fn early(
    kept: &KeptCase,
    summary: &CaseSummary,
    findings: Vec<Finding>,
    making: Making,
) -> Option<(agenda::Early, Option<Figure>)> {
    let detail = Detail::of(kept, making.as_of);
    // The row kept only what chose the cases; the agenda's questions look at every
    // deadline still to be met, so they come from the whole case the check kept.
    let mut row = summary.clone();
    row.deadlines = detail
        .deadlines
        .iter()
        .filter(|d| d.status != Status::Met)
        .cloned()
        .collect();
    let mut findings = [detail.findings, &findings].concat();
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let early = agenda::build_early(&Inputs {
        summary: &row,
        detail,
        findings: &findings,
        horizon: making.horizon,
        redact: making.redact,
    })?;
    // The picture is drawn from the row as the check kept it.
    let picture = match making.pictured {
        true => picture(summary, &detail, making.redact),
        false => None,
    };
    Some((early, picture))
}

/// The picture of the case, as its timeline draws it.
fn picture(summary: &CaseSummary, detail: &Detail<'_>, redact: bool) -> Option<Figure> {
    let input = timeline::Input {
        summary,
        detail: *detail,
        origin: timeline::ProfileOrigin::BuiltIn,
        redact,
    };
    let timeline = timeline::build(&input)?;
    timeline::picture(detail, &timeline, redact)
}

/// The last day a case's review or hearing can fall on and still put it on the list.
fn agenda_horizon(as_of: chrono::NaiveDate, args: &AgendaArgs) -> chrono::NaiveDate {
    agenda::horizon(as_of, args.due_within)
}

mod spool;
#[cfg(test)]
mod tests;
mod wanted;
