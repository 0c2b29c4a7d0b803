//! YAML text → the positioned node tree, straight from the event parser's events.
//!
//! The parser is granit-parser: panic-free, fuzzed, with nesting limits of its own, and
//! it lends plain and simply quoted scalars out of the file's text rather than copying
//! them. Everything between its events and the tree is here, with the limits that keep
//! one file's time and memory bounded whatever it holds: nesting, values (counting those
//! an `*alias` repeats, so an alias bomb stops early), aliases, anchors and text. The
//! builder keeps its open lists and mappings on a stack of its own rather than recursing,
//! and nothing deeper than `MAX_DEPTH` reaches the recursive code after it (the
//! converter, `Node`'s `Drop`).

use std::borrow::Cow;
use std::collections::HashMap;

use granit_parser::{ErrorKind, Event, Parser, ScalarStyle, ScanError, Span, Tag};

mod repeat;

use repeat::{Cost, cost_of, merge, relocated};

use super::core_schema::CoreType;
use super::node::{Entry, Node, Scalar, Style, Value};
use crate::finding::Loc;

/// The deepest nesting of lists and mappings read, the top-level mapping included. The
/// deepest case file nests seven (`goals[].objectives[].activities[]`, a list inside an
/// activity); what is deeper is damaged or generated. Block (`- - -`) and flow (`[[[`)
/// collections count alike, and so do those an alias puts inside another.
pub const MAX_DEPTH: usize = 24;
/// Values in the tree, counting keys and every value an `*alias` repeats. A case file
/// has a few thousand.
pub const MAX_VALUES: usize = 250_000;
/// Parser events, whatever they are.
pub const MAX_EVENTS: usize = 1_000_000;
pub const MAX_ALIASES: usize = 50_000;
pub const MAX_ANCHORS: usize = 50_000;
/// Values copied to be repeated by aliases (each anchored value is kept aside once).
pub const MAX_ANCHORED_VALUES: usize = 1_000_000;
/// Bytes of scalar text, counting the text an alias repeats.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Why the text is not one readable YAML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TreeError {
    /// What the parser said, at the place it says.
    Syntax {
        message: String,
        loc: Loc,
    },
    TooDeep(Loc),
    TooManyValues(Loc),
    TooManyAliases(Loc),
    TooManyAnchors(Loc),
    TooMuchText(Loc),
    /// A second document starts here.
    SecondDocument(Loc),
    /// A list or a mapping written as a key (`kind` says which).
    KeyNotAWord {
        kind: &'static str,
        loc: Loc,
    },
}

/// The one document of `text`, or `None` when there is none (an empty file, only
/// comments).
pub fn build(text: &str) -> Result<Option<Node<'_>>, TreeError> {
    let options = granit_parser::options! {
        // The builder stops nesting at MAX_DEPTH itself, at the list or mapping that goes
        // over. The scanner reads ahead of the events, though: to tell whether `[[[…`
        // starts a key it scans every bracket before the parser gives the first one, so
        // its own limit (flow levels, below the top-level mapping) is what stops a file
        // of brackets, at the first one over.
        flow_nesting_limit: MAX_DEPTH,
        block_nesting_limit: MAX_DEPTH + 1,
        emit_comments: false,
        // `strict_indentation` stays off: it would refuse a quoted note or a flow list
        // whose next line is indented no further than its key, which PyYAML and the
        // loader before this one read, and which caseworkers write.
    };
    let mut builder = Builder::default();
    for (events, item) in Parser::new_from_str_with_options(text, options).enumerate() {
        let (event, span) = item.map_err(|e| syntax_error(&e))?;
        let loc = loc_of(&span);
        if events >= MAX_EVENTS {
            return Err(TreeError::TooManyValues(loc));
        }
        builder.event(event, loc)?;
    }
    Ok(builder.root)
}

fn loc_of(span: &Span) -> Loc {
    loc_at(span.start.line(), span.start.col())
}

/// 1-based line and 0-based column in characters, as the parser counts them.
fn loc_at(line: usize, col: usize) -> Loc {
    let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX).max(1);
    Loc::new(clamp(line), clamp(col.saturating_add(1)))
}

/// What an alias to no anchor is called (the parser says "while parsing node, found
/// unknown anchor").
const NO_ANCHOR: &str = "an `*alias` names no `&anchor` written before it";

