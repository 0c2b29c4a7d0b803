//! `--redact`: people by initials only, for reports shared beyond the case team.

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

/// A person's name as a report shows it.
pub fn person(name: &str, redact: bool) -> String {
    if redact { initials(name) } else { name.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn keeps_only_first_letters() {
        assert_eq!(initials("Jordan Smith"), "J. S.");
        assert_eq!(initials("Rosa Delgado (maternal grandmother)"), "R. D. (m. g.)");
        assert_eq!(initials("  Ana  "), "A.");
        assert_eq!(initials("Émile O'Neil"), "É. O.");
        assert_eq!(initials(""), "");
    }
}
