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

    /// How many files to read at once, 1 to 256 (default: one per CPU core).
    #[arg(long, short = 'j', global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=i64::from(super::MAX_JOBS)))]
    pub jobs: Option<u16>,

    /// The widest a table may be, in columns (default: the terminal's width, else
    /// $COLUMNS, else 100 in a pipe or a file).
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(40..=1000))]
    pub width: Option<u16>,

    /// When to colour output: `auto` colours a terminal, following NO_COLOR, CLICOLOR,
    /// CLICOLOR_FORCE and TERM=dumb (anstream decides, as other well-behaved tools do).
    #[command(flatten)]
    pub color: colorchoice_clap::Color,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate every case file against its rule profile.
    #[command(
        after_help = "Examples:\n  cplan check                      # the current folder\n  cplan check cases/ --as-of 2026-11-24\n  cplan check cases/ --format concise | grep CP102\n  cplan check cases/ --deny warnings   # exit 1 on warnings too\n  cplan check cases/ --format github   # annotations in a GitHub Actions workflow\n  cplan check cases/ --format sarif > cplan.sarif"
    )]
    Check(CheckArgs),
    /// One row per case: stage, plan, placement, next deadline, findings.
    #[command(
        after_help = "Examples:\n  cplan status cases/\n  cplan status cases/ --sort days --worker alvarez\n  cplan status cases/ --format csv > status.csv"
    )]
    Status(StatusArgs),
    /// Deadlines in a window, overdue first (the weekly supervisor view with --by worker).
    #[command(
        after_help = "Examples:\n  cplan deadlines cases/                     # overdue, and due in the next 30 days\n  cplan deadlines cases/ --within 2w --by worker\n  cplan deadlines cases/ --overdue --strict  # exit 1 when anything is overdue (cron)\n  cplan deadlines cases/ --all --format ics > deadlines.ics"
    )]
    Deadlines(DeadlinesArgs),
    /// A review agenda for one case, or for every case with a review or hearing due soon.
    #[command(
        after_help = "Examples:\n  cplan agenda 2026-0201 cases/\n  cplan agenda cases/2026-0201.yaml\n  cplan agenda --due-within 14d cases/ --redact > agendas.md"
    )]
    Agenda(AgendaArgs),
    /// Why each date is what it is: episodes, EFC, stages, 15/22 month by month, every deadline.
    #[command(
        after_help = "Examples:\n  cplan timeline 2026-0205 cases/\n  cplan timeline 2026-0205 cases/ --format json"
    )]
    Timeline(TimelineArgs),
    /// The caseload at a glance: stages, goals, months in care, placement stability.
    #[command(
        after_help = "Examples:\n  cplan stats cases/\n  cplan stats cases/ --by worker --format markdown"
    )]
    Stats(StatsArgs),
    /// Explain a rule: what it checks, why it matters, how to fix it.
    #[command(
        after_help = "Examples:\n  cplan explain CP102\n  cplan explain --all\n  cplan explain --profile california\n  cplan explain --profile california --dir cases/   # with that folder's cplan.yaml"
    )]
    Explain(ExplainArgs),
    /// Write a new case file from a commented template, with today's date where a date is known.
    #[command(
        after_help = "Examples:\n  cplan new 2026-0142 --dir cases/\n  cplan new 2026-0142 --dir cases/ --jurisdiction california\n  cplan new 2026-0142 --as-of 2026-11-20   # removed on 2026-11-20, not today\n\nIt never overwrites a file unless --force is given."
    )]
    New(NewArgs),
    /// Print the JSON Schema of a case file, for editors (YAML language servers) and other tools.
    #[command(
        after_help = "Examples:\n  cplan schema > cplan-case.schema.json\n\nThen, as the first line of a case file (VS Code's YAML extension and other YAML\nlanguage servers read it):\n  # yaml-language-server: $schema=./cplan-case.schema.json\n\nSee docs/editors-and-ci.md for the VS Code setting that applies it to a whole folder."
    )]
    Schema,
    /// Speak the Language Server Protocol on standard input and output, for editors.
    #[command(
        long_about = "Speak the Language Server Protocol on standard input and output, for editors: \
each case file is checked as it is typed, with its folder's cplan.yaml and other case files, \
with hover (rule explanations, the deadlines a date sets), quick fixes, inlay hints (stage \
and next deadlines) and completion of parent and case ids. It works beside the YAML language \
server, which completes keys from `cplan schema`.\n\nThe date checked against is today, \
or --as-of, or the client's `cplan.asOf` setting.",
        after_help = "Examples:\n  cplan server                       # started by the editor, not by hand\n  cplan server --as-of 2026-11-24    # check against a fixed date\n\nSee docs/editors-and-ci.md for VS Code, Neovim, Helix and Emacs."
    )]
    Server,
    /// Print shell completions (bash, zsh, fish, powershell, elvish).
    #[command(
        after_help = "Examples:\n  cplan completions bash > ~/.local/share/bash-completion/completions/cplan\n  cplan completions zsh > ~/.zfunc/_cplan      # with fpath+=(~/.zfunc) in ~/.zshrc\n  cplan completions fish > ~/.config/fish/completions/cplan.fish\n  cplan completions powershell >> $PROFILE"
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), of cplan or of one of its commands.
    #[command(
        after_help = "Examples:\n  cplan man | man -l -\n  cplan man check | man -l -\n  cplan man > ~/.local/share/man/man1/cplan.1"
    )]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The case id; the file is named after it (CASE-ID.yaml).
    #[arg(value_name = "CASE-ID", value_parser = super::new::parse_case_id)]
    pub case_id: String,

    /// The folder to write the file in (it must exist).
    #[arg(long, value_name = "FOLDER", default_value = ".")]
    pub dir: PathBuf,

    /// The case's profile: federal, california, kansas, or one defined in the folder's cplan.yaml.
    #[arg(long, value_name = "NAME")]
    pub jurisdiction: Option<String>,

    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_name = "SHELL", value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// A command whose page to print instead of cplan's own (check, status, …).
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
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
    /// GitHub Actions workflow commands: inline annotations on a pull request.
    Github,
    /// SARIF 2.1.0, for code scanning and other static-analysis tools.
    Sarif,
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

