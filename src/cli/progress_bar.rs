//! A progress bar on stderr while case files are checked: a state's caseload takes
//! most of a minute, and a silent terminal looks hung.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::check::{CheckOptions, CheckRun, PathError, check_paths_counting};
use crate::progress::Progress;

/// How long a run may take before the bar shows that it is still working.
const A_MOMENT: Duration = Duration::from_millis(800);

/// How often the bar is redrawn.
const TICK: Duration = Duration::from_millis(120);

/// Checks `paths`, drawing "checking case files 34512/100000 [=====>   ] 0:17, about
/// 0:31 left" on stderr once it has taken longer than a moment. Only on a terminal:
/// pipes, files, cron mail and tests never see it, and stdout carries only the report.
pub(crate) fn check_showing_progress(
    paths: &[PathBuf],
    options: CheckOptions,
) -> Result<CheckRun, PathError> {
    let progress = Progress::new();
    if !std::io::stderr().is_terminal() {
        return check_paths_counting(paths, options, &progress);
    }
    let (done, finished) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        let progress = &progress;
        scope.spawn(move || draw_until(&finished, progress));
        let run = check_paths_counting(paths, options, progress);
        // Dropping the sender ends the drawing thread, which clears the bar.
        drop(done);
        run
    })
}

/// Draws the bar from `progress` until `finished` says the run is over.
fn draw_until(finished: &mpsc::Receiver<()>, progress: &Progress) {
    // Returns at once when the work ends before the moment is up: no flash of a bar.
    if finished.recv_timeout(A_MOMENT) != Err(mpsc::RecvTimeoutError::Timeout) {
        return;
    }
    let bar = ProgressBar::new(0).with_message("checking case files");
    if let Ok(style) =
        ProgressStyle::with_template("{msg} {pos}/{len} [{bar:30}] {elapsed}, about {eta} left")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    loop {
        bar.set_length(progress.found() as u64);
        bar.set_position(progress.checked() as u64);
        if finished.recv_timeout(TICK) != Err(mpsc::RecvTimeoutError::Timeout) {
            break;
        }
    }
    bar.finish_and_clear();
}
