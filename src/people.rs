//! The people of a case as a report shows them, with `--redact` or without: every
//! name, every reference to a person and every free text a report prints passes
//! through the one `People` of its case, so that no report can forget a name. It sits
//! below the reports (beside the model) because the row each case leaves after the
//! check (`summary`) already carries its `People`.
//!
//! With `--redact`, a person is shown by initials ("Rosa Delgado" → "R. D."), a
//! reference that names nobody of the file (`with: Alicia Reyes`, a name written where
//! an id belongs) is cut to initials too, and free text (notes, service responses,
//! activities, findings) has every word of every name cut to its initial, matched
//! whatever the letter case and in any script: in scripts written without spaces
//! between words (Chinese, Japanese, Thai…) or that join small words to names
//! (Arabic, Hebrew), a name is found inside a longer word too.

use std::collections::BTreeSet;

use crate::model::{Case, PersonRef};

/// The fixed words a case file uses for people who are not named in it.
const ROLE_WORDS: [&str; 5] = ["child", "worker", "supervisor", "caregiver", "agency"];

/// Words that are part of how a name is written but identify nobody: "the Whitfield
/// family", "Rosa Delgado (maternal grandmother)", "María de la Cruz".
const NOT_NAME_WORDS: [&str; 40] = [
    "family",
    "families",
    "home",
    "house",
    "household",
    "foster",
    "kin",
    "kinship",
    "resource",
    "parent",
    "parents",
    "grandparent",
    "grandparents",
    "grandmother",
    "grandfather",
    "maternal",
    "paternal",
    "aunt",
    "uncle",
    "cousin",
    "mr",
    "mrs",
    "ms",
    "dr",
    "and",
    "the",
    "of",
    "de",
    "del",
    "la",
    "le",
    "van",
    "von",
    "der",
    "den",
    "da",
    "di",
    "du",
    "st",
    "jr",
];

// Serialized with an agenda staged on disk until the end of its run (`cli::agenda`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct People {
    redact: bool,
    /// Every word of every person's name, lower-cased (only when redacting).
    words: BTreeSet<String>,
    /// The parents' ids and names, so a reference by id shows the person.
    parents: Vec<(String, String)>,
}

impl People {
    /// The people of `case`: the child, the parents, every caregiver, the resource
    /// family and the relatives the search found.
    pub fn of(case: &Case, redact: bool) -> People {
        let mut names: Vec<&str> = vec![&case.child.name];
        names.extend(case.parents.iter().map(|p| p.name.as_str()));
        names.extend(case.placements.iter().filter_map(|p| p.caregiver.as_deref()));
        let concurrent = case.plan.as_ref().and_then(|p| p.concurrent.as_ref());
        names.extend(concurrent.and_then(|c| c.resource.as_deref()));
        names.extend(
            case.search
                .iter()
                .flat_map(|s| s.found.iter().map(String::as_str)),
        );
        let mut people = People::with_words(redact, name_words_of(names.into_iter()));
        people.parents = case
            .parents
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        people
    }

    /// What a report row keeps of the people of `case`: the words of their names when
    /// redacting (nothing otherwise), not the whole case.
    pub fn for_row(case: &Case, redact: bool) -> People {
        let mut people = People::of(case, redact);
        people.parents = Vec::new();
        people
    }

    /// People known only by the words of their names.
    pub fn with_words(redact: bool, words: impl IntoIterator<Item = String>) -> People {
        People {
            redact,
            words: if redact {
                words.into_iter().collect()
            } else {
                BTreeSet::new()
            },
            parents: Vec::new(),
        }
    }

    /// The words free text is redacted by (empty without `--redact`).
    pub fn words(&self) -> impl Iterator<Item = &String> {
        self.words.iter()
    }

    pub fn redacts(&self) -> bool {
        self.redact
    }

    /// A person's name: in full, or by initials.
    pub fn name(&self, name: &str) -> String {
        if self.redact {
            initials(name)
        } else {
            name.to_owned()
        }
    }

