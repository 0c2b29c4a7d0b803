//! Typed values of the report rows written out as the words the JSON has always
//! carried, so that a row keeps the type (renderers match on it) and the JSON stays
//! as it is (`#[serde(serialize_with = "as_word::…")]`).

use std::fmt::Display;

use serde::Serializer;

use crate::model::Vocab;
use crate::policy::care::Stage;

/// A value by its `Display` word: a deadline kind (`case_plan`), a status (`due_soon`).
pub fn display<T: Display, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

/// A word of the case format with spaces for underscores: `resource family`.
pub fn spaced<T: Vocab, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&value.word().replace('_', " "))
}

/// A stage as tables write it: `1`, `2`, `3`, `past 3`.
pub fn stage<S: Serializer>(stage: &Stage, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(stage.short())
}

#[cfg(test)]
mod tests {
    use serde::Serialize;

    use crate::model::Setting;
    use crate::policy::care::Stage;
    use crate::policy::deadline::Status;

    #[derive(Serialize)]
    struct Row {
        #[serde(serialize_with = "super::spaced")]
        setting: Setting,
        #[serde(serialize_with = "super::stage")]
        stage: Stage,
        #[serde(serialize_with = "super::display")]
        status: Status,
    }

    #[test]
    fn typed_values_are_written_as_the_words_the_json_carried() {
        let row = Row {
            setting: Setting::ResourceFamily,
            stage: Stage::Past,
            status: Status::DueSoon,
        };
        assert_eq!(
            serde_json::to_string(&row).expect("serializes"),
            r#"{"setting":"resource family","stage":"past 3","status":"due_soon"}"#
        );
    }
}
