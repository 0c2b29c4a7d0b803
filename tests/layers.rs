//! Data flows one way: finding and model at the bottom, then load, policy, rules;
//! check, report, output and the commands above them. A module of a lower layer
//! that names one above it (`crate::report::…`, `use crate::{check, …}`) fails here,
//! so the arrows in docs/architecture.md stay true.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each low layer and the top-level modules it may name.
const LAYERS: &[(&str, &[&str])] = &[
    ("finding", &["finding"]),
    ("model", &["model"]),
    ("load", &["finding", "model", "load"]),
    ("policy", &["finding", "model", "load", "policy"]),
    ("rules", &["finding", "model", "load", "policy", "rules"]),
];

#[test]
fn no_low_layer_names_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for (layer, allowed) in LAYERS {
        for file in rust_files(&src, layer) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for named in modules_named(&text) {
                if !allowed.contains(&named.as_str()) {
                    let shown = file.strip_prefix(&src).unwrap_or(&file).display().to_string();
                    wrong.push(format!("src/{shown} ({layer}) names crate::{named}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "arrows up:\n{}", wrong.join("\n"));
}

#[test]
fn paths_and_groups_are_both_seen() {
    let text = "use crate::{model::{Case, Vocab}, report};\nlet x = crate::check::run();\nuse crate::load;";
    let named: Vec<String> = modules_named(text).into_iter().collect();
    assert_eq!(named, ["check", "load", "model", "report"]);
}

/// `src/LAYER.rs` and every file under `src/LAYER/`.
fn rust_files(src: &Path, layer: &str) -> Vec<PathBuf> {
    let mut files = vec![src.join(format!("{layer}.rs"))];
    let mut dirs = vec![src.join(layer)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.retain(|f| f.is_file());
    files
}

/// The top-level modules a file names: `crate::NAME` and each item of `crate::{…}`.
fn modules_named(text: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            named.extend(top_level_items(group).filter_map(|item| first_word(item.trim())));
        } else {
            named.extend(first_word(rest));
        }
    }
    named
}

/// The items of a `{…}` group up to its closing brace, split at the commas outside
/// nested groups: `model::{A, B}, report}` gives `model::{A, B}` and `report`.
fn top_level_items(group: &str) -> impl Iterator<Item = &str> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..i]);
                return items.into_iter();
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&group[start..]);
    items.into_iter()
}

fn first_word(text: &str) -> Option<String> {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    (end > 0).then(|| text[..end].to_owned())
}