fn syntax_error(error: &ScanError) -> TreeError {
    let loc = loc_at(error.marker().line(), error.marker().col());
    let message = match error.kind() {
        ErrorKind::RecursionLimitExceeded => return TreeError::TooDeep(loc),
        ErrorKind::UnknownAnchor => NO_ANCHOR.to_owned(),
        _ => error.info(),
    };
    TreeError::Syntax { message, loc }
}

/// A list or mapping whose end has not been read yet.
struct Open<'t> {
    loc: Loc,
    anchor: usize,
    items: Items<'t>,
}

/// Where an open list's items or an open mapping's entries start on the builder's
/// stacks (`Builder::items`, `Builder::entries`).
enum Items<'t> {
    Seq {
        first: usize,
    },
    Map {
        first: usize,
        /// The key read, waiting for its value.
        key: Option<Key<'t>>,
        /// Values of `<<` keys, merged in at the end.
        merges: Vec<Node<'t>>,
    },
}

struct Key<'t> {
    text: Cow<'t, str>,
    loc: Loc,
    /// A plain `<<`: a YAML 1.1 merge key, which the loader has always honoured.
    merge: bool,
}

/// A value an anchor names, kept to be repeated by aliases, with what repeating it costs.
struct Anchored<'t> {
    node: Node<'t>,
    cost: Cost,
}

#[derive(Default)]
struct Builder<'t> {
    open: Vec<Open<'t>>,
    /// The items of every open list, the innermost's last; each list takes its own off
    /// the end when it closes, in one allocation of the right size rather than a vector
    /// grown an item at a time for each list.
    items: Vec<Node<'t>>,
    /// The entries of every open mapping, likewise.
    entries: Vec<Entry<'t>>,
    anchors: HashMap<usize, Anchored<'t>>,
    root: Option<Node<'t>>,
    documents: usize,
    values: usize,
    aliases: usize,
    anchored_values: usize,
    text_bytes: usize,
}

