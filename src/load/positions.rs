//! Where every key and list item of a case file is written, by key path.
//!
//! Paths are written as in messages: `plan.concurrent.goal`, `visits[3].date`.
//! Rules ask for the position of what they report on; a missing key falls back to
//! the nearest enclosing key that exists, so "concurrent goal missing" points at
//! `plan.concurrent:` (or `plan:`, or the top of the file).

use std::collections::HashMap;

use crate::finding::Loc;

/// The key's and the value's position for one path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub key: Loc,
    pub value: Loc,
    /// Characters of the key (for the marker under it).
    pub key_width: u32,
    /// Characters of a scalar value; 1 for a list or mapping.
    pub value_width: u32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Positions {
    by_path: HashMap<String, At>,
}

impl Positions {
    /// Keeps the first position recorded for a path.
    pub fn record(&mut self, path: String, at: At) {
        self.by_path.entry(path).or_insert(at);
    }

    /// Exactly this path, if it is written in the file.
    pub fn exact(&self, path: &str) -> Option<At> {
        self.by_path.get(path).copied()
    }

    /// The key at `path`, or of the nearest enclosing path that is written.
    pub fn key(&self, path: &str) -> Loc {
        self.nearest(path).map_or(Loc::START, |at| at.key)
    }

    /// Where `path`'s key or value is, and how wide, falling back like `key`.
    pub fn key_span(&self, path: &str) -> (Loc, u32) {
        self.nearest(path)
            .map_or((Loc::START, 1), |at| (at.key, at.key_width))
    }

    pub fn value_span(&self, path: &str) -> (Loc, u32) {
        match self.exact(path) {
            Some(at) => (at.value, at.value_width),
            None => self.key_span(path),
        }
    }

    /// The key at `path` or its nearest written enclosing path, if any is written.
    pub fn nearest_key(&self, path: &str) -> Option<Loc> {
        self.nearest(path).map(|at| at.key)
    }

    /// The value at `path`, or the key of the nearest enclosing path that is written.
    pub fn value(&self, path: &str) -> Loc {
        match self.exact(path) {
            Some(at) => at.value,
            None => self.key(path),
        }
    }

    fn nearest(&self, mut path: &str) -> Option<At> {
        loop {
            if let Some(at) = self.exact(path) {
                return Some(at);
            }
            path = parent_path(path)?;
        }
    }

    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }
}

/// `a.b[2].c` → `a.b[2]` → `a.b` → `a` → none.
pub fn parent_path(path: &str) -> Option<&str> {
    let cut = path.rfind(['.', '['])?;
    Some(&path[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_key_falls_back_to_nearest_written_parent() {
        let mut p = Positions::default();
        let plan = At {
            key: Loc::new(40, 1),
            value: Loc::new(41, 3),
            key_width: 4,
            value_width: 1,
        };
        p.record("plan".to_owned(), plan);
        assert_eq!(p.key("plan.concurrent.goal"), Loc::new(40, 1));
        assert_eq!(p.key("visits[2].date"), Loc::START);
        assert_eq!(parent_path("a.b[2].c"), Some("a.b[2]"));
        assert_eq!(parent_path("a.b[2]"), Some("a.b"));
        assert_eq!(parent_path("a"), None);
    }
}
