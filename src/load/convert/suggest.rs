//! "Did you mean": the known word a mistyped one is closest to, for keys, allowed
//! words, person references, rule codes and profile names alike.

/// Longest text `closest` looks for a typo in.
const MAX_TYPO_LEN: usize = 64;
/// Most known words `closest` compares a typo with.
const MAX_TYPO_CANDIDATES: usize = 256;

/// The known word closest to a mistyped one, when it is close enough to be a typo:
/// a small edit distance (`remved` → `removed`), a prefix (`fost` → `foster`), or a
/// word inside a longer one people write by habit (`caseworker` → `worker`).
pub(crate) fn closest<'a>(typed: &str, known: &[&'a str]) -> Option<&'a str> {
    // Each comparison costs the product of the two lengths, and a caller may ask once per
    // list item: a hostile file with a 3 MB word, or 14,000 parents and as many visits
    // naming nobody, took from seconds to minutes. No key, word or id of the format is
    // that long and no case has that many people, so there is no typo to suggest then.
    if typed.len() > MAX_TYPO_LEN || known.len() > MAX_TYPO_CANDIDATES {
        return None;
    }
    let typed = typed.to_ascii_lowercase();
    let plausible = |k: &str, distance: usize| {
        distance <= (k.len() / 3).max(1)
            || (typed.len() >= 3 && k.starts_with(&typed))
            || (k.len() >= 4 && typed.contains(k))
    };
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&typed, k), *k))
        .filter(|(distance, k)| plausible(k, *distance))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

/// The one known word close to a mistyped one, when no other is close too: then
/// replacing it is certain enough to offer as a quick fix.
pub(crate) fn only_close<'a>(typed: &str, known: &[&'a str]) -> Option<&'a str> {
    let best = closest(typed, known)?;
    let others = known
        .iter()
        .filter(|k| **k != best)
        .any(|k| closest(typed, std::slice::from_ref(k)).is_some());
    (!others).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::{closest, only_close};

    #[test]
    fn a_fix_is_offered_only_for_the_one_close_word() {
        let keys = ["removed", "reason", "court_finding", "removed"];
        assert_eq!(only_close("remved", &keys), Some("removed"));
        assert_eq!(only_close("worker", &["worker", "workers"]), None);
        assert_eq!(only_close("banana", &keys), None);
    }

    #[test]
    fn suggests_only_plausible_typos() {
        let keys = ["removed", "reason", "court_finding", "exited"];
        assert_eq!(closest("remved", &keys), Some("removed"));
        assert_eq!(closest("Removed", &keys), Some("removed"));
        assert_eq!(closest("court_findings", &keys), Some("court_finding"));
        assert_eq!(closest("banana", &keys), None);
        assert_eq!(
            closest("foster_home", &["foster", "kin", "group"]),
            Some("foster")
        );
        assert_eq!(closest("shelter_home", &["foster", "kin", "group"]), None);
        assert_eq!(closest("fost", &["foster", "kin", "group"]), Some("foster"));
        assert_eq!(
            closest("caseworker", &["case", "worker", "child"]),
            Some("worker")
        );
    }

    #[test]
    fn gives_up_on_a_huge_word_or_a_huge_list() {
        let long = format!("{}worker", "x".repeat(100));
        assert_eq!(closest(&long, &["worker"]), None);
        let ids: Vec<String> = (0..1000).map(|i| format!("p{i}")).collect();
        let known: Vec<&str> = ids.iter().map(String::as_str).collect();
        assert_eq!(closest("p1", &known), None);
        assert_eq!(closest("p1", &known[..10]), Some("p1"));
    }
}
