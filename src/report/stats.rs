//! `cplan stats` (being built).