impl<'t> Builder<'t> {
    fn event(&mut self, event: Event<'t>, loc: Loc) -> Result<(), TreeError> {
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(TreeError::SecondDocument(loc));
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.count(
                    Cost {
                        values: 1,
                        depth: 0,
                        text_bytes: text.len(),
                    },
                    loc,
                )?;
                let tag = tag.and_then(|t| core_tag(&t));
                let scalar = Scalar {
                    text,
                    style: style_of(style),
                    tag,
                };
                let node = Node {
                    loc,
                    value: Value::Scalar(scalar),
                };
                self.close(node, anchor)?;
            }
            Event::SequenceStart(_, anchor, _) => {
                let items = Items::Seq {
                    first: self.items.len(),
                };
                self.open(loc, anchor, items)?;
            }
            Event::MappingStart(_, anchor, _) => {
                let items = Items::Map {
                    first: self.entries.len(),
                    key: None,
                    merges: Vec::new(),
                };
                self.open(loc, anchor, items)?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(open) = self.open.pop() {
                    let value = match open.items {
                        Items::Seq { first } => Value::Seq(self.items.drain(first..).collect()),
                        Items::Map { first, merges, .. } => {
                            Value::Map(merge(self.entries.drain(first..).collect(), merges))
                        }
                    };
                    self.close(Node { loc: open.loc, value }, open.anchor)?;
                }
            }
            Event::Alias(id) => self.alias(id, loc)?,
            // Stream and document ends; anchors, comments and unresolved aliases are not
            // asked for, and the parser reports an unknown anchor as an error.
            _ => {}
        }
        Ok(())
    }

    fn open(&mut self, loc: Loc, anchor: usize, items: Items<'t>) -> Result<(), TreeError> {
        if self.open.len() >= MAX_DEPTH {
            return Err(TreeError::TooDeep(loc));
        }
        self.count(
            Cost {
                values: 1,
                ..Cost::default()
            },
            loc,
        )?;
        self.open.push(Open { loc, anchor, items });
        Ok(())
    }

    /// Adds what a value costs to the file's totals, or says which limit it goes over.
    fn count(&mut self, cost: Cost, loc: Loc) -> Result<(), TreeError> {
        if self.open.len() + cost.depth > MAX_DEPTH {
            return Err(TreeError::TooDeep(loc));
        }
        self.values += cost.values;
        self.text_bytes += cost.text_bytes;
        if self.values > MAX_VALUES {
            return Err(TreeError::TooManyValues(loc));
        }
        if self.text_bytes > MAX_TEXT_BYTES {
            return Err(TreeError::TooMuchText(loc));
        }
        Ok(())
    }

    /// `*name`: a copy of the anchored value, placed where the alias is written.
    fn alias(&mut self, id: usize, loc: Loc) -> Result<(), TreeError> {
        self.aliases += 1;
        if self.aliases > MAX_ALIASES {
            return Err(TreeError::TooManyAliases(loc));
        }
        // The parser refuses an alias to no anchor; one to an anchor whose value is not
        // finished yet is an alias inside its own value.
        let inside_itself = self.open.iter().any(|o| o.anchor == id);
        let no_anchor = || TreeError::Syntax {
            message: if inside_itself {
                "an `*alias` is inside the value its `&anchor` names (a value cannot contain itself)"
            } else {
                NO_ANCHOR
            }
            .to_owned(),
            loc,
        };
        // The cost first: an alias bomb must stop before its copy is made.
        let cost = self.anchors.get(&id).ok_or_else(no_anchor)?.cost;
        self.count(cost, loc)?;
        let anchored = self.anchors.get(&id).ok_or_else(no_anchor)?;
        let node = relocated(&anchored.node, loc);
        self.close(node, 0)
    }

    /// A finished value: kept for aliases when anchored, then put in its parent.
    fn close(&mut self, node: Node<'t>, anchor: usize) -> Result<(), TreeError> {
        if anchor != 0 {
            self.keep_anchored(anchor, &node)?;
        }
        let Some(parent) = self.open.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        match &mut parent.items {
            Items::Seq { .. } => self.items.push(node),
            Items::Map { key, merges, .. } => match key.take() {
                None => *key = Some(key_of(node)?),
                Some(key) if key.merge => merges.push(node),
                Some(key) => self.entries.push(Entry {
                    key: key.text,
                    key_loc: key.loc,
                    value: node,
                }),
            },
        }
        Ok(())
    }

    fn keep_anchored(&mut self, anchor: usize, node: &Node<'t>) -> Result<(), TreeError> {
        if self.anchors.len() >= MAX_ANCHORS {
            return Err(TreeError::TooManyAnchors(node.loc));
        }
        let cost = cost_of(node);
        self.anchored_values += cost.values;
        if self.anchored_values > MAX_ANCHORED_VALUES {
            return Err(TreeError::TooManyValues(node.loc));
        }
        self.anchors.insert(
            anchor,
            Anchored {
                node: node.clone(),
                cost,
            },
        );
        Ok(())
    }
}

/// The core type a scalar's tag names: `!!str` and the like, or `!` alone, which makes
/// a plain scalar text. Other tags (`!custom`) are not used by case files and are left
/// out, so the scalar is read as if untagged.
fn core_tag(tag: &Tag) -> Option<CoreType> {
    if tag.handle().is_empty() && tag.suffix() == "!" {
        return Some(CoreType::Str);
    }
    tag.core_suffix().and_then(CoreType::from_tag_suffix)
}

fn style_of(style: ScalarStyle) -> Style {
    match style {
        ScalarStyle::Plain => Style::Plain,
        ScalarStyle::SingleQuoted => Style::SingleQuoted,
        ScalarStyle::DoubleQuoted => Style::DoubleQuoted,
        ScalarStyle::Literal => Style::Literal,
        ScalarStyle::Folded => Style::Folded,
    }
}

