//! cplan: concurrent-planning case files checked against the law and the practice model.
//!
//! Data flows one way: `load` (files → `model`) → `rules` (findings) → `output`.
pub mod check;
pub mod cli;
pub mod finding;
pub mod load;
pub mod model;
pub mod output;
pub mod people;
pub mod policy;
pub mod progress;
pub mod report;
pub mod rules;
pub mod server;
pub mod summary;
