//! `cplan new CASE-ID`: a new case file from a commented template.
//!
//! The template leaves empty the three lines only the caseworker can fill in (the
//! worker, the child's name and birth date): `cplan check` points at exactly those
//! until they are filled, rather than a made-up birth date quietly changing the
//! child's deadlines. Every other section is an example in comments. The removal date is the as-of date, as the guide says a file is started on
//! the day of removal. The file is written to a temporary file in the same folder and
//! then renamed, so a reader never sees half a file, and an existing file is never
//! replaced without `--force`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;

use super::args::{GlobalArgs, NewArgs};
use super::print;
use crate::load::POLICY_FILE;
use crate::policy::Config;
use crate::policy::config::check_profile_name;

pub fn run(global: &GlobalArgs, args: &NewArgs) -> Result<ExitCode> {
    let created = create_folder(&args.dir)?;
    let jurisdiction = match &args.jurisdiction {
        Some(name) => Some(check_jurisdiction(name, &args.dir)?),
        None => None,
    };
    let path = args.dir.join(format!("{}.yaml", args.case_id));
    if !args.force
        && let Some(existing) = existing_file(&args.dir, &args.case_id)
    {
        bail!(
            "{} already exists: use a different id, or --force to replace it",
            existing.display()
        );
    }
    let text = template(&args.case_id, jurisdiction.as_deref(), super::as_of(global));
    write_atomically(&path, &text, args.force)?;
    let made = if created {
        format!("created the folder {} and ", args.dir.display())
    } else {
        String::new()
    };
    print(&format!(
        "{made}wrote {}: fill in the lines marked FILL IN, then run `cplan check {}`\n",
        path.display(),
        args.dir.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Makes the case folder (and the folders above it) when it does not exist yet, as a
/// first case starts a folder; `true` when it was made. A file in its place is an error.
fn create_folder(dir: &Path) -> Result<bool> {
    if dir.is_dir() {
        return Ok(false);
    }
    if dir.exists() {
        bail!(
            "{}: is a file, not a folder; give the folder for case files with --dir",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create the folder", dir.display()))?;
    Ok(true)
}

/// The profile name to write, in lower case as profiles are named (`California`
/// means `california`). A jurisdiction the folder does not know would be CP004 on the
/// first `check`, and a name that is not a profile name could be no profile's.
fn check_jurisdiction(written: &str, dir: &Path) -> Result<String> {
    let name = written.to_ascii_lowercase();
    // Shown as written: when the lower-case name is no name, neither is this one.
    if let (Err(_), Err(why)) = (check_profile_name(&name), check_profile_name(written)) {
        bail!("--jurisdiction: {why}");
    }
    let config = Config::for_folder(dir, crate::rules::codes())?;
    if let Err(unknown) = config.profile_for(Some(&name)) {
        let known: Vec<&str> = unknown.known.iter().map(String::as_str).collect();
        let hint = crate::load::convert::closest(&name, &known)
            .map_or_else(|| ".".to_owned(), |k| format!(": did you mean `{k}`?"));
        bail!(
            "no profile is called `{name}`{hint} Use one of: {} (or define it in {})",
            known.join(", "),
            dir.join(POLICY_FILE).display()
        );
    }
    Ok(name)
}

/// The file of this case id already in the folder, as `.yaml` or `.yml` (a second file
/// with the same id would be CP005).
fn existing_file(dir: &Path, case_id: &str) -> Option<PathBuf> {
    ["yaml", "yml"]
        .iter()
        .map(|ext| dir.join(format!("{case_id}.{ext}")))
        .find(|p| p.symlink_metadata().is_ok())
}

/// Writes a temporary file beside `path` and renames it into place. Without `replace`
/// the rename fails if `path` exists, even if it appeared after the check above.
fn write_atomically(path: &Path, text: &str, replace: bool) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".cplan-new-").suffix(".tmp");
    // Like any new file (0666 less the umask), not the temporary file's private 0600.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut file = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.as_file().sync_all())
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    let persisted = if replace {
        file.persist(path)
    } else {
        file.persist_noclobber(path)
    };
    match persisted {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => bail!(
            "{} already exists: use a different id, or --force to replace it",
            path.display()
        ),
        Err(e) => Err(e.error).with_context(|| format!("cannot write {}", path.display())),
    }
}

/// The longest case id `new` writes: ids are short (2026-0142), file names are not endless.
const MAX_CASE_ID: usize = 64;

/// Names Windows keeps for devices, whatever follows a dot: `con.yaml` is no file there.
const DEVICE_NAMES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
    "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A case id becomes a file name, so it must be one: no folder separators, nothing
/// hidden, no control character, nothing a shell or another system would trip over,
/// and never the name of the folder's settings file (`cplan` would write cplan.yaml,
/// in any letter case on a system that ignores it).
pub(super) fn parse_case_id(text: &str) -> Result<String, String> {
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
    if text.is_empty() || text.starts_with('.') || !text.chars().all(allowed) {
        return Err(format!(
            "`{}` cannot be a case id: use letters, digits, `-`, `_` and `.` (not first), \
             e.g. 2026-0142; the file is named after it",
            text.escape_debug()
        ));
    }
    let settings = POLICY_FILE.trim_end_matches(".yaml");
    if text.to_lowercase() == settings {
        return Err(format!(
            "`{text}` cannot be a case id: {POLICY_FILE} is the folder's settings file, never a case; \
             give the case its own id, e.g. 2026-0142"
        ));
    }
    let stem = text.split('.').next().unwrap_or(text).to_lowercase();
    if DEVICE_NAMES.contains(&stem.as_str()) {
        return Err(format!(
            "`{text}` cannot be a case id: Windows keeps that name for a device; \
             give the case its own id, e.g. 2026-0142"
        ));
    }
    if text.chars().count() > MAX_CASE_ID {
        return Err(format!(
            "a case id has at most {MAX_CASE_ID} characters, e.g. 2026-0142; this one has {}",
            text.chars().count()
        ));
    }
    Ok(text.to_owned())
}

/// The text of a new case file. Both values are quoted, so YAML reads them as the
/// text they are (`true`, `0x10` or `1e3` would otherwise be read as something else),
/// and the callers have checked that neither holds a quote, a backslash or a line break.
fn template(case_id: &str, jurisdiction: Option<&str>, today: NaiveDate) -> String {
    let jurisdiction = match jurisdiction {
        Some(name) => format!("jurisdiction: \"{name}\"\n"),
        None => {
            "# jurisdiction: federal           # federal, california, kansas, or a profile of cplan.yaml\n"
                .to_owned()
        }
    };
    TEMPLATE
        .replace("{case}", &format!("\"{case_id}\""))
        .replace("{jurisdiction}\n", &jurisdiction)
        .replace("{today}", &today.to_string())
}

const TEMPLATE: &str = r#"# Case file of one child, started with `cplan new` on {today}.
# Lines starting with # are comments: cplan ignores them. Fill in the lines marked
# FILL IN, uncomment the examples as things happen, and run `cplan check` on the
# folder after each change. The case-format guide (docs/case-format.md) explains
# every field.

case: {case}
{jurisdiction}
worker:                           # FILL IN: the assigned caseworker, e.g. R. Alvarez
# supervisor: M. Chen

child:
  name:                           # FILL IN: the child's name
  born:                           # FILL IN: the date of birth, YYYY-MM-DD
  # siblings: [2026-0143]         # case ids of brothers and sisters in care

# Parents and legal guardians, one entry each; the rest of the file names them by `id`.
parents:
#  - id: mother
#    name: Dana Smith
#    relationship: mother          # mother, father, legal_guardian or other
#    whereabouts: known            # known, unknown or deceased

# Each removal from home. The date is today's: change it if the child was removed on
# another day. A child who comes back into care later gets a second entry here.
episodes:
  - removed: {today}
    # reason: neglect
    # court_finding: YYYY-MM-DD   # the court's first finding of abuse or neglect
    # disposition: YYYY-MM-DD

# Where the child lives. On a move, close the entry with `to:` and add a new one.
placements:
#  - from: {today}
#    setting: shelter              # shelter, foster, kin, resource_family, group, parent or other
#    caregiver: Bayview Children's Shelter
#    permanency_willing: undecided # "yes", "no" or undecided

# The concurrent plan: fill it in as the staffing, the agreement and the case plan are done.
plan:
#  staffing: YYYY-MM-DD
#  prognosis:
#    favorable: [Mother asks for help.]
#    poor: [Two earlier referrals for neglect.]
#  written_agreement:
#    signed: YYYY-MM-DD
#    by: [mother, agency]
#  case_plan: YYYY-MM-DD
#  primary: reunification          # reunification or concurrent
#  reunification:
#    target: YYYY-MM-DD
#    conditions: [Mother completes outpatient treatment.]
#  concurrent:
#    goal: adoption                # adoption, guardianship, relative or appla
#    resource: Lee family
#    checks: {registry: YYYY-MM-DD, fingerprints: YYYY-MM-DD, criminal: YYYY-MM-DD}
#    recruitment:                  # steps to find a family, while none is named
#      - {date: YYYY-MM-DD, text: Profile on the state adoption exchange}

# Goals, each with objectives, each with activities.
goals:
#  - id: G1
#    track: reunification          # reunification, concurrent or both
#    term: long                    # short or long
#    text: The child lives safely at home with the mother.
#    objectives:
#      - id: G1.1
#        text: Mother stays sober.
#        measure: 12 consecutive weekly negative tests
#        agreed: YYYY-MM-DD
#        activities:
#          - {id: A1, text: Attend outpatient treatment., who: mother, where: County Recovery Center, start: YYYY-MM-DD, due: YYYY-MM-DD}

# Services referred or provided, and the family's response.
services:
#  - {name: Parenting class, for: mother, provider: Family Resource Center, referred: YYYY-MM-DD}

# Every parent-child visit, missed ones too (held: false).
visits:
#  - {date: YYYY-MM-DD, with: mother, level: supervised}   # supervised, monitored, unsupervised, overnight or extended

# Visits between the child and brothers or sisters placed apart (ids from child.siblings).
sibling_visits:
#  - {date: YYYY-MM-DD, with: 2026-0143}

# The caseworker's contacts; every full month in care needs one with the child, most of
# them where the child lives.
contacts:
#  - {date: YYYY-MM-DD, with: child, where: placement}     # placement, home, office, school, court or other

# Full disclosure interviews with the parents.
disclosures:
#  - {date: YYYY-MM-DD, with: mother}

# The diligent search for absent parents and relatives.
search:
#  started: YYYY-MM-DD
#  relatives_notified: YYYY-MM-DD
#  found: [Maria Ruiz, maternal aunt]

# Reasonable efforts toward reunification.
efforts:
#  - {date: YYYY-MM-DD, text: Referred mother to outpatient treatment.}

# Court hearings, past and scheduled.
court:
#  - {date: YYYY-MM-DD, hearing: detention}   # detention, jurisdiction, disposition, review, permanency, tpr, selection or other
# The court's findings on reasonable efforts decide whether title IV-E pays for the placement:
#  - {date: YYYY-MM-DD, hearing: jurisdiction, findings: [efforts_to_prevent_removal]}   # within 60 days of removal
#  - {date: YYYY-MM-DD, hearing: permanency, findings: [efforts_to_finalize_plan]}       # every 12 months

# Staffings, case reviews, administrative reviews, team meetings.
reviews:
#  - {date: YYYY-MM-DD, kind: staffing, attendees: [worker, supervisor, mother]}

notes:
"#;
