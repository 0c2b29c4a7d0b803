//! Writing results in the formats CLI.md lists.
pub mod check_concise;
pub mod check_json;
pub mod check_text;
