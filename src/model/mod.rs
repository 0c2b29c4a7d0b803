//! The case types: what a case file means once it has been read.
mod case;
mod derived;
mod person;
mod plan;
mod schema;
mod vocab;

pub use case::*;
pub use derived::same_caregiver;
pub use person::PersonRef;
pub use plan::*;
pub use schema::case_schema;
pub use vocab::*;
