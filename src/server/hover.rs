//! Hover: on a flagged place, its findings and their rules' explanations; on a rule
//! code, its explanation; on a date, the deadlines it sets or meets and how they stand.

use chrono::NaiveDate;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::text::Lines;
use super::workspace::Checked;
use crate::check::CheckedDocument;
use crate::finding::Code;
use crate::policy::care;
use crate::policy::deadline::{Basis, Deadline};
use crate::policy::words;

/// Most deadlines listed under one date (a removal date sets a dozen).
const MOST_DEADLINES: usize = 12;

pub fn hover(lines: &Lines<'_>, checked: &Checked, position: Position) -> Option<Hover> {
    let (line, column) = lines.loc_of_position(position);
    let line_text = lines.line(line as usize - 1);
    let mut sections = Vec::new();
    let mut explained: Vec<Code> = Vec::new();
    for finding in &checked.findings {
        let Some(loc) = finding.loc else { continue };
        if loc.line != line || column < loc.column || column > loc.column + finding.width {
            continue;
        }
        let mut section = format!("**{}** ({}): {}", finding.rule, finding.severity, finding.message);
        if let Some(help) = &finding.help {
            section.push_str(&format!("\n\nhelp: {help}"));
        }
        sections.push(section);
        if !explained.contains(&finding.rule) {
            explained.push(finding.rule);
        }
    }
    if let Some(code) = word_at(line_text, column, |c| c.is_ascii_alphanumeric())
        .filter(|w| w.len() == 5 && w.starts_with("CP"))
        .and_then(|w| crate::rules::lookup(w).map(|r| r.code))
        && !explained.contains(&code)
    {
        explained.push(code);
    }
    for code in explained {
        if let Some(rule) = crate::rules::lookup(code.as_str()) {
            sections.push(rule.explain.trim().to_owned());
        }
    }
    let date = word_at(line_text, column, |c| c.is_ascii_digit() || c == '-')
        .and_then(|w| crate::load::convert::parse_date(w).ok());
    if let (Some(date), Some(document)) = (date, checked.case.as_deref()) {
        sections.extend(date_section(document, key_of(line_text), date, checked.as_of));
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: None,
    })
}

/// The deadlines a date sets (counted from it) or meets, and how each stands.
fn date_section(document: &CheckedDocument, key: &str, date: NaiveDate, as_of: NaiveDate) -> Option<String> {
    let deadlines = document.summary.as_ref().map(|s| s.deadlines.as_slice())?;
    let mut header = Vec::new();
    let mut from = vec![date];
    let episode = document
        .file
        .case
        .as_ref()
        .and_then(|c| c.current_episode())
        .map(|(_, e)| e);
    if let Some(episode) = episode
        && (key == "removed" && episode.removed == date
            || key == "court_finding" && episode.court_finding == Some(date))
    {
        let efc = care::efc(episode);
        header.push(format!(
            "**Entered foster care on {efc}**: the earlier of the court's finding of abuse or neglect and 60 days after the removal."
        ));
        from.push(efc);
    }
    let mut sets: Vec<&Deadline> = deadlines
        .iter()
        .filter(|d| {
            d.basis.dates().iter().any(|x| from.contains(x))
                || matches!(d.basis, Basis::Scheduled { .. }) && d.due == date
        })
        .collect();
    sets.sort_by_key(|d| d.due);
    let meets: Vec<&Deadline> = deadlines.iter().filter(|d| d.met_on == Some(date)).collect();
    if sets.is_empty() && meets.is_empty() {
        return None;
    }
    if !sets.is_empty() {
        header.push(format!("`{key}: {date}` sets:"));
        header.push(list(&sets, as_of));
    }
    if !meets.is_empty() {
        header.push(format!("`{key}: {date}` meets:"));
        header.push(list(&meets, as_of));
    }
    Some(header.join("\n\n"))
}

fn list(deadlines: &[&Deadline], as_of: NaiveDate) -> String {
    let mut lines: Vec<String> = deadlines
        .iter()
        .take(MOST_DEADLINES)
        .map(|d| {
            format!(
                "- {} due {}: {} ({})",
                words::what(d),
                d.due,
                words::status_long(d, as_of),
                words::why(d)
            )
        })
        .collect();
    if deadlines.len() > MOST_DEADLINES {
        lines.push(format!(
            "- and {} more (`cplan timeline` lists them all)",
            deadlines.len() - MOST_DEADLINES
        ));
    }
    lines.join("\n")
}

/// The key of a `key: value` line (`removed` of `  - removed: 2026-01-10`).
pub fn key_of(line: &str) -> &str {
    let line = line.trim_start().trim_start_matches("- ").trim_start();
    line.split_once(':').map_or("", |(key, _)| key.trim())
}

/// The run of characters around 1-based character `column` for which `part` holds.
pub fn word_at(line: &str, column: u32, part: impl Fn(char) -> bool) -> Option<&str> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let at = (column as usize).saturating_sub(1);
    // The cursor may be just after the word.
    let at = if chars.get(at).is_some_and(|(_, c)| part(*c)) {
        at
    } else {
        at.checked_sub(1)
            .filter(|&i| chars.get(i).is_some_and(|(_, c)| part(*c)))?
    };
    let start = (0..=at).rev().take_while(|&i| part(chars[i].1)).last()?;
    let end = (at..chars.len()).take_while(|&i| part(chars[i].1)).last()?;
    let from = chars[start].0;
    let to = chars[end].0 + chars[end].1.len_utf8();
    Some(&line[from..to])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_and_key_at_a_place() {
        let line = "  - removed: 2026-01-10 # CP102";
        assert_eq!(key_of(line), "removed");
        assert_eq!(
            word_at(line, 14, |c| c.is_ascii_digit() || c == '-'),
            Some("2026-01-10")
        );
        assert_eq!(
            word_at(line, 24, |c| c.is_ascii_digit() || c == '-'),
            Some("2026-01-10"),
            "just after"
        );
        assert_eq!(word_at(line, 29, |c| c.is_ascii_alphanumeric()), Some("CP102"));
        assert_eq!(word_at(line, 1, |c| c.is_ascii_alphanumeric()), None);
    }
}
