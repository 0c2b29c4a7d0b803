//! Completion of the values the schema cannot know: the parents' ids in `with:`,
//! `for:`, `who:`, `by:` and `attendees`, the folder's case ids in `child.siblings`
//! and `sibling_visits`, and the profile names in `jurisdiction:`. Keys are left to the
//! YAML language server, which has them from the schema.

use lsp_types::{CompletionItem, CompletionItemKind};

use super::text::Lines;
use crate::model::FIXED_PEOPLE;

/// What may be offered in a document.
pub struct Known {
    /// The parents' ids, with their names.
    pub parents: Vec<(String, String)>,
    /// The case's own id and siblings.
    pub case_id: Option<String>,
    pub siblings: Vec<String>,
    /// The case ids of the folder's files.
    pub folder_ids: Vec<String>,
    pub profiles: Vec<String>,
}

/// The values to offer at 1-based `line` and character `column`.
pub fn complete(lines: &Lines<'_>, line: u32, column: u32, known: &Known) -> Vec<CompletionItem> {
    let Some(key) = key_at(lines, line, column) else {
        return Vec::new();
    };
    let parents = || {
        known
            .parents
            .iter()
            .map(|(id, name)| item(id, &format!("parent: {name}")))
            .collect::<Vec<_>>()
    };
    let fixed = |words: &[&str]| words.iter().map(|w| item(w, "")).collect::<Vec<_>>();
    let case_ids = |ids: &mut dyn Iterator<Item = &String>| {
        let mut ids: Vec<&String> = ids.filter(|id| Some(*id) != known.case_id.as_ref()).collect();
        ids.sort();
        ids.dedup();
        ids.into_iter().map(|id| item(id, "case")).collect::<Vec<_>>()
    };
    match key.name.as_str() {
        "jurisdiction" => known.profiles.iter().map(|p| item(p, "profile")).collect(),
        "with" if key.section == "sibling_visits" => {
            case_ids(&mut known.siblings.iter().chain(&known.folder_ids))
        }
        "with" if key.section == "contacts" => [parents(), fixed(&["child", "caregiver"])].concat(),
        "with" => parents(),
        "for" | "who" | "by" | "attendees" => [parents(), fixed(FIXED_PEOPLE)].concat(),
        "siblings" => case_ids(&mut known.folder_ids.iter()),
        _ => Vec::new(),
    }
}

fn item(label: &str, detail: &str) -> CompletionItem {
    CompletionItem {
        label: label.to_owned(),
        kind: Some(CompletionItemKind::VALUE),
        detail: (!detail.is_empty()).then(|| detail.to_owned()),
        ..CompletionItem::default()
    }
}

/// The key whose value is being written, and the top-level section it is in.
#[derive(Debug, PartialEq, Eq)]
struct Key {
    name: String,
    section: String,
}

fn key_at(lines: &Lines<'_>, line: u32, column: u32) -> Option<Key> {
    let index = line.saturating_sub(1) as usize;
    let text = lines.line(index);
    let before: String = text.chars().take(column.saturating_sub(1) as usize).collect();
    let item = before.trim_start().strip_prefix('-').map(str::trim_start);
    let name = match written_key(item.unwrap_or(before.trim_start())) {
        // `with: mo`, `- with: mo`, `siblings: [2026-0`
        Some(key) => key.to_owned(),
        // `  - mo` under `attendees:` or `siblings:`
        None if item.is_some_and(is_value_word) => parent_key(lines, index, indent_of(text))?,
        None => return None,
    };
    let section = if indent_of(text) == 0 && !text.starts_with('-') {
        return Some(Key {
            section: name.clone(),
            name,
        });
    } else {
        (0..=index)
            .rev()
            .map(|i| lines.line(i))
            .find(|l| indent_of(l) == 0 && l.ends_with(':') && !l.starts_with(['#', '-']))
            .map(|l| l.trim_end_matches(':').to_owned())
            .unwrap_or_default()
    };
    Some(Key { name, section })
}

/// `with` of `with: mo` (a value being written after a key, or in a flow list).
fn written_key(text: &str) -> Option<&str> {
    let (key, value) = text.split_once(':')?;
    let key = key.trim();
    let value = value.trim_start();
    let value = value
        .strip_prefix('[')
        .map_or(value, |v| v.rsplit(',').next().unwrap_or(v).trim_start());
    (is_simple_key(key) && is_value_word(value)).then_some(key)
}

fn is_value_word(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// The key of the list a `- item` line is in: the first line above that is less
/// indented (or as indented, for a list written without indent), if it is `key:`.
fn parent_key(lines: &Lines<'_>, index: usize, indent: usize) -> Option<String> {
    for line in (0..index).rev().map(|i| lines.line(i)) {
        let trimmed = line.trim();
        let at = indent_of(line);
        if trimmed.is_empty()
            || trimmed.starts_with('#')
            || at > indent
            || (at == indent && trimmed.starts_with('-'))
        {
            continue;
        }
        let key = trimmed.trim_start_matches('-').trim_start().strip_suffix(':')?;
        return is_simple_key(key).then(|| key.to_owned());
    }
    None
}

fn is_simple_key(key: &str) -> bool {
    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::text::Encoding;

    const CASE: &str = "case: 2026-0142\nchild:\n  siblings:\n    - 2026-01\nvisits:\n  - date: 2026-02-01\n    with: mo\ncontacts:\n  - with: \nsibling_visits:\n  - with: 2026\nreviews:\n  - attendees:\n      - \njurisdiction: ca\n";

    fn key(line: u32, column: u32) -> Option<(String, String)> {
        key_at(&Lines::new(CASE, Encoding::Utf16), line, column).map(|k| (k.name, k.section))
    }

    #[test]
    fn the_key_being_written_and_its_section() {
        let pair = |a: &str, b: &str| Some((a.to_owned(), b.to_owned()));
        assert_eq!(key(4, 14), pair("siblings", "child"));
        assert_eq!(key(7, 13), pair("with", "visits"));
        assert_eq!(key(9, 11), pair("with", "contacts"));
        assert_eq!(key(11, 15), pair("with", "sibling_visits"));
        assert_eq!(key(14, 9), pair("attendees", "reviews"));
        assert_eq!(key(15, 17), pair("jurisdiction", "jurisdiction"));
        assert_eq!(key(1, 3), None, "a key being written is the schema's to complete");
    }

    #[test]
    fn parents_are_offered_in_with_and_profiles_in_jurisdiction() {
        let known = Known {
            parents: vec![("mother".to_owned(), "Ana Ortiz".to_owned())],
            case_id: Some("2026-0142".to_owned()),
            siblings: vec!["2026-0143".to_owned()],
            folder_ids: vec!["2026-0142".to_owned(), "2026-0144".to_owned()],
            profiles: vec!["federal".to_owned(), "california".to_owned()],
        };
        let labels = |line, column| -> Vec<String> {
            complete(&Lines::new(CASE, Encoding::Utf16), line, column, &known)
                .into_iter()
                .map(|i| i.label)
                .collect()
        };
        assert_eq!(labels(7, 13), ["mother"]);
        assert_eq!(labels(9, 11), ["mother", "child", "caregiver"]);
        assert_eq!(labels(11, 15), ["2026-0143", "2026-0144"]);
        assert_eq!(labels(4, 14), ["2026-0144"], "not the case's own id");
        assert_eq!(labels(15, 17), ["federal", "california"]);
    }
}
