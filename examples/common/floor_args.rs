//! What the benchmark floors (`event_floor`, `parse_floor`) are told: a folder and
//! `-j N`, read the way `cplan check` reads them.

use std::path::PathBuf;

/// The case files of the folder named on the command line (default `.`), with rayon's
/// global pool set to `-j N` threads when given.
pub fn case_files() -> Vec<PathBuf> {
    let mut args = std::env::args().skip(1);
    let mut folder = PathBuf::from(".");
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
    cplan::load::discover(&folder).files
}
