use super::*;
use crate::policy::RuleSetting;

fn folder_with(text: &str) -> (tempfile::TempDir, Result<Config, ConfigError>) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(POLICY_FILE), text).expect("write");
    // The catalogue is the rules' (a layer above): a few of its codes stand in.
    let config = Config::for_folder(dir.path(), RuleCodes::Known(&["CP007", "CP203", "CP901"]));
    (dir, config)
}

#[test]
fn builtin_profiles_read_without_problems() {
    for (name, text) in BUILTIN {
        let mut config = Config::builtin();
        config
            .read_document(Path::new(name), text, Some(name))
            .expect("a valid built-in profile");
    }
    let config = Config::builtin();
    assert_eq!(
        config.profile_names().collect::<Vec<_>>(),
        ["california", "federal", "kansas"]
    );
    let kansas = config.profile_for(Some("kansas")).expect("kansas");
    assert_eq!(kansas.visits.max_gap_days, [10, 14, 14], "inherited from federal");
    assert_eq!(kansas.checks_required_for.len(), 2);
    assert_eq!(
        kansas.deadlines.case_plan.to_string(),
        "earliest of [staffing + 30d, removed + 60d]"
    );
    assert_eq!(&*config.default_profile().name, "federal");
}

#[test]
fn cplan_yaml_adjusts_the_profile_it_extends_and_makes_it_the_default() {
    let (_dir, config) = folder_with(
        "extends: california\nvisits:\n  min: [6, 4, 4]\nrules:\n  CP203: off\nmax_file_size: 1MiB\n\
         profiles:\n  pilot:\n    extends: kansas\n    fdi_interval_days: 60\n",
    );
    let config = config.expect("valid");
    let california = config.profile_for(None).expect("default");
    assert_eq!(&*california.name, "california");
    assert_eq!(california.visits.min, [6, 4, 4]);
    assert_eq!(california.rule_setting("CP203"), Some(RuleSetting::Off));
    assert_eq!(
        config
            .profile_for(Some("california"))
            .expect("by name")
            .visits
            .min,
        [6, 4, 4]
    );
    assert_eq!(
        config.profile_for(Some("federal")).expect("untouched").visits.min,
        [4, 4, 4]
    );
    let pilot = config.profile_for(Some("pilot")).expect("defined");
    assert_eq!(
        (pilot.fdi_interval_days, pilot.checks_required_for.len()),
        (60, 2)
    );
    assert_eq!(config.load.max_file_bytes, 1024 * 1024);
    assert!(config.profile_for(Some("texas")).is_err());
}

#[test]
fn a_broken_cplan_yaml_lists_every_problem_with_its_line() {
    let (_dir, config) = folder_with(
        "extends: federal\nvisit:\n  min: [6, 4, 4]\nwarning_window: 2 weeks\nrules:\n  CP2O3: off\n",
    );
    let message = config.expect_err("invalid").to_string();
    assert!(message.contains("has 3 problems"), "{message}");
    assert!(
        message.contains("cplan.yaml:2:1: unknown key `visit`"),
        "{message}"
    );
    assert!(message.contains("did you mean `visits`?"), "{message}");
    assert!(message.contains("cplan.yaml:4:17: `warning_window`"), "{message}");
    assert!(
        message.contains("cplan.yaml:6:3: `rules` names `CP2O3`"),
        "{message}"
    );
    let (_dir, config) = folder_with("extends: texas\n");
    assert!(
        config
            .expect_err("invalid")
            .to_string()
            .contains("`extends: texas` names no profile")
    );
    let (_dir, config) = folder_with("rules: [CP203]\n");
    assert!(config.is_err());
}

#[test]
fn the_transition_plan_setting_takes_an_age_and_a_window_or_none() {
    use crate::policy::arith::Span;
    use crate::policy::profile::TransitionRule;
    let read = |setting: &str| {
        let (_dir, config) = folder_with(&format!("deadlines:\n  transition_plan: {setting}\n"));
        let config = config.expect("valid");
        config
            .profile_for(None)
            .expect("default")
            .deadlines
            .transition_plan
    };
    let twenty_one = TransitionRule {
        age: 21,
        window: Span::Months(6),
    };
    assert_eq!(read("{age: 21, window: 6mo}"), Some(twenty_one));
    assert_eq!(read("none"), None);
    let (_dir, config) = folder_with("deadlines:\n  transition_plan: {age: 21, windw: 90d}\n");
    let message = config.expect_err("invalid").to_string();
    assert!(message.contains("did you mean `window`?"), "{message}");
}

#[test]
fn the_effective_settings_read_back_as_the_same_profile() {
    let config = Config::builtin();
    for name in ["federal", "california", "kansas"] {
        let profile = config.profile_for(Some(name)).expect("built in");
        let printed = profile.to_string();
        let mut again = Config::builtin();
        again
            .read_document(Path::new("printed"), &printed, Some("again"))
            .expect("printed profile reads back");
        let mut reread = (**again.profile_for(Some("again")).expect("read")).clone();
        reread.name = profile.name.clone();
        reread.extends = profile.extends.clone();
        assert_eq!(&reread, &**profile, "{printed}");
    }
}
