//! `cplan agenda` (being built).
