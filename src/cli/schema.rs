//! `cplan schema`: the JSON Schema of a case file, for YAML language servers.

use std::process::ExitCode;

use anyhow::Result;

use super::print;

pub fn run() -> Result<ExitCode> {
    print(&crate::output::json(&crate::model::case_schema()))?;
    Ok(ExitCode::SUCCESS)
}
