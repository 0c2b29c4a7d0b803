//! The real binary, run so that a hang or a memory blow-up fails the test instead of
//! the machine: a watchdog kills it after a generous minute (it fails only on a hang,
//! never on a slow machine; speed is a benchmark's business), and it runs under
//! `ulimit -v` (1 GiB of address space; with `-j 2` so that the number of threads, and
//! with it the allocator's reservations, does not grow with the machine's cores).
//! A panic, or death by a signal (a stack overflow aborts), fails the test too.
//!
//! Shared by tests/bad_input.rs and tests/edge_dates.rs (`#[path]`).

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use insta_cmd::get_cargo_bin;

const WATCHDOG: Duration = Duration::from_secs(60);
const MEMORY_LIMIT_KIB: u64 = 1024 * 1024;

/// The real binary, with the watchdog and the memory limit.
pub fn cplan_bounded(current_dir: &Path, as_of: &str, args: &[&str]) -> Output {
    let bin = get_cargo_bin("cplan");
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("ulimit -v {MEMORY_LIMIT_KIB} && exec \"$0\" \"$@\""))
        .arg(bin)
        .args(["--color=never", "-j", "2", "--as-of", as_of])
        .args(args)
        .current_dir(current_dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("cplan starts");
    // Drain both pipes while waiting, so a large output cannot block the child.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).expect("read output");
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("stderr")));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("cplan {args:?} did not finish within {WATCHDOG:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let output = Output {
        status,
        stdout: stdout.join().expect("stdout thread"),
        stderr: stderr.join().expect("stderr thread"),
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.code().is_some(),
        "cplan {args:?} was killed by a signal (stack overflow? out of memory?): {}\n{stderr}",
        output.status
    );
    assert!(!stderr.contains("panicked"), "cplan {args:?} panicked:\n{stderr}");
    output
}
