//! Which agendas were asked for, and the cases of the check that are theirs: a case
//! by id, a case file (looked up among its folder's files), or every case due.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::super::args::AgendaArgs;
use super::super::report_run::unread_hint;
use crate::check::CheckRun;
use crate::policy::arith::Span;
use crate::report::agenda;
use crate::report::filter::closest_ids;
use crate::summary::CaseSummary;

/// Which agendas were asked for.
pub(super) enum Wanted {
    /// A case id, looked up in the folder.
    Id(String),
    /// A case file, looked up among the files of its folder.
    File(PathBuf),
    /// Every case with a review or hearing due within the span.
    Due(Span),
}

impl Wanted {
    /// Whether the case of a row is one the agenda is for: the check keeps the whole
    /// case of those only, so a state's caseload is not held in memory for a few agendas.
    pub(super) fn selects(&self, as_of: chrono::NaiveDate) -> impl Fn(&CaseSummary) -> bool + Sync + '_ {
        // The file as given and as the walk found it may be written differently.
        let file = match self {
            Wanted::File(file) => std::fs::canonicalize(file).ok(),
            _ => None,
        };
        move |summary| match self {
            Wanted::Id(id) => summary.id == *id,
            Wanted::File(_) => file.is_some() && std::fs::canonicalize(&summary.file).ok() == file,
            Wanted::Due(span) => agenda::due_review(summary, span.after(as_of)).is_some(),
        }
    }
}

/// What to show, and the folder to check. With `--due-within` a lone positional is the
/// folder (`cplan agenda --due-within 14d cases/`), since no case id goes with it.
pub(super) fn wanted(args: &AgendaArgs) -> Result<(Wanted, PathBuf)> {
    if let Some(span) = args.due_within {
        if let (Some(case), Some(_)) = (&args.case, &args.path) {
            bail!(
                "--due-within lists every case due, so it takes a folder only, not `{case}`: `cplan agenda --due-within 14d cases/`"
            );
        }
        let root = args
            .path
            .clone()
            .or_else(|| args.case.as_ref().map(PathBuf::from));
        return Ok((Wanted::Due(span), root.unwrap_or_else(|| PathBuf::from("."))));
    }
    let Some(case) = args.case.as_deref() else {
        bail!("name a case id or a case file (`cplan agenda 2026-0201 cases/`), or use --due-within 14d");
    };
    if !looks_like_file(case) {
        let root = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
        return Ok((Wanted::Id(case.to_owned()), root));
    }
    let file = PathBuf::from(case);
    if !file.is_file() {
        bail!(
            "{case}: no such case file; give an existing .yaml file, or a case id and its folder \
             (`cplan agenda 2026-0201 cases/`)"
        );
    }
    // The whole folder is checked, so that folder rules (siblings, duplicate ids) count.
    let root = args.path.clone().unwrap_or_else(|| folder_of(&file));
    Ok((Wanted::File(file), root))
}

/// A path rather than an id: it exists as a file, or reads like a file name.
fn looks_like_file(text: &str) -> bool {
    let path = Path::new(text);
    path.is_file()
        || text.contains(std::path::MAIN_SEPARATOR)
        || text.contains('/')
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

pub(super) fn by_id<'a>(run: &'a CheckRun, id: &str, root: &Path) -> Result<Vec<&'a CaseSummary>> {
    let found: Vec<&CaseSummary> = run.summaries.iter().filter(|c| c.id == id).collect();
    if found.is_empty() {
        bail!(
            "no case `{id}` in {}; {}{}",
            root.display(),
            closest_ids(&run.summaries, id),
            unread_hint(run)
        );
    }
    Ok(found)
}

pub(super) fn by_file<'a>(run: &'a CheckRun, file: &Path, root: &Path) -> Result<Vec<&'a CaseSummary>> {
    let wanted = std::fs::canonicalize(file)?;
    let same = |c: &&CaseSummary| std::fs::canonicalize(&c.file).is_ok_and(|p| p == wanted);
    if let Some(summary) = run.summaries.iter().find(same) {
        return Ok(vec![summary]);
    }
    let under_root = std::fs::canonicalize(root).is_ok_and(|r| wanted.starts_with(r));
    if under_root {
        bail!(
            "{}: the case in this file could not be read; run `cplan check {}` to see why",
            file.display(),
            file.display()
        );
    }
    bail!(
        "{} is not under {}, the folder checked: leave out the folder, or give the one the file is in",
        file.display(),
        root.display()
    )
}
