//! Argument definitions (clap derive). Every command has an example in its help.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "cplan",
    version,
    about = "Check concurrent-planning case files and report their deadlines",
    long_about = "cplan reads a folder of child-welfare case files (one YAML file per child), \
checks each against the concurrent-planning rules of its jurisdiction, and reports what \
needs doing.\n\nThe binary is `cplan`, not `cp`, so that it never hides the system's copy command.",
    after_help = "Examples:\n  cplan check cases/\n  cplan check cases/ --as-of 2026-11-24 --format concise\n  cplan explain CP102"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The day to check against, YYYY-MM-DD (default: today). Fix it for reproducible reports.
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,

    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate every case file against its rule profile.
    #[command(
        after_help = "Examples:\n  cplan check                      # the current folder\n  cplan check cases/ --as-of 2026-11-24\n  cplan check cases/ --format concise | grep CP102\n  cplan check cases/ --deny warnings   # exit 1 on warnings too"
    )]
    Check(CheckArgs),
    /// Explain a rule: what it checks, why it matters, how to fix it.
    #[command(
        after_help = "Examples:\n  cplan explain CP102\n  cplan explain --all\n  cplan explain --profile california\n  cplan explain --profile california --dir cases/   # with that folder's cplan.yaml"
    )]
    Explain(ExplainArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Case files or folders (default: the current folder).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,

    /// Lowest severity that makes the exit status 1.
    #[arg(long, value_enum, default_value_t = DenyLevel::Errors, value_name = "LEVEL")]
    pub deny: DenyLevel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// rustc-style diagnostics with the source line.
    Text,
    /// One `file:line:col: CODE message` a line.
    Concise,
    /// The stable JSON shape documented in the README.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DenyLevel {
    Errors,
    Warnings,
    Infos,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code, e.g. CP102.
    #[arg(value_name = "CODE", required_unless_present_any = ["all", "profile"])]
    pub code: Option<String>,

    /// List every rule with its one-line summary.
    #[arg(long, conflicts_with_all = ["code", "profile"])]
    pub all: bool,

    /// Print the effective settings of a profile (federal, california, kansas, or one
    /// of the folder's cplan.yaml), in the format of cplan.yaml.
    #[arg(long, value_name = "NAME", conflicts_with = "code")]
    pub profile: Option<String>,

    /// The folder whose cplan.yaml defines or adjusts profiles (with --profile).
    #[arg(long, value_name = "FOLDER", default_value = ".", requires = "profile")]
    pub dir: std::path::PathBuf,
}

fn parse_as_of(text: &str) -> Result<NaiveDate, String> {
    crate::load::convert::parse_date(text)
        .map_err(|e| format!("{e}; write the date as YYYY-MM-DD, e.g. --as-of 2026-11-24"))
}
