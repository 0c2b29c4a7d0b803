//! How each kind of value is read from its node: one `FromNode` impl per type, so a
//! converter says a field once (`c.req::<NaiveDate>(&mut o, "date")`) and every field
//! of a type gets the same messages, did-you-means and locations.

use std::marker::PhantomData;

use chrono::NaiveDate;

use super::{Conv, closest, display_path, only_close, parse_date, scalar_width, shortened};
use crate::finding::{Fix, code};
use crate::load::core_schema::{self, CoreType};
use crate::load::node::{Node, Value};
use crate::load::positions::{Place, Positions};
use crate::model::{PersonRef, Vocab};

/// A value the converter can read from one node of the file.
pub(crate) trait FromNode {
    /// What the model keeps: the type itself, or for a marker type (`Name`,
    /// `Within`, `Parsed`) the type it checks and returns.
    type Value;
    /// The value written at `node` (whose place is `path`); `None`, reported as CP004,
    /// when it is not one.
    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Self::Value>;
}

/// Free text or an id, as written: numbers and true/false are taken as their text,
/// so an id `0142` keeps its zero and a goal `1.10` is not goal `1.1`.
impl FromNode for String {
    type Value = String;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<String> {
        match node.value.scalar_text() {
            Some(text) => Some(text.to_owned()),
            None => {
                c.wrong_type(node, path, "text");
                None
            }
        }
    }
}

/// A reference to a person, resolved against the parents read so far (the converter
/// reads `parents` before any section that refers to them) and the fixed words.
impl FromNode for PersonRef {
    type Value = PersonRef;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<PersonRef> {
        let text = String::from_node(c, node, path)?;
        Some(PersonRef::resolve(&text, c.parent_ids.iter().map(String::as_str)))
    }
}

/// A person's name (a `String`): a number or true/false written bare is a mistake
/// there (`name: 12`), though one in quotes (`name: "12"`) is taken as written.
pub(crate) struct Name;

/// A text that says what something is (a goal, a service; a `String`), checked as a
/// `Name` is.
pub(crate) struct Words;

impl FromNode for Name {
    type Value = String;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<String> {
        text_not_bare(c, node, path, "a name")
    }
}

impl FromNode for Words {
    type Value = String;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<String> {
        text_not_bare(c, node, path, "text in words")
    }
}

fn text_not_bare(c: &mut Conv, node: &Node<'_>, path: Place, expected: &str) -> Option<String> {
    let bare = node.value.scalar().map(|s| s.core_type());
    if matches!(bare, Some(CoreType::Int | CoreType::Float | CoreType::Bool)) {
        let message = format!(
            "`{}` must be {expected}, but is {}",
            display_path(&c.path_of(path)),
            node.value.kind()
        );
        let width = scalar_width(node);
        let finding = c.report(code::CP004, node.loc, message);
        finding.width = width;
        finding.set_help("if it really is written so, put it in quotes, as in `\"12\"`");
        return None;
    }
    String::from_node(c, node, path)
}

impl FromNode for NaiveDate {
    type Value = NaiveDate;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<NaiveDate> {
        let Some(text) = node.value.scalar_text() else {
            c.wrong_type(node, path, "a date written YYYY-MM-DD");
            return None;
        };
        match parse_date(text) {
            Ok(date) => Some(date),
            Err(error) => {
                let message = format!("`{}`: {error}", display_path(&c.path_of(path)));
                let width = scalar_width(node);
                let finding = c.report(code::CP004, node.loc, message);
                finding.width = width;
                finding.set_help("write dates as YYYY-MM-DD, for example 2026-01-10");
                None
            }
        }
    }
}

/// true/false; `yes`/`no` are accepted too, as people write them.
impl FromNode for bool {
    type Value = bool;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<bool> {
        let word = node
            .value
            .scalar()
            .map(|s| s.text.to_ascii_lowercase())
            .unwrap_or_default();
        match word.as_str() {
            "yes" | "true" => Some(true),
            "no" | "false" => Some(false),
            _ => {
                c.wrong_type(node, path, "true or false");
                None
            }
        }
    }
}

