//! Invented cases as the folder rules' tests build them.

use std::path::Path;

use super::{CaseRef, CurrentPlacement, Located};
use crate::finding::{Loc, Severity, shared_path};

fn at(line: u32, column: u32, text: &str) -> Located {
    Located {
        loc: Loc::new(line, column),
        width: 3,
        line: Some(text.to_owned()),
    }
}

/// The case `id` with `siblings` and, when given, a current caregiver; CP007's sibling
/// part on, CP106 off.
pub fn case(id: &str, siblings: &[&str], caregiver: Option<&str>) -> CaseRef {
    CaseRef {
        id: id.to_owned(),
        file: shared_path(Path::new("unused.yaml")),
        id_at: at(1, 7, &format!("case: {id}")),
        siblings: (siblings.iter().enumerate())
            .map(|(i, s)| (s.to_string(), at(4 + i as u32, 7, &format!("    - {s}"))))
            .collect(),
        sibling_severity: Some(Severity::Warning),
        placement: caregiver.map(|c| CurrentPlacement {
            caregiver: c.to_owned(),
            apart_reason: false,
            at: at(9, 5, "  - from: 2025-01-18"),
        }),
        apart_severity: None,
    }
}
