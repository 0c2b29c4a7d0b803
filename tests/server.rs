//! `cplan server` driven over standard input and output as an editor drives it:
//! Content-Length framed JSON-RPC, every answer awaited with a time limit so that a
//! server that hangs fails the test instead of blocking CI.

use std::collections::VecDeque;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use serde_json::{Value, json};

#[path = "common/lsp_frame.rs"]
mod lsp_frame;
use lsp_frame::read_frame;

const AS_OF: &str = "2026-11-24";
/// The longest any answer may take (a debug build on a busy machine).
const PATIENCE: Duration = Duration::from_secs(30);

struct Client {
    /// The cache folder the server writes the rule pages in.
    cache: tempfile::TempDir,
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Messages read while waiting for another.
    queue: VecDeque<Value>,
    next_id: i64,
}

impl Client {
    /// Starts `cplan server` and initializes it, offering `encodings` (none: UTF-16).
    fn start(encodings: &[&str]) -> (Client, Value) {
        let cache = tempfile::tempdir().expect("temp dir");
        let mut child = Command::new(insta_cmd::get_cargo_bin("cplan"))
            .arg("server")
            .env("XDG_CACHE_HOME", cache.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("cplan server starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_frame(&mut reader) {
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            cache,
            child,
            stdin,
            incoming,
            queue: VecDeque::new(),
            next_id: 0,
        };
        let mut capabilities = json!({
            "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
        });
        if !encodings.is_empty() {
            capabilities["general"] = json!({"positionEncodings": encodings});
        }
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": capabilities,
                "initializationOptions": {"cplan": {"asOf": AS_OF}},
            }),
        );
        client.notify("initialized", json!({}));
        (client, result)
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).expect("the server reads");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its answer (an error answer too).
    fn request_raw(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m["id"] == json!(id) && m.get("method").is_none())
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let answer = self.request_raw(method, params);
        assert!(answer.get("error").is_none(), "{method}: {answer}");
        answer["result"].clone()
    }

    fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(at) = self.queue.iter().position(&wanted) {
            return self.queue.remove(at).expect("queued");
        }
        loop {
            let message = self
                .incoming
                .recv_timeout(PATIENCE)
                .expect("the server answers in time");
            if wanted(&message) {
                return message;
            }
            self.queue.push_back(message);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let message =
            self.wait_for(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri);
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        let document = json!({"uri": uri, "languageId": "yaml", "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({"textDocument": document}));
        self.diagnostics(uri)
    }

    fn replace_text(&mut self, uri: &str, version: i64, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": text}],
            }),
        );
        self.diagnostics(uri)
    }

    /// Shuts the server down as a client does; it must exit 0.
    fn shut_down(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        for _ in 0..300 {
            if let Some(status) = self.child.try_wait().expect("status") {
                assert!(status.success(), "{status}");
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        panic!("the server did not exit after `exit`");
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The fixture folder copied to a temporary folder (tests change files in it).
fn cases() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix("cases")
        .tempdir()
        .expect("temp dir");
    let folder = dir.path().canonicalize().expect("real path");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/server");
    for name in ["2026-0142.yaml", "2026-0143.yaml"] {
        std::fs::copy(fixtures.join(name), folder.join(name)).expect("copy");
    }
    (dir, folder)
}

fn uri_of(path: &Path) -> String {
    let text = path.to_str().expect("a UTF-8 path");
    assert!(
        text.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/-._".contains(&b)),
        "{text}"
    );
    format!("file://{text}")
}

/// What `cplan check` says of `file` in its folder: rule, severity, line, first and
/// last column (1-based, in characters) and message.
fn check_says(folder: &Path, file: &Path) -> Vec<(String, String, u64, u64, u64, String)> {
    let run = |format: &str| -> Value {
        let output = Command::new(insta_cmd::get_cargo_bin("cplan"))
            .args(["--as-of", AS_OF, "check", "--format", format])
            .arg(folder)
            .output()
            .expect("cplan check runs");
        serde_json::from_slice(&output.stdout).expect("JSON")
    };
    let json = run("json");
    let sarif = run("sarif");
    let results = sarif["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let file = file.to_str().expect("UTF-8");
    let mine: Vec<&Value> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["file"] == file)
        .collect();
    let regions: Vec<&Value> = results
        .iter()
        .filter(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .is_some_and(|u| {
                    u.ends_with(Path::new(file).file_name().and_then(|n| n.to_str()).unwrap_or(""))
                })
        })
        .map(|r| &r["locations"][0]["physicalLocation"]["region"])
        .collect();
    assert_eq!(mine.len(), regions.len(), "JSON and SARIF list the same findings");
    mine.iter()
        .zip(regions)
        .map(|(d, region)| {
            (
                d["rule"].as_str().unwrap_or_default().to_owned(),
                d["severity"].as_str().unwrap_or_default().to_owned(),
                d["line"].as_u64().unwrap_or_default(),
                d["column"].as_u64().unwrap_or_default(),
                region["endColumn"].as_u64().unwrap_or_default(),
                d["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// A position's character in `encoding` → 1-based character column on that line.
fn column_in_chars(text: &str, line: u64, character: u64, encoding: &str) -> u64 {
    let line = text.lines().nth(line as usize).unwrap_or_default();
    let mut units = 0;
    let mut column = 1;
    for c in line.chars() {
        if units >= character {
            break;
        }
        units += match encoding {
            "utf-16" => c.len_utf16() as u64,
            "utf-8" => c.len_utf8() as u64,
            _ => 1,
        };
        column += 1;
    }
    column
}

/// What the server says, in the terms of `check_says`.
fn server_says(
    text: &str,
    diagnostics: &[Value],
    encoding: &str,
) -> Vec<(String, String, u64, u64, u64, String)> {
    diagnostics
        .iter()
        .map(|d| {
            let range = &d["range"];
            let line = range["start"]["line"].as_u64().unwrap_or_default();
            let start = column_in_chars(
                text,
                line,
                range["start"]["character"].as_u64().unwrap_or_default(),
                encoding,
            );
            let end = column_in_chars(
                text,
                line,
                range["end"]["character"].as_u64().unwrap_or_default(),
                encoding,
            );
            let severity = match d["severity"].as_u64() {
                Some(1) => "error",
                Some(2) => "warning",
                _ => "info",
            };
            let message = d["message"].as_str().unwrap_or_default();
            let message = message.split("\nhelp: ").next().unwrap_or_default();
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                severity.to_owned(),
                line + 1,
                start,
                end,
                message.to_owned(),
            )
        })
        .collect()
}

#[test]
fn diagnostics_are_those_of_check_at_the_same_ranges_in_every_encoding() {
    let (_dir, folder) = cases();
    let file = folder.join("2026-0142.yaml");
    let text = std::fs::read_to_string(&file).expect("fixture");
    let mut expected = check_says(&folder, &file);
    expected.sort();
    let rules: Vec<&str> = expected.iter().map(|e| e.0.as_str()).collect();
    for rule in ["CP002", "CP004", "CP007", "CP108", "CP106"] {
        assert!(rules.contains(&rule), "the fixture has a {rule}: {rules:?}");
    }
    // The CP002 is on a line with an accent and an emoji before it.
    let cp002 = expected.iter().find(|e| e.0 == "CP002").expect("CP002");
    assert!(
        text.lines()
            .nth(cp002.2 as usize - 1)
            .is_some_and(|l| l.contains('😀'))
    );
    for encoding in ["utf-16", "utf-8", "utf-32"] {
        let (mut client, init) = Client::start(&[encoding]);
        assert_eq!(init["capabilities"]["positionEncoding"], encoding);
        let diagnostics = client.open(&uri_of(&file), &text);
        // The same findings; `check` prints those across files last, an editor by place.
        let mut says = server_says(&text, &diagnostics, encoding);
        says.sort();
        assert_eq!(says, expected, "{encoding}");
        // The link opens the rule's explanation, written in the user's cache folder.
        let cp108 = diagnostics.iter().find(|d| d["code"] == "CP108").expect("CP108");
        let href = cp108["codeDescription"]["href"].as_str().expect("a link");
        let page = href.strip_prefix("file://").expect("a file URI");
        assert!(
            page.starts_with(client.cache.path().to_str().expect("UTF-8")),
            "{href}"
        );
        let explanation = std::fs::read_to_string(page).expect("the page is written");
        assert!(explanation.contains("plan.primary"), "{explanation}");
        client.shut_down();
    }
    // A client that offers nothing gets UTF-16.
    let (client, init) = Client::start(&[]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    client.shut_down();
}

/// The byte range of `text` an LSP text edit (UTF-16 positions) replaces.
fn span_of(text: &str, edit: &Value) -> (usize, usize) {
    let offset = |position: &Value| -> usize {
        let line = position["line"].as_u64().unwrap_or_default() as usize;
        let character = position["character"].as_u64().unwrap_or_default() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (at, c) in text[start..].char_indices() {
            if units >= character || c == '\n' {
                return start + at;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    (offset(&edit["range"]["start"]), offset(&edit["range"]["end"]))
}

#[test]
fn each_quick_fix_removes_its_finding_and_changes_nothing_else() {
    let (_dir, folder) = cases();
    let file = folder.join("2026-0142.yaml");
    let uri = uri_of(&file);
    let text = std::fs::read_to_string(&file).expect("fixture");
    let (mut client, _) = Client::start(&[]);
    let diagnostics = client.open(&uri, &text);
    let fixes = [
        ("CP002", "levl", "level"),
        ("CP004", "placment", "placement"),
        ("CP007", "Dana Smith", "mother"),
        ("CP108", "reunification", "concurrent"),
    ];
    let mut version = 1;
    for (rule, was, becomes) in fixes {
        let diagnostic = diagnostics
            .iter()
            .find(|d| d["code"] == rule && d["message"].as_str().is_some_and(|m| !m.contains("sibling")))
            .unwrap_or_else(|| panic!("a {rule}"));
        let actions = client.request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri},
                "range": diagnostic["range"],
                "context": {"diagnostics": [diagnostic]},
            }),
        );
        let actions = actions.as_array().cloned().unwrap_or_default();
        assert_eq!(actions.len(), 1, "{rule}: {actions:?}");
        assert_eq!(actions[0]["kind"], "quickfix");
        let edits = actions[0]["edit"]["changes"][&uri]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(edits.len(), 1, "{rule}: one edit");
        // The edit replaces that key or value and nothing else.
        let (start, end) = span_of(&text, &edits[0]);
        assert_eq!(
            (&text[start..end], edits[0]["newText"].as_str()),
            (was, Some(becomes)),
            "{rule}"
        );
        let fixed = format!("{}{becomes}{}", &text[..start], &text[end..]);
        version += 1;
        let after = client.replace_text(&uri, version, &fixed);
        let still = after
            .iter()
            .any(|d| d["code"] == rule && d["range"]["start"] == diagnostic["range"]["start"]);
        assert!(!still, "{rule} is gone after its fix: {after:?}");
        version += 1;
        client.replace_text(&uri, version, &text);
    }
    client.shut_down();
}

fn hover_text(client: &mut Client, uri: &str, line: usize, character: usize) -> String {
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
    );
    hover["contents"]["value"].as_str().unwrap_or_default().to_owned()
}

/// The 0-based line and character of the first `needle` (ASCII lines).
fn place_of(text: &str, needle: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find_map(|(i, l)| l.find(needle).map(|at| (i, at)))
        .unwrap_or_else(|| panic!("`{needle}` is in the fixture"))
}

#[test]
fn hover_hints_and_completion_answer_from_the_last_check() {
    let (_dir, folder) = cases();
    let file = folder.join("2026-0142.yaml");
    let uri = uri_of(&file);
    let text = std::fs::read_to_string(&file).expect("fixture");
    let (mut client, _) = Client::start(&[]);
    client.open(&uri, &text);

    let (line, at) = place_of(&text, "primary: reunification");
    let on_rule = hover_text(&mut client, &uri, line, at);
    assert!(on_rule.contains("**CP108** (error)"), "{on_rule}");
    assert!(on_rule.contains("How to fix"), "the explanation: {on_rule}");

    let (line, at) = place_of(&text, "removed: 2026-01-10");
    let on_date = hover_text(&mut client, &uri, line, at + 12);
    assert!(on_date.contains("Entered foster care on 2026-02-20"), "{on_date}");
    assert!(on_date.contains("periodic review due"), "{on_date}");
    assert!(!on_date.contains("efc"), "no internal words: {on_date}");

    let hints = client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 999, "character": 0}}}),
    );
    let labels: Vec<String> = hints
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|h| h["label"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(
        labels
            .iter()
            .any(|l| l.starts_with("stage 3") && l.contains("next:")),
        "{labels:?}"
    );
    assert!(labels.iter().any(|l| l.starts_with("plan")), "{labels:?}");

    let (line, at) = place_of(&text, "with: Dana Smith");
    let items = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": at + 6}}),
    );
    let labels: Vec<&str> = items
        .as_array()
        .map(|a| a.iter().filter_map(|i| i["label"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(labels, ["mother", "father"]);
    client.shut_down();
}

#[test]
fn folder_rules_follow_the_other_files_on_disk() {
    let (_dir, folder) = cases();
    let file = folder.join("2026-0142.yaml");
    let uri = uri_of(&file);
    let (mut client, _) = Client::start(&[]);
    let text = std::fs::read_to_string(&file).expect("fixture");
    let before = client.open(&uri, &text);
    let unknown_sibling = |d: &Vec<Value>| {
        d.iter()
            .any(|d| d["code"] == "CP007" && d["message"].as_str().is_some_and(|m| m.contains("2026-0199")))
    };
    assert!(unknown_sibling(&before));
    // The sibling's case file appears on disk: the client says so.
    let sibling = std::fs::read_to_string(folder.join("2026-0143.yaml"))
        .expect("fixture")
        .replace("case: 2026-0143", "case: 2026-0199");
    let created = folder.join("2026-0199.yaml");
    std::fs::write(&created, sibling).expect("write");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri_of(&created), "type": 1}]}),
    );
    let after = client.diagnostics(&uri);
    assert!(!unknown_sibling(&after), "{after:?}");

    // cplan.yaml is checked as what it is.
    let policy = folder.join("cplan.yaml");
    let diagnostics = client.open(&uri_of(&policy), "extends: federal\nvisit:\n  min: [6, 4, 4]\n");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "CP002");
    assert_eq!(
        diagnostics[0]["range"]["start"],
        json!({"line": 1, "character": 0})
    );
    // Other YAML is left alone.
    let other = client.open(&uri_of(&folder.join("compose.yaml")), "services:\n  db: {}\n");
    assert!(other.is_empty(), "{other:?}");
    client.shut_down();
}

