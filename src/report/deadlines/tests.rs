use super::*;
use crate::check::{CheckOptions, Keep, check_paths};

/// The sample folder with one case copied under a second name: two files that
/// declare one id, whose deadlines tie on date and kind.
fn folder_with_a_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("cases-sample");
    for entry in std::fs::read_dir(&sample).expect("cases-sample").flatten() {
        let to = dir.path().join(entry.file_name());
        std::fs::copy(entry.path(), to).expect("copied");
    }
    std::fs::copy(
        sample.join("2026-0203.yaml"),
        dir.path().join("copy-of-0203.yaml"),
    )
    .expect("copied");
    dir
}

#[test]
fn a_listing_gives_the_deadlines_select_gives_in_the_same_order() {
    let dir = folder_with_a_copy();
    let as_of: NaiveDate = "2026-11-24".parse().expect("date");
    let paths = [dir.path().to_path_buf()];
    let options = CheckOptions::new(as_of).keeping(Keep::All);
    let whole = check_paths(&paths, options).expect("checked");
    let listed = check_paths(&paths, options.listing()).expect("checked");
    let cases: Vec<&CaseSummary> = whole.summaries.iter().collect();
    let windows = [Window::All, Window::Overdue, Window::Within(Span::Days(30))];
    for window in windows {
        let selected: Vec<DeadlineRow> = (select(&cases, window, as_of).iter())
            .map(|s| row(s, as_of))
            .collect();
        let listing = listing(&listed, window, as_of).expect("listed");
        let made: Vec<DeadlineRow> = listing.map(|s| row(s, as_of)).collect();
        assert!(!made.is_empty(), "{window:?}");
        assert_eq!(made, selected, "{window:?}");
    }
}

/// The rows of a listing, as `--format json` writes them, and its counts.
type Written = (Vec<DeadlineRow>, Vec<usize>);

fn written(listing: &Listing<'_>, as_of: NaiveDate) -> Written {
    let rows = listing.map(|s| row(s, as_of)).collect();
    let statuses = [Status::Overdue, Status::DueSoon, Status::Upcoming, Status::Met];
    (rows, statuses.map(|s| listing.count(s)).to_vec())
}

#[test]
fn a_listing_sorted_in_temporary_files_is_the_listing_sorted_in_memory() {
    let dir = folder_with_a_copy();
    let as_of: NaiveDate = "2026-11-24".parse().expect("date");
    let paths = [dir.path().to_path_buf()];
    let options = CheckOptions::new(as_of).keeping(Keep::All).listing();
    let kept = check_paths(&paths, options).expect("checked");
    // Rows staged as soon as there are 5 (runs of 5 rows), or 100.
    for rows in [5, 100] {
        let staged = check_paths(&paths, options.staging_listed_past(rows)).expect("checked");
        for window in [Window::All, Window::Overdue, Window::Within(Span::Days(30))] {
            let wanted = listing(&kept, window, as_of).expect("in memory");
            let got = listing(&staged, window, as_of).expect("sorted in temporary files");
            assert!(!wanted.is_empty());
            assert_eq!(written(&got, as_of), written(&wanted, as_of), "{window:?} {rows}");
            let groups = |l: &Listing<'_>| -> Vec<(String, Written)> {
                (l.by_worker().expect("grouped").iter())
                    .map(|(worker, items)| ((*worker).to_owned(), written(items, as_of)))
                    .collect()
            };
            assert_eq!(groups(&got), groups(&wanted), "{window:?} {rows}");
            assert!(got.failure().is_none());
        }
    }
}
