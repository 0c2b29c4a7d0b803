//! One row per rule code. Codes never change meaning once released.

use super::{
    Rule, deadlines, documentation, dual_tracks, file_dates, file_refs, files, folder, loader, stages,
};

/// Every rule, in code order: each is a `const` beside its check in a family file
/// (the loader's in `loader.rs`), so adding a rule adds one row here.
pub static RULES: &[Rule] = &[
    loader::CP001,
    loader::CP002,
    loader::CP003,
    loader::CP004,
    folder::CP005,
    file_dates::CP006,
    file_refs::CP007,
    loader::CP008,
    dual_tracks::CP101,
    dual_tracks::CP102,
    dual_tracks::CP103,
    dual_tracks::CP104,
    dual_tracks::CP105,
    dual_tracks::CP106,
    dual_tracks::alternative::CP107,
    dual_tracks::alternative::CP108,
    dual_tracks::alternative::CP109,
    dual_tracks::alternative::CP110,
    dual_tracks::alternative::CP111,
    stages::CP201,
    stages::CP202,
    stages::CP203,
    deadlines::CP204,
    deadlines::CP205,
    stages::CP206,
    stages::contact::CP207,
    stages::contact::CP208,
    documentation::CP301,
    documentation::CP302,
    documentation::CP303,
    documentation::CP304,
    documentation::CP305,
    documentation::services::CP306,
    documentation::services::CP307,
    documentation::CP308,
    documentation::search::CP309,
    documentation::CP310,
    documentation::services::CP311,
    documentation::youth::CP312,
    documentation::tracks::CP313,
    documentation::tracks::CP314,
    deadlines::CP401,
    deadlines::CP402,
    deadlines::CP403,
    deadlines::CP404,
    deadlines::CP405,
    deadlines::CP406,
    deadlines::CP407,
    deadlines::CP408,
    deadlines::CP409,
    deadlines::transition::CP410,
    deadlines::efforts::CP411,
    deadlines::efforts::CP412,
    files::CP901,
];

/// Every rule code, for the profiles' `rules:` (`policy::RuleCodes`).
pub fn codes() -> crate::policy::RuleCodes {
    static CODES: std::sync::LazyLock<Vec<&'static str>> =
        std::sync::LazyLock::new(|| RULES.iter().map(|r| r.code.as_str()).collect());
    crate::policy::RuleCodes::Known(CODES.as_slice())
}

/// The rule with this code (case-insensitive: `cp002` works too).
pub fn lookup(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code.as_str().eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::RULES;

    #[test]
    fn one_row_per_code_in_code_order() {
        for pair in RULES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} before {}",
                pair[0].code,
                pair[1].code
            );
        }
    }

    /// A rule's `const` names its code twice (the code and its page): they must agree.
    #[test]
    fn each_rule_is_explained_by_its_own_page() {
        for rule in RULES {
            let path = format!("{}/docs/rules/{}.md", env!("CARGO_MANIFEST_DIR"), rule.code);
            let page = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert!(rule.explain == page, "{} shows another rule's page", rule.code);
        }
    }
}
