//! `cplan timeline`.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::args::{GlobalArgs, TimelineArgs};

pub fn run(_global: &GlobalArgs, _args: &TimelineArgs) -> Result<ExitCode> {
    bail!("`cplan timeline` is not built yet")
}
