//! The YAML node tree → the case model, reporting every file-level problem on the way:
//! unknown keys (CP002), missing required keys (CP003), wrong types, words and dates
//! (CP004) and repeated keys (CP008), each at the exact key or value.
//!
//! A value that is wrong is left out of the model (an optional field becomes `None`,
//! a list item missing a required key is dropped), so rules still run on everything
//! that could be read: a typo in one visit must not hide an overdue hearing.
//!
//! A converter opens its mapping (`obj`), reads each key with one call, in the order
//! the format documents them (`c.req::<NaiveDate>(&mut o, "date")`, `c.opt::<Name>`,
//! `c.list::<Visit>`; how a type is read is its `FromNode` impl, in from_node.rs), and
//! `finish`es it, which reports every key not asked for (CP002), folding in the CP003
//! of a required key it is a typo of. The order of the calls is the order of the
//! "keys allowed here" help, and breaks ties between did-you-means: keep it.

mod case;
mod from_node;
mod logs;
mod plan;
mod scalar;
mod suggest;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use super::node::{Entry, Node, Value};
use super::positions::{At, Place, Positions};
use crate::finding::{Code, Finding, Fix, Loc, Severity, code};

pub(crate) use case::convert_case;
pub(crate) use from_node::{FromNode, Name, Parsed, Within, Words};
pub use scalar::{DateError, parse_date};
pub(crate) use suggest::{closest, only_close};

/// The conversion state of one file.
pub(crate) struct Conv {
    file: Arc<Path>,
    pub(crate) findings: Vec<Finding>,
    pub(crate) positions: Positions,
    /// The `case:` id as soon as it is read, so findings name the case even when
    /// the rest of it cannot be read.
    pub(crate) case_id: Option<String>,
    /// The case's parent ids once `parents` is read, which every later person
    /// reference (`with:`, `for:`, …) is resolved against.
    parent_ids: Vec<String>,
}

/// A mapping being read: which keys the converter asked for, so that every other
/// key can be reported as unknown (and the closest asked-for key suggested).
pub(crate) struct Obj<'n> {
    entries: &'n [Entry<'n>],
    pub(crate) path: Place,
    /// The place of its first key (key `i` is `i` places on).
    first: Place,
    pub(crate) loc: Loc,
    asked: Vec<&'static str>,
    /// Required keys found missing, with the index of their CP003 finding.
    missing: Vec<(&'static str, usize)>,
}

/// A field looked up in a mapping: its node (absent or `null` → `None`) and its place,
/// whose path (`Conv::path_of`) is written out only for a message.
pub(crate) struct Field<'n> {
    pub(crate) node: Option<&'n Node<'n>>,
    pub(crate) path: Place,
}

impl Field<'_> {
    /// A field that is not there (for a key a caller chooses not to read).
    pub(crate) fn absent() -> Field<'static> {
        Field {
            node: None,
            path: Place::TOP,
        }
    }
}

impl Conv {
    pub(crate) fn new(file: &Arc<Path>) -> Self {
        Conv {
            file: Arc::clone(file),
            findings: Vec::new(),
            positions: Positions::default(),
            case_id: None,
            parent_ids: Vec::new(),
        }
    }

    /// The path of a place, as messages write it: `visits[3].date`.
    pub(crate) fn path_of(&self, place: Place) -> String {
        self.positions.path_of(place)
    }

    pub(crate) fn report_at(&mut self, rule: Code, loc: Loc, message: String) {
        self.report(rule, loc, message);
    }

    fn report(&mut self, rule: Code, loc: Loc, message: String) -> &mut Finding {
        self.findings
            .push(Finding::new(rule, Severity::Error, &self.file, message).at(loc));
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }

    /// Opens a mapping, recording the position of every key and reporting repeated keys.
    pub(crate) fn obj<'n>(&mut self, node: &'n Node<'n>, path: Place) -> Option<Obj<'n>> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, path, "a mapping of `key: value` lines");
            return None;
        };
        let mut first_at = FirstPlaces::new(entries.len());
        for (index, entry) in entries.iter().enumerate() {
            if let Some(first) = first_at.earlier(entries, index) {
                let message = format!(
                    "`{}` is written twice in {}; the first is on line {}",
                    entry.key,
                    describe(&self.path_of(path)),
                    first.line
                );
                let width = entry.key.chars().count();
                self.report(code::CP008, entry.key_loc, message).width = width as u32;
            }
        }
        // Every key, the repeated ones too: a lookup finds the first.
        let keys = entries.iter().map(|entry| {
            let at = At {
                key: entry.key_loc,
                value: entry.value.loc,
                key_width: width_of(&entry.key),
                value_width: scalar_width(&entry.value),
            };
            (entry.key.as_ref(), at)
        });
        let first = self.positions.record_keys(path, keys);
        Some(Obj {
            entries,
            path,
            first,
            loc: node.loc,
            asked: Vec::new(),
            missing: Vec::new(),
        })
    }

    /// An optional field's value; `None` when not written or not readable (reported).
    pub(crate) fn opt<T: FromNode>(&mut self, obj: &mut Obj<'_>, key: &'static str) -> Option<T::Value> {
        let field = self.get(obj, key);
        self.read::<T>(&field)
    }

    /// A required field's value; `None` when missing (reported as `need` does) or not
    /// readable.
    pub(crate) fn req<T: FromNode>(&mut self, obj: &mut Obj<'_>, key: &'static str) -> Option<T::Value> {
        let field = self.need(obj, key);
        self.read::<T>(&field)
    }

    /// An optional list's readable items; none when not written or not a list.
    pub(crate) fn list<T: FromNode>(&mut self, obj: &mut Obj<'_>, key: &'static str) -> Vec<T::Value> {
        self.opt::<Vec<T>>(obj, key).unwrap_or_default()
    }

    /// The value of a field already looked up (by a caller that also needs its node).
    pub(crate) fn read<T: FromNode>(&mut self, field: &Field<'_>) -> Option<T::Value> {
        let node = field.node?;
        T::from_node(self, node, field.path)
    }

    /// An optional field: its node when written with a value, and its place.
    pub(crate) fn get<'n>(&mut self, obj: &mut Obj<'n>, key: &'static str) -> Field<'n> {
        obj.asked.push(key);
        let written = obj.entries.iter().position(|e| e.key == key);
        let node = written
            .map(|i| &obj.entries[i].value)
            .filter(|n| !n.value.is_null());
        let path = match (node, written) {
            (Some(_), Some(i)) => Positions::nth(obj.first, i),
            _ => Place::TOP,
        };
        Field { node, path }
    }

    /// A required field: reports CP003 at the start of its mapping when absent, and at
    /// its key when written with no value: nothing, `null`, or empty text (`""`), since
    /// an empty value counts as missing.
    pub(crate) fn need<'n>(&mut self, obj: &mut Obj<'n>, key: &'static str) -> Field<'n> {
        let mut field = self.get(obj, key);
        if field
            .node
            .and_then(|n| n.value.scalar_text())
            .is_some_and(|t| t.trim().is_empty())
        {
            field.node = None;
        }
        if field.node.is_none() {
            let written_empty = obj.entries.iter().find(|e| e.key == key);
            let (loc, message) = match written_empty {
                Some(e) => (
                    e.key_loc,
                    format!(
                        "`{}` is required but has no value",
                        join(&self.path_of(obj.path), key)
                    ),
                ),
                None => (
                    obj.loc,
                    format!(
                        "`{}` is missing: {} requires it",
                        key,
                        describe(&self.path_of(obj.path))
                    ),
                ),
            };
            let help = format!("add `{key}:` with a value (see docs/case-format.md)");
            self.report(code::CP003, loc, message).set_help(help);
            obj.missing.push((key, self.findings.len() - 1));
        }
        field
    }

    /// Reports every key of the mapping that the converter did not ask for. A typo of
    /// a required key is one mistake, so its "missing" finding (CP003) is folded into
    /// the "unknown key" one (CP002).
    pub(crate) fn finish(&mut self, obj: Obj<'_>) {
        let mut folded = Vec::new();
        let mut described = None;
        for entry in obj.entries {
            if obj.asked.contains(&entry.key.as_ref()) {
                continue;
            }
            let here: &String = described.get_or_insert_with(|| describe(&self.path_of(obj.path)));
            let suggestion = closest(&entry.key, &obj.asked);
            let required = obj.missing.iter().find(|(key, _)| Some(*key) == suggestion);
            let message = match (suggestion, required) {
                (Some(s), Some((_, index))) => {
                    folded.push(*index);
                    format!(
                        "unknown key `{}` in {}: did you mean `{s}`? (`{s}` is required and missing)",
                        entry.key, here
                    )
                }
                (Some(s), None) => format!("unknown key `{}` in {here}: did you mean `{s}`?", entry.key),
                (None, _) => format!("unknown key `{}` in {here}", entry.key),
            };
            let help = format!("the keys allowed here are: {}", obj.asked.join(", "));
            let width = entry.key.chars().count().max(1) as u32;
            // Renaming is certain when one key alone is close and it is not written yet.
            let fix = only_close(&entry.key, &obj.asked)
                .filter(|s| !obj.entries.iter().any(|e| e.key == *s))
                .map(|s| Fix::new(entry.key_loc, &entry.key, s));
            let finding = self.report(code::CP002, entry.key_loc, message);
            finding.width = width;
            finding.set_help(help);
            finding.fix = fix;
        }
        folded.sort_unstable();
        folded.dedup();
        for index in folded.into_iter().rev() {
            self.findings.remove(index);
        }
    }

    pub(crate) fn wrong_type(&mut self, node: &Node<'_>, path: Place, expected: &str) {
        let message = format!(
            "`{}` must be {expected}, but is {}",
            display_path(&self.path_of(path)),
            node.value.kind()
        );
        let width = scalar_width(node);
        self.report(code::CP004, node.loc, message).width = width;
    }

    /// The entries of a mapping whose keys are names chosen by the writer (profile
    /// names, rule codes), each with its place recorded.
    pub(crate) fn named_entries<'n>(&mut self, field: &Field<'n>) -> Vec<(&'n Entry<'n>, Place)> {
        let Some(node) = field.node else { return Vec::new() };
        let Some(obj) = self.obj(node, field.path) else {
            return Vec::new();
        };
        (obj.entries.iter().enumerate())
            .map(|(i, e)| (e, Positions::nth(obj.first, i)))
            .collect()
    }

    /// Reports a problem found by a caller that reads its own structure.
    pub(crate) fn report_invalid(&mut self, node: &Node<'_>, message: String) {
        let width = scalar_width(node);
        self.report(code::CP004, node.loc, message).width = width;
    }

    /// The items of a list, each as a field with its place `path[i]` recorded, for a
    /// caller that reads them its own way.
    pub(crate) fn item_fields<'n>(&mut self, field: &Field<'n>) -> Vec<Field<'n>> {
        let items = self.seq(field);
        let first = self.record_items(field.path, items);
        (items.iter().enumerate())
            .map(|(i, node)| Field {
                node: Some(node),
                path: Positions::nth(first, i),
            })
            .collect()
    }

    /// The items of a list, or none when the field is not one (reported).
    fn seq<'n>(&mut self, field: &Field<'n>) -> &'n [Node<'n>] {
        let Some(node) = field.node else { return &[] };
        let Value::Seq(items) = &node.value else {
            self.wrong_type(node, field.path, "a list (lines starting with `- `, or [a, b])");
            return &[];
        };
        items
    }

    /// Records the places of a list's items; the first item's place.
    fn record_items(&mut self, list: Place, items: &[Node<'_>]) -> Place {
        let at = |item: &Node<'_>| At {
            key: item.loc,
            value: item.loc,
            key_width: 1,
            value_width: scalar_width(item),
        };
        self.positions.record_items(list, items.iter().map(at))
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        return key.to_owned();
    }
    let mut joined = String::with_capacity(path.len() + 1 + key.len());
    joined.push_str(path);
    joined.push('.');
    joined.push_str(key);
    joined
}

