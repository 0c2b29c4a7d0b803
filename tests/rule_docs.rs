//! Every rule's page (docs/rules/CODE.md, which `cplan explain CODE` prints) is true by
//! construction: each example message is word for word what cplan prints on the rule's
//! fixture (`tests/rules/CODE/fires`, as of the date tests/rule_fixtures.rs uses), the
//! page cites only what a user has (the repository's docs, sources by their titles, the
//! law by number), its prose has no internal words, and docs/rules/README.md lists every
//! rule with its current summary.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use cplan::check::{CheckOptions, CheckRun, check_paths};
use cplan::policy::sources::Source;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

/// The as-of date of every fixture (tests/rule_fixtures.rs).
const AS_OF: &str = "2026-11-24";

/// The headings of every page, in this order.
const HEADINGS: [&str; 6] = [
    "What it checks",
    "Why it matters",
    "Example",
    "How to fix",
    "Turning it off",
    "Source",
];

/// Every practice source, by the title a reader can find it by.
const SOURCES: [Source; 5] = [
    Source::CoreComponents,
    Source::KansasPpm,
    Source::ThreeStageModel,
    Source::CasePlanning,
    Source::Advokids,
];

/// Working papers users never see, and informal names of the sources that a reader
/// cannot look up: a page cites the docs in the repository and each source by its title.
const NOT_FOR_USERS: [&str; 10] = [
    "CLI.md",
    "POLICY.md",
    "RULES.md",
    "CASE-FORMAT.md",
    "seed 0",
    "seeds/",
    "National Resource Center",
    "three-stage casework model",
    "under California law",
    "PPM 3232",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

struct Page {
    code: String,
    text: String,
}

/// Every docs/rules/CODE.md, by code.
fn pages() -> Vec<Page> {
    let mut pages: Vec<Page> = std::fs::read_dir(root().join("docs/rules"))
        .expect("docs/rules exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .map(|path| Page {
            code: path
                .file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned(),
            text: std::fs::read_to_string(&path).expect("a page is UTF-8 text"),
        })
        .collect();
    pages.sort_by(|a, b| a.code.cmp(&b.code));
    pages
}

/// The page's `## ` headings and the text under each.
fn sections(text: &str) -> Vec<(String, String)> {
    let mut sections: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            sections.push((heading.trim().to_owned(), String::new()));
        } else if let Some((_, body)) = sections.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    sections
}

fn section<'a>(sections: &'a [(String, String)], heading: &str) -> &'a str {
    sections
        .iter()
        .find(|(h, _)| h == heading)
        .map_or("", |(_, body)| body.as_str())
}

/// The prose of some Markdown: its text outside code blocks and code spans.
fn prose(markdown: &str) -> String {
    let mut out = String::new();
    let mut in_block = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_block = true,
            Event::End(TagEnd::CodeBlock) => in_block = false,
            Event::Text(text) if !in_block => out.push_str(&text),
            Event::Code(_) => out.push_str(" (code) "),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out
}

/// The lines of the YAML blocks of some Markdown.
fn yaml_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) if &*lang == "yaml" => {
                current = Some(String::new());
            }
            Event::Text(text) => {
                if let Some(block) = current.as_mut() {
                    block.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(current.take()),
            _ => {}
        }
    }
    blocks
}

/// `(severity, code, message)` of each `error[CODE]: message` line of some text.
fn message_lines(text: &str) -> Vec<(String, String, String)> {
    text.lines()
        .filter_map(|line| {
            let (severity, rest) = line.trim_start().split_once('[')?;
            let (code, message) = rest.split_once("]: ")?;
            let is_code =
                code.len() == 5 && code.starts_with("CP") && code[2..].bytes().all(|b| b.is_ascii_digit());
            (matches!(severity, "error" | "warning" | "info") && is_code).then(|| {
                (
                    severity.to_owned(),
                    code.to_owned(),
                    message.trim_end().to_owned(),
                )
            })
        })
        .collect()
}

/// The rule's fixture folder, checked as tests/rule_fixtures.rs checks it.
fn check_fixture(code: &str) -> (PathBuf, CheckRun) {
    let folder = root().join("tests/rules").join(code).join("fires");
    make_world_readable_where_needed(code, &folder);
    let as_of: NaiveDate = AS_OF.parse().expect("a date");
    let run = check_paths(std::slice::from_ref(&folder), CheckOptions::new(as_of)).expect("fixture folder");
    (folder, run)
}

