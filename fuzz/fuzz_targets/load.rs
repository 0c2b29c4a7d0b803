//! One case file's bytes through everything `cplan` does with a file: the loader
//! (size limit, decoding, YAML with budgets, conversion), the case rules and the
//! folder rules, every `check` format, and the reports built on the case
//! (status, deadlines, calendar, timeline, agenda), with and without `--redact`.
//!
//! Any panic, stack overflow, timeout or out-of-memory is a crash. See
//! docs/development.md for how to run it.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use chrono::NaiveDate;
use cplan::check::{self, CheckOptions, CheckRun, Keep, KeptDeadlines};
use cplan::finding::Finding;
use cplan::load::{self, LoadOptions};
use cplan::output;
use cplan::output::table::Drawing;
use cplan::people::People;
use cplan::policy::Config;
use cplan::report::detail::Detail;
use cplan::report::{agenda, deadlines, stats, status, timeline};
use cplan::finding::shared_path;
use cplan::rules::folder::CaseRefs;
use libfuzzer_sys::fuzz_target;

static CONFIG: LazyLock<Config> = LazyLock::new(Config::builtin);

/// The stack of a rayon worker, where `check` reads files.
const WORKER_STACK: usize = 2 * 1024 * 1024;

fuzz_target!(|data: &[u8]| {
    let Some(as_of) = NaiveDate::from_ymd_opt(2026, 11, 24) else {
        return;
    };
    let data = data.to_vec();
    // On a thread with a worker's stack, not libFuzzer's 8 MiB main stack, so deep
    // recursion is found where cplan would meet it. A panic aborts the process either
    // way (libfuzzer-sys's panic hook), which libFuzzer reports as a crash.
    let worker = std::thread::Builder::new()
        .stack_size(WORKER_STACK)
        .spawn(move || run(&data, as_of));
    if let Ok(worker) = worker {
        let _ = worker.join();
    }
});

fn run(data: &[u8], as_of: NaiveDate) {
    // The same steps as `check::check_file`, from bytes instead of a path.
    let file = load::load_bytes(Path::new("fuzz.yaml"), data, LoadOptions::default());
    let options = CheckOptions::new(as_of).keeping(Keep::All).keeping_cases(KeptDeadlines::All);
    let checked = check::check_loaded(file, &CONFIG, options);
    let mut findings = checked.findings;
    // The file twice, as two files of one folder: duplicate ids and sibling rules.
    let (mut once, mut twice) = (CaseRefs::default(), CaseRefs::default());
    let read = checked.case_ref.is_some();
    if let Some(case_ref) = &checked.case_ref {
        once.push(case_ref, 0, true);
        twice.push(case_ref, 0, true);
        twice.push(case_ref, 1, true);
    }
    let path = |file: u32| shared_path(Path::new(if file == 0 { "fuzz.yaml" } else { "copy.yaml" }));
    for cases in [&once, &twice] {
        // The lines are kept: nothing is read again.
        findings.extend(cplan::rules::folder::folder_findings(cases, &path, &mut |_| None));
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let run = CheckRun {
        as_of: Some(as_of),
        files: 1,
        cases: usize::from(read),
        counts: counts(&findings),
        findings,
        summaries: checked.summary.into_iter().collect(),
        unreadable: checked.unread.into_iter().collect(),
        kept: checked.kept.into_iter().collect(),
        ..CheckRun::default()
    };
    // Rendering is the same code over more rows past a few thousand (see below).
    if run.findings.len() <= MAX_ROWS {
        let _ = output::check_text::render(&run, true);
        let _ = output::check_concise::render(&run);
        let _ = output::check_json::render(&run);
        let _ = output::check_github::render(&run);
        let _ = output::check_sarif::render(&run);
    }
    reports(run, as_of);
}

fn counts(findings: &[Finding]) -> [usize; 3] {
    let mut counts = [0; 3];
    for f in findings {
        counts[f.severity as usize] += 1;
    }
    counts
}

/// Findings rendered and deadlines reported for one input, at most. A removal typed as
/// year 0106 puts a case in care for 1,920 years: 23,000 monthly visit deadlines and
/// findings, megabytes of every report, seconds an input. The rules still run on it;
/// rendering it is the same code over more rows (tests/edge_dates.rs runs a twenty-year
/// case through every report), and spending the fuzzer's time there starved the rest.
const MAX_ROWS: usize = 2_000;

fn reports(mut run: CheckRun, as_of: NaiveDate) {
    if run.summaries.iter().any(|c| c.deadlines.len() > MAX_ROWS) {
        return;
    }
    for redact in [false, true] {
        // `--redact` is decided by the check, which keeps the names to cut out.
        if let (Some(summary), Some(kept)) = (run.summaries.first_mut(), run.kept.first()) {
            summary.people = People::for_row(&kept.case, redact);
        }
        let cases: Vec<_> = run.summaries.iter().collect();
        let _ = status::rows(&cases, status::SortBy::Deadline);
        let sorted = status::sorted(&cases, status::SortBy::Deadline);
        let _ = status::table(&sorted).render_terminal(Drawing::plain());
        let _ = status::totals(&cases);
        let _ = stats::Stats::of(&cases, as_of, true);
        let selected = deadlines::select(&cases, deadlines::Window::All, as_of);
        let _: Vec<_> = selected.iter().map(|s| deadlines::row(s, as_of)).collect();
        // The whole-caseload path: the deadlines moved into a run's compact list.
        let mut listing_run = CheckRun {
            summaries: run.summaries.clone(),
            ..CheckRun::default()
        };
        if let Some(first) = listing_run.summaries.first_mut() {
            let listed = std::mem::take(&mut first.deadlines);
            listing_run.listed.add(0, listed);
        }
        // One case's deadlines are sorted in memory: listing them cannot fail.
        let Ok(listing) = deadlines::listing(&listing_run, deadlines::Window::All, as_of) else {
            panic!("one case's deadlines could not be listed");
        };
        let _ = deadlines::table(&listing, as_of).render_markdown();
        let entries: Vec<_> = deadlines::calendar(&listing, Path::new("."), true).collect();
        let _ = output::ics::render(&entries, as_of);
        let (Some(summary), Some(kept)) = (cases.first(), run.kept.first()) else {
            continue;
        };
        let detail = Detail::of(kept, as_of);
        let input = timeline::Input {
            summary,
            detail,
            origin: timeline::ProfileOrigin::BuiltIn,
            redact,
        };
        let mut picture = None;
        if let Some(t) = timeline::build(&input) {
            let _ = timeline::text(&t);
            let _ = output::json(&t);
            picture = timeline::picture(&detail, &t, redact);
            let _ = timeline::document(&t, picture.clone()).to_html();
        }
        let inputs = agenda::Inputs {
            summary,
            detail,
            findings: &run.findings,
            horizon: agenda::horizon(as_of, None),
            redact,
        };
        if let Some(a) = agenda::build(&inputs) {
            let all = std::slice::from_ref(&a);
            let _ = agenda::render_markdown(all);
            let _ = agenda::render_text(all);
            let _ = output::json(&all);
            let _ = agenda::document(&a, picture).to_html();
        }
    }
}
