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

fn render(command: clap::Command) -> Result<String> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command).render(&mut page)?;
    Ok(String::from_utf8_lossy(&page).into_owned())
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
