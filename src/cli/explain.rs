//! `cplan explain`.

use std::fmt::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::args::ExplainArgs;
use super::print;
use crate::rules::{RULES, Rule, lookup};

pub fn run(args: &ExplainArgs) -> Result<ExitCode> {
    let text = match &args.code {
        Some(code) => match lookup(code) {
            Some(rule) => explain(rule),
            None => bail!(unknown_code(code)),
        },
        None => list_all(),
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

/// One line per rule.
pub fn list_all() -> String {
    let mut out = String::new();
    for rule in RULES {
        let _ = writeln!(
            out,
            "{}  {:<8} {:<30} {}",
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
    let distance = |rule: &&Rule| strsim::levenshtein(rule.code, &upper);
    let best = RULES.iter().map(|r| distance(&r)).min().unwrap_or(usize::MAX);
    let near: Vec<&str> = RULES
        .iter()
        .filter(|r| best <= 2 && distance(r) == best)
        .take(4)
        .map(|r| r.code)
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
