//! A YAML document as a tree of nodes that remember where they are.
//!
//! A linter wants every problem in the file, and the position of valid values too
//! ("line 41: concurrent goal missing"), so the loader builds this small generic tree
//! from the YAML parser's events (see `tree`) and converts it to the case model itself
//! (see `convert`). A scalar keeps the text and the quoting it was written with, so
//! the converter decides per field what it is: a goal id `1.10` stays `1.10`, not the
//! number 1.1, and a name written `12` can be told from one written `"12"`.

use std::borrow::Cow;

use super::core_schema::{self, CoreType};
use crate::finding::Loc;

/// A node and where its value starts. `'t` is the file's text, which most scalars
/// borrow from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'t> {
    pub loc: Loc,
    pub value: Value<'t>,
}

/// A mapping entry: the key, where the key is written, and the value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'t> {
    pub key: Cow<'t, str>,
    pub key_loc: Loc,
    pub value: Node<'t>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value<'t> {
    Scalar(Scalar<'t>),
    Seq(Vec<Node<'t>>),
    Map(Vec<Entry<'t>>),
}

/// A scalar as written: its text (after YAML's unescaping and line folding), how it
/// was quoted, and a core-schema tag (`!!str`) when one was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar<'t> {
    pub text: Cow<'t, str>,
    pub style: Style,
    pub tag: Option<CoreType>,
}

/// How a scalar is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    /// `|`
    Literal,
    /// `>`
    Folded,
}

impl<'t> Scalar<'t> {
    pub fn plain(text: impl Into<Cow<'t, str>>) -> Self {
        Scalar {
            text: text.into(),
            style: Style::Plain,
            tag: None,
        }
    }

    /// What the YAML 1.2 core schema reads it as: a tag when one is written, else text
    /// unless it is plain (`~`, `true`, `12`, `1.5` are plain; `"12"` is text).
    pub fn core_type(&self) -> CoreType {
        match (self.tag, self.style) {
            (Some(tag), _) => tag,
            (None, Style::Plain) => core_schema::resolve_plain(&self.text),
            (None, _) => CoreType::Str,
        }
    }
}

impl Scalar<'_> {
    /// What `core_type` calls `Null`, without resolving anything else (it is asked of
    /// every value read).
    pub fn is_null(&self) -> bool {
        match (self.tag, self.style) {
            (Some(tag), _) => tag == CoreType::Null,
            (None, Style::Plain) => matches!(self.text.as_ref(), "" | "~" | "null" | "Null" | "NULL"),
            (None, _) => false,
        }
    }
}

impl Value<'_> {
    /// What the value is, for messages such as "expected a date, found a list".
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Scalar(s) => match s.core_type() {
                CoreType::Null => "nothing",
                CoreType::Bool => "true/false",
                CoreType::Int | CoreType::Float => "a number",
                CoreType::Str => "text",
            },
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// The scalar, if it is one (`null` included).
    pub fn scalar(&self) -> Option<&Scalar<'_>> {
        match self {
            Value::Scalar(s) => Some(s),
            Value::Seq(_) | Value::Map(_) => None,
        }
    }

    /// The text of a scalar as written, whatever YAML would make of it; `None` for a
    /// list, a mapping and `null`.
    pub fn scalar_text(&self) -> Option<&str> {
        self.scalar().filter(|s| !s.is_null()).map(|s| s.text.as_ref())
    }

    /// `null`, `~` or nothing at all after the colon.
    pub fn is_null(&self) -> bool {
        self.scalar().is_some_and(Scalar::is_null)
    }
}
