//! How far a run is, for a progress bar drawn by another thread while files are checked.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Files found and files checked so far. The run only counts; whoever shows progress
/// reads the counts when it likes (`cli` draws a bar on a terminal, cron sees nothing).
#[derive(Debug, Default)]
pub struct Progress {
    found: AtomicUsize,
    checked: AtomicUsize,
}

impl Progress {
    pub fn new() -> Progress {
        Progress::default()
    }

    /// Case files found so far (grows as each path on the command line is walked).
    pub fn found(&self) -> usize {
        self.found.load(Ordering::Relaxed)
    }

    /// Case files checked so far.
    pub fn checked(&self) -> usize {
        self.checked.load(Ordering::Relaxed)
    }

    pub(crate) fn add_found(&self, files: usize) {
        self.found.fetch_add(files, Ordering::Relaxed);
    }

    pub(crate) fn add_checked(&self) {
        self.checked.fetch_add(1, Ordering::Relaxed);
    }
}
