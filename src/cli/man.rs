//! `cplan man [COMMAND]`: the manual page in roff, generated from the argument
//! definitions (clap_mangen), so it never disagrees with `--help`.

use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::CommandFactory;

use super::args::{Cli, ManArgs};
use super::print;

pub fn run(args: &ManArgs) -> Result<ExitCode> {
    let mut cli = Cli::command();
    // Building copies the global options (--as-of, --color, -j) into every command.
    cli.build();
    let page = match &args.command {
        None => render(cli)?,
        Some(name) => {
            let Some(sub) = cli.find_subcommand(name).cloned() else {
                bail!(unknown_command(&cli, name));
            };
            // The page is titled `cplan-check`, as man pages of subcommands are (git-log).
            let title = format!("cplan-{}", sub.get_name());
            let synopsis = format!("cplan {}", sub.get_name());
            render(
                sub.display_name(title)
                    .bin_name(synopsis)
                    .version(env!("CARGO_PKG_VERSION")),
            )?
        }
    };
    print(&page)?;
    Ok(ExitCode::SUCCESS)
}

/// The page: clap_mangen's sections from the argument definitions, then cplan's own
/// (exit status, environment, files) before the version, every character outside ASCII
/// written as a groff escape so `groff -ww` reads it in any locale.
fn render(command: clap::Command) -> Result<String> {
    let man = clap_mangen::Man::new(command);
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    man.render_subcommands_section(&mut page)?;
    man.render_extra_section(&mut page)?;
    page.extend_from_slice(OWN_SECTIONS.as_bytes());
    man.render_version_section(&mut page)?;
    Ok(ascii_roff(&String::from_utf8_lossy(&page)))
}

/// What every page says beyond the options: the exit statuses a cron job relies on, the
/// environment cplan reads, and the files it reads.
const OWN_SECTIONS: &str = r#".SH "EXIT STATUS"
.TP
B0R
Nothing to act on: BcheckR found no finding at or above the fail level (errors; B\-\-deny warningsR lowers it), or a report printed (with B\-\-strictR: and no case shown has errors or an overdue deadline, and every case file could be read).
.TP
B1R
Something to act on: BcheckR found such a finding, or a report run with B\-\-strictR shows a case with errors or an overdue deadline, or a case file could not be read.
.TP
B2R
cplan could not do what was asked: a bad argument, a path that does not exist or cannot be read, no case file under a path given, a filter (B\-\-workerR, B\-\-caseR, B\-\-jurisdictionR) that matches no case, a broken or unreadable Icplan.yamlR.
.PP
A broken case file never stops the run: it is reported, every other file is checked, and every command names it. When the reader of the output goes away (a closed pipe), cplan stops quietly with the status of the run.
.SH ENVIRONMENT
.TP
BNO_COLORR
Set to anything: no colour with B\-\-color autoR.
.TP
BCLICOLORR
B0R: no colour with B\-\-color autoR.
.TP
BCLICOLOR_FORCER
Set and not B0R: colour even into a pipe or a file (BNO_COLORR still wins).
.TP
BTERMR
BdumbR: no colour.
.TP
BCOLUMNSR
The width of tables when B\-\-widthR is not given (else the terminal's, else 100).
.TP
BLANGR, BLC_ALLR, BLC_CTYPER
A UTF-8 locale draws tables with box lines; any other with B+\-|R.
.SH FILES
.TP
Icplan.yamlR
The policy file of a case folder: the rule profile its cases are checked with. For each case file, the first Icplan.yamlR found in its folder or a folder above it applies. It is never read as a case.
.TP
I*.yamlR, I*.ymlR
Case files, one child each, anywhere under the folders given (hidden folders and Itarget/R are skipped).
"#;

/// Every character outside ASCII as a groff escape (`\[u2014]`), which groff reads
/// whatever the input encoding; a page piped to `man -l -` or `groff -man` then has no
/// "invalid input character" warning.
fn ascii_roff(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    for c in page.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out
}

/// "no command `chek`: did you mean `check`? Commands: …"
fn unknown_command(cli: &clap::Command, name: &str) -> String {
    let names: Vec<&str> = cli
        .get_subcommands()
        .map(clap::Command::get_name)
        .filter(|n| *n != "help")
        .collect();
    let closest = names
        .iter()
        .min_by_key(|n| strsim::damerau_levenshtein(name, n))
        .filter(|n| strsim::damerau_levenshtein(name, n) <= 2);
    let hint = closest.map_or_else(|| ".".to_owned(), |n| format!(": did you mean `{n}`?"));
    format!(
        "no command is called `{name}`{hint} The commands are: {}",
        names.join(", ")
    )
}
