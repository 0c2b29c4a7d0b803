//! The head of every report: what it is, of which folder, as of when, which cases it
//! shows and how many the caseload holds, so a printed or mailed page says what it is.

use std::path::Path;

use chrono::NaiveDate;

use super::caveats::caseload_count;
use super::filter::CaseFilter;
use crate::check::CheckRun;
use crate::output::doc::{Block, Text};

/// What a report covers.
pub struct Scope<'a> {
    pub folder: &'a Path,
    pub as_of: NaiveDate,
    pub filter: &'a CaseFilter,
}

impl Scope<'_> {
    /// "Status of cases-sample as of 2026-11-24 (worker okafor)".
    pub fn title(&self, what: &str) -> Block<'static> {
        let filters = self.filter.words();
        let filters = if filters.is_empty() {
            String::new()
        } else {
            format!(" ({})", filters.join(", "))
        };
        Block::Title(Text::plain(format!(
            "{what} of {} as of {}{filters}",
            folder_name(self.folder),
            self.as_of
        )))
    }

    /// "The folder holds 13 cases, 1 file unreadable; 3 shown." (the second part only
    /// when filters leave some out).
    pub fn counts(&self, run: &CheckRun, shown: usize) -> Block<'static> {
        let mut line = format!("The folder holds {}", caseload_count(run));
        if shown != run.summaries.len() {
            line.push_str(&format!("; {shown} shown"));
        }
        line.push('.');
        Block::Para(Text::plain(line))
    }
}

/// The folder as a sentence names it: "cases-sample", or "the current folder" for `.`.
pub fn folder_name(folder: &Path) -> String {
    if folder == Path::new(".") || folder.as_os_str().is_empty() {
        "the current folder".to_owned()
    } else {
        folder.display().to_string()
    }
}
