//! Rule codes. A code is made only by `Code::new` in a `const`, which refuses at
//! compile time anything but `CP` and three digits: a misspelt `"CP0O4"` does not
//! build, and every place that reports a rule names its constant.
//!
//! The loader's codes live here, below `load/`, which reports them; every other
//! code is the `code` of its rule, beside the rule's check in `rules/`.

use std::fmt;

/// A rule's code, `CP102`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code(&'static str);

/// Not a readable YAML mapping.
pub const CP001: Code = Code::new("CP001");
/// A key the case format does not define.
pub const CP002: Code = Code::new("CP002");
/// A required key missing or empty.
pub const CP003: Code = Code::new("CP003");
/// A value of the wrong type or not one of the allowed words.
pub const CP004: Code = Code::new("CP004");
/// A mapping repeats a key.
pub const CP008: Code = Code::new("CP008");

impl Code {
    /// Panics, which in a `const` is a compile error, unless `code` is `CP` and three digits.
    pub const fn new(code: &'static str) -> Code {
        let b = code.as_bytes();
        assert!(
            b.len() == 5
                && b[0] == b'C'
                && b[1] == b'P'
                && b[2].is_ascii_digit()
                && b[3].is_ascii_digit()
                && b[4].is_ascii_digit(),
            "a rule code is CP and three digits"
        );
        Code(code)
    }

    pub const fn as_str(self) -> &'static str {
        self.0
    }

    /// The file rules, CP0xx: a file that breaks one cannot be trusted, so a profile
    /// cannot turn their errors off or lower them.
    pub const fn is_file_rule(self) -> bool {
        self.0.as_bytes()[2] == b'0'
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<String> for Code {
    fn eq(&self, other: &String) -> bool {
        self.0 == other
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_rules_are_the_cp0xx_codes() {
        assert!(CP008.is_file_rule());
        assert!(!Code::new("CP101").is_file_rule());
        assert!(!Code::new("CP901").is_file_rule());
    }
}
