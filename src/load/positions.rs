//! Where every key and list item of a case file is written, by key path.
//!
//! Paths are written as in messages: `plan.concurrent.goal`, `visits[3].date`.
//! Rules ask for the position of what they report on; a missing key falls back to
//! the nearest enclosing key that exists, so "concurrent goal missing" points at
//! `plan.concurrent:` (or `plan:`, or the top of the file).
//!
//! The converter records a few hundred places per file and the rules look up a few, so
//! recording is what must be cheap: places are kept as a tree in the order they are
//! recorded, each mapping's keys and each list's items side by side, and a path is
//! found by walking it from the top, one key or index at a time. Nothing is hashed, so
//! a file cannot choose keys that make it slow; a mapping with many keys (a damaged or
//! hostile file) gets its keys sorted once, for a binary search.

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

/// A recorded key or list item, or the top of the file (`Place::TOP`), as the
/// converter refers to it while it reads; its path is written out only for a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place(u32);

impl Place {
    /// The top level of the file (path ``).
    pub const TOP: Place = Place(u32::MAX);
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Positions {
    places: Vec<Recorded>,
    /// The keys' text, one after another (`Name::Key` points into it).
    names: String,
    /// The keys and items of the top level.
    top: Run,
    /// Place indices of the large mappings' keys, each mapping's sorted by key.
    sorted: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq)]
struct Recorded {
    parent: Place,
    name: Name,
    at: At,
    /// Its own keys or items, once its value is read as a mapping or a list.
    children: Run,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Name {
    /// A key: bytes `start..start + len` of `names`.
    Key { start: u32, len: u32 },
    /// A list item.
    Item(u32),
}

/// The places of one mapping or list: `len` places from `first`; for a large mapping,
/// where its keys' order by name starts in `sorted`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Run {
    first: u32,
    len: u32,
    sorted: Option<u32>,
}

/// A mapping with more keys than this gets them sorted for lookups; a case file's
/// largest has about twenty.
const SEARCHED: u32 = 32;

/// One step of a path: a key, or a list index.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Step<'p> {
    Key(&'p str),
    Item(u32),
}

impl Positions {
    /// Records the keys of the mapping at `parent`, all of them in the order written;
    /// the place of key `i` is the returned place's index plus `i`. Where a key is
    /// written twice, lookups find the first.
    pub(crate) fn record_keys<'k>(
        &mut self,
        parent: Place,
        keys: impl ExactSizeIterator<Item = (&'k str, At)>,
    ) -> Place {
        let first = self.places.len();
        self.places.reserve(keys.len());
        for (key, at) in keys {
            let name = Name::Key {
                start: to_u32(self.names.len()),
                len: to_u32(key.len()),
            };
            self.names.push_str(key);
            self.push(parent, name, at);
        }
        let run = self.run_from(first);
        let run = Run {
            sorted: (run.len > SEARCHED).then(|| self.sort_keys(run)),
            ..run
        };
        self.attach(parent, run);
        Place(to_u32(first))
    }

    /// Records the items of the list at `parent`, in order; the place of item `i` is
    /// the returned place's index plus `i`.
    pub(crate) fn record_items(&mut self, parent: Place, items: impl ExactSizeIterator<Item = At>) -> Place {
        let first = self.places.len();
        self.places.reserve(items.len());
        for (i, at) in items.enumerate() {
            self.push(parent, Name::Item(to_u32(i)), at);
        }
        let run = self.run_from(first);
        self.attach(parent, run);
        Place(to_u32(first))
    }

    /// The place `offset` places after `place` (the key or item of that index).
    pub(crate) fn nth(place: Place, offset: usize) -> Place {
        Place(place.0.saturating_add(to_u32(offset)))
    }

