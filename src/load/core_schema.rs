//! The YAML 1.2 core schema: what a plain scalar is read as (YAML 1.2.2, 10.3.2).
//!
//! Only the core schema's spellings count: `yes`, `no`, `on` and `off` are words (YAML
//! 1.1 read them as true/false), and `0142` is the integer 142 to the schema, which the
//! converter keeps as the text `0142` wherever it reads an id.

/// A core-schema type: of a plain scalar by its spelling, or of any scalar by its tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoreType {
    Null,
    Bool,
    Int,
    Float,
    Str,
}

impl CoreType {
    /// The type a core tag names (`!!str` → `str`), if it is one.
    pub fn from_tag_suffix(suffix: &str) -> Option<CoreType> {
        Some(match suffix {
            "null" => CoreType::Null,
            "bool" => CoreType::Bool,
            "int" => CoreType::Int,
            "float" => CoreType::Float,
            "str" => CoreType::Str,
            _ => return None,
        })
    }
}

/// What the core schema reads a plain scalar as.
pub fn resolve_plain(text: &str) -> CoreType {
    // Most scalars of a case file are words and dates: only these can start anything else.
    if !text.is_empty()
        && !text.starts_with(['~', 'n', 'N', 't', 'T', 'f', 'F', '+', '-', '.'])
        && !text.as_bytes()[0].is_ascii_digit()
    {
        return CoreType::Str;
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => CoreType::Null,
        "true" | "True" | "TRUE" | "false" | "False" | "FALSE" => CoreType::Bool,
        _ if int_value(text).is_some() || is_int_spelling(text) => CoreType::Int,
        _ if is_float(text) => CoreType::Float,
        _ => CoreType::Str,
    }
}

/// `true`/`false` of a core-schema boolean spelling.
pub fn bool_value(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// The value of a core-schema integer (`12`, `+12`, `-3`, `007`, `0o17`, `0x1F`) that
/// fits in an `i64`.
pub fn int_value(text: &str) -> Option<i64> {
    if let Some(octal) = text.strip_prefix("0o") {
        return digits(octal, 8);
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return digits(hex, 16);
    }
    let (negative, magnitude) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let value = digits(magnitude, 10)?;
    Some(if negative { -value } else { value })
}

/// Digits of `radix` only (no sign, no underscore), as `i64`.
fn digits(text: &str, radix: u32) -> Option<i64> {
    if text.is_empty() || !text.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    i64::from_str_radix(text, radix).ok()
}

/// An integer too large for `i64` is still an integer to the schema.
fn is_int_spelling(text: &str) -> bool {
    let magnitude = text.strip_prefix(['-', '+']).unwrap_or(text);
    !magnitude.is_empty() && magnitude.bytes().all(|b| b.is_ascii_digit())
}

/// `[-+]? ( . [0-9]+ | [0-9]+ ( . [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`, `.inf`, `.nan`.
fn is_float(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(text, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => {
            all_digits(whole) && all_digits(fraction) && !(whole.is_empty() && fraction.is_empty())
        }
        None => !mantissa.is_empty() && all_digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let digits = e.strip_prefix(['-', '+']).unwrap_or(e);
        !digits.is_empty() && all_digits(digits)
    });
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_resolve_by_the_core_schema() {
        for null in ["", "~", "null", "Null", "NULL"] {
            assert_eq!(resolve_plain(null), CoreType::Null, "{null:?}");
        }
        for boolean in ["true", "True", "TRUE", "false", "FALSE"] {
            assert_eq!(resolve_plain(boolean), CoreType::Bool, "{boolean}");
        }
        for int in [
            "0",
            "12",
            "-3",
            "+7",
            "0142",
            "0o17",
            "0x1F",
            "99999999999999999999",
        ] {
            assert_eq!(resolve_plain(int), CoreType::Int, "{int}");
        }
        for float in [
            "1.5", "1.10", "-.5", "1.", "1e3", "2.5E-2", ".inf", "-.Inf", ".NaN",
        ] {
            assert_eq!(resolve_plain(float), CoreType::Float, "{float}");
        }
        for text in [
            "yes",
            "no",
            "on",
            "off",
            "y",
            "nULL",
            "tRUE",
            "1.1.1",
            "2026-01-10",
            "0x",
            "0o8",
            ".",
            "1e",
            "1_000",
            "+",
            "-",
            "12 monkeys",
            ".5.",
            "e3",
            "0b101",
        ] {
            assert_eq!(resolve_plain(text), CoreType::Str, "{text}");
        }
    }

    #[test]
    fn integers_have_their_value() {
        assert_eq!(int_value("007"), Some(7));
        assert_eq!(int_value("-12"), Some(-12));
        assert_eq!(int_value("0x1F"), Some(31));
        assert_eq!(int_value("0o17"), Some(15));
        assert_eq!(int_value("1.0"), None);
        assert_eq!(int_value("99999999999999999999"), None);
        assert_eq!(bool_value("True"), Some(true));
        assert_eq!(bool_value("yes"), None);
    }
}