    /// What a reference to a person (`with:`, `for:`, `who:`, `by:`, attendees) shows:
    /// a parent's id or a fixed word (`child`, `agency`…) as written, and anything else,
    /// which names nobody of the file (`with: Alicia Reyes`), as a person's name: by
    /// initials when redacting.
    pub fn who(&self, person: &PersonRef) -> String {
        match person {
            // Always a parent of the case this `People` is of (`of`, not `for_row`).
            PersonRef::Parent(index) => self
                .parents
                .get(*index)
                .map(|(id, _)| id.clone())
                .unwrap_or_default(),
            PersonRef::Unlisted(text) => self.reference(text),
            fixed => fixed.fixed_word().unwrap_or_default().to_owned(),
        }
    }

    /// What a reference written as text shows, as `who` shows a resolved one; text that
    /// is a fixed word or a parent id once trimmed (`" child"`, quoted) is as written.
    pub fn reference(&self, reference: &str) -> String {
        let trimmed = reference.trim();
        if ROLE_WORDS.contains(&trimmed) || self.parents.iter().any(|(id, _)| id == trimmed) {
            return reference.to_owned();
        }
        self.name(reference)
    }

    /// The name of the person a reference is to: a parent gives the parent's name;
    /// anyone else is shown as `who` shows them.
    pub fn name_of(&self, person: &PersonRef) -> String {
        match person {
            PersonRef::Parent(index) if *index < self.parents.len() => self.name(&self.parents[*index].1),
            _ => self.who(person),
        }
    }

    /// Free text with every word of a name cut to its initial when redacting.
    pub fn text(&self, text: &str) -> String {
        if !self.redact || self.words.is_empty() {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find(char::is_alphanumeric) {
            out.push_str(&rest[..start]);
            let len = rest[start..]
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len() - start);
            let word = &rest[start..start + len];
            rest = &rest[start + len..];
            // "… Jolene." must not become "J..".
            let dot = if rest.starts_with('.') { "" } else { "." };
            out.push_str(&self.redact_word(word, dot));
        }
        out.push_str(rest);
        out
    }

    /// A word of free text: its initial when it is a name word, with the name words of
    /// scripts that join words cut inside it too.
    fn redact_word(&self, word: &str, dot: &str) -> String {
        let folded = word.to_lowercase();
        if self.words.contains(&folded) {
            return format!("{}{dot}", initial(word));
        }
        let mut out = word.to_owned();
        for name in self.words.iter().filter(|w| w.chars().any(joins_words)) {
            if out.to_lowercase().contains(name.as_str()) {
                out = replace_folded(&out, name);
            }
        }
        out
    }
}

