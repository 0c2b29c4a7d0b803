//! A progress bar on stderr while case files are checked: a state's caseload takes
//! most of a minute, and a silent terminal looks hung.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::check::{CheckOptions, CheckRun, PathError, Shows, check_paths_counting};
use crate::progress::Progress;

/// How long a run may take before the bar shows that it is still working.
const A_MOMENT: Duration = Duration::from_millis(800);

/// How often the bar is redrawn.
const TICK: Duration = Duration::from_millis(120);

/// Checks `paths`, drawing "checking case files 34512/100000 [=====>   ] 17s, ~31s left"
/// on stderr once it has taken longer than a moment. Only on a terminal:
/// pipes, files, cron mail and tests never see it, and stdout carries only the report.
/// `shows`: the cases whose deadlines the report shows (see `check_paths_counting`).
pub(crate) fn check_showing_progress(
    paths: &[PathBuf],
    options: CheckOptions,
    shows: Shows<'_>,
) -> Result<CheckRun, PathError> {
    showing_progress(|progress| check_paths_counting(paths, options, progress, shows))
}

/// Runs `work` with a `Progress` it counts in, drawn as a bar on stderr when stderr is a
/// terminal and standard output is not one: a report written after the check, or
/// `check`'s findings going to a file. When findings stream to the same terminal as
/// they come, they show the progress themselves, and a bar would break their lines.
pub(crate) fn showing_progress<R>(work: impl FnOnce(&Progress) -> R) -> R {
    let progress = Progress::new();
    if !std::io::stderr().is_terminal() {
        return work(&progress);
    }
    let (done, finished) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        let progress = &progress;
        scope.spawn(move || draw_until(&finished, progress));
        let result = work(progress);
        // Dropping the sender ends the drawing thread, which clears the bar.
        drop(done);
        result
    })
}

/// Draws the bar from `progress` until `finished` says the run is over.
fn draw_until(finished: &mpsc::Receiver<()>, progress: &Progress) {
    // Counted from the start but drawn only after a moment (no flash of a bar on a
    // quick run); the elapsed time and the estimate of what is left then include the
    // files checked before it showed.
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden())
        .with_message("checking case files");
    // `wide_bar` takes what the terminal has left, so the line never wraps.
    if let Ok(style) = ProgressStyle::with_template("{msg} {pos}/{len} [{wide_bar}] {elapsed}, ~{eta} left") {
        bar.set_style(style.progress_chars("=> "));
    }
    let started = Instant::now();
    let mut shown = false;
    loop {
        bar.set_length(progress.found() as u64);
        bar.set_position(progress.checked() as u64);
        if !shown && started.elapsed() >= A_MOMENT {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            shown = true;
        }
        if finished.recv_timeout(TICK) != Err(mpsc::RecvTimeoutError::Timeout) {
            break;
        }
    }
    bar.finish_and_clear();
}
