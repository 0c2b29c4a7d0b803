//! Profiles and deadline arithmetic (docs/deadlines.md): when things are due, and which
//! settings each jurisdiction checks a case with.

pub mod arith;
pub mod care;
pub mod config;
pub mod configs;
pub mod deadline;
pub mod deadlines;
mod document;
pub mod efforts;
mod facts;
pub mod fifteen22;
pub mod formula;
pub mod profile;
pub mod sources;
pub mod words;

pub use config::{Config, ConfigError, RuleCodes, UnknownProfile};
pub use configs::Configs;
pub use facts::CaseFacts;
pub use profile::{Profile, RuleSetting};
