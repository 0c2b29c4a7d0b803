//! `cplan check`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::args::{CheckArgs, CheckFormat, DenyLevel, GlobalArgs};
use super::{EXIT_FINDINGS, EXIT_OK, print};
use crate::check::CheckOptions;
use crate::finding::Severity;
use crate::output;

pub fn run(global: &GlobalArgs, args: &CheckArgs, color: bool) -> Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let options = CheckOptions::new(super::as_of(global));
    let run = super::progress_bar::check_showing_progress(&paths, options, &|_| true)?;
    let text = match args.format {
        CheckFormat::Text => output::check_text::render(&run, color),
        CheckFormat::Concise => output::check_concise::render(&run),
        CheckFormat::Json => output::check_json::render(&run),
        CheckFormat::Github => output::check_github::render(&run),
        CheckFormat::Sarif => output::check_sarif::render(&run),
    };
    print(&text)?;
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