/// What every report takes: where the cases are, which to show, and how.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A folder of case files (or one file); default: the current folder.
    #[arg(value_name = "PATH", default_value = ".")]
    pub path: PathBuf,

    /// Only cases of this worker (case-insensitive, part of the name is enough).
    #[arg(long, value_name = "NAME")]
    pub worker: Option<String>,

    /// Only this case id.
    #[arg(long = "case", value_name = "ID")]
    pub case_id: Option<String>,

    /// Only cases checked with this profile (federal, california, kansas, …).
    #[arg(long, value_name = "NAME")]
    pub jurisdiction: Option<String>,

    /// Only cases in this stage: 1, 2, 3 or past.
    #[arg(long, value_name = "STAGE", value_parser = parse_stage)]
    pub stage: Option<crate::policy::care::Stage>,

    /// Print children, parents and caregivers by initials only.
    #[arg(long)]
    pub redact: bool,

    /// Exit 1 when a case shown has errors or an overdue deadline (for cron).
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,

    /// Row order.
    #[arg(long, value_enum, default_value_t = crate::report::status::SortBy::Deadline)]
    pub sort: crate::report::status::SortBy,
}

#[derive(Debug, Args)]
pub struct DeadlinesArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    #[arg(long, value_enum, default_value_t = DeadlineFormat::Table)]
    pub format: DeadlineFormat,

    /// Show deadlines due within this span (and every overdue one): 30d, 2w, 3mo.
    #[arg(long, value_name = "SPAN", default_value = "30d", value_parser = parse_span, conflicts_with_all = ["all", "overdue"])]
    pub within: crate::policy::arith::Span,

    /// Show every deadline, met ones too.
    #[arg(long, conflicts_with = "overdue")]
    pub all: bool,

    /// Show only overdue deadlines, however old.
    #[arg(long)]
    pub overdue: bool,

    /// Group by worker (the weekly supervisor view).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub by: Option<GroupBy>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    Worker,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Table,
    Json,
    Csv,
    Markdown,
    /// One self-contained HTML page (no script, nothing fetched), to open in a browser or print.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DeadlineFormat {
    Table,
    Json,
    Csv,
    Markdown,
    /// iCalendar (RFC 5545): one all-day event per deadline, for calendar programs.
    Ics,
    /// One self-contained HTML page (no script, nothing fetched), to open in a browser or print.
    Html,
}

fn parse_span(text: &str) -> Result<crate::policy::arith::Span, String> {
    text.parse().map_err(|e| format!("{e}"))
}

fn parse_stage(text: &str) -> Result<crate::policy::care::Stage, String> {
    crate::policy::care::Stage::from_word(text)
        .ok_or_else(|| format!("`{text}` is not a stage; write 1, 2, 3 or past"))
}

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// A case id (or a case file's path) — omit it with --due-within.
    #[arg(value_name = "CASE-ID or FILE", required_unless_present = "due_within")]
    pub case: Option<String>,

    /// The folder the cases are in (default: the current folder, or the file's folder).
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,

    /// Agendas for every case with a review or hearing due within this span: 14d, 2w.
    #[arg(long, value_name = "SPAN", value_parser = parse_span)]
    pub due_within: Option<crate::policy::arith::Span>,

    #[arg(long, value_enum, default_value_t = AgendaFormat::Markdown)]
    pub format: AgendaFormat,

    /// Print children, parents and caregivers by initials only.
    #[arg(long)]
    pub redact: bool,

    /// Exit 1 when a case shown has errors or an overdue deadline.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgendaFormat {
    Markdown,
    Text,
    Json,
    /// One self-contained HTML page (no script, nothing fetched) with a picture of each
    /// case; with --due-within, every agenda on its own printed page.
    Html,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The case id.
    #[arg(value_name = "CASE-ID")]
    pub case: String,

    /// The folder the case is in (default: the current folder).
    #[arg(value_name = "PATH", default_value = ".")]
    pub path: PathBuf,

    #[arg(long, value_enum, default_value_t = TimelineFormat::Text)]
    pub format: TimelineFormat,

    /// Print children, parents and caregivers by initials only.
    #[arg(long)]
    pub redact: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    Text,
    Json,
    /// One self-contained HTML page (no script, nothing fetched) with a picture of the case.
    Html,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,

    /// One line per worker as well as the totals.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub by: Option<GroupBy>,
}
