//! `cplan explain`.

use std::fmt::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::args::ExplainArgs;
use super::print;
use crate::policy::Config;
use crate::rules::{RULES, Rule, lookup};

pub fn run(args: &ExplainArgs) -> Result<ExitCode> {
    let text = match (&args.code, &args.profile) {
        (Some(code), _) => match lookup(code) {
            Some(rule) => explain(rule),
            None => bail!(unknown_code(code)),
        },
        (None, Some(name)) => explain_profile(name, &args.dir)?,
        (None, None) => list_all(),
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// The whole explanation of one rule.
pub fn explain(rule: &Rule) -> String {
    let mut out = format!(
        "{} {} ({})\n{}\n\n",
        rule.code, rule.name, rule.severity, rule.summary
    );
    out.push_str(rule.explain.trim_end());
    out.push('\n');
    out
}

/// The effective settings of a profile, as the folder's cplan.yaml leaves them.
fn explain_profile(name: &str, folder: &std::path::Path) -> Result<String> {
    let config = Config::for_folder(folder, crate::rules::codes())?;
    match config.profile_for(Some(name)) {
        Ok(profile) => Ok(profile.to_string()),
        Err(unknown) => bail!(
            "no profile is called `{name}`; known profiles: {}",
            unknown.known.join(", ")
        ),
    }
}

/// One line per rule.
pub fn list_all() -> String {
    let mut out = String::new();
    for rule in RULES {
        let _ = writeln!(
            out,
            "{}  {:<8} {:<33} {}",
            rule.code,
            rule.severity.word(),
            rule.name,
            rule.summary
        );
    }
    out
}

fn unknown_code(code: &str) -> String {
    let upper = code.to_ascii_uppercase();
    let distance = |rule: &&Rule| strsim::levenshtein(rule.code.as_str(), &upper);
    let best = RULES.iter().map(|r| distance(&r)).min().unwrap_or(usize::MAX);
    let near: Vec<&str> = RULES
        .iter()
        .filter(|r| best <= 2 && distance(r) == best)
        .take(4)
        .map(|r| r.code.as_str())
        .collect();
    if near.is_empty() {
        format!("no rule has the code `{code}`; `cplan explain --all` lists them")
    } else {
        format!(
            "no rule has the code `{code}`; did you mean {}? (`cplan explain --all` lists them)",
            near.join(", ")
        )
    }
}
