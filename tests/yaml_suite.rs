//! The official YAML test suite over the loader's YAML layer (`parse::parse_yaml`): every
//! valid single-document test is accepted and its tree equals the suite's `in.json`; every
//! test marked `error` is refused (CP001) with a location; every multi-document test is
//! refused with the one-case-per-file message. What the parser gets wrong is named in
//! `KNOWN_LIMITS`, each with why: a test that starts to pass must leave the list, so the
//! list can only shrink.
//!
//! The suite's data is not part of the repository. It is read from `$YAML_TEST_SUITE`, or
//! from `../shared/yaml-test-suite` beside the repository; where neither exists the test
//! says so on stderr and passes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cplan::load::core_schema::{self, CoreType};
use cplan::load::node::{Node, Value};
use cplan::load::parse::parse_yaml;

/// Tests the loader's YAML layer does not pass, with the reason. All three are the
/// parser's lenient reading of continuation lines, which PyYAML shares and caseworkers
/// rely on; granit-parser's `strict_indentation` would pass them but refuse such files.
const KNOWN_LIMITS: &[(&str, &str)] = &[
    (
        "9C9N",
        "a flow list's continuation line indented less than its key is accepted, as PyYAML does",
    ),
    (
        "DK95/01",
        "a tab before a quoted scalar's continuation line is accepted",
    ),
    (
        "QB6E",
        "a quoted scalar's continuation line indented less than its key is accepted, as PyYAML does",
    ),
];

/// What `failure` says of a valid test whose keys are lists or mappings, refused as the
/// loader means to (counted apart, not a failure).
const REFUSED_KEY: &str = "refused: a key that is not a word";

/// One test of the suite: its id (`2G84/02`) and folder.
struct Case {
    id: String,
    dir: PathBuf,
}

fn suite_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("YAML_TEST_SUITE") {
        return Some(PathBuf::from(dir));
    }
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/yaml-test-suite");
    beside.is_dir().then_some(beside)
}

/// Every folder holding an `in.yaml`, sorted by id.
fn cases(root: &Path) -> Vec<Case> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<Case>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir()
                && !path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                walk(root, &path, out);
            }
        }
        if dir.join("in.yaml").is_file() {
            let id = dir
                .strip_prefix(root)
                .unwrap_or(dir)
                .to_string_lossy()
                .into_owned();
            out.push(Case {
                id,
                dir: dir.to_path_buf(),
            });
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// The tree as JSON, the way the suite's `in.json` writes it: plain scalars resolved by
/// the YAML 1.2 core schema (the tree keeps them as written), quoted ones as text.
fn to_json(node: &Node<'_>) -> serde_json::Value {
    use serde_json::Value as J;
    match &node.value {
        Value::Scalar(s) => match s.core_type() {
            CoreType::Null => J::Null,
            CoreType::Bool => J::Bool(core_schema::bool_value(&s.text).unwrap_or(false)),
            CoreType::Int => {
                core_schema::int_value(&s.text).map_or_else(|| J::String(s.text.to_string()), J::from)
            }
            CoreType::Float => s
                .text
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map_or_else(|| J::String(s.text.to_string()), J::Number),
            CoreType::Str => J::String(s.text.to_string()),
        },
        Value::Seq(items) => J::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => J::Object(
            entries
                .iter()
                .map(|e| (e.key.to_string(), to_json(&e.value)))
                .collect(),
        ),
    }
}

/// JSON equality where numbers are compared by value (`1.0` and `1`, `1e3` and `1000`).
fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (a, b) {
        (J::Number(x), J::Number(y)) => x.as_f64() == y.as_f64(),
        (J::Array(x), J::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (J::Object(x), J::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// Why a test fails, or `None` when it passes.
fn failure(case: &Case) -> Option<String> {
    let text = match std::fs::read_to_string(case.dir.join("in.yaml")) {
        Ok(text) => text,
        // A few tests are not UTF-8; the loader refuses those before YAML (CP001).
        Err(_) => return None,
    };
    let events = std::fs::read_to_string(case.dir.join("test.event")).unwrap_or_default();
    let documents = events.lines().filter(|l| l.starts_with("+DOC")).count();
    let parsed = parse_yaml(&text);
    if case.dir.join("error").exists() {
        return match parsed {
            Ok(_) => Some("accepted, but the suite says it is invalid".to_owned()),
            Err(e) if e.loc.is_none() => Some(format!("refused without a location: {}", e.message)),
            Err(_) => None,
        };
    }
    if documents > 1 {
        return match parsed {
            Err(e) if e.message.contains("more than one YAML document") => None,
            Err(e) => Some(format!("{documents} documents, refused as: {}", e.message)),
            Ok(_) => Some(format!("{documents} documents, accepted")),
        };
    }
    let json = std::fs::read_to_string(case.dir.join("in.json")).ok();
    let node = match (parsed, json.is_some()) {
        (Ok(node), _) => node,
        // Valid YAML that JSON cannot write: a list or a mapping used as a key. A case
        // file's keys are words, so the loader may refuse it, at the key.
        (Err(e), false) if e.loc.is_some() && e.message.contains("key") => {
            return Some(REFUSED_KEY.to_owned());
        }
        (Err(e), _) => return Some(format!("valid, refused: {}", e.message)),
    };
    // Valid YAML that JSON cannot write, read without a panic.
    let json = json?;
    let expected = serde_json::Deserializer::from_str(&json)
        .into_iter::<serde_json::Value>()
        .next()
        .and_then(Result::ok)
        .unwrap_or(serde_json::Value::Null);
    let found = to_json(&node);
    (!same(&found, &expected)).then(|| format!("tree differs: read {found}, expected {expected}"))
}

#[test]
fn the_yaml_layer_passes_the_yaml_test_suite() {
    let Some(root) = suite_dir() else {
        eprintln!(
            "skipped: no YAML test suite (set YAML_TEST_SUITE=DIR, or put it in ../shared/yaml-test-suite)"
        );
        return;
    };
    let cases = cases(&root);
    let total = cases.len();
    assert!(
        cases.len() > 300,
        "{} tests found in {}",
        cases.len(),
        root.display()
    );
    // On a thread with a rayon worker's stack, where `check` reads files.
    let failures: BTreeMap<String, String> = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            cases
                .iter()
                .filter_map(|case| failure(case).map(|why| (case.id.clone(), why)))
                .collect::<BTreeMap<String, String>>()
        })
        .expect("thread")
        .join()
        .expect("no panic");
    let refused_keys = failures.values().filter(|why| *why == REFUSED_KEY).count();
    let mut failures = failures;
    failures.retain(|_, why| why != REFUSED_KEY);
    let known: BTreeMap<&str, &str> = KNOWN_LIMITS.iter().copied().collect();
    let new: Vec<String> = failures
        .iter()
        .filter(|(id, _)| !known.contains_key(id.as_str()))
        .map(|(id, why)| format!("{id}: {why}"))
        .collect();
    let fixed: Vec<&str> = known
        .keys()
        .filter(|id| !failures.contains_key(**id))
        .copied()
        .collect();
    eprintln!(
        "yaml test suite: {} of {} tests pass ({refused_keys} of them valid YAML with a list or \
         mapping as a key, refused at the key), {} known limits",
        total - failures.len(),
        total,
        known.len()
    );
    assert!(
        new.is_empty(),
        "tests failing that are not known limits:\n{}",
        new.join("\n")
    );
    assert!(
        fixed.is_empty(),
        "known limits that now pass (take them off the list): {fixed:?}"
    );
}
