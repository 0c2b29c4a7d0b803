//! `cplan timeline` (being built).