/// Where each key of a mapping is first written, to report one written twice (CP008).
/// A small mapping is searched; a large one gets a map, so that a hostile file with
/// 100,000 keys does not take quadratic time.
enum FirstPlaces<'n> {
    Search,
    Map(HashMap<&'n str, usize>),
}

impl<'n> FirstPlaces<'n> {
    const SEARCHED: usize = 32;

    fn new(entries: usize) -> Self {
        if entries <= Self::SEARCHED {
            FirstPlaces::Search
        } else {
            FirstPlaces::Map(HashMap::with_capacity(entries))
        }
    }

    /// The earlier entry with the key of `entries[index]`, if there is one.
    fn earlier(&mut self, entries: &'n [Entry<'n>], index: usize) -> Option<Loc> {
        let key = entries[index].key.as_ref();
        let first = match self {
            FirstPlaces::Search => entries[..index].iter().position(|e| e.key == key),
            FirstPlaces::Map(first) => match first.get(key) {
                Some(&at) => Some(at),
                None => {
                    first.insert(key, index);
                    None
                }
            },
        };
        first.map(|at| entries[at].key_loc)
    }
}

fn display_path(path: &str) -> &str {
    if path.is_empty() { "the file" } else { path }
}

/// "the top level of the file", "episodes[0]", …
fn describe(path: &str) -> String {
    if path.is_empty() {
        "the top level of the file".to_owned()
    } else {
        format!("`{path}`")
    }
}

/// A value as written, cut short when it is too long to be worth repeating.
fn shortened(text: &str) -> String {
    const LONGEST: usize = 24;
    match text.char_indices().nth(LONGEST) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

fn scalar_width(node: &Node<'_>) -> u32 {
    node.value.scalar_text().map_or(1, width_of)
}

/// Characters of a key or value, at least 1 (for the marker under it).
fn width_of(text: &str) -> u32 {
    text.chars().count().max(1) as u32
}
