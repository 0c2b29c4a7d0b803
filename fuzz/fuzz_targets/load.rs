//! One case file's bytes through everything `cplan` does with a file: the loader
//! (size limit, decoding, YAML with budgets, conversion), the case rules and the
//! folder rules, every `check` format, and the reports built on the case
//! (status, deadlines, calendar, timeline, agenda), with and without `--redact`.
//!
//! Any panic, stack overflow, timeout or out-of-memory is a crash. See
//! docs/development.md for how to run it.
#![no_main]

use std::path::Path;
use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;
use cplan::check::{CheckRun, Detail};
use cplan::load::{self, LoadOptions};
use cplan::output;
use cplan::policy::Config;
use cplan::report::{agenda, deadlines, status, timeline};
use cplan::rules::{self, folder::CaseRef};
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
    let config = &*CONFIG;
    // The same steps as `check::check_file`, from bytes instead of a path.
    let mut file = load::load_bytes(Path::new("fuzz.yaml"), data, LoadOptions::default());
    let mut findings = std::mem::take(&mut file.findings);
    let profile = match &file.case {
        Some(case) => config
            .profile_for(case.jurisdiction.as_deref())
            .unwrap_or(config.default_profile()),
        None => config.default_profile(),
    };
    let checked = rules::check_case(&file, profile, as_of);
    findings.extend(checked.findings);
    let mut summaries: Vec<_> = checked.summary.into_iter().collect();
    for summary in &mut summaries {
        summary.count_findings(&findings);
    }
    // The file twice, as two files of one folder: duplicate ids and sibling rules.
    let refs: Vec<CaseRef> = CaseRef::of(&file, profile, as_of).into_iter().collect();
    let twice: Vec<CaseRef> = refs.iter().chain(refs.iter()).cloned().collect();
    for cases in [&refs, &twice] {
        findings.extend(rules::folder::duplicate_case_ids(cases));
        findings.extend(rules::folder::unknown_siblings(cases));
        findings.extend(rules::folder::siblings_apart(cases));
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let run = CheckRun {
        as_of: Some(as_of),
        files: 1,
        cases: refs.len(),
        findings,
        summaries,
    };
    // Rendering is the same code over more rows past a few thousand (see below).
    if run.findings.len() <= MAX_ROWS {
        let _ = output::check_text::render(&run, true);
        let _ = output::check_concise::render(&run);
        let _ = output::check_json::render(&run);
        let _ = output::check_github::render(&run);
        let _ = output::check_sarif::render(&run);
    }
    reports(&run, file, profile, as_of);
}

/// Findings rendered and deadlines reported for one input, at most. A removal typed as
/// year 0106 puts a case in care for 1,920 years: 23,000 monthly visit deadlines and
/// findings, megabytes of every report, seconds an input. The rules still run on it;
/// rendering it is the same code over more rows (tests/edge_dates.rs runs a twenty-year
/// case through every report), and spending the fuzzer's time there starved the rest.
const MAX_ROWS: usize = 2_000;

fn reports(
    run: &CheckRun,
    file: load::CaseFile,
    profile: &Arc<cplan::policy::profile::Profile>,
    as_of: NaiveDate,
) {
    let cases: Vec<_> = run.summaries.iter().collect();
    if cases.iter().any(|c| c.deadlines.len() > MAX_ROWS) {
        return;
    }
    let detail = Detail {
        deadlines: cases.first().map(|c| c.deadlines.clone()).unwrap_or_default(),
        file,
        profile: Arc::clone(profile),
        as_of,
    };
    for redact in [false, true] {
        let rows = status::rows(&cases, status::SortBy::Deadline, redact);
        let _ = status::table(&rows).render_terminal(Some(80));
        let _ = status::totals(&cases);
        let selected = deadlines::select(&cases, deadlines::Window::All, as_of);
        let _ = deadlines::rows(&selected, as_of);
        let _ = deadlines::table(&selected, as_of, redact).render_markdown();
        let _ = output::ics::render(&deadlines::calendar(&selected, redact), as_of);
        let Some(summary) = cases.first() else { continue };
        let input = timeline::Input {
            summary,
            detail: &detail,
            origin: timeline::ProfileOrigin::BuiltIn,
            redact,
        };
        if let Some(t) = timeline::build(&input) {
            let _ = timeline::text(&t);
            let _ = output::json(&t);
        }
        let inputs = agenda::Inputs {
            summary,
            detail: &detail,
            findings: &run.findings,
            horizon: agenda::horizon(as_of, None),
            redact,
        };
        if let Some(a) = agenda::build(&inputs) {
            let all = std::slice::from_ref(&a);
            let _ = agenda::render_markdown(all);
            let _ = agenda::render_text(all);
            let _ = output::json(&all);
        }
    }
}