/// CP901 is about the file's mode, which git does not keep (see tests/rule_fixtures.rs).
fn make_world_readable_where_needed(code: &str, folder: &Path) {
    #[cfg(unix)]
    if code == "CP901" {
        use std::os::unix::fs::PermissionsExt;
        let file = folder.join("case.yaml");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
}

/// `(severity, code, message)` of every finding of the run, with file paths as a user
/// sees them when checking the fixture folder's files from inside it.
fn printed(run: &CheckRun, folder: &Path) -> BTreeSet<(String, String, String)> {
    let prefix = format!("{}/", folder.display());
    run.findings
        .iter()
        .map(|f| {
            (
                f.severity.word().to_owned(),
                f.rule.to_string(),
                f.message.replace(&prefix, ""),
            )
        })
        .collect()
}

fn report(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_rule_has_a_page_and_every_page_a_rule() {
    let registered: BTreeSet<&str> = cplan::rules::RULES.iter().map(|r| r.code.as_str()).collect();
    let pages = pages();
    let documented: BTreeSet<&str> = pages.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(registered, documented);
}

#[test]
fn every_page_has_the_fixed_headings_in_order() {
    let mut problems = Vec::new();
    for page in pages() {
        let headings: Vec<String> = sections(&page.text).into_iter().map(|(h, _)| h).collect();
        if headings != HEADINGS {
            problems.push(format!("{}: headings {headings:?}", page.code));
        }
    }
    report(&problems);
}

/// The heart of it: a page's example shows a message at the rule's default severity,
/// every message it shows is what cplan prints on the rule's fixture (severity and
/// words), the sentence that introduces it says the as-of date, and it shows YAML.
#[test]
fn every_example_message_is_what_cplan_prints_on_the_fixture() {
    let mut problems = Vec::new();
    for page in pages() {
        let code = page.code.as_str();
        let Some(rule) = cplan::rules::lookup(code) else {
            problems.push(format!("{code}: not in the registry"));
            continue;
        };
        let sections = sections(&page.text);
        let example = section(&sections, "Example");
        let shown = message_lines(example);
        let default = rule.severity.word();
        if !shown.iter().any(|(s, c, _)| c == code && s == default) {
            problems.push(format!(
                "{code}: the example shows no {default}[{code}] message (the rule's severity)"
            ));
        }
        let (folder, run) = check_fixture(code);
        let printed = printed(&run, &folder);
        // A message at another severity (CP007's sibling-file warning) is fine when
        // cplan prints it so: the severity is compared with the finding's too.
        for (severity, shown_code, message) in &shown {
            let found = (severity.clone(), shown_code.clone(), message.clone());
            if !printed.contains(&found) {
                let of_code: Vec<String> = printed
                    .iter()
                    .filter(|(_, c, _)| c == shown_code)
                    .map(|(s, _, m)| format!("    {s}[{shown_code}]: {m}"))
                    .collect();
                problems.push(format!(
                    "{code}: cplan does not print on tests/rules/{code}/fires:\n    \
                     {severity}[{shown_code}]: {message}\n  it prints:\n{}",
                    of_code.join("\n")
                ));
            }
        }
        if !prose(example).contains(AS_OF) {
            problems.push(format!(
                "{code}: the example does not say the as-of date it is for ({AS_OF})"
            ));
        }
        if yaml_blocks(example).is_empty() && code != "CP901" {
            problems.push(format!("{code}: the example shows no YAML"));
        }
    }
    report(&problems);
}

/// The first YAML block of an example is part of the fixture: each of its lines, comments
/// aside, is a line of one of the fixture's files (so the snippet is the case cplan
/// checked, not a look-alike).
#[test]
fn every_example_shows_lines_of_its_fixture() {
    let mut problems = Vec::new();
    for page in pages() {
        let code = page.code.as_str();
        let sections = sections(&page.text);
        let Some(snippet) = yaml_blocks(section(&sections, "Example")).into_iter().next() else {
            continue;
        };
        let folder = root().join("tests/rules").join(code).join("fires");
        let mut fixture_lines = BTreeSet::new();
        for entry in std::fs::read_dir(&folder).expect("fixture folder") {
            let path = entry.expect("entry").path();
            if let Ok(text) = std::fs::read_to_string(&path) {
                fixture_lines.extend(text.lines().map(without_comment));
            }
        }
        for line in snippet.lines().map(without_comment) {
            let elided = line.trim() == "..." || line.trim() == "…";
            if !line.trim().is_empty() && !elided && !fixture_lines.contains(&line) {
                problems.push(format!("{code}: not a line of its fixture: {line}"));
            }
        }
    }
    report(&problems);
}

/// A YAML line without its `# comment` and trailing spaces (a page may comment a line
/// differently from its fixture).
fn without_comment(line: &str) -> String {
    let code = match line.find(" #") {
        Some(at) => &line[..at],
        None if line.trim_start().starts_with('#') => "",
        None => line,
    };
    code.trim_end().to_owned()
}

#[test]
fn pages_cite_only_what_users_have() {
    let mut problems = Vec::new();
    for page in pages() {
        let code = page.code.as_str();
        for word in NOT_FOR_USERS {
            if prose(&page.text).contains(word) {
                problems.push(format!("{code}: cites {word:?}"));
            }
        }
        for file in markdown_files_named(&page.text) {
            let path = if file.starts_with("docs/") {
                root().join(&file)
            } else {
                root().join("docs/rules").join(&file)
            };
            if !path.is_file() {
                problems.push(format!("{code}: cites {file}, which is not in the repository"));
            }
        }
        for (file, heading) in doc_sections_named(&page.text) {
            let doc = std::fs::read_to_string(root().join(&file)).unwrap_or_default();
            let headings: Vec<String> = doc
                .lines()
                .filter(|l| l.starts_with('#'))
                .map(|l| l.trim_start_matches('#').replace('`', "").trim().to_owned())
                .collect();
            if !headings.contains(&heading) {
                problems.push(format!("{code}: {file} has no section \"{heading}\""));
            }
        }
        let sections = sections(&page.text);
        for bullet in bullets(section(&sections, "Source")) {
            if !names_what_a_reader_can_find(&bullet) {
                problems.push(format!(
                    "{code}: a source without its title, a law or a doc: {bullet}"
                ));
            }
        }
    }
    report(&problems);
}

/// The `*.md` files a page names (in links or in words).
fn markdown_files_named(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '/' | '-' | '_' | '.')))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| w.ends_with(".md") && w.len() > 3)
        .map(str::to_owned)
        .collect()
}

