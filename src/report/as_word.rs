//! Typed values of the report rows written out as the words the JSON has always
//! carried, so that a row keeps the type (renderers match on it) and the JSON stays
//! as it is (`#[serde(serialize_with = "as_word::…")]`).

use std::fmt::Display;

use serde::{Deserialize, Deserializer, Serializer};

use crate::model::Vocab;
use crate::policy::care::Stage;
use crate::policy::deadline::{Kind, Status};

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

// The words read back (`deserialize_with`), for an agenda staged on disk until the end
// of its run (`cli::agenda`): each the inverse of its writer above.

/// A word read back with `parse`; anything else is an error naming `what` it should be.
fn read_word<'de, T, D: Deserializer<'de>>(
    d: D,
    what: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T, D::Error> {
    let word = String::deserialize(d)?;
    parse(&word).ok_or_else(|| serde::de::Error::custom(format!("not a {what}: {word:?}")))
}

/// A deadline kind written by [`display`].
pub fn kind<'de, D: Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
    read_word(d, "deadline kind", Kind::from_word)
}

/// A deadline status written by [`display`].
pub fn status<'de, D: Deserializer<'de>>(d: D) -> Result<Status, D::Error> {
    let statuses = [Status::Overdue, Status::DueSoon, Status::Upcoming, Status::Met];
    read_word(d, "deadline status", |w| {
        statuses.into_iter().find(|s| s.word() == w)
    })
}

/// A word of the case format written by [`spaced`].
pub fn unspaced<'de, T: Vocab, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    read_word(d, "word of the case format", |w| {
        T::from_word(&w.replace(' ', "_"))
    })
}

/// A stage written by [`stage`].
pub fn stage_read<'de, D: Deserializer<'de>>(d: D) -> Result<Stage, D::Error> {
    let stages = [Stage::One, Stage::Two, Stage::Three, Stage::Past];
    read_word(d, "stage", |w| stages.into_iter().find(|s| s.short() == w))
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
