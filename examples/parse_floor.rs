//! The parse-only floor of the benchmark: the same YAML library reading every case file
//! of a folder into the model, with the same threads, and nothing else (no rules, no
//! deadlines, no output). `cargo run --release --example parse_floor -- DIR [-j N]`.

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
    let options = cplan::load::LoadOptions::default();
    let read: usize = files
        .par_iter()
        .map(|path| usize::from(cplan::load::load_file(path, options).case.is_some()))
        .sum();
    println!("read {read} cases from {} files", files.len());
}
