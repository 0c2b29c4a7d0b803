//! Reading case files: where they are, their bytes, their YAML, and the model.

pub mod convert;
pub mod discover;
pub mod node;
pub mod parse;
pub mod positions;

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use crate::finding::{Finding, Loc, Severity, shared_path};
use crate::model::Case;
pub use discover::{Discovered, POLICY_FILE, discover};
pub use positions::Positions;

/// The default largest case file read, in bytes. Real case files are a few KB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Settings of the loader.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// One case file after reading: the case (when its core could be read), where
/// everything is in it, and the file-level findings.
#[derive(Debug)]
pub struct CaseFile {
    pub path: Arc<Path>,
    pub case: Option<Case>,
    pub positions: Positions,
    pub findings: Vec<Finding>,
    /// The file's text, kept so later rules can draw their source lines; dropped
    /// once the file has been checked.
    pub text: Arc<str>,
}

impl CaseFile {
    /// Fills in the source line of every finding that points into this file.
    pub fn attach_source_lines(&self, findings: &mut [Finding]) {
        attach_source_lines(&self.text, findings);
    }
}

/// Reads, parses and converts one file. Never fails: every problem is a finding.
pub fn load_file(path: &Path, options: LoadOptions) -> CaseFile {
    let shared = shared_path(path);
    let mut file = CaseFile {
        path: Arc::clone(&shared),
        case: None,
        positions: Positions::default(),
        findings: Vec::new(),
        text: Arc::from(""),
    };
    let bytes = match read_limited(path, options.max_file_bytes) {
        Ok(bytes) => bytes,
        Err(finding) => {
            file.findings.push(finding.into_finding(&shared));
            return file;
        }
    };
    let text = match parse::decode(&bytes) {
        Ok(text) => text,
        Err(e) => {
            file.findings.push(unreadable_finding(&shared, e));
            return file;
        }
    };
    read_text(file, text)
}

/// Reads a case from text already in memory (tests, fuzzing); `path` names it in findings.
pub fn load_text(path: &Path, text: &str) -> CaseFile {
    let file = CaseFile {
        path: shared_path(path),
        case: None,
        positions: Positions::default(),
        findings: Vec::new(),
        text: Arc::from(""),
    };
    read_text(file, text)
}

fn read_text(mut file: CaseFile, text: &str) -> CaseFile {
    file.text = Arc::from(text);
    match parse::parse_document(text) {
        Ok(root) => {
            let mut conv = convert::Conv::new(&file.path);
            file.case = convert::convert_case(&mut conv, &root);
            for finding in &mut conv.findings {
                finding.case.clone_from(&conv.case_id);
            }
            file.findings = conv.findings;
            file.positions = conv.positions;
        }
        Err(e) => file.findings.push(unreadable_finding(&file.path, e)),
    }
    attach_source_lines(text, &mut file.findings);
    file
}

fn unreadable_finding(path: &Arc<Path>, e: parse::Unreadable) -> Finding {
    let mut finding = Finding::new("CP001", Severity::Error, path, e.message).at_opt(e.loc);
    finding.help = e.help;
    finding
}

/// A read failure before any YAML: too large, or the OS said no.
struct ReadFailure {
    message: String,
    help: Option<&'static str>,
}

impl ReadFailure {
    fn into_finding(self, path: &Arc<Path>) -> Finding {
        let mut finding = Finding::new("CP001", Severity::Error, path, self.message);
        finding.help = self.help.map(str::to_owned);
        finding
    }
}

fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadFailure> {
    let cannot_read = |e: std::io::Error| ReadFailure {
        message: format!("cannot read the file: {}", io_reason(&e)),
        help: None,
    };
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let mut bytes = Vec::new();
    // Read one byte past the limit rather than trusting the size the folder reports.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > limit {
        return Err(ReadFailure {
            message: format!(
                "the file is larger than the {} limit for a case file",
                human_size(limit)
            ),
            help: Some(
                "case files are a few KB; raise `max_file_size` in cplan.yaml if this one really is a case",
            ),
        });
    }
    Ok(bytes)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::NotFound => "it does not exist (a broken link?)".to_owned(),
        _ if e.raw_os_error() == Some(21) => "it is a folder".to_owned(),
        _ => e.to_string(),
    }
}

/// "4 MiB", "512 KiB", "100 bytes".
pub fn human_size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// Fills in `source_line` for findings that have a position.
pub fn attach_source_lines(text: &str, findings: &mut [Finding]) {
    if findings
        .iter()
        .all(|f| f.loc.is_none() || f.source_line.is_some())
    {
        return;
    }
    let lines: Vec<&str> = text.lines().collect();
    for finding in findings.iter_mut().filter(|f| f.source_line.is_none()) {
        if let Some(Loc { line, .. }) = finding.loc {
            finding.source_line = lines
                .get(line as usize - 1)
                .map(|l| l.trim_end_matches('\r').to_owned());
        }
    }
}