/// `(docs/FILE.md, "Section")`: the sections a page points to, as `(file, heading)`.
fn doc_sections_named(text: &str) -> Vec<(String, String)> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut named = Vec::new();
    for (at, _) in text.match_indices("docs/") {
        let rest = &text[at..];
        let Some(end) = rest.find(".md, \"") else {
            continue;
        };
        let file = &rest[..end + 3];
        if file.contains(' ') {
            continue;
        }
        let after = &rest[end + 6..];
        if let Some(close) = after.find('"') {
            named.push((file.to_owned(), after[..close].to_owned()));
        }
    }
    named
}

/// The items of a Markdown list, each on one line.
fn bullets(text: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for line in text.lines() {
        if let Some(item) = line.strip_prefix("- ") {
            items.push(item.to_owned());
        } else if let Some(last) = items.last_mut().filter(|_| !line.trim().is_empty()) {
            last.push(' ');
            last.push_str(line.trim());
        }
    }
    items
}

/// A source a reader can look up: a practice source under its title, a statute,
/// regulation or court rule by number, or a doc of the repository.
fn names_what_a_reader_can_find(bullet: &str) -> bool {
    let plain = bullet.replace('*', "");
    let law = ["USC", "CFR", "WIC ", "CRC ", "K.S.A."]
        .iter()
        .any(|l| plain.contains(l));
    let titled = SOURCES.iter().any(|s| plain.contains(s.title()));
    law || titled || plain.contains("docs/")
}

/// No lower-case "efc", no setting or case key outside backticks (a key with `_` or a
/// dotted `visits.` setting), and "EFC" only on a page that says what it stands for.
#[test]
fn page_prose_has_no_internal_words() {
    let mut problems = Vec::new();
    for page in pages() {
        let code = page.code.as_str();
        let prose = prose(&page.text);
        for word in prose.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')')) {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '_');
            if word == "efc" || word.contains('_') || word.starts_with("visits.") {
                problems.push(format!("{code}: {word:?} outside backticks"));
            }
        }
        if prose.contains("EFC") && !prose.contains("entered foster care (EFC)") {
            problems.push(format!(
                "{code}: uses EFC without saying it is the date the child entered foster care (EFC)"
            ));
        }
    }
    report(&problems);
}

/// docs/rules/README.md has one row per rule: its code linking to its page, its name, its
/// severity and the registry's summary (what `cplan explain --all` prints).
#[test]
fn the_rules_index_lists_every_rule_as_the_registry_has_it() {
    let index = std::fs::read_to_string(root().join("docs/rules/README.md")).expect("README");
    let rows: Vec<Vec<String>> = index
        .lines()
        .filter(|l| l.starts_with("| [CP"))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect();
    let mut problems = Vec::new();
    for rule in cplan::rules::RULES {
        let code = rule.code;
        let link = format!("[{code}]({code}.md)");
        let Some(row) = rows.iter().find(|r| r[0] == link) else {
            problems.push(format!("{code}: no row"));
            continue;
        };
        let expected_start = [link, format!("`{}`", rule.name)];
        if row.len() != 4 || row[..2] != expected_start {
            problems.push(format!("{code}: row {row:?}"));
            continue;
        }
        if !row[2].starts_with(rule.severity.word()) {
            problems.push(format!("{code}: severity {} in the index", row[2]));
        }
        if row[3] != rule.summary {
            problems.push(format!(
                "{code}: summary\n    index:    {}\n    registry: {}",
                row[3], rule.summary
            ));
        }
    }
    if rows.len() != cplan::rules::RULES.len() {
        problems.push(format!(
            "{} rows for {} rules",
            rows.len(),
            cplan::rules::RULES.len()
        ));
    }
    report(&problems);
}
