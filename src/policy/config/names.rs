//! Profile names: what `cplan.yaml` may define and a case or `new --jurisdiction` may name.

/// The longest profile name.
const MAX_NAME: usize = 64;

/// A profile name is written into case files and printed in reports, so it is plain:
/// lower-case ASCII letters, digits, `-` and `_`. `Err` says what to write instead.
pub fn check_profile_name(name: &str) -> Result<(), String> {
    let plain = |n: &str| {
        !n.is_empty()
            && n.len() <= MAX_NAME
            && n.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_'))
    };
    if plain(name) {
        return Ok(());
    }
    let hint = if name.is_empty() {
        "a profile needs a name".to_owned()
    } else if name.len() > MAX_NAME {
        format!("a profile name has at most {MAX_NAME} characters")
    } else if plain(&name.to_ascii_lowercase()) {
        format!("write it in lower case, `{}`", name.to_ascii_lowercase())
    } else {
        "use lower-case letters a-z, digits, `-` and `_`, e.g. `pilot` or `san-mateo`".to_owned()
    };
    Err(format!("`{}` cannot be a profile name: {hint}", shown(name)))
}

/// A name as it can be shown in a message: control characters escaped, cut short.
fn shown(name: &str) -> String {
    let escaped: String = name.escape_debug().take(MAX_NAME + 1).collect();
    if escaped.chars().count() > MAX_NAME {
        format!("{}…", escaped.chars().take(MAX_NAME).collect::<String>())
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_lower_case_names_only() {
        for good in ["federal", "san-mateo", "pilot_2", "123", "-x", &"a".repeat(64)] {
            assert_eq!(check_profile_name(good), Ok(()), "{good}");
        }
        let why = |name: &str| check_profile_name(name).expect_err(name);
        assert_eq!(
            why("Pilot"),
            "`Pilot` cannot be a profile name: write it in lower case, `pilot`"
        );
        assert_eq!(
            why("x\nnotes: y"),
            "`x\\nnotes: y` cannot be a profile name: use lower-case letters a-z, digits, `-` and `_`, \
             e.g. `pilot` or `san-mateo`"
        );
        assert_eq!(why(""), "`` cannot be a profile name: a profile needs a name");
        let long = "a".repeat(65);
        assert_eq!(
            why(&long),
            format!(
                "`{}…` cannot be a profile name: a profile name has at most 64 characters",
                "a".repeat(64)
            )
        );
        for bad in [
            "san mateo",
            "a/b",
            "../x",
            "é",
            "x\u{202e}",
            "x\r",
            "kansas.",
            "\u{1b}[31m",
        ] {
            assert!(check_profile_name(bad).is_err(), "{bad:?}");
        }
    }
}
