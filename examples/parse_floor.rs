//! The parse-only floor of the benchmark: the same YAML library reading every case file
//! of a folder into the model, with the same threads, and nothing else (no rules, no
//! deadlines, no output). `cargo run --release --example parse_floor -- DIR [-j N]`.

use rayon::prelude::*;

#[path = "common/floor_args.rs"]
mod floor_args;

fn main() {
    let files = floor_args::case_files();
    let options = cplan::load::LoadOptions::default();
    let read: usize = files
        .par_iter()
        .map(|path| usize::from(cplan::load::load_file(path, options).case.is_some()))
        .sum();
    println!("read {read} cases from {} files", files.len());
}
