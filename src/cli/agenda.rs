//! `cplan agenda`.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::args::{AgendaArgs, GlobalArgs};

pub fn run(_global: &GlobalArgs, _args: &AgendaArgs) -> Result<ExitCode> {
    bail!("`cplan agenda` is not built yet")
}
