//! The command line: argument definitions and one function per command.

mod agenda;
mod args;
mod check;
mod completions;
mod deadlines;
mod explain;
mod man;
mod new;
mod progress_bar;
mod report_run;
mod schema;
mod stats;
mod status;
mod timeline;

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

pub use args::{Cli, Command};

/// Exit status: no finding at or above the fail level.
pub const EXIT_OK: u8 = 0;
/// Exit status: `check` found a finding at or above the fail level.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: the command could not do its job (bad argument, missing path, broken cplan.yaml).
pub const EXIT_TROUBLE: u8 = 2;

/// The most threads `-j` may ask for: beyond this, threads only wait on the disk, and
/// thousands of them can exhaust a machine's memory before the first file is read.
pub const MAX_JOBS: u16 = 256;

pub fn run() -> Result<ExitCode> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // clap repeats a refused value as typed: shown escaped, it cannot send a
        // terminal sequence of its own.
        Err(error) if error.use_stderr() => {
            let message = error.render().to_string();
            eprint!("{}", crate::output::escape::terminal_lines(&message));
            return Ok(ExitCode::from(EXIT_TROUBLE));
        }
        Err(help_or_version) => help_or_version.exit(),
    };
    start_threads(cli.global.jobs)?;
    let color = colour_enabled(&cli.global.color);
    match cli.command {
        Command::Check(args) => check::run(&cli.global, &args, color),
        Command::Explain(args) => explain::run(&args),
        Command::Status(args) => status::run(&cli.global, &args, color),
        Command::Deadlines(args) => deadlines::run(&cli.global, &args, color),
        Command::Agenda(args) => agenda::run(&cli.global, &args),
        Command::Timeline(args) => timeline::run(&cli.global, &args),
        Command::Stats(args) => stats::run(&cli.global, &args, color),
        Command::New(args) => new::run(&cli.global, &args),
        Command::Schema => schema::run(),
        Command::Server => {
            crate::server::run(&|| as_of(&cli.global))?;
            Ok(ExitCode::from(EXIT_OK))
        }
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => man::run(&args),
    }
}

/// Starts the pool of threads files are checked on: `-j N`, else one per core. Started
/// here rather than on first use, so that a machine that cannot start them gives an
/// error (exit 2) instead of a panic in the middle of the run.
fn start_threads(jobs: Option<u16>) -> Result<()> {
    let threads = jobs.map_or(0, usize::from);
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
        .map_err(|e| anyhow::anyhow!("cannot start the threads to read files with (-j): {e}"))
}

/// Writes a command's output to stdout as `write` makes it (buffered), for reports
/// too long to build as one text first. A reader that stops reading (`| head`) ends
/// the output quietly: the command still returns the status its run had.
pub(crate) fn print_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let written = write(&mut stdout).and_then(|()| stdout.flush());
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Writes a command's output to stdout in one go (see `print_with`).
pub(crate) fn print(text: &str) -> Result<()> {
    print_with(|w| w.write_all(text.as_bytes()))
}

pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Whether to colour standard output: `--color always|never` decides; `auto` colours a
/// terminal unless NO_COLOR is set, CLICOLOR is 0 or TERM is dumb, and CLICOLOR_FORCE
/// colours a pipe too (the conventions of no-color.org and bixense.com/clicolors).
fn colour_enabled(color: &colorchoice_clap::Color) -> bool {
    color.write_global();
    anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
}

/// The as-of date: `--as-of`, else today in local time (the only place the clock is read).
pub(crate) fn as_of(global: &args::GlobalArgs) -> chrono::NaiveDate {
    global.as_of.unwrap_or_else(|| chrono::Local::now().date_naive())
}