/// "Jordan Smith" → "J. S."; "Rosa Delgado (maternal grandmother)" → "R. D. (m. g.)".
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .map(|word| {
            let (open, rest) = match word.strip_prefix('(') {
                Some(rest) => ("(", rest),
                None => ("", word),
            };
            let close = if rest.ends_with(')') { ")" } else { "" };
            match rest.chars().find(|c| c.is_alphanumeric()) {
                Some(first) => format!("{open}{first}.{close}"),
                None => String::new(),
            }
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first letter of a word, as a capital where the script has capitals.
fn initial(word: &str) -> String {
    word.chars()
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default()
}

/// The words of names that identify someone: every word of two letters or more (or
/// one letter of a script that writes a name in few signs), lower-cased, except the
/// words that only say how a name is written ("family", "de").
pub fn name_words_of<'a>(names: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    names
        .flat_map(|name| name.split(|c: char| !c.is_alphanumeric()))
        .map(str::to_lowercase)
        .filter(|w| {
            let long_enough = w.chars().count() >= 2 || w.chars().any(joins_words);
            long_enough && !NOT_NAME_WORDS.contains(&w.as_str())
        })
        .collect()
}

/// Whether `c` is of a script whose names cannot be told from the words around them by
/// spaces: Chinese, Japanese and Korean, Thai, Lao, Khmer, Myanmar (written without
/// spaces), and Arabic and Hebrew (which join prefixes such as "and", "the" to a word).
fn joins_words(c: char) -> bool {
    matches!(u32::from(c),
        0x0590..=0x05FF          // Hebrew
        | 0x0600..=0x06FF        // Arabic
        | 0x0750..=0x077F        // Arabic supplement
        | 0x0E00..=0x0EFF        // Thai, Lao
        | 0x1000..=0x109F        // Myanmar
        | 0x1780..=0x17FF        // Khmer
        | 0x1100..=0x11FF        // Hangul jamo
        | 0x3040..=0x30FF        // Hiragana, Katakana
        | 0x3400..=0x4DBF        // CJK extension A
        | 0x4E00..=0x9FFF        // CJK unified ideographs
        | 0xAC00..=0xD7AF        // Hangul syllables
        | 0xF900..=0xFAFF        // CJK compatibility
        | 0x20000..=0x2FA1F      // CJK extensions B–F
    )
}

/// `text` with every occurrence of `name` (lower-cased), whatever its case, cut to
/// its initial and a dot.
fn replace_folded(text: &str, name: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let name: Vec<char> = name.chars().collect();
    let lower: Vec<char> = chars
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if lower[i..].starts_with(&name) {
            out.push_str(&initial(&chars[i].to_string()));
            out.push('.');
            i += name.len();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(redact: bool) -> People {
        let mut case = Case::default();
        case.child.name = "Caleb Ferris".to_owned();
        case.parents.push(crate::model::Parent {
            id: "alicia".to_owned(),
            name: "Alicia Reyes".to_owned(),
            relationship: crate::model::Relationship::Mother,
            whereabouts: crate::model::Whereabouts::Known,
        });
        case.placements.push(crate::model::Placement {
            from: chrono::NaiveDate::MIN,
            to: None,
            setting: crate::model::Setting::Kin,
            caregiver: Some("Harold and June Ferris (paternal grandparents)".to_owned()),
            permanency_willing: None,
            siblings_together: None,
            siblings_apart_reason: None,
        });
        case.search = Some(crate::model::Search {
            found: vec![
                "李小龙".to_owned(),
                "ОЛЕНА Коваль".to_owned(),
                "محمد عبدالله".to_owned(),
            ],
            ..crate::model::Search::default()
        });
        People::of(&case, redact)
    }

    #[test]
    fn redacting_cuts_every_name_word_in_free_text_whatever_its_case() {
        let p = people(true);
        assert_eq!(
            p.text("Caleb's grandparents, Harold and June, met Mr. Ferris."),
            "C.'s grandparents, H. and J., met Mr. F."
        );
        assert_eq!(p.text("calebs and harold stay"), "calebs and H. stay");
        assert_eq!(p.text("CALEB and the family"), "C. and the family");
        assert_eq!(p.text("олена і ОЛЕНА"), "О. і О.");
        assert_eq!(p.text("李小龙来了"), "李.来了");
        assert_eq!(p.text("والمحمد عبدالله"), "والم. ع.");
        assert_eq!(p.name("Caleb Ferris"), "C. F.");
    }

    #[test]
    fn a_name_written_in_place_of_an_id_is_cut_to_initials() {
        let p = people(true);
        assert_eq!(p.reference("alicia"), "alicia", "an id as written");
        assert_eq!(p.reference("Alicia Reyes"), "A. R.");
        assert_eq!(p.reference("Grandma Joan"), "G. J.", "nobody of the file");
        assert_eq!(p.reference("agency"), "agency");
        assert_eq!(p.who(&PersonRef::Parent(0)), "alicia", "an id as written");
        assert_eq!(p.who(&PersonRef::Agency), "agency");
        assert_eq!(p.who(&PersonRef::Unlisted("Grandma Joan".to_owned())), "G. J.");
        assert_eq!(p.who(&PersonRef::Unlisted(" child".to_owned())), " child");
        assert_eq!(p.name_of(&PersonRef::Parent(0)), "A. R.");
        assert_eq!(people(false).name_of(&PersonRef::Parent(0)), "Alicia Reyes");
        assert_eq!(people(false).reference("Alicia Reyes"), "Alicia Reyes");
    }

    #[test]
    fn without_redact_nothing_changes() {
        let p = people(false);
        assert_eq!(p.text("Caleb attends"), "Caleb attends");
        assert_eq!(p.name("Caleb Ferris"), "Caleb Ferris");
    }

    #[test]
    fn initials_keep_only_first_letters() {
        assert_eq!(initials("Jordan Smith"), "J. S.");
        assert_eq!(initials("Rosa Delgado (maternal grandmother)"), "R. D. (m. g.)");
        assert_eq!(initials("  Ana  "), "A.");
        assert_eq!(initials("Émile O'Neil"), "É. O.");
        assert_eq!(initials(""), "");
    }
}
