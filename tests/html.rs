//! `--format html`: each report is one self-contained page that an HTML5 parser
//! (scraper, on html5ever) reads without an error, with every case row, every deadline
//! and every worker it should have, pictures that are well-formed SVG (roxmltree), no
//! script and nothing fetched; over a hostile caseload, no element or attribute comes
//! from data. A snapshot of each report's page.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::hostile::{Hostile, case_yaml};
use common::{cplan, cplan_in, stdout_of};
use scraper::{ElementRef, Html, Selector};

fn select<'a>(page: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).expect("a valid selector");
    page.select(&selector).collect()
}

fn text_of(element: &ElementRef<'_>) -> String {
    element.text().collect::<String>()
}

/// The page of `cplan ARGS --format html`, parsed; it must parse without an error.
fn page_of(args: &[&str]) -> (String, Html) {
    let mut all = args.to_vec();
    all.extend(["--format", "html"]);
    let html = stdout_of(cplan(&all));
    let page = Html::parse_document(&html);
    assert_eq!(page.errors, Vec::<std::borrow::Cow<str>>::new(), "{args:?}");
    (html, page)
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&stdout_of(cplan(&all))).expect("JSON")
}

/// Every `<svg>` of the page, each parsed alone as XML: well-formed, in the SVG namespace.
fn svgs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..].find("</svg>").expect("every <svg> is closed") + start + 6;
        let svg = &rest[start..end];
        let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}: {svg}"));
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        assert_eq!(
            doc.root_element().tag_name().namespace(),
            Some("http://www.w3.org/2000/svg")
        );
        out.push(svg.to_owned());
        rest = &rest[end..];
    }
    out
}

/// The deadline marks of a picture: one per deadline, whatever its status.
const DEADLINE_MARKS: &str = "g.mark.overdue, g.mark.due-soon, g.mark.upcoming, g.mark.met";

const REPORTS: [&[&str]; 6] = [
    &["status", "cases-sample"],
    &["deadlines", "cases-sample", "--by", "worker"],
    &["stats", "cases-sample"],
    &["agenda", "2026-0211", "cases-sample"],
    &["agenda", "--due-within", "60d", "cases-sample"],
    &["timeline", "2026-0211", "cases-sample"],
];

#[test]
fn every_report_is_one_page_that_fetches_nothing_and_names_the_unreadable_file() {
    for args in REPORTS {
        let (html, page) = page_of(args);
        assert!(html.starts_with("<!DOCTYPE html>"), "{args:?}");
        assert!(select(&page, "script").is_empty(), "{args:?}: no script");
        assert_eq!(select(&page, "head > title").len(), 1, "{args:?}");
        assert_eq!(
            select(&page, "head > style").len(),
            1,
            "{args:?}: the style sheet inline"
        );
        assert!(!select(&page, "h1").is_empty(), "{args:?}: a heading");
        for element in select(&page, "*") {
            for (name, value) in element.value().attrs() {
                assert!(!name.starts_with("on"), "{args:?}: {name}");
                if matches!(name, "src" | "href" | "xlink:href" | "action" | "srcset") {
                    panic!("{args:?}: <{}> {name}={value}", element.value().name());
                }
            }
        }
        let style: String = select(&page, "style").iter().map(text_of).collect();
        assert!(!style.contains("url(") && !style.contains("@import"), "{args:?}");
        let csp = select(&page, "meta[http-equiv=Content-Security-Policy]");
        assert_eq!(
            csp.first().and_then(|m| m.value().attr("content")),
            Some("default-src 'none'; style-src 'unsafe-inline'"),
            "{args:?}"
        );
        let body = text_of(&select(&page, "body")[0]);
        assert!(
            body.contains("cases-sample/2026-0299-broken.yaml"),
            "{args:?}: the file that could not be read is named"
        );
        svgs(&html);
    }
}

