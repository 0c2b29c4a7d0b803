//! `cplan completions SHELL`: completions generated from the argument definitions, so
//! they always list the commands and options this binary has.

use std::process::ExitCode;

use anyhow::Result;
use clap::CommandFactory;

use super::args::{Cli, CompletionsArgs};
use super::print;

pub fn run(args: &CompletionsArgs) -> Result<ExitCode> {
    print(&completions(args.shell))?;
    Ok(ExitCode::SUCCESS)
}

/// The completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> String {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "cplan", &mut script);
    String::from_utf8_lossy(&script).into_owned()
}
