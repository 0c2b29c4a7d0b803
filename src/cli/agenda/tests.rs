use super::*;
use crate::check::{Keep, check_paths};

#[test]
fn an_agenda_that_cannot_be_built_is_left_out_and_the_others_are_written() {
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases-sample");
    let options = CheckOptions::new(as_of)
        .keeping(Keep::Due(agenda::horizon(as_of, None)))
        .keeping_cases(crate::check::KeptDeadlines::All);
    let run = check_paths(std::slice::from_ref(&root), options).expect("cases-sample exists");
    let cases: Vec<&CaseSummary> = run.summaries.iter().take(3).collect();
    let gone = cases[1].id.clone();
    let build = |summary: &CaseSummary| {
        if summary.id == gone {
            bail!("{}: moved away since the check", summary.file.display());
        }
        let making = Making {
            as_of,
            horizon: agenda::horizon(as_of, None),
            redact: false,
            pictured: true,
        };
        build(&run, summary, making)
    };
    for format in [
        AgendaFormat::Json,
        AgendaFormat::Markdown,
        AgendaFormat::Text,
        AgendaFormat::Html,
    ] {
        let mut out = Vec::new();
        let (written, failed) = write_agendas(&mut out, &run, &cases, format, false, &build);
        assert!(written.is_ok(), "{format:?}");
        assert_eq!(failed.len(), 1, "{format:?}: the one case is reported");
        let text = String::from_utf8_lossy(&out);
        for written_case in [&cases[0].id, &cases[2].id] {
            assert!(
                text.contains(written_case.as_str()),
                "{format:?}: {written_case} written"
            );
        }
        if format == AgendaFormat::Json {
            let list: serde_json::Value = serde_json::from_str(&text).expect("a JSON object");
            let ids: Vec<&str> = list["agendas"]
                .as_array()
                .map(|l| l.iter().filter_map(|a| a["heading"]["case"].as_str()).collect())
                .unwrap_or_default();
            assert_eq!(ids, [cases[0].id.as_str(), cases[2].id.as_str()]);
        }
    }
}
