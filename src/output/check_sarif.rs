//! `check --format sarif`: SARIF 2.1.0 (OASIS), the format code-scanning services and
//! static-analysis viewers read. One run; the tool's rules are the whole registry, each
//! with its summary and its `cplan explain` text, so a viewer can show why a finding
//! matters and how to fix it.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use super::{CheckWriter, indented_json};
use crate::check::CheckRun;
use crate::finding::{Finding, Severity};
use crate::rules::{RULES, Rule};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RunProperties {
    as_of: Option<String>,
    files: usize,
    cases: usize,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Help,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: &'static str,
    markdown: &'static str,
}

#[derive(Serialize)]
struct Configuration {
    enabled: bool,
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<ResultProperties<'a>>,
}

#[derive(Serialize)]
struct ResultProperties<'a> {
    case: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    /// The column after the last character of the marked key or value.
    end_column: u32,
}

/// The log written as the run goes: the tool and its rules, each result as it comes,
/// then the run's properties (its counts are known only at the end).
#[derive(Default)]
pub struct Writer {
    written: usize,
}

impl CheckWriter for Writer {
    fn start(&mut self, out: &mut dyn Write, _as_of: NaiveDate) -> std::io::Result<()> {
        let tool = Tool {
            driver: Driver {
                name: "cplan",
                version: env!("CARGO_PKG_VERSION"),
                semantic_version: env!("CARGO_PKG_VERSION"),
                rules: RULES.iter().map(descriptor).collect(),
            },
        };
        write!(
            out,
            "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {},\n      \"results\": [",
            indented_json(&tool, 6).trim_start()
        )
    }

    fn finding(&mut self, out: &mut dyn Write, f: &Finding) -> std::io::Result<()> {
        let separator = if self.written == 0 { "" } else { "," };
        self.written += 1;
        write!(out, "{separator}\n{}", indented_json(&result(f), 8))
    }

    fn end(&mut self, out: &mut dyn Write, run: &CheckRun) -> std::io::Result<()> {
        let close = if self.written == 0 { "]" } else { "\n      ]" };
        let properties = RunProperties {
            as_of: run.as_of.map(|d| d.to_string()),
            files: run.files,
            cases: run.cases,
        };
        writeln!(
            out,
            "{close},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"properties\": {}\n    }}\n  ]\n}}",
            indented_json(&properties, 6).trim_start()
        )
    }
}

/// The whole log of a finished run.
pub fn render(run: &CheckRun) -> String {
    super::render_check(&mut Writer::default(), run)
}

fn descriptor(rule: &'static Rule) -> RuleDescriptor {
    RuleDescriptor {
        id: rule.code.as_str(),
        name: rule.name,
        short_description: Text {
            text: rule.summary.to_owned(),
        },
        full_description: explanation(rule),
        help: explanation(rule),
        default_configuration: Configuration {
            enabled: !rule.opt_in,
            level: level(rule.severity),
        },
    }
}

/// The `cplan explain` page; Markdown, and as plain text for viewers without Markdown.
fn explanation(rule: &'static Rule) -> Help {
    Help {
        text: rule.explain.trim(),
        markdown: rule.explain.trim(),
    }
}

fn result(f: &Finding) -> SarifResult<'_> {
    let message = match &f.help {
        Some(help) => format!("{}\nhelp: {help}", f.message),
        None => f.message.clone(),
    };
    SarifResult {
        rule_id: f.rule.as_str(),
        rule_index: RULES.iter().position(|r| r.code == f.rule),
        level: level(f.severity),
        message: Text { text: message },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: uri_of(&f.file.display().to_string()),
                },
                region: f.loc.map(|loc| Region {
                    start_line: loc.line,
                    start_column: loc.column,
                    end_column: loc.column + f.width.max(1),
                }),
            },
        }],
        properties: f.case.as_deref().map(|case| ResultProperties { case }),
    }
}

/// SARIF's levels; a profile may have changed a rule's severity, so each result says its own.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: `/` as the separator, and every byte outside the
/// unreserved characters percent-encoded (a space, an accent, `#` or `?` in a name).
fn uri_of(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::uri_of;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri_of("cases/2026-0142.yaml"), "cases/2026-0142.yaml");
        assert_eq!(
            uri_of("my cases/Lucía #2.yaml"),
            "my%20cases/Luc%C3%ADa%20%232.yaml"
        );
        assert_eq!(uri_of(r"cases\a.yaml"), "cases/a.yaml");
    }
}