/// One of the fixed words of an enumeration, with the closest word suggested (and
/// offered as a fix when it alone is close).
impl<E: Vocab> FromNode for E {
    type Value = E;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<E> {
        let text = node.value.scalar_text();
        if let Some(word) = text.and_then(E::from_word) {
            return Some(word);
        }
        let allowed = E::WORDS.join(", ");
        let message = match text {
            Some(t) => match closest(t, E::WORDS) {
                Some(s) => format!(
                    "`{}` cannot be `{t}`: did you mean `{s}`? (allowed: {allowed})",
                    display_path(&c.path_of(path))
                ),
                None => format!(
                    "`{}` cannot be `{t}`; allowed: {allowed}",
                    display_path(&c.path_of(path))
                ),
            },
            None => format!(
                "`{}` must be one of: {allowed} (found {})",
                display_path(&c.path_of(path)),
                node.value.kind()
            ),
        };
        let width = scalar_width(node);
        let fix = text.and_then(|t| only_close(t, E::WORDS).map(|s| Fix::new(node.loc, t, s)));
        let finding = c.report(code::CP004, node.loc, message);
        finding.width = width;
        finding.fix = fix;
        None
    }
}

/// A whole number (a `u32`) from `MIN` to `MAX` (days, counts, ages): a negative or
/// enormous one is reported with the bounds, as it is a typo rather than a setting.
pub(crate) struct Within<const MIN: u32, const MAX: u32>;

impl<const MIN: u32, const MAX: u32> FromNode for Within<MIN, MAX> {
    type Value = u32;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<u32> {
        let number = node
            .value
            .scalar()
            .filter(|s| s.core_type() == CoreType::Int)
            .and_then(|s| core_schema::int_value(&s.text))
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (MIN..=MAX).contains(n));
        if number.is_none() {
            let found = match node.value.scalar() {
                Some(s) if matches!(s.core_type(), CoreType::Int | CoreType::Float) => shortened(&s.text),
                _ => node.value.kind().to_owned(),
            };
            let message = format!(
                "`{}` must be a whole number from {MIN} to {MAX}, but is {found}",
                display_path(&c.path_of(path)),
            );
            c.report_invalid(node, message);
        }
        number
    }
}

/// A `T` written as text in a syntax of its own (`6mo`, `removed + 60d`): the
/// parser's error message is the finding's message.
pub(crate) struct Parsed<T>(PhantomData<T>);

impl<T> FromNode for Parsed<T>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    type Value = T;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<T> {
        let Some(text) = node.value.scalar_text() else {
            c.wrong_type(node, path, "text");
            return None;
        };
        match text.parse() {
            Ok(value) => Some(value),
            Err(error) => {
                let message = format!("`{}`: {error}", display_path(&c.path_of(path)));
                c.report_invalid(node, message);
                None
            }
        }
    }
}

/// A list, each item with its place `path[i]` recorded; items that cannot be read
/// are left out (and reported), so one typo does not hide the others.
impl<T: FromNode> FromNode for Vec<T> {
    type Value = Vec<T::Value>;

    fn from_node(c: &mut Conv, node: &Node<'_>, path: Place) -> Option<Vec<T::Value>> {
        let Value::Seq(items) = &node.value else {
            c.wrong_type(node, path, "a list (lines starting with `- `, or [a, b])");
            return None;
        };
        if items.is_empty() {
            return Some(Vec::new());
        }
        let first = c.record_items(path, items);
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.extend(T::from_node(c, item, Positions::nth(first, i)));
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use super::*;
    use crate::load::parse::parse_yaml;

    /// The value of `key` in `yaml`, and the messages reported on the way.
    fn read<T: FromNode>(yaml: &str, key: &'static str) -> (Option<T::Value>, Vec<String>) {
        let root = parse_yaml(yaml).expect("test YAML parses");
        let mut c = Conv::new(&Arc::from(Path::new("t.yaml")));
        let mut o = c.obj(&root, Place::TOP).expect("a mapping");
        let value = c.opt::<T>(&mut o, key);
        c.finish(o);
        (value, c.findings.into_iter().map(|f| f.message).collect())
    }

    #[test]
    fn a_list_keeps_the_items_it_can_read_and_reports_each_other() {
        let (dates, messages) = read::<Vec<NaiveDate>>("d: [2026-01-10, 2026-02-30, x]\n", "d");
        assert_eq!(dates, Some(vec![NaiveDate::from_ymd_opt(2026, 1, 10).unwrap()]));
        assert_eq!(
            messages,
            [
                "`d[1]`: `2026-02-30` is not a real date (that month has 28 days)",
                "`d[2]`: `x` is not a date written YYYY-MM-DD",
            ]
        );
    }

    #[test]
    fn a_number_is_read_within_its_bounds_both_included() {
        assert_eq!(read::<Within<1, 366>>("n: 366\n", "n"), (Some(366), vec![]));
        assert_eq!(read::<Within<1, 366>>("n: 1\n", "n"), (Some(1), vec![]));
        let (n, messages) = read::<Within<1, 366>>("n: 0\n", "n");
        assert_eq!(n, None);
        assert_eq!(messages, ["`n` must be a whole number from 1 to 366, but is 0"]);
    }
}
