//! When cplan colours its output: `--color always|never` decides; `auto` colours a
//! terminal, and follows NO_COLOR, CLICOLOR, CLICOLOR_FORCE and TERM=dumb, as other
//! well-behaved command-line tools do (no-color.org, bixense.com/clicolors).

use std::path::Path;
use std::process::Command;

use insta_cmd::get_cargo_bin;

const COLOUR_ENV: [&str; 4] = ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM"];

/// Environment variables set for a run.
type Env<'a> = &'a [(&'a str, &'a str)];

/// `cplan check` of a sample case with errors, with only `env` of the colour settings.
fn check(color: &str, env: Env<'_>) -> Command {
    let mut cmd = Command::new(get_cargo_bin("cplan"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--as-of", "2026-11-24", "--color", color])
        .args(["check", "cases-sample/2026-0212.yaml"]);
    for name in COLOUR_ENV {
        cmd.env_remove(name);
    }
    cmd.env_remove("CI").env_remove("GITHUB_ACTIONS");
    for (name, value) in env {
        cmd.env(name, value);
    }
    cmd
}

fn coloured(mut cmd: Command) -> bool {
    cmd.output().expect("cplan runs").stdout.contains(&0x1b)
}

#[test]
fn into_a_pipe() {
    let cases: [(&str, Env<'_>, bool); 7] = [
        ("auto", &[], false),
        ("auto", &[("CLICOLOR_FORCE", "1")], true),
        ("auto", &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], false),
        ("always", &[], true),
        ("always", &[("NO_COLOR", "1")], true),
        ("never", &[("CLICOLOR_FORCE", "1")], false),
        ("never", &[], false),
    ];
    for (color, env, expected) in cases {
        assert_eq!(coloured(check(color, env)), expected, "--color {color} {env:?}");
    }
}

/// On a terminal (a pseudo-terminal from `script`, which util-linux has everywhere
/// this runs; the test says so and passes where it is missing).
#[test]
fn on_a_terminal() {
    if !Path::new("/usr/bin/script").exists() {
        eprintln!("colour on a terminal not tested: /usr/bin/script (util-linux) is missing");
        return;
    }
    let cases: [(Env<'_>, bool); 5] = [
        (&[("TERM", "xterm-256color")], true),
        (&[("TERM", "dumb")], false),
        (&[("TERM", "xterm-256color"), ("NO_COLOR", "1")], false),
        (&[("TERM", "xterm-256color"), ("CLICOLOR", "0")], false),
        (&[("TERM", "dumb"), ("CLICOLOR_FORCE", "1")], true),
    ];
    for (env, expected) in cases {
        let inner = check("auto", &[]);
        let line = std::iter::once(inner.get_program())
            .chain(inner.get_args())
            .map(|a| format!("'{}'", a.to_string_lossy()))
            .collect::<Vec<_>>()
            .join(" ");
        let mut cmd = Command::new("/usr/bin/script");
        cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["-qec", &line, "/dev/null"]);
        for name in COLOUR_ENV {
            cmd.env_remove(name);
        }
        cmd.env_remove("CI").env_remove("GITHUB_ACTIONS");
        for (name, value) in env {
            cmd.env(name, value);
        }
        assert_eq!(coloured(cmd), expected, "on a terminal with {env:?}");
    }
}
