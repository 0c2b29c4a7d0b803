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

/// mimalloc's `mi_option_purge_delay` (`enum mi_option_e` in its v2 `mimalloc.h`, which
/// keeps retired options as placeholders so that the numbers never move; the Rust crate
/// names only some options). Checked by the test below.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Memory freed goes back to the system at once, not 10 ms later (mimalloc's default):
/// a check frees a batch's results every half second, and with the delay what was freed
/// but not yet returned made a long run's peak higher than a short one's, though it held
/// no more (`check` over 100,000 messy cases peaked at 28–29 MB, over 10,000 at 25; with
/// no delay 20 and 19). CPU time did not change (BENCHMARKS.md).
fn return_freed_memory_at_once() {
    // SAFETY: `mi_option_set` only stores a number in mimalloc's table of options, but
    // is not thread-safe: it is called first thing in `main`, before any thread starts.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
}

fn main() -> ExitCode {
    return_freed_memory_at_once();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_option_set_is_the_purge_delay() {
        // Option 15 starts at 10 (milliseconds), purge_delay's default: were the numbers
        // to move in another mimalloc, another option would be set, and this would fail.
        // SAFETY: reads mimalloc's table of options; nothing else sets options in tests.
        let delay = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(delay, 10);
        }
    }
}
