//! The `cplan` binary: parse arguments, run, turn the outcome into an exit status.

use std::process::ExitCode;

/// mimalloc (its v2 line) rather than the system's allocator: a check allocates and
/// frees a few hundred small values a case, and with glibc's allocator two threads over
/// 100,000 messy cases used 39 CPU seconds where one used 28; with mimalloc, 29 and 26,
/// at about the same peak memory (BENCHMARKS.md, 2026-12-03). Its v3 line held 10–20
/// MB more at that size, enough to take `status` over 150 MB. Built without transparent
/// huge pages (`no_thp`): where the kernel offers them, mimalloc asked for them, and a
/// 2 MB page counts whole in resident memory however little of it is used: 8–10 MB of
/// every run's peak, at 10,000 cases as at 100,000, for no measurable speed.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match cplan::cli::run() {
        Ok(code) => code,
        Err(error) => {
            // Output cut short by a closed pipe (`cplan check | head`) is not an error.
            if cplan::cli::is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            // The message may quote a value typed or read from a file: escaped, it
            // cannot send a terminal sequence.
            let message = format!("{error:#}");
            eprintln!(
                "cplan: error: {}",
                cplan::output::escape::terminal_lines(&message)
            );
            ExitCode::from(cplan::cli::EXIT_TROUBLE)
        }
    }
}
