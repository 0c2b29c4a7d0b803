//! Reading case files: where they are, their bytes, their YAML, and the model.

pub mod convert;
pub mod core_schema;
pub mod discover;
pub mod node;
pub mod parse;
pub mod positions;
pub mod tree;

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use crate::finding::{Finding, Loc, Severity, code, shared_path};
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
    load_file_as(path, Opening::RegularOnly, options)
}

/// Which files may be opened. Walking a folder opens regular files only: a named pipe
/// or a device with a case file's name would hang the run or never end. A path typed
/// on the command line is what the user asked for, so `/dev/stdin` or a process
/// substitution (`<(cat f.yaml)`) is read as one case, still no more than the size limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    RegularOnly,
    AnyNamed,
}

/// `load_file`, opening the file as `opening` allows.
pub fn load_file_as(path: &Path, opening: Opening, options: LoadOptions) -> CaseFile {
    match read_limited(path, opening, options.max_file_bytes) {
        Ok(bytes) => load_bytes(path, &bytes, options),
        Err(failure) => {
            let mut file = empty_file(path);
            file.findings.push(failure.into_finding(&file.path));
            file
        }
    }
}

/// Reads one case from standard input (`cplan check -`), no more than the size limit;
/// `name` names it in findings.
pub fn load_stdin(name: &Path, options: LoadOptions) -> CaseFile {
    let mut bytes = Vec::new();
    let read = std::io::stdin()
        .lock()
        .take(options.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes);
    match read {
        Ok(_) => load_bytes(name, &bytes, options),
        Err(e) => {
            let mut file = empty_file(name);
            let failure = ReadFailure {
                message: format!("cannot read standard input: {}", io_reason(&e)),
                help: None,
            };
            file.findings.push(failure.into_finding(&file.path));
            file
        }
    }
}

/// What `load_file` does with a file's bytes (the size limit, decoding, parsing and
/// conversion), for bytes already in memory: the fuzz target's entry.
pub fn load_bytes(path: &Path, bytes: &[u8], options: LoadOptions) -> CaseFile {
    let mut file = empty_file(path);
    if bytes.len() as u64 > options.max_file_bytes {
        let failure = ReadFailure {
            message: format!(
                "the file is larger than the {} limit for a case file",
                human_size(options.max_file_bytes)
            ),
            help: Some(
                "case files are a few KB; raise `max_file_size` in cplan.yaml if this one really is a case",
            ),
        };
        file.findings.push(failure.into_finding(&file.path));
        return file;
    }
    match parse::decode(bytes) {
        Ok(text) => read_text(file, text),
        Err(e) => {
            file.findings.push(unreadable_finding(&file.path, e));
            file
        }
    }
}

/// The text of the case file at `path` as `load_file` reads it (size limit, decoding),
/// read again after the run: the folder rules draw their few source lines from it
/// rather than keep every line they might report on. `None` when it cannot be read.
pub fn read_text_again(path: &Path, options: LoadOptions) -> Option<String> {
    let bytes = read_limited(path, Opening::RegularOnly, options.max_file_bytes).ok()?;
    if bytes.len() as u64 > options.max_file_bytes {
        return None;
    }
    parse::decode(&bytes).ok().map(str::to_owned)
}

fn empty_file(path: &Path) -> CaseFile {
    CaseFile {
        path: shared_path(path),
        case: None,
        positions: Positions::default(),
        findings: Vec::new(),
        text: Arc::from(""),
    }
}

/// Reads a case from text already in memory (tests, fuzzing); `path` names it in findings.
pub fn load_text(path: &Path, text: &str) -> CaseFile {
    read_text(empty_file(path), text)
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
    let mut finding = Finding::new(code::CP001, Severity::Error, path, e.message).at_opt(e.loc);
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
        let mut finding = Finding::new(code::CP001, Severity::Error, path, self.message);
        finding.help = self.help.map(str::to_owned);
        finding
    }
}

/// Reads at most `limit` bytes of a regular file (a link to one is followed), for files
/// cplan reads besides case files (`cplan.yaml`); the error says why in words.
pub fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let bytes = read_limited(path, Opening::RegularOnly, limit).map_err(|f| f.message)?;
    if bytes.len() as u64 > limit {
        return Err(format!("the file is larger than the {} limit", human_size(limit)));
    }
    Ok(bytes)
}

