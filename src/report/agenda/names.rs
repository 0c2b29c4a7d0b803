//! `--redact` for a whole document: names by initials, and the same names taken out of
//! the free text an agenda quotes (service responses, efforts, notes, findings), where
//! "Caleb attends and says it helps" would otherwise give the child away.

use std::collections::BTreeSet;

use crate::model::Case;
use crate::report::redact::person;

pub struct Names {
    redact: bool,
    /// Every capitalised word of every person's name in the file ("Caleb", "Ferris").
    words: BTreeSet<String>,
}

impl Names {
    pub fn of(case: &Case, redact: bool) -> Names {
        let mut named: Vec<&str> = vec![&case.child.name];
        named.extend(case.parents.iter().map(|p| p.name.as_str()));
        named.extend(case.placements.iter().filter_map(|p| p.caregiver.as_deref()));
        let plan = case.plan.as_ref();
        named.extend(
            plan.and_then(|p| p.concurrent.as_ref())
                .and_then(|c| c.resource.as_deref()),
        );
        // Relatives found by the search are people too, though the agenda never lists them.
        named.extend(
            case.search
                .iter()
                .flat_map(|s| s.found.iter().map(String::as_str)),
        );
        let words = if redact {
            named.iter().flat_map(|n| name_words(n)).collect()
        } else {
            BTreeSet::new()
        };
        Names { redact, words }
    }

    /// A person's name as the report shows it: in full, or by initials.
    pub fn person(&self, name: &str) -> String {
        person(name, self.redact)
    }

    /// Free text with every word of a name cut to its initial when redacting.
    pub fn text(&self, text: &str) -> String {
        if !self.redact {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find(char::is_alphanumeric) {
            out.push_str(&rest[..start]);
            let word_len = rest[start..]
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len() - start);
            let word = &rest[start..start + word_len];
            rest = &rest[start + word_len..];
            match word.chars().next() {
                Some(first) if self.words.contains(word) => {
                    out.push(first);
                    // "… Jolene." must not become "J.."
                    if !rest.starts_with('.') {
                        out.push('.');
                    }
                }
                _ => out.push_str(word),
            }
        }
        out.push_str(rest);
        out
    }
}

/// The words of a name that identify someone: capitalised, at least two letters
/// ("Rosa", "Delgado"; not "and", "(maternal", "family").
fn name_words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2 && w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(redact: bool) -> Names {
        let mut case = Case::default();
        case.child.name = "Caleb Ferris".to_owned();
        case.placements.push(crate::model::Placement {
            from: chrono::NaiveDate::MIN,
            to: None,
            setting: crate::model::Setting::Kin,
            caregiver: Some("Harold and June Ferris (paternal grandparents)".to_owned()),
            permanency_willing: None,
            siblings_together: None,
            siblings_apart_reason: None,
        });
        Names::of(&case, redact)
    }

    #[test]
    fn redacting_cuts_every_name_word_in_free_text() {
        let n = names(true);
        assert_eq!(
            n.text("Caleb's grandparents, Harold and June, met Mr. Ferris."),
            "C.'s grandparents, H. and J., met Mr. F."
        );
        assert_eq!(n.text("Calebs and harold stay"), "Calebs and harold stay");
        assert_eq!(n.person("Caleb Ferris"), "C. F.");
    }

    #[test]
    fn without_redact_nothing_changes() {
        let n = names(false);
        assert_eq!(n.text("Caleb attends"), "Caleb attends");
        assert_eq!(n.person("Caleb Ferris"), "Caleb Ferris");
    }
}