#[test]
fn the_server_outlives_bad_messages_and_a_10_mb_document() {
    let (_dir, folder) = cases();
    let (mut client, _) = Client::start(&[]);
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    client.send_raw(b"Content-Length: nine\r\n\r\n");
    client.send_raw(b"X-Nothing: 1\r\n\r\n");
    client.send(&json!({"jsonrpc": "2.0", "id": "x", "result": 1}));
    let wrong = client.request_raw("textDocument/hover", json!({"textDocument": 3}));
    assert_eq!(wrong["error"]["code"], -32602, "invalid parameters: {wrong}");
    let unknown = client.request_raw("cplan/nothing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let unopened = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere.yaml"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(unopened, Value::Null);
    // A change to a document never opened, and a position far outside one.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///nowhere.yaml", "version": 2}, "contentChanges": [{"text": "x"}]}),
    );

    let big = folder.join("big.yaml");
    let uri = uri_of(&big);
    let text = format!("case: 2026-0900\nnotes: \"{}\"\n", "x".repeat(10 * 1024 * 1024));
    let diagnostics = client.open(&uri, &text);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "CP001");
    let change = json!({
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 999999, "character": 99}, "end": {"line": 0, "character": 0}}, "text": "é"}],
    });
    client.notify("textDocument/didChange", change);
    client.diagnostics(&uri);
    let far = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 4_000_000_000u64, "character": 4_000_000_000u64}}),
    );
    assert_eq!(far, Value::Null);

    // Still answering: a real case is checked as ever.
    let file = folder.join("2026-0142.yaml");
    let diagnostics = client.open(&uri_of(&file), &std::fs::read_to_string(&file).expect("fixture"));
    assert!(diagnostics.iter().any(|d| d["code"] == "CP108"));
    client.shut_down();
}
