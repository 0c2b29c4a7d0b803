//! `cplan stats`.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::args::{GlobalArgs, StatsArgs};

pub fn run(_global: &GlobalArgs, _args: &StatsArgs) -> Result<ExitCode> {
    bail!("`cplan stats` is not built yet")
}