    /// The path of a place, as in messages: `visits[3].date`; `` for the top.
    pub(crate) fn path_of(&self, place: Place) -> String {
        let mut steps = Vec::new();
        let mut at = place;
        while let Some(recorded) = self.places.get(at.0 as usize) {
            steps.push(recorded.name);
            at = recorded.parent;
        }
        let mut path = String::new();
        for name in steps.into_iter().rev() {
            match name {
                Name::Key { .. } => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(self.name(name));
                }
                Name::Item(i) => {
                    use std::fmt::Write;
                    let _ = write!(path, "[{i}]");
                }
            }
        }
        path
    }

    /// Exactly this path, if it is written in the file.
    pub fn exact(&self, path: &str) -> Option<At> {
        let mut found = None;
        let mut run = self.top;
        for step in steps(path) {
            let recorded = self.find(run, step?)?;
            run = recorded.children;
            found = Some(recorded.at);
        }
        found
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

    /// The deepest place on `path` that is written: walking down stops at the first
    /// step that is not.
    fn nearest(&self, path: &str) -> Option<At> {
        let mut found = None;
        let mut run = self.top;
        for step in steps(path) {
            let Some(recorded) = step.and_then(|step| self.find(run, step)) else {
                break;
            };
            run = recorded.children;
            found = Some(recorded.at);
        }
        found
    }

    /// The place of `step` among the places of `run`.
    fn find(&self, run: Run, step: Step<'_>) -> Option<&Recorded> {
        let places = self
            .places
            .get(run.first as usize..(run.first as usize).saturating_add(run.len as usize))?;
        match (step, run.sorted) {
            (Step::Item(i), _) => places.get(i as usize).filter(|r| r.name == Name::Item(i)),
            (Step::Key(key), None) => places.iter().find(|r| self.is_key(r.name, key)),
            (Step::Key(key), Some(from)) => {
                let order = self.sorted.get(from as usize..from as usize + run.len as usize)?;
                let i = order.partition_point(|&p| self.name(self.places[p as usize].name) < key);
                let place = &self.places[*order.get(i)? as usize];
                self.is_key(place.name, key).then_some(place)
            }
        }
    }

    fn is_key(&self, name: Name, key: &str) -> bool {
        matches!(name, Name::Key { .. }) && self.name(name) == key
    }

    fn name(&self, name: Name) -> &str {
        match name {
            Name::Key { start, len } => self
                .names
                .get(start as usize..start as usize + len as usize)
                .unwrap_or_default(),
            Name::Item(_) => "",
        }
    }

    fn push(&mut self, parent: Place, name: Name, at: At) {
        self.places.push(Recorded {
            parent,
            name,
            at,
            children: Run::default(),
        });
    }

    fn run_from(&self, first: usize) -> Run {
        Run {
            first: to_u32(first),
            len: to_u32(self.places.len() - first),
            sorted: None,
        }
    }

    /// Sorts a large mapping's keys by name (the first written first among equal ones)
    /// and says where that order starts in `sorted`.
    fn sort_keys(&mut self, run: Run) -> u32 {
        let from = self.sorted.len();
        self.sorted.extend(run.first..run.first + run.len);
        let mut order = std::mem::take(&mut self.sorted);
        order[from..].sort_by(|&a, &b| {
            self.name(self.places[a as usize].name)
                .cmp(self.name(self.places[b as usize].name))
        });
        self.sorted = order;
        to_u32(from)
    }

    /// Makes `run` the keys or items of `parent`, unless it has some already: a value
    /// read twice keeps the places of the first reading.
    fn attach(&mut self, parent: Place, run: Run) {
        let children = match self.places.get_mut(parent.0 as usize) {
            Some(recorded) => &mut recorded.children,
            None => &mut self.top,
        };
        if children.len == 0 {
            *children = run;
        }
    }

    /// How many keys and items are recorded.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

/// The steps of a path: `a.b[2].c` → `a`, `b`, 2, `c`; `None` for a step that is
/// not written as the converter writes paths (no place has it).
fn steps(path: &str) -> impl Iterator<Item = Option<Step<'_>>> {
    let mut rest = path;
    let mut first = true;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let key = if first { Some(rest) } else { rest.strip_prefix('.') };
        first = false;
        let step = match (key, rest.strip_prefix('[')) {
            (_, Some(index)) => index.split_once(']').and_then(|(index, tail)| {
                rest = tail;
                index.parse().ok().map(Step::Item)
            }),
            (Some(key), None) => {
                let (key, tail) = key.split_at(key.find(['.', '[']).unwrap_or(key.len()));
                rest = tail;
                Some(Step::Key(key))
            }
            (None, None) => None,
        };
        if step.is_none() {
            rest = "";
        }
        Some(step)
    })
}

/// Counts and offsets of one file: its size limit keeps them far below `u32::MAX`.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32) -> At {
        At {
            key: Loc::new(line, 1),
            value: Loc::new(line, 5),
            key_width: 4,
            value_width: 1,
        }
    }

    #[test]
    fn missing_key_falls_back_to_nearest_written_parent() {
        let mut p = Positions::default();
        let plan = p.record_keys(Place::TOP, [("plan", at(40)), ("visits", at(50))].into_iter());
        assert_eq!(p.key("plan.concurrent.goal"), Loc::new(40, 1));
        assert_eq!(p.key("visits[2].date"), Loc::new(50, 1));
        assert_eq!(p.key("court[2].date"), Loc::START);
        let visits = Positions::nth(plan, 1);
        let first = p.record_items(visits, [at(51), at(55)].into_iter());
        let second = Positions::nth(first, 1);
        let date = p.record_keys(second, [("date", at(56)), ("with", at(57))].into_iter());
        assert_eq!(p.exact("visits[1].date"), Some(at(56)));
        assert_eq!(p.key("visits[1].level"), Loc::new(55, 1));
        assert_eq!(p.exact("visits[1]date"), None);
        assert_eq!(p.exact("visits.1"), None);
        assert_eq!(p.path_of(Positions::nth(date, 1)), "visits[1].with");
        assert_eq!(p.path_of(Place::TOP), "");
    }

    #[test]
    fn a_key_written_twice_is_found_where_first_written_in_a_small_or_large_mapping() {
        for keys in [3, 100] {
            let mut p = Positions::default();
            let mut names: Vec<String> = (0..keys).map(|i| format!("k{i}")).collect();
            names.push("k1".to_owned());
            let written = names
                .iter()
                .enumerate()
                .map(|(i, k)| (k.as_str(), at(i as u32 + 1)));
            p.record_keys(Place::TOP, written.collect::<Vec<_>>().into_iter());
            assert_eq!(p.exact("k1"), Some(at(2)), "{keys} keys");
            assert_eq!(p.exact("k0"), Some(at(1)), "{keys} keys");
            assert_eq!(p.exact("k"), None, "{keys} keys");
            assert_eq!(p.exact("k99"), (keys == 100).then(|| at(100)), "{keys} keys");
        }
    }
}
