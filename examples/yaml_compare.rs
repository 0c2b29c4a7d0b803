//! Is the YAML library the wall? Reads every case file of a folder on one thread with
//! the two event parsers alone (granit-parser, which serde-saphyr is built on, and
//! saphyr-parser 0.3), then (a) cplan's loader into its positioned node tree (what the
//! loader does before converting to the model) and (b) saphyr, a maintained YAML 1.2
//! parser, into its generic tree, and prints the time of each. `cargo run --release --example
//! yaml_compare -- DIR`.

use std::time::Instant;

use saphyr::LoadableYamlNode;

fn main() {
    let folder = std::env::args().nth(1).unwrap_or_else(|| ".".to_owned());
    let files = cplan::load::discover(std::path::Path::new(&folder)).files;
    let texts: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    let megabytes = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    println!(
        "{} files, {megabytes:.1} MB, read into memory first (no disk in the timings)",
        texts.len()
    );

    // The event parsers alone: the floor under any loader built on them.
    let started = Instant::now();
    let ok = texts.iter().filter(|t| granit_events(t)).count();
    report("granit-parser, events only", started, ok, texts.len(), megabytes);
    let started = Instant::now();
    let ok = texts.iter().filter(|t| saphyr_events(t)).count();
    report(
        "saphyr-parser 0.3, events only",
        started,
        ok,
        texts.len(),
        megabytes,
    );

    let started = Instant::now();
    let ok = texts
        .iter()
        .filter(|t| cplan::load::parse::parse_document(t).is_ok())
        .count();
    report(
        "cplan loader, positioned node tree",
        started,
        ok,
        texts.len(),
        megabytes,
    );

    // The same library without positions: how much of (a) is the `Spanned` wrapper
    // around every key and value rather than the parser itself.
    let started = Instant::now();
    let ok = texts
        .iter()
        .filter(|t| serde_saphyr::from_str::<serde_json::Value>(t).is_ok())
        .count();
    report("serde-saphyr, no positions", started, ok, texts.len(), megabytes);

    let started = Instant::now();
    let ok = texts
        .iter()
        .filter(|t| saphyr::Yaml::load_from_str(t).is_ok())
        .count();
    report("saphyr, generic tree", started, ok, texts.len(), megabytes);
}

/// Reads every event of `text`; whether it was all valid.
fn granit_events(text: &str) -> bool {
    granit_parser::Parser::new_from_str(text).all(|e| e.is_ok())
}

fn saphyr_events(text: &str) -> bool {
    saphyr_parser::Parser::new_from_str(text).all(|e| e.is_ok())
}

fn report(what: &str, started: Instant, ok: usize, files: usize, megabytes: f64) {
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{what:<36} {seconds:7.2} s {:8.0} files/s {:6.1} MB/s ({ok} of {files} parsed)",
        files as f64 / seconds,
        megabytes / seconds
    );
}
