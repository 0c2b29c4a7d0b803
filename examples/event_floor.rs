//! The event-parser floor of the benchmark: reads every case file of a folder and runs
//! the YAML event parser the loader is built on over it, with the same threads as
//! `check`, and nothing else (no tree, no model, no rules, no output): what reading YAML
//! costs at the parser's speed. `cargo run --release --example event_floor -- DIR [-j N]`.

use rayon::prelude::*;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut folder = std::path::PathBuf::from(".");
    let mut jobs = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-j" | "--jobs" => jobs = args.next().and_then(|n| n.parse::<usize>().ok()),
            path => folder = path.into(),
        }
    }
    if let Some(jobs) = jobs {
        let _ = rayon::ThreadPoolBuilder::new().num_threads(jobs).build_global();
    }
    let files = cplan::load::discover(&folder).files;
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