#[test]
fn status_has_one_row_per_case_and_marks_the_overdue_one_in_words() {
    let (_, page) = page_of(&["status", "cases-sample"]);
    let rows = select(&page, "table tbody tr");
    let ids: Vec<String> = rows
        .iter()
        .map(|row| text_of(&row.child_elements().next().expect("a cell")).replace('⚠', ""))
        .map(|id| id.trim().to_owned())
        .collect();
    let expected: Vec<String> = json(&["status", "cases-sample"])["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| c["case"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(ids, expected);
    let overdue = select(&page, "tr.overdue");
    assert_eq!(
        overdue.len(),
        2,
        "2026-0212's visit and 2026-0214's efforts findings are overdue"
    );
    let row = text_of(&overdue[0]);
    assert!(row.contains('⚠') && row.contains("overdue"), "{row}");
}

#[test]
fn deadlines_by_worker_has_every_deadline_and_each_worker_on_a_page() {
    let (_, page) = page_of(&["deadlines", "cases-sample", "--by", "worker"]);
    let groups = json(&["deadlines", "cases-sample", "--by", "worker"])["by_worker"]
        .as_array()
        .expect("groups")
        .clone();
    let sections = select(&page, "section");
    for (i, group) in groups.iter().enumerate() {
        let worker = group["worker"].as_str().expect("worker");
        let section = sections
            .iter()
            .find(|s| select_in(s, "h2").first().map(text_of).as_deref() == Some(worker))
            .unwrap_or_else(|| panic!("a section for {worker}"));
        let rows = select_in(section, "tbody tr");
        let deadlines = group["deadlines"].as_array().expect("deadlines");
        assert_eq!(rows.len(), deadlines.len(), "{worker}");
        for (row, deadline) in rows.iter().zip(deadlines) {
            let overdue = deadline["status"] == "overdue";
            assert_eq!(
                row.value()
                    .has_class("overdue", scraper::CaseSensitivity::CaseSensitive),
                overdue
            );
            if overdue {
                let text = text_of(row);
                assert!(text.contains('⚠') && text.contains("OVERDUE"), "{text}");
            }
        }
        let new_page = section
            .value()
            .has_class("new-page", scraper::CaseSensitivity::CaseSensitive);
        assert_eq!(
            new_page,
            i > 0,
            "{worker}: a page of their own, the first under the title"
        );
    }
}

fn select_in<'a>(element: &ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).expect("a valid selector");
    element.select(&selector).collect()
}

/// How many deadlines `timeline --format json` lists for the case.
fn deadline_count(case: &str) -> usize {
    json(&["timeline", case, "cases-sample"])["deadlines"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| g["items"].as_array().map_or(0, Vec::len))
        .sum()
}

