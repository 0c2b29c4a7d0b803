//! Reports over a caseload: one file per report. Each builds rows from the case
//! summaries (and deadlines) of a check run; `output` draws them.

pub mod agenda;
mod as_word;
pub mod caveats;
pub mod deadlines;
pub mod detail;
pub mod filter;
pub mod heading;
pub mod stats;
pub mod status;
pub mod timeline;

pub use filter::CaseFilter;
