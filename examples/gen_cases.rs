//! Writes N invented, valid case files for benchmarks: `cargo run --release --example
//! gen_cases -- 10000 --out target/bench/10k --seed 1`.
//!
//! Each file is one of the sample cases (cases-sample/) with a new case id and new
//! invented names for the child, parents, workers and caregivers, so the folder has the
//! sizes (6–8 KB), stages, jurisdictions and findings of a real one: most cases clean,
//! about one in twelve with a typical practice mistake. The dates are kept, so every
//! case is checked as of 2026-11-24. The same seed always writes the same files.
//!
//! `--messy` writes a findings-heavy caseload, about 17 findings a case as in a real
//! folder that has not been checked for months: every case's dates moved back 120 to
//! 360 days (nothing logged since, so visits, contacts and reviews are overdue), one
//! supervised visit in eight misspelt (`supervized`, CP004) and one `with: mother` in
//! six (`mothr`, CP007).
//!
//! `--spread DAYS` moves every date of each case back by the same 0 to DAYS days, so
//! deadlines fall on different days as in a real caseload. The price is realism the
//! other way: nothing is logged for those last days, so most cases then have findings
//! (at 56 days, 10,000 cases give 32,000 findings, mostly CP406/CP201/CP204).

use std::path::PathBuf;

/// The sample cases used as templates, and how often each is drawn (out of 100).
const TEMPLATES: &[(&str, u32)] = &[
    (include_str!("../cases-sample/2026-0201.yaml"), 12),
    (include_str!("../cases-sample/2026-0202.yaml"), 12),
    (include_str!("../cases-sample/2026-0204.yaml"), 12),
    (include_str!("../cases-sample/2026-0205.yaml"), 12),
    (include_str!("../cases-sample/2026-0206.yaml"), 12),
    (include_str!("../cases-sample/2026-0207.yaml"), 12),
    (include_str!("../cases-sample/2026-0208.yaml"), 11),
    (include_str!("../cases-sample/2026-0203.yaml"), 9),
    (include_str!("../cases-sample/2026-0211.yaml"), 4),
    (include_str!("../cases-sample/2026-0212.yaml"), 4),
];

const FIRST: &[&str] = &[
    "Ada", "Bea", "Cato", "Dara", "Eli", "Fern", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lior", "Mira", "Nico",
    "Oona", "Pia", "Quin", "Remy", "Sana", "Teo", "Uma", "Vik", "Wren", "Xavi", "Yara", "Zeno",
];
const LAST: &[&str] = &[
    "Abbot", "Brink", "Calder", "Dunmore", "Elling", "Fairley", "Garrow", "Holm", "Ingram", "Jessop", "Keld",
    "Lowry", "Marsh", "Norland", "Orme", "Pryce", "Quarry", "Rook", "Stiles", "Thorne", "Upton", "Vane",
    "Welland", "Yardley",
];

/// splitmix64: a few lines of deterministic randomness, enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn template(rng: &mut Rng) -> &'static str {
    let mut roll = rng.below(100) as u32;
    for (text, weight) in TEMPLATES {
        if roll < *weight {
            return text;
        }
        roll -= weight;
    }
    TEMPLATES[0].0
}

/// The people's names written in a template (`name:`, `caregiver:`, `resource:` values).
fn names_in(text: &str) -> Vec<String> {
    let mut names: Vec<String> = text
        .lines()
        .map(|l| l.trim().trim_start_matches("- "))
        .filter_map(|l| {
            ["name: ", "caregiver: ", "resource: "]
                .iter()
                .find_map(|k| l.strip_prefix(k))
        })
        .map(|v| v.trim().trim_matches('"').to_owned())
        .filter(|v| v.split_whitespace().count() >= 2 && v != "Unknown")
        .collect();
    // Longest first, so "Harold and June Ferris" is replaced before "June Ferris".
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    names
}

/// `text` with every `YYYY-MM-DD` date moved `days` earlier.
fn shift_dates(text: &str, days: i64) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let date = rest
            .get(..10)
            .filter(|d| d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-')
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        match date {
            Some(date) => {
                out.push_str(&(date - chrono::Duration::days(days)).to_string());
                rest = &rest[10..];
            }
            None => {
                let next = rest.chars().next().map_or(1, char::len_utf8);
                out.push_str(&rest[..next]);
                rest = &rest[next..];
            }
        }
    }
    out
}

/// How a case is written: its dates moved back by up to `spread` days, and whether
/// it is messy (see the top of the file).
#[derive(Clone, Copy)]
struct Shape {
    spread: usize,
    messy: bool,
}

fn case_file(rng: &mut Rng, id: &str, shape: Shape) -> String {
    let template = template(rng);
    let shift = if shape.messy {
        120 + rng.below(241)
    } else if shape.spread > 0 {
        rng.below(shape.spread + 1)
    } else {
        0
    };
    let mut text = if shift == 0 {
        template.to_owned()
    } else {
        shift_dates(template, shift as i64)
    };
    for name in names_in(&text) {
        let new = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
        text = text.replace(&name, &new);
    }
    let worker = format!("{}. {}", &rng.pick(FIRST)[..1], rng.pick(LAST));
    let lines: Vec<String> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("siblings: ["))
        .map(|l| {
            if l.starts_with("case: ") {
                format!("case: {id}")
            } else if l.starts_with("worker: ") || l.starts_with("caseworker: ") {
                format!("worker: {worker}")
            } else if shape.messy {
                misspelt(rng, l)
            } else {
                l.to_owned()
            }
        })
        .collect();
    lines.join("\n") + "\n"
}

/// A messy case's line: one visit level in eight and one `with: mother` in six misspelt.
fn misspelt(rng: &mut Rng, line: &str) -> String {
    if line.contains("level: supervised") && rng.below(8) == 0 {
        return line.replace("supervised", "supervized");
    }
    if line.contains("with: mother") && rng.below(6) == 0 {
        return line.replace("with: mother", "with: mothr");
    }
    line.to_owned()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut count = 1000usize;
    let mut out = PathBuf::from("target/bench/cases");
    let mut seed = 1u64;
    let mut spread = 0usize;
    let mut messy = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(seed),
            "--spread" => spread = args.next().and_then(|s| s.parse().ok()).unwrap_or(spread),
            "--messy" => messy = true,
            n => count = n.parse().unwrap_or(count),
        }
    }
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("gen_cases: cannot create {}: {e}", out.display());
        std::process::exit(2);
    }
    let mut rng = Rng(seed);
    for i in 1..=count {
        let id = format!("G{seed}-{i:06}");
        // 1,000 files a folder, as a state's caseload is kept by office.
        let folder = out.join(format!("office-{:03}", i / 1000));
        let written = std::fs::create_dir_all(&folder).and_then(|()| {
            std::fs::write(
                folder.join(format!("{id}.yaml")),
                case_file(&mut rng, &id, Shape { spread, messy }),
            )
        });
        if let Err(e) = written {
            eprintln!("gen_cases: cannot write case {id}: {e}");
            std::process::exit(2);
        }
    }
    println!("wrote {count} case files under {}", out.display());
}