#[test]
fn a_timeline_draws_every_deadline_of_every_sample_case() {
    let ids: Vec<String> = json(&["status", "cases-sample"])["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| c["case"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(ids.len(), 15);
    for id in &ids {
        let (html, page) = page_of(&["timeline", id, "cases-sample"]);
        assert_eq!(svgs(&html).len(), 1, "{id}: one picture");
        let marks = select(&page, DEADLINE_MARKS);
        assert_eq!(marks.len(), deadline_count(id), "{id}");
        for mark in &marks {
            let hover = select_in(mark, "title");
            assert!(
                hover.first().is_some_and(|t| !text_of(t).is_empty()),
                "{id}: every mark says what it is"
            );
        }
        for lane in [
            "Removal episodes",
            "Placements",
            "Reunification",
            "Concurrent goal",
            "15 of 22 months",
        ] {
            assert!(
                select(&page, "g.lane > text").iter().any(|t| text_of(t) == lane),
                "{id}: lane {lane}"
            );
        }
        assert!(!select(&page, "g.band").is_empty(), "{id}: the stages");
        assert_eq!(select(&page, "g.now").len(), 1, "{id}: the as-of line");
    }
}

#[test]
fn an_agenda_has_the_picture_of_its_case_and_a_page_per_agenda() {
    let (html, page) = page_of(&["agenda", "2026-0211", "cases-sample"]);
    assert_eq!(svgs(&html).len(), 1);
    assert_eq!(select(&page, DEADLINE_MARKS).len(), deadline_count("2026-0211"));
    let due = json(&["agenda", "--due-within", "60d", "cases-sample"]);
    let due: Vec<&str> = due["agendas"]
        .as_array()
        .expect("agendas")
        .iter()
        .filter_map(|a| a["heading"]["case"].as_str())
        .collect();
    assert!(due.len() > 1, "{due:?}");
    let (html, page) = page_of(&["agenda", "--due-within", "60d", "cases-sample"]);
    let articles = select(&page, "main > article");
    assert_eq!(
        articles.len(),
        due.len(),
        "one article per agenda, the caveats in the last"
    );
    assert_eq!(svgs(&html).len(), due.len());
    for (article, case) in articles.iter().zip(&due) {
        let title = text_of(&select_in(article, "h1")[0]);
        assert_eq!(title, format!("Review agenda: case {case}"));
        assert_eq!(select_in(article, "svg").len(), 1, "{case}");
    }
    let caveats: Vec<usize> = (articles.iter().enumerate())
        .filter(|(_, a)| text_of(a).contains("2026-0299-broken.yaml"))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        caveats,
        [articles.len() - 1],
        "the unreadable file, once, at the end"
    );
    let style: String = select(&page, "style").iter().map(text_of).collect();
    assert!(
        style.contains("article + article { break-before: page; }"),
        "{style}"
    );
}

#[test]
fn stats_draws_its_three_distributions_as_bars() {
    let (html, page) = page_of(&["stats", "cases-sample"]);
    assert_eq!(svgs(&html).len(), 3);
    let charts = select(&page, "figure.bars");
    assert_eq!(charts.len(), 3);
    let values = |chart: &ElementRef<'_>| -> Vec<u64> {
        select_in(chart, "g.bar > text[font-weight=bold]")
            .iter()
            .map(|t| text_of(t).parse().expect("a count"))
            .collect()
    };
    let totals = &json(&["stats", "cases-sample"])["totals"];
    let stage = &totals["by_stage"];
    assert_eq!(
        values(&charts[0]),
        ["stage_1", "stage_2", "stage_3", "past_stage_3"].map(|k| stage[k].as_u64().unwrap_or(99))
    );
    let open = totals["open"].as_u64().expect("open");
    assert_eq!(
        values(&charts[1]).iter().sum::<u64>(),
        open,
        "each open case in one band"
    );
    let cases = totals["cases"].as_u64().expect("cases");
    assert_eq!(
        values(&charts[2]).iter().sum::<u64>(),
        cases,
        "each case counted once"
    );
}

/// What cplan writes itself: no other element or attribute may appear, whatever the data.
const ELEMENTS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "article",
    "section",
    "div",
    "h1",
    "h2",
    "h3",
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "code",
    "span",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "svg",
    "desc",
    "g",
    "rect",
    "line",
    "text",
    "polygon",
    "circle",
];
const ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "name",
    "content",
    "http-equiv",
    "class",
    "scope",
    "role",
    "aria-label",
    "xmlns",
    "viewBox",
    "width",
    "height",
    "font-family",
    "font-size",
    "font-weight",
    "text-anchor",
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "paint-order",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "rx",
    "cx",
    "cy",
    "r",
    "points",
];

/// A case id made of markup (without a `/`, which would make it a file name).
const HOSTILE_ID: &str = "<i>0902&amp;'\"";

