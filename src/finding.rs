//! A finding: one thing `check` reports about one file, with where it is.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub mod code;

pub use code::Code;

/// How serious a finding is. Ordered so that `Error > Warning > Info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn word(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Reads the words used in `cplan.yaml` and `--deny`.
    pub fn from_word(word: &str) -> Option<Severity> {
        match word {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// A 1-based line and column in a file, as editors count them (columns in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Loc {
    pub line: u32,
    pub column: u32,
}

impl Loc {
    pub const fn new(line: u32, column: u32) -> Loc {
        Loc { line, column }
    }

    /// The position of a whole file (first character), for findings about the file itself.
    pub const START: Loc = Loc::new(1, 1);
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// One reported problem.
///
/// A finding carries the text of the line it points at, so that it can be drawn
/// rustc-style long after the file itself has been dropped (the loader never keeps
/// a whole folder of files in memory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Code,
    pub severity: Severity,
    pub message: String,
    pub file: Arc<Path>,
    /// `None` when the problem has no place inside the file (unreadable, too large).
    pub loc: Option<Loc>,
    /// How many characters from `loc` the marker under the source line covers.
    pub width: u32,
    pub case: Option<String>,
    pub help: Option<String>,
    /// The source line at `loc`, filled in by the loader before the file is dropped.
    pub source_line: Option<String>,
    /// The correction, when it is certain (an editor offers it as a quick fix).
    pub fix: Option<Box<Fix>>,
}

/// A correction that is certain: the text `original`, written at `loc`, becomes
/// `replacement`. The original is kept so that an editor offers the fix only while
/// the file still says it there (a quoted key starts one column earlier).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub loc: Loc,
    pub original: String,
    pub replacement: String,
}

impl Fix {
    pub fn new(loc: Loc, original: &str, replacement: &str) -> Box<Fix> {
        Box::new(Fix {
            loc,
            original: original.to_owned(),
            replacement: replacement.to_owned(),
        })
    }
}

impl Finding {
    pub fn new(rule: Code, severity: Severity, file: &Arc<Path>, message: String) -> Self {
        Finding {
            rule,
            severity,
            message,
            file: Arc::clone(file),
            loc: None,
            width: 1,
            case: None,
            help: None,
            source_line: None,
            fix: None,
        }
    }

    pub fn at(mut self, loc: Loc) -> Self {
        self.loc = Some(loc);
        self
    }

    pub fn at_opt(mut self, loc: Option<Loc>) -> Self {
        self.loc = loc;
        self
    }

    pub fn width(mut self, width: usize) -> Self {
        self.width = u32::try_from(width.max(1)).unwrap_or(u32::MAX);
        self
    }

    /// The one way to give a finding its help line, while it is built or after a
    /// rule has emitted it.
    pub fn set_help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    pub fn file_path(&self) -> &Path {
        &self.file
    }

    /// The order findings are printed in: by file, then position, then rule code.
    /// Findings are sorted by file, place and rule with a stable sort: several findings
    /// of one rule at one place keep the order the rule gave them (the months of CP204
    /// by date), which the message's alphabetical order would not.
    pub fn sort_key(&self) -> (&Path, Option<Loc>, Code) {
        (&self.file, self.loc, self.rule)
    }
}

/// The owned path type findings share; one allocation per file, not per finding.
pub fn shared_path(path: &Path) -> Arc<Path> {
    Arc::from(PathBuf::from(path).into_boxed_path())
}
