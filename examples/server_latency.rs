//! How long `cplan server` takes from a change to its diagnostics, as an editor sees it:
//! opens a 500-line case (the server test's fixture with more visits), types one
//! character at a time into a note, waiting after each change for the diagnostics of
//! that version, and prints the spread of the times. The quiet time the server waits
//! after a change (its debounce) is included: that is what a caseworker waits for.
//!
//!   cargo build --release --bin cplan --example server_latency
//!   target/release/examples/server_latency target/release/cplan [CHANGES]
//!
//! scripts/bench-server.sh does both. A benchmark, not a test: it asserts nothing.

use std::io::{BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

#[path = "../tests/common/lsp_frame.rs"]
mod lsp_frame;
use lsp_frame::read_frame;

fn main() {
    let mut args = std::env::args().skip(1);
    let binary = args.next().unwrap_or_else(|| "target/release/cplan".to_owned());
    let changes: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);

    let folder = tempfile::Builder::new()
        .prefix("cases")
        .tempdir()
        .expect("a temp folder");
    let text = case_of_500_lines();
    let path = folder.path().join("2026-0142.yaml");
    std::fs::write(&path, &text).expect("write the case");
    let uri = format!("file://{}", path.display());

    let mut server = Command::new(&binary)
        .arg("server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("cplan server starts");
    let mut stdin = server.stdin.take().expect("stdin");
    let stdout = server.stdout.take().expect("stdout");
    let (sender, incoming) = mpsc::channel::<Value>();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        while let Some(message) = read_frame(&mut reader) {
            if sender.send(message).is_err() {
                return;
            }
        }
    });
    let mut send = |message: Value| {
        let body = message.to_string();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("send");
        stdin.flush().expect("flush");
    };
    let wait_for = |wanted: &dyn Fn(&Value) -> bool| loop {
        let message = incoming.recv_timeout(Duration::from_secs(30)).expect("an answer");
        if wanted(&message) {
            return message;
        }
    };

    send(
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "processId": null, "rootUri": null, "capabilities": {},
        "initializationOptions": {"cplan": {"asOf": "2026-11-24"}}}}),
    );
    wait_for(&|m| m["id"] == 1);
    send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    let started = Instant::now();
    send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": text}}}),
    );
    let opened = wait_for(&|m| m["method"] == "textDocument/publishDiagnostics");
    let open_ms = started.elapsed().as_secs_f64() * 1000.0;
    let findings = opened["params"]["diagnostics"].as_array().map_or(0, Vec::len);

    // Type into the note of the first visit, one character a change.
    let (line, end) = text
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.starts_with("    note:").then(|| (i, l.chars().count())))
        .expect("a note");
    let mut times = Vec::with_capacity(changes);
    for i in 0..changes {
        let version = i as i64 + 2;
        let at = json!({"line": line, "character": end + i});
        let change = json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": at, "end": at}, "text": "x"}]}});
        let sent = Instant::now();
        send(change);
        wait_for(&|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version);
        times.push(sent.elapsed().as_secs_f64() * 1000.0);
        // Longer than the server's quiet time, so that each change is checked alone.
        std::thread::sleep(Duration::from_millis(60));
    }
    send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    wait_for(&|m| m["id"] == 2);
    send(json!({"jsonrpc": "2.0", "method": "exit"}));
    let _ = server.wait();

    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{} lines, {findings} findings; open → diagnostics {open_ms:.1} ms (the folder read once)",
        text.lines().count()
    );
    println!(
        "change → diagnostics over {changes} changes: min {:.1} ms, median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        at(0.0),
        at(0.5),
        at(0.95),
        at(1.0)
    );
}

/// The server test's case with visits added until it is 500 lines long.
fn case_of_500_lines() -> String {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/server/2026-0142.yaml");
    let text = std::fs::read_to_string(fixture).expect("the fixture");
    let mut visits = String::new();
    let mut day = 0;
    while text.lines().count() + visits.lines().count() < 500 {
        let date = visit_date(day);
        visits.push_str(&format!(
            "  - date: {date}\n    with: mother\n    level: supervised\n    held: true\n    note: Visit went well.\n"
        ));
        day += 1;
    }
    text.replacen("\nvisits:\n", &format!("\nvisits:\n{visits}"), 1)
}

/// The date of the `day`th added visit: every 3 days from 2026-03-02.
fn visit_date(day: usize) -> chrono::NaiveDate {
    let first = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).expect("a date");
    first + chrono::Days::new(day as u64 * 3)
}
