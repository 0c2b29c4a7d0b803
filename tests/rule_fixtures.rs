//! One fixture folder per rule: `tests/rules/CODE/fires/` must produce that code,
//! `tests/rules/CODE/passes/` must not. The messages and positions of every firing
//! are pinned in a snapshot, so a change of wording or location is seen in review.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use cplan::check::{CheckOptions, CheckRun, check_paths};

const AS_OF: (i32, u32, u32) = (2026, 11, 24);

fn run(folder: &Path) -> CheckRun {
    let (y, m, d) = AS_OF;
    let options = CheckOptions::new(NaiveDate::from_ymd_opt(y, m, d).expect("a real date"));
    check_paths(&[folder.to_path_buf()], options).expect("fixture folder exists")
}

/// Every fixture folder, or only the codes listed in `CPLAN_RULES` (`CP101,CP102`),
/// for working on a few rules at a time.
fn fixture_rules() -> Vec<(String, PathBuf)> {
    let only: Option<Vec<String>> = std::env::var("CPLAN_RULES")
        .ok()
        .map(|v| v.split(',').map(|c| c.trim().to_uppercase()).collect());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules");
    let mut rules: Vec<(String, PathBuf)> = std::fs::read_dir(&root)
        .expect("tests/rules exists")
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    rules.retain(|(code, _)| only.as_ref().is_none_or(|only| only.contains(code)));
    rules.sort();
    rules
}

/// `file:line:col: severity CODE message` of one rule's findings, with paths
/// relative to the fixture folder.
fn concise(run: &CheckRun, folder: &Path, code: &str) -> String {
    run.findings
        .iter()
        .filter(|f| f.rule == code)
        .map(|f| {
            let file = f
                .file
                .strip_prefix(folder)
                .unwrap_or(&f.file)
                .display()
                .to_string();
            let loc = f
                .loc
                .map(|l| format!(":{}:{}", l.line, l.column))
                .unwrap_or_default();
            let message = f.message.replace(&format!("{}/", folder.display()), "");
            format!("{file}{loc}: {} {} {message}", f.severity, f.rule)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_rule_fires_on_its_fixture_and_not_on_the_passing_one() {
    let rules = fixture_rules();
    assert!(rules.len() >= 8, "fixtures for CP001–CP008 at least");
    for (code, dir) in rules {
        make_world_readable_where_needed(&code, &dir);
        assert!(
            cplan::rules::lookup(&code).is_some(),
            "{code} is not in the registry"
        );
        let fires = run(&dir.join("fires"));
        assert!(
            fires.findings.iter().any(|f| f.rule == code),
            "{code}/fires did not produce {code}:\n{}",
            concise(&fires, &dir.join("fires"), &code)
        );
        let passes = run(&dir.join("passes"));
        let wrong: Vec<_> = passes.findings.iter().filter(|f| f.rule == code).collect();
        assert!(wrong.is_empty(), "{code}/passes produced {code}: {wrong:#?}");
        insta::assert_snapshot!(
            format!("{code}_fires"),
            concise(&fires, &dir.join("fires"), &code)
        );
    }
}

/// Git does not keep file modes beyond the executable bit, and a checkout follows the
/// umask; CP901 (world-readable files) sets the mode it is about itself.
fn make_world_readable_where_needed(code: &str, dir: &Path) {
    #[cfg(unix)]
    if code == "CP901" {
        use std::os::unix::fs::PermissionsExt;
        for kind in ["fires", "passes"] {
            let file = dir.join(kind).join("case.yaml");
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        }
    }
}

#[test]
fn passing_fixtures_have_no_file_level_errors() {
    for (code, dir) in fixture_rules() {
        let passes = run(&dir.join("passes"));
        let file_errors: Vec<_> = passes.findings.iter().filter(|f| f.rule.is_file_rule()).collect();
        assert!(
            file_errors.is_empty(),
            "{code}/passes is not a clean file: {file_errors:#?}"
        );
    }
}

/// A copy of `folder`'s files in a temp dir, with `cplan_yaml` as its policy file.
fn copy_with_policy(folder: &Path, cplan_yaml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(folder).expect("fixture folder") {
        let path = entry.expect("entry").path();
        if path.file_name().is_some_and(|n| n != "cplan.yaml") {
            std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
        }
    }
    std::fs::write(dir.path().join("cplan.yaml"), cplan_yaml).expect("write cplan.yaml");
    dir
}

/// `rules:` for the folder's default profile and for every built-in one a fixture may name.
fn rules_everywhere(code: &str, setting: &str) -> String {
    format!(
        "rules: {{{code}: {setting}}}\nprofiles:\n  california: {{extends: california, rules: {{{code}: {setting}}}}}\n  \
         kansas: {{extends: kansas, rules: {{{code}: {setting}}}}}\n"
    )
}

/// Every rule after CP0xx can be turned off and given another severity in cplan.yaml;
/// the file rules cannot (a file that cannot be read cannot be trusted).
#[test]
fn every_rule_can_be_turned_off_or_changed_in_cplan_yaml() {
    for (code, dir) in fixture_rules() {
        make_world_readable_where_needed(&code, &dir);
        let fires = dir.join("fires");
        let rule = cplan::rules::lookup(&code).expect("registered");
        let other = if rule.severity == cplan::finding::Severity::Info {
            "warning"
        } else {
            "info"
        };
        let changed = copy_with_policy(&fires, &rules_everywhere(&code, other));
        let off = copy_with_policy(&fires, &rules_everywhere(&code, "off"));
        #[cfg(unix)]
        for copy in [&changed, &off] {
            use std::os::unix::fs::PermissionsExt;
            for entry in std::fs::read_dir(copy.path()).expect("copy") {
                let path = entry.expect("entry").path();
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
            }
        }
        let of_code = |run: &CheckRun| {
            run.findings
                .iter()
                .filter(|f| f.rule == code)
                .map(|f| f.severity)
                .collect::<Vec<_>>()
        };
        let changed_run = run(changed.path());
        let off_run = run(off.path());
        if code.as_str() < "CP100" {
            assert!(
                !of_code(&changed_run).is_empty() && !of_code(&off_run).is_empty(),
                "{code} cannot be turned off"
            );
            continue;
        }
        let severities = of_code(&changed_run);
        assert!(!severities.is_empty(), "{code} still fires at another severity");
        assert!(
            severities.iter().all(|s| s.word() == other),
            "{code} reported at {other}: {severities:?}"
        );
        assert_eq!(of_code(&off_run), vec![], "{code}: off");
    }
}
