//! The `cplan` binary: parse arguments, run, turn the outcome into an exit status.

use std::process::ExitCode;

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