#[test]
fn hostile_data_is_text_and_never_markup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let script = "<script>alert(1)</script>";
    let tag = "Okafor\"><img src=x onerror=alert(1)>";
    let cases = [
        Hostile {
            id: "2026-0901".to_owned(),
            worker: tag.to_owned(),
            child: format!("Kid {script}"),
            parent_id: "mom\"onload=\"x".to_owned(),
            parent_name: "<svg onload=alert(1)>".to_owned(),
            caregiver: "</title><a href=\"https://evil.example\">x</a>".to_owned(),
            relative: "R' onmouseover='x".to_owned(),
            note: "<style>*{background:url(https://evil.example)}</style>\u{1b}[31m & &amp;".to_owned(),
        },
        Hostile {
            id: HOSTILE_ID.to_owned(),
            worker: "]]><!-- --><x>".to_owned(),
            child: "</text></svg><script>x</script>".to_owned(),
            parent_id: "mother".to_owned(),
            parent_name: "Ana\r\n<h1>fake</h1>".to_owned(),
            caregiver: "Kettering & sons".to_owned(),
            relative: "Kettering".to_owned(),
            note: "<iframe src=//evil.example>".to_owned(),
        },
    ];
    for (i, case) in cases.iter().enumerate() {
        std::fs::write(dir.path().join(format!("case-{i}.yaml")), case_yaml(case)).expect("write");
    }
    std::fs::write(dir.path().join("<img src=x>.yaml"), "case: [").expect("write");
    let runs: Vec<Vec<&str>> = vec![
        vec!["status", "."],
        vec!["deadlines", ".", "--all", "--by", "worker"],
        vec!["stats", ".", "--by", "worker"],
        vec!["agenda", "--due-within", "400d", "."],
        vec!["agenda", "2026-0901", "."],
        vec!["agenda", HOSTILE_ID, "."],
        vec!["timeline", "2026-0901", "."],
        vec!["timeline", HOSTILE_ID, "."],
    ];
    for args in runs {
        let mut all = args.clone();
        all.extend(["--format", "html"]);
        let output = cplan_in(dir.path(), &all).output().expect("cplan runs");
        assert!(output.status.code().is_some_and(|c| c <= 1), "{args:?}");
        let html = String::from_utf8(output.stdout).expect("utf-8");
        let page = Html::parse_document(&html);
        assert_eq!(page.errors, Vec::<std::borrow::Cow<str>>::new(), "{args:?}");
        let mut seen = BTreeSet::new();
        for element in select(&page, "*") {
            let name = element.value().name();
            assert!(ELEMENTS.contains(&name), "{args:?}: <{name}> from data");
            for (attribute, _) in element.value().attrs() {
                assert!(
                    ATTRIBUTES.contains(&attribute),
                    "{args:?}: {attribute} on <{name}> from data"
                );
            }
            seen.insert(name.to_owned());
        }
        assert!(
            seen.contains("svg") || !args[0].starts_with('t'),
            "{args:?}: the picture is drawn"
        );
        let body = text_of(&select(&page, "body")[0]);
        assert!(!body.contains('\u{1b}'), "{args:?}: no escape byte");
        let shown = match args[0] {
            "stats" => "Okafor\"><img src=x onerror=alert(1)>",
            "timeline" | "agenda" if args[1] == HOSTILE_ID => HOSTILE_ID,
            _ => "<script>alert(1)</script>",
        };
        assert!(body.contains(shown), "{args:?}: {shown} shown as text");
        assert!(
            body.contains("<img src=x>.yaml"),
            "{args:?}: the unreadable file's name as text"
        );
        svgs(&html);
    }
    assert!(Path::new(&dir.path().join("case-0.yaml")).exists());
}

#[test]
fn each_report_as_a_page() {
    let reports: [(&str, &[&str]); 5] = [
        ("status", &["status", "cases-sample"]),
        (
            "deadlines_by_worker",
            &["deadlines", "cases-sample", "--by", "worker"],
        ),
        ("stats", &["stats", "cases-sample"]),
        ("agenda", &["agenda", "2026-0211", "cases-sample"]),
        ("timeline", &["timeline", "2026-0211", "cases-sample"]),
    ];
    for (name, args) in reports {
        let (html, _) = page_of(args);
        insta::assert_snapshot!(name, html);
    }
}
