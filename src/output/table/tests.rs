use super::*;

fn sample() -> Table<'static> {
    let mut t = Table::new(&[("case", 0), ("child", 2), ("worker", 3), ("note", 1)]);
    t.push(vec![
        "2026-0201".into(),
        "M. R.".into(),
        "R. Alvarez".into(),
        "a long note | with a bar".into(),
    ]);
    t
}

fn drawn(t: &Table, width: usize) -> String {
    t.render_terminal(Drawing {
        width,
        borders: Borders::Ascii,
        color: false,
    })
}

fn header(t: &Table, width: usize) -> Vec<String> {
    let text = drawn(t, width);
    let line = text.lines().nth(1).unwrap_or_default();
    line.split('|')
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn narrow_terminals_drop_the_least_important_columns_first() {
    let t = sample();
    assert_eq!(header(&t, 200), ["case", "child", "worker", "note"]);
    assert_eq!(
        header(&t, 49),
        ["case", "child", "worker", "note"],
        "the note on two lines"
    );
    assert_eq!(header(&t, 40), ["case", "child", "worker"], "note goes first");
    assert_eq!(header(&t, 30), ["case", "worker"], "then the child");
    assert_eq!(header(&t, 12), ["case"], "the case id always stays");
    for width in [30, 40, 49, 60] {
        for line in drawn(&t, width).lines() {
            assert!(line.width() <= width, "{width}: {line}");
        }
    }
}

#[test]
fn cells_wrap_at_spaces_never_inside_a_word() {
    assert_eq!(wrap("2026-10-31 (overdue)", 12), ["2026-10-31", "(overdue)"]);
    assert_eq!(wrap("reunification", 5), ["reunification"], "a word stays whole");
    assert_eq!(wrap("", 5), [""]);
}

#[test]
fn alerts_are_bold_red_only_with_colour() {
    let mut t = sample();
    t.push_marked(
        vec![
            "2026-0212".into(),
            "B. S.".into(),
            "T. Okafor".into(),
            "late".into(),
        ],
        Some(Mark::Overdue),
    );
    let plain = drawn(&t, 80);
    assert!(!plain.contains('\u{1b}'));
    let coloured = t.render_terminal(Drawing {
        width: 80,
        borders: Borders::Unicode,
        color: true,
    });
    assert!(coloured.contains("\u{1b}[1;31m2026-0212\u{1b}[0m"), "{coloured}");
    assert!(!coloured.contains("\u{1b}[1;31m2026-0201"), "{coloured}");
}

#[test]
fn csv_quotes_and_markdown_escapes() {
    let t = sample();
    assert_eq!(
        t.render_csv().expect("csv"),
        "case,child,worker,note\n2026-0201,M. R.,R. Alvarez,a long note | with a bar\n"
    );
    assert!(t.render_markdown().contains("a long note \\| with a bar"));
}

/// Rows made on demand from a list, as a report makes them from what it holds.
struct Made(Vec<(Vec<String>, Option<Mark>)>);

impl MakeRows for Made {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn row(&self, i: usize) -> (Vec<String>, Option<Mark>) {
        self.0[i].clone()
    }
}

const COLUMNS: [(&str, u8); 4] = [("case", 0), ("child", 2), ("worker", 3), ("note", 1)];

fn rows() -> Vec<(Vec<String>, Option<Mark>)> {
    let row = |cells: [&str; 4], mark| (cells.map(str::to_owned).to_vec(), mark);
    vec![
        row(
            ["2026-0201", "M. R.", "R. Alvarez", "a long note | with a bar"],
            None,
        ),
        row(["2026-0212", "B. S.", "T. Okafor", "late"], Some(Mark::Overdue)),
    ]
}

fn kept() -> Table<'static> {
    let mut t = Table::new(&COLUMNS);
    for (cells, mark) in rows() {
        t.push_marked(cells, mark);
    }
    t
}

#[test]
fn a_table_of_made_rows_is_drawn_as_one_of_kept_rows() {
    let made = Table::made(&COLUMNS, Made(rows()));
    assert_eq!(made.len(), 2);
    for width in [100, 40, 20] {
        assert_eq!(drawn(&made, width), drawn(&kept(), width), "width {width}");
    }
    let colour = Drawing {
        width: 80,
        borders: Borders::Unicode,
        color: true,
    };
    assert_eq!(made.render_terminal(colour), kept().render_terminal(colour));
    assert_eq!(made.render_markdown(), kept().render_markdown());
    assert_eq!(made.render_csv().expect("csv"), kept().render_csv().expect("csv"));
}

#[test]
fn without_hides_the_same_column_of_made_rows_as_of_kept_ones() {
    for (first, second) in [("child", "note"), ("note", "child"), ("worker", "case")] {
        let made = Table::made(&COLUMNS, Made(rows())).without(first).without(second);
        let kept = kept().without(first).without(second);
        assert_eq!(made.headers, kept.headers);
        assert_eq!(
            made.render_csv().expect("csv"),
            kept.render_csv().expect("csv"),
            "{first} {second}"
        );
    }
}
