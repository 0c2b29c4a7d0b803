//! The JSON Schema of a case file (`cplan schema`), generated from the model types so
//! that it cannot drift from them: their doc comments are its descriptions, the
//! `vocab!` words its enumerations.
//!
//! The schema accepts what the loader accepts (src/load/convert): `null` or an empty
//! value for every optional key, `yes`/`no` for true/false fields, unquoted yes/no for
//! `permanency_willing`, numbers as ids (but not as names: CP004), and empty text for a
//! required key no more than the loader does. It rejects every key the loader does not know,
//! so an editor underlines a typo as `cplan check` reports it (CP002).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value};

use super::{Case, Willing};

/// The JSON Schema (draft 2020-12) of a case file.
pub fn case_schema() -> Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<Case>().to_value();
    if let Value::Object(root) = &mut schema {
        root.insert("title".into(), "cplan case file".into());
    }
    allow_null_where_optional(&mut schema);
    flatten_any_of(&mut schema);
    unwrap_descriptions(&mut schema);
    schema
}

/// The schema of a `vocab!` enumeration: its words, and what each means.
pub(crate) fn word_list(words: &[&str], descriptions: &[&str]) -> Schema {
    let descriptions: Vec<String> = descriptions.iter().map(|d| unwrap_lines(d)).collect();
    if descriptions.iter().all(String::is_empty) {
        return json_schema!({ "type": "string", "enum": words });
    }
    json_schema!({ "type": "string", "enum": words, "enumDescriptions": descriptions })
}

// The types below only describe a field's schema (`#[schemars(with = "Id")]`); no value
// of them is ever made. Types rather than functions, so that schemars still sees
// whether the field is an `Option` (optional) or not (required).

/// An id written by the caseworker (`case:`, `id:`, and the people `with:`, `for:`,
/// `who:`, `by:` and `attendees:` name). YAML reads `142` or `1.1` as a number, and the
/// loader takes it as the text written, so both are allowed. Required ones also carry
/// `pattern: \S`: empty text counts as missing (CP003).
pub(crate) struct Id;

impl JsonSchema for Id {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": ["string", "number"] })
    }
}

/// A true/false field. The loader also reads `yes` and `no` (README), which a YAML 1.2
/// editor keeps as words, so they are allowed too.
pub(crate) struct Flag;

impl JsonSchema for Flag {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Flag".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "boolean" },
                { "type": "string", "enum": ["yes", "no"] }
            ]
        })
    }
}

/// `permanency_willing`: a word, but unquoted yes/no (YAML 1.1 booleans) are read as
/// "yes"/"no" by the loader (docs/case-format.md), so booleans are allowed too.
pub(crate) struct WillingOrFlag;

impl JsonSchema for WillingOrFlag {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "WillingOrFlag".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let word = generator.subschema_for::<Willing>();
        json_schema!({
            "anyOf": [
                word,
                {
                    "type": "boolean",
                    "description": "Unquoted yes or no, which some YAML programs read as true or false: cplan reads true as \"yes\" and false as \"no\"."
                }
            ]
        })
    }
}

/// The default of `services_ordered` and `held`.
pub(crate) fn default_true() -> bool {
    true
}

/// Every key that is not required may be `null` or left empty (docs/case-format.md: "null, an
/// empty value and a missing optional key mean the same thing"). schemars makes only
/// `Option` fields nullable; lists and fields with a default need it too.
fn allow_null_where_optional(schema: &mut Value) {
    match schema {
        Value::Object(object) => {
            let required = required_keys(object);
            if let Some(Value::Object(properties)) = object.get_mut("properties") {
                for (key, property) in properties.iter_mut() {
                    if !required.contains(key) {
                        make_nullable(property);
                    }
                    // schemars gives a default only to lists of serializable items; an
                    // empty list goes without saying, so none has it.
                    if let Value::Object(property) = property
                        && property.get("default") == Some(&Value::Array(Vec::new()))
                    {
                        property.remove("default");
                    }
                }
            }
            object.values_mut().for_each(allow_null_where_optional);
        }
        Value::Array(items) => items.iter_mut().for_each(allow_null_where_optional),
        _ => {}
    }
}

fn required_keys(object: &Map<String, Value>) -> Vec<String> {
    match object.get("required") {
        Some(Value::Array(keys)) => keys
            .iter()
            .filter_map(|k| k.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

fn is_null_type(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("null")
}

/// Makes one property schema accept `null` as well, whatever its shape.
fn make_nullable(property: &mut Value) {
    let Value::Object(object) = property else { return };
    if let Some(Value::Array(branches)) = object.get_mut("anyOf") {
        if !branches.iter().any(is_null_type) {
            branches.push(json_type_null());
        }
        return;
    }
    if let Some(reference) = object.remove("$ref") {
        let branches = vec![serde_json::json!({ "$ref": reference }), json_type_null()];
        object.insert("anyOf".into(), Value::Array(branches));
        return;
    }
    if let Some(Value::Array(words)) = object.get_mut("enum")
        && !words.contains(&Value::Null)
    {
        words.push(Value::Null);
    }
    match object.get_mut("type") {
        Some(Value::String(single)) if single != "null" => {
            let types = vec![Value::String(std::mem::take(single)), "null".into()];
            object.insert("type".into(), Value::Array(types));
        }
        Some(Value::Array(types)) if !types.iter().any(|t| t == "null") => types.push("null".into()),
        _ => {}
    }
}

/// `Option<Flag>` comes out as `anyOf: [{anyOf: [boolean, yes/no]}, null]`; one level
/// of `anyOf` says the same and reads better in an editor's hover.
fn flatten_any_of(schema: &mut Value) {
    match schema {
        Value::Object(object) => {
            if let Some(Value::Array(branches)) = object.get_mut("anyOf") {
                let mut flat = Vec::with_capacity(branches.len());
                for branch in branches.drain(..) {
                    match branch {
                        Value::Object(mut only) if only.len() == 1 && only.contains_key("anyOf") => {
                            if let Some(Value::Array(inner)) = only.remove("anyOf") {
                                flat.extend(inner);
                            }
                        }
                        other => flat.push(other),
                    }
                }
                *branches = flat;
            }
            object.values_mut().for_each(flatten_any_of);
        }
        Value::Array(items) => items.iter_mut().for_each(flatten_any_of),
        _ => {}
    }
}

fn json_type_null() -> Value {
    serde_json::json!({ "type": "null" })
}

/// Doc comments are wrapped at the source's line width; an editor's hover wraps text
/// itself, so single line breaks become spaces (paragraph breaks stay).
fn unwrap_descriptions(schema: &mut Value) {
    match schema {
        Value::Object(object) => {
            for (key, value) in object.iter_mut() {
                match value {
                    Value::String(text) if key == "description" => *text = unwrap_lines(text),
                    _ => unwrap_descriptions(value),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(unwrap_descriptions),
        _ => {}
    }
}

fn unwrap_lines(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .map(|paragraph| paragraph.split('\n').map(str::trim).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::unwrap_lines;

    #[test]
    fn single_line_breaks_become_spaces_and_paragraphs_stay() {
        assert_eq!(unwrap_lines(" one\n two\n\n three\n"), "one two\n\nthree");
    }
}
