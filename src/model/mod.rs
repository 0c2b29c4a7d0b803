//! The case types: what a case file means once it has been read.
mod case;
mod derived;
mod vocab;

pub use case::*;
pub use vocab::*;
