//! `cplan check`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::args::{CheckArgs, CheckFormat, DenyLevel, GlobalArgs};
use super::{EXIT_FINDINGS, EXIT_OK};
use crate::check::CheckOptions;
use crate::finding::Severity;
use crate::output::{self, CheckWriter};

/// Standard output as a stream of writes: the first error stops the writing (a closed
/// pipe quietly, any other to be reported when the run is over).
struct Output<W: std::io::Write> {
    out: W,
    failed: Option<std::io::Error>,
}

impl<W: std::io::Write> Output<W> {
    fn new(out: W) -> Self {
        Output { out, failed: None }
    }

    fn write(&mut self, write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) {
        if self.failed.is_none()
            && let Err(e) = write(&mut self.out)
        {
            self.failed = Some(e);
        }
    }

    fn finish(mut self) -> std::io::Result<()> {
        if self.failed.is_none()
            && let Err(e) = self.out.flush()
        {
            self.failed = Some(e);
        }
        match self.failed {
            Some(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e),
            _ => Ok(()),
        }
    }
}

pub fn run(global: &GlobalArgs, args: &CheckArgs, color: bool) -> Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let as_of = super::as_of(global);
    let options = CheckOptions::new(as_of).streaming();
    // Every reason the run cannot start (a path, a cplan.yaml) is known before anything
    // is written: nothing half-written precedes an exit 2.
    let prepared = crate::check::prepare(&paths)?;
    let mut writer: Box<dyn CheckWriter> = match args.format {
        CheckFormat::Text => Box::new(output::check_text::Writer::new(color)),
        CheckFormat::Concise => Box::new(output::check_concise::Writer),
        CheckFormat::Json => Box::new(output::check_json::Writer::default()),
        CheckFormat::Github => Box::new(output::check_github::Writer),
        CheckFormat::Sarif => Box::new(output::check_sarif::Writer::default()),
    };
    // Findings are written as each batch of files is checked, so memory does not grow
    // with them. A reader that goes away ends the writing, not the check: the exit
    // status is still the run's.
    let mut out = Output::new(std::io::BufWriter::new(std::io::stdout().lock()));
    out.write(|w| writer.start(w, as_of));
    let run = super::progress_bar::showing_progress(|progress| {
        let mut sink = |findings: &[crate::finding::Finding]| {
            for f in findings {
                out.write(|w| writer.finding(w, f));
            }
        };
        prepared.run(options, progress, &|_| true, &mut sink)
    })?;
    out.write(|w| writer.end(w, &run));
    out.finish()?;
    let fail_level = match args.deny {
        DenyLevel::Errors => Severity::Error,
        DenyLevel::Warnings => Severity::Warning,
        DenyLevel::Infos => Severity::Info,
    };
    Ok(ExitCode::from(if run.fails_at(fail_level) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }))
}
