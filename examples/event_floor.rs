//! The event-parser floor of the benchmark: reads every case file of a folder and runs
//! the YAML event parser the loader is built on over it, with the same threads as
//! `check`, and nothing else (no tree, no model, no rules, no output): what reading YAML
//! costs at the parser's speed. `cargo run --release --example event_floor -- DIR [-j N]`.

use rayon::prelude::*;

#[path = "common/floor_args.rs"]
mod floor_args;

fn main() {
    let files = floor_args::case_files();
    let events: usize = files
        .par_iter()
        .map(|path| std::fs::read_to_string(path).map_or(0, |text| count_events(&text)))
        .sum();
    println!("{events} events in {} files", files.len());
}

/// The events of one document, up to the first error.
fn count_events(text: &str) -> usize {
    granit_parser::Parser::new_from_str(text)
        .take_while(Result::is_ok)
        .count()
}
