//! Bytes of a file → a YAML node tree, or the one reason it cannot be read (CP001).

use serde_saphyr::{DuplicateKeyPolicy, Options};

use super::node::{Node, Value};
use crate::finding::Loc;

/// Why a file is not a readable case document. Always reported as CP001.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Unreadable {
    pub message: String,
    pub loc: Option<Loc>,
    pub help: Option<String>,
}

impl Unreadable {
    fn new(message: impl Into<String>, loc: Option<Loc>) -> Self {
        Unreadable {
            message: message.into(),
            loc,
            help: None,
        }
    }

    fn help(mut self, help: &str) -> Self {
        self.help = Some(help.to_owned());
        self
    }
}

/// Checks the bytes are UTF-8 text with something in it, and strips a byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<&str, Unreadable> {
    // Before the UTF-8 check, so that a file saved as UTF-16 (Notepad's "Unicode") or a
    // spreadsheet named .yaml is called what it is rather than "not UTF-8 at byte 0xFF".
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(
            Unreadable::new("the file is UTF-16 text, not UTF-8", Some(Loc::START))
                .help("save the file as UTF-8 (most editors offer it under \"Save with encoding\")"),
        );
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let prefix = String::from_utf8_lossy(&bytes[..at]);
        return Err(Unreadable::new(
            "the file holds binary data (a NUL byte), not YAML text",
            Some(loc_at(&prefix, prefix.len())),
        )
        .help("case files are plain text; was a document or spreadsheet saved with a .yaml name?"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| not_utf8(bytes, e.valid_up_to()))?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

fn not_utf8(bytes: &[u8], valid_up_to: usize) -> Unreadable {
    // The valid prefix is UTF-8 by definition, so the position can be counted in characters.
    let prefix = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
    Unreadable::new(
        format!(
            "the file is not UTF-8 text (byte 0x{:02X} cannot be read)",
            bytes.get(valid_up_to).copied().unwrap_or_default()
        ),
        Some(loc_at(prefix, prefix.len())),
    )
    .help("save the file as UTF-8 (most editors offer it under \"Save with encoding\")")
}

/// The line and column (1-based, in characters) of a byte offset into `text`.
pub fn loc_at(text: &str, offset: usize) -> Loc {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    Loc::new(
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

/// The deepest nesting of lists and mappings read. The deepest case file nests seven
/// (`goals[].objectives[].activities[]`, a list inside an activity). Each level costs
/// the recursive deserializer (serde-saphyr's and our `Node`) about 40 KB of stack in
/// a debug build, and files are parsed on rayon's 2 MiB worker stacks: serde-saphyr's
/// default of 64 overflowed them at 50–60 levels, so the limit is 24, for block
/// (`- - -`) and flow (`[[[`) collections alike. Nothing deeper reaches our recursive
/// code (`Node`, its `Drop`, the converter).
pub const MAX_DEPTH: usize = 24;

fn parser_options() -> Options {
    serde_saphyr::options! {
        // Every other limit keeps serde-saphyr's default, which bounds the memory and time
        // of one file whatever its content: 250,000 values (counting those an `*alias`
        // repeats: an alias bomb stops there), 50,000 aliases and anchors, 1,000,000
        // events, 64 MiB of text. A case file has a few thousand values.
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            flow_nesting_limit: MAX_DEPTH,
        },
        // We report repeated keys ourselves (CP008) with both places, and keep going.
        duplicate_keys: DuplicateKeyPolicy::PassThrough,
        // `yes`/`no` stay words; the converter decides per field what they mean.
        strict_booleans: true,
        // Case ids such as 0142 keep their leading zero.
        leading_zero_numbers_as_strings: true,
        // Our own renderer draws the source line.
        with_snippet: false,
    }
}

/// Parses one YAML document, whatever its root: the YAML layer of the loader, which the
/// YAML test suite checks (tests/yaml_suite.rs). No document at all is `Null`.
pub fn parse_yaml(text: &str) -> Result<Node, Unreadable> {
    serde_saphyr::from_str_with_options(text, parser_options()).map_err(|e| yaml_error(&e))
}

/// Parses one YAML document whose root must be a mapping.
pub fn parse_document(text: &str) -> Result<Node, Unreadable> {
    if text.trim().is_empty() {
        return Err(Unreadable::new("the file is empty", Some(Loc::START))
            .help("a case file needs at least `case:`, `worker:`, `child:` and `episodes:`; docs/case-format.md shows a complete example"));
    }
    let node = parse_yaml(text)?;
    match &node.value {
        Value::Map(_) => Ok(node),
        Value::Null => Err(Unreadable::new(
            "the file holds no case (only comments or an empty document)",
            Some(Loc::START),
        )),
        other => Err(Unreadable::new(
            format!(
                "the file is {}, but a case file must be a mapping of `key: value` lines",
                other.kind()
            ),
            Some(node.loc),
        )
        .help("start the file with `case: <id>` at the left margin")),
    }
}

fn yaml_error(error: &serde_saphyr::Error) -> Unreadable {
    let loc = error
        .location()
        .filter(|l| l.line() > 0)
        .map(|l| Loc::new(clamp(l.line()), clamp(l.column())));
    if let Some(message) = limit_message(error) {
        return Unreadable::new(message, loc).help(
            "a case file has a few thousand values at most: was this file generated by a program, or damaged?",
        );
    }
    let mut message = strip_location_suffix(&error.without_snippet().to_string());
    if message.starts_with("multiple YAML documents") {
        message =
            "the file holds more than one YAML document (a second `---`); keep one case per file".to_owned();
    }
    let help = if message.contains("tab") {
        Some("indent with spaces; YAML does not allow tabs for indentation")
    } else {
        None
    };
    let mut unreadable = Unreadable::new(format!("invalid YAML: {message}"), loc);
    if let Some(help) = help {
        unreadable = unreadable.help(help);
    }
    unreadable
}

/// A limit of the parser that the file went over, in words: serde-saphyr says
/// `budget breached: Depth { depth: 65 }`, which a caseworker cannot act on.
fn limit_message(error: &serde_saphyr::Error) -> Option<String> {
    use serde_saphyr::budget::BudgetBreach;
    let mut inner = error;
    while let serde_saphyr::Error::AliasError { error, .. } | serde_saphyr::Error::WithSnippet { error, .. } =
        inner
    {
        inner = error;
    }
    let too_deep =
        || format!("the file is nested too deeply (more than {MAX_DEPTH} levels of lists and mappings)");
    let serde_saphyr::Error::Budget { breach, .. } = inner else {
        // The scanner stops nested `[`/`{` itself, before the budget sees them.
        let text = inner.to_string();
        return text.starts_with("recursion limit exceeded").then(too_deep);
    };
    Some(match breach {
        BudgetBreach::Depth { .. } => too_deep(),
        BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => {
            "the file holds too many values (counting every value an `*alias` repeats)".to_owned()
        }
        BudgetBreach::Aliases { .. } => "the file uses too many `*alias` references".to_owned(),
        BudgetBreach::Anchors { .. } => "the file defines too many `&anchors`".to_owned(),
        BudgetBreach::ScalarBytes { .. } => "the file holds too much text".to_owned(),
        // The rest concern aliases too (replayed copies) or features we do not use.
        other => format!("the file is too large or complex to read ({other:?})"),
    })
}

fn clamp(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX).max(1)
}

/// serde-saphyr appends " at line L, column C"; we show the position separately.
fn strip_location_suffix(message: &str) -> String {
    let message = message.trim();
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}
