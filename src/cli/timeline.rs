//! `cplan timeline`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};
use serde::Serialize;

use super::args::{GlobalArgs, TimelineArgs, TimelineFormat};
use super::print;
use super::report_run::announce_unreadable;
use crate::check::{CheckOptions, CheckRun};
use crate::output;
use crate::output::doc::Doc;
use crate::policy::{Config, Configs, Profile};
use crate::report::caveats::{self, UnreadRow};
use crate::report::detail::Detail;
use crate::report::filter::closest_ids;
use crate::report::timeline::{self, Input, ProfileOrigin, Timeline};
use crate::summary::CaseSummary;

/// `timeline --format json`: the timeline and the files of the folder left out.
#[derive(Serialize)]
struct JsonReport<'a> {
    #[serde(flatten)]
    timeline: &'a Timeline,
    unreadable: Vec<UnreadRow>,
}

pub fn run(global: &GlobalArgs, args: &TimelineArgs) -> Result<ExitCode> {
    let as_of = super::as_of(global);
    let run = super::progress_bar::check_showing_progress(
        std::slice::from_ref(&args.path),
        CheckOptions::new(as_of)
            .keeping(crate::check::Keep::Open)
            .keeping_cases(crate::check::KeptDeadlines::All)
            .streaming(),
        &|summary| summary.id == args.case,
    )?;
    announce_unreadable(&run);
    let summary = the_case(&run, args)?;
    let file = summary.file.display();
    let Some(kept) = run.kept(&summary.file) else {
        bail!("{file}: the case could not be read; `cplan check {file}` says why");
    };
    let detail = Detail::of(kept, as_of);
    let configs = Configs::new(crate::rules::codes());
    let input = Input {
        summary,
        detail,
        origin: profile_origin(&*configs.for_file(&summary.file)?, detail.profile),
        redact: args.redact,
    };
    let Some(timeline) = timeline::build(&input) else {
        bail!("{file}: the case has no removal episode, so it has no timeline");
    };
    let text = match args.format {
        TimelineFormat::Text => {
            let caveats = Doc {
                blocks: caveats::unreadable_blocks(&run, caveats::Coverage::OneCase),
            };
            if caveats.blocks.is_empty() {
                timeline::text(&timeline)
            } else {
                format!(
                    "{}\n{}",
                    timeline::text(&timeline),
                    caveats.to_text(crate::output::table::Drawing::plain())
                )
            }
        }
        TimelineFormat::Html => {
            let picture = timeline::picture(&detail, &timeline, args.redact);
            let mut doc = timeline::document(&timeline, picture);
            doc.blocks
                .extend(caveats::unreadable_blocks(&run, caveats::Coverage::OneCase));
            doc.to_html()
        }
        TimelineFormat::Json => output::json(&JsonReport {
            timeline: &timeline,
            unreadable: caveats::unread_rows(&run),
        }),
    };
    print(&text)?;
    Ok(ExitCode::from(super::EXIT_OK))
}

/// The one readable case with the id asked for; otherwise exit 2 with what would have
/// worked: the closest ids, or the files to choose from when the id is in several.
fn the_case<'a>(run: &'a CheckRun, args: &TimelineArgs) -> Result<&'a CaseSummary> {
    let id = args.case.as_str();
    let path = args.path.display();
    let found: Vec<&CaseSummary> = run.summaries.iter().filter(|c| c.id == id).collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => bail!(
            "no case `{id}` in {path}; {}.{}",
            closest_ids(&run.summaries, id),
            unread_hint(run, id, &args.path)
        ),
        many => {
            let files: Vec<String> = many.iter().map(|c| c.file.display().to_string()).collect();
            bail!(
                "case `{id}` is in {} files: {} (CP005); give one of them as PATH, e.g. `cplan timeline {id} {}`",
                files.len(),
                files.join(", "),
                files[0]
            )
        }
    }
}

/// The id may be that of a file whose case could not be read, or a file name given
/// where the id goes: say so.
fn unread_hint(run: &CheckRun, id: &str, path: &Path) -> String {
    if id.ends_with(".yaml") || id.ends_with(".yml") {
        return format!(
            " `{id}` looks like a file: give the case id first and the file as PATH, e.g. `cplan timeline CASE-ID {id}`."
        );
    }
    let path = path.display();
    match run.unreadable.len() {
        0 => format!(" `cplan status {path}` lists every case."),
        1 => format!(" 1 file could not be read as a case: `cplan check {path}` says why."),
        n => format!(" {n} files could not be read as cases: `cplan check {path}` says why."),
    }
}

/// Built in, unless the case's `cplan.yaml` defines the profile or changes it: the
/// effective profile is compared with the built-in one of that name.
fn profile_origin(config: &Config, profile: &Profile) -> ProfileOrigin {
    let Some(source) = &config.source else {
        return ProfileOrigin::BuiltIn;
    };
    let builtin = Config::builtin();
    match builtin.profile_for(Some(&profile.name)) {
        Ok(same) if **same == *profile => ProfileOrigin::BuiltIn,
        _ => ProfileOrigin::FolderConfig(source.display().to_string()),
    }
}