fn read_limited(path: &Path, opening: Opening, limit: u64) -> Result<Vec<u8>, ReadFailure> {
    let cannot_read = |e: std::io::Error| ReadFailure {
        message: format!("cannot read the file: {}", io_reason(&e)),
        help: None,
    };
    // Opening a named pipe blocks until something writes to it, and a device may never
    // end: a link named x.yaml to either would hang the whole run. Only regular files
    // are opened (the metadata follows links, as `open` does), unless the path was typed.
    let metadata = std::fs::metadata(path).map_err(cannot_read)?;
    if metadata.is_dir() || (!metadata.is_file() && opening == Opening::RegularOnly) {
        let what = if metadata.is_dir() {
            "it is a folder"
        } else {
            "it is a named pipe, socket or device, not a regular file"
        };
        return Err(ReadFailure {
            message: format!("cannot read the file: {what}"),
            help: None,
        });
    }
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    // Room for the size the folder reports, so that reading does not grow the buffer
    // eight times over for a case file of a few KB (not trusted beyond the limit).
    let expected = metadata.len().min(limit).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    // Read one byte past the limit rather than trusting the size the folder reports;
    // `load_bytes` reports a file that long as too large.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    Ok(bytes)
}

/// "Too many levels of symbolic links" (no stable `ErrorKind` names it yet).
const ELOOP: i32 = if cfg!(target_os = "linux") { 40 } else { 62 };

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::NotFound => "it does not exist (a broken link?)".to_owned(),
        _ if e.raw_os_error() == Some(21) => "it is a folder".to_owned(),
        _ if cfg!(unix) && e.raw_os_error() == Some(ELOOP) => {
            "it is a symbolic link that leads back to itself (a loop of links)".to_owned()
        }
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

/// How many findings on one line get a copy of its text (in one call). Every finding
/// owns its copy, so a long line holding thousands of findings (`visits: [{}, {}, …]`,
/// three CP003 each) cost their number times its length: 8,000 items took 580 MB, and
/// a 300 KB file would have taken 90 GB. Past this many, a finding is shown with its
/// line and column but without the text; no real line has that many findings.
pub const SOURCE_COPIES_PER_LINE: usize = 16;

/// Fills in `source_line` for findings that have a position.
pub fn attach_source_lines(text: &str, findings: &mut [Finding]) {
    let mut wanted: Vec<usize> = (findings.iter())
        .filter(|f| f.source_line.is_none())
        .filter_map(|f| f.loc.map(|loc| line_index(loc.line)))
        .collect();
    if wanted.is_empty() {
        return;
    }
    wanted.sort_unstable();
    wanted.dedup();
    let lines = lines_at(text, &wanted);
    let mut copies = vec![0_usize; wanted.len()];
    for finding in findings.iter_mut().filter(|f| f.source_line.is_none()) {
        let Some(Loc { line, .. }) = finding.loc else {
            continue;
        };
        let Ok(at) = wanted.binary_search(&line_index(line)) else {
            continue;
        };
        if let (Some(Some(text)), Some(count)) = (lines.get(at), copies.get_mut(at))
            && *count < SOURCE_COPIES_PER_LINE
        {
            *count += 1;
            finding.source_line = Some(text.trim_end_matches('\r').to_owned());
        }
    }
}

/// The index of a 1-based line number (line 0, which no position has, reads as line 1).
fn line_index(line: u32) -> usize {
    (line as usize).saturating_sub(1)
}

/// The text of each line whose index is in `wanted` (sorted), `None` past the end, as
/// `str::lines` counts them. One pass with `memchr`, stopping at the last line wanted:
/// this is asked of every file with a finding, for a few of its lines.
fn lines_at<'t>(text: &'t str, wanted: &[usize]) -> Vec<Option<&'t str>> {
    let mut lines = Vec::with_capacity(wanted.len());
    let mut wanted = wanted.iter().peekable();
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    for (index, end) in ends.enumerate() {
        // After a final newline there is no line, as `str::lines` says.
        let line = (start < text.len()).then(|| &text[start..end]);
        while wanted.next_if_eq(&&index).is_some() {
            lines.push(line);
        }
        if wanted.peek().is_none() {
            break;
        }
        start = end + 1;
    }
    lines.resize(lines.len() + wanted.count(), None);
    lines
}

#[cfg(test)]
mod tests {
    use super::lines_at;

    #[test]
    fn lines_are_counted_as_str_lines_counts_them() {
        let texts = [
            "",
            "\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "a\n\nb\n\n",
            "\n\nc",
            "é\nü\r\n\n",
        ];
        let without_cr = |lines: Vec<Option<&'static str>>| -> Vec<Option<&'static str>> {
            (lines.into_iter())
                .map(|line| line.map(|l| l.strip_suffix('\r').unwrap_or(l)))
                .collect()
        };
        for text in texts {
            let every: Vec<usize> = (0..6).collect();
            let expected: Vec<Option<&str>> = every.iter().map(|&i| text.lines().nth(i)).collect();
            assert_eq!(without_cr(lines_at(text, &every)), expected, "{text:?}");
            let some = without_cr(lines_at(text, &[1, 4]));
            assert_eq!(some, [expected[1], expected[4]], "{text:?}");
        }
    }
}
