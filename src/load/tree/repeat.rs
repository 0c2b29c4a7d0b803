//! What aliases and merge keys repeat: the cost of repeating a value (checked against
//! the file's limits before the copy is made), the copy itself, and `<<` merging.

use std::borrow::Cow;
use std::collections::HashSet;

use super::super::node::{Entry, Node, Value};
use crate::finding::Loc;

#[derive(Clone, Copy, Default)]
pub(super) struct Cost {
    pub(super) values: usize,
    /// Levels of lists and mappings (0 for a scalar).
    pub(super) depth: usize,
    pub(super) text_bytes: usize,
}

/// The entries of a mapping with its `<<` values merged in: each merged mapping (or each
/// of a list of them, the first first) adds the keys the mapping does not write itself.
/// A `<<` whose value is not a mapping stays an ordinary key, which the converter
/// reports as unknown.
pub(super) fn merge<'t>(mut entries: Vec<Entry<'t>>, merges: Vec<Node<'t>>) -> Vec<Entry<'t>> {
    if merges.is_empty() {
        return entries;
    }
    let mut written: HashSet<String> = entries.iter().map(|e| e.key.to_string()).collect();
    for node in merges {
        let loc = node.loc;
        let maps: Vec<Node<'t>> = match node.value {
            Value::Map(_) => vec![node],
            Value::Seq(items) if items.iter().all(|i| matches!(i.value, Value::Map(_))) => items,
            value => {
                entries.push(Entry {
                    key: Cow::Borrowed("<<"),
                    key_loc: loc,
                    value: Node { loc, value },
                });
                continue;
            }
        };
        for map in maps {
            let Value::Map(merged) = map.value else { continue };
            for entry in merged {
                if written.insert(entry.key.to_string()) {
                    entries.push(entry);
                }
            }
        }
    }
    entries
}

/// What repeating `node` costs.
pub(super) fn cost_of(node: &Node<'_>) -> Cost {
    match &node.value {
        Value::Scalar(s) => Cost {
            values: 1,
            depth: 0,
            text_bytes: s.text.len(),
        },
        Value::Seq(items) => combined(items.iter().map(cost_of)),
        Value::Map(entries) => combined(entries.iter().map(|e| {
            let value = cost_of(&e.value);
            Cost {
                values: value.values + 1,
                text_bytes: value.text_bytes + e.key.len(),
                ..value
            }
        })),
    }
}

/// The cost of a collection of children of these costs.
fn combined(children: impl Iterator<Item = Cost>) -> Cost {
    let mut total = Cost {
        values: 1,
        depth: 1,
        text_bytes: 0,
    };
    for child in children {
        total.values += child.values;
        total.text_bytes += child.text_bytes;
        total.depth = total.depth.max(child.depth + 1);
    }
    total
}

/// A copy of `node` with every key and value placed at `loc`, where an alias repeats it.
pub(super) fn relocated<'t>(node: &Node<'t>, loc: Loc) -> Node<'t> {
    let value = match &node.value {
        Value::Scalar(s) => Value::Scalar(s.clone()),
        Value::Seq(items) => Value::Seq(items.iter().map(|i| relocated(i, loc)).collect()),
        Value::Map(entries) => Value::Map(
            entries
                .iter()
                .map(|e| Entry {
                    key: e.key.clone(),
                    key_loc: loc,
                    value: relocated(&e.value, loc),
                })
                .collect(),
        ),
    };
    Node { loc, value }
}
