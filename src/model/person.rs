//! Whom a case file's `with:`, `for:`, `who:`, `by:` and `attendees:` name, resolved
//! once when the file is read, so that rules and reports match on a person rather
//! than on the text that named them.

use super::Case;

/// A reference to a person of the case: a parent by id, one of the fixed words
/// (`FIXED_PEOPLE`), or anyone else as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PersonRef {
    /// `parents[i]`: the first parent whose id is the text written.
    Parent(usize),
    Child,
    Worker,
    Supervisor,
    Caregiver,
    Agency,
    /// Text that names nobody listed in the file (a name written where an id belongs,
    /// a provider, a typo), kept as written so that the check can report it.
    Unlisted(String),
}

impl PersonRef {
    /// Whom `text` names, compared as written (no trimming, no letter case): a fixed
    /// word first, as the rules always read one, then the first parent with that id.
    pub fn resolve<'a>(text: &str, mut parent_ids: impl Iterator<Item = &'a str>) -> PersonRef {
        if let Some(fixed) = PersonRef::fixed(text) {
            return fixed;
        }
        match parent_ids.position(|id| id == text) {
            Some(index) => PersonRef::Parent(index),
            None => PersonRef::Unlisted(text.to_owned()),
        }
    }

    /// The person a fixed word of `FIXED_PEOPLE` names.
    fn fixed(word: &str) -> Option<PersonRef> {
        Some(match word {
            "child" => PersonRef::Child,
            "worker" => PersonRef::Worker,
            "supervisor" => PersonRef::Supervisor,
            "caregiver" => PersonRef::Caregiver,
            "agency" => PersonRef::Agency,
            _ => return None,
        })
    }

    /// The fixed word that names this person, for one who is named by one.
    pub fn fixed_word(&self) -> Option<&'static str> {
        Some(match self {
            PersonRef::Child => "child",
            PersonRef::Worker => "worker",
            PersonRef::Supervisor => "supervisor",
            PersonRef::Caregiver => "caregiver",
            PersonRef::Agency => "agency",
            PersonRef::Parent(_) | PersonRef::Unlisted(_) => return None,
        })
    }
}

impl Case {
    /// Whom `text` names in this case, as the loader resolves a reference.
    pub fn person(&self, text: &str) -> PersonRef {
        PersonRef::resolve(text, self.parent_ids())
    }

    /// A reference as the file writes it: the parent's id, the fixed word, or the
    /// unlisted text. Empty for a parent this case does not have (a reference
    /// resolved against another case).
    pub fn written<'a>(&'a self, person: &'a PersonRef) -> &'a str {
        match person {
            PersonRef::Parent(index) => self.parents.get(*index).map_or("", |p| p.id.as_str()),
            PersonRef::Unlisted(text) => text,
            fixed => fixed.fixed_word().unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FIXED_PEOPLE, Parent, Relationship, Whereabouts};

    fn case_with_parents(ids: &[&str]) -> Case {
        let mut case = Case::default();
        for id in ids {
            case.parents.push(Parent {
                id: (*id).to_owned(),
                name: format!("Parent {id}"),
                relationship: Relationship::Other,
                whereabouts: Whereabouts::Known,
            });
        }
        case
    }

    #[test]
    fn every_fixed_word_resolves_to_its_person_and_back() {
        let case = Case::default();
        for word in FIXED_PEOPLE {
            let person = case.person(word);
            assert!(person.fixed_word().is_some(), "{word}");
            assert_eq!(case.written(&person), *word);
        }
    }

    #[test]
    fn a_reference_names_the_first_parent_with_its_id_exactly() {
        let case = case_with_parents(&["mom", "dad", "mom"]);
        assert_eq!(case.person("dad"), PersonRef::Parent(1));
        assert_eq!(case.person("mom"), PersonRef::Parent(0));
        assert_eq!(case.person("Mom"), PersonRef::Unlisted("Mom".to_owned()));
        assert_eq!(case.person(" dad"), PersonRef::Unlisted(" dad".to_owned()));
        assert_eq!(case.written(&case.person("Alicia Reyes")), "Alicia Reyes");
        assert_eq!(case.written(&PersonRef::Parent(1)), "dad");
    }

    #[test]
    fn a_fixed_word_wins_over_a_parent_id_spelled_the_same() {
        let case = case_with_parents(&["child"]);
        assert_eq!(case.person("child"), PersonRef::Child);
    }
}