/// A node read in a key's place: its text, if it is a scalar.
fn key_of(node: Node<'_>) -> Result<Key<'_>, TreeError> {
    match node.value {
        Value::Scalar(scalar) => Ok(Key {
            merge: scalar.style == Style::Plain && scalar.tag.is_none() && scalar.text == "<<",
            text: scalar.text,
            loc: node.loc,
        }),
        other => Err(TreeError::KeyNotAWord {
            kind: other.kind(),
            loc: node.loc,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(node: &Node<'_>) -> String {
        match &node.value {
            Value::Scalar(s) => s.text.to_string(),
            Value::Seq(items) => format!("[{}]", items.iter().map(text_of).collect::<Vec<_>>().join(", ")),
            Value::Map(entries) => format!(
                "{{{}}}",
                entries
                    .iter()
                    .map(|e| format!("{}: {}", e.key, text_of(&e.value)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    #[test]
    fn plain_and_simply_quoted_scalars_are_borrowed_from_the_text() {
        let root = build("a: plain words\nb: 'quoted'\nc: \"esc\\taped\"\n")
            .expect("valid")
            .expect("a document");
        let Value::Map(entries) = &root.value else {
            panic!("a mapping")
        };
        let borrowed: Vec<bool> = entries
            .iter()
            .map(|e| matches!(&e.value.value, Value::Scalar(s) if matches!(s.text, Cow::Borrowed(_))))
            .collect();
        assert_eq!(borrowed, [true, true, false]);
        assert!(entries.iter().all(|e| matches!(e.key, Cow::Borrowed(_))));
    }

    #[test]
    fn merge_keys_add_the_keys_not_written() {
        let root = build("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  x: 3\n")
            .expect("valid")
            .expect("a document");
        assert_eq!(text_of(&root), "{base: {x: 1, y: 2}, m: {x: 3, y: 2}}");
        let root = build("m:\n  <<: [{x: 1}, {x: 2, z: 3}]\n")
            .expect("valid")
            .expect("doc");
        assert_eq!(text_of(&root), "{m: {x: 1, z: 3}}");
        let root = build("m:\n  <<: 5\n").expect("valid").expect("doc");
        assert_eq!(text_of(&root), "{m: {<<: 5}}");
    }

    #[test]
    fn aliases_repeat_their_value_where_they_are_written() {
        let root = build("a: &a [x, {k: v}]\nb: *a\n").expect("valid").expect("doc");
        let Value::Map(entries) = &root.value else {
            panic!("a mapping")
        };
        assert_eq!(text_of(&entries[1].value), "[x, {k: v}]");
        let Value::Seq(items) = &entries[1].value.value else {
            panic!("a list")
        };
        let Value::Map(inner) = &items[1].value else {
            panic!("a mapping")
        };
        assert_eq!(inner[0].key_loc, Loc::new(2, 4));
        assert_eq!(inner[0].value.loc, Loc::new(2, 4));
    }

    /// Each limit stops the file at the value that goes over it. (Nesting and the alias
    /// bomb are tested on the whole loader, in tests/hostile.rs and tests/bad_input.rs.)
    #[test]
    fn every_limit_stops_the_file() {
        let big = "x".repeat(1024 * 1024);
        let text_bomb = format!(
            "a: &a {big}\nb: [{}]\n",
            "*a, ".repeat(MAX_TEXT_BYTES / big.len())
        );
        assert!(matches!(build(&text_bomb), Err(TreeError::TooMuchText(at)) if at.line == 2));
        let anchors: Vec<String> = (0..=MAX_ANCHORS).map(|i| format!("&a{i} x")).collect();
        let anchors = format!("a: [{}]\n", anchors.join(", "));
        assert!(matches!(build(&anchors), Err(TreeError::TooManyAnchors(_))));
        let aliases = format!("a: &a x\nb: [{}]\n", "*a, ".repeat(MAX_ALIASES + 1));
        assert!(matches!(build(&aliases), Err(TreeError::TooManyAliases(_))));
        let values = format!("a: [{}]\n", "x, ".repeat(MAX_VALUES));
        assert!(matches!(build(&values), Err(TreeError::TooManyValues(_))));
        let under = format!("a: &a x\nb: [{}]\n", "*a, ".repeat(MAX_ALIASES));
        assert!(build(&under).is_ok());
    }

    #[test]
    fn an_alias_to_no_anchor_or_inside_its_own_value_is_refused() {
        let message = |text: &str| match build(text) {
            Err(TreeError::Syntax { message, .. }) => message,
            other => panic!("{other:?}"),
        };
        assert_eq!(message("a: *nowhere\n"), NO_ANCHOR);
        assert!(message("a: &a [x, *a]\n").contains("cannot contain itself"));
    }

    #[test]
    fn no_document_is_none_and_a_second_one_is_refused() {
        assert_eq!(build("# only a comment\n"), Ok(None));
        assert_eq!(
            build("a: 1\n---\nb: 2\n"),
            Err(TreeError::SecondDocument(Loc::new(2, 1)))
        );
        assert_eq!(
            build("[a]: 1\n"),
            Err(TreeError::KeyNotAWord {
                kind: "a list",
                loc: Loc::new(1, 1)
            })
        );
    }
}
